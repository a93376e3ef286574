"""Kind ``honorific``: a source-language title before a surname (M. Zelensky, Herr Brauer).

params:
  strong   titles that are evidence whenever a capitalised name follows
           ('MM.', 'Mme', 'Herr'); written as regular expressions
  weak     titles that English also writes as initials or other words
           ('M.' is also an initial, 'Sr.' also Sister or Senior): evidence
           only when the text confirms the title, that is when the same
           surname appears elsewhere after a given name ('Luc Ferrand'
           … 'M. Ferrand') or the title follows an article ('the Sr. Quintana')
  note     text for the message's {note}
Matches in quotations that cite the title, in code and in HTML marked as
another language are not counted. A title right after a capitalised word
('Judge M. Pennington', 'John M. Smith') or after 'by'/'named' is an initial.
The message template gets {title} and {name}.
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._prefiltered import Prefiltered
from ._lists import word_set
from ._prose import honest_context

_NAME = (
    r"(?P<name>(?:(?:[Dd]e|[Dd]i|[Dd]a|[Dd]el|[Dd]ella|[Vv]an|[Vv]on|[Ll]e|[Ll]a|[Dd]u|[Dd]os|[Dd]as)\s)?"
    r"[A-Z][^\W\d_]*[a-z][^\W\d_]*(?:[-'’][A-Za-z][^\W\d_]*)*)")
# lists of rules/lists/, named by the rule
LISTS = {
    "sentence_words_from": "mt-honorific-sentence-words",  # capitalised words that start sentences, not names or titles
    "title_words_from": "mt-honorific-title-words",  # forms of address that are no given name before a surname
    "initial_before_from": "mt-honorific-initial-before",  # words before an initial that make it a credit or signature
}
_PREV_WORD = re.compile(r"([\w'’.]+)[ \t]+$")


class Prepared:
    __slots__ = ("strong", "weak", "note", "sentence_words", "title_words", "initial_before")

    def __init__(self, strong, weak, note, lists):
        self.strong = strong
        self.weak = weak
        self.note = note
        self.sentence_words, self.title_words, self.initial_before = lists


def _alternation(titles, catalogue=None):
    if not titles:
        return None
    pattern = r"(?<![\w.])(?P<title>" + "|".join(f"(?:{t})" for t in titles) + r")[ \t\u00a0]+" + _NAME
    return Prefiltered(pattern, catalogue)


def compile(rule, catalogue):
    params = rule.params
    strong = _alternation(params.get("strong", []), catalogue)
    weak = _alternation(params.get("weak", []), catalogue)
    if strong is None and weak is None:
        raise ValueError("an honorific rule needs 'strong' or 'weak' titles")
    lists = tuple(word_set(catalogue, params, key, name) for key, name in LISTS.items())
    return Prepared(strong, weak, params.get("note", ""), lists)


def _given_names(text: str, name: str, cache: dict | None) -> list[tuple[int, str]]:
    """Where ``name`` follows a capitalised word in ``text``: (start, word), found once per name."""
    found = cache.get(name) if cache is not None else None
    if found is None:
        found = [(o.start(0), o.group(1)) for o in re.finditer(r"\b([A-Z][\w'’-]*[a-z])[ \t]+" + re.escape(name) + r"\b", text)]
        if cache is not None:
            cache[name] = found
    return found


def _confirmed(text: str, m, prep, cache: dict | None = None) -> bool:
    before = text[max(0, m.start() - 12): m.start()]
    if re.search(r"\b(?:the|The)[ \t]+$", before):
        return True
    name = m.group("name")
    for other_start, given in _given_names(text, name, cache):
        if other_start == m.start("title"):
            continue
        if given.lower() in prep.sentence_words or given == m.group("title").rstrip("."):
            continue
        if given.lower() in prep.title_words:
            continue
        return True
    return False


def _initial_context(text: str, m, prep) -> bool:
    prev = _PREV_WORD.search(text[max(0, m.start() - 40): m.start()])
    if not prev:
        return False
    word = prev.group(1)
    if word.lower() in prep.initial_before:
        return True
    return word[:1].isupper() and word.lower().rstrip(".,") not in prep.sentence_words and not word.endswith(".")


def run(rule, prep, doc):
    text = doc.text
    seen = set()
    names = doc.derived.setdefault("honorific names", {})  # per document: a long text repeats names
    for regex, weak in ((prep.strong, False), (prep.weak, True)):
        if regex is None:
            continue
        for m in regex.finditer(doc, text):
            start, end = m.start(), m.end()
            if start in seen:
                continue
            if _initial_context(text, m, prep):
                continue
            if weak and not _confirmed(text, m, prep, names):
                continue
            if honest_context(doc, start, end):
                continue
            seen.add(start)
            yield Hit(start, end, fields=(("note", prep.note), ("title", m.group("title")), ("name", m.group("name"))))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"note": str, "strong": list[str], "weak": list[str], **{key: str for key in LISTS}}
