"""Project configuration: ``.provenance-audit.toml`` or ``[tool.provenance-audit]``
in ``pyproject.toml``, found in the current directory or the nearest parent.

Command-line options win over the file. Paths in the file are relative to it.

    [tool.provenance-audit]
    select = ["mangled-quotes", "kyiv-casing"]   # ids or prefixes
    ignore = ["read-also-block"]
    fail-above = 60
    exclude = ["drafts/*"]
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

KEYS = {
    "select": list,
    "ignore": list,
    "rules": list,
    "weights": str,
    "fail-above": (int, float),
    "include": list,
    "exclude": list,
    "max-bytes": int,
    "site": list,
    "baseline": str,
    "time-budget": (int, float),
}
#: what each key holds, for the error message
EXPECTED = {
    list: "a list of strings",
    str: "a string",
    (int, float): "a number",
    int: "a whole number",
}
RANGES = {  # inclusive bounds of numeric settings
    "fail-above": (-1e300, 1e300),
    "max-bytes": (0, 1 << 40),
    "time-budget": (0.0, 86400.0),
}
PATH_KEYS = {"rules", "weights", "baseline"}


class ConfigError(ValueError):
    pass


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        own = directory / ".provenance-audit.toml"
        if own.is_file():
            return own
        project = directory / "pyproject.toml"
        if project.is_file():
            try:
                with open(project, "rb") as fh:
                    tool = tomllib.load(fh).get("tool", {})
                    if isinstance(tool, dict) and "provenance-audit" in tool:
                        return project
            except (OSError, ValueError):
                pass
    return None


def load_config(path: Path) -> dict:
    from .catalogue import read_toml

    data = read_toml(path, ConfigError)
    if path.name == "pyproject.toml" or set(data) == {"tool"}:
        # pyproject.toml, or a .provenance-audit.toml written with the same table
        tool = data.get("tool", {})
        data = tool.get("provenance-audit", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: 'tool.provenance-audit' must be a table")
    config = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown setting '{key}' (known: {', '.join(sorted(KEYS))})")
        expected = KEYS[key]
        if not isinstance(value, expected) or isinstance(value, bool) or (
            expected is list and not all(isinstance(v, str) for v in value)
        ):
            raise ConfigError(f"{path}: '{key}' must be {EXPECTED[expected]}, not {_shown(value)}")
        if key in RANGES:
            low, high = RANGES[key]
            if isinstance(value, float) and not math.isfinite(value):
                raise ConfigError(f"{path}: '{key}' must be a finite number, not {value}")
            if not low <= value <= high:
                raise ConfigError(f"{path}: '{key}' must be from {low:g} to {high:g}, not {value:g}")
        if key in PATH_KEYS:
            value = [str(path.parent / v) for v in value] if isinstance(value, list) else str(path.parent / value)
        config[key.replace("-", "_")] = value
    return config


def _shown(value) -> str:
    if isinstance(value, list):
        bad = next((v for v in value if not isinstance(v, str)), None)
        return f"a list holding {type(bad).__name__} {bad!r}"[:80]
    return f"{type(value).__name__} {value!r}"[:80]


def apply_config(args, config: dict) -> None:
    """Fill options the command line left unset from the configuration."""
    for key, value in config.items():
        if not hasattr(args, key):
            continue
        current = getattr(args, key)
        if current in (None, [], ""):
            if key in {"select", "ignore"}:
                value = ",".join(value)
            setattr(args, key, value)
