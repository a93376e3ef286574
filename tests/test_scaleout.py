"""Scale-out: a Dask LocalCluster and a datatrove pipeline give the reports of a local run."""

from __future__ import annotations

import json
import random

import pytest

from audit import Auditor
from audit.report import dumps

# dask[distributed] and datatrove come with the test extra: these tests run, never skip
SENTENCES = [
    "The harbour board met on Thursday to agree the ferry timetable for the winter.",
    "Passengers asked for later crossings on weekdays and cheaper fares for students.",
    "The chair said the new boats would arrive before the spring, as planned.",
    "Engineers will inspect the slipway next month, the board said in a statement.",
]
TRACES = [
    "Spread the love",
    "Aid sent to kyiv has doubled this year, the minister said.",
    "« We will not give up,” said the mayor after the vote.",
    "The fares rose by 3,5 per cent , officials said.",
    "READ ALSO: What the new timetable means for commuters",
]


def make_text(rng: random.Random, traced: bool) -> str:
    title = f"Harbour board sets timetable no. {rng.randint(1, 999)}"
    paras = [title]
    for _ in range(rng.randint(2, 5)):
        para = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 3)))
        if traced and rng.random() < 0.5:
            para = rng.choice(TRACES) + "\n\n" + para
        paras.append(para)
    return "\n\n".join(paras) + "\n"


def make_page(text: str) -> str:
    title, *paras = text.split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"<!DOCTYPE html><html lang='en'><head><title>{title} | Harbour Post</title></head><body><article><h1>{title}</h1>{body}</article></body></html>\n"


def corpus(n: int, seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        text = make_text(rng, traced=i % 2 == 0)
        fmt = ("text", "markdown", "html")[i % 3]
        docs.append({"id": f"doc{i:03d}", "format": fmt, "text": make_page(text) if fmt == "html" else text})
    return docs


def write_files(directory, docs) -> list[str]:
    ext = {"text": "txt", "markdown": "md", "html": "html"}
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in docs:
        p = directory / f"{d['id']}.{ext[d['format']]}"
        p.write_text(d["text"], encoding="utf-8")
        paths.append(str(p))
    return paths


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_bag_of_files_equals_a_local_run(client, tmp_path):
    from audit.distributed import Settings, audit_bag, files_bag, iter_reports

    paths = write_files(tmp_path / "corpus", corpus(24))
    bag = files_bag([str(tmp_path / "corpus")], partition_size=5)
    assert bag.npartitions == 5
    remote = list(iter_reports(client, audit_bag(bag, Settings())))
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes did the work
    local = Auditor()
    assert [dumps(r) for r in remote] == [dumps(local.audit_path(p)) for p in sorted(paths)]
    assert {r["verdict"] for r in remote} >= {"clean", "flagged"}


def test_dask_bag_of_jsonl_records_equals_a_local_run(client, tmp_path):
    from audit.distributed import Settings, audit_bag, jsonl_bag

    docs = corpus(18, seed=5)
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    settings = Settings(readability=False, ignore=("doubled-title",))
    remote = client.compute(audit_bag(jsonl_bag(str(source), blocksize=600), settings)).result()
    local = settings.auditor()
    assert [dumps(r) for r in remote] == [dumps(local.audit_bytes(d["id"], d["text"].encode("utf-8"), fmt=d["format"])) for d in docs]
    assert not any(f["rule"].startswith("doubled-title") for r in remote for f in r["findings"])


def test_dask_command_prints_what_scan_prints(client, tmp_path, capsys):
    from audit.cli import main

    write_files(tmp_path / "corpus", corpus(9, seed=8))
    assert main(["dask", "--scheduler", client.scheduler.address, "--partition-size", "4", str(tmp_path / "corpus")]) == 0
    remote = capsys.readouterr().out
    main(["scan", "--no-output", "--no-cache", "--format", "jsonl", str(tmp_path / "corpus")])
    assert remote == capsys.readouterr().out and len(remote.splitlines()) == 9


def test_datatrove_step_in_a_pipeline(tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from audit.datatrove_step import ProvenanceAuditFilter

    docs = corpus(16, seed=11)
    (tmp_path / "in").mkdir()
    for part in range(2):
        with open(tmp_path / "in" / f"part{part}.jsonl", "w", encoding="utf-8") as fh:
            for d in docs[part::2]:
                fh.write(json.dumps({"id": d["id"], "text": d["text"], "metadata": {"format": d["format"]}}) + "\n")
    local = Auditor(readability=False)
    expected = {d["id"]: local.audit_bytes(d["id"], d["text"].encode("utf-8"), fmt=d["format"]) for d in docs}
    threshold = local.weights.flagged
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            ProvenanceAuditFilter(drop_at_or_above=threshold, exclusion_writer=JsonlWriter(str(tmp_path / "dropped"), compression=None)),
            JsonlWriter(str(tmp_path / "kept"), compression=None),
        ],
        tasks=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    def read(folder):
        return {r["id"]: r for p in sorted((tmp_path / folder).glob("*.jsonl")) for r in map(json.loads, p.read_text(encoding="utf-8").splitlines())}

    kept, dropped = read("kept"), read("dropped")
    assert set(kept) | set(dropped) == set(expected) and not set(kept) & set(dropped)
    assert dropped and kept
    for doc_id, rec in kept.items():
        note, report = rec["metadata"]["provenance_audit"], expected[doc_id]
        assert note["score"] == report["score"] < threshold
        assert note["rules"] == sorted({f["rule"] for f in report["findings"]})
    assert all(expected[d]["score"] >= threshold for d in dropped)
