"""The shipped rules folder, and the one reader of its word lists.

A list is ``rules/lists/<name>.txt``: one entry a line, '#' at the start of a
line or after a space starts a comment, blank lines are skipped. The
catalogue (a rule's ``*_from`` params), origin, the outlet registry, the
credit-line vocabulary and the lists that code reads outside any rule all
read it here. This module imports nothing of the package, so a stage that
only needs a list stays cheap to import.
"""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    """Where the shipped catalogue is: inside the installed package, or the checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    if (installed / "weights.toml").is_file():
        return installed
    return here.parent / "rules"


def read_list(directory: Path, name: str) -> tuple[str, ...]:
    """Entries of ``lists/<name>.txt`` under ``directory``, in file order (OSError if unreadable)."""
    entries = []
    for line in (directory / "lists" / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            entries.append(line)
    return tuple(entries)
