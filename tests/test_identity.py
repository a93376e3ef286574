"""The outlet registry and the page's own identity."""

from __future__ import annotations

import tomllib

from audit import document
from audit.catalogue import rules_dir
from audit.identity import credit_words, credits, encoded_domain, load_registry, own_domain, page_url, site_field


def test_registry_holds_every_outlet_the_catalogue_knows(catalogue):
    registry = load_registry()
    with open(rules_dir() / "origin.toml", "rb") as fh:
        origin = tomllib.load(fh)
    for o in origin["outlet"]:
        mine = registry.by_alias.get(o["name"])
        assert mine is not None, o["name"]
        assert set(o.get("domains", [])) <= set(mine.domains)
        assert mine.wire == (o.get("kind") == "agency"), o["name"]
    for name in catalogue.word_list("famous-outlets"):
        assert registry.named(name) is not None, name
    names = [o.name for o in registry.outlets]
    assert len(names) == len(set(names)), "an outlet listed twice"


def test_registry_domains_are_bare_and_unique():
    seen = {}
    for o in load_registry().outlets:
        for d in o.domains:
            assert d == d.lower().strip() and "/" not in d and not d.startswith("www."), d
            assert d not in seen, f"{d} in {seen.get(d)} and {o.name}"
            seen[d] = o.name


def test_own_identity_from_the_address():
    doc = document.from_bytes("a.txt", b"Text.\n")
    assert own_domain(doc) is None and site_field(doc) is None
    doc = document.addressed(doc, url="https://www.nytimes.com/2024/01/01/world/story.html")
    assert own_domain(doc) == "nytimes.com"
    assert site_field(doc)["outlet"] == "The New York Times"
    doc = document.addressed(doc, url="https://news.example.co.uk/x")
    assert own_domain(doc) == "example.co.uk"


def test_archive_snapshots_speak_for_their_address():
    url = "http://web.archive.org./web/20200101000000/https://www.theguardian.com/world/x"
    assert page_url(url) == "https://www.theguardian.com/world/x"
    assert encoded_domain(url) is None
    doc = document.addressed(document.from_bytes("a.txt", b"Text.\n"), url=url)
    assert own_domain(doc) == "theguardian.com"


def test_proxy_addresses_carry_another_outlets_domain():
    assert encoded_domain("https://proxy.example/https://www.bbc.co.uk/news/x")[1].name == "BBC"
    assert encoded_domain("https://proxy.example/post/jjj-gurthneqvna-pbz/arjf")[1].name == "The Guardian"  # ROT13
    assert encoded_domain("https://www.bbc.co.uk/news/https://bbc.com/x") is None  # its own
    assert encoded_domain("https://blog.example/2024/05/politics-of-sport") is None


def test_credit_names_stop_at_dates_and_read_domains():
    doc = document.from_bytes("a.txt", "Source: The Valley Herald March 3, 2024\n\nRead more on harbourledger.net\n".encode())
    found = [(c.name, c.frame) for c in credits(doc)]
    assert ("The Valley Herald", "credit") in found
    assert ("harbourledger.net", "credit") in found


# ---------------------------------------------------------------------------
# another outlet named where a page names its source


def _doc(text: str, url: str | None):
    return document.addressed(document.from_bytes("a.txt", text.encode()), url=url)


def _rule_hits(catalogue, rule_id: str, doc) -> list[str]:
    from audit.kinds import KINDS

    rule = next(r for r in catalogue.rules if r.id == rule_id)
    kind = KINDS[rule.kind]
    prep = kind.compile(rule, catalogue)
    return [doc.text[h.start:h.end] for h in kind.run(rule, prep, doc)]


BODY = "The council voted on Tuesday to close the old bridge to heavy lorries until repairs are finished next spring."


def test_dateline_of_another_outlet_flags_only_off_its_own_site(catalogue):
    text = f"Bridge closed\n\nLEEDS (Sky News) – {BODY}"
    assert _rule_hits(catalogue, "foreign-credit.site-dateline", _doc(text, "https://newsfeed-hub.example/bridge")) == ["Sky News"]
    assert _rule_hits(catalogue, "foreign-credit.site-dateline", _doc(text, "https://news.sky.com/story/bridge")) == []
    assert _rule_hits(catalogue, "foreign-credit.site-dateline", _doc(text, None)) == []  # no address: not judged
    wire = f"Bridge closed\n\nLEEDS, March 3 (Reuters) - {BODY}"
    assert _rule_hits(catalogue, "foreign-credit.site-dateline", _doc(wire, "https://newsfeed-hub.example/bridge")) == []
    domain = f"Bridge closed\n\nLEEDS, bridgewatch.co.uk – {BODY}"
    assert _rule_hits(catalogue, "foreign-credit.site-dateline", _doc(domain, "https://newsfeed-hub.example/b")) == ["bridgewatch.co.uk"]
    assert _rule_hits(catalogue, "foreign-credit.site-dateline", _doc(domain, "https://www.bridgewatch.co.uk/b")) == []


