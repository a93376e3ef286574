"""Readability with remembered syllable counts gives textstat's own figures, and leaves textstat's shared instance alone."""

import random

import pytest

textstat = pytest.importorskip("textstat")

from audit.readability import MEASURES, readability  # noqa: E402

WORDS = (
    "the council approved extraordinary unanimously hyphen-ated budget's committee said "
    "it would reconsider 2,500 euros representatives don't can't psychological "
    "rhythm queue beautiful unbelievable a an of to in reorganisation"
).split()


def _texts(n=12):
    rng = random.Random(3)
    texts = []
    for _ in range(n):
        sentences = []
        for _ in range(rng.randint(4, 15)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(3, 25))]
            sentences.append(" ".join(words).capitalize() + rng.choice([".", "!", "?", ";", ""]))
        texts.append(" ".join(sentences))
    return texts


def test_figures_match_textstat_word_for_word():
    # twice over, so the second pass answers from the remembered words
    for text in _texts() + _texts():
        got = readability(text, "en")
        if textstat.lexicon_count(text) < 30:
            assert got is None
            continue
        for name, fn in MEASURES:
            assert got[name] == round(float(getattr(textstat, fn)(text)), 2), name
        assert got["words"] == textstat.lexicon_count(text)
        assert got["sentences"] == textstat.sentence_count(text)


def test_shared_textstat_instance_untouched():
    readability(" ".join(_texts(1)), "en")
    from textstat.textstat import textstat as shared

    assert "syllable_count" not in vars(shared)
    assert type(shared.pyphen).__module__.startswith("pyphen")
