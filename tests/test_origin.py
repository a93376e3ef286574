"""Origin: source language and source outlet, with evidence, from rules/origin.toml."""

from __future__ import annotations

import pytest

from audit import origin

WIRE = """Spread the love

Governments promise fresh money for rural broadband

Photo: Claire Dubois / Agence France-Presse Delegates arriving at the summit on Wednesday.

France Media Agency in Lyon

About thirty delegations took part in the talks, according to M. Fontanel, the secretary of state for digital affairs.

"The operators (the three largest, Editor's note) have promised to reach every village by 2027," said M. Fontanel.

The package, 2,4 billion euros, will be released in three instalments.
"""

SUFFIX = """Pension reform: unions call a fourth day of strikes – L’Express

It is the fourth national walkout since January, the largest union confederation said on Thursday.

READ ALSO: Public finances: the deficit overshoots the forecast once more
"""

GERMAN = """Second-division side dismisses its coach after 1:4 home defeat - Saarland-Bote

"We are grateful to Herr Wendtland for everything he has given this club over two difficult seasons," the board said in a short statement.

The striker signed in the summer cost about 2,8 million euros (a club record, Anm. d. Red.).
"""

SPANISH = """Unemployment climbs to 12,7% in the province and unions demand a jobs plan

¿How many more factories must close before the regional government acts? The unions have asked for an urgent meeting.

According to Sra. Herrera, the proposal will be debated on the 15 of April.
"""

HONEST = """Council approves new cycle lanes for the harbour road

The council voted on Tuesday to approve the scheme, which will add two kilometres of protected lanes along the harbour road.

Work is expected to begin in the spring and should be finished before the end of the year.
"""

HTML = """<html><head><title>Rail freight: why the trains keep stopping – DER SPIEGEL | Harbourline Daily</title>
<meta property="og:site_name" content="Harbourline Daily">
<link rel="canonical" href="https://harbourline-daily.example/rail-freight/">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rail freight", "publisher": {"@type": "Organization", "name": "DER SPIEGEL"}}</script>
</head><body><div class="entry-content">
<p>Some 41 000 freight trains were cancelled in the first half of the year, and shippers are turning back to lorries.</p>
<p>More on the topic: <a href="https://www.spiegel.de/wirtschaft/gueterverkehr">What the delays cost the steel industry</a></p>
</div></body></html>"""


def _origin(auditor, text, fmt="text"):
    return auditor.audit_text(text, fmt=fmt)["origin"]


def test_wire_copy_points_to_french_and_afp(auditor, valid):
    report = valid(auditor.audit_text(WIRE))
    o = report["origin"]
    assert o["language"]["code"] == "fr"
    assert o["language"]["confidence"] >= 0.5
    clues = {e.get("clue") for e in o["language"]["evidence"]}
    assert {"fr.agency-translated", "fr.honorific", "fr.editors-note-calque"} <= clues
    assert o["outlet"]["name"] == "Agence France-Presse (AFP)"
    assert o["outlet"]["kind"] == "agency"
    excerpts = {e["excerpt"] for e in o["outlet"]["evidence"]}
    assert {"Agence France-Presse", "France Media Agency"} <= excerpts
    for e in o["language"]["evidence"] + o["outlet"]["evidence"]:
        assert e["line"] >= 1 and e["column"] >= 1


def test_title_suffix_names_the_outlet_and_its_language(auditor, valid):
    o = valid(auditor.audit_text(SUFFIX))["origin"]
    assert o["outlet"]["name"] == "L'Express"
    assert o["outlet"]["evidence"][0]["source"] == "title-suffix"
    assert o["language"]["code"] == "fr"


@pytest.mark.parametrize("text, code", [(GERMAN, "de"), (SPANISH, "es")])
def test_source_language_traces(auditor, text, code):
    assert _origin(auditor, text)["language"]["code"] == code


def test_untranslated_passage_points_to_its_language(auditor):
    text = HONEST + "\nA câmara municipal aprovou a construção de duas novas escolas, mas não revelou quando as obras vão começar nem quanto vão custar.\n"
    lang = _origin(auditor, text)["language"]
    assert lang["code"] == "pt"
    assert any(e["source"] == "untranslated-passage" for e in lang["evidence"])


def test_honest_english_names_no_source(auditor):
    o = _origin(auditor, HONEST)
    assert o["language"] is None and o["outlet"] is None


def test_html_metadata_and_links_name_the_outlet(auditor, valid):
    o = valid(auditor.audit_text(HTML, fmt="html"))["origin"]
    assert o["outlet"]["name"] == "Der Spiegel"
    sources = {e["source"] for e in o["outlet"]["evidence"]}
    assert {"title-suffix", "json-ld-publisher", "body-link"} <= sources
    assert o["language"]["code"] == "de"


def test_origin_data_is_well_formed():
    data = origin.load_origin_data()
    ids = [c.id for c in data.clues]
    assert len(ids) == len(set(ids))
    for c in data.clues:
        assert (c.pattern is None) != (c.rule is None), c.id
        assert c.languages and all(w > 0 for w in c.languages.values()), c.id
        assert c.why, c.id
    names = [o.name for o in data.outlets]
    assert len(names) == len(set(names))


def _data_copy(tmp_path, replace: dict[str, str], host_labels: str | None = None):
    """A copy of the shipped origin.toml (and its lists) with some lines replaced."""
    from audit.catalogue import rules_dir

    text = (rules_dir() / "origin.toml").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    (tmp_path / "lists").mkdir(parents=True)
    labels = host_labels if host_labels is not None else (rules_dir() / "lists" / "origin-host-labels.txt").read_text(encoding="utf-8")
    (tmp_path / "lists" / "origin-host-labels.txt").write_text(labels, encoding="utf-8")
    path = tmp_path / "origin.toml"
    path.write_text(text, encoding="utf-8")
    return origin.load_origin_data(str(path))


def test_outlet_weights_and_host_labels_are_data(tmp_path):
    from audit.document import from_bytes

    shipped = origin.load_origin_data()
    assert shipped.evidence_weights["title-suffix"] == 2.0 and "www" in shipped.host_skip
    assert "foreign-credit" in shipped.credit_signals and "link" in shipped.structural
    doc = from_bytes("suffix.txt", SUFFIX.encode())
    assert origin.infer(doc, [], data=shipped)["outlet"]["name"] == "L'Express"
    # each kind of evidence weighs what origin.toml says: the title suffix and
    # the name in the text at zero, and no bonus for a listed outlet, name none
    light = _data_copy(tmp_path, {"title-suffix = 2.0": "title-suffix = 0.0", "credit = 1.5": "credit = 0.0",
                                  "known_outlet_bonus = 0.5": "known_outlet_bonus = 0.0"})
    assert light.evidence_weights["title-suffix"] == 0.0
    assert origin.infer(doc, [], data=light)["outlet"] is None
    heavier = _data_copy(tmp_path / "h", {"title-suffix = 2.0": "title-suffix = 4.0"})
    ranked = origin.infer(doc, [], data=heavier)["outlet"]
    assert ranked["name"] == "L'Express" and ranked["confidence"] > origin.infer(doc, [], data=shipped)["outlet"]["confidence"]


def test_host_labels_list_is_read(tmp_path):
    data = _data_copy(tmp_path, {}, host_labels="# none skipped here\nexample\n")
    assert data.host_skip == frozenset({"example"})
