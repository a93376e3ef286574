"""Kind ``script-residue``: writing in another script left in English copy.

Machine translation from Chinese, Japanese, Korean, Arabic, Hindi, Bengali,
Greek, Ukrainian and other sources leaves characters of the source script
behind: a word it could not render, or a whole sentence it skipped. The
language stage judges sentences by their words, so a sentence without spaces
(Chinese, Japanese) or with few words is never judged there; this kind looks
at the script itself.

params:
  mode          "residue": a run of another script inside an English line;
                "sentence": a sentence or line written mostly in another script
  min_letters   letters of the other script a run needs (default 2 for the
                scripts written without spaces, 4 for the others)
  sentence_min  for "sentence": letters a sentence needs in a spaceless script
                (default 8) and in a spaced one (default 20, and three words)
  endonyms_from a list in rules/lists/ of language names written in their own
                script (a language menu 'English | 中文 | العربية' is page
                furniture, not residue)

Honest look-alikes pass: a run in brackets right after or before a Latin
gloss ('Xi Jinping (习近平)', '习近平 (Xi Jinping)'), a run cited as a word
('the character 福', 'known as 한글', 'written 東京'), a run followed by a
translation cue ('meaning', 'literally', 'translated'), a line of language
names, and anything in code, in HTML marked as another language or cited as
an example. A run of Greek letters shorter than the minimum (α, β, μg) is a
symbol, not residue.
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._prose import honest_context

# script name -> (character class, written without spaces)
SCRIPTS = {
    "Chinese/Japanese": ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\u31f0-\u31ff", True),
    "Korean": ("\uac00-\ud7af\u1100-\u11ff\u3130-\u318f", False),
    "Thai": ("\u0e00-\u0e7f", True),
    "Arabic": ("\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff", False),
    "Hebrew": ("\u0590-\u05ff", False),
    "Devanagari": ("\u0900-\u097f", False),
    "Bengali": ("\u0980-\u09ff", False),
    "Indic": ("\u0a00-\u0dff", False),
    "Cyrillic": ("\u0400-\u04ff", False),
    "Greek": ("\u0370-\u03ff\u1f00-\u1fff", False),
    "Georgian": ("\u10a0-\u10ff", False),
    "Armenian": ("\u0530-\u058f", False),
}
# syllabic or logographic scripts: a couple of characters already make a word
DENSE = {"Chinese/Japanese", "Korean", "Thai"}
_MARKS = "\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0981-\u0983\u09bc-\u09cd"


def _run_regex(chars: str, spaceless: bool) -> re.Pattern:
    unit = f"[{chars}{_MARKS}]"
    if spaceless:
        # a run may hold the script's own punctuation and digits between characters
        return re.compile(f"{unit}+(?:[\u3001\u3002\u30fb\uff0c\uff01\uff1f\u300c\u300d\u3000\\d]*{unit}+)*")
    return re.compile(f"{unit}+(?:[ \u00a0\\-'’\u060c]+{unit}+)*")


_RUNS = [(name, _run_regex(chars, spaceless), spaceless, re.compile(f"[{chars}]")) for name, (chars, spaceless) in SCRIPTS.items()]
# any character a run can hold: a text without one has no run
_ANY_SCRIPT = re.compile("[" + "".join(chars for chars, _ in SCRIPTS.values()) + _MARKS + "]")
_LATIN_WORD = re.compile(r"[A-Za-z][a-z]+")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OPEN = "([（【〔〈《\"'“‘«「『"
_CLOSE = ")]）】〕〉》\"'”’»」』"
_MENTION_BEFORE = re.compile(
    r"(?:\b(?:character|characters|word|words|term|name|names|known as|called|calls|dubbed|written|writes|spelled|spelt|"
    r"reads|read|sign|signs|slogan|hashtag|banner|title|titled|logo|motto|script|"
    r"in (?:Chinese|Japanese|Korean|Arabic|Hindi|Bengali|Urdu|Hebrew|Greek|Russian|Ukrainian|Thai|Persian|Farsi|"
    r"Macedonian|Bulgarian|Serbian|Georgian|Armenian|Mandarin|Cantonese|kanji|hangul|Cyrillic))"
    r"|[:=])[\s\"'“‘«「『(]*$",
    re.I,
)
_CUE_AFTER = re.compile(
    r"^[\s\"'”’»」』)）,]*(?:\(|（|\[|—|–|-|,)?\s*[\"'“‘]?"
    r"(?:meaning|means|literally|lit\.|translated|translates|which means|roughly|i\.e\.|or\b|in English|English:)",
    re.I,
)
_GLOSS_AFTER = re.compile(r"^[\s\"'”’»」』]*[(（\[]\s*[\"'“‘]?[A-Za-z]")
_BYLINE = re.compile(r"^\W*(?:by|By|BY)\b")
_BY_BEFORE = re.compile(r"\b(?:by|By|BY)\s+$")
_TERMINATED = re.compile(r"[.!?。！？؟।]\W*$")
_LATIN_TERM = re.compile(r"[A-Za-z]{3,}")
_SENTENCE_END = re.compile(r"[.!?。！？]+[\"'”’»」』)）]*\s|\n")


class Prepared:
    __slots__ = ("mode", "min_spaceless", "min_spaced", "sentence_spaceless", "sentence_spaced", "endonyms")

    def __init__(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)


def compile(rule, catalogue):
    params = rule.params
    mode = params.get("mode", "residue")
    if mode not in ("residue", "sentence"):
        raise ValueError(f"unknown mode '{mode}'")
    endonyms = frozenset(catalogue.word_list(params["endonyms_from"])) if params.get("endonyms_from") else frozenset()
    return Prepared(
        mode=mode,
        min_spaceless=int(params.get("min_letters_spaceless", 2)),
        min_spaced=int(params.get("min_letters", 4)),
        sentence_spaceless=int(params.get("sentence_min_spaceless", 8)),
        sentence_spaced=int(params.get("sentence_min", 20)),
        endonyms=endonyms,
    )


def _letters(text: str, regex) -> int:
    return len(regex.findall(text))


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    return s, len(text) if e == -1 else e


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    ls, le = _line_span(text, start, end)
    s = ls
    for m in _SENTENCE_END.finditer(text, ls, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end, le)
    return s, (m.start() + 1 if m else le)


def _glossed(text: str, start: int, end: int, ls: int, le: int) -> bool:
    before = text[max(ls, start - 60): start]
    after = text[end: min(le, end + 60)]
    stripped = before.rstrip(" \t#@")
    # in brackets (a gloss of the name before it, or the original of a translation)
    if stripped.endswith(tuple("([（【〔")) and after.lstrip(" \t#").startswith(tuple(")]）】〕")):
        return True
    if _GLOSS_AFTER.match(after) or _CUE_AFTER.match(after):
        return True
    if _MENTION_BEFORE.search(before):
        return True
    # a translation given just before, in a parenthesis or after a dash: 'the Blue House (청와대)'
    return False


def _language_menu(text: str, ls: int, le: int, endonyms) -> bool:
    line = text[ls:le]
    parts = [p.strip(" \t*•·|/-–—,") for p in re.split(r"[|/•·,]|\s{2,}|\t", line)]
    parts = [p for p in parts if p]
    return bool(parts) and sum(p in endonyms for p in parts) >= max(1, len(parts) // 2)


def _residue(prep, text, name, start, end, ls, le, run_letters):
    """The span of a residue run inside an English line, or None when it is honest."""
    if run_letters < (prep.min_spaceless if name in DENSE else prep.min_spaced):
        return None
    line = text[ls:le]
    foreign = sum(_letters(line, r) for _, _, _, r in _RUNS)
    latin = len(_LATIN_LETTER.findall(line))
    if latin < 2 * foreign or len(_LATIN_WORD.findall(line)) < 5:
        return None  # a line mostly in the other script: the sentence mode's business
    if "@" in line or _BYLINE.search(line) or _BY_BEFORE.search(text[ls:start]):
        return None  # a byline or contact line: names in their own script are honest there
    if _glossed(text, start, end, ls, le):
        return None
    return start, end


def _sentence(prep, text, name, spaceless, ss, se, ls):
    """The span of a sentence written mostly in another script, or None when it is honest."""
    sentence = text[ss:se]
    foreign = sum(_letters(sentence, r) for _, _, _, r in _RUNS)
    latin = len(_LATIN_LETTER.findall(sentence))
    need = prep.sentence_spaceless if name in DENSE else prep.sentence_spaced
    if foreign < need or foreign < 2 * latin:
        return None
    if not spaceless and len(sentence.split()) < 3:
        return None
    if not _TERMINATED.search(sentence) or _LATIN_TERM.search(sentence):
        return None  # menus and interface lines: no full stop, or brand names in Latin letters
    if not _english_around(text, ss, se):
        return None
    following = text[se: se + 80]
    if _GLOSS_AFTER.match(following) or _CUE_AFTER.match(following) or _MENTION_BEFORE.search(text[max(ls, ss - 60):ss]):
        return None
    while se > ss and text[se - 1].isspace():
        se -= 1
    return ss, se


def run(rule, prep, doc):
    text = doc.text
    if not _ANY_SCRIPT.search(text):
        return  # no character of any script this kind looks for: no run to find
    seen: set[tuple[int, int]] = set()
    for name, regex, spaceless, letter in _RUNS:
        for m in regex.finditer(text):
            start, end = m.start(), m.end()
            run_letters = _letters(m.group(), letter)
            ls, le = _line_span(text, start, end)
            if m.group().strip() in prep.endonyms or _language_menu(text, ls, le, prep.endonyms):
                continue
            if prep.mode == "residue":
                span = _residue(prep, text, name, start, end, ls, le, run_letters)
            else:
                ss, se = _sentence_span(text, start, end)
                if (ss, se) in seen:
                    continue
                span = _sentence(prep, text, name, spaceless, ss, se, ls)
            if span is None or span in seen or honest_context(doc, span[0], span[1]):
                continue
            seen.add(span)
            yield Hit(span[0], span[1], fields=(("script", name),))


def _english_around(text: str, start: int, end: int) -> bool:
    """The document around the sentence is English prose (not a page in that script)."""
    window = text[max(0, start - 2000): start] + text[end: end + 2000]
    return len(_LATIN_WORD.findall(window)) >= 40

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"endonyms_from": str, "min_letters": int, "min_letters_spaceless": int, "mode": str, "sentence_min": int, "sentence_min_spaceless": int}
