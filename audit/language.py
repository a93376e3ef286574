"""Language: the document's language, and passages in another language.

The stage runs between load and checks. It judges the text sentence by
sentence (lines within a paragraph count as sentences too):

1. A sentence shorter than :data:`MIN_WORDS` words or :data:`MIN_LETTERS`
   letters is not judged. Language identification on fewer words is noise:
   langdetect's character n-gram profiles need a few dozen letters before
   the best language is reliably ahead, and a short foreign run is usually
   a name, a title or a set phrase ("joie de vivre"), which is honest.
2. A cheap prefilter decides most English sentences: when at least
   :data:`EN_SHARE` of the words are common English function words that no
   other major European language shares ("the", "which", "would" …), the
   sentence is English and langdetect is not called; so it is when at least
   :data:`EN_COMMON_SHARE` are common short English words ("is", "to", "a").
3. A Latin-script sentence with fewer than :data:`MIN_FOREIGN_WORDS`
   function words of another European language (a line of names, an
   address, a credit) is not judged either: it cannot change the result.
4. Only the rest go to langdetect (seeded, so results are deterministic;
   imported at first use, so English-only runs never pay for it). A
   sentence counts as another language when langdetect gives that language
   at least :data:`MIN_PROBABILITY`.

The document's language is English when most judged words are English;
otherwise langdetect judges the whole text (the first :data:`DOC_SAMPLE`
characters). A text of fewer than :data:`MIN_DOC_WORDS` words gets no
language (``code`` null), and every rule runs on it.

Consecutive foreign sentences of one language merge into one passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Words a sentence needs before its language is judged (see the docstring).
MIN_WORDS = 6
#: Letters a sentence needs before its language is judged.
MIN_LETTERS = 30
#: Share of English function words above which a sentence is English.
EN_SHARE = 0.15
#: Lowest langdetect probability for a passage in another language.
MIN_PROBABILITY = 0.90
#: Words a text needs before it can be called non-English as a whole.
MIN_DOC_WORDS = 20
#: Share of English function words below which a text is taken for
#: non-English as a whole and named by one langdetect call.
FOREIGN_DOC_SHARE = 0.03
#: Characters of the text langdetect reads to name a non-English document.
DOC_SAMPLE = 5000

# The word lists of steps 2 and 3 are in rules/lists/, named in
# rules/origin.toml's [code_lists] and read once per process on first use
# (see _word_lists): EN_FUNCTION_WORDS, common English words that are not also
# common words of French, German, Spanish, Italian, Portuguese, Dutch, Polish
# or Russian; EN_COMMON_WORDS, those and the short words other languages share
# ("a", "in", "is", "to") with the English day names; FOREIGN_FUNCTION_WORDS,
# function words of French, German, Spanish, Italian, Portuguese, Dutch and
# Polish that are not English words (less any entry of the English lists).
_WORD_LISTS: tuple[frozenset, frozenset, frozenset] | None = None
#: Share of common English words (function words or the shared ones) above
#: which a sentence is English even without distinctive function words.
EN_COMMON_SHARE = 0.30

#: Distinct foreign function words a Latin-script sentence needs before
#: langdetect is asked about it.
MIN_FOREIGN_WORDS = 2
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0900-\u0dff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")

_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# a sentence ends at . ! ? … (and closing quotes/brackets after them), or at a line end
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*(?=\s+\S)|\n")

#: the fewest characters a sentence judge() judges can have: its letters and a separator between words
_MIN_CHARS = MIN_LETTERS + MIN_WORDS - 1

_detector = None


def _detect(text: str) -> list[tuple[str, float]]:
    """langdetect's (language, probability) list for ``text``, best first; seeded."""
    global _detector
    if _detector is None:
        from langdetect import DetectorFactory, detector_factory

        DetectorFactory.seed = 0
        detector_factory.init_factory()
        _detector = detector_factory._factory
    from langdetect.lang_detect_exception import LangDetectException

    d = _detector.create()
    d.append(text)
    try:
        langs = d.get_probabilities()
    except LangDetectException:
        return []
    return [(lang.lang, round(lang.prob, 4)) for lang in langs]


