"""Kind ``doubled-title``: the headline, the lede or a paragraph printed twice.

The page is read line by line (non-blank lines). A copy *follows* its
original when only short chrome lines stand between them (a date, a read
time, an outlet label: at most ``max_gap`` lines of ``minor_words`` words or
fewer, or date stamps). Lines are compared on normalised text (case,
apostrophes and punctuation dropped) with a fuzzy ratio, so a verbatim
repeat, a punctuation-stripped slug, a copy with an outlet suffix and a
truncated first copy followed by the whole all match.

form = "strong" (the scraper's forms):
  - the headline (the title the file states, or a headline-shaped line among
    the first ``top_lines`` lines) printed again on the lines that follow it;
  - a body sentence of ``lede_words`` words or more printed twice in a row,
    or first cut short and then whole (not whole and then cut short: a
    related story's headline and its clipped link label);
  - a block of two or three lines (a headline and its teaser) printed again
    right after itself.
form = "weak": the headline printed again further on, not next to itself —
  as often a site template's later repeat (related links, a share dialog, a
  caption) as a scraper's; and a page's <title> with its site's name
  ("Headline | Site") followed by the bare headline, which is how a text
  extraction prints an honest page's <title> and <h1>; not counted when the
  page's address is known and the site named is the page's own.

Not counted: caption-shaped lines (a trailing credit in brackets, a word of
the ``caption_markers_from`` list: an image's alt text and its caption
print the same words twice on honest pages), a name printed twice below
the headline (no more words than the headline, three in four of them
capitalised: a picture's caption and alt text), stamp lines (words of the
``stamp_words_from`` list), notices in capitals, and lines of an HTML
heading as copies. A page that prints ``listing_pairs`` or more different
short lines twice each is a listing (image alt and link label per teaser):
its headline pairs are its template and count in neither form. A headline
printed again two or more times further on is a template's label (a site's
or section's name), not counted in the weak form.

params:
  form                 "strong" or "weak" (default "strong")
  min_ratio            similarity 0–100 on normalised text (default 90)
  min_words            shortest headline, in words of two letters or more (default 4)
  top_lines            how many leading lines can be the headline (default 8)
  max_gap              chrome lines allowed between a line and its copy (default 2)
  minor_words          a line of this many words or fewer is chrome (default 3)
  lede_words           shortest body sentence for the repeated-paragraph form (default 8)
  listing_pairs        distinct doubled short lines that make a listing (default 3)
  caption_markers_from list of caption words and credit markers
  stamp_words_from     list of date-stamp and read-time words
"""

from __future__ import annotations

import re
from itertools import accumulate

from ..findings import Hit
from ._page_lines import _SUFFIX, _WORD, _Line, _lines, _similar
from ._text import excerpt, normalise
from ._gated_words import GatedWords as _Words

_TRAILING_CREDIT = re.compile(
    r"(?:[(\[][^()\[\]\n]{1,60}[)\]]|(?<!\S)[A-Z][\w.]*(?: [A-Z][\w.]*)?/[A-Z][^/\n]{1,40})[\s.]*$"
)


_LISTED: dict[tuple[str, ...], _Words] = {}


#: what a heading adds after the headline in brackets: a qualifier of the site's own ("(Excerpt)", "[Updated]")
_QUALIFIER = re.compile(r"[\s.,:;]*[(\[][^()\[\]\n]{1,40}[)\]][\s.]*")


def _prefix_end(text: str, norm_prefix: str) -> int:
    """The offset in ``text`` where the words of the normalised ``norm_prefix`` end."""
    want = len(norm_prefix.split())
    seen = 0
    for m in re.finditer(r"\S+", text):
        if normalise(m.group()):
            seen += len(normalise(m.group()).split())
        if seen >= want:
            return m.end()
    return len(text)


def _alternation(entries) -> _Words | None:
    words = sorted({e.lower() for e in entries}, key=len, reverse=True)
    if not words:
        return None
    # one object per list: rules of the same lists share the per-line answers kept under it
    key = tuple(words)
    if key not in _LISTED:
        _LISTED[key] = _Words(words)
    return _LISTED[key]


