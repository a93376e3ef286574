"""Crawl inputs: documents that carry their address.

- WARC and WARC.gz (Common Crawl, Heritrix, ``wget --warc-file``), read with
  warcio: every HTML or plain-text ``response`` (or ``resource``) record is a
  document, named ``FILE#OFFSET`` (the record's byte offset in the file), with
  its target URI and date.
- JSON Lines (``.jsonl``, ``.ndjson``): one record a line with ``text`` or
  ``html``, and optional ``url``, ``id``, ``date``; named ``FILE#ID`` (or the
  line number). A record without ``url`` is audited as a loose file is.
- For plain files, a mapping file (``--urls FILE``: lines ``PATH URL``, or
  JSON Lines with ``path`` and ``url``) gives each its address.

Loading judges nothing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Iterator

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass
class Item:
    """One document of a run: a file on disk, or a record of a crawl file."""

    name: str  # the report's path: a file path, or FILE#OFFSET / FILE#ID
    path: str | None = None  # a file to read, when the document is a file
    data: bytes | None = None  # the record's bytes, when it is a record
    fmt: str | None = None  # html | text | markdown, when the record says
    url: str | None = None
    date: str | None = None
    error: str | None = None  # the record cannot be audited: why


def is_crawl(path: str) -> bool:
    """Whether a file is a container of documents, by its name (:mod:`audit.inputformats`)."""
    from .inputformats import container_of

    return container_of(path) is not None


def read_warc(path: str) -> Iterator[Item]:
    """Every HTML or text response/resource record of a WARC (or WARC.gz) file."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        for record in records:
            if record.rec_type not in ("response", "resource"):
                continue
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                ctype = record.http_headers.get_header("Content-Type") or ""
                if status and not status.startswith("2"):
                    continue
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            ctype = ctype.split(";")[0].strip().lower()
            if ctype and ctype not in _TEXT_TYPES:
                continue
            data = record.content_stream().read()
            offset = records.get_record_offset()  # reads to the record's end: after the content
            fmt = "text" if ctype == "text/plain" else ("html" if ctype else None)
            yield Item(
                name=f"{path}#{offset}",
                data=data,
                fmt=fmt,
                url=record.rec_headers.get_header("WARC-Target-URI"),
                date=record.rec_headers.get_header("WARC-Date"),
            )


def read_jsonl(path: str) -> Iterator[Item]:
    """Records of a JSON Lines file: ``text`` or ``html``, optional ``url``, ``id``, ``date``."""
    from .inputformats import document_formats

    known = document_formats()
    opener = open
    if path.lower().endswith(".gz"):
        import gzip

        opener = gzip.open
    with opener(path, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            name = f"{path}#{number}"
            try:
                rec = json.loads(line)
            except ValueError as exc:
                yield Item(name=name, error=f"line {number}: not JSON ({exc})")
                continue
            if not isinstance(rec, dict):
                yield Item(name=name, error=f"line {number}: not a JSON object")
                continue
            if rec.get("id") is not None:
                name = f"{path}#{rec['id']}"
            if isinstance(rec.get("html"), str):
                body, fmt = rec["html"], "html"
            elif isinstance(rec.get("text"), str):
                body, fmt = rec["text"], rec.get("format") if rec.get("format") in known else "text"
            else:
                yield Item(name=name, error=f"line {number}: no 'text' or 'html'")
                continue
            url = rec.get("url") if isinstance(rec.get("url"), str) and rec.get("url") else None
            date = rec.get("date") if isinstance(rec.get("date"), str) else None
            yield Item(name=name, data=body.encode("utf-8"), fmt=fmt, url=url, date=date)


def read_crawl(path: str) -> Iterator[Item]:
    """The records of a container file, read by its format's reader (JSON Lines when the name says none)."""
    from .inputformats import container_of

    container = container_of(path)
    return container.read(path) if container is not None else read_jsonl(path)


def read_url_map(path: str) -> dict[str, str]:
    """A mapping file: ``PATH URL`` per line (``#`` comments), or JSON Lines {path, url}."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("{"):
                rec = json.loads(line)
                if rec.get("path") and rec.get("url"):
                    out[os.path.normpath(rec["path"])] = rec["url"]
                continue
            parts = line.split(None, 1)
            if len(parts) == 2:
                out[os.path.normpath(parts[0])] = parts[1].strip()
    return out


def items_for(files: list[str], url_map: dict[str, str] | None = None) -> Iterator[Item]:
    """The documents of a scan: crawl files expanded into records, other files as they are."""
    url_map = url_map or {}
    for path in files:
        if path != "-" and is_crawl(path):
            try:
                yield from read_crawl(path)
            except Exception as exc:  # a broken archive is reported, the run goes on
                yield Item(name=path, error=f"cannot read crawl file: {type(exc).__name__}: {exc}")
        else:
            yield Item(name=path, path=path, url=url_map.get(os.path.normpath(path)))
