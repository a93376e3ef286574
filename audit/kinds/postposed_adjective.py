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
from ._prose import honest_context

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿ]+)*|[^\sA-Za-zÀ-ÖØ-öø-ÿ]")

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that", "of", "and", "or"}
# a word in the noun slot that is really an adjective, a verb or a pronoun
_NOT_NOUNS = {
    "original", "same", "other", "whole", "entire", "first", "second", "third", "last", "next", "new", "old",
    "young", "modern", "ancient", "classical", "spoken", "written", "standard", "formal", "native", "fluent",
    "perfect", "good", "bad", "broken", "proper", "plain", "simple", "colloquial", "literary", "official",
    "traditional", "typical", "average", "ordinary", "better", "best", "real", "true", "very", "most", "more",
    "rather", "quite", "so", "too", "also", "all", "both", "each", "every", "many", "few", "several", "some",
    "any", "no", "such", "own", "pure", "half", "former", "latter", "late", "then", "future", "so-called",
    "greater", "upper", "lower", "inner", "outer", "higher", "larger", "smaller", "wider", "general", "great",
    "big", "small", "large", "long", "short", "high", "low", "early", "present", "past", "current",
    "something", "anything", "nothing", "everything", "someone", "anyone", "everyone", "nobody", "somebody",
    "everybody", "much", "less", "little", "enough", "others", "is", "are", "was", "were", "be", "been",
    "being", "am", "speak", "speaks", "spoke", "speaking", "learn", "learns", "learned", "learnt",
    "learning", "study", "studied", "studies", "teach", "teaches", "taught", "understand", "understood",
    "write", "writes", "wrote", "read", "reads", "translated", "translate", "know", "knew", "knows",
    "became", "become", "becomes", "seemed", "seems", "looked", "looks", "felt", "feels", "sounds",
    "sounded", "went", "goes", "go", "turned", "turn", "stayed", "remained", "remains", "got", "get", "gets",
    "grew", "voted", "born", "made", "make", "makes", "keep", "kept", "keeps", "stay", "stays", "remain",
    "it", "them", "him", "me", "us", "you", "one", "ones", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "than", "not", "never", "only", "just", "even", "still", "already", "now", "when",
    "where", "which", "who", "whom", "what", "how", "why", "whose", "mostly", "largely", "mainly", "partly",
    "distinctly", "truly", "fully", "purely", "strictly", "predominantly", "ethnically", "culturally",
    "non", "anti", "pro", "pan", "semi", "north", "south", "east", "west", "northern", "southern",
    "eastern", "western", "central", "the", "a", "an", "its", "their", "his", "her", "our", "this", "these",
    "those", "that", "of", "and", "or", "my", "your", "typically", "quintessentially", "authentically", "unmistakably",
    # stacked before the adjective, not nouns: numbers and places ('the seven regional banks',
    # 'the offshore Norwegian sector', 'the northeast British Columbia town')
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "thirty", "forty", "fifty", "hundred", "thousand", "dozen", "offshore", "onshore", "overseas", "inland",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "nearby", "neighbouring", "neighboring", "remote", "rural", "urban", "coastal",
}
# before the determiner: verbs whose object takes a complement ('made the list public')
_COMPLEMENT_VERBS = {
    "make", "makes", "made", "making", "take", "takes", "took", "taken", "taking", "keep", "keeps", "kept",
    "keeping", "go", "goes", "went", "gone", "render", "renders", "rendered", "declare", "declares",
    "declared", "find", "finds", "found", "consider", "considers", "considered", "call", "calls", "called",
    "prove", "proved", "turn", "turned", "leave", "left", "deem", "deemed", "hold", "held", "think",
    "thought", "name", "named", "declaring", "rendering",
}
# after the adjective: words that end the noun phrase
_BOUNDARY_WORDS = {
    "of", "in", "is", "was", "are", "were", "has", "have", "had", "and", "which", "who", "that", "for",
    "on", "at", "with", "by", "from", "will", "would", "can", "could", "should", "must", "may", "might",
    "does", "did", "do", "as", "than", "but", "or", "remains", "remain", "continues", "also", "already",
    "still", "since", "during", "after", "before", "until", "because", "while", "where", "when", "whose",
    "whom", "its", "their", "his", "her", "the", "a", "an", "announced", "approved", "said", "says",
}
_ADJECTIVE_SUFFIXES = ("ly", "ous", "ful", "less", "able", "ible", "ive", "ical", "ese", "ish", "ing")


class Prepared:
    __slots__ = ("adjectives", "exceptions", "note", "plural_only")

    def __init__(self, adjectives, exceptions, note, plural_only):
        self.adjectives = adjectives
        self.exceptions = exceptions
        self.note = note
        self.plural_only = plural_only


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
    return Prepared(frozenset(adjectives | plural_only), frozenset(exceptions), params.get("note", ""), plural_only)


def _is_word(tok: str) -> bool:
    return tok[:1].isalpha()


def _noun_like(word: str) -> bool:
    low = word.lower()
    if not word.islower() or low in _NOT_NOUNS or len(low) < 3:
        return False
    if low.endswith(_ADJECTIVE_SUFFIXES):  # 'the reading public', 'the typical French'
        return False
    if low.endswith(("'s", "’s")):  # a possessive determines what follows: "the government's economic plan"
        return False
    if low.endswith("ed") and not low.endswith(("eed",)):
        return False
    return True


def _boundary_after(tokens, j) -> bool:
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
    return tok in _BOUNDARY_WORDS or (tok.endswith("ed") and len(tok) > 4)


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
        if not _is_word(noun) or not _noun_like(noun):
            continue
        if adj in prep.plural_only and not (noun.endswith("s") and not noun.endswith("ss")):
            continue
        if det.lower() not in _DETERMINERS:
            continue
        if text[nstart + len(noun): astart] != " ":
            continue
        if i >= 3 and tokens[i - 3][0].lower() in _COMPLEMENT_VERBS:
            continue
        if f"{noun.lower()} {adj.lower()}" in prep.exceptions:
            continue
        if not _boundary_after(tokens, i + 1):
            continue
        end = astart + len(adj)
        if honest_context(doc, nstart, end):
            continue
        yield Hit(nstart, end, fields=(("note", prep.note), ("noun", noun), ("adjective", adj)))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"adjectives": list[str], "adjectives_from": str, "exceptions": list[str], "exceptions_from": str, "note": str, "plural_only": list[str]}
