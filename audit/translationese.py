"""Translationese: a small linear model over document-level features.

Translated English differs from English written as such in ways no single
rule catches: more explicit function words, fewer pronouns and contractions,
flatter sentence lengths, less varied vocabulary, other punctuation habits,
other sequences of word classes. This module computes such a profile from the
text alone (no tagger, no download) and scores it with a logistic model
whose weights are data (``rules/translationese.toml``, written by
``benchmarks/train_translationese.py``). Pure Python at run time.

Word classes come from closed lists of English function words and from
suffixes ('-ly', '-ing', '-ed', '-s'), which need no tagger.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

FUNCTION_WORDS = (
    "a", "about", "after", "against", "all", "also", "although", "among", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "during", "each", "even", "every", "for", "from", "had", "has", "have", "he", "her", "here", "him",
    "his", "however", "i", "if", "in", "into", "is", "it", "its", "just", "many", "may", "more", "most", "must",
    "no", "not", "now", "of", "on", "one", "only", "or", "other", "our", "out", "over", "said", "says", "she",
    "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "under", "up", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "will", "with", "would", "you",
)
CLASSES = {
    "det": "the a an this that these those some any each every no another",
    "pron": "i you he she it we they me him her us them his its our their my your itself himself herself themselves",
    "prep": "of in on at by for with from to into over under about after before between through during against "
            "among without within across toward towards upon amid per via",
    "conj": "and or but nor so yet while although though because if whether since unless as than",
    "aux": "is are was were be been being has have had do does did will would shall should can could may might must",
    "wh": "which who whom whose what when where how why",
    "neg": "not never",
}
CLASS_OF = {w: c for c, words in CLASSES.items() for w in words.split()}
_NOT_CONTENT = frozenset(CLASS_OF) | frozenset(FUNCTION_WORDS)  # one set lookup per word
CLASS_NAMES = ("det", "pron", "prep", "conj", "aux", "wh", "neg", "adv", "ing", "ed", "plural", "cap", "num", "word")

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
PUNCTUATION = {
    "comma": ",", "semicolon": ";", "colon": ":", "question": "?", "exclamation": "!", "paren": "(",
    "dash": "—–", "hyphen": "-", "double_quote": "\"“”", "single_quote": "‘’'",
}
MIN_WORDS = 150


def word_class(token: str, initial: bool) -> str:
    low = token.lower()
    if low in CLASS_OF:
        return CLASS_OF[low]
    if token[0].isdigit():
        return "num"
    if token[0].isupper() and not initial:
        return "cap"
    if low.endswith("ly") and len(low) > 4:
        return "adv"
    if low.endswith("ing") and len(low) > 5:
        return "ing"
    if low.endswith("ed") and len(low) > 4:
        return "ed"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return "plural"
    return "word"


class _Classes(dict):
    """Word classes of tokens, each worked out on first sight."""

    def __init__(self, initial: bool):
        super().__init__()
        self.initial = initial

    def __missing__(self, token: str) -> str:
        c = self[token] = word_class(token, self.initial)
        return c


_WORD_KEYS = tuple((w, f"word:{w}") for w in FUNCTION_WORDS)
_PAIR_KEYS = tuple((f"classes:{a}>{b}", (a, b)) for a in CLASS_NAMES for b in CLASS_NAMES)


def _mattr(words: list[str], window: int = 50) -> float:
    """Moving-average type-token ratio: lexical diversity independent of length."""
    if len(words) <= window:
        return len(set(words)) / max(1, len(words))
    counts = dict(Counter(words[:window]))
    distinct = [len(counts)]
    get = counts.get
    for out, new in zip(words, words[window:]):
        left = counts[out] - 1
        if left:
            counts[out] = left
        else:
            del counts[out]
        counts[new] = get(new, 0) + 1
        distinct.append(len(counts))
    return sum(d / window for d in distinct) / len(distinct)


def prose(text: str) -> str:
    """The running prose of a text: paragraphs of at least eight words, three of them lower-case.

    Menus, headings, credits, datelines and tables are left out, so the
    profile describes the article's sentences and not the page around them.
    Hard-wrapped lines of a paragraph are joined.
    """
    kept = []
    for block in re.split(r"\n[ \t]*\n", text):
        words = _TOKEN.findall(block)
        if len(words) >= 8 and sum(map(str.islower, words)) >= 3:
            kept.append(" ".join(block.split()))
    return "\n\n".join(kept)


_NOT_ASCII_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_NOT_ASCII_CAPITALS = bytes(c for c in range(128) if not chr(c).isupper())


def _count_letters(text: str) -> int:
    """``sum(map(str.isalpha, text))``; for ASCII text, by deleting every other byte."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_ASCII_LETTERS))
    return sum(map(str.isalpha, text))


