"""Meta-tests: the catalogue is consistent across rule files, lists, signals and weights."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from audit.catalogue import RuleError, load_catalogue, rules_dir, validate_with_schema
from audit.kinds import KINDS

RULES = rules_dir()
RULE_FILES = sorted(p for p in RULES.glob("*/*.toml"))


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_rule_file_matches_schema(path):
    with open(path, "rb") as fh:
        validate_with_schema(tomllib.load(fh), path)


def test_rule_files_live_in_their_family(catalogue):
    for rule in catalogue.rules:
        family = Path(rule.path).parent.name
        assert family == ("scrape" if rule.category == "scraping" else "mt"), rule.path


def test_every_signal_of_a_rule_is_declared(catalogue):
    for rule in catalogue.rules:
        assert rule.signal in catalogue.signals, rule.id
        assert catalogue.signals[rule.signal]["category"] == rule.category, rule.id


def test_weights_cover_every_rule_and_nothing_else(catalogue, weights):
    ids = {r.id for r in catalogue.rules}
    assert sorted(ids - set(weights.rules)) == [], "rules without a weight"
    assert sorted(set(weights.rules) - ids) == [], "weights for rules that do not exist"


def test_every_kind_is_used_or_documented(catalogue):
    used = {r.kind for r in catalogue.rules}
    assert used <= set(KINDS)


@pytest.mark.parametrize("path", sorted(RULES.glob("lists/*.txt")), ids=lambda p: p.stem)
def test_word_lists_sorted_and_unique(path):
    entries = [line.split(" #", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    keys = [e.casefold() for e in entries]
    assert len(keys) == len(set(keys)), f"duplicates in {path.name}"
    assert keys == sorted(keys), f"{path.name} is not sorted (case-insensitively)"


def test_every_list_is_used(catalogue):
    # rule files, and origin.toml, which names the lists origin reads
    text = "".join(p.read_text(encoding="utf-8") for p in [*RULE_FILES, RULES / "origin.toml"])
    for path in RULES.glob("lists/*.txt"):
        used = f'"{path.stem}"' in text or f"{{list:{path.stem}}}" in text  # listed-pattern placeholders
        assert used, f"list {path.name} is used by no rule"


def test_bad_rule_file_names_file_and_reason(tmp_path):
    bad = tmp_path / "scrape"
    bad.mkdir()
    (tmp_path / "weights.toml").write_text("[model.overall]\nbias = 0\n")
    (bad / "broken.toml").write_text('id = "broken"\nkind = "pattern"\n')
    with pytest.raises(RuleError) as err:
        load_catalogue(tmp_path)
    assert "broken.toml" in str(err.value) and "missing" in str(err.value)


def test_bad_regex_fails_at_load(tmp_path):
    user = tmp_path / "share-widget-text.mine.toml"
    user.write_text(
        'id = "share-widget-text.mine"\nsignal = "share-widget-text"\ncategory = "scraping"\nkind = "pattern"\n'
        'summary = "A test rule."\nwhy = "Only here to break."\nlookalikes = "None at all."\nmessage = "It matched."\n[params]\npattern = "(unclosed"\n'
        '[examples]\nflag = ["a"]\npass = ["b"]\n'
    )
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[user])
    assert "share-widget-text.mine.toml" in str(err.value) and "regular expression" in str(err.value)


def test_user_rule_file_is_schema_validated(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('id = "mine"\nsignal = "share-widget-text"\nkind = 3\n')
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[user])
    assert "mine.toml" in str(err.value)


def test_rules_reference_is_up_to_date(catalogue):
    from audit.docs import load_measurements, reference

    current = (RULES / "README.md").read_text(encoding="utf-8")
    assert current == reference(catalogue, load_measurements(RULES)), "rules/README.md is out of date: run 'provenance-audit docs'"


def test_measured_hit_rates_cover_the_shipped_catalogue(catalogue, weights):
    """The stored measurement behind the reference's hit-rate table is of this
    catalogue and these weights: a rule added, renamed or refitted since must
    be measured again (calibrate --measurements)."""
    from audit.docs import hit_rate_table, load_measurements

    measured = load_measurements(RULES)
    assert measured is not None, "rules/measurements.json is missing"
    ids = {r.id for r in catalogue.rules}
    assert set(measured["rules"]) == ids, (
        f"measured but not shipped: {sorted(set(measured['rules']) - ids)}; shipped but not measured: {sorted(ids - set(measured['rules']))}")
    assert measured["weights_version"] == weights.version
    for rule, per in measured["rules"].items():
        assert set(per) == set(measured["corpora"]), rule
        for corpus, hits in per.items():
            size = measured["corpora"][corpus]
            assert 0 <= hits["originals"] <= size["originals"] and 0 <= hits["positives"] <= size["positives"], (rule, corpus)
    table = hit_rate_table(catalogue, measured)
    assert len([line for line in table if line.startswith("| `")]) == len(ids)


def test_parsed_rules_cache_gives_the_same_catalogue(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", str(tmp_path / "cache"))
    first = load_catalogue()
    assert list((tmp_path / "cache").glob("rules-*.json"))
    second = load_catalogue()
    assert first.rules == second.rules
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", "off")
    assert load_catalogue().rules == first.rules


def test_a_corrupt_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", str(tmp_path))
    expected = load_catalogue().rules
    for cached in tmp_path.glob("rules-*.json"):
        cached.write_text("{not json")
    assert load_catalogue().rules == expected


def test_shipped_weights_were_written_by_calibrate(weights):
    assert weights.meta.get("generated_by") == "provenance-audit calibrate"
    assert weights.version.startswith("cal-")
    assert 0 < weights.review <= weights.flagged <= 100
    counter = set(weights.meta.get("counter_evidence", []))
    for rule_id, w in weights.rules.items():
        assert (w <= 0) if rule_id in counter else (w >= 0), rule_id


# The honest look-alikes of the signal catalogue, each of which must stand
# among the pass examples of the rules for its signal.
LOOKALIKES = {
    "doubled-title": ["<title>", "<h1>"],
    "outlet-suffix-title": ["og:site_name"],
    "share-widget-text": ["Valentine"],
    "read-also-block": ["Related", "Read more"],
    "inline-photo-credit": ["Photo"],
    "fake-contact": ["1-800", "Media contact"],
    "canonical-mismatch": ["canonical"],
    "kyiv-casing": ["Kyiv", "chicken Kiev"],
    "foreign-typography": ["return", "«", "50,000"],
    "foreign-honorific": ["M. Smith", "Judge M. Pennington"],
    "editors-note-calque": ["[Editor"],
    "translated-agency-name": ["German Press Agency (dpa)"],
    "word-order-calque": ["president elect", "attorney general", "body politic"],
    "doubled-word": ["that that", "had had", "is is", "bye bye", "Duran Duran"],
    "broken-sentence": ["e.g.", "i.e.", "etc.", "https://", "iPhone"],
    "false-friend": ["actually", "eventually"],
    "pronoun-leak": ["her final voyage"],
    "foreign-credit": ["(AP)", "(Reuters)", "Canadian Press"],
    "republish-footer": ["first appeared"],
    "glued-text": ["Keep readingShow less", "iPhone", "YouTube"],
}


@pytest.mark.parametrize("signal", sorted(LOOKALIKES))
def test_signal_lookalikes_are_pass_examples(signal, catalogue):
    passes = "\n".join(ex.text for r in catalogue.rules if r.signal == signal for ex in r.passes)
    missing = [needle for needle in LOOKALIKES[signal] if needle not in passes]
    assert not missing, f"{signal}: no pass example with {missing}"


def test_every_kind_declares_the_params_it_reads():
    from audit.kinds import KINDS
    from audit.kinds._params import is_schema

    # a schema of names and types, or (still accepted, unchecked values) a frozenset of names
    assert all(is_schema(getattr(module, "PARAMS", None)) for module in KINDS.values()), \
        [name for name, module in KINDS.items() if not is_schema(getattr(module, "PARAMS", None))]


def test_shipped_rule_params_have_their_declared_types(catalogue):
    from audit.kinds._params import declared, problem

    for rule in catalogue.rules:
        known = declared(KINDS[rule.kind]) or {}
        for key, value in rule.params.items():
            if key in known:
                assert problem(value, known[key]) is None, (rule.id, key)


def test_a_misspelt_param_is_refused_with_the_closest_name(tmp_path):
    rule = tmp_path / "kyiv-casing.typo.toml"
    rule.write_text(
        'id = "kyiv-casing.typo"\nsignal = "kyiv-casing"\ncategory = "machine_translation"\nkind = "pattern"\n'
        'summary = "A rule with a misspelt parameter."\nwhy = "Only a test."\nlookalikes = "None here."\n'
        'message = "found \'{match}\'"\n[params]\npattern = "harbour"\nignorecase = true\n'
        '[examples]\nflag = ["the harbour"]\npass = ["nothing"]\n', encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[rule])
    assert "kyiv-casing.typo.toml" in str(err.value) and "params.ignorecase" in str(err.value) and "ignore_case" in str(err.value)


def test_every_scope_the_catalogue_accepts_is_read(tmp_path):
    """A scope that reads nothing would load and silently never fire."""
    from types import SimpleNamespace

    from audit.catalogue import SCOPES
    from audit.document import from_bytes
    from audit.kinds._scope import scope_of

    doc = from_bytes("a.txt", b"Harbour wall news\n\nThe council met on Tuesday.\n")
    for scope in SCOPES:
        assert scope_of(SimpleNamespace(scope=scope), doc) is not None, scope
