"""The triage page in a real browser: Debian's headless Chromium through /usr/bin/chromedriver.

Skipped, with the reason, only where chromium or chromium-driver is not installed.
"""

from __future__ import annotations

import contextlib
import io
import json
import re

import pytest

import _browser
from audit.cli import main
from audit.formats import html as page_format

pytestmark = pytest.mark.skipif(_browser.missing() is not None, reason=_browser.missing() or "")

SCRAPED = ("Spread the love\n\nHarbour wall news\n\nAid sent to kyiv grew, and « we must not wait,” said the mayor.\n\n"
           "Harbour wall news\n\nPosted at 8:12 a.m. Updated at 6:40 p.m.\n")
# translation traces only, enough of them together for review (one alone stays clean)
REVIEW = "Ferry timetable\n\nThe aid sent to kyiv grew again this week, and aid for kyiv will follow. « We will wait,” said the harbour master.\n"
HONEST = "Quay repairs\n\nThe council approved new quay repairs on Tuesday, the mayor said.\n"

SENTINEL = "window.__pwned = 1; document.documentElement.setAttribute('data-pwned', '1')"
HOSTILE_TEXT = f"""Hostile <script>{SENTINEL}</script> headline

Aid sent to kyiv grew. </script><script>{SENTINEL}</script> more words <!-- and a comment -->
<img src=x onerror="{SENTINEL}"> and <svg onload="{SENTINEL}"></svg> and <iframe srcdoc="<script>{SENTINEL}</script>"></iframe>
<a href="javascript:{SENTINEL}">click here</a> <style>body {{ display: none }}</style> <meta http-equiv="refresh" content="0;url=javascript:{SENTINEL}">
Reversed \u202eelif.exe\u202c name and \u2066isolated\u2069 text, a NUL-free \x1b[31m escape.
"""
HOSTILE_HTML = f"""<!DOCTYPE html><html><head><title>&lt;script&gt;{SENTINEL}&lt;/script&gt; – The Harbour Herald</title>
<meta property="og:site_name" content="&lt;img src=x onerror=&quot;{SENTINEL}&quot;&gt;">
<script type="application/ld+json">{{"@type": "NewsArticle", "publisher": {{"@type": "Organization", "name": "</script><script>{SENTINEL}</script>"}}}}</script>
</head><body><article><p>Spread the love</p>
<p>Aid sent to kyiv grew &lt;script&gt;{SENTINEL}&lt;/script&gt; said the mayor.</p>
<p><img src="x" onerror="{SENTINEL}">Read also: <a href="javascript:{SENTINEL}">more</a></p>
</article></body></html>
"""
HOSTILE_NAMES = [
    f"<img src=x onerror={SENTINEL.split(';')[0].replace(' ', '')}>.txt",
    "<script>window.__pwned=1;<\u202etxt.md",
    "javascript:window.__pwned=1.txt",
]


def _page(directory) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["scan", "--no-output", "--format", "html", str(directory)])
    return out.getvalue()


@pytest.fixture(scope="module")
def browser():
    driver, profile = _browser.start()
    yield driver
    _browser.stop(driver, profile)


