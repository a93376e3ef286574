"""The matching engine shared by the pattern kind and the catalogue.

Three parts, one module each beside the helpers (folding, literals, RE2
translation):

- **Engine choice.** A pattern runs on RE2 (google-re2, linear time by
  construction) when RE2 gives exactly Python's answer: no look-around, no
  back-reference, no ``\\b``, no atomic group or possessive repeat, and no
  ignore-case. Python's Unicode classes (``\\w``, ``\\d``, ``\\s`` and their
  negations) are written out as explicit code-point classes computed from
  Python itself, so RE2 reads them the same way. Every other pattern runs on
  Python's ``re``; those that ship are proven linear by a meta-test on
  adversarial strings, and a user pattern that RE2 cannot take must pass the
  same probe (:func:`probe`) when it loads, or it is refused.
- **Prefilter.** From each pattern's parse tree, the literal strings
  of which at least one must occur in any text it can match
  (:func:`required_literals`), and a looser RE2 pattern, its gate, that
  matches wherever it could (:func:`gate_translation`). One pass of one RE2
  set of the literals over the case-folded text, and one of the gates, tell
  which rules can possibly match; only those run, and their regular
  expressions are compiled the first time they do (:class:`LiteralSet`).
- **Deadlines.** :func:`deadline` interrupts Python code, ``re`` included,
  after a number of seconds (SIGALRM; in the main thread only).
"""

from .engine import Matcher
from .folding import fold
from .gate import gate_translation
from .literals import required_literals
from .prefilter import LiteralSet
from .probe import DeadlineExceeded, adversarial_shapes, deadline, probe
from .translate import _category_ranges, re2_translation

__all__ = [
    "DeadlineExceeded", "LiteralSet", "Matcher", "_category_ranges", "adversarial_shapes", "deadline", "fold",
    "gate_translation", "probe", "re2_translation", "required_literals",
]
