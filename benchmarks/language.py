"""Cost of the language stage (not a test): files per second with and without it.

    python benchmarks/language.py [--files 300] [--size 5000] [--repeat 3]

Writes nothing to disk: it generates a corpus of English articles (about
--size characters each; one in five carries an untranslated sentence, one in
ten is written wholly in French or Spanish) and audits it in-process with the
shipped catalogue, twice:

- with the language stage (prefilter, langdetect where it can change the
  result, readability, origin), as the tool runs;
- without it: language.analyse replaced by a stub that says "English" and
  finds no passages (readability and origin still run).

It also times the language stage alone and counts langdetect calls. The
first audit of each run is a warm-up (it loads langdetect's profiles).
"""

from __future__ import annotations

import argparse
import random
import time

from bench import HONEST_SENTENCES as ENGLISH  # the same English articles as the main benchmark

FOREIGN_SENTENCES = [
    "El ayuntamiento ha decidido cerrar la piscina municipal durante todo el mes de agosto por obras.",
    "Wir haben in der zweiten Halbzeit zu viele Chancen liegen lassen, und das ärgert mich sehr.",
    "Les travaux de la nouvelle ligne de tramway devraient durer au moins jusqu'à la fin de l'année.",
    "Il comune ha deciso di chiudere al traffico il centro storico per tutta la durata del festival.",
]
FRENCH = [
    "Le conseil municipal s'est réuni mardi pour examiner le budget de l'année prochaine.",
    "Les habitants ont exprimé leurs inquiétudes au sujet du stationnement près du centre.",
    "Le maire a indiqué que les projets seraient publiés pour consultation le mois prochain.",
]
SPANISH = [
    "El ayuntamiento se reunió el martes para discutir el presupuesto del próximo año.",
    "Los vecinos expresaron su preocupación por el aparcamiento cerca del nuevo centro.",
    "El alcalde dijo que los planes se publicarían para consulta el mes que viene.",
]


def article(rng: random.Random, size: int, kind: str) -> str:
    pool = {"fr": FRENCH, "es": SPANISH}.get(kind, ENGLISH)
    paragraphs = ["Council approves the budget for next year"]
    length = 0
    while length < size:
        para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        length += len(para) + 2
    if kind == "fragment":
        paragraphs.insert(rng.randint(2, len(paragraphs)), rng.choice(FOREIGN_SENTENCES))
    return "\n\n".join(paragraphs) + "\n"


def corpus(n: int, size: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = "fr" if i % 20 == 3 else "es" if i % 20 == 13 else "fragment" if i % 5 == 1 else "en"
        out.append(article(rng, size, kind))
    return out


def run(auditor, texts) -> float:
    auditor.audit_text(texts[0])  # warm-up
    start = time.perf_counter()
    for i, t in enumerate(texts):
        auditor.audit_text(t, path=f"doc{i}.txt")
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from audit import Auditor, language

    texts = corpus(args.files, args.size)
    auditor = Auditor()
    real = language.analyse

    def stub(doc):
        return language.LanguageInfo("en", 1.0, "prefilter", 0, 0)

    with_lang, without = [], []
    for _ in range(args.repeat):
        language.analyse = real
        with_lang.append(run(auditor, texts))
        language.analyse = stub
        without.append(run(auditor, texts))
    language.analyse = real

    calls = 0
    start = time.perf_counter()
    for t in texts:
        calls += language.analyse_text(t).detector_calls
    stage = (time.perf_counter() - start) / len(texts) * 1000

    print(f"{args.files} generated files of about {args.size} characters, best of {args.repeat}")
    print(f"with language stage:    {max(with_lang):7.1f} files/s")
    print(f"without language stage: {max(without):7.1f} files/s")
    print(f"language stage alone:   {stage:7.2f} ms per file, {calls} langdetect calls for {len(texts)} files")


if __name__ == "__main__":
    main()
