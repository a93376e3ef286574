"""``rules``, ``explain`` and ``docs``: the catalogue listed, a rule or a file explained, the rules reference."""

from __future__ import annotations

import os
import sys
from . import engine
from .engine import EXIT_ERROR, EXIT_FOUND, EXIT_OK

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def rules(args) -> int:
    import json

    from ..catalogue import load_catalogue

    catalogue = load_catalogue(extra=args.rules)
    if args.format == "json":
        rows = [
            {"id": r.id, "signal": r.signal, "category": r.category, "kind": r.kind, "summary": r.summary}
            for r in catalogue.rules
        ]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    width = max(len(r.id) for r in catalogue.rules)
    for r in catalogue.rules:
        cat = "scrape" if r.category == "scraping" else "mt"
        sys.stdout.write(f"{r.id:<{width}}  {cat:<6} {r.summary}\n")
    return EXIT_OK


def explain_file(args) -> int:
    from ..formats import Context, renderer, source_text

    auditor = engine.auditor(args)
    report = auditor.audit_path(args.rule)
    ctx = Context(catalogue=auditor.catalogue, weights=auditor.weights, total=[report],
                  text=lambda r: source_text(r["path"], auditor.max_bytes))
    sys.stdout.write(renderer("explain").render([report], ctx))
    return EXIT_ERROR if report["error"] else EXIT_OK


def explain(args) -> int:
    from ..catalogue import load_catalogue
    from ..docs import explain

    if os.path.isfile(args.rule) or os.sep in args.rule or "/" in args.rule:
        return explain_file(args)
    catalogue = load_catalogue(extra=args.rules)
    matches = [r for r in catalogue.rules if r.id == args.rule] or [
        r for r in catalogue.rules if r.id.startswith(args.rule + ".") or r.signal == args.rule
    ]
    if not matches:
        print(f"provenance-audit: no rule '{args.rule}' (see 'provenance-audit rules')", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write("\n".join(explain(r, catalogue) for r in matches))
    return EXIT_OK


def docs(args) -> int:
    from pathlib import Path

    from ..catalogue import load_catalogue, rules_dir
    from ..docs import load_measurements, reference

    text = reference(load_catalogue(), load_measurements(rules_dir()))
    if not args.out and not in_checkout(rules_dir()):
        # an installed package: its files are not ours to rewrite; print instead
        if args.check:
            print("provenance-audit: the rules folder is part of the installed package; give --out FILE to check a copy", file=sys.stderr)
            return EXIT_ERROR
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.out) if args.out else rules_dir() / "README.md"
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"provenance-audit: {target} is out of date; run 'provenance-audit docs'", file=sys.stderr)
            return EXIT_FOUND
        return EXIT_OK
    from ..output import atomic_write

    atomic_write(str(target), text)
    print(f"wrote {target}")
    return EXIT_OK


def in_checkout(rules: Path) -> bool:
    """True when ``rules`` is the rules folder of a source checkout, not of an installed package."""
    return rules.name == "rules" and (rules.parent / "pyproject.toml").is_file() and (rules.parent / "audit").is_dir()