def test_sign_off_needs_prose_before_it_and_a_mark_or_a_distinctive_name(catalogue):
    url = "https://newsfeed-hub.example/bridge"
    assert _rule_hits(catalogue, "foreign-credit.signoff", _doc(f"Bridge closed\n\n{BODY} – Sky News\n", url)) == ["Sky News"]
    assert _rule_hits(catalogue, "foreign-credit.signoff", _doc(f"Bridge closed\n\n{BODY}\n\nThe Nation.\n\nLeave a Reply", url)) == ["The Nation"]
    # a one-word outlet name alone on a line is as often a section heading
    assert _rule_hits(catalogue, "foreign-credit.signoff", _doc(f"Bridge closed\n\n{BODY}\n\nVariety\n\nMore news", url)) == []
    # a heading before a short line is no sign-off
    assert _rule_hits(catalogue, "foreign-credit.signoff", _doc("Bridge closed\n\nSky News\n", url)) == []
    assert _rule_hits(catalogue, "foreign-credit.signoff", _doc(f"Bridge closed\n\n{BODY} — AP\n", url)) == []
    assert _rule_hits(catalogue, "foreign-credit.signoff", _doc(f"Bridge closed\n\n{BODY} – Sky News\n", "https://news.sky.com/x")) == []


def test_headline_credit_counts_wire_agencies_but_not_authors(catalogue):
    url = "https://newsfeed-hub.example/bridge"
    assert _rule_hits(catalogue, "outlet-suffix-title.credit", _doc(f"Council shuts the old bridge to lorries from Reuters\n\n{BODY}", url)) == ["Reuters"]
    assert _rule_hits(catalogue, "outlet-suffix-title.credit", _doc(f"Council shuts the old bridge to lorries By Jane Roe\n\n{BODY}", url)) == []
    doc = _doc(f"Council shuts the old bridge to lorries By Reuters\n\n{BODY}", "https://www.investing.com/news/x")
    assert _rule_hits(catalogue, "outlet-suffix-title.credit", doc) == []


def test_listing_heading_and_outlet_as_author(catalogue):
    url = "https://sushi-corner.example/2021/"
    listing = f"July\n\nCouncil shuts the old bridge | The Independent\n\n{BODY}\n\nRead More"
    assert _rule_hits(catalogue, "outlet-suffix-title.listing", _doc(listing, url)) == ["The Independent"]
    assert _rule_hits(catalogue, "outlet-suffix-title.listing", _doc(listing, "https://www.independent.co.uk/news/")) == []
    assert _rule_hits(catalogue, "outlet-suffix-title.listing", _doc(listing.replace("The Independent", "Reuters"), url)) == []
    author = _doc(f"Bridge closed\n\n{BODY}", "https://clinic-blog.example/author/sky-news/page/3")
    assert len(_rule_hits(catalogue, "spam-byline.outlet-author", author)) == 1
    licensed = _doc(f"Bridge closed\n\n{BODY}", "https://valleycourier.example/author/associated-press/")
    assert _rule_hits(catalogue, "spam-byline.outlet-author", licensed) == []
    assert _rule_hits(catalogue, "spam-byline.outlet-author", _doc(f"Bridge closed\nBy Sky News\n\n{BODY}", "https://clinic-blog.example/b")) == ["Sky News"]


def test_wire_dateline_on_a_blog_host_and_markup_canonical(catalogue):
    text = f"Bridge closed\n\nLEEDS, England (AP) — {BODY}"
    assert _rule_hits(catalogue, "foreign-credit.blog-host", _doc(text, "https://bridgenotes.blogspot.com/2014/06/")) == ["AP"]
    assert _rule_hits(catalogue, "foreign-credit.blog-host", _doc(text, "https://valleycourier.example/bridge")) == []
    head = "Bridge\n<html><head><link rel='canonical' href='https://www.bridgewatch.co.uk/b/1' /></head>"
    assert _rule_hits(catalogue, "canonical-mismatch.in-text", _doc(head, "https://mirrorhub.example/p/1")) == ["https://www.bridgewatch.co.uk/b/1"]
    assert _rule_hits(catalogue, "canonical-mismatch.in-text", _doc(head, "https://bridgewatch.co.uk/b/1")) == []


