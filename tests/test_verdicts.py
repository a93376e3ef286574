"""Two verdicts: one per category, each from its own sub-score and thresholds.

A copied teaser block ("Read also:" and the source site's headlines) is
scraping evidence; translation traces inside it must not raise the
machine-translation verdict.
"""

from __future__ import annotations

from audit import Auditor, load_weights
from audit.calibrate import Settings
from audit.catalogue import CATEGORIES
from audit.score import verdict


BODY = (
    "The harbour board met on Monday to discuss the winter timetable for the ferries.\n\n"
    "Ticket prices will stay the same until the spring, a spokesman said after the meeting.\n\n"
)
TEASER = "Le conseil municipal a voté hier soir une nouvelle taxe sur les résidences secondaires de la ville"


def test_every_report_has_both_verdicts(auditor, valid):
    report = valid(auditor.audit_text(BODY))
    assert set(report["verdicts"]) == set(CATEGORIES)
    assert report["verdicts"] == {"scraping": "clean", "machine_translation": "clean"}


def test_verdicts_follow_their_own_category(auditor, valid, weights):
    # three independent translation traces: one alone is not enough for a verdict
    mt = valid(auditor.audit_text(BODY + "M. Lambert said, in the capital kyiv, that «the talks will go on». "
                                  "Some 3,5 million euros were set aside.\n"))
    assert mt["verdicts"]["machine_translation"] != "clean"
    assert mt["verdicts"]["scraping"] == "clean"
    review, flagged = weights.category_thresholds["machine_translation"]
    assert mt["verdicts"]["machine_translation"] == ("flagged" if mt["scores"]["machine_translation"] >= flagged else "review")
    scraped = valid(auditor.audit_text(BODY + "Spread the love\n\nShare this:\nLike Loading...\n"))
    assert scraped["verdicts"]["scraping"] != "clean"
    assert scraped["verdicts"]["machine_translation"] == "clean"


def test_read_also_block_does_not_raise_the_translation_verdict(auditor, valid):
    bare = valid(auditor.audit_text(BODY + TEASER + ".\n"))
    assert any(f["rule"] == "untranslated-fragment" for f in bare["findings"])
    # the teaser block and a share widget: copying, and nothing translated in the article itself
    copied = valid(auditor.audit_text(BODY + "READ ALSO:\n\n" + TEASER + "\n\nThe ferries run twice a day.\n\nSpread the love\n"))
    held = [f for f in copied["findings"] if f.get("in_copied_block")]
    assert held and all(f["category"] == "machine_translation" for f in held)
    assert copied["scores"]["machine_translation"] < bare["scores"]["machine_translation"]
    assert copied["verdicts"]["machine_translation"] == "clean"
    assert copied["verdicts"]["scraping"] != "clean"
    # the block still counts as evidence of copying in the overall score
    assert copied["score"] > auditor.audit_text(BODY)["score"]
    # the same sentence after the block, in the article itself, still counts
    after = valid(auditor.audit_text(BODY + "READ ALSO:\n\nOur new weekend guide\n\nThe ferries run twice a day.\n\n" + TEASER + ".\n"))
    assert not any(f.get("in_copied_block") for f in after["findings"])
    assert after["scores"]["machine_translation"] > copied["scores"]["machine_translation"]


def test_category_thresholds_fall_back_to_the_overall_ones(tmp_path):
    path = tmp_path / "w.toml"
    path.write_text('[meta]\nversion = "t"\n[thresholds]\nreview = 20\nflagged = 60\n'
                    '[thresholds.machine_translation]\nflagged = 90\n[model.overall]\nbias = 0\n', encoding="utf-8")
    w = load_weights(path)
    assert w.category_thresholds == {"scraping": (20.0, 60.0), "machine_translation": (20.0, 90.0)}
    assert verdict(70.0, w) == "flagged"
    assert verdict(70.0, w, "machine_translation") == "review"
    assert verdict(70.0, w, "scraping") == "flagged"


def test_shipped_weights_carry_thresholds_per_category(weights):
    for c in CATEGORIES:
        review, flagged = weights.category_thresholds[c]
        assert Settings().category_review_floor <= review <= flagged


def test_same_auditor_same_verdicts(catalogue, weights):
    a, b = Auditor(catalogue, weights), Auditor(catalogue, weights)
    text = BODY + "READ ALSO:\n\n" + TEASER + "\n"
    assert a.audit_text(text) == b.audit_text(text)
