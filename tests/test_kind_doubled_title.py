"""Kind doubled-title: the headline, the lede or a paragraph printed twice (strong and weak forms)."""

from __future__ import annotations

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import doubled_title


class _Lists:
    def __init__(self, **lists):
        self.lists = dict(lists)

    def word_list(self, name):
        return tuple(self.lists[name])


LISTS = _Lists(captions=["photo", "pictured", "credit"], stamps=["updated", "min read", "published"])
HEAD = "Harbour bridge closes for three weeks of repairs"
LEDE = "The county said the bridge would close on Monday while engineers replace the worn bearings."
REST = "Ferries will run every twenty minutes until the work is done, the operator said."


def _rule(**params):
    return Rule(id="doubled-title.test", signal="doubled-title", category="scraping", kind="doubled-title",
                summary="s", why="w", lookalikes="l", message="m",
                params={"caption_markers_from": "captions", "stamp_words_from": "stamps", **params}, flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(doc.text[h.start:h.end], h.message, dict(h.fields)) for h in doubled_title.run(rule, doubled_title.compile(rule, LISTS), doc)]


def test_unknown_form_is_an_error():
    with pytest.raises(ValueError):
        doubled_title.compile(_rule(form="medium"), LISTS)


def test_headline_printed_again_below_it_is_strong():
    text = f"{HEAD}\n\n{HEAD}\n\n{LEDE}\n\n{REST}\n"
    hits = _hits(text, first_message="first")
    assert hits == [(HEAD, "first", {}), (HEAD, None, {"headline": HEAD})]
    assert _hits(text, form="weak") == []


def test_chrome_lines_between_copies_up_to_max_gap():
    text = f"{HEAD}\n\nUpdated 9 May\n\n4 min read\n\n{HEAD}\n\n{LEDE}\n"
    assert len(_hits(text)) == 2
    assert _hits(text, max_gap=1) == []


def test_slug_copy_with_punctuation_stripped_matches_on_min_ratio():
    slug = "harbour bridge closes for 3 weeks of repairs"
    text = f"{HEAD}\n\n{slug}\n\n{LEDE}\n"
    assert [span for span, _, _ in _hits(text)] == [HEAD, slug]
    assert _hits(text, min_ratio=99) == []


def test_lede_printed_twice_in_a_row_is_strong():
    text = f"{HEAD}\n\n{LEDE}\n\n{LEDE}\n\n{REST}\n"
    assert [span for span, _, _ in _hits(text)] == [LEDE, LEDE]
    # below the headline lines (top_lines) it counts as a body sentence of lede_words or more
    assert [span for span, _, _ in _hits(text, top_lines=1)] == [LEDE, LEDE]
    assert _hits(text, top_lines=1, lede_words=30) == []


def test_headline_repeated_further_on_is_weak():
    text = f"{HEAD}\n\n{LEDE}\n\n{REST}\n\nMore on this story\n\n{HEAD}\n"
    assert _hits(text) == []
    weak = _hits(text, form="weak")
    assert [span for span, _, _ in weak] == [HEAD, HEAD]
    assert weak[1][2] == {"headline": HEAD}


def test_short_headline_and_caption_lines_pass():
    short = "Bridge closes"
    assert _hits(f"{short}\n\n{short}\n\n{LEDE}\n") == []
    caption = "Harbour bridge closes for repairs (Photo: County Council)"
    assert _hits(f"{HEAD}\n\n{caption}\n\n{caption}\n\n{LEDE}\n") == []


def test_headline_printed_three_times_further_on_is_a_template_label():
    text = f"{HEAD}\n\n{LEDE}\n\n{REST}\n\nRelated\n\n{HEAD}\n\nSee also\n\n{HEAD}\n"
    assert _hits(text, form="weak") == []
