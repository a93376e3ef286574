"""The long fuzz run: N generated inputs (text, Markdown, HTML, raw bytes),
none may raise, run out of time or give a different report when audited again.

    python benchmarks/fuzz.py [--count 100000] [--seed 11] [--jobs 2] [--recheck 10]

Inputs are built from pieces that reach the rules' and the HTML scanner's
corners (the same as tests/test_hostile_fuzz.py) plus random characters and
random bytes behind each byte-order mark. Every input is audited once; every
``--recheck``-th input is audited a second time and both reports must be
byte-identical. Prints the count, the failures (none expected) and the time.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_hostile_fuzz import PIECES  # noqa: E402

from audit import Auditor  # noqa: E402
from audit.report import dumps  # noqa: E402

FORMATS = [("text", "f.txt"), ("markdown", "f.md"), ("html", "f.html"), (None, "f"), (None, "f.html")]
BOMS = [b"", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"]


def make(i: int, seed: int) -> tuple[str, bytes, str | None]:
    rng = random.Random(seed * 1_000_003 + i)
    fmt, name = FORMATS[i % len(FORMATS)]
    if i % 7 == 6:
        data = rng.choice(BOMS) + bytes(rng.randrange(256) for _ in range(rng.randrange(300)))
        return name, data, None
    parts = []
    for _ in range(rng.randrange(40)):
        if rng.random() < 0.7:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(chr(rng.choice((rng.randrange(32, 127), rng.randrange(0x110000)))) for _ in range(rng.randrange(8))))
    text = "".join(parts)
    return name, text.encode("utf-8", "surrogatepass"), fmt


_auditor = None


def _init():
    global _auditor
    _auditor = Auditor()


def check(args: tuple[int, int, int]) -> str | None:
    i, seed, recheck = args
    name, data, fmt = make(i, seed)
    try:
        first = _auditor.audit_bytes(name, data, fmt=fmt)
        if "ran out of time" in (first["error"] or ""):
            return f"input {i}: {first['error']}"
        if recheck and i % recheck == 0 and dumps(_auditor.audit_bytes(name, data, fmt=fmt)) != dumps(first):
            return f"input {i}: a second audit gave a different report"
    except BaseException:  # noqa: BLE001 - every failure is reported
        return f"input {i}: {traceback.format_exc(limit=3)}"
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--recheck", type=int, default=10, help="audit every Nth input twice (0: never)")
    args = ap.parse_args()
    start = time.perf_counter()
    work = ((i, args.seed, args.recheck) for i in range(args.count))
    failures = []
    done = 0
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs, initializer=_init) as pool:
            for result in pool.imap_unordered(check, work, chunksize=200):
                done += 1
                if result:
                    failures.append(result)
                if done % 10000 == 0:
                    print(f"{done} inputs, {len(failures)} failures, {time.perf_counter() - start:.0f} s", flush=True)
    else:
        _init()
        for item in work:
            result = check(item)
            done += 1
            if result:
                failures.append(result)
            if done % 10000 == 0:
                print(f"{done} inputs, {len(failures)} failures, {time.perf_counter() - start:.0f} s", flush=True)
    elapsed = time.perf_counter() - start
    for f in failures[:20]:
        print(f)
    print(f"{done} inputs (seed {args.seed}), {len(failures)} failures, {elapsed:.1f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
