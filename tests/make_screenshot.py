"""Make docs/triage.png: the triage page on examples/corpus, in the browser the tests use.

    python tests/make_screenshot.py [--out docs/triage.png]

Opens the page in headless Chromium (Debian's chromium and chromium-driver,
see _browser.py), opens the worst file and steps to its third finding, and
saves the window.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _browser  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "docs" / "triage.png"))
    args = ap.parse_args()
    reason = _browser.missing()
    if reason:
        sys.exit(f"cannot make the screenshot: {reason}")
    from audit.cli import main as cli

    os.chdir(ROOT)  # paths on the page read examples/corpus/…
    page = io.StringIO()
    with contextlib.redirect_stdout(page):
        cli(["scan", "--no-output", "--format", "html", "examples/corpus"])
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "triage.html"
        target.write_text(page.getvalue(), encoding="utf-8")
        driver, profile = _browser.start(window=(1400, 860))
        try:
            driver.get(target.as_uri())
            _browser.wait_ready(driver)
            for _ in range(3):
                driver.find_element("id", "next-finding").click()
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(args.out)
        finally:
            _browser.stop(driver, profile)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
