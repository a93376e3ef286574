"""provenance-audit: find signs of scraping and machine translation in news-like text.

The flow is load → checks → score → report:

>>> from audit import Auditor
>>> report = Auditor().audit_text("Spread the love\\n\\nA headline here\\n")
>>> report["verdict"] in {"clean", "review", "flagged"}
True
"""

from .catalogue import load_catalogue
from .pipeline import Auditor
from .score import load_weights

__all__ = ["Auditor", "audit_file", "audit_text", "load_catalogue", "load_weights"]
__version__ = "0.1.0"

_default = None


def _auditor() -> Auditor:
    global _default
    if _default is None:
        _default = Auditor()
    return _default


def audit_file(path: str) -> dict:
    """Audit one file with the shipped catalogue and weights; returns the report."""
    return _auditor().audit_path(path)


def audit_text(text: str, fmt: str = "text", path: str = "<text>") -> dict:
    """Audit a string (``fmt``: text, markdown or html); returns the report."""
    return _auditor().audit_text(text, fmt=fmt, path=path)
