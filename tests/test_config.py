"""Configuration files, selection, severity overrides, per-path settings, accepted words."""

import textwrap

import pytest

import clientlint
from clientlint.config import find_config_file, from_mapping, load_file
from clientlint.errors import ConfigError

DRAFT = "Мы ответим в течении часа. Спасибо за за терпение, идиоты."


def rules_of(report):
    return sorted({d.rule for d in report.diagnostics})


def test_select_and_ignore_by_prefix_and_category():
    only_grammar = clientlint.Linter({"select": ["grammar"]})
    assert rules_of(only_grammar.check(DRAFT)) == ["ru.grammar.v-techenii"]
    no_ru = clientlint.Linter({"ignore": ["ru"]})
    assert rules_of(no_ru.check(DRAFT)) == ["spelling.doubled-word"]
    # A prefix matches whole dotted segments only: "ru.gram" selects nothing.
    assert rules_of(clientlint.Linter({"select": ["ru.gram"]}).check(DRAFT)) == []


def test_severity_override_most_specific_wins():
    linter = clientlint.Linter({"severity": {"tone": "info", "ru.tone.insult": "warning"}})
    [d] = linter.check(DRAFT).by_rule("ru.tone.insult")
    assert d.severity == "warning"
    [d] = clientlint.Linter({"severity": {"spelling": "info"}}).check(DRAFT).by_rule("spelling.doubled-word")
    assert d.severity == "info"


def test_client_language_from_config_and_argument():
    linter = clientlint.Linter({"client_language": "uk"})
    report = linter.check("Дякуємо!")
    assert (report.client_language, report.client_language_source) == ("uk", "config")
    report = linter.check("Дякуємо!", client_language="ru")
    assert (report.client_language, report.client_language_source) == ("ru", "argument")


def test_per_path_overrides(tmp_path):
    cfg = from_mapping(
        {"overrides": [{"paths": ["templates/uk/**"], "client_language": "uk", "ignore": ["hygiene"]},
                       {"paths": ["drafts/*.txt"], "template": True}]},
        root=tmp_path,
    )
    linter = clientlint.Linter(cfg)
    report = linter.check("Добрий день, {{ name }}!", path=tmp_path / "templates/uk/welcome.txt")
    assert report.client_language == "uk" and not report.diagnostics
    assert rules_of(linter.check("Добрий день, {{ name }}!", path=tmp_path / "other/a.txt")) == ["hygiene.unfilled-placeholder"]
    assert not linter.check("Добрий день, {{ name }}!", path=tmp_path / "drafts/a.txt").diagnostics


def test_accepted_words_from_config_and_word_list(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# team words\ncha  # as in the dance\n", encoding="utf-8")
    linter = clientlint.Linter(from_mapping({"word_lists": ["words.txt"]}, root=tmp_path))
    assert not linter.check("Our party ends with a cha cha class.").diagnostics
    assert rules_of(clientlint.Linter().check("Our party ends with a cha cha class.")) == ["spelling.doubled-word"]
    inline = clientlint.Linter({"accept": ["Cha"]})
    assert not inline.check("Our party ends with a cha cha class.").diagnostics


def test_pyproject_and_dotfile_discovery(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n\n[tool.clientlint]\nignore = ["tone"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config_file(sub) == tmp_path / "pyproject.toml"
    assert load_file(tmp_path / "pyproject.toml").ignore == ("tone",)
    (tmp_path / "a" / ".clientlint.toml").write_text('select = ["grammar"]\n', encoding="utf-8")
    found = find_config_file(sub)
    assert found == tmp_path / "a" / ".clientlint.toml"
    assert load_file(found).select == ("grammar",)


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n', encoding="utf-8")
    assert find_config_file(tmp_path) is None or find_config_file(tmp_path).parent != tmp_path


@pytest.mark.parametrize(
    "body, message",
    [
        ('selct = ["x"]', "unknown key 'selct'"),
        ('fail_on = "fatal"', "'fail_on' must be one of"),
        ('client_language = "ukrainian"', "ISO 639-1"),
        ('[severity]\ntone = "loud"', "severity for 'tone'"),
        ('select = "x", y', "invalid TOML"),
        ('[[overrides]]\nclient_language = "uk"', "'paths' is required"),
        ('word_lists = ["missing.txt"]', "word list not found"),
    ],
)
def test_malformed_config_is_one_clear_error(tmp_path, body, message):
    p = tmp_path / ".clientlint.toml"
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        clientlint.Linter(load_file(p))
    assert message in str(info.value)
    assert str(p) in str(info.value) or "missing.txt" in str(info.value)
    assert "\n" not in str(info.value)


def test_accepted_word_covers_its_inflected_forms():
    text = "Оплатите через Монобанку или Монобанк завтра, в Монобанке."
    plain = clientlint.Linter({"select": ["spelling"]}).check("Оплата через монобанку, монобанк, монобанке работает.")
    assert {d.rule for d in plain.diagnostics} <= {"spelling.unknown-word"}
    team = clientlint.Linter({"select": ["spelling"], "accept": ["монобанк"]})
    assert team.check("Оплата через монобанку, монобанк, монобанке работает.").diagnostics == []
    assert team.check(text).diagnostics == []


def test_default_word_list_beside_the_config_is_read(tmp_path):
    (tmp_path / ".clientlint.toml").write_text('select = ["spelling"]\n', encoding="utf-8")
    (tmp_path / "clientlint-words.txt").write_text("закас\n", encoding="utf-8")
    linter = clientlint.Linter(load_file(tmp_path / ".clientlint.toml"))
    assert linter.check("Ваш закас готов.").diagnostics == []
    assert rules_of(clientlint.Linter({"select": ["spelling"]}).check("Ваш закас готов.")) == ["spelling.unknown-word"]
