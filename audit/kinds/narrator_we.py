"""Kind ``narrator-we``: the narrator of third-person copy says 'our country'.

Government and party releases speak in the first person plural ('our
country', 'our party'); so do agencies writing for home readers. A
translation or copy of such a release into third-person news keeps the
'our' outside any quotation. A sentence counts when the phrase stands in the
narration: not inside quotation marks (straight, curly or single), not in a
paragraph introduced by a speaker label ('Name: …'), and with no other
first-person word in the sentence (an opinion writer's 'I think our country').

params:
  pattern        the phrase (Python ``re``; default: our + country, party, nation …)
  nouns          alternative to a full pattern: the nouns after 'our'
  min_hits       report nothing unless the document has this many (default 1)
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._prose import honest_context

_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|we|We|us|ourselves|I'm|I’m|we're|we’re)\b")
_SPEAKER = re.compile(r"^\s*(?:[A-Z][\w.’'-]*\s){0,4}[A-Z][\w.’'-]*\s*:\s")
_SENTENCE_END = re.compile(r"[.!?](?=[\"”’']?\s)")
_OPEN_CLOSE = re.compile(r"[\"“”«»]|(?<!\w)[‘'](?=\w)|(?<=[\w.,!?])[’'](?!\w)")


def compile(rule, catalogue):
    params = rule.params
    if "pattern" in params:
        regex = re.compile(params["pattern"])
    else:
        nouns = params.get("nouns", ["country", "nation", "party", "people", "government", "homeland", "republic"])
        regex = re.compile(r"\b[Oo]ur (?:" + "|".join(re.escape(n) for n in nouns) + r")\b")
    return regex, int(params.get("min_hits", 1))


_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]+\S)|(?<=[.!?…:\"”’])[ \t]*\n")


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The paragraph around ``pos``: a block ended by a blank line, by an
    indented line (hard-wrapped wire copy indents each new paragraph) or by a
    line break after closing punctuation; a line broken mid-sentence goes on."""
    start = 0
    for m in _BREAK.finditer(text, 0, pos):
        start = m.end()
    m = _BREAK.search(text, pos)
    return start, m.start() if m else len(text)


def _quoted(para: str, at: int, length: int) -> bool:
    """The phrase at ``at`` lies between quotation marks of its paragraph."""
    before = para[:at]
    if before.count('"') % 2 == 1 or before.count("«") > before.count("»"):
        return True
    if before.count("“") > before.count("”"):
        return True
    for left, right in (("‘", "’"), ("'", "'")):
        opens = len(re.findall(r"(?<!\w)" + left + r"(?=\w)", before))
        closes = len(re.findall(r"(?<=[\w.,!?])" + right + r"(?!\w)", before))
        if opens > closes:
            return True
    # a quotation opened in an earlier paragraph or line and closed in this one
    after = para[at + length:]
    first_mark = _OPEN_CLOSE.search(after)
    if first_mark and first_mark.group() in ('”', '’', '»', "'") and first_mark.start() > 0 \
            and not after[first_mark.start() - 1].isspace() and not re.search(r"[“‘«]", before):
        return True
    if first_mark and first_mark.group() == '"' and before.count('"') == 0 and after.count('"') % 2 == 1:
        return True
    return False


def _sentence(para: str, at: int, end: int) -> str:
    start = 0
    for m in _SENTENCE_END.finditer(para, 0, at):
        start = m.end()
    m = _SENTENCE_END.search(para, end)
    return para[start : m.end() if m else len(para)]


def run(rule, prep, doc):
    regex, min_hits = prep
    text = doc.text
    hits = []
    for m in regex.finditer(text):
        ps, pe = _paragraph(text, m.start())
        para = text[ps:pe]
        at, end = m.start() - ps, m.end() - ps
        if _SPEAKER.match(para) or _quoted(para, at, end - at):
            continue
        sentence = _sentence(para, at, end)
        if _FIRST_PERSON.search(sentence.replace(m.group(), " ")):
            continue
        if honest_context(doc, m.start(), m.end()):
            continue
        hits.append(Hit(m.start(), m.end()))
    if len(hits) >= min_hits:
        yield from hits

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"min_hits": int, "nouns": list[str], "pattern": str}
