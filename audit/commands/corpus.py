"""``eval``, ``calibrate`` and ``baseline``: commands over a whole labelled or reviewed corpus."""

from __future__ import annotations

import os
import sys

from . import engine
from .engine import EXIT_ERROR, EXIT_OK, printable


def baseline(args) -> int:
    from .. import baseline
    from ..batch import audit_paths
    from ..inputs import collect

    auditor = engine.auditor(args)
    inputs = collect(args.paths, args.include, args.exclude)
    for path, reason in inputs.problems:
        print(f"provenance-audit: {printable(path)}: {reason}", file=sys.stderr)
    files = [p for p in inputs.files if p != "-"]
    reports = audit_paths(auditor, files, getattr(args, "jobs", 1))
    target = args.out or baseline.DEFAULT
    previous = baseline.load(target) if os.path.exists(target) else None
    data = baseline.create(reports, previous, args.note, auditor.weights.version)
    from ..output import atomic_write

    atomic_write(target, baseline.dumps(data))
    errors = [r for r in reports if r["error"]]
    for r in errors:
        print(f"provenance-audit: {printable(r['path'])}: not in the baseline: {r['error']}", file=sys.stderr)
    n = len(data["files"])
    print(f"wrote {target}: {n} file{'s' if n != 1 else ''} accepted")
    return EXIT_ERROR if errors or inputs.problems else EXIT_OK


def evaluate(args) -> int:
    import json

    from ..evaluate import audit_entries, load_corpus, load_honest, metrics, render

    corpus = load_honest(args.directory, args.sample) if args.honest else load_corpus(args.directory, args.texts)
    auditor = engine.auditor(args)
    entries = corpus.entries
    if args.only_format:
        entries = [e for e in entries if e.get("format") == args.only_format]
    reports = audit_entries(auditor, entries, use_urls=not args.no_urls, copies=args.copies)
    m = metrics(entries, reports)
    m["skipped"] = {k: v for k, v in corpus.skipped.items() if v}
    m["weights_version"] = auditor.weights.version
    if args.format == "json":
        sys.stdout.write(json.dumps(m, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(m))
    return EXIT_OK


def calibrate(args) -> int:
    import json

    from ..calibrate import Settings, calibrate, measurements, render, weights_toml

    from ..evaluate import ManifestError, load_corpus, load_honest

    settings = Settings(folds=args.folds, l2=args.l2, fp_cost=args.fp_cost, prior=args.prior)
    sources = [load_corpus(d, args.texts) for d in args.directories]
    sources += [load_honest(d, args.honest_sample) for d in args.honest]
    if not sources:
        raise ManifestError("calibrate needs at least one labelled corpus")
    result = calibrate(sources, engine.auditor(args), settings, use_urls=not args.no_urls, copies=args.copies)
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
