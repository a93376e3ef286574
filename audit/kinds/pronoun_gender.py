"""Kind ``pronoun-gender``: one named person given both genders' pronouns.

Many source languages mark gender differently from English or not at all
(Turkish, Bengali, Finnish, Chinese in speech, Indonesian), and others give
nouns a grammatical gender that machine translation turns into 'he' or 'she'
(German 'die Ministerin', Russian titles). Sentence by sentence the pronoun
is chosen afresh, so one person becomes 'he' in one sentence and 'she' two
sentences later. A writer or editor does not do that.

A pronoun counts only where one named person is its only candidate
antecedent: the person is named in the pronoun's sentence (before it) or in
the two sentences before, no other named person is, and no common noun of
the pronoun's gender is ('his wife … she', 'the mother … she'). The finding
needs the same person to be the only candidate for a 'he' and for a 'she'
within ``window`` sentences of each other.

Honest look-alikes pass: two people of different gender in the window (the
pronoun is then ambiguous, not wrong); pronouns inside quotation marks
(another speaker's words); 'he or she', 'his/her', '(s)he'; a surname shared
by two people of the text ('Mark Smith and Mary Smith'); a text about gender
identity or a change of name.

A person is a run of two or three capitalised words that is not an
organisation or a place (no 'Party', 'Ministry', 'City' …), or a single
capitalised word after a personal title ('Mr', 'President') or before a
verb of speech ('Novak said'); later mentions by surname alone count.

params:
  mode       "two-pronouns" (default): the same person is the only candidate
             of a 'he' and of a 'she' within ``window`` sentences;
             "given-name": a person whose given name the lists mark as a
             woman's (or a man's) is the only candidate of at least
             ``min_pronouns`` pronouns of the other gender and of none of
             their own (Bengali, Turkish, Urdu and Persian have one
             pronoun for both, and machine translation defaults to 'he')
  female_from, male_from  lists in rules/lists/ of given names (mode
             "given-name"); a name on both lists counts for neither
  min_pronouns  (mode "given-name", default 2)
  window     sentences between the two pronouns at most (default 3)
  min_hits   report nothing unless this many persons are hit (default 1)
  others_from  a list in rules/lists/ of nouns for a person of either gender;
             one brought in by a determiner ('a reader', 'her lawyer') is a
             second candidate antecedent (default mt-person-nouns)
  not_person_from  a list in rules/lists/ of capitalised words that make a run
             of capitalised words no person's name (default mt-pronoun-not-person)
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..findings import Hit
from ._lists import word_set
from ._prefiltered import Prefiltered
from ._prose import honest_context

_TOKEN = r"(?:[A-Z][a-z]?['’][A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)"  # O'Brien, Jean-Luc; not a possessive
_NAME_RUN = re.compile(rf"(?<![\w'’-])({_TOKEN}(?: {_TOKEN}){{1,2}})(?![\w-])(?!['’][a-z]{{2}})")
_TITLE = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|President|Premier|Minister|Chancellor|Senator|Governor|Mayor|"
    rf"Judge|Justice|Coach|General|Colonel|Captain|Sheikh|King|Queen|Prince|Princess)\.? ({_TOKEN}(?: {_TOKEN}){{0,2}})(?![\w-])")
_SPEAKER = re.compile(
    rf"(?<![\w'’-])({_TOKEN}) (?:said|says|told|added|noted|stated|explained|argued|insisted|wrote|replied|recalled|"
    rf"warned|stressed|announced|confirmed|admitted|denied|claimed|asked)\b")
_PRONOUN = re.compile(r"\b(?:(?P<m>[Hh]e|[Hh]im|[Hh]is|[Hh]imself)|(?P<f>[Ss]he|[Hh]er|[Hh]ers|[Hh]erself))\b")
# both genders named together: not a pronoun about one person
_EITHER = re.compile(r"\b(?:he|his|him|she|her)\s*(?:or|/|and)\s*(?:she|her|he|him|his)\b|\(s\)he|\bs/he\b", re.I)
_MALE_NOUNS = re.compile(
    r"\b(?:man|boy|father|son|husband|brother|uncle|nephew|grandfather|grandson|king|prince|actor|"
    r"gentleman|boyfriend|widower|monk|priest|sir|spokesman|chairman|businessman|Mr)\b")
_FEMALE_NOUNS = re.compile(
    r"\b(?:woman|girl|mother|daughter|wife|sister|aunt|niece|grandmother|granddaughter|queen|princess|"
    r"actress|lady|girlfriend|widow|nun|spokeswoman|chairwoman|businesswoman|Mrs|Ms|Miss|Madam|Madame)\b")
# a text about gender identity or a changed name uses both pronouns on purpose
_IDENTITY = re.compile(
    r"\b(?:transgender|trans woman|trans man|non-?binary|pronouns|gender identity|transition(?:ed|ing)?|"
    r"formerly known as|deadname)\b", re.I)
# words that make a capitalised run an organisation, a place or a thing, not a person:
# a list of rules/lists/ the rule names in not_person_from (case-sensitive)
NOT_PERSON = "mt-pronoun-not-person"
# a sentence ends at . ! ? … before a capital, but not after an initial or a short
# abbreviation ('U.K. Prime Minister', 'Mr. Berg', 'Gen. Ortiz'); a line break alone ends one
# only before a blank or indented line (hard-wrapped copy breaks lines mid-sentence)
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)(?<!\bGen\.)(?<!\bCol\.)(?<!\bSen\.)"
    r"(?<!\bRep\.)(?<!\bGov\.)(?<!\bProf\.)(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[ \t]+\S)")
_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|„[^“”\n]*[“”]")


# nouns for a person of either gender: a list of rules/lists/ the rule names in others_from
OTHERS = "mt-person-nouns"


def _others(nouns) -> re.Pattern:
    """Someone else brought in or pointed at by a determiner ('a reader', 'another witness', 'her lawyer',
    'the hospital's director')."""
    alt = "|".join(re.escape(n) for n in sorted(set(nouns), key=len, reverse=True))
    return re.compile(r"(?:\b(?:[Aa]n?|[Aa]nother|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Ii]ts|[Ss]omeone|[Ss]omebody)|[’']s)"
                      r"(?: [a-z]+-?[a-z]*)? (?:" + alt + r")\b")


class Prepared:
    __slots__ = ("window", "min_hits", "others", "mode", "names", "min_pronouns", "identity", "not_person")

    def __init__(self, window, min_hits, others, mode="two-pronouns", names=None, min_pronouns=2, identity=None, not_person=None):
        self.window = window
        self.min_hits = min_hits
        self.others = others
        self.mode = mode
        self.names = names or {}
        self.min_pronouns = min_pronouns
        # _IDENTITY on the catalogue's prefilter: a case-blind search of the whole
        # text, run only when one of its words is there
        self.identity = identity if identity is not None else Prefiltered(_IDENTITY.pattern, None, _IDENTITY.flags)
        self.not_person = not_person if not_person is not None else word_set(None, {}, "not_person_from", NOT_PERSON)


def compile(rule, catalogue):
    params = rule.params
    window = int(params.get("window", 3))
    min_hits = int(params.get("min_hits", 1))
    if window < 1 or min_hits < 1:
        raise ValueError("window and min_hits must be at least 1")
    nouns = word_set(catalogue, params, "others_from", OTHERS)
    mode = params.get("mode", "two-pronouns")
    if mode not in ("two-pronouns", "given-name"):
        raise ValueError(f"unknown mode '{mode}'")
    names: dict[str, str] = {}
    if mode == "given-name":
        for key, gender in (("female_from", "f"), ("male_from", "m")):
            if not params.get(key):
                raise ValueError(f"mode 'given-name' needs '{key}'")
            for name in (catalogue.word_list(params[key]) if catalogue else ()):
                # a name on both lists is no evidence either way
                names[name] = "?" if names.get(name, gender) != gender else gender
    min_pronouns = int(params.get("min_pronouns", 2))
    if min_pronouns < 1:
        raise ValueError("min_pronouns must be at least 1")
    return Prepared(window, min_hits, _others(nouns), mode, {k: v for k, v in names.items() if v != "?"}, min_pronouns,
                    Prefiltered(_IDENTITY.pattern, catalogue, _IDENTITY.flags), word_set(catalogue, params, "not_person_from", NOT_PERSON))


def _sentences(text: str) -> list[int]:
    """Start offsets of the text's sentences (and of its lines)."""
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        starts.append(m.end())
    return starts


def _persons(text: str, quoted, not_person: frozenset) -> tuple[dict[str, set[str]], list[tuple[int, str]]]:
    """Surnames of the text's persons, each with its first names, and every mention (offset, surname)."""
    firsts: dict[str, set[str]] = {}
    mentions: list[tuple[int, str]] = []
    for m in _NAME_RUN.finditer(text):
        words = m.group(1).split()
        # a run opening a sentence may start with an ordinary capitalised word ('Then Novak')
        while words and words[0] in not_person:
            words = words[1:]
        if len(words) < 2 or any(w in not_person for w in words):
            continue
        firsts.setdefault(words[-1], set()).add(" ".join(words[:-1]))
    for rx in (_TITLE, _SPEAKER):
        for m in rx.finditer(text):
            words = m.group(1).split()
            if words[-1] not in not_person:
                # 'Minister Anna Berg' names Berg, given name Anna; 'Minister Berg' names Berg alone
                entry = firsts.setdefault(words[-1], set())
                if len(words) > 1 and not any(w in not_person for w in words):
                    entry.add(" ".join(words[:-1]))
    if not firsts:
        return firsts, mentions
    surname = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(s) for s in sorted(firsts, key=len, reverse=True)) + r")(?![\w-])")
    for m in surname.finditer(text):
        mentions.append((m.start(), m.group(1)))
    return firsts, mentions


