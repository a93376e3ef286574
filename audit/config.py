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
                    if "provenance-audit" in tomllib.load(fh).get("tool", {}):
                        return project
            except (OSError, tomllib.TOMLDecodeError):
                pass
    return None


def load_config(path: Path) -> dict:
    from .catalogue import read_toml

    data = read_toml(path, ConfigError)
    if path.name == "pyproject.toml" or set(data) == {"tool"}:
        # pyproject.toml, or a .provenance-audit.toml written with the same table
        data = data.get("tool", {}).get("provenance-audit", {})
    config = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown setting '{key}' (known: {', '.join(sorted(KEYS))})")
        if not isinstance(value, KEYS[key]) or isinstance(value, bool):
            raise ConfigError(f"{path}: '{key}' has the wrong type")
        if key in PATH_KEYS:
            value = [str(path.parent / v) for v in value] if isinstance(value, list) else str(path.parent / value)
        config[key.replace("-", "_")] = value
    return config


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
