"""Another outlet's identity in the forms copies keep: an interview given to
it, its masthead, a feed card's source line, a bare address, a credit in
another language or script, and the credit-line vocabulary read from lists."""

from __future__ import annotations

from audit import document
from audit.catalogue import rules_dir
from audit.identity import credit_words, credits, load_registry

BODY = "The council voted on Tuesday to close the old bridge to heavy lorries until repairs are finished next spring."
HUB = "https://newsfeed-hub.example/bridge"


def _doc(text: str, url: str | None):
    return document.addressed(document.from_bytes("a.txt", text.encode()), url=url)


def _hits(catalogue, rule_id: str, doc) -> list[str]:
    from audit.kinds import KINDS

    rule = next(r for r in catalogue.rules if r.id == rule_id)
    kind = KINDS[rule.kind]
    prep = kind.compile(rule, catalogue)
    return [doc.text[h.start:h.end] for h in kind.run(rule, prep, doc)]


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
    assert _hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\nFuente: El País", HUB)) == ["El País"]
    assert _hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\nИсточник: Новая газета", HUB)) == ["Новая газета"]
    # an agency in another script is licensed copy; an unknown name in another script is not judged
    assert _hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\n来源：新华社", HUB)) == []
    assert _hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\n来源：市政府", HUB)) == []
    assert _hits(catalogue, "identity-mismatch.credit", _doc(f"Bridge\n\n{BODY}\n\nFuente: El País", "https://elpais.com/x")) == []


def test_scripts_without_spaces_match_registry_names_inside_a_sentence():
    registry = load_registry()
    assert registry.alias_re.search("据路透社报道，桥梁关闭。").group() == "路透社"
    assert registry.alias_re.search("로이터는 보도했다").group() == "로이터"
    # a Latin or Cyrillic name still needs its word boundaries
    assert registry.alias_re.search("PRESSTVX") is None


def test_closing_credit_of_a_translated_item(catalogue):
    text = f"Bridge closed\n\n{BODY}\n\nThis information was reported by Harbour Ledger, reports Valley Times."
    assert _hits(catalogue, "identity-mismatch.credit", _doc(text, HUB)) == ["Harbour Ledger", "Valley Times"]
    assert _hits(catalogue, "identity-mismatch.credit", _doc(text, "https://valleytimes.example/b")) == ["Harbour Ledger"]


def test_interview_given_to_another_outlet(catalogue):
    rule = "foreign-credit.interview"
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} \"It is unsafe,\" the engineer told the Irish Times.", HUB)) == ["Irish Times"]
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} El ingeniero dijo a El País: «El puente es inseguro».", HUB)) == ["El País"]
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} “It is unsafe,” the engineer told the Irish Times on Monday.", HUB)) == ["Irish Times"]
    # reported speech from another outlet's interview is cited, not taken
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} A witness told Sky News on Monday that the bridge shook.", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The mayor said this in an interview with Sky News, adding that repairs would start soon.", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"Engineer Speaks in Sky News Interview\n\n{BODY}", HUB)) == ["Sky News"]
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} \"It is unsafe,\" the engineer told the Irish Times.", "https://www.irishtimes.com/b")) == []
    # wire and syndicated copy, a translated common word, and a page without an address pass
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The engineer told Reuters it was unsafe.", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The engineer told The New York Times it was unsafe.", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The engineer told the World it was unsafe.", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY} The engineer told the Irish Times.", None)) == []


def test_masthead_heads_the_page_only_above_the_story(catalogue):
    rule = "identity-mismatch.masthead"
    assert _hits(catalogue, rule, _doc(f"AFP - Agence France-Presse\n\n{BODY}", HUB)) == ["AFP - Agence France-Presse"]
    assert _hits(catalogue, rule, _doc(f"Deutsche Welle (DW)\n\n{BODY}", HUB)) == ["Deutsche Welle (DW)"]
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}\n\nAFP - Agence France-Presse", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"AFP - Agence France-Presse\n\n{BODY}", "https://www.afp.com/en/news/1")) == []
    assert _hits(catalogue, rule, _doc(f"Reuters - Reuters\n\n{BODY}", HUB)) == []


def test_feed_card_source_line(catalogue):
    rule = "identity-mismatch.source-card"
    assert _hits(catalogue, rule, _doc(f"Tag: bridges\n\nYahoo\n3 days ago\n\n{BODY}", HUB)) == ["Yahoo"]
    assert _hits(catalogue, rule, _doc(f"Tag: bridges\n\nSky News · 2 hours ago\n\n{BODY}", HUB)) == ["Sky News"]
    assert _hits(catalogue, rule, _doc(f"Tag: bridges\n\nDer Spiegel\nil y a 2 jours\n\n{BODY}", HUB)) == ["Der Spiegel"]
    assert _hits(catalogue, rule, _doc(f"Tag: bridges\n\nSky News 2 February 2025 · 48 min\n\n{BODY}", HUB)) == ["Sky News"]
    # no stamp beside it, a wire byline block, a section word, the page's own name, a licensed newsstand
    assert _hits(catalogue, rule, _doc(f"Tag: bridges\n\nSky News\n\n{BODY}", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\nAssociated Press\nMay 3, 2024\n\n{BODY}", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\nWorld\n3 hours ago\n\n{BODY}", HUB)) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\nSky News\n3 hours ago\n\n{BODY}", "https://news.sky.com/story/1")) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\nSky News\n3 hours ago\n\n{BODY}", "https://www.magzter.com/stories/1")) == []


def test_bare_ip_address(catalogue):
    rule = "identity-mismatch.bare-ip"
    assert len(_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}", "http://192.0.2.44/author/jane"))) == 1
    assert len(_hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}", "http://[2001:db8::1]/news/bridge"))) == 1
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}", "http://v192.example/news/bridge")) == []
    assert _hits(catalogue, rule, _doc(f"Bridge\n\n{BODY}", None)) == []


def test_blog_host_dateline_without_its_credit_and_the_weak_form(catalogue):
    blog = "https://bridgenotes.blogspot.com/2012/01/"
    dated = f"Bridge\n\nLEEDS — {BODY} The Associated Press said the works would take a year."
    assert _hits(catalogue, "foreign-credit.blog-host", _doc(dated, blog)) == ["LEEDS"]
    assert _hits(catalogue, "foreign-credit.blog-host", _doc(dated.replace("The Associated Press said", "I think"), blog)) == []
    assert _hits(catalogue, "foreign-credit.blog-host", _doc(dated, "https://valleycourier.example/b")) == []
    cited = f"Bridge\n\n{BODY} Reuters said the works would take a year."
    assert _hits(catalogue, "foreign-credit.blog-host.weak", _doc(cited, blog)) == ["Reuters"]
    assert _hits(catalogue, "foreign-credit.blog-host.weak", _doc(cited, "https://valleycourier.example/b")) == []
    # the strong form's page is not counted twice
    assert _hits(catalogue, "foreign-credit.blog-host.weak", _doc(f"Bridge\n\nLEEDS (AP) — {BODY}", blog)) == []
