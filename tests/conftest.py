"""Shared fixtures. Tests write their own fixtures; nothing outside the repository is needed."""

from __future__ import annotations

import os
import tempfile

import pytest

# keep the parsed-rules cache of test runs out of the user's cache folder
os.environ["PROVENANCE_AUDIT_CACHE"] = tempfile.mkdtemp(prefix="provenance-audit-cache-")

from audit import Auditor, load_catalogue, load_weights


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="session")
def weights():
    return load_weights()


@pytest.fixture(scope="session")
def auditor(catalogue, weights):
    return Auditor(catalogue, weights)


@pytest.fixture(scope="session")
def report_validator():
    import jsonschema

    from audit.report import report_schema

    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def valid(report_validator):
    """Assert that a report (or a list of them) satisfies the shipped schema; return it."""

    def check(report):
        for r in report if isinstance(report, list) else [report]:
            errors = sorted(report_validator.iter_errors(r), key=lambda e: list(e.absolute_path))
            assert not errors, f"{r.get('path')}: {errors[0].message} at {list(errors[0].absolute_path)}"
        return report

    return check


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    """One pre-commit cache for the session: the hook's environment is built once for the tests that run it."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(autouse=True)
def _no_report_cache(request, monkeypatch):
    """Tests audit afresh: the report cache is on only where a test asks for ``report_cache``."""
    if "report_cache" not in request.fixturenames:
        monkeypatch.setattr("audit.cache.cache_root", lambda: None)


@pytest.fixture
def hook_repo(tmp_path, pre_commit_home):
    """A fresh git repository whose pre-commit config runs this checkout's hook at HEAD.

    ``hook_repo(args=(...))`` gives ``(repo, env, pre_commit)``: the folder, an
    environment with the shared hook cache and a committer, and the
    pre-commit executable. Skips where the project is not a git checkout
    with a commit, or pre-commit is not installed.
    """
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PRE_COMMIT_HOME=str(pre_commit_home), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    env.pop("PRE_COMMIT_ALLOW_NO_CONFIG", None)

    def make(args=(), name="corpus-repo", extra_env=None):
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True)
        if head.returncode != 0:
            pytest.skip("the project is not a git checkout with a commit")
        pre_commit = Path(sys.executable).with_name("pre-commit")
        if not pre_commit.exists():
            pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
        repo = tmp_path / name
        repo.mkdir()
        assert subprocess.run(["git", "init", "-q"], cwd=repo, capture_output=True).returncode == 0
        config = f"repos:\n- repo: {root.as_posix()}\n  rev: {head.stdout.strip()}\n  hooks:\n  - id: provenance-audit\n"
        if args:
            config += "    args: [" + ", ".join(args) + "]\n"
        (repo / ".pre-commit-config.yaml").write_text(config)
        return repo, dict(env, **(extra_env or {})), pre_commit

    return make


@pytest.fixture(scope="module")
def rule_hits(catalogue, weights):
    """``rule_hits(rule_id, text, url=None)``: the excerpts one shipped rule finds in ``text`` (a page at ``url``), run alone."""
    from audit import Auditor

    auditors = {}

    def run(rule_id: str, text: str, url: str | None = None) -> list[str]:
        if rule_id not in auditors:
            auditors[rule_id] = Auditor(catalogue.select([rule_id]), weights)
        report = auditors[rule_id].audit_text(text, url=url)
        return [f["excerpt"] for f in report["findings"] if f["rule"] == rule_id]

    return run
