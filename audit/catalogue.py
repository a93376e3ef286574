"""The rule catalogue: rule files in ``rules/`` loaded, checked and compiled.

A rule is data plus a kind. Each ``rules/<family>/<id>.toml`` names its kind
(a key of :data:`audit.kinds.KINDS`), its parameters, the signal it gives
evidence for, its docs and its examples. Word lists live in
``rules/lists/<name>.txt``; weights live apart in ``rules/weights.toml``.

Loading the shipped catalogue runs a quick structural check that names the
file and the reason on failure. The full JSON Schema (``audit/schemas/
rule.schema.json``) is applied to user rule files as they load, and to the
shipped catalogue by the test suite, which keeps jsonschema off the fast path.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from .kinds import COMMON_PARAMS, KINDS, RETIRED_KINDS
from .matching import LiteralSet
from .wordlist import read_list, rules_dir  # noqa: F401  (rules_dir: imported from here across the package)

CATEGORIES = ("scraping", "machine_translation")
REQUIRED = ("id", "signal", "category", "kind", "summary", "why", "lookalikes", "message", "examples")
ALLOWED = set(REQUIRED) | {"params", "languages", "scope", "strength"}
# how much a rule's finding is worth before the data speaks: the prior mean of
# its weight in calibration (strong evidence can put a page in review alone,
# weak evidence only together with other signals)
# "info": reported for the editor but never scored: a finding that says
# nothing about which way a document leans (its weight stays 0)
STRENGTHS = ("info", "weak", "normal", "strong")
SCOPES = ("body", "title", "document")  # each one read by kinds/_scope.scope_of


class RuleError(ValueError):
    """A rule file is malformed; the message names the file and the reason."""


class Example(NamedTuple):
    """A text a rule must flag or pass, and the format it is audited as.

    ``url``: the address the text is published at; ``reference``: known
    originals ({url, text}) it is looked up in; ``corpus``: other documents
    ({url, text, date}) of the same run. Only rules that read a page's
    address or its copies need them.
    """

    text: str
    format: str = "text"
    url: str | None = None
    reference: tuple = ()
    corpus: tuple = ()
    date: str | None = None


def _examples(items, default_format: str, path: Path) -> tuple[Example, ...]:
    """Examples are strings in the rule's example format, or {text, format} tables."""
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(Example(item, default_format))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            out.append(Example(
                item["text"],
                item.get("format", default_format),
                item.get("url"),
                tuple(item.get("reference", ())),
                tuple(item.get("corpus", ())),
                item.get("date"),
            ))
        else:
            raise RuleError(f"{path}: an example is a string or a table with 'text' (and 'format')")
    return tuple(out)


@dataclass(frozen=True)
class Rule:
    id: str
    signal: str
    category: str
    kind: str
    summary: str
    why: str
    lookalikes: str
    message: str
    params: dict
    flag: tuple["Example", ...]
    passes: tuple["Example", ...]
    languages: tuple[str, ...] = ("en",)
    scope: str = "body"
    path: str = ""
    strength: str = "normal"

    def applies_to(self, language: str | None) -> bool:
        return "*" in self.languages or language is None or language in self.languages


@dataclass
class Catalogue:
    rules: list[Rule]
    directory: Path
    signals: dict[str, dict] = field(default_factory=dict)
    _compiled: dict = field(default_factory=dict, repr=False)
    _lists: dict = field(default_factory=dict, repr=False)
    # the required literals of every pattern rule, matched in one pass per text
    literal_set: LiteralSet = field(default_factory=LiteralSet, repr=False)

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def word_list(self, name: str) -> tuple[str, ...]:
        """Entries of ``rules/lists/<name>.txt``: one per line, '#' starts a comment."""
        if name not in self._lists:
            try:
                self._lists[name] = read_list(self.directory, name)
            except OSError as exc:
                path = self.directory / "lists" / f"{name}.txt"
                raise RuleError(f"{path}: word list '{name}' cannot be read ({exc.strerror})") from None
        return self._lists[name]

    def compiled(self, rule: Rule):
        """The kind's prepared form of a rule (patterns compiled, lists read), cached."""
        if rule.id not in self._compiled:
            self._compiled[rule.id] = KINDS[rule.kind].compile(rule, self)
        return self._compiled[rule.id]

    def select(self, select: list[str] | None = None, ignore: list[str] | None = None) -> "Catalogue":
        """A catalogue narrowed by id or id prefix (``mangled-quotes`` selects its variants)."""

        def matches(rule_id: str, prefixes: list[str]) -> bool:
            return any(rule_id == p or rule_id.startswith(p + ".") or (p.endswith("*") and rule_id.startswith(p[:-1])) for p in prefixes)

        rules = [r for r in self.rules if (not select or matches(r.id, select)) and not (ignore and matches(r.id, ignore))]
        narrowed = Catalogue(rules=rules, directory=self.directory, signals=self.signals)
        narrowed._compiled = self._compiled
        narrowed._lists = self._lists
        narrowed.literal_set = self.literal_set
        return narrowed


