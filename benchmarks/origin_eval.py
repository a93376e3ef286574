"""Measure language and origin on a labelled corpus (not a test).

    python benchmarks/origin_eval.py CORPUS_DIR [--verbose]

CORPUS_DIR holds the documents and manifest*.jsonl files (see
audit/evaluate.py). Prints:

- source language: among non-original documents whose manifest names a
  source language other than "en", the share where origin's language is
  that language;
- untranslated-fragment recall on the documents tagged with it, and the
  untagged documents where it fired;
- originals flagged because of language: originals with an
  untranslated-fragment finding, or a document language other than English.
"""

from __future__ import annotations

import argparse
import sys

from audit import Auditor
from audit.evaluate import load_manifests


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    entries = load_manifests(args.corpus)
    auditor = Auditor()
    right, total, missed = 0, 0, []
    tagged, found, frag_missed, frag_extra = 0, 0, [], []
    originals_by_language = []
    for e in entries:
        r = auditor.audit_path(e["path"])
        if r["error"]:
            print(f"{e['file']}: error {r['error']}", file=sys.stderr)
            continue
        lang = (r.get("origin") or {}).get("language")
        code = lang["code"] if lang else None
        src = e.get("source_language")
        if e["label"] != "original" and src and src != "en":
            total += 1
            if code == src:
                right += 1
            else:
                missed.append(f"{e['file']} ({src} -> {code})")
        fired = any(f["rule"].startswith("untranslated-fragment") for f in r["findings"])
        if "untranslated-fragment" in e.get("signals", []):
            tagged += 1
            found += fired
            if not fired:
                frag_missed.append(e["file"])
        elif fired:
            frag_extra.append(e["file"])
        if e["label"] == "original" and (fired or r["language"]["code"] not in ("en", None)):
            originals_by_language.append(e["file"])
        if args.verbose:
            print(f"{e['file']:<16} {e['label']:<19} {src or '-':<3} -> {code or '-':<3} "
                  f"conf {lang['confidence'] if lang else 0:.2f}  outlet {(r['origin']['outlet'] or {}).get('name', '-')}")
    print(f"source language right: {right}/{total} = {right / total:.1%}" if total else "no documents with a source language")
    if missed:
        print("  wrong or none: " + ", ".join(missed))
    print(f"untranslated-fragment recall: {found}/{tagged}" + (f"  missed: {' '.join(frag_missed)}" if frag_missed else ""))
    print(f"untranslated-fragment on untagged documents: {len(frag_extra)} {' '.join(frag_extra)}")
    print(f"originals flagged because of language: {len(originals_by_language)} {' '.join(originals_by_language)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
