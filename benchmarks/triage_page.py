"""Triage page at scale (not a test): page size and load time in headless Chromium.

    python benchmarks/triage_page.py [--files 10000] [--size 5000] [--jobs 2]

Writes --files generated articles (the corpus of benchmarks/bench.py: a third
with traces, a sixth HTML), scans them with ``--format html``, then opens the
page in Debian's headless Chromium (through /usr/bin/chromedriver, as the
tests do) and reports: the page's size, the time from navigation to a usable
list (the page marks it), the time to open the worst file, and the time for
a search and a filter to redraw the list.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "tests"))

import _browser  # noqa: E402
from bench import write_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    reason = _browser.missing()
    if reason:
        sys.exit(f"cannot measure: {reason}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        os.mkdir(corpus)
        write_corpus(corpus, args.files, args.size)
        page = os.path.join(tmp, "page.html")
        start = time.perf_counter()
        with open(page, "wb") as fh:
            subprocess.run([sys.executable, "-m", "audit", "scan", "--no-output", "--format", "html", "--jobs", str(args.jobs), corpus],
                           stdout=fh, check=False)
        scan_s = time.perf_counter() - start
        size = os.path.getsize(page)
        driver, profile = _browser.start()
        try:
            start = time.perf_counter()
            driver.get("file://" + page)
            _browser.wait_ready(driver, timeout=300)
            wall = time.perf_counter() - start
            ready_ms = int(driver.execute_script("return document.body.dataset.readyMs"))
            rows = driver.execute_script("return document.querySelectorAll('#rows tr').length")
            t = driver.execute_script(
                "var t0 = performance.now(); document.querySelectorAll('#rows tr')[0].click(); return performance.now() - t0;")
            s = driver.execute_script(
                "var q = document.getElementById('search'); var t0 = performance.now(); q.value = 'kyiv';"
                "q.dispatchEvent(new Event('input')); return [performance.now() - t0, document.getElementById('count').textContent];")
            f = driver.execute_script(
                "document.getElementById('search').value = ''; var v = document.getElementById('f-verdict');"
                "var t0 = performance.now(); v.value = 'flagged';"
                "v.dispatchEvent(new Event('change')); return [performance.now() - t0, document.getElementById('count').textContent];")
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        finally:
            _browser.stop(driver, profile)
    print(f"files: {args.files} ({args.size} bytes each), scan with --format html --jobs {args.jobs}: {scan_s:.1f} s")
    print(f"page size: {size / 1e6:.1f} MB ({size} bytes)")
    print(f"load to a usable list: {ready_ms} ms in the page ({wall:.2f} s wall, headless Chromium); {rows} rows a page")
    print(f"open the worst file (text parsed on demand, findings marked): {t:.0f} ms")
    print(f"search 'kyiv': {s[0]:.0f} ms ({s[1]}); filter flagged: {f[0]:.0f} ms ({f[1]})")
    print(f"console errors: {len(errors)}")


if __name__ == "__main__":
    main()
