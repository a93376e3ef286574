"""The scoreboard: provenance-audit against its peers and its own floor, in ratios.

    python benchmarks/score.py [--rounds 3] [--files 1000] [--memory-files 10000] [--json]

Every command runs with compiled bytecode (in a temporary
``PYTHONPYCACHEPREFIX``), as an installed package has it. Everything runs
in this process tree, interleaved round by round (each
round runs every measurement once, in the same order), so a machine shared
with other work slows all of them alike; figures are medians over rounds and
the ratios are what to quote. Measured:

- 1,000 generated documents (bench.py's corpus: articles of about 5 kB, a
  third with scraping and translation traces, a sixth HTML): provenance-audit
  ``scan`` against ``proselint check`` on the same files, in CPU seconds of the
  whole process tree (proselint must be installed: ``pip install proselint``;
  it is not a project dependency, and is skipped when absent);
- the pre-commit case, 5 files (two .txt, a .md, two .html): wall time
  against a bare interpreter (``python -c pass``) and against proselint,
  with every cache off, and warm (``hook5_warm``: the catalogue and compiled
  expressions cached by an earlier run, as a hook finds them day to day;
  ``--no-cache``, so no report comes from the cache), and seen
  (``hook5_seen``: the same files hooked before, their reports in the report
  cache, as an amended commit, a rebase or a re-run after a fix finds them);
- start-up: ``provenance-audit --version`` against a bare interpreter;
- ``--jobs 1`` against ``--jobs 2`` on the 1,000 documents (wall);
- cold against cached: the same scan with an empty report cache and again;
- peak memory (maximum resident set) of a scan that writes reports, at 1,000
  and at --memory-files files (small documents, so the large run is quick);
- time per MB of one file of 0.1, 1 and 4 MB, audited in one process after
  a warm-up.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import article, print_figures, write_corpus  # noqa: E402

PY = sys.executable
BIN = os.path.dirname(PY)


def cli() -> list[str]:
    """The installed console script (what a hook runs), else ``python -m audit``."""
    script = os.path.join(BIN, "provenance-audit")
    return [script] if os.path.exists(script) else [PY, "-m", "audit"]


def proselint() -> list[str] | None:
    script = os.path.join(BIN, "proselint")
    return [script] if os.path.exists(script) else ([shutil.which("proselint")] if shutil.which("proselint") else None)


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and the children it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_rss_mb(args: list[str], env: dict) -> float:
    code = ("import resource, sys; from audit.cli import main; main(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    proc = subprocess.run([PY, "-c", code, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, check=False)
    return int(proc.stderr.strip().splitlines()[-1]) / 1024


def small_corpus(directory: str, n: int) -> None:
    rng = random.Random(11)
    for i in range(n):
        with open(os.path.join(directory, f"m{i:05d}.txt"), "w", encoding="utf-8") as fh:
            fh.write(article(rng, 1000, scraped=i % 3 == 0))


PER_MB = r"""
import json, random, sys, time
sys.path.insert(0, sys.argv[1])
from bench import article
from audit import Auditor
auditor = Auditor()
rng = random.Random(5)
out = {}
auditor.audit_text(article(rng, 20000, True))  # warm-up: lazy imports, caches
for mb in (0.1, 1.0, 4.0):
    parts, size = [], 0
    while size < mb * 1_000_000:
        a = article(rng, 5000, len(parts) % 3 == 0)
        parts.append(a)
        size += len(a.encode())
    text = "\n".join(parts)[: int(mb * 1_000_000)]
    start = time.process_time()
    auditor.audit_text(text)
    out[str(mb)] = (time.process_time() - start) / (len(text.encode()) / 1_000_000)