def _count_capitals(text: str) -> int:
    """``sum(map(str.isupper, text))``; for ASCII text, by deleting every other byte."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_ASCII_CAPITALS))
    return sum(map(str.isupper, text))


def features(text: str) -> tuple[dict[str, float], int]:
    """The profile of the text's running prose, and its number of words."""
    text = prose(text)
    sentences = [s for s in _SENTENCE.split(text) if _TOKEN.search(s)]
    tokens: list[str] = []
    classes: list[str] = []
    lengths = []
    initials = Counter()
    # a token's class, worked out once per text (a sentence's first word apart: it may be capitalised)
    first_class, inner_class = _Classes(True), _Classes(False)
    for s in sentences:
        toks = _TOKEN.findall(s)
        lengths.append(len(toks))
        if toks:
            initials[toks[0].lower()] += 1
            tokens.extend(toks)
            classes.append(first_class[toks[0]])
            classes.extend(map(inner_class.__getitem__, toks[1:]))
    n = len(tokens)
    if n == 0:
        return {}, 0
    lower = list(map(str.lower, tokens))
    counts = Counter(lower)
    f: dict[str, float] = {}
    for w, key in _WORD_KEYS:
        f[key] = 100.0 * counts[w] / n
    letters = _count_letters(text) or 1
    for name, chars in PUNCTUATION.items():
        f[f"punct:{name}"] = 100.0 * sum(text.count(c) for c in chars) / n
    f["punct:contraction"] = 100.0 * sum(1 for t in tokens if "'" in t or "’" in t) / n if ("'" in text or "’" in text) else 0.0
    ns = max(1, len(lengths))
    mean = sum(lengths) / ns
    f["sentence:mean_words"] = mean
    f["sentence:sd_words"] = math.sqrt(sum((x - mean) ** 2 for x in lengths) / ns)
    f["sentence:share_long"] = sum(1 for x in lengths if x >= 35) / ns
    f["sentence:share_short"] = sum(1 for x in lengths if x <= 8) / ns
    f["sentence:repeated_openings"] = sum(c for c in initials.values() if c > 1) / ns
    f["sentence:reporting_verbs"] = 100.0 * sum(counts[w] for w in ("said", "says", "told", "added", "noted")) / ns
    sizes = list(map(len, tokens))
    f["word:mean_letters"] = sum(sizes) / n
    f["word:long_share"] = sum(1 for x in sizes if x >= 10) / n
    f["lexical:mattr"] = _mattr(lower)
    content = [w for w in lower if w not in _NOT_CONTENT and not w[0].isdigit()]
    cc = Counter(content)
    f["lexical:hapax_share"] = sum(1 for c in cc.values() if c == 1) / max(1, len(cc))
    f["lexical:top_content_share"] = sum(c for _, c in cc.most_common(5)) / max(1, len(content))
    bigrams = Counter(zip(content, content[1:]))
    f["repetition:bigram"] = sum(c for c in bigrams.values() if c > 1) / max(1, len(content) - 1)
    f["letters:capital_share"] = _count_capitals(text) / letters
    cls = Counter(classes)
    for c in CLASS_NAMES:
        f[f"class:{c}"] = 100.0 * cls[c] / n
    pairs = Counter(zip(classes, classes[1:]))
    for key, pair in _PAIR_KEYS:
        f[key] = 100.0 * pairs[pair] / max(1, n - 1)
    return f, n


@dataclass
class Model:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    version: str = ""

    def explain(self, f: dict[str, float]) -> tuple[float, list[tuple[str, float, float]]]:
        """Probability and the contributions (name, value, log-odds) largest first."""
        parts = []
        z = self.bias
        for name, m, s, w in zip(self.names, self.mean, self.scale, self.weights):
            if not w:
                continue
            c = w * (f.get(name, 0.0) - m) / s
            z += c
            parts.append((name, f.get(name, 0.0), c))
        parts.sort(key=lambda p: (-p[2], p[0]))
        p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
        return p, parts


def load_model(data: dict) -> Model:
    table = data["features"]
    names = tuple(table)
    return Model(
        names=names,
        mean=tuple(float(table[n][0]) for n in names),
        scale=tuple(float(table[n][1]) or 1.0 for n in names),
        weights=tuple(float(table[n][2]) for n in names),
        bias=float(data["model"]["bias"]),
        threshold=float(data["model"]["threshold"]),
        version=str(data.get("meta", {}).get("version", "")),
    )


def describe(name: str) -> str:
    """A reader's name for a feature."""
    kind, _, key = name.partition(":")
    if kind == "word":
        return {"mean_letters": "word length", "long_share": "long words"}.get(key, f"'{key}' rate")
    if kind == "punct":
        return f"{key.replace('_', ' ')} rate"
    if kind == "class":
        return f"{key} words"
    if kind == "classes":
        a, b = key.split(">")
        return f"{a} before {b}"
    return f"{kind} {key.replace('_', ' ')}"
