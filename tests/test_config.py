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


EUPHONY = "Наш менеджер в школі провів тренінг, дякуємо за за увагу."


def test_opt_in_rules_run_only_when_named():
    assert rules_of(clientlint.Linter().check(EUPHONY)) == ["spelling.doubled-word"]
    # A category or "all" does not switch on an opt-in rule; its id, or a prefix of it, does.
    assert rules_of(clientlint.Linter({"select": ["grammar", "spelling"]}).check(EUPHONY)) == ["spelling.doubled-word"]
    assert rules_of(clientlint.Linter({"extend_select": ["all"]}).check(EUPHONY)) == ["spelling.doubled-word"]
    named = clientlint.Linter({"extend_select": ["uk.grammar.euphony"]})
    assert rules_of(named.check(EUPHONY)) == ["spelling.doubled-word", "uk.grammar.euphony-u-v"]
    only = clientlint.Linter({"select": ["uk.grammar.euphony-u-v"]})
    assert rules_of(only.check(EUPHONY)) == ["uk.grammar.euphony-u-v"]
    ignored = clientlint.Linter({"extend_select": ["uk.grammar.euphony"], "ignore": ["grammar"]})
    assert rules_of(ignored.check(EUPHONY)) == ["spelling.doubled-word"]


def test_extend_select_adds_to_a_narrowed_selection_and_per_path(tmp_path):
    linter = clientlint.Linter({"select": ["grammar"], "extend_select": ["spelling.doubled-word"]})
    assert rules_of(linter.check(DRAFT)) == ["ru.grammar.v-techenii", "spelling.doubled-word"]
    per_path = clientlint.Linter(from_mapping({"overrides": [{"paths": ["uk/**"], "extend_select": ["uk.grammar.euphony"]}]},
                                              root=tmp_path))
    assert "uk.grammar.euphony-u-v" in rules_of(per_path.check(EUPHONY, path=tmp_path / "uk" / "a.txt"))
    assert "uk.grammar.euphony-u-v" not in rules_of(per_path.check(EUPHONY, path=tmp_path / "b.txt"))
    with pytest.raises(ConfigError, match="extend_select"):
        from_mapping({"extend_select": 3})


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
