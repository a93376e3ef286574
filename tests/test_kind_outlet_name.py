"""Kind outlet-name: another outlet's name in the title or a byline."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import outlet_name

WORDS = frozenset({"times", "herald", "gazette", "folha", "corriere", "warte", "spiegel"})


def _rule(where="title"):
    return Rule(id="outlet-suffix-title.t", signal="outlet-suffix-title", category="scraping", kind="outlet-name",
                summary="s", why="w", lookalikes="l", message="m", params={"where": where}, flag=("x",), passes=("y",),
                scope="title" if where == "title" else "body")


def _found(text, fmt="text", where="title"):
    doc = from_bytes("t." + ("html" if fmt == "html" else "txt"), text.encode(), fmt=fmt)
    rule = _rule(where)
    params = ("title" if where == "title" else "byline", WORDS, frozenset({"the associated press"}))
    return [dict(h.fields)["outlet"] for h in outlet_name.run(rule, params, doc)]


def test_looks_like_outlet():
    ok = ["The Summit Ledger", "DER SPIEGEL", "NOS", "Folha do Minho", "Corriere della Sera", "Mosel-Bote", "L’Express", "opoleteraz.pl", "Outlook Press 24"]
    for name in ok:
        assert outlet_name.looks_like_outlet(name, WORDS | {"press"}, frozenset()), name
    no = ["a bold, bloody staging", "What it means for you", "Jane Doe", "here’s the line-up", "Staff writer", "Transport Reporter", "September 14"]
    for name in no:
        assert not outlet_name.looks_like_outlet(name, WORDS, frozenset()), name


def test_plain_text_title():
    assert _found("Ferry strike strands tourists - Corriere della Sera\n\nText.") == ["Corriere della Sera"]
    assert _found("Hamlet review – a bold staging\n\nText.") == []


def _page(title, site_name, canonical, og_url=None):
    og = f'<meta property="og:url" content="https://{og_url}/x">' if og_url else ""
    return (f'<html><head><title>{title}</title><meta property="og:site_name" content="{site_name}">'
            f'<link rel="canonical" href="https://{canonical}/x">{og}</head><body><article><p>Body text of the article goes here.</p></article></body></html>')


def test_html_own_name_is_peeled_off():
    assert _found(_page("Farmers block the port – Ouest-France - Osprey Post", "Osprey Post", "ospreypost.com"), "html") == ["Ouest-France"]
    assert _found(_page("Council approves bike lanes | Millstream Chronicle", "Millstream Chronicle", "millstreamchronicle.com"), "html") == []


def test_html_copied_site_name_is_not_own():
    # og:site_name and og:url copied from the source; the canonical host is the copier's
    assert _found(_page("Water boards raise dikes | NOS", "NOS", "qorvex-news.com", "nos.nl"), "html") == ["NOS"]
    # the site's name agrees with no host but is the only name given: own
    assert _found(_page("Algae bloom closes beaches - Quillstone News", "Quillstone News", "lochside-tribune.com", "lochside-tribune.com"), "html") == []


def test_byline():
    assert _found("By Ned Halvorsen, Flintvale Herald\n\nText.", where="byline") == ["Flintvale Herald"]
    assert _found("By Jane Roe, The Associated Press\n\nText.", where="byline") == []
    assert _found("By Jane Roe, Staff writer\n\nText.", where="byline") == []
