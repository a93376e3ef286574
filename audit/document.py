"""Load: bytes on disk into a :class:`Document`. Loading judges nothing.

A Document holds the decoded source, the text the rules read (the whole file
for plain text and Markdown, the article body for HTML), and the map from a
character offset in that text to a line and column of the source file.
"""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

#: Files larger than this are audited in part; the report says so.
MAX_BYTES = 4 * 1024 * 1024

FORMATS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<!--)", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class LoadError(Exception):
    """The file cannot be audited; the message says why, in plain words."""


@dataclass
class Document:
    path: str
    format: str  # text | markdown | html
    source: str  # the whole decoded file, newlines normalised to \n
    text: str  # what the rules read
    encoding: str = "utf-8"
    sha256: str = ""
    truncated: bool = False
    title: str | None = None  # the headline as the file states it
    title_span: tuple[int, int] | None = None  # where that headline stands in text
    metadata: dict = field(default_factory=dict)  # HTML: title, h1, og, json-ld …
    chrome: str = ""  # HTML: page text outside the article body
    # HTML: offset in ``text`` -> offset in ``source`` (None: identity)
    text_to_source: list[int] | None = None
    # spans of ``text`` that come from headings (HTML h1) or hidden elements
    heading_spans: list[tuple[int, int]] = field(default_factory=list)
    # HTML: the parsed page (spans of metadata tags, hidden blocks, byline, credit)
    html: object | None = None
    # the corpus's own site domains (``--site``), for provenance checks
    sites: tuple[str, ...] = ()
    # where the page was published (a crawl record's URL), when known, and its date
    url: str | None = None
    date: str | None = None
    # copies of the text elsewhere (reference index, other documents of a run)
    copy_matches: list = field(default_factory=list)

    # ---- positions -----------------------------------------------------
    @cached_property
    def source_line_starts(self) -> list[int]:
        starts = [0]
        find = self.source.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def source_offset(self, text_offset: int) -> int:
        if self.text_to_source is None:
            return text_offset
        if not self.text_to_source:
            return 0
        i = min(max(text_offset, 0), len(self.text_to_source) - 1)
        return self.text_to_source[i]

    def source_position(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in the source; columns count characters."""
        starts = self.source_line_starts
        line = bisect_right(starts, source_offset)
        return line, source_offset - starts[line - 1] + 1

    def position(self, text_offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source file of an offset in ``text``."""
        return self.source_position(self.source_offset(text_offset))

    # ---- views the rules share ----------------------------------------
    @cached_property
    def lower(self) -> str:
        """``text`` lower-cased with offsets preserved (one char for one char)."""
        low = self.text.lower()
        if len(low) == len(self.text):
            return low
        return "".join(c.lower()[:1] or c for c in self.text)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) spans of non-blank blocks separated by blank lines."""
        spans = []
        pos = 0
        text = self.text
        for m in _PARAGRAPH_BREAK.finditer(text):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(text)))
        out = []
        for s, e in spans:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
        return out

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) spans of every line of ``text``, without the newline."""
        out = []
        pos = 0
        for line in self.text.split("\n"):
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out


# ---------------------------------------------------------------------------
# decoding


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else detected.

    Returns (text, encoding name). Raises LoadError for binary data.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for non-UTF-8 input

    best = from_bytes(data[:262144]).best()
    if best is None or best.encoding is None:
        raise LoadError("not text: no character encoding fits these bytes")
    encoding = best.encoding
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode(encoding, errors="replace"), encoding


def sniff_format(path: str, data: bytes) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in FORMATS_BY_SUFFIX:
        return FORMATS_BY_SUFFIX[suffix]
    return "html" if _HTML_SNIFF.match(data[:512]) else "text"


def _text_title(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The first non-blank line, without Markdown heading marks."""
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = m.start() + lead
        heading = re.match(r"#{1,6}\s+", stripped)
        if heading:
            start += heading.end()
            stripped = stripped[heading.end():]
        return stripped, (start, start + len(stripped))
    return None, None


def from_bytes(path: str, data: bytes, fmt: str | None = None, truncated: bool = False) -> Document:
    """Build a Document from raw bytes. Raises LoadError when it is not text."""
    digest = hashlib.sha256(data).hexdigest()
    fmt = fmt or sniff_format(path, data)
    source, encoding = decode(data)
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "html":
        from .htmlpage import parse_html  # bs4 and lxml only for HTML

        page = parse_html(source)
        doc = Document(
            path=path,
            format="html",
            source=source,
            text=page.text,
            encoding=encoding,
            sha256=digest,
            truncated=truncated,
            title=page.title,
            title_span=None,
            metadata=page.metadata,
            chrome=page.chrome,
            text_to_source=page.offsets,
            heading_spans=page.heading_spans,
            html=page,
        )
        return doc
    title, span = _text_title(source)
    return Document(
        path=path,
        format=fmt,
        source=source,
        text=source,
        encoding=encoding,
        sha256=digest,
        truncated=truncated,
        title=title,
        title_span=span,
    )


def load(path: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file from disk. Raises LoadError with a plain reason on failure."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except IsADirectoryError:
        raise LoadError("is a directory") from None
    except PermissionError:
        raise LoadError("permission denied: the file cannot be read") from None
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from None
    truncated = len(data) > max_bytes
    if truncated:
        data = _cut_at_character(data[:max_bytes])
    return from_bytes(path, data, truncated=truncated)


def _cut_at_character(data: bytes) -> bytes:
    """Drop a UTF-8 sequence cut short at the end of ``data``."""
    i = len(data)
    back = 0
    while i > 0 and back < 3 and data[i - 1] & 0xC0 == 0x80:
        i -= 1
        back += 1
    if i > 0 and data[i - 1] >= 0xC0:
        lead = data[i - 1]
        need = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        if len(data) - (i - 1) < need:
            return data[: i - 1]
    return data
