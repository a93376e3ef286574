"""Word lists of kinds live in rules/lists/, named by the rules that read them."""

from __future__ import annotations

import shutil

import pytest

from audit.catalogue import load_catalogue, rules_dir
from audit.document import from_bytes
from audit.kinds import consistency, honorific, html_meta, outlet_name, postposed_adjective

RULES = rules_dir()
KIND_LISTS = {
    "consistency": consistency.LISTS,
    "honorific": honorific.LISTS,
    "outlet-name": outlet_name.LISTS,
    "postposed-adjective": postposed_adjective.LISTS,
    "html-meta-canonical": {"generic_words_from": html_meta.GENERIC_WORDS},
    "html-meta-site-name": {"generic_words_from": html_meta.GENERIC_WORDS},
    "html-meta-publisher": {"generic_words_from": html_meta.GENERIC_WORDS},
    "html-meta-author-meta": {"not_person_from": html_meta.NOT_PERSON},
}


@pytest.mark.parametrize("kind", sorted(KIND_LISTS))
def test_each_shipped_rule_names_the_lists_its_kind_reads(kind):
    catalogue = load_catalogue()
    rules = [r for r in catalogue.rules if r.kind == kind]
    assert rules, kind
    for rule in rules:
        needed = KIND_LISTS[kind]
        if kind == "consistency":  # each mode reads one of the two lists
            key = {"name-order": "not_names_from", "term": "head_stop_from"}[rule.params["mode"]]
            needed = {key: needed[key]}
        for key, default in needed.items():
            assert (RULES / "lists" / f"{default}.txt").is_file()
            assert rule.params.get(key) == default, (rule.id, key)


def test_every_moved_list_says_what_it_is():
    for lists in KIND_LISTS.values():
        for name in lists.values():
            first = (RULES / "lists" / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("# ") and len(first) > 20, name


TEXT = "The United States reiterated its opposition to strikes on the territory Russian, officials said.\n"


def _flags(catalogue) -> list[str]:
    rule = catalogue.by_id["word-order-calque.postposed-adjective"]
    doc = from_bytes("a.txt", TEXT.encode())
    return [doc.text[h.start:h.end] for h in postposed_adjective.run(rule, catalogue.compiled(rule), doc)]


def test_an_edit_to_a_list_reaches_the_rule_through_the_catalogue_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", str(tmp_path / "cache"))
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    assert _flags(load_catalogue(rules)) == ["territory Russian"]
    assert _flags(load_catalogue(rules)) == ["territory Russian"]  # read back from the cache
    listed = rules / "lists" / "mt-postposed-not-nouns.txt"
    lines = listed.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    words = sorted({line for line in lines if line and not line.startswith("#")} | {"territory"}, key=str.casefold)
    listed.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    assert _flags(load_catalogue(rules)) == []  # 'territory' is no noun now: the edit is read, not the old cache entry