def test_credit_lines_read_at_and_copyright_c_forms():
    doc = document.from_bytes("a.txt", "Bridge closed\nRead at The Hill →\n\nCopyrights(C) Edaily 2024\n".encode())
    found = {(c.name, c.frame) for c in credits(doc)}
    assert ("The Hill", "credit") in found and ("Edaily", "credit") in found


def test_file_names_are_not_domains_in_placed_credits():
    from audit.placed_credits import placed_credits

    doc = _doc(f"Bridge closed\n\n{BODY}\n\nbridge-photo.jpg\n", "https://newsfeed-hub.example/b")
    assert placed_credits(doc) == []


def test_an_outlets_own_stamp_on_its_own_site_is_no_trace(catalogue):
    from audit.kinds import pattern

    rule = next(r for r in catalogue.rules if r.id == "foreign-credit")
    prep = pattern.compile(rule, catalogue)
    text = "Talks go on\n\nMOSCOW, March 3 /TASS/. The ministry said talks would continue next week."
    assert len(list(pattern.run(rule, prep, _doc(text, "https://newsfeed-hub.example/talks")))) == 1
    assert len(list(pattern.run(rule, prep, _doc(text, None)))) == 1  # no address: judged as before
    assert list(pattern.run(rule, prep, _doc(text, "https://tass.com/politics/1"))) == []


def test_tickers_and_cited_publications_are_no_credits(catalogue):
    url = "https://valleycourier.example/markets"
    ticker = "HARBOUR BANK (HBK.TO) RAISES DIVIDEND\n\nHarbour Bank said it would raise its quarterly dividend by two cents a share."
    assert _rule_hits(catalogue, "foreign-credit.site-dateline", _doc(ticker, url)) == []
    poll = "Poll puts party ahead\n\nThe party leads by eight points, a poll found. It was published in the Sunday Telegraph.\n"
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(poll, url)) == []
    own = "Poll puts party ahead\n\nThe party leads by eight points.\n\nThis article was first published in the Sunday Telegraph.\n"
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(own, url)) == ["Sunday Telegraph"]


# ---------------------------------------------------------------------------
# another outlet's identity in the forms copies keep: an interview given to
# it, its masthead, a feed card's source line, a bare address, a credit in
# another language or script, and the credit-line vocabulary read from lists

HUB = "https://newsfeed-hub.example/bridge"


def test_credit_vocabulary_comes_from_the_lists_the_rule_names():
    words = credit_words()
    assert {"Reserved", "March", "GMT"} <= words["stop_words"]
    assert "Agency" in words["agency_words"]
    assert {"Source", "Fuente", "Источник", "来源"} <= set(words["source_labels"])
    for name in ("identity-name-stop-words", "identity-agency-words", "identity-source-labels"):
        assert f'"{name}"' in (rules_dir() / "scrape" / "identity-mismatch.credit.toml").read_text(encoding="utf-8")
    # the stop words still cut dates and rights off a credited name
    names = [c.name for c in credits(_doc(f"Bridge\n\n{BODY}\n\n© 2024 Harbour Ledger All Rights Reserved", HUB))]
    assert names == ["Harbour Ledger"]


def test_source_labels_in_other_languages_and_scripts(catalogue):
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\nFuente: El País", HUB)) == ["El País"]
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\nИсточник: Новая газета", HUB)) == ["Новая газета"]
    # an agency in another script is licensed copy; an unknown name in another script is not judged
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\n来源：新华社", HUB)) == []
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\n来源：市政府", HUB)) == []
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\nFuente: El País", "https://elpais.com/x")) == []


def test_scripts_without_spaces_match_registry_names_inside_a_sentence():
    registry = load_registry()
    assert registry.alias_re.search("据路透社报道，桥梁关闭。").group() == "路透社"
    assert registry.alias_re.search("로이터는 보도했다").group() == "로이터"
    # a Latin or Cyrillic name still needs its word boundaries
    assert registry.alias_re.search("PRESSTVX") is None


def test_closing_credit_of_a_translated_item(catalogue):
    text = f"Bridge closed\n\n{BODY}\n\nThis information was reported by Harbour Ledger, reports Valley Times."
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(text, HUB)) == ["Harbour Ledger", "Valley Times"]
    assert _rule_hits(catalogue, "identity-mismatch.credit", _doc(text, "https://valleytimes.example/b")) == ["Harbour Ledger"]