def compile(rule, catalogue):
    p = rule.params
    form = p.get("form", "strong")
    if form not in ("strong", "weak"):
        raise ValueError("'form' is 'strong' or 'weak'")
    captions = _alternation(catalogue.word_list(p["caption_markers_from"])) if "caption_markers_from" in p else None
    stamps = _alternation(catalogue.word_list(p["stamp_words_from"])) if "stamp_words_from" in p else None
    return {
        "form": form,
        "min_ratio": float(p.get("min_ratio", 90)),
        "min_words": int(p.get("min_words", 4)),
        "top_lines": int(p.get("top_lines", 8)),
        "max_gap": int(p.get("max_gap", 2)),
        "minor_words": int(p.get("minor_words", 3)),
        "lede_words": int(p.get("lede_words", 8)),
        "listing_pairs": int(p.get("listing_pairs", 3)),
        "captions": captions,
        "stamps": stamps,
        "first_message": p.get("first_message", "This line is printed again further on"),
    }


def _is_caption(line: _Line, prep) -> bool:
    key = prep["captions"]
    known = line.captions.get(key)
    if known is None:
        known = line.captions[key] = _caption(line, key)
    return known


def _caption(line: _Line, captions) -> bool:
    text = line.text
    # _TRAILING_CREDIT ends in a bracket or holds a slash: a line without one is not searched
    if ("/" in text or ")" in text or "]" in text) and _TRAILING_CREDIT.search(text):
        return True
    return bool(captions and captions.search(line.lower))


def _is_stamp(line: _Line, prep) -> bool:
    """Whether the line holds a date-stamp word, worked out once per line and stamp pattern."""
    key = prep["stamps"]
    if key is None:
        return False
    known = line.stamps.get(key)
    if known is None:
        known = line.stamps[key] = bool(key.search(line.lower))
    return known


def _is_minor(line: _Line, prep) -> bool:
    return line.words <= prep["minor_words"] or _is_stamp(line, prep)


def _headline_shaped(line: _Line, prep) -> bool:
    return (
        prep["min_words"] <= line.words <= 30
        and not _is_caption(line, prep)
        and not _is_stamp(line, prep)
        and any(c.islower() for c in line.text)
    )


def _cut_copy(line: _Line, copy: _Line) -> bool:
    """The copy is the line cut short: a related story's headline and then its clipped link label."""
    return len(copy.norm) < len(line.norm) and line.norm.startswith(copy.norm)


def _alt_then_caption(line: _Line, copy: _Line, prep) -> bool:
    """An image's alt text and then its caption: the copy goes on with the sentence
    (no separator: not an outlet suffix) and ends as a caption (a credit, a caption word)."""
    if len(copy.norm) <= len(line.norm) or not copy.norm.startswith(line.norm):
        return False
    rest = copy.text[_prefix_end(copy.text, line.norm):].lstrip()
    return bool(rest) and rest[0].isalnum() and _is_caption(copy, prep) and not _is_caption(line, prep)


def _caption_name(line: _Line, head: _Line) -> bool:
    """A line below the headline, no longer than it, that is a name: most of its words capitalised."""
    if line.words > head.words:
        return False
    words = _WORD.findall(line.text)
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _title_then_h1(first: _Line, second: _Line) -> bool:
    """A page's <title> ("Headline | Site") printed before its <h1> ("Headline")."""
    m = first.suffix
    return bool(m) and not second.norm.endswith(normalise(m.group()))


def _own_suffix(doc, line: _Line) -> bool:
    """The line's suffix names the page's own outlet (its address known): the page's own <title>."""
    from .. import identity

    m = line.suffix
    if m is None or identity.own_domain(doc) is None:
        return False
    name = m.group().strip().lstrip("-–—|:").strip()
    return bool(name) and identity.is_own(doc, name)


def _title_match(a: str, line: _Line, prep, head: _Line | None = None) -> bool:
    """The line repeats the headline ``a`` (normalised): as is, as a slug, with a suffix, or after a cut first copy."""
    b = line.norm
    if head is not None and _title_then_h1(head, line):
        return False
    if len(b) > len(a) and b.startswith(a) and _QUALIFIER.fullmatch(line.text[_prefix_end(line.text, a):]):
        return False  # a heading of its own that adds a qualifier in brackets ("Briefing", then "Briefing (Excerpt)")
    if _similar(a, b, prep["min_ratio"]):
        return True
    if len(a.split()) >= prep["min_words"] and b.startswith(a) and len(b.split()) <= len(a.split()) + 6:
        return True  # the headline, then the headline with an outlet suffix or a clip length
    # the copy with an outlet suffix the first lacks; not the reverse, a page's
    # <title> ("Headline | Site") printed before its <h1> ("Headline")
    m = line.suffix
    if m:
        base = line.text[: m.start()]
        if len(base.split()) > prep["min_words"] and _similar(normalise(base), a, prep["min_ratio"]):
            return True
    return False


