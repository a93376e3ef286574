"""Word lists of kinds live in rules/lists/, named by the rules that read them."""

from __future__ import annotations

import shutil

import pytest

from audit.catalogue import load_catalogue, rules_dir
from audit.document import from_bytes
from audit import codelists, language
from audit.kinds import _prose, consistency, honorific, html_meta, outlet_name, postposed_adjective, pronoun_gender, untranslated

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
    "untranslated": {"particles_from": untranslated.PARTICLES},
    "pronoun-gender": {"not_person_from": pronoun_gender.NOT_PERSON, "others_from": pronoun_gender.OTHERS},
}
# lists that code reads outside any rule, named in origin.toml's [code_lists]
CODE_LISTS = ("english_function_words", "english_shared_words", "foreign_function_words", "prose_english_words")


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
    code_lists = {key: codelists._names()[key] for key in CODE_LISTS}
    for lists in [*KIND_LISTS.values(), code_lists]:
        for name in lists.values():
            first = (RULES / "lists" / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("# ") and len(first) > 20, name


TEXT = "The United States reiterated its opposition to strikes on the territory Russian, officials said.\n"


def _kind_flags(catalogue, kind, rule_id: str, text: str) -> list[str]:
    """What one rule's kind finds in ``text``, the rule compiled by ``catalogue``."""
    rule = catalogue.by_id[rule_id]
    doc = from_bytes("a.txt", text.encode())
    return [doc.text[h.start:h.end] for h in kind.run(rule, catalogue.compiled(rule), doc)]


def _flags(catalogue) -> list[str]:
    return _kind_flags(catalogue, postposed_adjective, "word-order-calque.postposed-adjective", TEXT)


def test_an_edit_to_a_list_reaches_the_rule_through_the_catalogue_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", str(tmp_path / "cache"))
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    assert _flags(load_catalogue(rules)) == ["territory Russian"]
    assert _flags(load_catalogue(rules)) == ["territory Russian"]  # read back from the cache
    _add_word(rules / "lists" / "mt-postposed-not-nouns.txt", "territory")
    assert _flags(load_catalogue(rules)) == []  # 'territory' is no noun now: the edit is read, not the old cache entry


def _add_word(path, word: str) -> None:
    """Add ``word`` to a list file, keeping its header and its order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    words = sorted({line for line in lines if line and not line.startswith("#")} | {word}, key=str.casefold)
    path.write_text("\n".join(header + words) + "\n", encoding="utf-8")


PRONOUNS = "Harbour official Tomas Ekberg took office on Monday. He said the quay would be rebuilt. Later she added that Ekberg would sign the contract.\n"


def _pronoun_flags(catalogue) -> list[str]:
    return _kind_flags(catalogue, pronoun_gender, "pronoun-leak.two-genders", PRONOUNS)


def test_an_edit_to_the_not_person_list_reaches_pronoun_leak_through_the_catalogue_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", str(tmp_path / "cache"))
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    before = _pronoun_flags(load_catalogue(rules))
    assert before and before == _pronoun_flags(load_catalogue(rules))  # the second read comes from the cache
    _add_word(rules / "lists" / "mt-pronoun-not-person.txt", "Ekberg")
    assert _pronoun_flags(load_catalogue(rules)) == []  # 'Ekberg' names no person now: no person, no leak


def test_an_edit_to_the_name_particles_reaches_untranslated_through_the_catalogue_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_AUDIT_CACHE", str(tmp_path / "cache"))
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    passage = "Banco Popular de Comercio y Industria del Norte"
    prep = load_catalogue(rules).compiled(load_catalogue(rules).by_id["untranslated-fragment"])
    assert "de" in prep.particles and untranslated._mostly_name(passage, prep.max_name_share, prep.particles)
    _add_word(rules / "lists" / "mt-untranslated-name-particles.txt", "Banco")
    catalogue = load_catalogue(rules)
    prep = catalogue.compiled(catalogue.by_id["untranslated-fragment"])
    assert "banco" in prep.particles  # read from the edited list, not the cached catalogue


def test_the_language_lists_are_the_files_origin_toml_names():
    assert codelists._rules_dir() == RULES
    function = set(codelists.code_list("english_function_words"))
    common = function | codelists.code_list("english_shared_words")
    assert language.EN_FUNCTION_WORDS == function and {"the", "which", "would"} <= function
    assert language.EN_COMMON_WORDS == common and {"is", "to", "monday"} <= common - function
    foreign = language.FOREIGN_FUNCTION_WORDS
    assert {"und", "dans", "przez"} <= foreign and not foreign & common


@pytest.fixture
def code_rules(tmp_path, monkeypatch):
    """A copy of the shipped rules that the code lists are read from, freshly."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    monkeypatch.setattr(codelists, "_rules_dir", lambda: rules)
    codelists.clear()
    monkeypatch.setattr(language, "_WORD_LISTS", None)
    yield rules
    codelists.clear()


def test_an_edit_to_a_language_list_reaches_the_language_stage(code_rules):
    sentence = "Quantum elephants traverse luminous meadows quietly"
    assert language.judge(sentence)[0] is None  # no English function word, no foreign one: not judged
    _add_word(code_rules / "lists" / "language-en-function-words.txt", "quantum")
    codelists.clear()
    language._WORD_LISTS = None  # a new process reads the lists again
    assert language.judge(sentence)[:2] == ("en", 1.0)


def test_an_edit_to_the_prose_english_words_reaches_the_quotation_test(code_rules):
    text = "The sign read « alpha beta gamma delta » all week."
    assert _prose.in_foreign_quote(text, text.index("beta"))
    _add_word(code_rules / "lists" / "prose-english-words.txt", "gamma")
    codelists.clear()
    assert not _prose.in_foreign_quote(text, text.index("beta"))
