"""Scale-out: the audit over a Dask bag of documents, on a ``dask.distributed`` cluster.

Install the extra: ``pip install 'provenance-audit[dask]'``.

A document is either a file path (read by the worker: the workers must see
the same files, e.g. on a shared file system) or a record, a dict with the
text itself (a JSON Lines line)::

    import dask.bag as db
    from distributed import Client
    from audit.distributed import Settings, audit_bag, files_bag, jsonl_bag

    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    bag = files_bag(["corpus/"])                      # paths; directories walked as `scan` does
    reports = audit_bag(bag, Settings()).compute()    # one report per document, in order

    bag = jsonl_bag("s3://bucket/crawl-*.jsonl", text_field="text", id_field="url")
    scores = audit_bag(bag).pluck("score")

Each worker process builds the catalogue and weights once (per distinct
:class:`Settings`) and keeps them for every partition it is given. A report
is the same as a local run's: a file's is ``Auditor.audit_path``'s, a
record's is ``Auditor.audit_bytes`` of its text encoded as UTF-8, named by
its id.

The command ``provenance-audit dask`` does the same from the shell (see
``provenance-audit dask --help``): with ``--scheduler ADDRESS`` it runs on an
existing cluster, without it on a local cluster of ``--workers`` processes;
it prints one JSON line per document, in input order, streamed partition by
partition.
"""

from __future__ import annotations

import sys
from collections import namedtuple

from .inputformats import record_format

# one Auditor per worker process and settings
_AUDITORS: dict = {}

_FIELDS = ("rules", "weights", "select", "ignore", "max_bytes", "sites", "readability")


class Settings(namedtuple("Settings", _FIELDS, defaults=((), None, None, None, None, (), True))):
    """What makes an Auditor: the ``scan`` options as tuples. Picklable and hashable.

    ``rules``: extra rule files or folders; ``weights``: a weights file;
    ``select``/``ignore``: rule ids or prefixes; ``max_bytes``; ``sites``: the
    corpus's own domains; ``readability``: include readability figures.
    """

    __slots__ = ()

    def auditor(self):
        """This process's Auditor for these settings (built on first use)."""
        auditor = _AUDITORS.get(self)
        if auditor is None:
            from .catalogue import load_catalogue
            from .pipeline import Auditor
            from .score import load_weights

            catalogue = load_catalogue(extra=list(self.rules))
            if self.select or self.ignore:
                catalogue = catalogue.select(list(self.select) if self.select else None, list(self.ignore) if self.ignore else None)
            kwargs = {"max_bytes": self.max_bytes} if self.max_bytes else {}
            auditor = Auditor(catalogue, load_weights(self.weights), sites=self.sites, readability=self.readability, **kwargs)
            _AUDITORS[self] = auditor
        return auditor


def audit_document(item, settings: Settings | None = None, text_field: str = "text", id_field: str = "id", format_field: str = "format") -> dict:
    """The report for one document: a path, or a record with its text."""
    auditor = (settings or Settings()).auditor()
    if isinstance(item, str):
        return auditor.audit_path(item)
    if isinstance(item, dict):
        text = item.get(text_field)
        name = str(item.get(id_field, "<record>"))
        fmt = item.get(format_field) if format_field else None
        fmt = record_format(fmt)  # a format's name or suffix (audit/inputformats.py), else sniffed
        if not isinstance(text, str):
            from .report import error_report

            return error_report(name, f"the record has no text in '{text_field}'")
        return auditor.audit_bytes(name, text.encode("utf-8"), fmt=fmt)
    raise TypeError(f"a document is a path or a dict record, not {type(item).__name__}")


def _audit_partition(items, settings: Settings, text_field: str, id_field: str, format_field: str) -> list[dict]:
    return [audit_document(item, settings, text_field, id_field, format_field) for item in items]


def audit_bag(bag, settings: Settings | None = None, text_field: str = "text", id_field: str = "id", format_field: str = "format"):
    """A bag of reports, one per document of ``bag`` and in its order."""
    return bag.map_partitions(_audit_partition, settings or Settings(), text_field, id_field, format_field)


def files_bag(paths, include=None, exclude=None, partition_size: int = 64):
    """A bag of the files under ``paths`` (walked as ``scan`` walks them), ``partition_size`` files a partition."""
    import dask.bag as db

    from .inputs import collect

    files = [p for p in collect(list(paths), include, exclude).files if p != "-"]
    return db.from_sequence(files, partition_size=max(1, partition_size)) if files else db.from_sequence([], npartitions=1)


def jsonl_bag(urlpath, blocksize: int | str | None = None, **kwargs):
    """A bag of the records of JSON Lines files (local paths, globs or fsspec URLs such as s3://)."""
    import json

    import dask.bag as db

    return db.read_text(urlpath, blocksize=blocksize, **kwargs).filter(lambda line: line.strip() != "").map(json.loads)


def iter_reports(client, bag):
    """The reports of ``bag`` in order, computed on ``client``, one partition in memory at a time."""
    futures = client.compute(bag.to_delayed())
    for future in futures:
        yield from future.result()
        future.release()


def add_arguments(sp) -> None:
    sp.add_argument("sources", nargs="+", metavar="SOURCE", help="files or directories, or with --jsonl JSON Lines files (globs and fsspec URLs too)")
    sp.add_argument("--scheduler", metavar="ADDRESS", help="a dask.distributed scheduler (tcp://host:8786); default: a local cluster")
    sp.add_argument("--workers", type=int, default=2, metavar="N", help="worker processes of the local cluster (default 2)")
    sp.add_argument("--jsonl", action="store_true", help="the sources are JSON Lines files of records")
    sp.add_argument("--text-field", default="text", metavar="NAME", help="with --jsonl: the field with the text (default text)")
    sp.add_argument("--id-field", default="id", metavar="NAME", help="with --jsonl: the field naming the document (default id)")
    sp.add_argument("--format-field", default="format", metavar="NAME",
                    help="with --jsonl: the field with text, markdown or html (default format; else sniffed)")
    sp.add_argument("--partition-size", type=int, default=64, metavar="N", help="files per partition (default 64)")
    sp.add_argument("--include", action="append", metavar="GLOB", help="in directories, audit files matching GLOB; repeatable")
    sp.add_argument("--exclude", action="append", metavar="GLOB", help="skip files and directories matching GLOB; repeatable")
    sp.add_argument("--no-readability", action="store_true", help="leave readability out of the reports")


def settings_from_args(args) -> Settings:
    def split(value):
        return tuple(v.strip() for v in value.split(",") if v.strip()) if value else None

    return Settings(
        rules=tuple(args.rules or ()),
        weights=args.weights,
        select=split(args.select),
        ignore=split(args.ignore),
        max_bytes=args.max_bytes,
        sites=tuple(args.site or ()),
        readability=not args.no_readability,
    )


def run(args, out=None) -> int:
    """``provenance-audit dask``: JSON Lines reports on standard output, in input order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("provenance-audit: the dask command needs the extra: pip install 'provenance-audit[dask]'", file=sys.stderr)
        return 2
    import json

    out = out or sys.stdout
    settings = settings_from_args(args)
    settings.auditor()  # a bad rule or weights file fails here, before any cluster starts
    if args.jsonl:
        bag = jsonl_bag(list(args.sources))
    else:
        bag = files_bag(args.sources, args.include, args.exclude, args.partition_size)
    reports = audit_bag(bag, settings, args.text_field, args.id_field, args.format_field)
    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=max(1, args.workers), threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    worst = 0
    try:
        for report in iter_reports(client, reports):
            out.write(json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n")
            if report.get("error"):
                worst = 2
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return worst
