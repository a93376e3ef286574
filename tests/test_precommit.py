"""The real pre-commit framework, using this repository's hook by path and rev."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

HONEST = """Library extends weekend opening hours

The town library will open on Sundays from next month, the council said on Monday.

Staff numbers will rise by two to cover the extra hours, according to the budget papers.
"""

SCRAPED = """Spread the love

Library extends weekend opening hours as crowds return

The town library will open on Sundays, helping readers from kyiv and beyond.

« We must not close our doors,” said the librarian.

Library extends weekend opening hours as crowds return

Mara Quinn

By Mara Quinn

Mara Quinn has been a reporter for the city desk since 2012. Before joining Westfold Post , she wrote for The Wall Street Journal, GQ and Newsday. To get in touch, contact me through my mara@inkvale-media.com 1-800-413-9027
"""  # noqa: E501 (a page line as long as the page has it)


def _git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_precommit_hook_blocks_scraped_and_passes_honest(hook_repo):
    repo, env, pre_commit = hook_repo()
    assert subprocess.run([str(pre_commit), "install"], cwd=repo, env=env, capture_output=True).returncode == 0

    (repo / "library.txt").write_text(HONEST)
    _git("add", ".", cwd=repo)
    ok = subprocess.run(["git", "commit", "-m", "honest article"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert ok.returncode == 0, ok.stdout + ok.stderr

    (repo / "library-copy.txt").write_text(SCRAPED)
    _git("add", "library-copy.txt", cwd=repo)
    blocked = subprocess.run(["git", "commit", "-m", "scraped article"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "library-copy.txt:" in output and "kyiv-casing.lowercase" in output and "flagged" in output
    assert "library.txt:" not in output
