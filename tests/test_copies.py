"""Crawl inputs, site identity and copy detection, end to end through the CLI.

A small WARC is written with warcio: an original article, an exact copy on
another domain, a light rewrite on a third, a wire story on two subscriber
sites with the agency's credit, and an unrelated article. The same documents
go into a JSON Lines file.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from audit.cli import main

ORIGINAL = (
    "The harbour board voted on Monday to close the old grain pier for two years while engineers rebuild its "
    "foundations, a decision that will move the weekly cargo ships to the eastern quay. Board members said the "
    "pier had been sinking for a decade and that divers found timber piles rotted through at low tide. The "
    "rebuild is expected to cost about forty million and will be paid from the port's reserve fund and a state "
    "grant. Fishing crews who moor beside the pier will be given berths in the marina at no extra charge until "
    "the work is finished, the chair of the board told a packed meeting in the town hall."
)
# a light rewrite: a few words changed per sentence
REWRITE = (
    "The harbour board decided on Monday to close the old grain pier for two years while engineers rebuild its "
    "foundations, a move that will shift the weekly cargo ships to the eastern quay. Board members said the "
    "pier had been sinking for ten years and that divers found timber piles rotted through at low tide. The "
    "rebuild is expected to cost roughly forty million and will be paid from the port's reserve fund and a state "
    "grant. Fishing crews who moor beside the pier will be offered berths in the marina at no extra charge until "
    "the work is finished, the chair of the board told a crowded meeting in the town hall."
)
WIRE = (
    "Mountain villages in the north were cut off on Saturday after a landslide buried the only road in from the "
    "valley, and rescue teams used helicopters to bring in food and medicine. Officials said no one had been "
    "hurt but that about three hundred residents could not leave until the road was cleared, which could take "
    "a week. Heavy rain that fell for four days loosened the slope above the road, a geologist with the regional "
    "government said, and more slides were possible if the rain returned. Schools in the area will stay closed."
)
UNRELATED = (
    "The city library will open on Sundays from next month, the council said, after a survey found that most "
    "readers could only visit at weekends. Opening hours will run from ten in the morning until four in the "
    "afternoon, and the children's reading room will host story sessions every week. The change costs little "
    "because volunteers from the friends of the library society have offered to staff the front desk, while "
    "librarians will move some of their weekday hours to Sunday. A café in the lobby will open on the same days."
)


def page(title: str, body: str, credit: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split(". ") if p)
    extra = f"<p>{credit}</p>" if credit else ""
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><div class=\"entry-content\">{paras}{extra}</div></article></body></html>"


AP_CREDIT = "Copyright 2024 The Associated Press. All rights reserved."
DOCS = [
    ("https://harbourledger.example/news/pier-closes", "2024-03-04T09:00:00Z", page("Old grain pier to close", ORIGINAL)),
    ("https://copyfarm-news.example/pier-closes", "2024-03-05T12:00:00Z", page("Old grain pier to close", ORIGINAL)),
    ("https://buzzportal.example/2024/03/pier", "2024-03-06T12:00:00Z", page("Grain pier will close", REWRITE)),
    ("https://valleycourier.example/world/landslide", "2024-03-02T10:00:00Z", page("Landslide cuts off villages", WIRE, AP_CREDIT)),
    ("https://coastgazette.example/wire/landslide", "2024-03-02T11:00:00Z", page("Landslide cuts off villages", WIRE, AP_CREDIT)),
    ("https://cityweekly.example/library-sundays", "2024-03-03T10:00:00Z", page("Library to open on Sundays", UNRELATED)),
]


def write_warc(path: Path, docs) -> list[int]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        info = writer.create_warcinfo_record(path.name, {"software": "test"})
        writer.write_record(info)
        for url, date, html in docs:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers,
                                                warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
        # a request record and an image response are not documents
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://harbourledger.example/logo.png", "response",
                                                     payload=io.BytesIO(b"\x89PNG\r\n"), http_headers=img))
    return []


def run_scan(tmp_path, *inputs, extra=()):
    out = tmp_path / "reports"
    code = main(["scan", *map(str, inputs), "--output", str(out), "--format", "json", *extra])
    summary = json.loads((out / "summary.json").read_text())
    reports = {}
    for row in summary["ranking"]:
        reports[row["path"]] = json.loads((out / row["report"]).read_text())
    return code, summary, reports


def by_url(reports) -> dict:
    return {r["site"]["url"]: r for r in reports.values() if r.get("site")}


def check_run(summary, reports, valid):
    valid(list(reports.values()))
    r = by_url(reports)
    assert len(r) == len(DOCS), "one report per HTML document, the image skipped"
    original, copy, rewrite, wire_a, wire_b, unrelated = (r[d[0]] for d in DOCS)

    def rule_ids(rep):
        return {f["rule"] for f in rep["findings"]}

    # the exact copy and the rewrite: found, with their similarity and the original's site
    for rep, least in ((copy, 0.99), (rewrite, 0.5)):
        row = next(c for c in rep["copies"] if c["site"] == "harbourledger.example")
        assert row["similarity"] >= least and row["evidence"]
        assert "copy-of.run" in rule_ids(rep)
        assert rep["verdict"] in ("review", "flagged")
    assert copy["copies"][0]["similarity"] == 1.0
    assert 0.5 <= next(c["similarity"] for c in rewrite["copies"] if c["site"] == "harbourledger.example") < 1.0
    # the original: published first, its copies listed, no evidence against it
    assert {c["site"] for c in original["copies"]} == {"copyfarm-news.example", "buzzportal.example"}
    assert not any(c["evidence"] for c in original["copies"])
    assert "copy-of.run" not in rule_ids(original)
    assert original["cluster"] == copy["cluster"] == rewrite["cluster"]
    # the wire story on two subscriber sites, credited: honest on both
    for rep in (wire_a, wire_b):
        assert rep["copies"] and rep["copies"][0]["similarity"] == 1.0
        assert not any(c["evidence"] for c in rep["copies"])
        assert not (rule_ids(rep) & {"copy-of.run", "identity-mismatch.credit"})
    assert wire_a["cluster"] == wire_b["cluster"] != original["cluster"]
    # the unrelated article: alone
    assert "copies" not in unrelated and "cluster" not in unrelated
    assert unrelated["site"]["domain"] == "cityweekly.example"
    # summary.json lists the clusters
    clusters = summary["clusters"]
    assert sorted(c["size"] for c in clusters) == [2, 3]
    big = next(c for c in clusters if c["size"] == 3)
    flagged = {m["site"] for m in big["members"] if m["evidence"]}
    assert flagged == {"copyfarm-news.example", "buzzportal.example"}
    assert next(m for m in big["members"] if m["site"] == "harbourledger.example")["exempt"] == "published first"


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_copies_rewrite_wire_and_unrelated(tmp_path, valid, name):
    warc = tmp_path / name
    write_warc(warc, DOCS)
    code, summary, reports = run_scan(tmp_path, warc)
    assert code in (0, 1)
    check_run(summary, reports, valid)
    # records are named by file and offset
    assert all("#" in p for p in reports)
    assert all(p.startswith(str(warc)) for p in reports)


def test_jsonl_the_same_and_a_record_without_url_as_today(tmp_path, valid, auditor):
    lines = [json.dumps({"id": f"doc-{i}", "url": url, "date": date, "html": html}) for i, (url, date, html) in enumerate(DOCS)]
    plain = "Ferry fares rise\n\nThe island operator said on Tuesday that fares would rise by six per cent in June.\n"
    lines.append(json.dumps({"id": "no-url", "text": plain}))
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines) + "\n")
    code, summary, reports = run_scan(tmp_path, path)
    check_run(summary, reports, valid)
    assert f"{path}#doc-0" in reports
    bare = reports[f"{path}#no-url"]
    today = auditor.audit_text(plain, fmt="text", path=f"{path}#no-url")
    # audited as a loose file is: same findings, score and fields (no site, no copies)
    assert "site" not in bare and "copies" not in bare
    for key in ("findings", "score", "verdict", "scores", "sha256"):
        assert bare[key] == today[key]


def test_other_outlets_identity_in_the_body(tmp_path, valid):
    body = page("Council passes budget", UNRELATED, "This article was originally published by The Washington Post.")
    lines = [
        json.dumps({"url": "https://dailytrendwire.example/budget", "html": body}),
        json.dumps({"url": "https://www.washingtonpost.com/local/budget", "html": body}),
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(lines) + "\n")
    _, summary, reports = run_scan(tmp_path, path, extra=["--no-copies"])
    valid(list(reports.values()))
    r = by_url(reports)
    mirror = r["https://dailytrendwire.example/budget"]
    own = r["https://www.washingtonpost.com/local/budget"]
    assert "identity-mismatch.credit" in {f["rule"] for f in mirror["findings"]}
    assert "identity-mismatch.credit" not in {f["rule"] for f in own["findings"]}
    assert own["site"]["outlet"] == "The Washington Post"
    assert summary["clusters"] == []


def test_plain_files_with_an_address_map(tmp_path, valid):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Pier closes\n\n" + ORIGINAL + "\n")
    b.write_text("Pier closes\n\n" + ORIGINAL + "\n")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{a} https://harbourledger.example/pier\n{b} https://copyfarm-news.example/pier\n")
    _, summary, reports = run_scan(tmp_path, a, b, extra=["--urls", str(urls)])
    valid(list(reports.values()))
    assert reports[str(a)]["site"]["domain"] == "harbourledger.example"
    assert reports[str(b)]["copies"][0]["path"] == str(a)
    # no dates and no credit: neither copy can be told for the original, both are evidence
    assert all(m["evidence"] for m in summary["clusters"][0]["members"])


def test_plain_runs_without_crawl_inputs_are_unchanged(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Pier closes\n\n" + ORIGINAL + "\n")
    b.write_text("Pier closes\n\n" + ORIGINAL + "\n")
    _, summary, reports = run_scan(tmp_path, a, b)
    assert "clusters" not in summary
    assert all("copies" not in r and "site" not in r for r in reports.values())
    _, summary, reports = run_scan(tmp_path, a, b, extra=["--copies"])
    assert summary["clusters"][0]["size"] == 2
    # sites unknown: copies are listed, but they are no evidence
    assert all(not c["evidence"] for r in reports.values() for c in r["copies"])


def test_eval_and_calibrate_compare_a_manifests_pages_with_copies(tmp_path, capsys):
    """A labelled manifest of pages with addresses is judged as a crawl of them
    would be: with --copies the copy and the rewrite carry copy-of evidence,
    the original and the credited wire story do not; without it, no page does."""
    from audit.calibrate import collect
    from audit.evaluate import load_corpus

    texts = tmp_path / "texts"
    texts.mkdir()
    labels = ["original", "scraped", "scraped", "original", "original", "original"]
    rows = []
    for i, ((url, date, html), label) in enumerate(zip(DOCS, labels)):
        (texts / f"p{i}.txt").write_text(html, encoding="utf-8")
        rows.append({"id": f"p{i}", "url": url, "date": date, "label": label, "format": "html"})
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    def copy_rules(extra):
        assert main(["eval", str(manifest), "--texts", str(texts), "--format", "json", *extra]) == 0
        detail = json.loads(capsys.readouterr().out)["documents_detail"]
        return {d["file"]: {r for r in d["rules"] if r.startswith("copy-of")} for d in detail}

    assert copy_rules([]) == {f"p{i}": set() for i in range(6)}
    found = copy_rules(["--copies"])
    assert found["p1"] == found["p2"] == {"copy-of.run"}
    assert not (found["p0"] | found["p3"] | found["p4"] | found["p5"]) & {"copy-of.run"}

    from audit.pipeline import Auditor

    samples, errors = collect([load_corpus(manifest, texts)], Auditor(), copies=True)
    assert not errors
    assert {s.file for s in samples if any(f.rule == "copy-of.run" for f in s.findings)} == {"p1", "p2"}
