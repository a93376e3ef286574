"""What several subcommands share: the auditor built from the options, colour and progress."""

from __future__ import annotations

import os
import sys

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def printable(text: str) -> str:
    """A name or message made safe for a terminal."""
    from ..formats._escape import printable as escape

    return escape(text)


def split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def check_ids(catalogue, ids: list[str] | None, option: str) -> None:
    """Every id or prefix given to select/ignore must match a rule; suggest the closest."""
    import difflib

    from ..catalogue import RuleError

    known = [r.id for r in catalogue.rules]
    prefixes = sorted({i.split(".")[0] for i in known} | set(known))
    for given in ids or []:
        stem = given[:-1] if given.endswith("*") else None
        if any(i == given or i.startswith(given + ".") or (stem is not None and i.startswith(stem)) for i in known):
            continue
        close = difflib.get_close_matches(given, prefixes, n=3, cutoff=0.6)
        hint = f"; closest: {', '.join(close)}" if close else "; see 'provenance-audit rules'"
        raise RuleError(f"{option}: no rule matches '{given}'{hint}")


def auditor(args, renderer=None):
    """The auditor the engine options ask for (catalogue, selection, weights, limits)."""
    from .. import recache

    recache.prime()  # before the engine loads: its expressions come compiled from the last run
    from ..catalogue import load_catalogue
    from ..pipeline import Auditor
    from ..score import load_weights

    catalogue = load_catalogue(extra=getattr(args, "rules", []))
    if getattr(args, "select", None) or getattr(args, "ignore", None):
        origin = getattr(args, "_configured", set())
        check_ids(catalogue, split(args.select), "select (configuration)" if "select" in origin else "--select")
        check_ids(catalogue, split(args.ignore), "ignore (configuration)" if "ignore" in origin else "--ignore")
        catalogue = catalogue.select(split(args.select), split(args.ignore))
    weights = load_weights(getattr(args, "weights", None))
    unweighted = sorted(r.id for r in catalogue.rules if r.id not in weights.rules)
    if unweighted:
        shown = ", ".join(unweighted[:5]) + (f" and {len(unweighted) - 5} more" if len(unweighted) > 5 else "")
        warning = f"provenance-audit: warning: {weights.path} gives no weight to {shown}; their findings add nothing to the score"
        print(warning, file=sys.stderr)
        args._warnings = [*getattr(args, "_warnings", []), warning]  # repeated by a run answered from the cache
    kwargs = {"max_bytes": args.max_bytes} if getattr(args, "max_bytes", None) else {}
    if getattr(args, "time_budget", None) is not None:
        kwargs["time_budget"] = args.time_budget
    if getattr(args, "site", None):
        kwargs["sites"] = args.site
    # readability shows only in written reports and the formats that print it
    writes = args.command == "scan" and not args.no_output
    kwargs["readability"] = writes or bool(renderer is not None and renderer.READABILITY)
    return Auditor(catalogue, weights, **kwargs)


def color(args) -> bool:
    """--color, else NO_COLOR (off) and FORCE_COLOR (on) as no-color.org and force-color.org say, else a terminal."""
    if args.color != "auto":
        return args.color == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def progress(total: int):
    """A progress bar on a terminal for runs longer than a second; never in pipes, CI or pre-commit."""
    if total < 2 or not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("PRE_COMMIT"):
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    bar = tqdm(total=total, delay=1.0, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)
    return bar
