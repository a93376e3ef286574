"""A kind given by its two functions, for modules that hold several related kinds.

Most kinds are a module each (``compile``, ``run``, ``PARAMS``). A module
whose checks share helpers (the byline checks, the contact checks …) declares
one :class:`Kind` per check instead, each registered under its own name in
:data:`audit.kinds.KINDS`, so a rule file's ``kind`` leads straight to the
code that runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


def no_params(rule, catalogue):
    """``compile`` for a kind that reads no params."""
    return None


@dataclass(frozen=True)
class Kind:
    run: Callable  # run(rule, prepared, doc) -> Hits
    compile: Callable = no_params  # compile(rule, catalogue) -> prepared
    PARAMS: dict = field(default_factory=dict)  # the params it reads, with their types