print(json.dumps(out))
"""


def main() -> int:  # noqa: PLR0915 - a script: one measurement after another
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--memory-files", type=int, default=10000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    pa, lint = cli(), proselint()
    base_env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        # compiled bytecode, as an installed package has it (pip compiles on install), kept out of the tree
        base_env.pop("PYTHONDONTWRITEBYTECODE", None)
        base_env["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
        corpus = os.path.join(tmp, "corpus")
        os.mkdir(corpus)
        paths = write_corpus(corpus, args.files, 5000)
        hook_dir = os.path.join(tmp, "hook")
        os.mkdir(hook_dir)
        txt = [p for p in paths if p.endswith(".txt")]
        html = [p for p in paths if p.endswith(".html")]
        hook = []
        for src, name in ((txt[0], "a.txt"), (txt[1], "b.txt"), (txt[2], "c.md"), (html[0], "d.html"), (html[1], "e.html")):
            shutil.copy(src, os.path.join(hook_dir, name))
            hook.append(os.path.join(hook_dir, name))
        cache = os.path.join(tmp, "cache")
        off = dict(base_env, PROVENANCE_AUDIT_CACHE="off")
        cached = dict(base_env, PROVENANCE_AUDIT_CACHE=cache)
        scan = pa + ["scan", "--no-output", "--format", "jsonl"]
        # a hook as it runs day to day: the catalogue and compiled expressions cached by an earlier
        # run, the files themselves new (--no-cache: no report is read from the cache)
        warm = dict(base_env, PROVENANCE_AUDIT_CACHE=os.path.join(tmp, "warm"))
        hook_cmd = pa + ["scan", "--no-output", "--quiet", "--no-cache", *hook]
        # the same files hooked before: their reports in the report cache
        seen = dict(base_env, PROVENANCE_AUDIT_CACHE=os.path.join(tmp, "seen"))
        seen_cmd = pa + ["scan", "--no-output", "--quiet", *hook]
        for _ in range(2):  # the warm cache, and the bytecode of what the short runs import
            run(hook_cmd, warm)
            run(seen_cmd, seen)
            run([PY, "-c", "pass"], off)
            if lint:
                run(lint + ["check", *hook], off)

        samples: dict[str, list[float]] = {}

        def note(name: str, value: float) -> None:
            samples.setdefault(name, []).append(value)

        for r in range(args.rounds):
            print(f"round {r + 1}/{args.rounds}", file=sys.stderr)
            wall, _ = run([PY, "-c", "pass"], off)
            note("bare_python_wall", wall)
            wall, _ = run(pa + ["--version"], off)
            note("version_wall", wall)
            wall, _ = run(pa + ["scan", "--no-output", "--quiet", *hook], off)
            note("hook5_wall", wall)
            wall, _ = run(hook_cmd, warm)
            note("hook5_warm_wall", wall)
            wall, _ = run(seen_cmd, seen)
            note("hook5_seen_wall", wall)
            if lint:
                wall, _ = run(lint + ["check", *hook], off)
                note("proselint_hook5_wall", wall)
            wall, cpu = run(scan + ["--jobs", "1", corpus], off)
            note("scan_cpu", cpu)
            note("jobs1_wall", wall)
            if lint:
                _, cpu = run(lint + ["check", *paths], off)
                note("proselint_cpu", cpu)
            wall, _ = run(scan + ["--jobs", "2", corpus], off)
            note("jobs2_wall", wall)
            shutil.rmtree(cache, ignore_errors=True)
            wall, _ = run(scan + [corpus], cached)
            note("cold_wall", wall)
            wall, _ = run(scan + [corpus], cached)
            note("cached_wall", wall)

        medians = {k: statistics.median(v) for k, v in samples.items()}
        mem_small = os.path.join(tmp, "mem-small")
        mem_large = os.path.join(tmp, "mem-large")
        for d, n in ((mem_small, min(1000, args.memory_files)), (mem_large, args.memory_files)):
            os.mkdir(d)
            small_corpus(d, n)
        print("memory", file=sys.stderr)
        rss_small = peak_rss_mb(["scan", "--format", "jsonl", "--output", os.path.join(tmp, "r1"), mem_small], off)
        rss_large = peak_rss_mb(["scan", "--format", "jsonl", "--output", os.path.join(tmp, "r2"), mem_large], off)
        print("time per MB", file=sys.stderr)
        per_mb = json.loads(subprocess.run([PY, "-c", PER_MB, os.path.dirname(os.path.abspath(__file__))], capture_output=True,
                                           text=True, env=off, check=True).stdout)

    m = medians
    figures = {
        "rounds": args.rounds,
        "files": args.files,
        "scan_cpu_s": round(m["scan_cpu"], 2),
        "proselint_cpu_s": round(m["proselint_cpu"], 2) if lint else None,
        "throughput_vs_proselint": round(m["proselint_cpu"] / m["scan_cpu"], 2) if lint else None,
        "bare_python_ms": round(1000 * m["bare_python_wall"], 1),
        "version_ms": round(1000 * m["version_wall"], 1),
        "version_vs_bare": round(m["version_wall"] / m["bare_python_wall"], 2),
        "hook5_ms": round(1000 * m["hook5_wall"], 1),
        "hook5_vs_bare": round(m["hook5_wall"] / m["bare_python_wall"], 2),
        "hook5_vs_proselint": round(m["hook5_wall"] / m["proselint_hook5_wall"], 2) if lint else None,
        "hook5_warm_ms": round(1000 * m["hook5_warm_wall"], 1),
        "hook5_warm_vs_bare": round(m["hook5_warm_wall"] / m["bare_python_wall"], 2),
        "hook5_seen_ms": round(1000 * m["hook5_seen_wall"], 1),
        "hook5_seen_vs_bare": round(m["hook5_seen_wall"] / m["bare_python_wall"], 2),
        "jobs1_s": round(m["jobs1_wall"], 2),
        "jobs2_s": round(m["jobs2_wall"], 2),
        "jobs2_speedup": round(m["jobs1_wall"] / m["jobs2_wall"], 2),
        "cold_s": round(m["cold_wall"], 2),
        "cached_s": round(m["cached_wall"], 2),
        "cached_speedup": round(m["cold_wall"] / m["cached_wall"], 1),
        "peak_rss_mb_small": round(rss_small, 1),
        "peak_rss_mb_large": round(rss_large, 1),
        "memory_files": [min(1000, args.memory_files), args.memory_files],
        "peak_rss_growth": round(rss_large / rss_small, 3),
        "cpu_s_per_mb": {k: round(v, 3) for k, v in per_mb.items()},
        "per_mb_4_vs_0.1": round(per_mb["4.0"] / per_mb["0.1"], 2),
    }
    print_figures(figures, args.json, width=26)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
