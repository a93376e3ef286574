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
