"""Rule packs as data: malformed packs are reported with file, line and rule; the shipped packs are clean."""

import textwrap
from pathlib import Path

import pytest
import yaml

import clientlint
from clientlint.errors import RulePackError
from clientlint.packs import builtin_rules_dir, load_pack, pack_files

GOOD_RULE = """\
rules:
  - id: team.tone.no-asap
    category: tone
    severity: warning
    languages: [en]
    kind: phrase
    phrases: ["asap"]
    replacements: ["by Friday"]
    fix: unsafe
    message: "“ASAP” sounds like pressure; name a date instead."
    description: "Clients read ASAP as a demand."
    examples:
      bad:
        - {text: "Reply <<asap>> please.", suggestion: "by Friday"}
      good:
        - "Reply by Friday, please."
"""


def write(tmp_path, body, name="team.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_team_pack_loads_and_runs(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    write(folder, GOOD_RULE)
    linter = clientlint.Linter({"rule_paths": [str(folder)]})
    report = linter.check("Please reply asap, thanks.")
    [d] = report.by_rule("team.tone.no-asap")
    assert report.text[d.start:d.end] == "asap" and d.replacements == ["by Friday"] and d.fix == "unsafe"


@pytest.mark.parametrize(
    "edit, line, rule, what",
    [
        (("    message:", "    mesage:"), 11, "team.tone.no-asap", "unknown key 'mesage'"),
        (("category: tone", "category: rudeness"), 4, "team.tone.no-asap", "category 'rudeness' is not one of"),
        (("kind: phrase", "kind: magic"), 7, "team.tone.no-asap", "unknown kind 'magic'"),
        (("severity: warning", "severity: fatal"), 5, "team.tone.no-asap", "severity 'fatal'"),
        (("<<asap>>", "asap"), 14, "team.tone.no-asap", "exactly one span"),
        (("      good:\n        - \"Reply by Friday, please.\"\n", ""), 12, "team.tone.no-asap", "at least one 'bad' and one 'good'"),
        (("id: team.tone.no-asap", "id: NoDots"), 2, "NoDots", "malformed 'id'"),
    ],
)
def test_malformed_pack_names_file_line_and_rule(tmp_path, edit, line, rule, what):
    old, new = edit
    assert old in GOOD_RULE
    p = write(tmp_path, GOOD_RULE.replace(old, new))
    with pytest.raises(RulePackError) as info:
        load_pack(p, "rules/team.yaml")
    err = info.value
    assert str(err).startswith(f"rules/team.yaml:{err.line}:")
    assert what in str(err)
    assert err.rule == rule
    if line is not None:
        assert abs(err.line - line) <= 1, str(err)


def test_invalid_yaml_reports_line(tmp_path):
    p = write(tmp_path, "rules:\n  - id: x.y\n    phrases: [unclosed\n")
    with pytest.raises(RulePackError, match=r"^bad\.yaml:\d+: invalid YAML"):
        load_pack(p, "bad.yaml")


def test_bad_regex_in_pattern_is_reported(tmp_path):
    body = GOOD_RULE.replace('kind: phrase\n    phrases: ["asap"]', 'kind: pattern\n    pattern: [{regex: "as(ap"}]')
    p = write(tmp_path, body)
    with pytest.raises(RulePackError, match="bad regex"):
        load_pack(p, "team.yaml")


def test_unquoted_yaml_boolean_in_a_pattern_is_reported(tmp_path):
    body = GOOD_RULE.replace('kind: phrase\n    phrases: ["asap"]', 'kind: pattern\n    pattern: [{text: piss}, {text: [off]}]')
    p = write(tmp_path, body)
    with pytest.raises(RulePackError, match="quote the word"):
        load_pack(p, "team.yaml")


def test_duplicate_rule_id_across_packs(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    write(folder, GOOD_RULE, "a.yaml")
    write(folder, GOOD_RULE, "b.yaml")
    with pytest.raises(RulePackError, match="duplicate rule id"):
        clientlint.Linter({"rule_paths": [str(folder)]})


def test_missing_rule_folder(tmp_path):
    with pytest.raises(RulePackError, match="rule folder not found"):
        clientlint.Linter({"rule_paths": [str(tmp_path / "nope")]})


# --- lint the shipped data itself (the way codespell tests its dictionaries) -------------------------------------

SHIPPED = pack_files(builtin_rules_dir())


def test_packs_are_shipped_for_each_language():
    langs = {p.parent.name for p in SHIPPED}
    assert {"ru", "uk", "en"} <= langs


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_pack_is_tidy(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lang = path.parent.name
    for rule in data["rules"]:
        rid = rule["id"]
        if lang in ("ru", "uk", "en"):
            assert rid.startswith(lang + "."), f"{path.name}: {rid} is in rules/{lang}/"
        phrases = rule.get("phrases", [])
        assert len(phrases) == len(set(p.lower() for p in phrases)), f"{rid}: duplicate phrases"
        for repl in rule.get("replacements", []):
            assert repl.lower() not in {p.lower() for p in phrases}, f"{rid}: a replacement is itself flagged"
        assert "{" not in rule.get("description", ""), f"{rid}: the description is not a template"


def test_phrase_mapping_gives_each_phrase_its_own_fix(tmp_path):
    body = GOOD_RULE.replace('phrases: ["asap"]\n    replacements: ["by Friday"]',
                             'phrases: {asap: "by Friday", "right now": ["today", "this morning"]}')
    folder = tmp_path / "packs"
    folder.mkdir()
    write(folder, body)
    linter = clientlint.Linter({"rule_paths": [str(folder)], "select": ["team"]})
    found = [(d.replacements) for d in linter.check("Reply asap, or right now.").diagnostics]
    assert found == [["by Friday"], ["today", "this morning"]]
    bad = GOOD_RULE.replace('phrases: ["asap"]', 'phrases: {asap: "by Friday"}')
    with pytest.raises(RulePackError, match="drop 'replacements'"):
        load_pack(write(tmp_path, bad), "team.yaml")


def test_antipatterns_silence_a_phrase_inside_an_idiom(tmp_path):
    body = GOOD_RULE.replace('phrases: ["asap"]\n    replacements: ["by Friday"]',
                             'phrases: [fool]\n    lemma: true\n    antipatterns: ["play the fool", "fool proof"]')
    body = body.replace("<<asap>>", "<<fool>>").replace('suggestion: "by Friday"', "")
    folder = tmp_path / "packs"
    folder.mkdir()
    write(folder, body)
    linter = clientlint.Linter({"rule_paths": [str(folder)], "select": ["team"]})
    text = "Let's not play the fool: you are a fool, and the fool proof plan failed."
    assert [(d.start, d.end) for d in linter.check(text).diagnostics] == [(text.index("a fool") + 2,
                                                                          text.index("a fool") + 6)]
    bad = body.replace('antipatterns: ["play the fool", "fool proof"]', "antipatterns: play the fool")
    with pytest.raises(RulePackError, match="'antipatterns' is a list of phrases") as info:
        load_pack(write(tmp_path, bad), "team.yaml")
    assert info.value.rule == "team.tone.no-asap"


def test_pattern_antipatterns_are_token_sequences(tmp_path):
    body = GOOD_RULE.replace('kind: phrase\n    phrases: ["asap"]\n    replacements: ["by Friday"]',
                             'kind: pattern\n    pattern: [{text: asap}]\n    replacements: ["by Friday"]\n'
                             '    antipatterns: [[{text: not}, {text: asap}]]')
    folder = tmp_path / "packs"
    folder.mkdir()
    write(folder, body)
    linter = clientlint.Linter({"rule_paths": [str(folder)], "select": ["team"]})
    text = "It is not asap, but reply asap if you can."
    assert [(d.start, d.end) for d in linter.check(text).diagnostics] == [(text.rindex("asap"), text.rindex("asap") + 4)]
    bad = body.replace("antipatterns: [[{text: not}, {text: asap}]]", "antipatterns: [{text: not}]")
    with pytest.raises(RulePackError, match="'antipatterns' is a list of patterns"):
        load_pack(write(tmp_path, bad), "team.yaml")


def test_replacement_can_put_another_word_into_the_matched_form(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    write(folder, """\
rules:
  - id: team.grammar.braty-uchast
    category: grammar
    severity: error
    languages: [uk]
    kind: pattern
    fix: safe
    pattern:
      - {lemma: приймати}
      - {text: участь}
    replacements: ["{0>брати} участь"]
    message: "Пишіть «{suggestion}»."
    description: "A calque."
    examples:
      bad:
        - {text: "Ми <<приймали участь>> у виставці.", suggestion: "брали участь"}
      good:
        - "Ми брали участь у виставці."
""")
    linter = clientlint.Linter({"rule_paths": [str(folder)], "select": ["team"]})
    for text, fix in (("Я приймаю участь у конкурсі.", "беру участь"), ("Вона приймала участь.", "брала участь"),
                      ("Приймати участь легко.", "Брати участь")):
        [d] = linter.check(text).diagnostics
        assert d.replacements == [fix], text


def test_russian_reinflection_survives_loading_the_ukrainian_dictionary():
    """pymorphy3 shares one tag class between languages; loading uk must not break ru inflection."""
    from clientlint import morphology

    morphology.analyzer("ru")
    morphology.analyzer("uk")
    assert morphology.inflect_like("класть", "ложат", "ru") == "кладут"
    assert morphology.inflect("ложил", "ru", frozenset({"INFN"})) == "ложить"


def test_builtin_packs_are_parsed_once_and_again_when_a_file_changes(tmp_path, monkeypatch):
    from clientlint import packs

    root = tmp_path / "rules"
    (root / "en").mkdir(parents=True)
    pack = write(root / "en", GOOD_RULE)
    monkeypatch.setattr(packs, "builtin_rules_dir", lambda: root)
    first = packs.load_builtin()
    assert [r.meta.id for r in first] == ["team.tone.no-asap"]
    assert packs.load_builtin()[0] is first[0]  # parsed once
    pack.write_text(GOOD_RULE.replace("team.tone.no-asap", "team.tone.no-asap-please"), encoding="utf-8")
    assert [r.meta.id for r in packs.load_builtin()] == ["team.tone.no-asap-please"]
    monkeypatch.undo()
    assert len(packs.load_builtin()) > 100
