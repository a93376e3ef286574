"""Copied blocks: where a scraped page reproduces its source's teaser box.

A "Read also:" label with the teaser headlines after it is the source site's
page furniture, copied with the article. Traces of translation inside it (a
teaser left in the source language, its typography) show that the copied
page was translated somewhere upstream, but they say nothing about whether
the article itself was machine-translated. Such findings still count in the
overall score (the block was copied) and are held out of the
machine-translation sub-score and verdict; the report marks them with
``in_copied_block``.

The block runs from the label to the end of its paragraph; when the label
stands alone on its line, it takes in the next paragraph, and further
paragraphs as long as each is a bulleted teaser line. Pure functions.
"""

from __future__ import annotations

from bisect import bisect_left

BLOCK_SIGNALS = frozenset({"read-also-block"})
HELD_CATEGORY = "machine_translation"
_BULLETS = ("-", "*", "•", "·", "▪", "+")
_MAX_CHARS = 1500


def _text_index(doc, source_offset: int) -> int:
    """The first offset of ``doc.text`` at or after a source offset."""
    if doc.text_to_source is None:
        return source_offset
    return bisect_left(doc.text_to_source, source_offset)


def _block_end(doc, start: int) -> int:
    """End (in ``doc.text``) of the teaser block whose label starts at ``start``."""
    paragraphs = doc.paragraphs
    i = next((k for k, (s, e) in enumerate(paragraphs) if s <= start < e or s > start), None)
    if i is None:
        return len(doc.text)
    s, end = paragraphs[i]
    if s > start:  # the label was not inside a paragraph: take the next one
        end = paragraphs[i][1]
    label_line_end = doc.text.find("\n", start)
    label_line = doc.text[start:label_line_end if label_line_end != -1 else len(doc.text)]
    alone = len(label_line.strip(" \t*_#:")) <= 40 and label_line_end != -1 and label_line_end >= end
    j = i + 1
    while j < len(paragraphs) and end - start < _MAX_CHARS:
        ps, pe = paragraphs[j]
        para = doc.text[ps:pe]
        if alone and j == i + 1:
            end = pe
        elif para.lstrip().startswith(_BULLETS):
            end = pe
        else:
            break
        j += 1
    return min(end, start + _MAX_CHARS)


def held_findings(doc, findings) -> frozenset[int]:
    """Indices of machine-translation findings that stand inside a copied teaser block."""
    labels = [f for f in findings if f.signal in BLOCK_SIGNALS]
    if not labels:
        return frozenset()
    spans = []
    for f in labels:
        start = _text_index(doc, f.offset)
        end = _block_end(doc, start)
        spans.append((f.offset, doc.source_offset(max(start, end - 1)) + 1))
    return frozenset(
        i for i, f in enumerate(findings)
        if f.category == HELD_CATEGORY and any(s <= f.offset < e for s, e in spans)
    )
