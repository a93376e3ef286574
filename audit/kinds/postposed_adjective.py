"""Kind ``postposed-adjective``: an adjective placed after its noun, in Romance order.

'the territory Russian', 'the economy Ukrainian', 'the producers local':
French, Spanish, Italian and Portuguese put most adjectives after the noun,
and machine translation sometimes keeps that order. English puts these
adjectives before the noun, with a few fixed exceptions ('notary public',
'the general public').

A finding needs: a determiner ('the', 'a', 'its' …) or 'of'/'and' before the
noun; a noun that is not itself an adjective or a verb ('the original
French', 'the family spoke German'); and after the adjective a boundary
(punctuation, a name, a preposition or verb) rather than another noun, so
that 'the capital Russian forces shelled' (a reduced relative clause) is
not counted. 'made the list public' (an object complement) is not counted.
A name after the adjective is a boundary when it is a full name ('the
president Russian Vladimir Putin'); a single capitalised word makes a name
with the adjective ('a belief Saudi Arabia is', 'the capital American
Savings used'). Numbers, possessives and place words stack before an
adjective ('the seven regional banks', 'the government's economic plan').

params:
  adjectives_from   list of adjectives that English puts before the noun
  plural_only       adjectives counted only after a plural noun ('the contracts
                    public'), because after a singular they are usually nouns
                    themselves ('the general public', 'the reading public')
  exceptions_from   list of honest 'noun adjective' pairs ('notary public')
  note              text for the message's {note}
The message template gets {noun} and {adjective}.
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._lists import word_set
from ._prose import honest_context

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*|[^\sA-Za-zÀ-ÖØ-öø-ÿ]")

# the words around the noun slot are lists of rules/lists/, named by the rule (see ``LISTS``)
LISTS = {
    "determiners_from": "mt-postposed-determiners",  # before the noun
    "not_nouns_from": "mt-postposed-not-nouns",  # in the noun slot: adjectives, verbs, pronouns, numbers, places
    "complement_verbs_from": "mt-postposed-complement-verbs",  # before the determiner: 'made the list public'
    "boundary_words_from": "mt-postposed-boundary-words",  # after the adjective: words that end the noun phrase
}
_ADJECTIVE_SUFFIXES = ("ly", "ous", "ful", "less", "able", "ible", "ive", "ical", "ese", "ish", "ing")


class Prepared:
    __slots__ = ("adjectives", "exceptions", "note", "plural_only", "determiners", "not_nouns", "complement_verbs", "boundary_words")

    def __init__(self, adjectives, exceptions, note, plural_only, lists):
        self.adjectives = adjectives
        self.exceptions = exceptions
        self.note = note
        self.plural_only = plural_only
        self.determiners, self.not_nouns, self.complement_verbs, self.boundary_words = lists


def compile(rule, catalogue):
    params = rule.params
    adjectives = set(params.get("adjectives", []))
    if params.get("adjectives_from"):
        adjectives |= set(catalogue.word_list(params["adjectives_from"]))
    if not adjectives:
        raise ValueError("a postposed-adjective rule needs 'adjectives' or 'adjectives_from'")
    exceptions = {e.lower() for e in params.get("exceptions", [])}
    if params.get("exceptions_from"):
        exceptions |= {e.lower() for e in catalogue.word_list(params["exceptions_from"])}
    plural_only = frozenset(params.get("plural_only", []))
    lists = tuple(word_set(catalogue, params, key, name) for key, name in LISTS.items())
    return Prepared(frozenset(adjectives | plural_only), frozenset(exceptions), params.get("note", ""), plural_only, lists)


def _is_word(tok: str) -> bool:
    return tok[:1].isalpha()


def _noun_like(word: str, not_nouns) -> bool:
    low = word.lower()
    if not word.islower() or low in not_nouns or len(low) < 3:
        return False
    if low.endswith(_ADJECTIVE_SUFFIXES):  # 'the reading public', 'the typical French'
        return False
    if low.endswith(("'s", "’s")):  # a possessive determines what follows: "the government's economic plan"
        return False
    if low.endswith("ed") and not low.endswith(("eed",)):
        return False
    return True


def _boundary_after(tokens, j, boundary_words) -> bool:
    """True when the token after the adjective ends the noun phrase."""
    if j >= len(tokens):
        return True
    tok, _ = tokens[j]
    if not _is_word(tok):
        return tok not in "-‐–'’"
    if tok[:1].isupper():
        # a full name after the adjective ('the president Russian Vladimir Putin'); one
        # capitalised word makes a name with it ('Saudi Arabia', 'British Columbia')
        nxt = tokens[j + 1][0] if j + 1 < len(tokens) else ""
        return nxt[:1].isupper() or not _is_word(nxt or ".")
    return tok in boundary_words or (tok.endswith("ed") and len(tok) > 4)


def run(rule, prep, doc):
    text = doc.text
    adjectives = prep.adjectives
    if adjectives.isdisjoint(_TOKEN.findall(text)):
        return  # no token is one of the adjectives: the loop below would find nothing
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    for i in range(2, len(tokens)):
        adj, astart = tokens[i]
        if adj not in adjectives:
            continue
        noun, nstart = tokens[i - 1]
        det, _ = tokens[i - 2]
        if not _is_word(noun) or not _noun_like(noun, prep.not_nouns):
            continue
        if adj in prep.plural_only and not (noun.endswith("s") and not noun.endswith("ss")):
            continue
        if det.lower() not in prep.determiners:
            continue
        if text[nstart + len(noun): astart] != " ":
            continue
        if i >= 3 and tokens[i - 3][0].lower() in prep.complement_verbs:
            continue
        if f"{noun.lower()} {adj.lower()}" in prep.exceptions:
            continue
        if not _boundary_after(tokens, i + 1, prep.boundary_words):
            continue
        end = astart + len(adj)
        if honest_context(doc, nstart, end):
            continue
        yield Hit(nstart, end, fields=(("note", prep.note), ("noun", noun), ("adjective", adj)))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"adjectives": list[str], "adjectives_from": str, "exceptions": list[str], "exceptions_from": str, "note": str, "plural_only": list[str],
          **{key: str for key in LISTS}}
