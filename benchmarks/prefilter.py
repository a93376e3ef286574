"""Which prefilter is faster on the shipped catalogue: pyahocorasick or one RE2 set?

Both answer the same question for every text: which of the patterns' required
literals occur in it. Texts: the example corpus and the probe corpus, each
repeated so that the timings are not noise. Prints seconds per MB for each.

    python benchmarks/prefilter.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audit.catalogue import load_catalogue  # noqa: E402
from audit.matching import fold  # noqa: E402


def main() -> None:
    catalogue = load_catalogue()
    literals = sorted(catalogue.literal_set._literals)
    texts = [fold(p.read_text(encoding="utf-8", errors="replace"))
             for d in ("examples/corpus", "tests/probe") for p in sorted((ROOT / d).rglob("*")) if p.is_file()]
    texts = texts * 20
    megabytes = sum(len(t.encode()) for t in texts) / 1e6

    literal_set = catalogue.literal_set  # the one the auditor uses: an RE2 set
    literal_set.present("warm up")
    start = time.perf_counter()
    b = [literal_set.present(t) for t in texts]
    t_set = time.perf_counter() - start

    try:
        import ahocorasick  # pip install pyahocorasick
    except ImportError:
        print("pyahocorasick is not installed: only the RE2 set is timed")
        t_aho = float("nan")
    else:
        automaton = ahocorasick.Automaton()
        for lit in literals:
            automaton.add_word(lit, lit)
        automaton.make_automaton()

        def present(text):
            found = set()
            for _end, lit in automaton.iter(text):
                if lit not in found:
                    found.add(lit)
                    if len(found) == len(literals):
                        break
            return frozenset(found)

        start = time.perf_counter()
        a = [present(t) for t in texts]
        t_aho = time.perf_counter() - start
        assert a == b, "the two prefilters disagree"
    print(f"{len(literals)} literals, {len(texts)} texts, {megabytes:.1f} MB")
    print(f"pyahocorasick: {t_aho:.3f} s ({t_aho / megabytes * 1000:.1f} ms/MB)")
    print(f"RE2 set:       {t_set:.3f} s ({t_set / megabytes * 1000:.1f} ms/MB)")


if __name__ == "__main__":
    main()
