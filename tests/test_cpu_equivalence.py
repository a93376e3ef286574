"""The faster forms of per-document work give exactly what the plain forms give.

Each shortcut (a byte deletion for ASCII text, a regex for a character loop,
an RE2 gate before a ``re`` search, a plan kept per catalogue, a prefilter
pass shared by two parts of a document) is compared here with the plain
computation it replaces, over every code point where that is cheap.
"""

from __future__ import annotations

import random
import re

import pytest

from audit import checks, document, language, translationese
from audit.catalogue import load_catalogue
from audit.kinds import doubled_title, pronoun_gender
from audit.kinds._text import letters
from audit.readability import remove_punctuation

_ALL = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)


def _chunks(text: str, size: int = 4093):
    return [text[i:i + size] for i in range(0, len(text), size)]


def test_letters_is_the_character_loop_over_every_code_point():
    for chunk in _chunks(_ALL):
        assert letters(chunk) == "".join(c for c in chunk.lower() if c.isalnum())


def test_remove_punctuation_is_textstats_substitution_over_every_code_point():
    for chunk in _chunks(_ALL) + ["It's a test -- of (all) 3 marks: 'quoted', “curly”!"]:
        assert remove_punctuation(chunk) == re.sub(r"[^\w\s]", "", chunk)
        assert "".join(chunk.split()) == re.sub(r"\s", "", chunk)  # what char_count and letter_count strip


def test_letter_and_capital_counts_match_str_methods():
    samples = ["".join(chr(i) for i in range(128)), "Plain ASCII Text, with 3 Numbers.", "Ünïcode Straße ΣΑΣ ǅ x"]
    for text in samples + _chunks(_ALL[:70000]):
        assert translationese._count_letters(text) == sum(map(str.isalpha, text))
        assert translationese._count_capitals(text) == sum(map(str.isupper, text))


def test_english_share_counts_as_before():
    words = ["the", "of", "le", "und", "which", "x", "the"]
    assert language.english_share(words) == sum(1 for w in words if w in language.EN_FUNCTION_WORDS) / len(words)
    assert language.english_share([]) == 0.0


def test_listed_words_gate_never_changes_a_search():
    words = sorted({"photo", "file photo", "getty images", "bild", "courtesy"}, key=len, reverse=True)
    gated = doubled_title._Words(words)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
    rng = random.Random(5)
    pieces = ["photo", "photos", "file photo", "getty images", "xbild", "bild", " ", ".", "é", "courtesy", "a", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        got, want = gated.search(text), plain.search(text)
        assert (got and got.span()) == (want and want.span()), text
    assert gated.search("photo \udc80") is not None  # a lone surrogate: RE2 cannot read it, re answers
    assert doubled_title._alternation(words) is doubled_title._alternation(list(reversed(words)))


def test_pronoun_gender_identity_test_on_the_prefilter():
    catalogue = load_catalogue()
    rule = next(r for r in catalogue.rules if r.kind == "pronoun-gender")
    prep = catalogue.compiled(rule)
    for text in ("She said the TRANSGENDER athlete won.", "Her pronouns are listed.", "He and she met.", "Trans-Pacific talks.",
                 "The tranſgender policy."):  # the long s equals s under re's IGNORECASE
        doc = document.from_bytes("t.txt", text.encode(), fmt="text")
        assert pronoun_gender._about_identity(doc, prep) == bool(pronoun_gender._IDENTITY.search(text)), text


def test_run_checks_plan_follows_the_language_and_the_catalogue():
    catalogue = load_catalogue()
    doc = document.from_bytes("t.txt", "Le ministre a dit que la réunion était terminée pour aujourd'hui.".encode(), fmt="text")
    english = checks.run_checks(doc, catalogue, "en")
    french = checks.run_checks(doc, catalogue, "fr")
    assert checks.run_checks(doc, catalogue, "en") == english
    assert checks.run_checks(doc, catalogue, "fr") == french
    narrowed = catalogue.select(ignore=["doubled-word"])
    assert all(not s["rule"].startswith("doubled-word") for s in checks.run_checks(doc, narrowed, "fr")[1])


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_document_scope_shares_the_body_passes(name):
    catalogue = load_catalogue()
    ls = catalogue.literal_set
    rule = next(r for r in catalogue.rules if r.kind == "pattern" and r.scope == "document")
    matcher = catalogue.compiled(rule).regex
    doc = document.from_bytes(name, b"Some text with nothing in it.\n", fmt=None)
    fresh = document.from_bytes(name, b"Some text with nothing in it.\n", fmt=None)
    assert ls.allows(matcher, doc, "document", doc.text) == ls.allows(matcher, fresh, "body", fresh.text)
    assert not any(isinstance(k, tuple) and k[-1] == "document" for k in doc.derived)  # one set of passes, the body's


def test_normalise_on_ascii_is_the_general_form():
    import unicodedata

    from audit.kinds._text import APOSTROPHES, _NON_WORD, _SPACES, normalise

    def general(text):
        text = unicodedata.normalize("NFKC", text).lower()
        for a in APOSTROPHES:
            text = text.replace(a, "")
        return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()

    ascii_chars = "".join(map(chr, range(128)))
    rng = random.Random(11)
    samples = [ascii_chars, "Moscow's latest threat - L'Express", "  a\t\x1c b `quoted` (x)  "]
    samples += ["".join(rng.choice(ascii_chars) for _ in range(rng.randint(0, 40))) for _ in range(5000)]
    for text in samples:
        assert normalise(text) == general(text), repr(text)
