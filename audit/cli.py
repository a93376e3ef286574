"""Command line: ``provenance-audit scan|eval|rules|explain …``. No detection logic here."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _finite(low: float, high: float):
    """An argparse type: a finite number in [low, high] (``nan`` is refused)."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
        if not (low <= value <= high):  # false for nan
            shown = "a finite number" if high >= 1e300 else f"a finite number from {low:g} to {high:g}"
            raise argparse.ArgumentTypeError(f"'{text}' must be {shown}")
        return value
    return parse


def _whole(low: int):
    """An argparse type: a whole number of at least ``low``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"'{text}' must be at least {low}")
        return value
    return parse


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="provenance-audit",
        description="Find signs of scraping and machine translation in news-like files.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add_engine_options(sp):
        sp.add_argument("--weights", metavar="FILE", help="weights file (default: the shipped rules/weights.toml)")
        sp.add_argument("--rules", metavar="PATH", action="append", default=[], help="extra rule file or folder (validated on load); repeatable")
        sp.add_argument("--select", metavar="IDS", help="only these rule ids or prefixes, comma-separated")
        sp.add_argument("--ignore", metavar="IDS", help="skip these rule ids or prefixes, comma-separated")
        sp.add_argument("--max-bytes", type=_whole(0), default=None, metavar="N", help="audit at most N bytes of a file (default 4 MiB)")
        sp.add_argument("--time-budget", type=_finite(0, 86400), default=None, metavar="SECONDS", help="seconds a file may take (per half megabyte) before it gets an error report naming the stage (default 10; 0: no limit)")
        sp.add_argument("--site", metavar="DOMAIN", action="append", default=[], help="a domain the audited pages are published on (their own site, for the canonical checks); repeatable")
        sp.add_argument("--config", metavar="FILE", help="configuration file (default: .provenance-audit.toml or [tool.provenance-audit] in pyproject.toml, here or above)")

    scan = sub.add_parser("scan", help="audit files and directories", description="Audit files and directories; write one report per file.")
    scan.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or - for standard input")
    scan.add_argument("--format", choices=["text", "json", "jsonl", "sarif"], default="text", help="what to print (default text)")
    scan.add_argument("--output", metavar="DIR", default="reports", help="write one JSON report per input and summary.json here (default reports/)")
    scan.add_argument("--no-output", action="store_true", help="write no report files, only print")
    scan.add_argument("--include", action="append", metavar="GLOB", help="in directories, audit files matching GLOB (default: *.txt *.md *.html *.htm); repeatable")
    scan.add_argument("--exclude", action="append", metavar="GLOB", help="skip files and directories matching GLOB; repeatable")
    scan.add_argument("--fail-above", type=_finite(-1e300, 1e300), metavar="SCORE", help="exit 1 when a file scores at or above SCORE (default: the 'flagged' threshold)")
    scan.add_argument("--stdin-format", choices=["text", "markdown", "html"], help="format of standard input (default: sniffed)")
    scan.add_argument("-j", "--jobs", type=_whole(0), default=1, metavar="N", help="audit in N processes (0: one per core; default 1); reports are the same")
    scan.add_argument("-q", "--quiet", action="store_true", help="print only files at or above the threshold, and nothing when all is well")
    scan.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    add_engine_options(scan)

    ev = sub.add_parser("eval", help="measure accuracy on a labelled corpus",
                        description="Scan a labelled corpus and report accuracy: a folder with manifest*.jsonl beside its "
                        "documents, a manifest file whose texts are in --texts DIR (<id>.txt), or with --honest a folder "
                        "of honest documents (every file an original, every flag a false alarm).")
    ev.add_argument("directory", metavar="SOURCE", help="folder with manifest*.jsonl, a manifest .jsonl file, or (with --honest) a folder")
    ev.add_argument("--texts", metavar="DIR", help="folder of <id>.txt files for a manifest file")
    ev.add_argument("--honest", action="store_true", help="SOURCE is a folder of honest documents with no manifest")
    ev.add_argument("--sample", type=int, metavar="N", help="with --honest: a fixed sample of N documents")
    ev.add_argument("--format", choices=["text", "json"], default="text")
    ev.add_argument("--only-format", choices=["txt", "md", "html"], help="evaluate only documents of this manifest format")
    add_engine_options(ev)

    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument("--rules", metavar="PATH", action="append", default=[], help="extra rule file or folder")

    explain = sub.add_parser("explain", help="print a rule's documentation and examples")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--rules", metavar="PATH", action="append", default=[], help="extra rule file or folder")

    docs = sub.add_parser("docs", help="write the rules reference (rules/README.md)")
    docs.add_argument("--out", metavar="FILE", help="where to write (default: README.md in the rules folder)")
    docs.add_argument("--check", action="store_true", help="only check that the file is up to date (exit 1 if not)")

    cal = sub.add_parser("calibrate", help="fit the weights file from labelled corpora",
                         description="Run the catalogue over DIR/manifest*.jsonl, fit the weights by cross-validated, "
                         "regularised logistic regression and choose the thresholds.")
    cal.add_argument("directories", nargs="*", metavar="SOURCE", help="folder with manifest*.jsonl, or a manifest .jsonl file (texts in --texts)")
    cal.add_argument("--texts", metavar="DIR", help="folder of <id>.txt files for the manifest files among the sources")
    cal.add_argument("--honest", metavar="DIR", action="append", default=[], help="a folder of honest documents (every file an original); repeatable")
    cal.add_argument("--honest-sample", type=int, metavar="N", help="a fixed sample of N documents from each --honest folder")
    cal.add_argument("--out", metavar="FILE", help="write the fitted weights file here (default: print only)")
    cal.add_argument("--measurements", metavar="FILE", help="write each rule's hits per corpus (originals, positives) here as JSON: the table of the rules reference")
    cal.add_argument("--folds", type=int, default=5, metavar="K", help="cross-validation folds (default 5)")
    cal.add_argument("--l2", type=float, default=1.0, metavar="X", help="L2 strength toward the prior weight (default 1.0)")
    cal.add_argument("--fp-cost", type=float, default=2.0, metavar="X", help="loss weight of an original relative to a positive (default 2.0)")
    cal.add_argument("--prior", type=float, default=1.0, metavar="X", help="prior mean weight of an evidence rule (default 1.0)")
    add_engine_options(cal)
    return p


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def _auditor(args):
    from .catalogue import load_catalogue
    from .pipeline import Auditor
    from .score import load_weights

    catalogue = load_catalogue(extra=args.rules)
    if getattr(args, "select", None) or getattr(args, "ignore", None):
        catalogue = catalogue.select(_split(args.select), _split(args.ignore))
    weights = load_weights(args.weights)
    unweighted = sorted(r.id for r in catalogue.rules if r.id not in weights.rules)
    if unweighted:
        shown = ", ".join(unweighted[:5]) + (f" and {len(unweighted) - 5} more" if len(unweighted) > 5 else "")
        print(f"provenance-audit: warning: {weights.path} gives no weight to {shown}; their findings add nothing to the score", file=sys.stderr)
    kwargs = {"max_bytes": args.max_bytes} if getattr(args, "max_bytes", None) else {}
    if getattr(args, "time_budget", None) is not None:
        kwargs["time_budget"] = args.time_budget
    if getattr(args, "site", None):
        kwargs["sites"] = args.site
    # readability shows only in written or printed JSON reports
    kwargs["readability"] = args.command == "scan" and (args.format != "text" or not args.no_output)
    return Auditor(catalogue, weights, **kwargs)


def _scan(args) -> int:
    from .inputs import collect
    from .output import render_json, render_jsonl, render_text, write_reports
    from .report import error_report

    auditor = _auditor(args)
    inputs = collect(args.paths, args.include, args.exclude)
    from .batch import audit_paths

    files = [p for p in inputs.files if p != "-"]
    by_path = dict(zip(files, audit_paths(auditor, files, args.jobs)))
    reports = []
    for path in inputs.files:
        if path == "-":
            data = sys.stdin.buffer.read()
            reports.append(auditor.audit_bytes("-", data, fmt=args.stdin_format))
        else:
            reports.append(by_path[path])
    for path, reason in inputs.problems:
        print(f"provenance-audit: {path}: {reason}", file=sys.stderr)
        if reason == "no such file or directory":
            reports.append(error_report(path, reason))
    threshold = args.fail_above if args.fail_above is not None else auditor.weights.flagged
    if args.format == "json":
        sys.stdout.write(render_json(reports))
    elif args.format == "jsonl":
        sys.stdout.write(render_jsonl(reports))
    elif args.format == "sarif":
        from .sarif import render_sarif

        sys.stdout.write(render_sarif(reports, auditor.catalogue, auditor.weights.version))
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
        sys.stdout.write(render_text(reports, quiet=args.quiet, threshold=threshold, color=color))
    if not args.no_output:
        try:
            failures = write_reports(args.output, reports, auditor.weights.version)
        except OSError as exc:
            print(f"provenance-audit: cannot write reports to {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
        for path, reason in failures.items():
            print(f"provenance-audit: {path!r}: report not written: {reason}", file=sys.stderr)
        if failures:
            return EXIT_ERROR
    if any(r["error"] for r in reports) or (inputs.problems and not inputs.files):
        return EXIT_ERROR
    if any(r["score"] is not None and r["score"] >= threshold for r in reports):
        return EXIT_FOUND
    return EXIT_OK


def _eval(args) -> int:
    from .evaluate import load_corpus, load_honest, metrics, render

    corpus = load_honest(args.directory, args.sample) if args.honest else load_corpus(args.directory, args.texts)
    auditor = _auditor(args)
    entries = corpus.entries
    if args.only_format:
        entries = [e for e in entries if e.get("format") == args.only_format]
    reports = [auditor.audit_path(e["path"]) for e in entries]
    m = metrics(entries, reports)
    m["skipped"] = {k: v for k, v in corpus.skipped.items() if v}
    m["weights_version"] = auditor.weights.version
    if args.format == "json":
        sys.stdout.write(json.dumps(m, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(m))
    return EXIT_OK


def _rules(args) -> int:
    from .catalogue import load_catalogue

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


def _explain(args) -> int:
    from .catalogue import load_catalogue
    from .docs import explain

    catalogue = load_catalogue(extra=args.rules)
    matches = [r for r in catalogue.rules if r.id == args.rule] or [
        r for r in catalogue.rules if r.id.startswith(args.rule + ".") or r.signal == args.rule
    ]
    if not matches:
        print(f"provenance-audit: no rule '{args.rule}' (see 'provenance-audit rules')", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write("\n".join(explain(r) for r in matches))
    return EXIT_OK


def _docs(args) -> int:
    from .catalogue import load_catalogue, rules_dir
    from .docs import load_measurements, reference

    target = Path(args.out) if args.out else rules_dir() / "README.md"
    text = reference(load_catalogue(), load_measurements(rules_dir()))
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"provenance-audit: {target} is out of date; run 'provenance-audit docs'", file=sys.stderr)
            return EXIT_FOUND
        return EXIT_OK
    from .output import atomic_write

    atomic_write(str(target), text)
    print(f"wrote {target}")
    return EXIT_OK


def _calibrate(args) -> int:
    from .calibrate import Settings, calibrate, measurements, render, weights_toml

    from .evaluate import ManifestError, load_corpus, load_honest

    settings = Settings(folds=args.folds, l2=args.l2, fp_cost=args.fp_cost, prior=args.prior)
    sources = [load_corpus(d, args.texts) for d in args.directories]
    sources += [load_honest(d, args.honest_sample) for d in args.honest]
    if not sources:
        raise ManifestError("calibrate needs at least one labelled corpus")
    result = calibrate(sources, _auditor(args), settings)
    sys.stdout.write(render(result))
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(weights_toml(result.weights))
        sys.stdout.write(f"wrote {args.out}\n")
    if args.measurements:
        with open(args.measurements, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(json.dumps(measurements(result), indent=1, sort_keys=False) + "\n")
        sys.stdout.write(f"wrote {args.measurements}\n")
    return EXIT_OK


COMMANDS = {"scan": _scan, "eval": _eval, "rules": _rules, "explain": _explain, "docs": _docs, "calibrate": _calibrate}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    from .catalogue import RuleError
    from .config import ConfigError, apply_config, find_config, load_config
    from .evaluate import ManifestError
    from .score import WeightsError

    try:
        if hasattr(args, "config"):
            path = Path(args.config) if args.config else find_config()
            if path is not None:
                apply_config(args, load_config(path))
        return COMMANDS[args.command](args)
    except (RuleError, WeightsError, ManifestError, ConfigError) as exc:
        print(f"provenance-audit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
