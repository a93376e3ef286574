"""Each pathological input shape at 1 MB: seconds to audit it.

    python benchmarks/hostile.py [--size BYTES] [--only NAME] [--budget SECONDS]

The shapes are the reproducers of the hostile-input tests (tests/test_hostile_*.py),
grown to the given size (default 1,000,000 bytes). Each line prints the shape,
its format, the seconds taken, and the report's error if any (a shape still
over the time budget says which stage ran out of time). Wall seconds and cpu
seconds are both printed: on a shared machine the cpu figure is the steadier.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audit import Auditor, language, load_catalogue  # noqa: E402


def grow(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def shapes(size: int):
    yield "timestamp line with many digits", "text", grow("Posted 12:34 " + "1" * 26 + "x\n", size)
    yield "long word", "text", grow("A", size, tail=". next")
    yield "long word, lower case", "text", grow("x", size)
    yield "blank lines", "text", grow("\n", size, head="A title\n", tail="The end.\n")
    yield "whitespace run", "text", grow(" ", size, head="A title\n", tail="x")
    yield "tab run after a label", "text", grow("\t", size, head="Read more", tail="x")
    yield "guillemets", "text", grow("« a » ", size)
    yield "breadcrumb lines", "text", grow("Home » World » Europe\n", size)
    yield "doubled words", "text", grow("the the ", size)
    yield "Kiev and kyiv", "text", grow("Kiev kyiv ", size)
    yield "suppression directives", "markdown", grow("<!-- provenance-audit: ignore kyiv-casing -- a reason -->\n", size)
    yield "code fences", "markdown", grow("```\nkyiv\n", size)
    yield "'<a' without '>'", "html", grow("<a ", size, head="<html><body><p>")
    yield "'<meta' without '>'", "html", grow("<meta ", size, head="<html><head>")
    yield "unclosed <style>", "html", grow("a{b:c} ", size, head="<html><head><style>")
    yield "large JSON-LD", "html", grow('{"@type": "NewsArticle", "name": "x"}, ', size,
                                        head='<html><head><script type="application/ld+json">[', tail="{}]</script></head></html>")
    yield "furniture matches", "html", grow("<nav>Home » World » Europe</nav><p>Posted 12:34 today</p>\n", size,
                                            head="<html><body>")
    yield "numeric entity digits", "html", grow("1", size, head="<p>&#", tail=";</p>")
    yield "entities", "html", grow("&amp;&#233;&#x1F30A;", size, head="<p>")
    yield "UTF-16 text", "utf16", grow("The harbour wall was repaired. ", size // 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--only", help="run the shapes whose name contains this")
    ap.add_argument("--budget", type=float, default=120.0, help="time budget per document (default 120 s)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        rule = Path(tmp) / "spinner-residue.nested.toml"
        rule.write_text(
            'id = "spinner-residue.nested"\nsignal = "spinner-residue"\ncategory = "scraping"\nkind = "pattern"\n'
            'summary = "A nested repeat, as a user might write one."\nwhy = "Only here to be timed."\n'
            'lookalikes = "None; this rule exists for the benchmark."\nmessage = "It matched {match}."\n'
            "[params]\npattern = '(a+)+$'\n[examples]\nflag = [\"aaa\"]\npass = [\"bbb\"]\n",
            encoding="utf-8",
        )
        catalogue = load_catalogue(extra=[rule])
    auditor = Auditor(catalogue, time_budget=args.budget)
    auditor.audit_text("Warm up: the harbour wall.\n")
    # A longer text loads what is loaded once per process (language profiles, readability), so the
    # first shape is not charged for it.
    auditor.audit_text("The harbour wall was repaired on Monday, the council said after a long meeting.\n\n" * 20)
    language._detect("The harbour wall was repaired on Monday.")  # the language profiles, loaded on first use
    auditor.audit_text("<html><body><p>Warm up.</p></body></html>", fmt="html", path="w.html")
    cases = list(shapes(args.size))
    cases.append(("user rule (a+)+$", "text", "a" * args.size + "!"))
    worst = 0.0
    print(f"{'shape':<34} {'format':<9} {'MB':>5} {'seconds':>8} {'cpu s':>6}  error")
    for name, fmt, text in cases:
        if args.only and args.only not in name:
            continue
        if fmt == "utf16":
            data = b"\xff\xfe" + text.encode("utf-16-le")
            fmt = None
        else:
            data = text.encode("utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        report = auditor.audit_bytes(f"shape.{'html' if fmt == 'html' else 'md' if fmt == 'markdown' else 'txt'}", data, fmt=fmt)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        worst = max(worst, cpu)
        print(f"{name:<34} {fmt or 'utf-16':<9} {len(data) / 1e6:5.2f} {seconds:8.2f} {cpu:6.2f}  {report['error'] or ''}", flush=True)
    print(f"worst: {worst:.2f} s of cpu")


if __name__ == "__main__":
    main()
