"""Kinds html-meta-*: a page's markup names another outlet than the page's own site."""

from __future__ import annotations

import json
from dataclasses import replace

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import html_meta

BODY = ("<p>The harbour authority approved the new breakwater on Tuesday after a long public inquiry into its cost.</p>"
        "<p>Work starts in spring and should end before the autumn storms, the authority said in a statement.</p>")


def _rule(kind, **params):
    return Rule(id="canonical-mismatch.test", signal="canonical-mismatch", category="scraping", kind=kind,
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",), scope="document")


def _page(head="", body_extra="", byline="", title="Harbour authority approves new breakwater plan"):
    return (f"<html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{byline}{BODY}{body_extra}</article></body></html>")


def _hits(kind, html, sites=("quayside.example",), **params):
    rule = _rule("k", **params)
    doc = replace(from_bytes("t.html", html.encode(), fmt="html"), sites=tuple(sites))
    return [(doc.source[h.start:h.end], dict(h.fields)) for h in kind.run(rule, kind.compile(rule, None), doc)]


# html-meta-canonical

def test_canonical_on_another_domain_is_flagged_at_its_tag():
    page = _page('<link rel="canonical" href="https://www.harbourgazette.example/news/breakwater">')
    [(tag, fields)] = _hits(html_meta.CANONICAL, page)
    assert tag == "https://www.harbourgazette.example/news/breakwater"  # the attribute's value in the source
    assert fields == {"what": "canonical link", "domain": "harbourgazette.example", "site": "quayside.example"}


def test_own_canonical_or_no_known_site_passes():
    own = _page('<link rel="canonical" href="https://news.quayside.example/breakwater">')
    assert _hits(html_meta.CANONICAL, own) == []
    other = _page('<link rel="canonical" href="https://www.harbourgazette.example/news/breakwater">')
    assert _hits(html_meta.CANONICAL, other, sites=()) == []


def test_plain_text_is_not_judged():
    rule = _rule("k")
    doc = from_bytes("t.txt", b'<link rel="canonical" href="https://other.example/x">', fmt="text")
    assert list(html_meta.CANONICAL.run(rule, None, doc)) == []


# html-meta-site-name

def test_site_name_of_another_outlet_is_flagged():
    [(tag, fields)] = _hits(html_meta.SITE_NAME, _page('<meta property="og:site_name" content="Harbour Gazette">'))
    assert tag == "Harbour Gazette"
    assert fields == {"name": "Harbour Gazette", "site": "quayside.example"}


def test_site_name_matching_the_domain_passes():
    assert _hits(html_meta.SITE_NAME, _page('<meta property="og:site_name" content="Quayside">')) == []


# html-meta-publisher

def _jsonld(publisher):
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour authority approves new breakwater plan",
            "publisher": {"@type": "Organization", "name": publisher}}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_json_ld_publisher_of_another_outlet_is_flagged():
    head = '<meta property="og:site_name" content="Quayside">' + _jsonld("Harbour Gazette")
    [(_, fields)] = _hits(html_meta.PUBLISHER, _page(head))
    assert fields == {"name": "Harbour Gazette", "against": "og:site_name 'Quayside'"}


def test_json_ld_publisher_that_is_the_site_passes():
    head = '<meta property="og:site_name" content="Quayside">' + _jsonld("Quayside")
    assert _hits(html_meta.PUBLISHER, _page(head)) == []


# html-meta-author-meta

BYLINE = '<p class="byline">By Ingrid Solberg</p>'


def test_author_meta_naming_another_person_is_flagged():
    page = _page('<meta name="author" content="Tomas Virtanen">', byline=BYLINE)
    [(tag, fields)] = _hits(html_meta.AUTHOR_META, page)
    assert tag == "Tomas Virtanen"
    assert fields == {"author": "Tomas Virtanen", "byline": "Ingrid Solberg"}


def test_author_meta_of_the_same_person_or_a_desk_passes():
    assert _hits(html_meta.AUTHOR_META, _page('<meta name="author" content="Ingrid M. Solberg">', byline=BYLINE)) == []
    assert _hits(html_meta.AUTHOR_META, _page('<meta name="author" content="News Desk">', byline=BYLINE)) == []


# html-meta-hidden-copy

def test_hidden_block_repeating_the_headline_and_body_is_flagged():
    hidden = ('<div style="display:none"><p>Harbour authority approves new breakwater plan</p>'
              "<p>The harbour authority approved the new breakwater on Tuesday after a long public inquiry into its cost.</p></div>")
    [(span, fields)] = _hits(html_meta.HIDDEN_COPY, _page(body_extra=hidden))
    assert fields == {"headline": "Harbour authority approves new breakwater plan"}
    assert span == "Harbour authority approves new breakwater plan"


def test_hidden_block_without_the_headline_or_below_min_ratio_passes():
    hidden_other = ('<div style="display:none"><p>Sign in to keep reading every story from our newsroom</p>'
                    "<p>The harbour authority approved the new breakwater on Tuesday after a long public inquiry into its cost.</p></div>")
    assert _hits(html_meta.HIDDEN_COPY, _page(body_extra=hidden_other)) == []
    hidden = ('<div style="display:none"><p>Harbour authority approves breakwater</p>'
              "<p>The harbour authority approved the new breakwater on Tuesday after a long public inquiry into its cost.</p></div>")
    assert len(_hits(html_meta.HIDDEN_COPY, _page(body_extra=hidden), min_ratio=80)) == 1
    assert _hits(html_meta.HIDDEN_COPY, _page(body_extra=hidden), min_ratio=99) == []
