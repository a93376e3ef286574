"""A scan whose reports are all cached is answered before the engine loads (audit.commands.fast)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HONEST = "Harbour board approves new ferry timetable\n\nThe board said on Monday that the winter timetable would start soon.\n"
COPIED = ("Council approves harbour plans\n\nSpread the love\n\nThe council met on Tuesday to discuss the budget. "
          "The assistance provided to kyiv has grown, the minister said.\n\nREAD ALSO: What the budget means for farmers\n")
PROBE = ("import json, sys\nfrom audit.cli import main\ncode = main(sys.argv[1:])\n"
         "print(json.dumps({'code': code, 'engine': 'audit.catalogue' in sys.modules}), file=sys.stderr)\n")


def _scan(args: list[str], cache, cwd) -> tuple[int, bool, str, str]:
    """(exit status, whether the engine loaded, stdout, stderr without the probe's line)."""
    env = dict(os.environ, PROVENANCE_AUDIT_CACHE=str(cache))
    proc = subprocess.run([sys.executable, "-c", PROBE, "scan", *args], capture_output=True, text=True, env=env,
                          cwd=str(cwd), check=False)
    *rest, last = proc.stderr.strip().splitlines()
    probe = json.loads(last)
    return probe["code"], probe["engine"], proc.stdout, "\n".join(rest)


@pytest.fixture()
def files(tmp_path):
    (tmp_path / "a.txt").write_text(HONEST, encoding="utf-8")
    (tmp_path / "b.md").write_text(COPIED, encoding="utf-8")
    (tmp_path / "c.html").write_text(f"<html><body><article><p>{COPIED}</p></article></body></html>", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_a_seen_run_prints_the_same_without_the_engine(files, tmp_path_factory, fmt):
    cache = tmp_path_factory.mktemp("cache")
    args = ["--no-output", "--format", fmt, "a.txt", "b.md", "c.html"]
    first = _scan(args, cache, files)
    assert first[1] is True and first[0] == 1  # audited: the copied file is flagged
    second = _scan(args, cache, files)
    assert second[1] is False  # answered from the cache
    assert second[0] == first[0] and second[2] == first[2] and second[3] == first[3]
    fresh = _scan(["--no-cache", *args], cache, files)
    assert fresh[1] is True and fresh[2] == first[2]  # --no-cache always audits


def test_quiet_and_the_gate_match_the_usual_way(files, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    for extra in (["--quiet"], ["--fail-above", "100"], ["--top", "1", "--sort", "path"]):
        args = ["--no-output", *extra, "a.txt", "b.md"]
        first, second = _scan(args, cache, files), _scan(args, cache, files)
        assert (first[1], second[1]) == (True, False)
        assert second[0] == first[0] and second[2] == first[2]


def test_a_changed_file_loads_the_engine(files, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    args = ["--no-output", "--format", "jsonl", "a.txt", "b.md"]
    _scan(args, cache, files)
    (files / "a.txt").write_text(HONEST + "\nSpread the love\n", encoding="utf-8")
    changed = _scan(args, cache, files)
    assert changed[1] is True
    assert "share-widget-text" in changed[2].splitlines()[0]


def test_a_changed_user_rule_or_configuration_loads_the_engine(files, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    from audit.catalogue import rules_dir

    shipped = next(p for p in sorted(rules_dir().glob("*/*.toml")) if 'kind = "phrase"' in p.read_text(encoding="utf-8"))
    text = shipped.read_text(encoding="utf-8")
    rule_id = text.split('id = "', 1)[1].split('"', 1)[0]
    own = rule_id.split(".")[0] + ".own-copy"  # a rule of the same signal under an id of its own
    rule = files / f"{own}.toml"
    rule.write_text(text.replace(f'id = "{rule_id}"', f'id = "{own}"', 1), encoding="utf-8")
    args = ["--no-output", "--format", "jsonl", "--rules", rule.name, "a.txt"]
    first = _scan(args, cache, files)
    assert first[1] is True and f"gives no weight to {own}" in first[3]
    second = _scan(args, cache, files)
    assert second[1] is False and second[3] == first[3] and second[2] == first[2]  # the warning is repeated
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert _scan(args, cache, files)[1] is True
    # a configuration file: its settings apply to a cached answer as to an audit
    (files / ".provenance-audit.toml").write_text("fail-above = 100\n", encoding="utf-8")
    plain = ["--no-output", "a.txt"]
    configured = _scan(plain, cache, files)
    assert configured[1] is True and configured[0] == 0  # the honest file stays under a gate of 100
    again = _scan(plain, cache, files)
    assert again[1] is False and again[0] == 0 and again[2] == configured[2]
    (files / ".provenance-audit.toml").write_text("fail-above = 5\n", encoding="utf-8")
    gated = _scan(plain, cache, files)
    assert gated[1] is True and gated[0] == 1


def test_runs_it_does_not_answer(files, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    for args in (["--output", str(files / "out"), "a.txt"], ["--no-output", "--format", "sarif", "a.txt"],
                 ["--no-output", "--copies", "a.txt", "b.md"]):
        _scan(args, cache, files)
        assert _scan(args, cache, files)[1] is True
    # a missing file among seen ones: the usual way reports it
    args = ["--no-output", "a.txt"]
    _scan(args, cache, files)
    missing = _scan([*args, "gone.txt"], cache, files)
    assert missing[1] is True and missing[0] == 2
