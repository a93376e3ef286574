"""Origin: source language and source outlet, with evidence, from rules/origin.toml."""

from __future__ import annotations

import pytest

from audit import origin

WIRE = """Spread the love

Ministers pledge new aid for the power grid

Photo: Jean Martin / Agence France-Presse Ministers at the conference on Tuesday.

France Media Agency in Paris

The conference gathered some forty countries, said M. Viguier, the minister for energy.

"We must allow them (the engineers, Editor's note) to repair the lines before winter," added M. Viguier.

The amount, 1,2 billion euros, will be paid before the end of the year.
"""

SUFFIX = """NATO, a "direct confrontation"? Moscow's latest threat – L’Express

This is the second warning to the West in a few days, the Kremlin said on Friday.

READ ALSO: War economy: two years after the promises, still far from the mark
"""

GERMAN = """Club separates from coach after 0:3 defeat - Rheinland-Warte

"We thank Herr Brandt for his work and his great commitment in the last one and a half years," said the sports director.

The transfer fee was around 4,5 million euros (the record signing, Anm. d. Red.).
"""

SPANISH = """Reservoirs fall to 16,2% and the region prepares new restrictions

¿What will happen if it does not rain before the summer? The agency has not ruled out bringing water by ship.

According to Sr. Ortega, the plan will be presented on the 1 of March.
"""

HONEST = """Council approves new cycle lanes for the harbour road

The council voted on Tuesday to approve the scheme, which will add two kilometres of protected lanes along the harbour road.

Work is expected to begin in the spring and should be finished before the end of the year.
"""

HTML = """<html><head><title>Heat pumps: why demand has collapsed – DER SPIEGEL | Vantage Press 24</title>
<meta property="og:site_name" content="Vantage Press 24">
<link rel="canonical" href="https://vantagepress24.example/heat-pumps/">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Heat pumps", "publisher": {"@type": "Organization", "name": "DER SPIEGEL"}}</script>
</head><body><div class="entry-content">
<p>Around 356 000 heat pumps were sold last year, and the industry now expects far fewer.</p>
<p>More on the topic: <a href="https://www.spiegel.de/wirtschaft/waermepumpen">Why installers are worried</a></p>
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
    text = HONEST + "\nO treinador assinou um contrato válido até junho, com mais uma temporada de opção, e será apresentado aos sócios no sábado.\n"
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
