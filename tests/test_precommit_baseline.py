"""The real pre-commit framework with a baseline: an accepted file commits, a new scraped file is blocked."""

from __future__ import annotations

import subprocess

import pytest

from test_precommit import HONEST, SCRAPED, _git


@pytest.mark.slow
def test_precommit_passes_a_baselined_file_and_blocks_a_new_one(hook_repo):
    repo, env, pre_commit = hook_repo(args=("--baseline", ".provenance-audit-baseline.json"))
    bin_dir = pre_commit.parent
    assert subprocess.run([str(pre_commit), "install"], cwd=repo, env=env, capture_output=True).returncode == 0

    # the maintainer reviews the copied article, accepts it with a note, and commits both
    (repo / "library.txt").write_text(HONEST)
    (repo / "library-copy.txt").write_text(SCRAPED)
    made = subprocess.run([str(bin_dir / "provenance-audit"), "baseline", "create", ".", "--note", "syndicated under licence"],
                          cwd=repo, env=env, capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr
    _git("add", ".", cwd=repo)
    ok = subprocess.run(["git", "commit", "-m", "articles, one syndicated"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert ok.returncode == 0, ok.stdout + ok.stderr

    # a later edit that adds nothing keeps it accepted
    (repo / "library-copy.txt").write_text(SCRAPED.replace("said the librarian", "the librarian said"))
    _git("add", "library-copy.txt", cwd=repo)
    edited = subprocess.run(["git", "commit", "-m", "edit"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert edited.returncode == 0, edited.stdout + edited.stderr

    # a new scraped file is blocked, with its findings printed
    (repo / "another-copy.txt").write_text(SCRAPED.replace("town library", "county library"))
    _git("add", "another-copy.txt", cwd=repo)
    blocked = subprocess.run(["git", "commit", "-m", "new scraped article"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "another-copy.txt:" in output and "[baseline: new]" in output and "kyiv-casing.lowercase" in output
    assert "library-copy.txt" not in output
