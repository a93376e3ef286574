"""Kind ``pattern``: a regular expression.

params:
  pattern           the expression (Python ``re``, multiline; TOML '''…''' needs no escaping)
  ignore_case       default false
  group             which group is the evidence (number or name; default 0)
  exceptions        matched texts (compared lower-case) that are not evidence
  exceptions_from   a list in rules/lists/ with more such texts
  exceptions_group  the group compared with the exceptions (default: ``group``)
  note              text for the message's {note}
  skip              masks that drop a match found where the words are not copy:
    "non-prose"       not English running prose (see :mod:`audit.kinds._prose`):
                      inside HTML marked as code or as another language
                      (``lang="fr"``), in code blocks and aligned tables, in a
                      quotation in another language, and inside a short
                      quotation that cites the words as an example
                      (‘assisted to the opening’). For calque rules.
    "page-furniture"  on an HTML page, inside the site's layout rather than
                      the article's paragraphs (see :mod:`audit.kinds._furniture`):
                      a breadcrumb ``<nav>``, a ``<header>``, a ``<time>``, a
                      ``<figcaption>``, an element whose class names it furniture
                      (``byline``, ``timestamps`` …). Plain text and Markdown
                      have no markup, so every match counts there.
  skip_own_outlet   true: a match that names the page's own outlet (its address's
                    domain or registry names, see :mod:`audit.identity`) is no
                    evidence; only when the page's address or --site is known.
                    The name compared is the match's ``outlet`` group when the
                    pattern has one and it matched ("Source: Outlet"), else
                    the evidence group
  skip_mentions     with "non-prose": false keeps matches inside short
                    quoted examples (default true)
  skip_tags         with "page-furniture": enclosing elements that make a match
                    furniture (default nav, header, footer, aside, time, figcaption)
  skip_classes      with "page-furniture": regex on class/id/role tokens of
                    enclosing elements (default breadcrumbs, byline, meta,
                    timestamps, dateline …)
  require_tags      if given, on HTML pages a match counts only inside one of
                    these elements, and plain-text documents are skipped
  min_hits          report nothing unless the document has this many matches
                    (default 1): for signals that are evidence only when dense
  words_per_hit     normalise for length: a document needs one match per this
                    many words (rounded up, at least ``min_hits``), so a slip
                    that any long text makes once counts only when denser
                    (default 0: off)
  skip_line_shape   a regex: a match on a line that this expression matches
                    whole (stripped of outer spaces) is no evidence: a line whose
                    shape says it is not prose, such as a list of tags
  house_style       a regex with a ``{mark}`` placeholder for the ``mark`` group,
                    writing the same mark the other way ('\\w{mark}\\s'): when a
                    page writes a mark the matched way at least
                    ``house_style_min`` times (default 3) and never this way, it
                    is the page's own consistent typesetting, not evidence
  skip_if_text      a regex: on a page where it matches (it writes the same
                    thing the other, English way too) a match is its writer's
                    slip, not a translation's consistent notation: no evidence
  skip_lowercase_lines  drop a match on a line that, with the line before
                    it, has no capital letter: text written all in lower case
                    (wire flashes, chat), where lower case after a full stop
                    is the style, not a broken sentence (default false)
Named groups are available to the message template as {name}.
"""

from __future__ import annotations

import re

from ..findings import FINDINGS_PER_RULE, Hit
from ..matching import Matcher
from ._furniture import DEFAULT_SKIP_CLASSES, DEFAULT_SKIP_TAGS, enclosing, in_furniture
from ._prose import honest_context
from ._scope import scope_of, skip_masks

SKIPS = ("non-prose", "page-furniture")


class Prepared:
    __slots__ = ("regex", "literal_set", "group", "exceptions", "exceptions_group", "note", "non_prose", "mentions",
                 "furniture", "skip_tags", "skip_classes", "require_tags", "min_hits",
                 "words_per_hit", "skip_lowercase_lines", "skip_own_outlet", "line_shape",
                 "house_style", "house_style_min", "skip_if_text")

    def __init__(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)


