"""Typed rule params: what a kind declares it reads, and the check made at load.

A kind declares ``PARAMS`` as a small schema, ``{name: type}``, where a type
is ``str``, ``int``, ``float`` (any number), ``bool``, ``list[T]`` or a union
such as ``int | str``. The catalogue refuses a rule file whose params hold a
key the kind does not declare, or a value of another type, naming the file.

A kind may still declare the names alone (``PARAMS = frozenset({...})``):
its keys are then checked and their values are not.
"""

from __future__ import annotations

import types
import typing

_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false", dict: "a table"}


def declared(kind) -> dict | None:
    """A kind's params as ``{name: type or None}`` (None: untyped); None when it declares nothing."""
    params = getattr(kind, "PARAMS", None)
    if params is None:
        return None
    if isinstance(params, dict):
        return dict(params)
    return dict.fromkeys(params)  # names only


def conforms(value, spec) -> bool:
    """Does a TOML value have the declared type?"""
    if spec is None:
        return True
    if isinstance(spec, types.UnionType):
        return any(conforms(value, s) for s in spec.__args__)
    if typing.get_origin(spec) is list:
        (item,) = typing.get_args(spec)
        return isinstance(value, list) and all(conforms(v, item) for v in value)
    if spec in (int, float) and isinstance(value, bool):
        return False
    if spec is float:
        return isinstance(value, (int, float))
    return isinstance(value, spec)


def describe(spec) -> str:
    """A declared type in words: 'a list of strings', 'an integer or a string'."""
    if isinstance(spec, types.UnionType):
        return " or ".join(describe(s) for s in spec.__args__)
    if typing.get_origin(spec) is list:
        (item,) = typing.get_args(spec)
        return "a list of " + _plural(describe(item))
    return _NAMES.get(spec, getattr(spec, "__name__", str(spec)))


def _plural(words: str) -> str:
    """'a string' -> 'strings', 'a list of strings' -> 'lists of strings', 'true or false' unchanged."""
    if words.startswith(("a ", "an ")):
        head, _, rest = words.split(" ", 1)[1].partition(" of ")
        return head + "s" + (" of " + rest if rest else "")
    return words


def kind_of_value(value) -> str:
    """What a TOML value is, in the words of :func:`describe`."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    for t in (int, float, str, dict):
        if isinstance(value, t):
            return _NAMES[t]
    return type(value).__name__


def problem(value, spec) -> str | None:
    """Why ``value`` does not fit ``spec``, or None when it does."""
    if conforms(value, spec):
        return None
    if isinstance(value, list) and typing.get_origin(spec) is list:
        (item,) = typing.get_args(spec)
        bad = next(v for v in value if not conforms(v, item))
        return f"must be {describe(spec)}, but an item is {kind_of_value(bad)}"
    return f"must be {describe(spec)}, not {kind_of_value(value)}"


def check(params: dict, kind_name: str, kind, common: dict) -> str | None:
    """The first problem with a rule's params ('params.KEY: …'), or None when the kind reads them all as given.

    ``common`` are the params read outside the kinds (``prior_weight``).
    """
    import difflib

    known = declared(kind)
    if known is None:
        return None
    allowed = {**common, **known}
    for key in sorted(params):
        if key not in allowed:
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (kind '{kind_name}' reads: {', '.join(sorted(known)) or 'none'})"
            return f"params.{key}: unknown parameter for kind '{kind_name}'{hint}"
        wrong = problem(params[key], allowed[key])
        if wrong:
            return f"params.{key}: {wrong}"
    return None


def is_schema(params) -> bool:
    """A well-formed declaration: a frozenset of names, or a dict of names to types."""
    if isinstance(params, frozenset):
        return all(isinstance(k, str) for k in params)
    return isinstance(params, dict) and all(isinstance(k, str) and _is_type(v) for k, v in params.items())


def _is_type(spec) -> bool:
    if isinstance(spec, types.UnionType):
        return all(_is_type(s) for s in spec.__args__)
    if typing.get_origin(spec) is list:
        return _is_type(typing.get_args(spec)[0])
    return spec in _NAMES
