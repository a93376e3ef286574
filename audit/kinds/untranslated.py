"""Kind ``untranslated``: a sentence or paragraph in another language.

The language stage (:mod:`audit.language`) finds the passages whose language
differs from the document's; this kind keeps those that look left behind by
a translation and lets the honest look-alikes pass:

- a passage shorter than ``min_words`` words (a name, a set phrase, a
  bilingual dateline: the language stage does not judge those at all);
- a passage given with its translation: quoted, and followed by a bracketed
  rendering or introduced by words such as "translated", "meaning",
  "in English" in its paragraph (or, for a whole paragraph, the next one);
- a passage that is mostly a proper name ("the offer of Banque des Travaux
  Publics is", a bank's name with its particles) or written all in
  capitals (a wire headline): names stay in their language in any
  translation. Its share of capitalised words (particles aside) must stay
  below ``max_name_share``.

params:
  min_words        words a passage needs (default 8)
  min_confidence   langdetect probability it needs (default 0.9)
  translation_cues regular expression of words that announce a translation
  max_name_share   share of capitalised words from which a passage is a name (default 0.6)
  particles_from   list of name particles (de, van …) not counted as a name's words
                   (default mt-untranslated-name-particles)
"""

from __future__ import annotations

import re

from ..findings import Hit
from .. import language
from ._lists import word_set

LANGUAGE_NAMES = {
    "af": "Afrikaans", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fi": "Finnish",
    "fr": "French", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "ar": "Arabic", "zh-cn": "Chinese",
    "ja": "Japanese", "ko": "Korean", "bg": "Bulgarian", "sq": "Albanian",
}
DEFAULT_CUES = r"\b(?:translat\w*|meaning|means|which reads|roughly|literally|in English|or in English|that is to say)\b"
_OPEN_QUOTES = "\"'“‘«„‚‹"
_CLOSE_QUOTES = "\"'”’»“‹›"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


class Prepared:
    __slots__ = ("min_words", "min_confidence", "cues", "max_name_share", "particles")

    def __init__(self, min_words, min_confidence, cues, max_name_share=0.6, particles=frozenset()):
        self.max_name_share = max_name_share
        self.particles = particles
        self.min_words = min_words
        self.min_confidence = min_confidence
        self.cues = cues


def compile(rule, catalogue):
    p = rule.params
    return Prepared(
        int(p.get("min_words", 8)),
        float(p.get("min_confidence", language.MIN_PROBABILITY)),
        re.compile(p.get("translation_cues", DEFAULT_CUES), re.I),
        float(p.get("max_name_share", 0.6)),
        word_set(catalogue, p, "particles_from", PARTICLES, lower=True),
    )


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ELISION = re.compile(r"^[a-zà-ÿ]{1,2}['’]")
# name particles (de, van, della …), a list of rules/lists/ the rule names in particles_from
PARTICLES = "mt-untranslated-name-particles"


def _mostly_name(passage: str, max_share: float, particles: frozenset) -> bool:
    """Written all in capitals, or a name: most of its words capitalised."""
    cased = [c for c in passage if c.isupper() or c.islower()]
    if not cased:
        return False  # a script without capitals: nothing to judge by
    if not any(c.islower() for c in cased):
        return True
    words = [_ELISION.sub("", w) for w in _NAME_WORD.findall(passage)]
    content = [w for w in words if len(w) >= 3 and w.lower() not in particles]
    if not content:
        return False
    return sum(1 for w in content if w[:1].isupper()) / len(content) >= max_share


def _quoted(text: str, start: int, end: int) -> bool:
    """The passage opens and closes with quotation marks (or stands between them)."""
    before = text[max(0, start - 2):start].rstrip()
    opens = text[start] in _OPEN_QUOTES or (before[-1:] and before[-1] in _OPEN_QUOTES)
    tail = text[end - 1:end + 2]
    closes = any(c in _CLOSE_QUOTES for c in tail)
    return bool(opens and closes)


def _translated(prep, text: str, start: int, end: int, paragraph: tuple[int, int], next_paragraph) -> bool:
    ps, pe = paragraph
    after = text[end:end + 4].lstrip(" \"'”’»,.;:—–-")
    if after.startswith(("(", "[")):
        return True
    around = text[ps:start] + " " + text[end:pe]
    if prep.cues.search(around):
        return True
    if next_paragraph is not None:
        ns, ne = next_paragraph
        nxt = text[ns:ne].lstrip()
        if nxt[:1] in "([" or prep.cues.search(text[ns:min(ne, ns + 200)]):
            return True
    return False


def run(rule, prep, doc):
    info = language.analyse(doc)
    if info.code != "en":
        return
    text = doc.text
    paragraphs = doc.paragraphs
    for passage in info.passages:
        if passage.language == info.code or passage.words < prep.min_words or passage.confidence < prep.min_confidence:
            continue
        index = next((i for i, (s, e) in enumerate(paragraphs) if s <= passage.start < e), None)
        if index is None:
            continue
        if _mostly_name(text[passage.start:passage.end], prep.max_name_share, prep.particles):
            continue
        nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if _quoted(text, passage.start, passage.end) and _translated(prep, text, passage.start, passage.end, paragraphs[index], nxt):
            continue
        what = "paragraph" if passage.whole_paragraph else "sentence"
        yield Hit(
            passage.start,
            passage.end,
            fields=(("language", language_name(passage.language)), ("what", what), ("confidence", f"{passage.confidence:.2f}")),
        )

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"max_name_share": float, "min_confidence": float, "min_words": int, "particles_from": str, "translation_cues": str}