def test_interview_given_to_another_outlet(catalogue):
    rule = "foreign-credit.interview"
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} \"It is unsafe,\" the engineer told the Irish Times.", HUB)) == ["Irish Times"]
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} El ingeniero dijo a El País: «El puente es inseguro».", HUB)) == ["El País"]
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} “It is unsafe,” the engineer told the Irish Times on Monday.", HUB)) == ["Irish Times"]
    # reported speech from another outlet's interview is cited, not taken
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} A witness told Sky News on Monday that the bridge shook.", HUB)) == []
    reported = f"Bridge\n\n{BODY} The mayor said this in an interview with Sky News, adding that repairs would start soon."
    assert _rule_hits(catalogue, rule, _doc(reported, HUB)) == []
    assert _rule_hits(catalogue, rule, _doc(f"Engineer Speaks in Sky News Interview\n\n{BODY}", HUB)) == ["Sky News"]
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} \"It is unsafe,\" the engineer told the Irish Times.", "https://www.irishtimes.com/b")) == []
    # wire and syndicated copy, a translated common word, and a page without an address pass
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The engineer told Reuters it was unsafe.", HUB)) == []
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The engineer told The New York Times it was unsafe.", HUB)) == []
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The engineer told the World it was unsafe.", HUB)) == []
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The engineer told the Irish Times.", None)) == []


def test_masthead_heads_the_page_only_above_the_story(catalogue):
    rule = "identity-mismatch.masthead"
    assert _rule_hits(catalogue, rule, _doc(f"AFP - Agence France-Presse\n\n{BODY}", HUB)) == ["AFP - Agence France-Presse"]
    assert _rule_hits(catalogue, rule, _doc(f"Deutsche Welle (DW)\n\n{BODY}", HUB)) == ["Deutsche Welle (DW)"]
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}\n\nAFP - Agence France-Presse", HUB)) == []
    assert _rule_hits(catalogue, rule, _doc(f"AFP - Agence France-Presse\n\n{BODY}", "https://www.afp.com/en/news/1")) == []
    assert _rule_hits(catalogue, rule, _doc(f"Reuters - Reuters\n\n{BODY}", HUB)) == []


def test_feed_card_source_line(catalogue):
    rule = "identity-mismatch.source-card"
    assert _rule_hits(catalogue, rule, _doc(f"Tag: bridges\n\nYahoo\n3 days ago\n\n{BODY}", HUB)) == ["Yahoo"]
    assert _rule_hits(catalogue, rule, _doc(f"Tag: bridges\n\nSky News · 2 hours ago\n\n{BODY}", HUB)) == ["Sky News"]
    assert _rule_hits(catalogue, rule, _doc(f"Tag: bridges\n\nDer Spiegel\nil y a 2 jours\n\n{BODY}", HUB)) == ["Der Spiegel"]
    assert _rule_hits(catalogue, rule, _doc(f"Tag: bridges\n\nSky News 2 February 2025 · 48 min\n\n{BODY}", HUB)) == ["Sky News"]
    # no stamp beside it, a wire byline block, a section word, the page's own name, a licensed newsstand
    assert _rule_hits(catalogue, rule, _doc(f"Tag: bridges\n\nSky News\n\n{BODY}", HUB)) == []
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\nAssociated Press\nMay 3, 2024\n\n{BODY}", HUB)) == []
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\nWorld\n3 hours ago\n\n{BODY}", HUB)) == []
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\nSky News\n3 hours ago\n\n{BODY}", "https://news.sky.com/story/1")) == []
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\nSky News\n3 hours ago\n\n{BODY}", "https://www.magzter.com/stories/1")) == []


def test_bare_ip_address(catalogue):
    rule = "identity-mismatch.bare-ip"
    assert len(_rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}", "http://192.0.2.44/author/jane"))) == 1
    assert len(_rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}", "http://[2001:db8::1]/news/bridge"))) == 1
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}", "http://v192.example/news/bridge")) == []
    assert _rule_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}", None)) == []


def test_blog_host_dateline_without_its_credit_and_the_weak_form(catalogue):
    blog = "https://bridgenotes.blogspot.com/2012/01/"
    dated = f"Bridge\n\nLEEDS — {BODY} The Associated Press said the works would take a year."
    assert _rule_hits(catalogue, "foreign-credit.blog-host", _doc(dated, blog)) == ["LEEDS"]
    assert _rule_hits(catalogue, "foreign-credit.blog-host", _doc(dated.replace("The Associated Press said", "I think"), blog)) == []
    assert _rule_hits(catalogue, "foreign-credit.blog-host", _doc(dated, "https://valleycourier.example/b")) == []
    cited = f"Bridge\n\n{BODY} Reuters said the works would take a year."
    assert _rule_hits(catalogue, "foreign-credit.blog-host.weak", _doc(cited, blog)) == ["Reuters"]
    assert _rule_hits(catalogue, "foreign-credit.blog-host.weak", _doc(cited, "https://valleycourier.example/b")) == []
    # the strong form's page is not counted twice
    assert _rule_hits(catalogue, "foreign-credit.blog-host.weak", _doc(f"Bridge\n\nLEEDS (AP) — {BODY}", blog)) == []
