"""The language stage: document language, foreign passages, rules skipped by language."""

from __future__ import annotations

import subprocess
import sys

from audit import Auditor, language
from audit.report import dumps

ENGLISH = """Council approves new cycle lanes for the harbour road

The council voted on Tuesday to approve the scheme, which will add two kilometres of protected lanes along the harbour road.

Residents who had campaigned for the lanes said they were pleased with the decision, although some shop owners worried about deliveries.

Work is expected to begin in the spring and should be finished before the end of the year.
"""

WITH_SPANISH = """Ferry operator trims its winter timetable to the northern islands

The operator said on Monday that two of its four daily crossings would be suspended from January because passenger numbers had dropped.

La naviera estudia alquilar un catamarán más pequeño para mantener las salidas de la mañana durante todo el invierno.

Island councillors called the cuts a blow to families who travel to the mainland for school and hospital appointments.
"""

FRENCH = """La médiathèque du quartier rouvre après deux ans de travaux

La ville a inauguré samedi la nouvelle médiathèque des Tanneurs, fermée depuis l'automne 2022 pour une rénovation complète du bâtiment.

Selon l'adjointe chargée de la culture, les horaires seront élargis le dimanche et un espace consacré aux jeux de société ouvrira au printemps.

Écrivez-moi : contact me through my jean.dupont@exemple-presse.fr 1-800-413-9027
"""


def test_english_decided_by_prefilter_without_langdetect():
    info = language.analyse_text(ENGLISH)
    assert info.code == "en" and info.method == "prefilter"
    assert info.detector_calls == 0
    assert info.passages == []


def test_english_run_does_not_import_langdetect():
    code = (
        "import sys\n"
        "from audit import Auditor\n"
        f"Auditor().audit_text({ENGLISH!r})\n"
        "print('langdetect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_foreign_paragraph_found_with_its_position(auditor, valid):
    report = valid(auditor.audit_text(WITH_SPANISH))
    assert report["language"]["code"] == "en"
    passages = report["language_passages"]
    assert [p["language"] for p in passages] == ["es"]
    assert passages[0]["line"] == 5 and passages[0]["column"] == 1
    assert passages[0]["whole_paragraph"] is True
    hits = [f for f in report["findings"] if f["rule"] == "untranslated-fragment"]
    assert len(hits) == 1 and "Spanish" in hits[0]["message"] and hits[0]["line"] == 5


def test_foreign_sentence_inside_english_paragraph():
    text = (
        "Speaking after the match, the goalkeeper took the blame for both goals. "
        "Ich habe heute zwei Fehler gemacht, die uns am Ende den Sieg gekostet haben, und das tut mir für die Jungs leid. "
        "The club confirmed that he would keep his place for Saturday's derby."
    )
    info = language.analyse_text(text)
    assert info.code == "en"
    assert [(p.language, p.whole_paragraph) for p in info.passages] == [("de", False)]
    assert text[info.passages[0].start:info.passages[0].end].startswith("Ich habe heute")


def test_short_foreign_phrases_and_names_are_not_judged():
    text = "Supporters of Olympique de Marseille say the striker from Real Sociedad shows a certain sang-froid in front of goal."
    assert language.analyse_text(text).passages == []


def test_non_english_document_skips_english_rules(auditor, valid):
    report = valid(auditor.audit_text(FRENCH))
    assert report["language"]["code"] == "fr"
    assert report["language"]["method"] == "langdetect"
    skipped = {s["rule"] for s in report["skipped"]}
    assert "untranslated-fragment" in skipped
    assert any(r.startswith("kyiv-casing") for r in skipped)
    assert all("'fr'" in s["reason"] for s in report["skipped"])
    # language-neutral rules still run
    assert not any(r.startswith("fake-contact") for r in skipped)
    assert report["readability"] is None


def test_too_short_text_has_no_language_and_runs_every_rule(auditor, valid):
    report = valid(auditor.audit_text("Spread the love"))
    assert report["language"]["code"] is None
    assert report["skipped"] == []


def test_readability_once_for_english(auditor, valid):
    report = valid(auditor.audit_text(ENGLISH))
    r = report["readability"]
    assert r["textstat_version"] == "0.7.4"
    assert 0 < r["flesch_reading_ease"] < 100 and r["flesch_kincaid_grade"] > 0
    assert {"gunning_fog", "smog_index", "coleman_liau_index", "automated_readability_index"} <= set(r)


def test_reports_are_byte_identical_across_runs(valid):
    texts = [ENGLISH, WITH_SPANISH, FRENCH]
    first = [dumps(valid(Auditor().audit_text(t, path=f"doc{i}.txt"))) for i, t in enumerate(texts)]
    second = [dumps(Auditor().audit_text(t, path=f"doc{i}.txt")) for i, t in reversed(list(enumerate(texts)))][::-1]
    assert first == second


def test_determinism_in_fresh_processes():
    code = (
        "from audit import Auditor\nfrom audit.report import dumps\n"
        f"print(dumps(Auditor().audit_text({WITH_SPANISH + FRENCH!r})), end='')\n"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1]
