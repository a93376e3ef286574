"""Kind ``lowercase-name``: a proper noun written in lower case in running text.

The names come from a gazetteer in rules/lists/ (places, institutions); a
lower-case occurrence inside a URL, an e-mail address, a file name, a hashtag
or a slug (``kyiv-food-guide``) is not prose and passes.

params:
  names_from    list name (entries written with their proper capitals)
  phrases_from  optional list name: lower-case phrases that hold a name and are
                no place ('chicken kiev', a dish); a name inside one passes
"""

from __future__ import annotations

import re

from ..findings import Hit

_URLISH_BEFORE = set("/@#._-=\\")
_URLISH_AFTER = set("/@._-=\\")


def compile(rule, catalogue):
    names = {n.lower(): n for n in catalogue.word_list(rule.params["names_from"])}
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
    phrases = None
    if rule.params.get("phrases_from"):
        listed = sorted((p.lower() for p in catalogue.word_list(rule.params["phrases_from"])), key=len, reverse=True)
        phrases = re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in listed) + r")\b",
                             re.IGNORECASE)
    return names, pattern, phrases


def run(rule, prep, doc):
    names, pattern, phrases = prep
    text = doc.text
    inside = [m.span() for m in phrases.finditer(text)] if phrases is not None else []
    for m in pattern.finditer(text):
        if any(a <= m.start() and m.end() <= b for a, b in inside):
            continue
        word = m.group()
        if word != word.lower() or names[word] == word:
            continue
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before in _URLISH_BEFORE or (after in _URLISH_AFTER and m.end() + 1 < len(text) and text[m.end() + 1].isalnum()):
            continue
        # a token of a URL: look back to the last space
        left = text.rfind(" ", 0, m.start())
        token = text[left + 1: m.end()]
        if "://" in token or "www." in token:
            continue
        yield Hit(m.start(), m.end(), fields=(("name", names[word]),))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"names_from": str, "phrases_from": str}
