"""The report cache: hits give byte-identical reports; every input of a report is in the key."""

from __future__ import annotations

import json
import os
import threading

import pytest

from audit import Auditor
from audit.cache import ReportCache, fingerprint
from audit.cli import main
from audit.report import dumps

SCRAPED = """Harbour board approves new ferry timetable

Spread the love

The board said the timetable for kyiv routes would change in May , officials said.

« The crossings must stay affordable,” said the chair.

Harbour board approves new ferry timetable
"""

HONEST = """Harbour board approves new ferry timetable

The board said on Monday that the winter timetable would start in November.

"The crossings must stay affordable," the chair told reporters.
"""

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Ferry timetable | Harbour Post</title></head>
<body><article><h1>Ferry timetable</h1><p>The board said on Monday that kyiv routes would change.</p></article></body></html>
"""


@pytest.fixture
def report_cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", str(directory))
    return directory


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text(SCRAPED, encoding="utf-8")
    (d / "b.md").write_text(HONEST, encoding="utf-8")
    (d / "c.html").write_text(PAGE, encoding="utf-8")
    return d


def scan(args, capsys):
    code = main(["scan", *args])
    return code, capsys.readouterr().out


def entries(directory):
    return sorted(p for p in (directory / "reports").rglob("*.json")) if (directory / "reports").is_dir() else []


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "sarif"])
def test_cached_run_prints_and_writes_the_same_bytes(report_cache, files, tmp_path, capsys, fmt):
    cold_out, warm_out = tmp_path / "cold", tmp_path / "warm"
    code1, cold = scan(["--format", fmt, "--output", str(cold_out), str(files)], capsys)
    assert len(entries(report_cache)) == 3
    stamps = {p: p.stat().st_mtime_ns for p in entries(report_cache)}
    code2, warm = scan(["--format", fmt, "--output", str(warm_out), str(files)], capsys)
    assert {p: p.stat().st_mtime_ns for p in entries(report_cache)} == stamps  # read, not rewritten
    assert (code1, cold) == (code2, warm)
    for p in cold_out.rglob("*.json"):
        assert p.read_bytes() == (warm_out / p.relative_to(cold_out)).read_bytes()
    _, fresh = scan(["--no-cache", "--format", fmt, "--no-output", str(files)], capsys)
    assert fresh == cold


def test_hits_are_counted_and_equal_fresh_reports(report_cache, files):
    auditor = Auditor()
    cache = ReportCache.for_auditor(auditor)
    paths = sorted(str(p) for p in files.iterdir())
    first = [cache.audit_path(auditor, p) for p in paths]
    again = [cache.audit_path(auditor, p) for p in paths]
    assert (cache.hits, cache.misses) == (3, 3)
    assert [dumps(r) for r in again] == [dumps(r) for r in first] == [dumps(auditor.audit_path(p)) for p in paths]


def test_the_key_follows_content_path_weights_and_options(report_cache, files, tmp_path):
    from audit.catalogue import load_catalogue, rules_dir
    from audit.score import load_weights

    base = Auditor()
    f = fingerprint(base)
    assert fingerprint(Auditor()) == f
    assert fingerprint(Auditor(readability=False)) != f
    assert fingerprint(Auditor(max_bytes=1000)) != f
    assert fingerprint(Auditor(sites=["harbour.example"])) != f
    assert fingerprint(Auditor(catalogue=load_catalogue().select(ignore=["kyiv-casing"]))) != f
    weights = tmp_path / "weights.toml"
    weights.write_text((rules_dir() / "weights.toml").read_text(encoding="utf-8") + "\n# refitted\n", encoding="utf-8")
    assert fingerprint(Auditor(weights=load_weights(weights))) != f
    cache = ReportCache(tmp_path / "c", f)
    assert cache.key("a.txt", b"x") != cache.key("a.txt", b"y")
    assert cache.key("a.txt", b"x") != cache.key("b.txt", b"x")


def test_an_edited_file_is_audited_again(report_cache, files, capsys):
    target = files / "b.md"
    _, before = scan(["--format", "jsonl", "--no-output", str(target)], capsys)
    target.write_text(SCRAPED, encoding="utf-8")
    _, after = scan(["--format", "jsonl", "--no-output", str(target)], capsys)
    assert json.loads(after)["score"] > json.loads(before)["score"]
    assert len(entries(report_cache)) == 2


def test_a_damaged_entry_is_a_miss_and_is_replaced(report_cache, files, capsys):
    _, cold = scan(["--format", "jsonl", "--no-output", str(files / "a.txt")], capsys)
    [entry] = entries(report_cache)
    entry.write_text('{"path": ', encoding="utf-8")
    _, again = scan(["--format", "jsonl", "--no-output", str(files / "a.txt")], capsys)
    assert again == cold and json.loads(entry.read_text(encoding="utf-8"))["path"] == str(files / "a.txt")


def test_off_switch_no_cache_flag_and_xdg(files, tmp_path, monkeypatch, capsys, report_cache):
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", "off")
    assert ReportCache.for_auditor(Auditor()) is None
    scan(["--no-output", str(files)], capsys)
    monkeypatch.delenv("PROVENANCE_AUDIT_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    scan(["--no-cache", "--no-output", str(files)], capsys)
    assert not (tmp_path / "xdg" / "provenance-audit" / "reports").exists()
    scan(["--no-output", str(files)], capsys)
    assert len(entries(tmp_path / "xdg" / "provenance-audit")) == 3


def test_errors_are_not_cached(report_cache, tmp_path, capsys):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01binary")
    scan(["--no-output", str(binary)], capsys)
    assert entries(report_cache) == []


def test_concurrent_writers_leave_whole_entries(report_cache, files):
    auditor = Auditor()
    cache = ReportCache.for_auditor(auditor)
    report = auditor.audit_path(str(files / "a.txt"))
    key = cache.key(str(files / "a.txt"), (files / "a.txt").read_bytes())
    threads = [threading.Thread(target=lambda: [cache.put(key, report) for _ in range(20)]) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [p.name for p in (report_cache / "reports").rglob("*") if p.is_file()] == [f"{key[2:]}.json"]
    assert dumps(cache.get(key)) == dumps(report)


def test_parallel_cached_run_matches(report_cache, tmp_path, capsys):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(12):
        (d / f"f{i:02d}.txt").write_text(SCRAPED if i % 3 == 0 else HONEST.replace("Monday", f"day {i}"), encoding="utf-8")
    _, cold = scan(["--no-output", "--format", "jsonl", "--jobs", "2", str(d)], capsys)
    assert len(entries(report_cache)) == 12  # workers wrote them
    _, warm = scan(["--no-output", "--format", "jsonl", "--jobs", "2", str(d)], capsys)
    _, fresh = scan(["--no-cache", "--no-output", "--format", "jsonl", str(d)], capsys)
    assert cold == warm == fresh and len(cold.splitlines()) == 12
    assert not [p for p in (report_cache / "reports").rglob(".tmp-*")]
    assert os.listdir(report_cache / "reports")


# --- the loaded catalogue and the compiled expressions, cached across runs


def test_the_cached_catalogue_audits_as_the_loaded_one(report_cache, files):
    from audit import catcache
    from audit.catalogue import _load_catalogue, load_catalogue, rules_dir
    from audit.score import load_weights

    first = load_catalogue()  # loads from the rule files and stores the entry
    entries = list((report_cache / "catalogue").glob("*.pickle"))
    assert len(entries) == 1
    second = load_catalogue()  # read back
    fresh = _load_catalogue(rules_dir(), [])
    assert [r.id for r in second.rules] == [r.id for r in fresh.rules] and second.rules == fresh.rules
    weights = load_weights()
    for path in sorted(files.iterdir()):
        expected = dumps(Auditor(fresh, weights).audit_path(str(path)))
        assert dumps(Auditor(second, weights).audit_path(str(path))) == expected
        assert dumps(Auditor(first, weights).audit_path(str(path))) == expected
    entries[0].write_bytes(b"damaged")  # a damaged entry is a miss, never an error
    assert [r.id for r in load_catalogue().rules] == [r.id for r in fresh.rules]
    assert catcache._key(rules_dir(), []) == catcache._key(rules_dir(), [])


def test_the_catalogue_key_follows_the_rule_files(report_cache, tmp_path):
    import shutil

    from audit import catcache
    from audit.catalogue import load_catalogue, rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    before = catcache._key(rules, [])
    target = next(rules.glob("*/*.toml"))
    stat = target.stat()
    target.write_bytes(target.read_bytes().replace(b"summary = \"", b"summary = \"Changed: ", 1))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time: the bytes make the key
    assert catcache._key(rules, []) != before
    changed = next(r for r in load_catalogue(rules).rules if r.path == str(target))
    assert changed.summary.startswith("Changed: ")
    extra = tmp_path / "extra.toml"
    extra.write_text("# a user rule file\n", encoding="utf-8")
    assert catcache._key(rules, [str(extra)]) != catcache._key(rules, [])


def test_no_catalogue_entry_when_the_cache_is_off(monkeypatch, tmp_path):
    from audit.catalogue import load_catalogue

    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert load_catalogue().rules
    assert not any(tmp_path.rglob("*.pickle"))


def test_expressions_made_from_cached_code_equal_what_re_compiles():
    import re

    from audit import recache

    for pattern, flags in [(r"(?P<word>\b[A-Z][a-z]+)\s+(?:said|told)\b", re.M), (r"[«»„“]\s*\w+", re.I | re.M),
                           (rb"^\x00+", 0), (r"(?<=\d),(?=\d{1,2}\b)", 0)]:
        entry = recache._entry(pattern, flags)
        import _sre

        made = _sre.compile(entry[0], *entry[2:])
        assert made == re.compile(pattern, flags) and made.groupindex == re.compile(pattern, flags).groupindex


def test_a_second_scan_compiles_almost_no_expressions(report_cache, files):
    """A run stores the code of what it compiled; once the catalogue is cached too (after the
    first run) the next run compiles (nearly) nothing: only what the interpreter's own
    modules compile before the cache is read."""
    import subprocess
    import sys

    probe = ("import sys, re, re._compiler as c\ncount = [0]\noriginal = c.compile\n"
             "def counting(p, flags=0):\n    count[0] += 1\n    return original(p, flags)\n"
             "c.compile = counting\nfrom audit.cli import main\n"
             "try:\n    main(['scan', '--no-cache', '--no-output', '--quiet'] + sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print(count[0], file=sys.stderr)")
    paths = [str(p) for p in sorted(files.iterdir())]
    env = dict(os.environ, PROVENANCE_AUDIT_CACHE=str(report_cache))
    counts = []
    for _ in range(3):
        proc = subprocess.run([sys.executable, "-c", probe, *paths], capture_output=True, text=True, env=env, check=False)
        counts.append(int(proc.stderr.strip().splitlines()[-1]))
    assert list((report_cache / "re").glob("*.pickle"))
    assert counts[0] > 100 and counts[2] < counts[0] / 10, counts


def test_a_damaged_expression_cache_is_ignored(report_cache, files, capsys, monkeypatch):
    from audit import recache

    monkeypatch.setattr(recache, "_loaded", None)
    path = recache._path()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b"\x80\x05damaged")
    assert recache.prime() == 0
    code, out = scan(["--no-cache", "--no-output", str(files)], capsys)
    # the same reports as a run that never had the cache file
    os.remove(path)
    monkeypatch.setattr(recache, "_loaded", None)
    assert (code, out) == scan(["--no-cache", "--no-output", str(files)], capsys)
    assert code == 1 and f"{files}/a.txt: flagged" in out
