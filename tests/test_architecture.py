"""Module size and function complexity of the package.

Every module of ``audit/`` stays under 400 lines and each of its functions at
cyclomatic complexity 15 or less (ruff's C901), so a newcomer can read one
step at a time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KEPT_SMALL = sorted(p for p in (ROOT / "audit").rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", KEPT_SMALL, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_module_under_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400


def _ruff() -> list[str] | None:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    return [found] if found else None


@pytest.mark.skipif(_ruff() is None, reason="ruff is not installed (it is in the test extra)")
def test_functions_at_complexity_15_or_less():
    run = subprocess.run(
        [*_ruff(), "check", "--no-cache", "--isolated", "--select", "C901", "--config", "lint.mccabe.max-complexity=15",
         "--output-format", "concise", *map(str, KEPT_SMALL)],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_public_names_still_import_from_the_old_places():
    from audit.copies import find_pairs, is_copy, minhash, shingles, similarity  # noqa: F401
    from audit.htmlpage import Block, HtmlPage, extract_metadata, find_article, parse_html, site_of, source_text_stream  # noqa: F401
    from audit.origin import infer, load_origin_data, report_fields  # noqa: F401


def test_kinds_ask_the_element_index_instead_of_tokenising_html():
    """A regular expression that reads a generic tag (``<(/?)([a-zA-Z]…``) belongs in audit/htmlpage/, not in a kind."""
    generic_tag = re.compile(r"""<(?:\(/\?\)|/\?)?\(?\[a-zA-Z\]""")
    offenders = [p.name for p in sorted((ROOT / "audit" / "kinds").glob("*.py")) if generic_tag.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_kind_module_has_its_own_test_file():
    """Each kind module (audit/kinds/*.py not starting with '_') is exercised by tests/test_kind_<module>.py."""
    modules = sorted(p.stem for p in (ROOT / "audit" / "kinds").glob("*.py") if not p.name.startswith("_"))
    assert modules, "no kind modules found"
    missing = [m for m in modules if not (ROOT / "tests" / f"test_kind_{m}.py").is_file()]
    assert missing == []
