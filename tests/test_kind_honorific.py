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
    assert _hits("Germany pledged, M. Viguier said.", weak=[r"M\."]) == []
    assert _hits("Laurent Viguier spoke. Germany pledged, M. Viguier said.", weak=[r"M\."]) == [("M.", "Viguier")]


def test_weak_title_after_article_counts():
    assert _hits("The court heard the Sr. Ortega on Monday.", weak=[r"Sr\."]) == [("Sr.", "Ortega")]


def test_initials_are_not_titles():
    text = "Her Honour Judge M. Ashworth ruled. Photos by M. Okafor. John M. Smith and Ann Smith and Eve Ashworth."
    assert _hits(text, weak=[r"M\."]) == []


def test_particle_names_and_closing_quotes():
    assert _hits("Yann Le Goff farms. M. Le Goff lost 15 %.", weak=[r"M\."]) == [("M.", "Le Goff")]
    assert _hits("Italian writes ‘Sig. Rossi’ for Mr Rossi.", strong=[r"Sig\."]) == []
