"""Kind honorific: source-language titles before surnames."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import honorific


def _hits(text, strong=(), weak=()):
    rule = Rule(id="foreign-honorific.test", signal="foreign-honorific", category="machine_translation",
                kind="honorific", summary="s", why="w", lookalikes="l", message="m",
                params={"strong": list(strong), "weak": list(weak)}, flag=("x",), passes=("y",))
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(dict(h.fields)["title"], dict(h.fields)["name"]) for h in honorific.run(rule, honorific.compile(rule, None), doc)]


def test_strong_title_counts_alone():
    assert _hits("MM. Zelensky and De Croo signed.", strong=[r"MM\."]) == [("MM.", "Zelensky")]


def test_weak_title_needs_the_full_name_elsewhere():
    assert _hits("Germany pledged, M. Ferrand said.", weak=[r"M\."]) == []
    assert _hits("Luc Ferrand spoke. Germany pledged, M. Ferrand said.", weak=[r"M\."]) == [("M.", "Ferrand")]


def test_weak_title_after_article_counts():
    assert _hits("The court heard the Sr. Quintana on Monday.", weak=[r"Sr\."]) == [("Sr.", "Quintana")]


def test_initials_are_not_titles():
    text = "Her Honour Judge M. Pennington ruled. Photos by M. Adebayo. John M. Smith and Ann Smith and Eve Pennington."
    assert _hits(text, weak=[r"M\."]) == []


def test_particle_names_and_closing_quotes():
    assert _hits("Erwan Le Bris farms. M. Le Bris lost 15 %.", weak=[r"M\."]) == [("M.", "Le Bris")]
    assert _hits("Italian writes ‘Sig. Rossi’ for Mr Rossi.", strong=[r"Sig\."]) == []