def _check_params(data: dict, path: Path) -> None:
    """Refuse params a rule's kind does not read (naming the closest known key) or of another type."""
    from .kinds._params import check

    wrong = check(data.get("params", {}), data["kind"], KINDS[data["kind"]], COMMON_PARAMS)
    if wrong:
        raise RuleError(f"{path}: {wrong}")


def _check_fields(data: dict, path: Path) -> None:
    """The keys every rule file has, and the types of its top-level fields."""
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise RuleError(f"{path}: missing {', '.join(missing)}")
    for key in ("id", "signal", "category", "kind", "summary", "why", "lookalikes", "message", "scope"):
        if key in data and not isinstance(data[key], str):
            raise RuleError(f"{path}: {key}: must be a string")
    if not isinstance(data.get("params", {}), dict):
        raise RuleError(f"{path}: params: must be a table")
    languages = data.get("languages", ["en"])
    if not isinstance(languages, list) or not languages or not all(isinstance(x, str) for x in languages):
        raise RuleError(f"{path}: languages: must be a list of language codes")
    unknown = sorted(set(data) - ALLOWED)
    if unknown:
        raise RuleError(f"{path}: unknown key(s) {', '.join(unknown)}")


def _check_kind(data: dict, path: Path) -> None:
    kind, check = data["kind"], data.get("params", {}).get("check")
    if kind in RETIRED_KINDS and f"{kind}-{check}" in KINDS:
        raise RuleError(f"{path}: kind '{kind}' with check '{check}' is now kind '{kind}-{check}' (and no params.check)")
    if kind not in KINDS:
        raise RuleError(f"{path}: unknown kind '{kind}' (known: {', '.join(sorted(KINDS))})")


def _check_rule(data: dict, path: Path, signals: dict) -> Rule:
    """Structural check of one rule file, as Vale's validateDefinition does."""
    _check_fields(data, path)
    from .checks import message_fields

    try:
        message_fields(data["message"])
    except ValueError as exc:
        raise RuleError(f"{path}: message: {exc}") from None
    if data["id"] != path.stem:
        raise RuleError(f"{path}: id '{data['id']}' must equal the file name '{path.stem}'")
    _check_kind(data, path)
    _check_params(data, path)
    if data["category"] not in CATEGORIES:
        raise RuleError(f"{path}: category must be one of {', '.join(CATEGORIES)}")
    if signals and data["signal"] not in signals:
        raise RuleError(f"{path}: signal '{data['signal']}' is not in rules/signals.toml")
    if not (data["id"] == data["signal"] or data["id"].startswith(data["signal"] + ".")):
        raise RuleError(f"{path}: id '{data['id']}' must be the signal slug or start with '{data['signal']}.'")
    examples = data["examples"]
    if not isinstance(examples, dict) or not examples.get("flag") or not examples.get("pass"):
        raise RuleError(f"{path}: examples need at least one 'flag' and one 'pass' entry")
    scope = data.get("scope", "body")
    if scope not in SCOPES:
        raise RuleError(f"{path}: scope must be one of {', '.join(SCOPES)}")
    strength = data.get("strength", "normal")
    if strength not in STRENGTHS:
        raise RuleError(f"{path}: strength must be one of {', '.join(STRENGTHS)}")
    return Rule(
        id=data["id"],
        signal=data["signal"],
        category=data["category"],
        kind=data["kind"],
        summary=data["summary"].strip(),
        why=data["why"].strip(),
        lookalikes=data["lookalikes"].strip(),
        message=data["message"].strip(),
        params=dict(data.get("params", {})),
        flag=_examples(examples["flag"], examples.get("format", "text"), path),
        passes=_examples(examples["pass"], examples.get("format", "text"), path),
        languages=tuple(data.get("languages", ["en"])),
        scope=scope,
        path=str(path),
        strength=strength,
    )


def rule_schema() -> dict:
    return json.loads((Path(__file__).parent / "schemas" / "rule.schema.json").read_text(encoding="utf-8"))


