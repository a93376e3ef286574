"""Origin's language clues behind one prefilter find exactly what running every clue's pattern finds."""

from pathlib import Path

from audit import document
from audit.origin import load_origin_data
from audit.origin.language import _clue_set, _pattern_hits, _scope_text

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p for d in (ROOT / "examples" / "corpus", ROOT / "tests" / "probe") for p in d.rglob("*")
               if p.suffix in (".txt", ".md", ".html"))


def test_prefiltered_clues_match_every_clue_run_in_full():
    data = load_origin_data()
    lset = _clue_set(data)
    hits = skipped = 0
    for path in FILES:
        raw, truncated = document.read(str(path), document.MAX_BYTES)
        doc = document.from_bytes(str(path), raw, truncated=truncated)
        for clue in data.clues:
            if clue.pattern is None:
                continue
            suffixes = ("Agence France-Presse", "El País") if clue.scope == "title-suffix" else ()
            text = _scope_text(doc, clue.scope, suffixes)
            full = [m.span() for m in clue.pattern.finditer(text) if m.end() > m.start()][: clue.max_hits]
            got = _pattern_hits(doc, clue, suffixes, lset)
            assert len(got) == len(full), (path.name, clue.id)
            if clue.scope == "body":
                assert [(i["line"], i["column"]) for i in got] == [doc.position(s) for s, _ in full], (path.name, clue.id)
            hits += len(got)
            skipped += not lset.allows(clue.pattern, doc, "body" if clue.scope == "body" else ("origin", clue.scope, text), text)
    assert hits > 0  # the files hold clues, so the comparison means something
    assert skipped > 0  # and the prefilter does leave clues out