@dataclass(frozen=True)
class Passage:
    """A span of ``Document.text`` in a language other than the document's."""

    start: int
    end: int
    language: str
    confidence: float
    words: int
    whole_paragraph: bool


@dataclass
class LanguageInfo:
    code: str | None
    confidence: float
    method: str  # prefilter | langdetect | too-short
    words: int
    judged_words: int
    passages: list[Passage] = field(default_factory=list)
    detector_calls: int = 0

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "confidence": self.confidence,
            "method": self.method,
            "words": self.words,
            "judged_words": self.judged_words,
        }


def words_of(text: str) -> list[str]:
    return _LETTERS.findall(text.lower())


def _word_lists() -> tuple[frozenset, frozenset, frozenset]:
    """(EN_FUNCTION_WORDS, EN_COMMON_WORDS, FOREIGN_FUNCTION_WORDS), read on first use."""
    global _WORD_LISTS
    if _WORD_LISTS is None:
        from .codelists import code_list

        function = code_list("english_function_words")
        common = function | code_list("english_shared_words")
        _WORD_LISTS = (function, common, code_list("foreign_function_words") - common)
    return _WORD_LISTS


def __getattr__(name: str):
    lists = ("EN_FUNCTION_WORDS", "EN_COMMON_WORDS", "FOREIGN_FUNCTION_WORDS")
    if name in lists:
        return _word_lists()[lists.index(name)]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def english_share(words: list[str], vocabulary: frozenset | None = None) -> float:
    """The share of ``words`` in ``vocabulary`` (by default EN_FUNCTION_WORDS)."""
    if vocabulary is None:
        vocabulary = (_WORD_LISTS or _word_lists())[0]
    if not words:
        return 0.0
    return sum(map(vocabulary.__contains__, words)) / len(words)


def sentences(text: str, start: int, end: int):
    """(start, end) spans of the sentences and lines of ``text[start:end]``."""
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        yield from _trimmed(text, pos, m.end())
        pos = m.end()
    yield from _trimmed(text, pos, end)


def _trimmed(text: str, s: int, e: int):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


def judge(sentence: str) -> tuple[str | None, float, int, bool]:
    """(language or None, probability, words, used langdetect) for one sentence."""
    words = words_of(sentence)
    n = len(words)
    if n < MIN_WORDS or sum(map(len, words)) < MIN_LETTERS:
        return None, 0.0, n, False
    function, common, foreign = _WORD_LISTS or _word_lists()
    if english_share(words, function) >= EN_SHARE or english_share(words, common) >= EN_COMMON_SHARE:
        return "en", 1.0, n, False
    if len(foreign.intersection(words)) < MIN_FOREIGN_WORDS and not _NON_LATIN.search(sentence):
        return None, 0.0, n, False  # names, numbers, addresses: nothing to judge
    probs = _detect(sentence)
    if not probs:
        return None, 0.0, n, True
    lang, prob = probs[0]
    return lang, prob, n, True


def analyse(doc) -> LanguageInfo:
    """The language of ``doc`` and its passages in other languages (cached on the doc)."""
    cached = doc.derived.get("language")
    if cached is not None:
        return cached
    info = _analyse(doc.text, doc.paragraphs)
    doc.derived["language"] = info
    return info


def analyse_text(text: str) -> LanguageInfo:
    from .document import Document

    doc = Document(path="<text>", format="text", source=text, text=text)
    return _analyse(text, doc.paragraphs)


def _judged(text: str, paragraphs) -> tuple[list[tuple[int, int, str, float, int, int]], int]:
    """(start, end, language, probability, words, paragraph index) of every judged sentence, and langdetect calls."""
    calls = 0
    judged = []
    for p_index, (ps, pe) in enumerate(paragraphs):
        for s, e in sentences(text, ps, pe):
            if e - s < _MIN_CHARS:
                continue  # too short to hold MIN_WORDS words of MIN_LETTERS letters: judge() would say None
            lang, prob, n, called = judge(text[s:e])
            calls += called
            if lang is not None:
                judged.append((s, e, lang, prob, n, p_index))
    return judged, calls


