"""Load: bytes on disk into a :class:`Document`. Loading judges nothing.

A Document holds the decoded source, the text the rules read (the whole file
for plain text and Markdown, the article body for HTML), and the map from a
character offset in that text to a line and column of the source file.
"""

from __future__ import annotations

import hashlib
import html as _html
import os
import re
import stat
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property

#: Files larger than this are audited in part; the report says so.
MAX_BYTES = 4 * 1024 * 1024

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<!--)", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class LoadError(Exception):
    """The file cannot be audited; the message says why, in plain words."""


@dataclass(frozen=True)
class Document:
    """A loaded file, built once and not changed after: later stages derive
    from it (``derived`` keeps what they share) and never write into it; a
    stage that needs another address or site makes a copy (``addressed``,
    ``dataclasses.replace``)."""


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
    # what the stages work out from the text once per document and share
    # (folded text, prefilter answers, lines …), keyed by their makers; a
    # copy made with ``dataclasses.replace`` starts empty, and so does an
    # unpickled one
    derived: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getstate__(self):
        state = dict(self.__dict__)
        state["derived"] = {}
        return state

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

    Returns (text, encoding name). Raises LoadError for binary data and for
    bytes no encoding fits; never any other error: a byte sequence that is
    invalid in the chosen encoding (a lone surrogate, an odd trailing byte in
    UTF-16) becomes U+FFFD.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes  # only for non-UTF-8 input

        best = from_bytes(data[:262144]).best()
    except Exception:  # a detector failure is no reason to lose the file
        best = None
    if best is None or best.encoding is None:
        raise LoadError("not text: no character encoding fits these bytes")
    encoding = best.encoding
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        pass
    try:
        return data.decode(encoding, errors="replace"), encoding
    except LookupError:
        return data.decode("utf-8", errors="replace"), "utf-8"


_NUMERIC_REF = re.compile(r"&#(?:([xX])0*([0-9a-fA-F]+)|0*([0-9]+))")


def _short_reference(m: re.Match) -> str:
    if m.group(1):
        digits = m.group(2)
        return "&#xFFFD" if len(digits) > 6 else "&#x" + digits
    digits = m.group(3)
    return "&#65533" if len(digits) > 7 else "&#" + digits


def unescape(text: str) -> str:
    """``html.unescape`` that never raises: a numeric reference beyond Unicode,
    however many digits it has, becomes U+FFFD (as the HTML standard says)."""
    if "&#" in text:
        text = _NUMERIC_REF.sub(_short_reference, text)
    return _html.unescape(text)


def sniff_format(path: str, data: bytes) -> str:
    """The format a file's extension names (:mod:`audit.inputformats`), else HTML or plain text by its first bytes."""
    from .inputformats import format_of

    return format_of(path) or ("html" if _HTML_SNIFF.match(data[:512]) else "text")


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


def addressed(doc: Document, url: str | None = None, date: str | None = None) -> Document:
    """``doc`` with where and when it was published, as a new document (a loaded one is not changed)."""
    if url == doc.url and date == doc.date:
        return doc
    return replace(doc, url=url, date=date)


def from_bytes(path: str, data: bytes, fmt: str | None = None, truncated: bool = False) -> Document:
    """Build a Document from raw bytes. Raises LoadError when it is not text."""
    digest = hashlib.sha256(data).hexdigest()
    fmt = fmt or sniff_format(path, data)
    source, encoding = decode(data)
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    from .inputformats import loader

    return loader(fmt)(path=path, format=fmt, source=source, encoding=encoding, sha256=digest, truncated=truncated)


def load_html(**fields) -> Document:
    """The loader of HTML: the article body and the page's metadata (:mod:`audit.htmlpage`)."""
    from .htmlpage import parse_html  # bs4 and lxml only for HTML

    page = parse_html(fields["source"])
    return Document(
        **{**fields, "format": "html"},
        text=page.text,
        title=page.title,
        title_span=None,
        metadata=page.metadata,
        chrome=page.chrome,
        text_to_source=page.offsets,
        heading_spans=page.heading_spans,
        html=page,
    )


def load_text(**fields) -> Document:
    """The loader of plain text and Markdown: the whole file is read, its first line is the title."""
    title, span = _text_title(fields["source"])
    return Document(**fields, text=fields["source"], title=title, title_span=span)


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> str | None:
    """What a non-regular, non-directory file is, or None for a regular file or directory."""
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return None


def read(path: str, max_bytes: int = MAX_BYTES) -> tuple[bytes, bool]:
    """The first ``max_bytes`` of a regular file, and whether there was more.

    Special files (FIFOs, devices, sockets) are refused without being opened
    for reading: a FIFO would block the scan for good. The file is opened
    non-blocking and checked again once open, in case it changed in between.
    Raises LoadError with a plain reason on failure.
    """
    if max_bytes < 0:
        raise LoadError("max-bytes must not be negative")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError("is a directory")
    kind = special_kind(st.st_mode)
    if kind:
        raise LoadError(f"{kind}, not a regular file: not read")
    def opener(name, flags):
        return os.open(name, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))

    try:
        with open(path, "rb", buffering=0, opener=opener) as fh:
            kind = special_kind(os.fstat(fh.fileno()).st_mode)
            if kind:
                raise LoadError(f"{kind}, not a regular file: not read")
            chunks = []
            left = max_bytes + 1
            while left > 0:
                chunk = fh.read(min(left, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
            data = b"".join(chunks)
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
    return data, truncated


def load(path: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file from disk. Raises LoadError with a plain reason on failure."""
    data, truncated = read(path, max_bytes)
    return from_bytes(path, data, truncated=truncated)


def _cut_at_character(data: bytes) -> bytes:
    """Drop a character cut short at the end of ``data``: a UTF-8 sequence, or
    in UTF-16 (by its BOM) an odd byte or the first half of a surrogate pair."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data[: len(data) - (len(data) % 2)]
        if len(data) >= 4:
            unit = data[-2:] if data.startswith(b"\xfe\xff") else data[-1:-3:-1]
            if 0xD8 <= unit[0] <= 0xDB:  # a high surrogate without its pair
                data = data[:-2]
        return data
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
