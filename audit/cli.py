"""Command line: ``provenance-audit scan|eval|rules|explain …``. No detection logic here."""

from __future__ import annotations

import sys

# the exit statuses and the terminal-escaping helper live with the commands (a small module: --version stays lean)
from .commands.engine import EXIT_ERROR, EXIT_FOUND, EXIT_OK, printable  # noqa: F401

TYPE_CHECKING = False  # imports stay lazy: --version and --help load no engine
if TYPE_CHECKING:
    import argparse
    from typing import Sequence



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


def _parser() -> argparse.ArgumentParser:  # noqa: PLR0915 - one add_argument a statement: a declaration, not logic
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
        sp.add_argument("--time-budget", type=_finite(0, 86400), default=None, metavar="SECONDS",
                        help="seconds a file may take (per half megabyte) before it gets an error report naming the stage (default 10; 0: no limit)")
        sp.add_argument("--site", metavar="DOMAIN", action="append", default=[],
                        help="a domain the audited pages are published on (their own site, for the canonical checks); repeatable")
        sp.add_argument("--config", metavar="FILE",
                        help="configuration file (default: .provenance-audit.toml or [tool.provenance-audit] in pyproject.toml, here or above)")

    scan = sub.add_parser("scan", help="audit files and directories", description="Audit files and directories; write one report per file.")
    scan.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursive) or - for standard input")
    scan.add_argument("--format", choices=list(FORMATS), default="text", help="what to print (default text)")
    scan.add_argument("--output", metavar="DIR", default="reports", help="write one JSON report per input and summary.json here (default reports/)")
    scan.add_argument("--no-output", action="store_true", help="write no report files, only print")
    from .inputformats import default_include, document_formats

    scan.add_argument("--include", action="append", metavar="GLOB",
                      help=f"in directories, audit files matching GLOB (default: {' '.join(default_include())}); repeatable")
    scan.add_argument("--exclude", action="append", metavar="GLOB", help="skip files and directories matching GLOB; repeatable")
    scan.add_argument("--fail-above", type=_score, metavar="SCORE", help="exit 1 when a file scores at or above SCORE (default: the 'flagged' threshold)")
    scan.add_argument("--stdin-format", choices=document_formats(), help="format of standard input (default: sniffed)")
    scan.add_argument("-j", "--jobs", type=_whole(0), default=1, metavar="N", help="audit in N processes (0: one per core; default 1); reports are the same")
    scan.add_argument("--no-cache", action="store_true", help="audit every file afresh: neither read nor write the report cache")
    scan.add_argument("-q", "--quiet", action="store_true", help="print only files at or above the threshold, and nothing when all is well")
    scan.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                      help="colour the text output (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it)")
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
    ev.add_argument("--copies", action="store_true", help="also compare the corpus's documents with each other, as a crawl's are (copy-of evidence)")
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
    cal.add_argument("--copies", action="store_true", help="also compare each corpus's documents with each other, as a crawl's are (copy-of evidence)")
    cal.add_argument("--out", metavar="FILE", help="write the fitted weights file here (default: print only)")
    cal.add_argument("--measurements", metavar="FILE",
                     help="write each rule's hits per corpus (originals, positives) here as JSON: the table of the rules reference")
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


def _auditor(args, renderer=None):
    """The auditor the engine options ask for (see :func:`audit.commands.engine.auditor`)."""
    from .commands.engine import auditor

    return auditor(args, renderer)


def _progress(total: int):
    """A progress bar on a terminal for runs longer than a second (see :mod:`audit.commands.engine`)."""
    from .commands.engine import progress

    return progress(total)


# command → (module under audit.commands, function): imported only when the command runs
COMMANDS = {"index": ("index", "index"), "scan": ("scan", "run"), "eval": ("corpus", "evaluate"),
            "rules": ("catalogue", "rules"), "explain": ("catalogue", "explain"), "docs": ("catalogue", "docs"),
            "calibrate": ("corpus", "calibrate"), "baseline": ("corpus", "baseline"), "dask": ("index", "dask")}


def _command(name: str):
    from importlib import import_module

    module, function = COMMANDS[name]
    return getattr(import_module(f".commands.{module}", __package__), function)


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) in (["--version"], ["-V"]):
        sys.stdout.write(f"provenance-audit {_version()}\n")  # no argparse, no engine
        raise SystemExit(EXIT_OK)  # as argparse's --version action does
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    if args.command == "scan":  # reports all cached: answered before the engine loads (audit.commands.fast)
        from .commands.fast import answer

        try:
            status = answer(args)
        except BrokenPipeError:
            return EXIT_OK
        if status is not None:
            return status
    from . import recache

    recache.prime()  # before the engine loads: its expressions come compiled from the last run
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
                args._config = config  # for the entry audit.commands.fast writes
                args._configured = {k for k in ("select", "ignore") if k in config and not getattr(args, k, None)}
                apply_config(args, config)
        return _command(args.command)(args)
    except (RuleError, WeightsError, ManifestError, ConfigError, BaselineError) as exc:
        print(f"provenance-audit: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