def validate_with_schema(data: dict, path: Path) -> None:
    """Full JSON Schema validation of one rule file's data."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(rule_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        raise RuleError(f"{path}: {where}: {err.message}")


def load_signals(directory: Path) -> dict[str, dict]:
    path = directory / "signals.toml"
    if not path.is_file():
        return {}
    with open(path, "rb") as fh:
        return tomllib.load(fh).get("signals", {})


def load_catalogue(directory: str | Path | None = None, extra: list[str | Path] | None = None) -> Catalogue:
    """Load the shipped catalogue (or ``directory``), plus user rule files or folders.

    User rules in ``extra`` are validated against the JSON Schema as they load.
    A catalogue that loaded once is read back from the cache (:mod:`audit.catcache`).
    """
    from .catcache import load

    return load(Path(directory) if directory else rules_dir(), list(extra or []), _load_catalogue)


def _load_catalogue(directory: Path, extra: list[str | Path]) -> Catalogue:
    signals = load_signals(directory)
    paths = sorted(p for p in directory.glob("*/*.toml") if p.parent.name != "lists")
    parsed = read_toml_files(paths)
    rules: list[Rule] = [_check_rule(data, path, signals) for data, path in zip(parsed, paths)]
    shipped = len(rules)
    for item in extra or []:
        item = Path(item)
        paths = sorted(item.rglob("*.toml")) if item.is_dir() else [item]
        for path in paths:
            rules.append(_load_rule_file(path, signals, schema=True))
    seen: dict[str, str] = {}
    for r in rules:
        if r.id in seen:
            raise RuleError(f"{r.path}: rule id '{r.id}' is already defined in {seen[r.id]}")
        seen[r.id] = r.path
    catalogue = Catalogue(rules=rules, directory=directory, signals=signals)
    for i, r in enumerate(rules):  # prepare now so a bad pattern fails at load, naming its file
        try:
            prepared = catalogue.compiled(r)
        except re.error as exc:
            raise RuleError(f"{r.path}: params.pattern: bad regular expression: {exc}") from None
        except RuleError:
            raise
        except RecursionError:
            raise RuleError(f"{r.path}: params: nested too deeply") from None
        except Exception as exc:  # a user rule file must never give a traceback
            raise RuleError(f"{r.path}: bad params: {exc}") from None
        if i >= shipped:
            check_user_rule(r, prepared)
    return catalogue


def check_user_rule(rule: Rule, prepared) -> None:
    """A user pattern must run in linear time: on RE2, or proven on adversarial strings.

    RE2 takes a pattern without look-around, back-references or ``\\b``;
    any other pattern is timed on long runs of the characters and literals it
    uses (:func:`audit.matching.probe`) and refused when it grows faster
    than the input or exceeds a budget.
    """
    from .matching import probe

    inner = getattr(prepared, "inner", None)  # a kind that wraps a pattern (listed-pattern)
    if inner is not None and isinstance(inner, tuple) and len(inner) == 2:
        prepared = inner[1]
    matcher = getattr(prepared, "regex", None)
    if matcher is None or getattr(matcher, "engine", "re2") == "re2":
        return
    problem = probe(matcher.pattern, matcher.flags)
    if problem:
        raise RuleError(
            f"{rule.path}: params.pattern: refused: RE2 cannot take it ({matcher.why_not_re2}) "
            f"and it takes super-linear time on adversarial input ({problem})"
        )


def read_toml(path: Path, error: type[Exception] | None = None) -> dict:
    """One TOML file; a failure raises ``error`` (RuleError by default) naming the file."""
    error = error or RuleError
    try:
        if os.path.exists(path) and not os.path.isfile(path):  # a FIFO would block for good
            raise error(f"{path}: cannot be read (not a regular file)")
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise error(f"{path}: not valid TOML: not UTF-8 text") from None
    except RecursionError:
        raise error(f"{path}: not valid TOML: nested too deeply") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _load_rule_file(path: Path, signals: dict, schema: bool) -> Rule:
    data = read_toml(path)
    if schema:
        validate_with_schema(data, path)
    return _check_rule(data, path, signals)


def read_toml_files(paths: list[Path]) -> list[dict]:
    """The parsed TOML of ``paths``, from a cache keyed on their names, sizes and times.

    Parsing a hundred small TOML files costs tens of milliseconds, which a
    pre-commit run should not pay each time; the JSON cache loads in one or two.
    Any problem with the cache falls back to parsing.
    """
    from .cache import cache_dir  # PROVENANCE_AUDIT_CACHE=off disables it

    directory = cache_dir()
    key = hashlib.sha256()
    for path in paths:
        st = path.stat()
        key.update(f"{path}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    cached = directory / f"rules-{key.hexdigest()[:32]}.json" if directory else None
    if cached is not None:
        try:
            with open(cached, encoding="utf-8") as fh:
                data = json.load(fh)
            if isinstance(data, list) and len(data) == len(paths):
                return data
        except (OSError, ValueError):
            pass
    parsed = [read_toml(p) for p in paths]
    if cached is not None:
        import tempfile

        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=".rules-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(parsed, fh)
            os.replace(tmp, cached)
        except (OSError, TypeError, ValueError):
            pass
    return parsed
