"""Kind ``translationese``: the learned document-level profile of translated text.

A small logistic model (:mod:`audit.translationese`, weights in
``rules/<model>``) scores the profile of the document's running prose:
function-word and punctuation rates, sentence lengths, lexical diversity,
repetition and word-class sequences. When its probability reaches the
model's threshold the rule reports one finding, at the first paragraph of
prose, naming the features that moved the model most.

params:
  model      the model file in rules/ (default "translationese.toml")
  threshold  overrides the model file's threshold
  explain    how many features the message names (default 3)
The message template gets {probability} and {features}.
"""

from __future__ import annotations

import re

from ..findings import Hit
from ..translationese import MIN_WORDS, describe, features, load_model

_PROSE_LINE = re.compile(r"[^\n]*[a-z][^\n]*")


class Prepared:
    __slots__ = ("model", "threshold", "explain")

    def __init__(self, model, threshold, explain):
        self.model = model
        self.threshold = threshold
        self.explain = explain


def compile(rule, catalogue):
    from ..catalogue import read_toml  # the catalogue imports the kinds

    params = rule.params
    model = load_model(read_toml(catalogue.directory / params.get("model", "translationese.toml")))
    threshold = float(params.get("threshold", model.threshold))
    return Prepared(model, threshold, int(params.get("explain", 3)))


def _anchor(text: str) -> tuple[int, int]:
    """The first line of running prose (eight words or more), else the first line."""
    for m in _PROSE_LINE.finditer(text):
        if len(m.group().split()) >= 8:
            return m.start() + (len(m.group()) - len(m.group().lstrip())), m.end()
    first = text.find("\n")
    return 0, len(text) if first == -1 else first


def run(rule, prep, doc):
    f, n = features(doc.text)
    if n < MIN_WORDS:
        return
    p, parts = prep.model.explain(f)
    if p < prep.threshold:
        return
    named = ", ".join(f"{describe(name)} {value:.3g} ({c:+.2f})" for name, value, c in parts[: prep.explain] if c > 0)
    start, end = _anchor(doc.text)
    yield Hit(start, end, fields=(("probability", f"{p:.2f}"), ("features", named or "many small differences")))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"explain": int, "model": str, "threshold": float}