def _document_language(text: str, judged, total_words: int, sample_probs=None) -> tuple[str | None, float, str, int, int]:
    """(code, confidence, method, judged words, langdetect calls) of the whole text.

    ``sample_probs``: langdetect's answer for the text's sample when it was
    already asked (it is seeded: the same text gets the same answer).
    """
    by_lang: dict[str, int] = {}
    for _, _, lang, prob, n, _ in judged:
        if lang == "en" or prob >= MIN_PROBABILITY:
            by_lang[lang] = by_lang.get(lang, 0) + n
    judged_words = sum(by_lang.values())
    en_words = by_lang.get("en", 0)
    if judged_words and en_words * 2 >= judged_words:
        return "en", round(en_words / judged_words, 2), "prefilter", judged_words, 0
    if total_words < MIN_DOC_WORDS:
        return None, 0.0, "too-short", judged_words, 0
    probs = sample_probs if sample_probs is not None else _detect(text[:DOC_SAMPLE])
    if probs:
        return probs[0][0], round(probs[0][1], 2), "langdetect", judged_words, 1
    return None, 0.0, "langdetect", judged_words, 1


def _passages(text: str, paragraphs, judged, code: str) -> list[Passage]:
    """Judged sentences in another language than ``code``, merged when adjacent in one paragraph."""
    paragraph_counts: dict[int, int] = {}
    for *_, p_index in judged:
        paragraph_counts[p_index] = paragraph_counts.get(p_index, 0) + 1
    merged: list[list] = []
    for s, e, lang, prob, n, p_index in judged:
        foreign = lang != code and (lang == "en" or prob >= MIN_PROBABILITY)
        if not foreign:
            merged.append(None)
            continue
        last = merged[-1] if merged else None
        if last is not None and last[2] == lang and last[5] == p_index:
            last[1] = e
            last[3] = min(last[3], prob)
            last[4] += n
            last[6] += 1
        else:
            merged.append([s, e, lang, prob, n, p_index, 1])
    out = []
    for item in merged:
        if item is None:
            continue
        s, e, lang, prob, n, p_index, count = item
        ps, pe = paragraphs[p_index]
        whole = count == paragraph_counts[p_index] and _covers(text, ps, pe, s, e)
        out.append(Passage(s, e, lang, round(prob, 2), n, whole))
    return out


def _analyse(text: str, paragraphs) -> LanguageInfo:
    words = words_of(text)
    total_words = len(words)
    probs = None
    if total_words >= MIN_DOC_WORDS and english_share(words) < FOREIGN_DOC_SHARE:
        # hardly an English word: name the language once, then look only for
        # English passages (the prefilter finds those without langdetect)
        probs = _detect(text[:DOC_SAMPLE])
        if probs and probs[0][0] != "en" and probs[0][1] >= MIN_PROBABILITY:
            return _foreign_document(text, paragraphs, probs[0][0], probs[0][1], total_words)
    judged, calls = _judged(text, paragraphs)
    code, confidence, method, judged_words, more = _document_language(text, judged, total_words, probs)
    info = LanguageInfo(code, confidence, method, total_words, judged_words, detector_calls=calls + more)
    if code is not None:
        info.passages.extend(_passages(text, paragraphs, judged, code))
    return info


def _foreign_document(text: str, paragraphs, code: str, prob: float, total_words: int) -> LanguageInfo:
    info = LanguageInfo(code, round(prob, 2), "langdetect", total_words, 0, detector_calls=1)
    judged = 0
    for ps, pe in paragraphs:
        spans = list(sentences(text, ps, pe))
        english = []
        for s, e in spans:
            w = words_of(text[s:e])
            if len(w) >= MIN_WORDS and english_share(w) >= 2 * EN_SHARE:
                english.append((s, e, len(w)))
            judged += len(w)
        for s, e, n in english:
            whole = len(spans) == len(english) and _covers(text, ps, pe, s, e)
            info.passages.append(Passage(s, e, "en", 1.0, n, whole))
    info.judged_words = judged
    return info


def _covers(text: str, ps: int, pe: int, s: int, e: int) -> bool:
    """True when the span holds nearly all the words of its paragraph."""
    return len(words_of(text[ps:pe])) - len(words_of(text[s:e])) < MIN_WORDS
