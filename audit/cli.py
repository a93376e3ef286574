"""Command line: ``provenance-audit scan|eval|rules|explain …``. No detection logic here."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # imports stay lazy: --version and --help load no engine
if TYPE_CHECKING:
    import argparse
    from pathlib import Path
    from typing import Sequence



def printable(text: str) -> str:
    """A name or message made safe for a terminal (imported on use: --version stays lean)."""
    from .formats._escape import printable as escape

    return escape(text)

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def _finite(low: float, high: float):
    """An argparse type: a finite number in [low, high] (``nan`` is refused)."""
    def parse(text: str) -> float:
        import argparse

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
        import argparse

        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"'{text}' must be at least {low}")
        return value
    return parse


def _score(value: str) -> float:
    """A score threshold: a finite number from 0 to 100."""
    import argparse

    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
    if not 0 <= number <= 100:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{value} is not a score from 0 to 100")
    return number


def _verdicts(value: str) -> list[str]:
    import argparse

    names = [v.strip() for v in value.split(",") if v.strip()]
    wrong = [v for v in names if v not in {"flagged", "review", "clean", "error"}]
    if wrong or not names:
        raise argparse.ArgumentTypeError(f"'{value}': give flagged, review, clean or error, comma-separated")
    return names


def _positive(value: str) -> int:
    import argparse

    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a positive whole number")
    return number


def _parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
        prog="provenance-audit",
        description="Find signs of scraping and machine translation in news-like files.",
    )
    from .formats import FORMATS

    p.add_argument("-V", "--version", action="version", version=f"provenance-audit {_version()}")
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
    scan.add_argument("--format", choices=list(FORMATS), default="text", help="what to print (default text)")
    scan.add_argument("--output", metavar="DIR", default="reports", help="write one JSON report per input and summary.json here (default reports/)")
    scan.add_argument("--no-output", action="store_true", help="write no report files, only print")
    scan.add_argument("--include", action="append", metavar="GLOB", help="in directories, audit files matching GLOB (default: *.txt *.md *.html *.htm); repeatable")
    scan.add_argument("--exclude", action="append", metavar="GLOB", help="skip files and directories matching GLOB; repeatable")
    scan.add_argument("--fail-above", type=_score, metavar="SCORE", help="exit 1 when a file scores at or above SCORE (default: the 'flagged' threshold)")
    scan.add_argument("--stdin-format", choices=["text", "markdown", "html"], help="format of standard input (default: sniffed)")
    scan.add_argument("-j", "--jobs", type=_whole(0), default=1, metavar="N", help="audit in N processes (0: one per core; default 1); reports are the same")
    scan.add_argument("--no-cache", action="store_true", help="audit every file afresh: neither read nor write the report cache")
    scan.add_argument("-q", "--quiet", action="store_true", help="print only files at or above the threshold, and nothing when all is well")
    scan.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour the text output (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it)")
    scan.add_argument("--sort", choices=["path", "score"], help="order of the files printed (default: text worst first, other formats as read)")
    scan.add_argument("--top", type=_positive, metavar="N", help="print only the N worst files")
    scan.add_argument("--verdict", type=_verdicts, metavar="LIST", help="print only files with these verdicts (flagged,review,clean,error)")
    scan.add_argument("--explain", action="store_true", help="print each file's score breakdown, origin and the text around each finding (the explain format)")
    scan.add_argument("--baseline", metavar="FILE", help="fail only on files that are new or worse than in this baseline (see 'baseline create')")
    scan.add_argument("--urls", metavar="FILE", help="the address of each file: lines 'PATH URL', or JSON Lines with path and url")
    scan.add_argument("--copies", action="store_true", help="find copies among the documents of the run (on by default for WARC, JSON Lines and --urls runs)")
    scan.add_argument("--no-copies", action="store_true", help="do not compare the documents of the run with each other")
    scan.add_argument("--reference", metavar="INDEX", help="look every document up in a reference index of known originals (see 'index build')")
    add_engine_options(scan)

    index = sub.add_parser("index", help="build or extend a reference index of known originals",
                           description="A reference index of known originals (an outlet's archive, a wire feed) for 'scan --reference'.")
    isub = index.add_subparsers(dest="index_command", metavar="ACTION")
    ib = isub.add_parser("build", help="index files, folders, WARC and JSON Lines")
    ib.add_argument("paths", nargs="+", metavar="PATH")
    ib.add_argument("--out", metavar="INDEX", required=True, help="the index file to write")
    ib.add_argument("--site", metavar="DOMAIN", help="the site of documents that carry no address of their own")
    ia = isub.add_parser("add", help="add documents to an existing index")
    ia.add_argument("index", metavar="INDEX")
    ia.add_argument("paths", nargs="+", metavar="PATH")
    ia.add_argument("--site", metavar="DOMAIN", help="the site of documents that carry no address of their own")
    ii = isub.add_parser("info", help="how many documents an index holds")
    ii.add_argument("index", metavar="INDEX")


    ev = sub.add_parser("eval", help="measure accuracy on a labelled corpus",
                        description="Scan a labelled corpus and report accuracy: a folder with manifest*.jsonl beside its "
                        "documents, a manifest file whose texts are in --texts DIR (<id>.txt), or with --honest a folder "
                        "of honest documents (every file an original, every flag a false alarm).")
    ev.add_argument("directory", metavar="SOURCE", help="folder with manifest*.jsonl, a manifest .jsonl file, or (with --honest) a folder")
    ev.add_argument("--texts", metavar="DIR", help="folder of <id>.txt files for a manifest file")
    ev.add_argument("--honest", action="store_true", help="SOURCE is a folder of honest documents with no manifest")
    ev.add_argument("--sample", type=int, metavar="N", help="with --honest: a fixed sample of N documents")
    ev.add_argument("--no-urls", action="store_true", help="audit a manifest's documents as loose text, without the page address its 'url' gives")
    ev.add_argument("--format", choices=["text", "json"], default="text")
    ev.add_argument("--only-format", choices=["txt", "md", "html"], help="evaluate only documents of this manifest format")
    add_engine_options(ev)

    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument("--rules", metavar="PATH", action="append", default=[], help="extra rule file or folder")

    explain = sub.add_parser("explain", help="explain a rule, or why a file scored what it did",
                             description="With a rule id: its documentation and examples. With a file: the score's breakdown, "
                             "sub-scores and verdicts, origin and the text around each finding.")
    explain.add_argument("rule", metavar="RULE|FILE")
    explain.add_argument("--rules", metavar="PATH", action="append", default=[], help="extra rule file or folder")

    explain.add_argument("--weights", metavar="FILE", help="weights file, when explaining a file")
    explain.add_argument("--config", metavar="FILE", help="configuration file, when explaining a file")

    base = sub.add_parser("baseline", help="accept the current findings after review",
                          description="Record every file's content hash, score and findings, with a reviewer's note; "
                          "'scan --baseline FILE' then fails only on files that are new or worse.")
    base_sub = base.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = base_sub.add_parser("create", help="write a baseline of the files under PATH")
    create.add_argument("paths", nargs="+", metavar="PATH")
    create.add_argument("--out", metavar="FILE", default=None, help="where to write (default .provenance-audit-baseline.json)")
    create.add_argument("--note", metavar="TEXT", help="the reviewer's note for these files (notes already in the baseline are kept otherwise)")
    create.add_argument("--include", action="append", metavar="GLOB")
    create.add_argument("--exclude", action="append", metavar="GLOB")
    add_engine_options(create)

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
    cal.add_argument("--no-urls", action="store_true", help="audit manifest documents without the page address their 'url' gives")
    cal.add_argument("--out", metavar="FILE", help="write the fitted weights file here (default: print only)")
    cal.add_argument("--measurements", metavar="FILE", help="write each rule's hits per corpus (originals, positives) here as JSON: the table of the rules reference")
    cal.add_argument("--folds", type=int, default=5, metavar="K", help="cross-validation folds (default 5)")
    cal.add_argument("--l2", type=float, default=1.0, metavar="X", help="L2 strength toward the prior weight (default 1.0)")
    cal.add_argument("--fp-cost", type=float, default=2.0, metavar="X", help="loss weight of an original relative to a positive (default 2.0)")
    cal.add_argument("--prior", type=float, default=1.0, metavar="X", help="prior mean weight of an evidence rule (default 1.0)")
    add_engine_options(cal)

    dk = sub.add_parser("dask", help="audit on a dask.distributed cluster (needs the 'dask' extra)",
                        description="Audit files or JSON Lines records on a dask.distributed cluster; print one JSON "
                        "report a line, in input order. The reports are those of a local scan.")
    from .distributed import add_arguments

    add_arguments(dk)
    add_engine_options(dk)
    return p


def _version() -> str:
    from . import __version__

    return __version__


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def _check_ids(catalogue, ids: list[str] | None, option: str) -> None:
    """Every id or prefix given to select/ignore must match a rule; suggest the closest."""
    import difflib

    from .catalogue import RuleError

    known = [r.id for r in catalogue.rules]
    prefixes = sorted({i.split(".")[0] for i in known} | set(known))
    for given in ids or []:
        stem = given[:-1] if given.endswith("*") else None
        if any(i == given or i.startswith(given + ".") or (stem is not None and i.startswith(stem)) for i in known):
            continue
        close = difflib.get_close_matches(given, prefixes, n=3, cutoff=0.6)
        hint = f"; closest: {', '.join(close)}" if close else "; see 'provenance-audit rules'"
        raise RuleError(f"{option}: no rule matches '{given}'{hint}")


def _auditor(args, renderer=None):
    from .catalogue import load_catalogue
    from .pipeline import Auditor
    from .score import load_weights

    catalogue = load_catalogue(extra=getattr(args, "rules", []))
    if getattr(args, "select", None) or getattr(args, "ignore", None):
        origin = getattr(args, "_configured", set())
        _check_ids(catalogue, _split(args.select), "select (configuration)" if "select" in origin else "--select")
        _check_ids(catalogue, _split(args.ignore), "ignore (configuration)" if "ignore" in origin else "--ignore")
        catalogue = catalogue.select(_split(args.select), _split(args.ignore))
    weights = load_weights(getattr(args, "weights", None))
    unweighted = sorted(r.id for r in catalogue.rules if r.id not in weights.rules)
    if unweighted:
        shown = ", ".join(unweighted[:5]) + (f" and {len(unweighted) - 5} more" if len(unweighted) > 5 else "")
        print(f"provenance-audit: warning: {weights.path} gives no weight to {shown}; their findings add nothing to the score", file=sys.stderr)
    kwargs = {"max_bytes": args.max_bytes} if getattr(args, "max_bytes", None) else {}
    if getattr(args, "time_budget", None) is not None:
        kwargs["time_budget"] = args.time_budget
    if getattr(args, "site", None):
        kwargs["sites"] = args.site
    # readability shows only in written reports and the formats that print it
    writes = args.command == "scan" and not args.no_output
    kwargs["readability"] = writes or bool(renderer is not None and renderer.READABILITY)
    return Auditor(catalogue, weights, **kwargs)


def _color(args) -> bool:
    """--color, else NO_COLOR (off) and FORCE_COLOR (on) as no-color.org and force-color.org say, else a terminal."""
    if args.color != "auto":
        return args.color == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _progress(total: int):
    """A progress bar on a terminal for runs longer than a second; never in pipes, CI or pre-commit."""
    if total < 2 or not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("PRE_COMMIT"):
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    bar = tqdm(total=total, delay=1.0, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)
    return bar


def _scan(args) -> int:
    from .batch import audit_paths
    from .formats import Context, renderer, select, source_text
    from .inputs import collect
    from .output import write_reports
    from .report import error_report

    if args.explain:
        args.format = "explain"
    fmt = renderer(args.format)
    auditor = _auditor(args, fmt)
    inputs = collect(args.paths, args.include, args.exclude)

    clusters, stdin = None, None
    from .crawl import is_crawl

    crawl = any(p != "-" and is_crawl(p) for p in inputs.files) or bool(args.urls)
    detect = (crawl or args.copies) and not args.no_copies
    if crawl or detect or args.reference:
        from .copies import scan_items

        try:
            reports, clusters = scan_items(auditor, inputs.files, args, detect)
        except (OSError, ValueError) as exc:
            print(f"provenance-audit: {exc}", file=sys.stderr)
            return EXIT_ERROR
        inputs.files = [r["path"] for r in reports]
    else:
        cache = None
        if not args.no_cache:
            from .cache import ReportCache

            cache = ReportCache.for_auditor(auditor)
        files = [p for p in inputs.files if p != "-"]
        bar = _progress(len(files))
        try:
            audited = audit_paths(auditor, files, args.jobs, cache, progress=bar.update if bar else None)
        finally:
            if bar is not None:
                bar.close()
        by_path = dict(zip(files, audited))
        reports = []
        for path in inputs.files:
            if path == "-":
                stdin = sys.stdin.buffer.read()
                reports.append(auditor.audit_bytes("-", stdin, fmt=args.stdin_format))
            else:
                reports.append(by_path[path])
    unreadable = False
    for path, reason in inputs.problems:
        print(f"provenance-audit: {printable(path)}: {reason}", file=sys.stderr)
        if reason == "no such file or directory":
            reports.append(error_report(path, reason))
        elif reason.startswith("cannot"):
            unreadable = True  # a directory that cannot be read: its files were not audited
    threshold = args.fail_above if args.fail_above is not None else auditor.weights.flagged
    statuses = {}
    if args.baseline:
        from . import baseline

        statuses = baseline.compare(reports, baseline.load(args.baseline))
    accepted = {p for p, s in statuses.items() if s["status"] == "accepted"}
    shown = select(reports, args.verdict, args.quiet, threshold, args.top, args.sort, accepted)

    def text(report):  # read again only for the formats that show the text
        if not fmt.FULL_TEXT:
            return None
        return source_text(report["path"], auditor.max_bytes, stdin if report["path"] == "-" else None)

    ctx = Context(catalogue=auditor.catalogue, weights=auditor.weights, threshold=threshold, quiet=args.quiet,
                  color=_color(args), total=reports, text=text, baseline=statuses, sort=args.sort)
    page = fmt.render(shown, ctx)
    if args.format == "html" and sys.stdout.isatty():
        where = "index.html in " + args.output if not args.no_output else "a file: add '> triage.html'"
        print(f"provenance-audit: the page is not printed to a terminal; it goes to {where}", file=sys.stderr)
    else:
        sys.stdout.write(page)
        if clusters and not args.quiet and args.format == "text":
            from .copies import render_clusters

            sys.stdout.write(render_clusters(clusters))
    if not args.no_output:
        from . import outdir

        try:
            previous = outdir.previous_reports(args.output)
            failures = write_reports(args.output, reports, auditor.weights.version, clusters=clusters)
            outdir.clear_stale(args.output, previous, reports)
            if args.format == "html":
                outdir.write_page(args.output, fmt.render(reports, ctx) if shown != reports else page)
        except OSError as exc:
            print(f"provenance-audit: cannot write reports to {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
        for path, reason in failures.items():
            print(f"provenance-audit: {path!r}: report not written: {reason}", file=sys.stderr)
        if failures:
            return EXIT_ERROR
    if any(r["error"] for r in reports) or unreadable or (inputs.problems and not inputs.files):
        return EXIT_ERROR
    if any(r["score"] is not None and r["score"] >= threshold and r["path"] not in accepted for r in reports):
        return EXIT_FOUND
    return EXIT_OK


def _baseline(args) -> int:
    from . import baseline
    from .batch import audit_paths
    from .inputs import collect

    auditor = _auditor(args)
    inputs = collect(args.paths, args.include, args.exclude)
    for path, reason in inputs.problems:
        print(f"provenance-audit: {printable(path)}: {reason}", file=sys.stderr)
    files = [p for p in inputs.files if p != "-"]
    reports = audit_paths(auditor, files, getattr(args, "jobs", 1))
    target = args.out or baseline.DEFAULT
    previous = baseline.load(target) if os.path.exists(target) else None
    data = baseline.create(reports, previous, args.note, auditor.weights.version)
    from .output import atomic_write

    atomic_write(target, baseline.dumps(data))
    errors = [r for r in reports if r["error"]]
    for r in errors:
        print(f"provenance-audit: {printable(r['path'])}: not in the baseline: {r['error']}", file=sys.stderr)
    n = len(data["files"])
    print(f"wrote {target}: {n} file{'s' if n != 1 else ''} accepted")
    return EXIT_ERROR if errors or inputs.problems else EXIT_OK


def _eval(args) -> int:
    import json

    from .evaluate import load_corpus, load_honest, metrics, render

    corpus = load_honest(args.directory, args.sample) if args.honest else load_corpus(args.directory, args.texts)
    auditor = _auditor(args)
    entries = corpus.entries
    if args.only_format:
        entries = [e for e in entries if e.get("format") == args.only_format]
    reports = [auditor.audit_path(e["path"], url=None if args.no_urls else e.get("url")) for e in entries]
    m = metrics(entries, reports)
    m["skipped"] = {k: v for k, v in corpus.skipped.items() if v}
    m["weights_version"] = auditor.weights.version
    if args.format == "json":
        sys.stdout.write(json.dumps(m, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(m))
    return EXIT_OK


def _rules(args) -> int:
    import json

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


def _explain_file(args) -> int:
    from .formats import Context, renderer, source_text

    auditor = _auditor(args)
    report = auditor.audit_path(args.rule)
    ctx = Context(catalogue=auditor.catalogue, weights=auditor.weights, total=[report],
                  text=lambda r: source_text(r["path"], auditor.max_bytes))
    sys.stdout.write(renderer("explain").render([report], ctx))
    return EXIT_ERROR if report["error"] else EXIT_OK


def _explain(args) -> int:
    from .catalogue import load_catalogue
    from .docs import explain

    if os.path.isfile(args.rule) or os.sep in args.rule or "/" in args.rule:
        return _explain_file(args)
    catalogue = load_catalogue(extra=args.rules)
    matches = [r for r in catalogue.rules if r.id == args.rule] or [
        r for r in catalogue.rules if r.id.startswith(args.rule + ".") or r.signal == args.rule
    ]
    if not matches:
        print(f"provenance-audit: no rule '{args.rule}' (see 'provenance-audit rules')", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write("\n".join(explain(r, catalogue) for r in matches))
    return EXIT_OK


def _docs(args) -> int:
    from pathlib import Path

    from .catalogue import load_catalogue, rules_dir
    from .docs import load_measurements, reference

    text = reference(load_catalogue(), load_measurements(rules_dir()))
    if not args.out and not _in_checkout(rules_dir()):
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
    from .output import atomic_write

    atomic_write(str(target), text)
    print(f"wrote {target}")
    return EXIT_OK


def _in_checkout(rules: Path) -> bool:
    """True when ``rules`` is the rules folder of a source checkout, not of an installed package."""
    return rules.name == "rules" and (rules.parent / "pyproject.toml").is_file() and (rules.parent / "audit").is_dir()


def _calibrate(args) -> int:
    import json

    from .calibrate import Settings, calibrate, measurements, render, weights_toml

    from .evaluate import ManifestError, load_corpus, load_honest

    settings = Settings(folds=args.folds, l2=args.l2, fp_cost=args.fp_cost, prior=args.prior)
    sources = [load_corpus(d, args.texts) for d in args.directories]
    sources += [load_honest(d, args.honest_sample) for d in args.honest]
    if not sources:
        raise ManifestError("calibrate needs at least one labelled corpus")
    result = calibrate(sources, _auditor(args), settings, use_urls=not args.no_urls)
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


def _index(args) -> int:
    from .refindex import RefIndex

    if args.index_command not in ("build", "add", "info"):
        print("provenance-audit: index needs an action: build, add or info", file=sys.stderr)
        return EXIT_ERROR
    if args.index_command == "build":
        index = RefIndex.empty()
    else:
        try:
            index = RefIndex.load(args.index)
        except (OSError, ValueError) as exc:
            print(f"provenance-audit: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.index_command == "info":
        print(f"{args.index}: {len(index)} documents, {index.bands} bands of {index.rows}, {os.path.getsize(args.index)} bytes")
        return EXIT_OK
    target = args.out if args.index_command == "build" else args.index
    added = index.extend(RefIndex.entries_from(args.paths, site=args.site))
    index.save(target)
    print(f"indexed {added} documents in {target}" if args.index_command == "build" else f"added {added} documents; {len(index)} in {target}")
    return EXIT_OK


def _dask(args) -> int:
    from .distributed import run

    return run(args)


COMMANDS = {"index": _index, "scan": _scan, "eval": _eval, "rules": _rules, "explain": _explain, "docs": _docs, "calibrate": _calibrate,
            "baseline": _baseline, "dask": _dask}


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) in (["--version"], ["-V"]):
        sys.stdout.write(f"provenance-audit {_version()}\n")  # no argparse, no engine
        raise SystemExit(EXIT_OK)  # as argparse's --version action does
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    from .baseline import BaselineError
    from .catalogue import RuleError
    from .config import ConfigError, apply_config, find_config, load_config
    from .evaluate import ManifestError
    from .score import WeightsError

    try:
        if hasattr(args, "config"):
            from pathlib import Path

            path = Path(args.config) if args.config else find_config()
            if path is not None:
                config = load_config(path)
                args._configured = {k for k in ("select", "ignore") if k in config and not getattr(args, k, None)}
                apply_config(args, config)
        return COMMANDS[args.command](args)
    except (RuleError, WeightsError, ManifestError, ConfigError, BaselineError) as exc:
        print(f"provenance-audit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
