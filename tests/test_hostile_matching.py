"""The matching engine: linear time for every pattern, RE2 where it gives
Python's answer, a literal prefilter that never hides a match."""

from __future__ import annotations

import re
import time

import pytest

from audit.catalogue import RuleError, load_catalogue
from audit.matching import Matcher, fold, probe, required_literals
from audit.origin import load_origin_data

SHIPPED = load_catalogue()
PATTERN_RULES = [r for r in SHIPPED.rules if r.kind == "pattern"]


def _matcher(rule) -> Matcher | None:
    prepared = SHIPPED.compiled(rule)
    inner = getattr(prepared, "inner", None)  # listed-pattern wraps a pattern
    if isinstance(inner, tuple):
        prepared = inner[1]
    matcher = getattr(prepared, "regex", None)
    return matcher if isinstance(matcher, Matcher) else None


MATCHER_RULES = [r for r in SHIPPED.rules if _matcher(r) is not None]


def _flags(rule) -> int:
    return re.MULTILINE | (re.IGNORECASE if rule.params.get("ignore_case") else 0)


def test_every_pattern_rule_is_on_the_engine():
    kinds = {r.kind for r in MATCHER_RULES}
    assert {"pattern", "listed-pattern"} <= kinds and len(MATCHER_RULES) >= len(PATTERN_RULES)


@pytest.mark.parametrize("rule", MATCHER_RULES, ids=lambda r: r.id)
def test_every_shipped_pattern_is_linear_on_adversarial_strings(rule):
    # long runs of every character and class the pattern uses, its literals
    # repeated, each literal followed by a long run: no super-linear growth
    matcher = _matcher(rule)
    assert probe(matcher.pattern, matcher.flags, small=250, large=2000) is None


def test_every_origin_clue_is_linear_on_adversarial_strings():
    slow = []
    for clue in load_origin_data().clues:
        if clue.pattern is not None and clue.pattern.engine == "re":
            problem = probe(clue.pattern.pattern, clue.pattern.flags, small=250, large=2000)
            if problem:
                slow.append((clue.id, problem))
    assert slow == []


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=lambda r: r.id)
def test_prefilter_never_hides_a_match(rule):
    # whenever Python's re finds a match in an example, the literals the
    # prefilter requires are in the folded text
    matcher = Matcher(rule.params["pattern"], _flags(rule))
    plain = re.compile(rule.params["pattern"], _flags(rule))
    for example in (*rule.flag, *rule.passes):
        text = example.text
        if plain.search(text) and matcher.literals is not None:
            folded = fold(text)
            assert any(lit in folded for lit in matcher.literals), (rule.id, text)


def test_required_literals_of_simple_shapes():
    import re._parser as parser

    def lits(p, flags=0):
        return required_literals(parser.parse(p, flags))

    assert lits(r"Posted (?:on|at) \d+") == {"posted "}
    assert lits(r"\b(?:foo|bar)baz") == {"baz"}
    assert lits(r"(?:foo|\w+)") is None  # one branch needs nothing
    assert lits(r"x?y*") is None
    assert lits(r"(?=abc)\w+") == {"abc"}  # what a look-ahead needs is in the text too
    assert lits(r"(?!abc)\w+") is None


def test_fold_merges_what_ignore_case_merges():
    # re.IGNORECASE matches 's' with 'ſ' and 'k' with the Kelvin sign
    assert re.search("(?i)posted", "Poſted") and "posted" in fold("Poſted")
    assert re.search("(?i)kyiv", "\u212ayiv") and "kyiv" in fold("\u212ayiv")
    assert len(fold("İstanbul")) == len("İstanbul")


@pytest.mark.parametrize("pattern,flags", [
    (r"\w*[ãõ]\w*", re.I * 0),
    (r"^[ \t]*(?:Home|News)[ \t]*[»›>][ \t]*[^\n»›>]{1,40}$", re.M),
    (r"(?P<num>\d+)\s+(?P<unit>km|mi)", re.M),
    (r"\{[^{}\n|]{1,40}(?:\|[^{}\n|]{1,40})+\}", re.M),
])
def test_re2_gives_pythons_answer(pattern, flags):
    m = Matcher(pattern, flags)
    assert m.engine == "re2", m.why_not_re2
    plain = re.compile(pattern, flags)
    text = ("Home » World » Naç\u00e3o\n12 km and ١٢\u00a0mi and 3\x1ckm {a|b} {ünï|côdé}\n"
            "News > Sport\nsão paulo, Lisbõa, coração\n")
    ours = [(x.span(), x.group(), x.groupdict()) for x in m.finditer(text)]
    theirs = [(x.span(), x.group(), x.groupdict()) for x in plain.finditer(text)]
    assert ours == theirs and ours


