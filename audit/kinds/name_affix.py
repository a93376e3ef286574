"""Kind ``name-affix``: a romanised honorific attached to a name (Tanaka-san, Ahmet Bey).

Japanese and Korean mark respect with a suffix on the name, Turkish and
Urdu with a word after it, Indonesian and Malay with a title or a chain of
academic titles before it. English news copy writes the name alone or
'Mr'/'Ms'; a machine translation transliterates the affix and keeps it.

params:
  affixes_from  a list in rules/lists/ of ``form | language | position``
                lines; position is ``suffix`` (joined by a hyphen:
                'Tanaka-san'), ``after`` (a separate word after the name:
                'Ahmet Bey') or ``before`` (a title before a capitalised
                name: 'Bapak Widodo')
  note          text for the message's {note}
The message template gets {affix}, {name} and {language}. Matches in code,
in HTML marked as another language and in quotations that cite the affix as
a word are not counted, nor a form glossed in the same sentence ('the suffix
-san', 'called Kim-ssi, Mr Kim').
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._prefiltered import Prefiltered
from ._prose import honest_context

_NAME = r"[A-Z][^\W\d_]*[a-z][^\W\d_]*"
_CITED = re.compile(
    r"\b(?:suffix|suffixes|honorific|honorifics|title|titles|word|term|address|addressed|known as|called|calls|meaning|means)\b[^.\n]{0,40}$", re.I)


class Prepared:
    __slots__ = ("regexes", "note")

    def __init__(self, regexes, note):
        self.regexes = regexes
        self.note = note


def compile(rule, catalogue):
    params = rule.params
    groups: dict[str, list[tuple[str, str]]] = {"suffix": [], "after": [], "before": []}
    for entry in catalogue.word_list(params["affixes_from"]):
        parts = [p.strip() for p in entry.split("|")]
        if len(parts) != 3 or parts[2] not in groups or not parts[0]:
            raise ValueError(f"bad affix entry '{entry}': want 'form | language | suffix|after|before'")
        groups[parts[2]].append((parts[0], parts[1]))
    regexes = []
    for position, forms in groups.items():
        if not forms:
            continue
        alternation = "|".join(re.escape(f.lstrip("-")) for f, _ in sorted(forms, key=lambda f: -len(f[0])))
        language = {f.lstrip("-").casefold(): lang for f, lang in forms}
        if position == "suffix":
            regex = Prefiltered(rf"\b(?P<name>{_NAME})-(?P<affix>{alternation})\b(?!-)", catalogue)
        elif position == "after":
            regex = Prefiltered(rf"(?<![\w-])(?P<name>{_NAME})[ \u00a0](?P<affix>{alternation})(?![\w-])", catalogue)
        else:
            regex = Prefiltered(rf"(?<![\w.-])(?P<affix>{alternation})[ \u00a0](?P<name>{_NAME})\b", catalogue)
        regexes.append((regex, language))
    return Prepared(regexes, params.get("note", ""))


def run(rule, prep, doc):
    text = doc.text
    for regex, language in prep.regexes:
        for m in regex.finditer(doc, text):
            start, end = m.start(), m.end()
            line_start = text.rfind("\n", 0, start) + 1
            if _CITED.search(text[line_start:start]):
                continue
            if honest_context(doc, start, end):
                continue
            affix = m.group("affix")
            yield Hit(start, end, fields=(("note", prep.note), ("affix", affix), ("name", m.group("name")),
                                          ("language", language.get(affix.casefold(), "the source language"))))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"affixes_from": str, "note": str}