def _quote_test(text: str):
    """``in_quote(pos)``: is ``pos`` inside quoted speech?"""
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    qstarts = [s for s, _ in quoted]

    def in_quote(pos: int) -> bool:
        k = bisect_right(qstarts, pos) - 1
        return k >= 0 and quoted[k][1] > pos

    return in_quote


def _sole_referents(text: str, prep, in_quote, firsts, mentions):
    """Per person, per gender, the pronouns (sentence, start, end) whose only candidate antecedent is that person."""
    either = [(m.start(), m.end()) for m in _EITHER.finditer(text)]
    shared = {s for s, f in firsts.items() if len(f) > 1}  # one surname, two people
    mention_pos = [p for p, _ in mentions]
    starts = [p for p in _sentences(text) if not in_quote(p)]
    sole: dict[str, dict[str, list[tuple[int, int, int]]]] = {}
    for m in _PRONOUN.finditer(text):
        pos = m.start()
        if in_quote(pos) or any(s <= pos < e for s, e in either):
            continue
        gender = "m" if m.group("m") else "f"
        si = bisect_right(starts, pos) - 1
        lo = starts[max(0, si - 2)]
        a, b = bisect_right(mention_pos, lo - 1), bisect_right(mention_pos, pos - 1)
        names = {mentions[k][1] for k in range(a, b)}
        if len(names) != 1 or next(iter(names)) in shared:
            continue
        nouns = _MALE_NOUNS if gender == "m" else _FEMALE_NOUNS
        if nouns.search(text, lo, pos) or prep.others.search(text, lo, pos):
            continue
        sole.setdefault(names.pop(), {}).setdefault(gender, []).append((si, m.start(), m.end()))
    return sole, shared


