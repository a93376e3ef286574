"""The element index of an HTML page (audit/htmlpage/elements.py): built once, asked by the kinds."""

import random
import re

from audit.document import from_bytes
from audit.htmlpage.elements import ElementIndex, element_index
from audit.kinds import _furniture, _prose

PAGE = """<!doctype html><html lang="en"><head><title>Council votes</title>
<style>.promo-copy { display: none }</style></head><body>
<nav class="breadcrumbs"><a href="/">Home</a> / City</nav>
<article class="article-body"><h1>Council votes on the bridge plan</h1>
<p>The council voted on Tuesday night after a long debate about the plan.</p>
<p>The mayor called it <span lang="fr">une bonne idée</span> and <code>x = 1</code> was shown.</p>
<div class="promo-copy">Hidden teaser text of another story.</div>
<p>The scheme will cost two million and should open next spring, officials said.</p>
</article><footer id="site-footer">Copyright the city paper</footer></body></html>"""


def _doc():
    return from_bytes("page.html", PAGE.encode())


def test_built_once_per_document_and_none_for_plain_text():
    doc = _doc()
    index = element_index(doc)
    assert index is element_index(doc)
    assert element_index(from_bytes("a.txt", b"Plain text <p> is not markup here.")) is None


def test_elements_carry_tag_hints_lang_span_hidden_and_body():
    index = element_index(_doc())
    els = {el.tag + ("." + el.hints if el.hints else ""): el for el in index.elements}
    nav = els["nav.breadcrumbs"]
    assert PAGE[nav.start:nav.open_end] == '<nav class="breadcrumbs">'
    assert PAGE[nav.end - len("</nav>"):nav.end] == "</nav>"
    assert not nav.in_body
    span = els["span"]
    assert span.lang == "fr" and PAGE[span.open_end:span.close] == "une bonne idée"
    assert span.in_body and not span.hidden
    promo = els["div.promo-copy"]
    assert promo.hidden  # by the page's own stylesheet
    footer = els["footer.site-footer"]
    assert [el.tag for el in index.chain(index.elements.index(footer))] == ["html", "body", "footer"]
    assert not footer.in_body
    assert els["article.article-body"].in_body


def test_open_at_answers_from_the_index():
    doc = _doc()
    at = PAGE.index("une bonne")
    assert [t for t, _ in _furniture.enclosing(doc, at)] == ["html", "body", "article", "p", "span"]
    assert [t for t, _ in _furniture.enclosing(doc, PAGE.index("/ City"))] == ["html", "body", "nav"]


def test_marked_spans_come_from_the_index():
    doc = _doc()
    spans = _prose.marked_spans(doc)
    assert sorted(PAGE[s:e] for s, e in spans) == ["une bonne idée", "x = 1"]


# A reference reading, written plainly: scan the source up to the offset and
# keep the stack of open elements (unclosed <p> and <li> closed as browsers
# do). The index must give the same answer at every offset.
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.S | re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_CLOSES_P = {"p", "div", "ul", "ol", "li", "h1", "h2", "section", "article", "nav", "header", "footer", "aside", "pre"}


def _reference(source, offset):
    stack = []
    for m in _TAG.finditer(source, 0, offset):
        if m.group(3) is None:
            continue
        name = m.group(3).lower()
        if m.group(2):
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] == name:
                    del stack[i:]
                    break
            continue
        if name in _VOID or m.group(4).rstrip().endswith("/"):
            continue
        if stack and stack[-1] == "p" and name in _CLOSES_P:
            stack.pop()
        if name == "li" and stack and stack[-1] == "li":
            stack.pop()
        stack.append(name)
    return stack


def test_open_at_matches_a_scan_up_to_every_offset_of_broken_markup():
    parts = ["<p>", "</p>", "<div class='a'>", "</div>", "<li>", "</li>", "<ul>", "</ul>", "<span lang=fr>", "</span>",
             "<br>", "</br>", "<img/>", "<!-- c -->", "<!--", "<script>x<p></script>", "<style>", "text ", "<nav>",
             "<a href='x' ", ">", "<", "<P>", "</DIV>", "<h2/>", "&amp;", "<section>"]
    rng = random.Random(9)
    for _ in range(300):
        src = "".join(rng.choice(parts) for _ in range(rng.randint(0, 24)))
        index = ElementIndex(src)
        for off in range(len(src) + 1):
            assert [el.tag for el in index.open_at(off)] == _reference(src, off), (src, off)


def test_written_pairs_tags_as_written_without_implied_ends():
    src = "<p lang=fr>un<div>deux</div>trois</p><li>a<li>b</li>"
    index = ElementIndex(src)
    written = {(el.tag, src[el.open_end:el.close]) for el in index.written()}
    assert ("p", "un<div>deux</div>trois") in written  # paired with its own </p>
    assert ("li", "b") in written and ("li", "a<li>b") not in written
    p = index.elements[0]
    assert src[p.open_end:p.end] == "un"  # the browser-like reading closes it at <div>
