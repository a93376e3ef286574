"""Coverage-guided fuzzing with atheris, on the same entry as benchmarks/fuzz.py.

    pip install atheris
    python benchmarks/fuzz_atheris.py -runs=100000            # a bounded run
    python benchmarks/fuzz_atheris.py -max_total_time=3600 corpus/   # an hour, keeping what it finds

Every option after the script is libFuzzer's (``-runs``, ``-max_len``,
``-max_total_time``, a corpus folder to grow). The first input byte picks
the format (text, Markdown, HTML, sniffed, sniffed with an .html name) as
fuzz.py's inputs do; the rest are the file's bytes. An input fails when the
audit raises, runs out of its time budget, or gives a different report when
audited a second time; libFuzzer then writes it to ``crash-<hash>`` for
replay (``python benchmarks/fuzz_atheris.py crash-<hash>``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import atheris  # noqa: E402

with atheris.instrument_imports():
    from audit import Auditor  # noqa: E402
    from audit.report import dumps  # noqa: E402

from fuzz import FORMATS  # noqa: E402  - the same formats and names as the long fuzz run

_auditor = Auditor()


class Failure(Exception):
    """An input the auditor got wrong (libFuzzer keeps it as a crash file)."""


def one_input(data: bytes) -> None:
    if not data:
        return
    fmt, name = FORMATS[data[0] % len(FORMATS)]
    body = data[1:]
    first = _auditor.audit_bytes(name, body, fmt=fmt)
    if "ran out of time" in (first["error"] or ""):
        raise Failure(first["error"])
    if dumps(_auditor.audit_bytes(name, body, fmt=fmt)) != dumps(first):
        raise Failure("a second audit gave a different report")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