def _closest_pair(by_gender, window: int):
    """The earliest-closing pair of a 'he' and a 'she' for one person within ``window`` sentences, first one first."""
    best = None
    for sm, ms, me in by_gender["m"]:
        for sf, fs, fe in by_gender["f"]:
            if abs(sm - sf) <= window:
                first, second = ((ms, me), (fs, fe)) if ms < fs else ((fs, fe), (ms, me))
                if best is None or second[0] < best[1][0]:
                    best = (first, second)
    return best


def _about_identity(doc, prep) -> bool:
    """Whether ``_IDENTITY`` matches the text, worked out once per document for the rules of this kind."""
    known = doc.derived.get("pronoun-gender identity")
    if known is None or known[0] is not doc.text:
        known = doc.derived["pronoun-gender identity"] = (doc.text, next(prep.identity.finditer(doc, doc.text), None) is not None)
    return known[1]


def run(rule, prep, doc):
    text = doc.text
    if _about_identity(doc, prep):
        return
    has_m = re.search(r"\b[Hh](?:e|is|im)\b", text)
    has_f = re.search(r"\b[Ss]he\b|\b[Hh]er\b", text)
    if not (has_m and has_f) and (prep.mode == "two-pronouns" or not (has_m or has_f)):
        return
    in_quote = _quote_test(text)
    firsts, mentions = _persons(text, in_quote, prep.not_person)
    if not mentions:
        return
    sole, shared = _sole_referents(text, prep, in_quote, firsts, mentions)
    if prep.mode == "given-name":
        yield from _against_given_name(doc, prep, firsts, shared, sole)
        return
    hits = []
    for name, by_gender in sole.items():
        best = _closest_pair(by_gender, prep.window) if "m" in by_gender and "f" in by_gender else None
        if best is None:
            continue
        (s1, e1), (s2, e2) = best
        if not honest_context(doc, s2, e2):
            hits.append(Hit(s2, e2, fields=(("name", name), ("first", text[s1:e1]), ("second", text[s2:e2]))))
    if len(hits) >= prep.min_hits:
        yield from sorted(hits, key=lambda h: h.start)


def _given_gender(prep, surname: str, firsts: set[str]) -> str | None:
    """The gender the lists give the person's given name, if they agree on one."""
    given = {f.split()[0] for f in firsts} if firsts else {surname}  # a person named by the given name alone
    genders = {prep.names.get(g) for g in given}
    return genders.pop() if len(genders) == 1 and None not in genders else None


def _against_given_name(doc, prep, firsts, shared, sole):
    """A person whose given name the lists mark as one gender, called by the other's pronoun."""
    text = doc.text
    hits = []
    for name, by_gender in sole.items():
        gender = _given_gender(prep, name, firsts.get(name, set()))
        if gender is None:
            continue
        other = "m" if gender == "f" else "f"
        wrong = by_gender.get(other, [])
        # the right pronoun for the same person as well: the text may simply be inconsistent
        # (the two-pronoun rule's case) or about a different person; count only a consistent error
        if len(wrong) < prep.min_pronouns or by_gender.get(gender):
            continue
        _, s2, e2 = wrong[0]
        if honest_context(doc, s2, e2):
            continue
        given = sorted(firsts.get(name) or {name})[0].split()[0]
        hits.append(Hit(s2, e2, fields=(("name", name), ("given", given), ("second", text[s2:e2]),
                                        ("first", "she" if gender == "f" else "he"))))
    if len(hits) >= prep.min_hits:
        yield from sorted(hits, key=lambda h: h.start)


# every params key this kind reads: the catalogue refuses any other, naming the rule file
PARAMS = frozenset({"female_from", "male_from", "min_hits", "min_pronouns", "mode", "not_person_from", "others_from", "window"})
