"""Start-up: --version, --help and a plain-text scan load only what they need."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nloaded = sorted(sys.modules)\nimport json\nprint(json.dumps(loaded), file=sys.stderr)"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    return set(json.loads(proc.stderr.strip().splitlines()[-1])), proc.stdout


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_load_no_engine(flag):
    mods, out = _modules_after(f"from audit.cli import main\ntry:\n    main([{flag!r}])\nexcept SystemExit:\n    pass")
    assert "provenance-audit" in out
    assert not {"audit.catalogue", "audit.pipeline", "audit.kinds", "bs4", "numpy", "textstat", "langdetect", "json"} & mods


def test_a_text_scan_loads_neither_html_nor_language_nor_numpy(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Harbour board approves new ferry timetable\n\nThe board said on Monday that the winter timetable would start soon.\n", encoding="utf-8")
    mods, _ = _modules_after(f"from audit.cli import main\nmain(['scan', '--no-output', '--no-cache', {str(path)!r}])")
    assert "audit.pipeline" in mods
    assert not {"bs4", "lxml", "numpy", "textstat", "langdetect", "multiprocessing"} & mods
    mods, _ = _modules_after(f"from audit.cli import main\nmain(['scan', '--no-output', '--no-cache', '--format', 'json', {str(path)!r}])")
    assert "textstat" in mods and "bs4" not in mods  # JSON shows readability


def test_the_version_is_written_in_one_place():
    """pyproject reads it from the package; reports and --version give the same."""
    import tomllib
    from importlib.metadata import version
    from pathlib import Path

    from audit import __version__
    from audit.report import TOOL

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert TOOL["version"] == __version__ == version("provenance-audit")
