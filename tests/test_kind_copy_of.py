"""Kind copy-of: the text is found on another site (matches filled in before the checks)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import copy_of

TEXT = "\n  Harbour bridge closes for repairs\n\nThe bridge will close for three weeks from Monday.\n"


def _rule(**params):
    return Rule(id="copy-of.test", signal="copy-of", category="scraping", kind="copy-of", summary="s", why="w",
                lookalikes="l", message="m", params=params, flag=("x",), passes=("y",), scope="document")


def _match(where, similarity, source="reference", evidence=True, **more):
    return {"where": where, "similarity": similarity, "source": source, "evidence": evidence, "site": more.pop("site", None), **more}


def _hits(matches, **params):
    rule = _rule(**params)
    doc = replace(from_bytes("t.txt", TEXT.encode(), fmt="text"), copy_matches=matches)
    return [(h.start, h.end, dict(h.fields)) for h in copy_of.run(rule, copy_of.compile(rule, None), doc)]


def test_unknown_source_is_an_error():
    with pytest.raises(ValueError):
        copy_of.compile(_rule(), None)
    with pytest.raises(ValueError):
        copy_of.compile(_rule(source="crawl"), None)


def test_best_match_is_reported_on_the_first_line_with_the_others_counted():
    matches = [_match("https://b.example/x", 0.81, site="b.example"), _match("https://a.example/y", 0.97, site="a.example"),
               _match("https://c.example/z", 0.90)]
    [(start, end, fields)] = _hits(matches, source="reference")
    assert TEXT[start:end] == "Harbour bridge closes for repairs"
    assert fields == {"where": "https://a.example/y", "similarity": "0.97", "site": "a.example", "more": "; 2 more copies elsewhere"}
    [(_, _, one)] = _hits(matches[:2], source="reference")
    assert one["more"] == "; 1 more copy elsewhere"


def test_matches_that_are_no_evidence_or_of_the_other_source_pass():
    assert _hits([_match("https://own.example/x", 0.99, evidence=False)], source="reference") == []
    assert _hits([_match("https://a.example/x", 0.99, source="run")], source="reference") == []
    assert _hits([], source="run") == []


def test_run_matches_split_on_resolved():
    resolved = _match("https://a.example/x", 0.95, source="run", resolved=True)
    open_ = _match("https://b.example/x", 0.92, source="run", resolved=False, site="b.example")
    assert [f["where"] for _, _, f in _hits([resolved, open_], source="run")] == ["https://a.example/x"]
    assert [f["where"] for _, _, f in _hits([resolved, open_], source="run", resolved=False)] == ["https://b.example/x"]
    # a match without a site names none
    assert _hits([resolved], source="run")[0][2]["site"] == "an unknown site"