def _suffix_forms(text: str) -> list[str]:
    forms = [normalise(text)]
    m = _SUFFIX.search(text)
    if m:
        forms.append(normalise(text[: m.start()]))
    return forms


def _lede_match(a: str, b: str, prep) -> bool:
    if _similar(a, b, prep["min_ratio"]):
        return True
    return len(a.split()) >= prep["lede_words"] and len(b) > len(a) and b.startswith(a)


def _follower(lines: list[_Line], i: int, prep) -> int | None:
    """Index of the first line after ``i`` that is not chrome, within the gap."""
    for j in range(i + 1, min(len(lines), i + 2 + prep["max_gap"])):
        if not _is_minor(lines[j], prep):
            return j
    return None


def _pairs(lines: list[_Line], prep):
    """(original, copy, kind) for every line followed by its own copy."""
    # the headline is the first headline-shaped line near the top; a name
    # printed twice below it (no longer than it, its words mostly capitalised:
    # "Prime Minister Jane Doe") is a picture's caption and its alt text
    head = next((k for k, ln in enumerate(lines[: prep["top_lines"]]) if _headline_shaped(ln, prep)), None)
    for i, line in enumerate(lines):
        if line.words <= prep["minor_words"] or _is_caption(line, prep) or _is_stamp(line, prep):
            continue
        j = _follower(lines, i, prep)
        if j is None or lines[j].heading:
            continue
        copy = lines[j]
        if _title_then_h1(line, copy):
            m = line.suffix
            base = normalise(line.text[: m.start()])
            if i < prep["top_lines"] and len(base.split()) >= prep["min_words"] and _similar(base, copy.norm, prep["min_ratio"]):
                yield i, j, "title-h1"
            continue
        if (
            i < prep["top_lines"]
            and _headline_shaped(line, prep)
            and not (head is not None and i > head and (_caption_name(line, lines[head]) or _cut_copy(line, copy)))
            and not _alt_then_caption(line, copy, prep)
            and _title_match(line.norm, copy, prep, line)
        ):
            yield i, j, "headline"
        elif (
            line.words >= prep["lede_words"]
            and any(c.islower() for c in line.text)
            and _lede_match(line.norm, copy.norm, prep)
            and not _cut_copy(line, copy)
            and not _alt_then_caption(line, copy, prep)
        ):  # a paragraph then its cut copy is a related story's link label, not a teaser pasted before the whole;
            # a line then a longer copy with a credit is an image's alt text and then its caption
            yield i, j, "lede"
        elif line.words <= 30 and _similar(line.norm, copy.norm, prep["min_ratio"]):
            yield i, j, "short"


def _blocks(lines: list[_Line], prep):
    """(original, copy) for a block of two or three lines printed again right after itself
    (a feed item's headline and teaser imported twice)."""
    n = len(lines)
    captions: dict[str, bool] = {}  # a line printed again is tested once
    skipped = []
    for ln in lines:
        if ln.heading:
            skipped.append(True)
            continue
        if ln.text not in captions:
            captions[ln.text] = _is_caption(ln, prep)
        skipped.append(captions[ln.text])
    skipped_before = [0, *accumulate(skipped)]  # skipped lines before each index: a block's check in O(1)
    lede_words = prep["lede_words"]
    lede = [ln.words >= lede_words and any(c.islower() for c in ln.text) for ln in lines]
    for i in range(n):
        for k in (2, 3):
            if i + 2 * k > n:
                break
            if skipped_before[i + 2 * k] - skipped_before[i]:
                continue
            if not any(lede[i:i + k]):
                continue
            block, again = lines[i:i + k], lines[i + k:i + 2 * k]
            if all(a.words > 0 and _similar(a.norm, b.norm, prep["min_ratio"]) for a, b in zip(block, again)):
                yield i, i + k
                break


#: the params that decide pairs and blocks (the rules of this kind differ in form and message only)
_SHAPE = ("min_ratio", "min_words", "top_lines", "max_gap", "minor_words", "lede_words", "captions", "stamps")