@pytest.fixture(scope="module")
def triage(tmp_path_factory):
    d = tmp_path_factory.mktemp("triage")
    corpus = d / "corpus"
    corpus.mkdir()
    (corpus / "scraped.txt").write_text(SCRAPED)
    (corpus / "review.txt").write_text(REVIEW)
    (corpus / "honest.md").write_text(HONEST)
    target = d / "page.html"
    target.write_text(_page(corpus), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    corpus = d / "corpus"
    corpus.mkdir()
    (corpus / "text.txt").write_text(HOSTILE_TEXT)
    (corpus / "page.html").write_text(HOSTILE_HTML)
    (corpus / "notes.md").write_text(HOSTILE_TEXT.replace("Hostile", "# Hostile"))
    for name in HOSTILE_NAMES:
        (corpus / name).write_text(HOSTILE_TEXT)
    target = d / "page.html"
    target.write_text(_page(corpus), encoding="utf-8")
    return target


def _load(driver, path):
    driver.get(path.as_uri())
    _browser.wait_ready(driver)
    return driver


def _errors(driver) -> list:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR", "WARNING")]


def _rows(driver) -> list[str]:
    return driver.execute_script("return Array.from(document.querySelectorAll('#rows tr td.path')).map(td => td.textContent)")


def _choose(driver, select_id: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", select_id)).select_by_value(value)


def test_page_loads_without_console_errors(browser, triage):
    driver = _load(browser, triage)
    assert _errors(driver) == []
    assert driver.title == "provenance-audit: triage"
    rows = _rows(driver)
    assert [r.rsplit("/", 1)[-1] for r in rows] == ["scraped.txt", "review.txt", "honest.md"]  # worst first
    assert driver.find_element("id", "count").text == "3 of 3 files shown"


def test_filters_and_search_change_what_is_shown(browser, triage):
    driver = _load(browser, triage)
    _choose(driver, "f-verdict", "clean")
    assert [r.rsplit("/", 1)[-1] for r in _rows(driver)] == ["honest.md"]
    _choose(driver, "f-verdict", "")
    _choose(driver, "f-rule", "timestamp-boilerplate")
    assert [r.rsplit("/", 1)[-1] for r in _rows(driver)] == ["scraped.txt"]
    _choose(driver, "f-rule", "")
    _choose(driver, "f-signal", "kyiv-casing")
    assert [r.rsplit("/", 1)[-1] for r in _rows(driver)] == ["scraped.txt", "review.txt"]
    _choose(driver, "f-signal", "")
    _choose(driver, "f-category", "scraping")
    assert [r.rsplit("/", 1)[-1] for r in _rows(driver)] == ["scraped.txt"]
    _choose(driver, "f-category", "")
    search = driver.find_element("id", "search")
    search.send_keys("review.t")
    assert [r.rsplit("/", 1)[-1] for r in _rows(driver)] == ["review.txt"]
    search.clear()
    search.send_keys("date stamp")  # words of a finding's message
    assert [r.rsplit("/", 1)[-1] for r in _rows(driver)] == ["scraped.txt"]
    search.clear()
    search.send_keys("no such words anywhere")
    assert _rows(driver) == [] and driver.find_element("id", "count").text == "0 of 3 files shown"
    assert _errors(driver) == []


def test_highlighted_finding_sits_on_its_excerpt(browser, triage):
    driver = _load(browser, triage)
    driver.find_elements("css selector", "#rows tr")[0].click()  # the worst file
    data = json.loads(driver.execute_script("return document.getElementById('data').textContent"))
    findings = data["files"][0]["findings"]
    assert findings
    for _ in range(len(findings)):
        driver.find_element("id", "next-finding").click()
        k = int(driver.find_element("id", "d-current").get_attribute("data-finding"))
        f = findings[k]
        marks = driver.find_elements("css selector", "mark.current")
        assert marks
        shown = " ".join("".join(m.get_attribute("textContent") for m in marks).split())
        assert shown == f["excerpt"].rstrip("…").strip()
        line_no = marks[0].find_element("xpath", "ancestor::div[@class='ln']/span[@class='no']").text
        assert int(line_no) == f["line"]
        # the mark is on screen where the finding stands
        assert driver.execute_script("var r = arguments[0].getBoundingClientRect(); var b = document.getElementById('d-text').getBoundingClientRect();"
                                     "return r.top >= b.top && r.bottom <= b.bottom && r.width > 0;", marks[0])
    kyiv = next(i for i, f in enumerate(findings) if f["rule"] == "kyiv-casing.lowercase")
    marked = driver.execute_script(
        "return Array.from(document.querySelectorAll('mark.finding'))"
        f".filter(m => m.dataset.findings.split(' ').includes('{kyiv}')).map(m => m.textContent).join('')")
    assert marked == "kyiv"
    assert _errors(driver) == []


def test_hostile_corpus_executes_nothing(browser, hostile):
    driver = _load(browser, hostile)
    from selenium.common.exceptions import NoAlertPresentException

    def pwned():
        return driver.execute_script("return window.__pwned !== undefined || document.documentElement.hasAttribute('data-pwned')")

    assert not pwned()
    rows = driver.find_elements("css selector", "#rows tr")
    assert len(rows) == 3 + len(HOSTILE_NAMES)
    for i in range(len(rows)):
        driver.find_elements("css selector", "#rows tr")[i].click()
        for _ in range(4):
            driver.find_element("id", "next-finding").click()
        for mark in driver.find_elements("css selector", "mark.finding")[:6]:
            mark.click()
        assert not pwned()
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018  (reading it raises when there is no alert)
    # nothing from the corpus became markup: only the page's own elements exist
    counts = driver.execute_script(
        "return {img: document.images.length, iframe: document.querySelectorAll('iframe,svg,object,embed,a,meta[http-equiv=refresh]').length,"
        " script: document.querySelectorAll('script:not([type=\"application/json\"])').length, style: document.querySelectorAll('style,link').length,"
        " hidden: getComputedStyle(document.body).display}")
    assert counts == {"img": 0, "iframe": 0, "script": 1, "style": 1, "hidden": "block"}
    # the hostile strings are on the page as text, visible to the editor, bidi controls shown as code points
    body = driver.find_element("tag name", "body").text
    assert "<script>window.__pwned" in body or "&lt;script&gt;" in body
    assert "\\u202e" in body or "U+202E" in body
    assert "\u202e" not in body
    assert driver.title == "provenance-audit: triage" and not pwned()
    assert _errors(driver) == []


def test_page_has_a_strict_content_security_policy(triage):
    page = triage.read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp) and re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert "http" not in csp.replace("http-equiv", "")
    # one executable script and one style, both the page's own, and no network reference anywhere
    assert page.count("<script>") == 1 and page.count("<style>") == 1
    assert not re.search(r"(src|href)=\"https?:", page)


def test_json_blocks_cannot_be_closed_by_the_text():
    hostile = {"t": "</script><script>alert(1)</script><!-- \u2028"}
    out = page_format._json(hostile)
    assert "<" not in out and ">" not in out and "\u2028" not in out
    assert json.loads(out) == hostile


def test_output_folder_gets_index_html(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "scraped.txt").write_text(SCRAPED)
    out = tmp_path / "reports"
    main(["scan", "--output", str(out), "--format", "html", str(corpus)])
    printed = capsys.readouterr().out
    assert (out / "index.html").read_text(encoding="utf-8") == printed
    assert (out / "summary.json").is_file()
