"""Kind ``lowercase-name``: a proper noun written in lower case in running text.

The names come from a gazetteer in rules/lists/ (places, institutions); a
lower-case occurrence inside a URL, an e-mail address, a file name, a hashtag
or a slug (``kyiv-food-guide``) is not prose and passes.

params:
  names_from  list name (entries written with their proper capitals)
"""

from __future__ import annotations

import re

from ..findings import Hit

_URLISH_BEFORE = set("/@#._-=\\")
_URLISH_AFTER = set("/@._-=\\")


def compile(rule, catalogue):
    names = {n.lower(): n for n in catalogue.word_list(rule.params["names_from"])}
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
    return names, pattern


def run(rule, prep, doc):
    names, pattern = prep
    text = doc.text
    for m in pattern.finditer(text):
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
PARAMS = {"names_from": str}
