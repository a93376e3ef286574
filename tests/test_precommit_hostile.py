"""The real pre-commit hook on each hostile-input reproducer: it returns, quickly, with no traceback.

A FIFO cannot be committed and a nested-repeat user rule is configuration,
not a file, so neither is here (tests/test_hostile_input.py and
tests/test_hostile_matching.py cover them).
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest
from test_precommit import SCRAPED

ROOT = Path(__file__).resolve().parents[1]

# name -> (content, 1 when the hook should flag it). Sizes are small: each audits in milliseconds.
REPRODUCERS = {
    "timestamp.txt": (("Posted 12:34 " + "1" * 60 + "x\n") * 3, 0),
    "long-word.txt": ("A" * 20_000 + ". next\n", 0),
    "blank-lines.txt": ("A title\n" + "\n" * 20_000 + "The end.\n", 0),
    "guillemets.txt": ("« a » " * 4_000 + "\n", 0),
    # the breadcrumb lines alone score near the review bar: a scraped story after them keeps the file flagged
    # under any refit, so that each of pre-commit's batches prints its summary line
    "breadcrumbs.txt": ("Home » World » Europe\n" * 2_000 + SCRAPED, 1),
    "entity.html": ("<html><body><p>&#" + "1" * 5_000 + ";</p></body></html>\n", 0),
    "utf16-odd-byte.txt": (b"\xff\xfe" + "The harbour wall was repaired.\n".encode("utf-16-le") + b"A", 0),
    "utf16-lone-surrogate.txt": (b"\xff\xfe" + "The harbour wall ".encode("utf-16-le") + b"\x00\xd8" + "was repaired.\n".encode("utf-16-le"), 0),
    "escape \x1b[31mred\x1b[0m.txt": ("The harbour wall was repaired on Monday, the council said.\n", 0),
    "new\nline.txt": (SCRAPED, 1),
}


def _git(*args, cwd, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_precommit_hook_returns_on_every_hostile_reproducer(hook_repo):
    repo, env, pre_commit = hook_repo(name="hostile-repo", extra_env={"NO_COLOR": "1"})
    for name, (content, _code) in REPRODUCERS.items():
        path = repo / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    assert _git("add", ".", cwd=repo).returncode == 0

    # Build the hook environment first (shared with the other pre-commit tests), so the bound below is the audit's.
    setup = subprocess.run([str(pre_commit), "install-hooks"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert setup.returncode == 0, setup.stdout + setup.stderr

    # One run over every reproducer (pre-commit starts in about a second; one start per file would cost ten).
    start = time.monotonic()
    run = subprocess.run([str(pre_commit), "run", "provenance-audit", "--verbose", "--files", *REPRODUCERS], cwd=repo,
                         env=env, capture_output=True, text=True, errors="replace", timeout=120)
    took = time.monotonic() - start
    output = run.stdout + run.stderr
    assert "Traceback" not in output and "Error" not in output, output
    assert run.returncode == 1, output
    assert took < 30, took
    # No escape sequence of a file name reaches the terminal raw, and a newline in a name cannot begin a line.
    assert "\x1b[" not in output, output
    assert not any(line.startswith("line.txt") for line in output.splitlines()), output
    # Every reproducer was audited (pre-commit may split the files over processes), none is an error,
    # and the flagged ones are those expected.
    counts = re.findall(r"^(\d+) files: (\d+) flagged, \d+ review, \d+ clean, (\d+) errors", output, re.M)
    assert sum(int(n) for n, _f, _e in counts) == len(REPRODUCERS), output
    assert all(e == "0" for _n, _f, e in counts), output
    flagged = {line.split(": flagged")[0] for line in output.splitlines() if ": flagged " in line}
    expected = {name.replace("\n", "\\n") for name, (_c, code) in REPRODUCERS.items() if code}
    assert flagged == expected, output