def compile(rule, catalogue):
    params = rule.params
    flags = re.MULTILINE
    if params.get("ignore_case"):
        flags |= re.IGNORECASE
    pattern = params["pattern"]
    if not isinstance(pattern, str):
        raise ValueError("'pattern' must be a string")
    regex = Matcher(pattern, flags)  # parsed now, compiled when a text can match
    literal_set = getattr(catalogue, "literal_set", None)
    if literal_set is not None:
        literal_set.add(regex)
    group = params.get("group", 0)
    if isinstance(group, bool) or not isinstance(group, (int, str)):
        raise ValueError("'group' must be a group number or name")
    if "exceptions_group" in params and (isinstance(params["exceptions_group"], bool)
                                         or not isinstance(params["exceptions_group"], (int, str))):
        raise ValueError("'exceptions_group' must be a group number or name")
    exceptions = {e.lower() for e in params.get("exceptions", [])}
    if params.get("exceptions_from"):
        exceptions |= {e.lower() for e in catalogue.word_list(params["exceptions_from"])}
    egroup = params.get("exceptions_group", group)
    for g in {group, egroup}:
        if isinstance(g, str) and g not in regex.groupindex:
            raise ValueError(f"the pattern has no group named '{g}'")
        if isinstance(g, int) and not 0 <= g <= regex.groups:
            raise ValueError(f"the pattern has no group {g}")
    if params.get("house_style") and "mark" not in regex.groupindex:
        raise ValueError("'house_style' needs a group named 'mark' in the pattern")
    skip = skip_masks(params, SKIPS)
    if "skip_mentions" in params and "non-prose" not in skip:
        raise ValueError("'skip_mentions' needs skip = [\"non-prose\"]")
    if ("skip_tags" in params or "skip_classes" in params) and "page-furniture" not in skip:
        raise ValueError("'skip_tags' and 'skip_classes' need skip = [\"page-furniture\"]")
    skip_classes = params.get("skip_classes", DEFAULT_SKIP_CLASSES)
    return Prepared(
        regex=regex,
        literal_set=literal_set,
        group=group,
        exceptions=frozenset(exceptions),
        exceptions_group=egroup,
        note=params.get("note", ""),
        non_prose="non-prose" in skip,
        mentions=bool(params.get("skip_mentions", True)),
        furniture="page-furniture" in skip,
        skip_tags=frozenset(params.get("skip_tags", DEFAULT_SKIP_TAGS)),
        skip_classes=re.compile(skip_classes) if skip_classes else None,
        require_tags=frozenset(params.get("require_tags", [])),
        min_hits=int(params.get("min_hits", 1)),
        words_per_hit=int(params.get("words_per_hit", 0)),
        skip_lowercase_lines=bool(params.get("skip_lowercase_lines", False)),
        skip_own_outlet=bool(params.get("skip_own_outlet", False)),
        line_shape=re.compile(params["skip_line_shape"]) if params.get("skip_line_shape") else None,
        house_style=params.get("house_style") or None,
        house_style_min=int(params.get("house_style_min", 3)),
        skip_if_text=re.compile(params["skip_if_text"], re.MULTILINE) if params.get("skip_if_text") else None,
    )


def _lowercase_lines(text: str, pos: int) -> bool:
    """The line at ``pos`` and the one before it exist and hold no capital letter."""
    start = text.rfind("\n", 0, pos) + 1
    if start == 0:
        return False
    before = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", pos)
    window = text[before : len(text) if end < 0 else end]
    return not any(c.isupper() for c in window)


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : len(text) if end < 0 else end]


def _house_marks(prep, text: str, marks: list[str]) -> set[str]:
    """The marks a page writes the matched way often enough and never the other way."""
    counts: dict[str, int] = {}
    for mark in marks:
        counts[mark] = counts.get(mark, 0) + 1
    own = set()
    for mark, n in counts.items():
        if n >= prep.house_style_min and not re.search(prep.house_style.replace("{mark}", re.escape(mark)), text):
            own.add(mark)
    return own


