"""What a rule reports: a Hit from a kind, a Finding once placed in the file."""

from __future__ import annotations

from dataclasses import dataclass

# At most this many findings of one rule in one document are reported (the first ones the rule
# found); a report whose rule reached it says so in its notes. A hostile page repeating one
# phrase a hundred thousand times costs no more to report than one repeating it this often.
FINDINGS_PER_RULE = 2000


@dataclass(frozen=True, slots=True)
class Hit:
    """Evidence found by a kind, as a span of the document.

    ``start``/``end`` index ``Document.text`` unless ``in_source`` is true, when
    they index ``Document.source`` (HTML metadata lives outside the body text).
    ``message`` overrides the rule's message template; ``fields`` fill it.
    """

    start: int
    end: int
    message: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    in_source: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    signal: str
    category: str
    line: int
    column: int
    excerpt: str
    message: str
    offset: int  # offset in the source file, for stable ordering

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "signal": self.signal,
            "category": self.category,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "message": self.message,
        }
