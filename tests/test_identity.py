"""The outlet registry and the page's own identity."""

from __future__ import annotations

import tomllib

from audit import document
from audit.catalogue import rules_dir
from audit.identity import credits, encoded_domain, load_registry, own_domain, page_url, site_field


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
    doc.url = "https://www.nytimes.com/2024/01/01/world/story.html"
    assert own_domain(doc) == "nytimes.com"
    assert site_field(doc)["outlet"] == "The New York Times"
    doc.url = "https://news.example.co.uk/x"
    assert own_domain(doc) == "example.co.uk"


def test_archive_snapshots_speak_for_their_address():
    url = "http://web.archive.org./web/20200101000000/https://www.theguardian.com/world/x"
    assert page_url(url) == "https://www.theguardian.com/world/x"
    assert encoded_domain(url) is None
    doc = document.from_bytes("a.txt", b"Text.\n")
    doc.url = url
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