def _needed(prep, scope, hits) -> int:
    """How many hits the rule needs before it reports any."""
    needed = prep.min_hits
    if prep.words_per_hit and hits:
        needed = max(needed, -(-len(scope.text.split()) // prep.words_per_hit))
    return needed


def _credited(m, group) -> str:
    """The name a credit gives: its ``outlet`` group when the pattern has one and it matched, else the evidence."""
    return m.groupdict().get("outlet") or m.group(group)


def _names_own_outlet(doc, matched: str) -> bool:
    """Does a matched credit name the page's own outlet (known from its address or --site)?"""
    from .. import identity

    if identity.own_domain(doc) is None:
        return False
    name = " ".join(re.findall(r"[^\W\d_][\w.'’&-]*", matched))
    return bool(name) and identity.is_own(doc, name)


def _kept(prep, scope, doc, m, markup) -> tuple[int, int] | None:
    """The span (in the document) of a match that is evidence, or None when a mask drops it."""
    start, end = m.span(prep.group)
    if start < 0 or end <= start:
        return None
    if prep.exceptions:
        checked = m.group(prep.exceptions_group)
        if checked is not None and checked.lower() in prep.exceptions:
            return None
    if prep.skip_lowercase_lines and _lowercase_lines(scope.text, start):
        return None
    if prep.line_shape is not None and prep.line_shape.fullmatch(_line_at(scope.text, start).strip()):
        return None
    if prep.skip_own_outlet and _names_own_outlet(doc, _credited(m, prep.group)):
        return None
    start, end = scope.base + start, scope.base + end
    if prep.non_prose and not scope.in_source and honest_context(doc, start, end, mentions=prep.mentions):
        return None
    if markup:
        stack = enclosing(doc, doc.source_offset(start))
        if prep.furniture and in_furniture(stack, prep.skip_tags, prep.skip_classes):
            return None
        if prep.require_tags and not any(name in prep.require_tags for name, _ in stack):
            return None
    return start, end


def run(rule, prep, doc):
    scope = scope_of(rule, doc)
    if scope is None or not scope.text:
        return
    html = doc.format == "html" and not scope.in_source
    if prep.require_tags and not html:
        return
    if prep.literal_set is not None and not prep.literal_set.allows(prep.regex, doc, rule.scope, scope.text):
        return  # the prefilter: no literal this pattern needs, or nothing its gate matches, is in the text
    if prep.skip_if_text is not None and prep.skip_if_text.search(scope.text):
        return  # the page writes it the other way too
    markup = bool(html and (prep.furniture or prep.require_tags))  # ask the page's element index where a match stands
    hits = []
    marks = []  # with house_style: each hit's mark
    enough = None  # once past the cap: the hits that are enough (the cap, or what the rule needs)
    for m in prep.regex.finditer(scope.text):
        if len(hits) > FINDINGS_PER_RULE:
            if enough is None:
                enough = _needed(prep, scope, hits)
            if len(hits) >= enough:
                break  # past the cap the checks report no more hits
        span = _kept(prep, scope, doc, m, markup)
        if span is None:
            continue
        fields = [("note", prep.note)] + [(k, v) for k, v in m.groupdict().items() if v is not None]
        hits.append(Hit(span[0], span[1], fields=tuple(fields), in_source=scope.in_source))
        if prep.house_style:
            marks.append(m.groupdict().get("mark") or "")
    if prep.house_style and hits:
        own = _house_marks(prep, scope.text, marks)
        hits = [hit for hit, mark in zip(hits, marks) if mark not in own]
    if len(hits) >= _needed(prep, scope, hits):
        yield from hits

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {
    "exceptions": list[str], "exceptions_from": str, "exceptions_group": int | str, "group": int | str, "ignore_case": bool, "min_hits": int,
    "note": str, "pattern": str, "require_tags": list[str], "skip": list[str], "skip_classes": str, "skip_lowercase_lines": bool,
    "skip_mentions": bool, "skip_own_outlet": bool, "skip_tags": list[str], "words_per_hit": int,
    "skip_line_shape": str, "house_style": str, "house_style_min": int, "skip_if_text": str,
}
