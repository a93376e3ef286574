"""provenance-audit: find signs of scraping and machine translation in news-like text.

The flow is load → checks → score → report:

>>> from audit import Auditor
>>> report = Auditor().audit_text("Spread the love\\n\\nA headline here\\n")
>>> report["verdict"] in {"clean", "review", "flagged"}
True
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported: start-up stays lean
if TYPE_CHECKING:
    from .catalogue import load_catalogue
    from .pipeline import Auditor
    from .score import load_weights

__all__ = ["Auditor", "audit_file", "audit_text", "load_catalogue", "load_weights"]
__version__ = "0.1.0"  # the one place the version is written (pyproject reads it)

_default = None

# The engine loads on first use, so ``provenance-audit --version`` and
# ``--help`` (which import this package) never pay for it.
_LAZY = {"Auditor": ".pipeline", "load_catalogue": ".catalogue", "load_weights": ".score"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _auditor() -> Auditor:
    global _default
    if _default is None:
        from .pipeline import Auditor

        _default = Auditor()
    return _default


def audit_file(path: str) -> dict:
    """Audit one file with the shipped catalogue and weights; returns the report."""
    return _auditor().audit_path(path)


def audit_text(text: str, fmt: str = "text", path: str = "<text>") -> dict:
    """Audit a string (``fmt``: text, markdown or html); returns the report."""
    return _auditor().audit_text(text, fmt=fmt, path=path)
