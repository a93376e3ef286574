"""Input formats: one registry of what a scan reads, and how.

Each :class:`InputFormat` says which file names are in it (``suffixes``),
which of those a directory walk reads by default (``walked``), and either
how one document of it is built from its decoded text (``load``) or, for a
container of many documents (WARC, JSON Lines), how its records are read
(``read``). Its ``name`` is what ``--stdin-format`` takes and what a
document's ``format`` says.

The readers of the registry: :func:`audit.document.from_bytes` (the loader
and, by suffix, the format of a file), :mod:`audit.inputs` (the default
``--include`` globs of a directory walk), :mod:`audit.crawl` (which files are
containers, their readers, a JSON Lines record's ``format``), the distributed
and datatrove runners (a record's format field) and the CLI
(``--stdin-format`` choices).
A new input format is one entry in :data:`INPUT_FORMATS`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class InputFormat:
    name: str
    suffixes: tuple[str, ...]  # lower-case file name endings of this format
    # build a Document: load(path=..., format=..., source=..., encoding=..., sha256=..., truncated=...)
    load: Callable | None = None
    read: Callable | None = None  # a container: read(path) -> Iterator[crawl.Item]
    walked: tuple[str, ...] | None = None  # suffixes a directory walk reads by default (None: all of ``suffixes``)

    @property
    def is_container(self) -> bool:
        return self.read is not None

    @property
    def walked_suffixes(self) -> tuple[str, ...]:
        return self.suffixes if self.walked is None else self.walked


def _load_text(**fields):
    from .document import load_text

    return load_text(**fields)


def _load_html(**fields):
    from .document import load_html

    return load_html(**fields)


def _read_warc(path: str):
    from .crawl import read_warc

    return read_warc(path)


def _read_jsonl(path: str):
    from .crawl import read_jsonl

    return read_jsonl(path)


#: name -> format, in the order they are tried for a file name and listed in help
INPUT_FORMATS: dict[str, InputFormat] = {
    f.name: f
    for f in (
        InputFormat("text", (".txt", ".text"), load=_load_text, walked=(".txt",)),
        InputFormat("markdown", (".md", ".markdown"), load=_load_text),
        InputFormat("html", (".html", ".htm", ".xhtml"), load=_load_html),
        InputFormat("warc", (".warc", ".warc.gz"), read=_read_warc, walked=()),
        InputFormat("jsonl", (".jsonl", ".ndjson", ".jsonl.gz"), read=_read_jsonl, walked=()),
    )
}


def document_formats() -> list[str]:
    """Names of the formats of one document each (``--stdin-format`` choices, a JSON Lines record's ``format``)."""
    return [f.name for f in INPUT_FORMATS.values() if not f.is_container]


def format_of(path: str) -> str | None:
    """The document format a file's extension says, or None (then the bytes are sniffed)."""
    ext = os.path.splitext(path)[1].lower()
    return next((f.name for f in INPUT_FORMATS.values() if not f.is_container and ext in f.suffixes), None)


def container_of(path: str) -> InputFormat | None:
    """The container format a file's name ends in (WARC, JSON Lines, compressed or not), or None."""
    low = path.lower()
    return next((f for f in INPUT_FORMATS.values() if f.is_container and low.endswith(f.suffixes)), None)


def record_format(value) -> str | None:
    """The document format a record's format field names: a format's name, or one of its
    suffixes without the dot ('md', 'htm'); None when it names none (then the bytes are sniffed)."""
    if not isinstance(value, str):
        return None
    if value in document_formats():
        return value
    return format_of("record." + value) if value else None


def default_include() -> tuple[str, ...]:
    """The globs a directory walk reads when ``--include`` is not given."""
    return tuple(f"*{s}" for f in INPUT_FORMATS.values() for s in f.walked_suffixes)


def loader(fmt: str) -> Callable:
    """How a document of format ``fmt`` is built (an unknown name loads as plain text)."""
    f = INPUT_FORMATS.get(fmt)
    return f.load if f is not None and f.load is not None else _load_text
