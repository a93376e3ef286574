"""Make strings from documents, file names and metadata safe to print.

Control characters (C0, DEL, C1), line and paragraph separators and the
invisible format characters that reorder or hide text (bidi overrides and
isolates, zero-width marks) are written as ``\\xNN`` / ``\\uNNNN`` escapes, so
a file name or an excerpt can neither move the cursor, colour the terminal,
start a new line that looks like a finding, nor reverse what follows it.
"""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def printable(text) -> str:
    """``text`` with every unsafe character escaped (see the module docstring)."""
    text = "" if text is None else str(text)
    out = _UNSAFE.sub(_escape, text)
    if out.isascii():
        return out
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cf" else c for c in out)
