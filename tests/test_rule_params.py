"""Typed rule params: a misspelt or wrongly typed param is refused at load, naming the rule file."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pytest

from audit.catalogue import RuleError, load_catalogue
from audit.kinds import KINDS
from audit.kinds._params import conforms, declared, describe, problem


def _rule_file(tmp_path, params: str, kind: str = "pattern", name: str = "kyiv-casing.mine") -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(
        f'id = "{name}"\nsignal = "kyiv-casing"\ncategory = "machine_translation"\nkind = "{kind}"\n'
        'summary = "A rule of this test."\nwhy = "Only a test."\nlookalikes = "None here."\n'
        f'message = "found \'{{match}}\'"\n[params]\n{params}\n'
        '[examples]\nflag = ["the harbour"]\npass = ["nothing"]\n', encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("params, key, expected", [
    ('pattern = "harbour"\nignore_case = "yes"', "ignore_case", "must be true or false, not a string"),
    ('pattern = "harbour"\nmin_hits = "2"', "min_hits", "must be an integer, not a string"),
    ('pattern = "harbour"\nmin_hits = 2.5', "min_hits", "must be an integer, not a number"),
    ('pattern = "harbour"\nmin_hits = true', "min_hits", "must be an integer, not a boolean"),
    ('pattern = "harbour"\nexceptions = "harbour"', "exceptions", "must be a list of strings, not a string"),
    ('pattern = "harbour"\nexceptions = ["a", 3]', "exceptions", "must be a list of strings, but an item is an integer"),
    ('pattern = 7', "pattern", "must be a string, not an integer"),
    ('pattern = "harbour"\ngroup = false', "group", "must be an integer or a string, not a boolean"),
    ('pattern = "harbour"\nprior_weight = "high"', "prior_weight", "must be a number, not a string"),
])
def test_a_wrongly_typed_param_is_refused_with_the_file_name(tmp_path, params, key, expected):
    path = _rule_file(tmp_path, params)
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[path])
    assert str(err.value) == f"{path}: params.{key}: {expected}"


def test_a_typo_is_refused_with_the_file_name(tmp_path):
    path = _rule_file(tmp_path, 'pattern = "harbour"\nignorecase = true')
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[path])
    assert str(err.value).startswith(f"{path}: params.ignorecase: unknown parameter for kind 'pattern'")
    assert "did you mean 'ignore_case'" in str(err.value)


def test_well_typed_params_load(tmp_path):
    # an integer where a number is declared; a number for the common prior_weight
    path = _rule_file(tmp_path, 'pattern = "harbour"\nignore_case = true\nmin_hits = 1\nprior_weight = 2\ngroup = 0')
    catalogue = load_catalogue(extra=[path])
    assert "kyiv-casing.mine" in catalogue.by_id


@pytest.mark.parametrize("params, message", [
    ('pattern = "harbour"\nignore_case = "yes"', "params.ignore_case: must be true or false, not a string"),
    ('pattern = "harbour"\nignorecase = true', "params.ignorecase: unknown parameter for kind 'pattern'"),
])
def test_the_cli_refuses_a_bad_param_in_one_line_with_exit_2(tmp_path, params, message):
    path = _rule_file(tmp_path, params)
    text = tmp_path / "a.txt"
    text.write_text("Nothing to see here.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "audit", "scan", "--no-output", "--no-cache", "--rules", path, str(text)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and path in lines[0] and message in lines[0]


def test_a_retired_kind_with_a_check_names_its_new_kind(tmp_path):
    path = _rule_file(tmp_path, 'check = "glued"', kind="contact")
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[path])
    assert "kind 'contact' with check 'glued' is now kind 'contact-glued'" in str(err.value)


def test_names_only_declarations_still_check_keys_not_values(monkeypatch, tmp_path):
    """A kind declaring ``PARAMS = frozenset({...})`` (the older form) keeps working."""
    from audit.kinds import pattern

    untyped = SimpleNamespace(compile=pattern.compile, run=pattern.run, PARAMS=frozenset({"pattern", "min_hits"}))
    monkeypatch.setitem(KINDS, "untyped-pattern", untyped)
    assert declared(untyped) == {"pattern": None, "min_hits": None}
    ok = _rule_file(tmp_path, 'pattern = "harbour"\nmin_hits = 1', kind="untyped-pattern", name="kyiv-casing.untyped")
    assert "kyiv-casing.untyped" in load_catalogue(extra=[ok]).by_id
    bad = _rule_file(tmp_path, 'pattern = "harbour"\nignore_case = true', kind="untyped-pattern", name="kyiv-casing.other")
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[bad])
    assert "params.ignore_case: unknown parameter for kind 'untyped-pattern'" in str(err.value)


def test_listed_pattern_accepts_the_min_distinct_it_reads(tmp_path):
    path = _rule_file(tmp_path, 'pattern = "(?i)\\\\b{list:free-mail}\\\\b"\nmin_distinct = 2', kind="listed-pattern")
    rule = load_catalogue(extra=[path]).by_id["kyiv-casing.mine"]
    assert rule.params["min_distinct"] == 2


def test_type_words():
    assert describe(list[list[str]]) == "a list of lists of strings"
    assert conforms([["colour", "color"]], list[list[str]]) and not conforms([["colour", 1]], list[list[str]])
    assert conforms(90, float) and not conforms(True, float)
    assert problem("x", str) is None


def test_split_kinds_run_one_check_each():
    """The kinds that once dispatched on params.check: one registered kind per check, none reading 'check'."""
    from audit.kinds import RETIRED_KINDS

    assert not RETIRED_KINDS & set(KINDS)
    split = [name for name in KINDS if any(name.startswith(kind + "-") for kind in RETIRED_KINDS)]
    assert len(split) == 28  # 17 from the retired kinds, and the 11 site-identity checks written as kinds from the start
    for name in split:
        assert "check" not in (declared(KINDS[name]) or {}), name
