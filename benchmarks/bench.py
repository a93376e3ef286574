"""Speed and memory benchmark (not a test): single-file latency and throughput.

    python benchmarks/bench.py [--files 400] [--size 5000] [--repeat 10]

It writes a corpus of generated articles (about --size bytes each; a third of
them carry scraping and translation traces, a sixth are HTML pages) to a
temporary folder and measures:

- the interpreter's bare start-up, the floor of any command-line run;
- single-file latency: `provenance-audit scan --no-output --quiet FILE` as a
  pre-commit hook runs it, median of --repeat runs, for an honest text file,
  a scraped one and an HTML page;
- throughput: files per second of one `scan` over the whole corpus, and of the
  library (Auditor) in-process after warm-up;
- peak memory (maximum resident set size) of the corpus scan.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HONEST_SENTENCES = [
    "The council met on Tuesday to discuss the budget for the coming year.",
    "Residents raised concerns about parking near the new health centre.",
    "The mayor said the plans would be published for consultation next month.",
    "Work on the bridge is expected to finish before the summer holidays.",
    "A spokesperson for the trust said the figures were broadly in line with forecasts.",
    "Local businesses welcomed the decision, which had been delayed twice.",
    "Volunteers have planted more than two thousand trees along the river path.",
    "The school will open a new science block in September, the head teacher said.",
]
TRACES = [
    "Spread the love",
    "Posted at 7:05 a.m. Updated at 6:41 p.m.",
    "The assistance provided to kyiv has grown, the minister said.",
    "« We must not give up,” declared M. Laurent during the briefing.",
    "The programme was funded thanks to to a European grant.",
    "Some 3,5 million euros were released for the president Russian visit.",
    "READ ALSO: What the new budget means for farmers",
]
BIO = (
    "Jo Reyes\n\nBy Jo Reyes\n\nJo Reyes has been a reporter for the city desk since 2013. Before joining Dailyfeed , "
    "Jo wrote features for Newsday and The Wall Street Journal and edited a sports column for GQ. "
    "To get in touch, contact me through my jo@inkwell-hub.com 1-800-413-9027"
)


def article(rng: random.Random, size: int, scraped: bool) -> str:
    title = "Council approves new plans for the harbour district"
    parts = [title, ""]
    while sum(len(p) for p in parts) < size:
        para = " ".join(rng.choice(HONEST_SENTENCES) for _ in range(rng.randint(2, 4)))
        if scraped and rng.random() < 0.25:
            para = rng.choice(TRACES) + "\n\n" + para
        parts += [para, ""]
    if scraped:
        parts += [title, "", BIO]
    return "\n".join(parts) + "\n"


def html_page(body_text: str) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in body_text.split("\n\n") if p.strip())
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Council approves new plans | Harbour News</title>"
        "<link rel='canonical' href='https://harbour.example/news/plans'></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Council approves new plans</h1>{paras}</article><footer>Contact us</footer></body></html>\n"
    )


def write_corpus(directory: str, n: int, size: int) -> list[str]:
    rng = random.Random(7)
    paths = []
    for i in range(n):
        scraped = i % 3 == 0
        text = article(rng, size, scraped)
        if i % 6 == 5:
            path = os.path.join(directory, f"doc{i:04d}.html")
            text = html_page(text)
        else:
            path = os.path.join(directory, f"doc{i:04d}.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        paths.append(path)
    return paths


def timed(cmd: list[str], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=400)
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    cli = [sys.executable, "-m", "audit"]
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(tmp, args.files, args.size)
        scraped_file = paths[0]  # every third file carries traces (a phone number loads phonenumbers)
        text_file = paths[1]
        html_file = next(p for p in paths if p.endswith(".html"))
        figures = {
            "files": args.files,
            "bytes_per_file": args.size,
            "python_startup_ms": round(1000 * timed([sys.executable, "-c", "pass"], args.repeat), 1),
            "single_text_file_ms": round(1000 * timed(cli + ["scan", "--no-output", "--quiet", text_file], args.repeat), 1),
            "single_scraped_file_ms": round(1000 * timed(cli + ["scan", "--no-output", "--quiet", scraped_file], args.repeat), 1),
            "single_html_file_ms": round(1000 * timed(cli + ["scan", "--no-output", "--quiet", html_file], args.repeat), 1),
            "five_text_files_ms": round(1000 * timed(cli + ["scan", "--no-output", "--quiet", *[p for p in paths if p.endswith(".txt")][:5]], args.repeat), 1),
        }
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c",
             "import resource, sys; from audit.cli import main; code = main(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); raise SystemExit(code)",
             "scan", "--no-output", "--format", "jsonl", tmp],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
        )
        elapsed = time.perf_counter() - start
        figures["corpus_scan_files_per_s"] = round(args.files / elapsed, 1)
        figures["corpus_scan_peak_rss_mb"] = round(int(proc.stderr.strip().splitlines()[-1]) / 1024, 1)

        from audit import Auditor

        auditor = Auditor()
        for p in paths[:10]:
            auditor.audit_path(p)  # warm the lazy imports
        start = time.perf_counter()
        for p in paths:
            auditor.audit_path(p)
        figures["library_files_per_s"] = round(args.files / (time.perf_counter() - start), 1)
        figures["library_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    print_figures(figures, args.json)
    return 0


def print_figures(figures: dict, as_json: bool, width: int = 28) -> None:
    """A benchmark's figures, as JSON or one aligned line each."""
    if as_json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:<{width}} {value}")


if __name__ == "__main__":
    raise SystemExit(main())
