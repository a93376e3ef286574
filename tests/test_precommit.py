"""The real pre-commit framework, using this repository's hook by path and rev."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
"""


def _git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_precommit_hook_blocks_scraped_and_passes_honest(tmp_path, pre_commit_home):
    head = _git("rev-parse", "HEAD", cwd=ROOT)
    if head.returncode != 0 or shutil.which("git") is None:
        pytest.skip("the project is not a git checkout with a commit")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    repo = tmp_path / "corpus-repo"
    repo.mkdir()
    assert _git("init", "-q", cwd=repo).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT.as_posix()}\n  rev: {head.stdout.strip()}\n  hooks:\n  - id: provenance-audit\n"
    )
    env = dict(os.environ, PRE_COMMIT_HOME=str(pre_commit_home), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    env.pop("PRE_COMMIT_ALLOW_NO_CONFIG", None)
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