def test_patterns_re2_cannot_take_say_why():
    assert Matcher(r"(?<=x)a").why_not_re2 == "it uses a look-around"
    assert Matcher(r"\bword\b").engine == "re"
    assert Matcher(r"(a)\1").why_not_re2 == "it uses a back-reference"


def test_nested_quantifier_on_re2_is_linear():
    m = Matcher(r"(a+)+$", re.M)
    assert m.engine == "re2"
    start = time.perf_counter()
    assert list(m.finditer("a" * 5000 + "!")) == []
    assert time.perf_counter() - start < 0.5


def test_timestamp_line_with_many_digits_returns_at_once(auditor):
    auditor.audit_text("Warm up: the libraries a first audit imports are not what is timed.\n")
    line = "Posted 12:34 " + "1" * 26 + "x\n"
    start = time.perf_counter()
    report = auditor.audit_text(line * 20)
    assert report["error"] is None
    assert time.perf_counter() - start < 1.5


def test_timestamp_stamp_still_flagged(auditor):
    report = auditor.audit_text("A headline\n\nPosted at 7:05 a.m. Updated at 6:41 p.m.\n\nThe body of the story.\n")
    assert any(f["rule"] == "timestamp-boilerplate" for f in report["findings"])


def test_long_word_and_long_runs_are_fast(auditor):
    auditor.audit_text("Warm up: the libraries a first audit imports are not what is timed.\n")
    start = time.perf_counter()
    for text in ("A" * 60_000 + ". next", "x" * 60_000, "Read more" + "\t" * 60_000 + "x"):
        assert auditor.audit_text(text)["error"] is None
    assert time.perf_counter() - start < 6


def _user_rule(tmp_path, pattern, message="It matched {match}."):
    path = tmp_path / "spinner-residue.mine.toml"
    path.write_text(
        'id = "spinner-residue.mine"\nsignal = "spinner-residue"\ncategory = "scraping"\nkind = "pattern"\n'
        'summary = "A test rule of the hostile-input suite."\nwhy = "Only here to be loaded by a test."\n'
        'lookalikes = "None that matter for this test."\n'
        f"message = {message!r}\n[params]\npattern = {pattern!r}\n"
        '[examples]\nflag = ["aaa"]\npass = ["bbb"]\n',
        encoding="utf-8",
    )
    return path


def test_user_pattern_that_is_exponential_is_refused_at_load(tmp_path):
    path = _user_rule(tmp_path, "(?<=x)(a+)+$")
    start = time.perf_counter()
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[path])
    assert time.perf_counter() - start < 5
    message = str(err.value)
    assert str(path) in message and "params.pattern" in message and "look-around" in message
    assert "\n" not in message


def test_user_pattern_on_re2_loads_and_runs_in_linear_time(tmp_path):
    path = _user_rule(tmp_path, "(a+)+$")
    catalogue = load_catalogue(extra=[path])
    rule = catalogue.by_id["spinner-residue.mine"]
    assert catalogue.compiled(rule).regex.engine == "re2"
    from audit import Auditor

    start = time.perf_counter()
    report = Auditor(catalogue).audit_text("a" * 34 + "!\n" + "a" * 20 + "\n")
    assert time.perf_counter() - start < 2
    assert [f for f in report["findings"] if f["rule"] == "spinner-residue.mine"]


def test_user_message_template_cannot_read_attributes(tmp_path):
    path = _user_rule(tmp_path, "a+", message="{match.__class__}")
    with pytest.raises(RuleError) as err:
        load_catalogue(extra=[path])
    assert str(path) in str(err.value) and "message" in str(err.value)


def test_render_message_substitutes_named_fields_only():
    from audit.checks import render_message

    fields = {"match": "kyiv", "note": "a note"}
    assert render_message("{match} ({note})", fields) == "kyiv (a note)"
    assert render_message("{match.__class__}", fields) == "{match.__class__}"
    out = render_message("{match:>50000000}", fields)
    assert len(out) < 100
    assert render_message("{missing} x", fields) == "x"


def test_explicit_classes_for_re2_are_pythons_own():
    from audit.matching import _category_ranges

    for name, pattern in (("word", r"\w"), ("digit", r"\d"), ("space", r"\s")):
        ranges = _category_ranges(name)
        rx = re.compile(pattern)
        bounds = {c for lo, hi in ranges for c in (lo - 1, lo, hi, hi + 1)}
        for code in sorted(bounds | set(range(0, 0x110000, 97))):
            if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                inside = any(lo <= code <= hi for lo, hi in ranges) if code in bounds else None
                if inside is None:
                    from bisect import bisect_right

                    k = bisect_right([lo for lo, _ in ranges], code) - 1
                    inside = k >= 0 and ranges[k][1] >= code
                assert inside == bool(rx.match(chr(code))), (name, hex(code))