def _shared(doc, lines, prep, name: str, make):
    """``make(lines, prep)`` as a list, worked out once per document for rules of the same shape."""
    key = ("doubled-title " + name, id(lines), tuple(prep[k] for k in _SHAPE))
    found = doc.derived.get(key)
    if found is None or found[0] is not lines:
        found = doc.derived[key] = (lines, list(make(lines, prep)))
    return found[1]


def _adjacent(doc, lines, prep):
    """Pairs and blocks next to each other: (strong, weak, the lines they claim, whether the page is a listing)."""
    pairs = list(_shared(doc, lines, prep, "pairs", _pairs))
    copies = {j for _, j, _ in pairs}
    triples = {i for i, _, _ in pairs if i in copies}  # a caption, its alt text and a lightbox: a gallery
    triples |= {j for i, j, _ in pairs if j in triples or i in triples}
    pairs = [p for p in pairs if p[0] not in triples and p[1] not in triples]
    listing = len({lines[i].norm for i, _, _ in pairs}) >= prep["listing_pairs"]
    strong: list[tuple[int | None, int]] = []  # (original, copy) line indices
    weak: list[tuple[int | None, int]] = []
    for i, j, kind in pairs:
        if kind in ("lede", "headline"):
            if not listing:  # a listing prints each teaser twice (image and link): its template
                strong.append((i, j))
        elif kind == "title-h1" and not _own_suffix(doc, lines[i]):
            weak.append((i, j))
    strong.extend(_shared(doc, lines, prep, "blocks", _blocks))
    claimed = {j for _, j in strong} | {i for i, _ in strong} | {j for _, j, _ in pairs}
    return strong, weak, claimed, listing


def _meta_titles(doc) -> list[str]:
    """The titles an HTML page states in its metadata, when the text has no headline of its own."""
    if doc.title_span is not None:
        return []
    return [t for t in (doc.title, doc.metadata.get("h1"), doc.metadata.get("og", {}).get("title")) if t]


def _repeated_later(lines, prep, meta_titles, strong, weak, claimed, listing) -> None:
    """The headline (the first headline-shaped line near the top, or a metadata title) printed again further on."""
    meta_forms = [f for t in meta_titles for f in _suffix_forms(t) if len(f.split()) >= prep["min_words"]]
    head = next((k for k, line in enumerate(lines[: prep["top_lines"]]) if _headline_shaped(line, prep)), None)
    if head in claimed:
        head = None  # already printed twice at the top: the strong form's evidence
    again = []  # the headline's later copies
    copies_of_head = 0
    for k, line in enumerate(lines):
        if line.heading or len(line.norm.split()) < prep["min_words"] or _is_caption(line, prep):
            continue
        if head is not None and k > head and _title_match(lines[head].norm, line, prep, lines[head]):
            copies_of_head += 1
            if k not in claimed:
                again.append((head, k))
        elif k in claimed:
            continue
        elif meta_forms and any(_title_match(f, line, prep) for f in meta_forms):
            (strong if k < prep["top_lines"] and not listing else weak).append((None, k))
    if copies_of_head == 1:
        weak.extend(again)  # printed three times or more, the line is a template's label (a site's or section's name)


def run(rule, prep, doc):
    lines = _lines(doc)
    if not lines:
        return
    strong, weak, claimed, listing = _adjacent(doc, lines, prep)
    meta_titles = _meta_titles(doc)
    _repeated_later(lines, prep, meta_titles, strong, weak, claimed, listing)
    chosen = strong if prep["form"] == "strong" else weak
    reported = set()
    for i, j in sorted(chosen, key=lambda p: (p[1], -1 if p[0] is None else p[0])):
        if j in reported:
            continue
        if i is not None and i not in reported:
            reported.add(i)
            yield Hit(lines[i].start, lines[i].end, message=prep["first_message"])
        reported.add(j)
        shown = lines[i].text if i is not None else next(iter(meta_titles))
        yield Hit(lines[j].start, lines[j].end, fields=(("headline", excerpt(shown, 0, len(shown), 80)),))


# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {
    "caption_markers_from": str, "first_message": str, "form": str, "lede_words": int, "listing_pairs": int, "max_gap": int, "min_ratio": float,
    "min_words": int, "minor_words": int, "stamp_words_from": str, "top_lines": int,
}
