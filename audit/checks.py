"""Checks: run every rule of the catalogue on a Document. Pure: no I/O."""

from __future__ import annotations

import operator
from collections import defaultdict
from functools import lru_cache
from string import Formatter

from .findings import FINDINGS_PER_RULE, Finding, Hit
from .kinds import KINDS
from .kinds._text import excerpt as make_excerpt


_FORMATTER = Formatter()


def message_fields(template: str) -> list[str]:
    """The fields a message template names; ValueError for anything but ``{name}``.

    Templates substitute named fields only: no attribute or index access
    (``{match.__class__}``), no format spec or conversion (``{match:>99999}``).
    """
    names = []
    for _literal, name, spec, conversion in _FORMATTER.parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ValueError(f"field {shown}: a message substitutes named fields only, as {{name}}")
        names.append(name)
    return names


@lru_cache(maxsize=1024)
def _parsed(template: str):
    """The template's parts, parsed once per template (None when malformed)."""
    try:
        return tuple(_FORMATTER.parse(template))
    except ValueError:
        return None


def render_message(template: str, fields: dict) -> str:
    """Fill ``{name}`` fields from ``fields`` (a missing one is empty).

    Anything else in braces is kept as written: a template can neither read
    attributes nor ask for a huge width. A malformed template is returned as is.
    """
    parsed = _parsed(template)
    if parsed is None:
        return template
    out = []
    for literal, name, spec, conversion in parsed:
        out.append(literal)
        if name is None:
            continue
        if name.isidentifier() and not spec and not conversion:
            value = fields.get(name, "")
            out.append(value if isinstance(value, str) else str(value))
        else:
            out.append("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out).strip()


def _capped(pairs, doc):
    """``pairs`` with at most FINDINGS_PER_RULE of each rule; the rules cut are recorded on ``doc``."""
    counts: dict[str, int] = defaultdict(int)
    for rule, hit in pairs:
        counts[rule.id] += 1
        if counts[rule.id] > FINDINGS_PER_RULE:
            doc.derived.setdefault("capped rules", set()).add(rule.id)
            continue
        yield rule, hit


def capped_notes(doc) -> list[str]:
    """One note per rule whose findings were cut at FINDINGS_PER_RULE in this document."""
    return [
        f"{rule}: more than {FINDINGS_PER_RULE} findings; only the first {FINDINGS_PER_RULE} are reported"
        for rule in sorted(doc.derived.get("capped rules", ()))
    ]


def place(rule, hit: Hit, doc, messages: dict | None = None) -> Finding:
    """Turn a kind's Hit into a Finding at a line and column of the source file."""
    if hit.in_source:
        offset = hit.start
        shown = make_excerpt(doc.source, hit.start, hit.end)
    else:
        offset = doc.source_offset(hit.start)
        shown = make_excerpt(doc.text, hit.start, hit.end)
    line, column = doc.source_position(offset)
    message = hit.message
    if not message:
        key = (rule.message, shown, hit.fields)
        try:
            message = messages.get(key) if messages is not None else None
        except TypeError:  # a field that cannot be a key: render it every time
            key, message = None, None
        if message is None:
            fields = {"match": shown}
            fields.update(hit.fields)
            message = render_message(rule.message, fields)
            if messages is not None and key is not None:
                messages[key] = message
    return Finding(rule.id, rule.signal, rule.category, line, column, shown, message, offset)


#: run_checks' plan for a catalogue and a language: which rules are skipped,
#: and each kind's rules with their prepared forms, in the order they run
_PLANS: dict = {}


def _plan(catalogue, language):
    """(skipped rules' entries, [(module, groups, whether it takes a group at once)]), worked out
    once per catalogue and language instead of for every document."""
    rules = catalogue.rules
    key = (id(catalogue), language)
    known = _PLANS.get(key)
    if known is not None and known[0] is catalogue and len(known[1]) == len(rules) and all(map(operator.is_, known[1], rules)):
        return known[2]
    by_kind = defaultdict(list)
    skipped = []
    for rule in rules:
        if not rule.applies_to(language):
            skipped.append({"rule": rule.id, "reason": f"written for {', '.join(rule.languages)}; the text is '{language}'"})
            continue
        by_kind[rule.kind].append((rule, catalogue.compiled(rule)))
    steps = []
    for kind in sorted(by_kind):
        items = by_kind[kind]
        module = KINDS[kind]
        many = hasattr(module, "run_many")
        steps.append((module, [items] if many else [[item] for item in items], many))
    plan = (tuple(skipped), steps)
    if len(_PLANS) >= 16:
        _PLANS.clear()
    _PLANS[key] = (catalogue, tuple(rules), plan)
    return plan


def run_checks(doc, catalogue, language: str | None = None) -> tuple[list[Finding], list[dict], list[dict]]:
    """All findings for ``doc``, in source order.

    Returns (findings, skipped, errors): rules skipped because they do not
    apply to the document's language, and rules that failed on this document
    (a failing rule never stops the others).
    """
    skipped_entries, steps = _plan(catalogue, language)
    skipped = [dict(entry) for entry in skipped_entries]
    findings: list[Finding] = []
    errors: list[dict] = []
    messages: dict = {}  # rendered messages, by template and fields: a finding repeated many times renders once
    for module, groups, many in steps:
        for group in groups:
            try:
                if many:
                    pairs = list(module.run_many(group, doc))
                else:
                    rule, prepared = group[0]
                    pairs = [(rule, hit) for hit in module.run(rule, prepared, doc)]
            except Exception as exc:  # a rule bug must not spoil the run
                errors.append({"rule": ",".join(r.id for r, _ in group), "error": f"{type(exc).__name__}: {exc}"})
                continue
            if pairs:
                findings.extend(place(rule, hit, doc, messages) for rule, hit in _capped(pairs, doc))
    unique = {(f.rule, f.offset, f.excerpt): f for f in findings}
    ordered = sorted(unique.values(), key=lambda f: (f.line, f.column, f.rule, f.excerpt))
    return ordered, skipped, errors
