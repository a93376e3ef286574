"""Every rule on its own examples: each 'flag' example must yield a finding from
that rule, each 'pass' example none from it. Parametrised over the catalogue,
so a new rule is tested by adding its file."""

from __future__ import annotations

import pytest

from audit import Auditor, load_catalogue, load_weights

CATALOGUE = load_catalogue()
FORMATS = {"text": "text", "markdown": "markdown", "html": "html"}


def _cases():
    for rule in CATALOGUE.rules:
        for i, example in enumerate(rule.flag):
            yield pytest.param(rule, example, True, id=f"{rule.id}:flag:{i}")
        for i, example in enumerate(rule.passes):
            yield pytest.param(rule, example, False, id=f"{rule.id}:pass:{i}")


@pytest.fixture(scope="module")
def single_rule_auditors():
    weights = load_weights()
    return {r.id: Auditor(CATALOGUE.select([r.id]), weights) for r in CATALOGUE.rules}


@pytest.mark.parametrize("rule, example, must_flag", list(_cases()))
def test_rule_example(rule, example, must_flag, single_rule_auditors, valid):
    from audit.copies import audit_example

    text = example.text
    report = valid(audit_example(single_rule_auditors[rule.id], example._replace(format=FORMATS[example.format])))
    hits = [f for f in report["findings"] if f["rule"] == rule.id]
    assert not report["rule_errors"], report["rule_errors"]
    if must_flag:
        assert hits, f"{rule.id} should flag:\n{text}"
        for f in hits:
            assert f["line"] >= 1 and f["column"] >= 1 and f["excerpt"] and f["message"]
    else:
        assert not hits, f"{rule.id} should pass:\n{text}\nbut found {[h['excerpt'] for h in hits]}"


def test_every_rule_has_examples_and_docs():
    lacking = [r.id for r in CATALOGUE.rules if not (r.flag and r.passes and r.summary and r.why and r.lookalikes and r.message)]
    assert not lacking, f"rules lacking examples or docs: {lacking}"
