"""The four reporters (text, json, sarif, github) on real reports, and the CLI's --format sarif/github."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from click.testing import CliRunner

import clientlint
from clientlint.cli import cli
from clientlint.reporters import FORMATS, FileResult, LineIndex, get_reporter
from clientlint.reporters import github as github_reporter
from clientlint.reporters import json_ as json_reporter
from clientlint.reporters import sarif as sarif_reporter
from clientlint.reporters import text as text_reporter

V_TECHENII = "ru.grammar.v-techenii"
PLACEHOLDER = "hygiene.unfilled-placeholder"
DOUBLED = "spelling.doubled-word"

# Messages written for these tests.
SIMPLE = "Мы ответим в течении часа."  # finding at offset 11..20
EMOJI = "🙂 Добрый вечер! Пришлём акт в течении недели."  # the emoji is one code point, two UTF-16 units
MULTILINE = "Здравствуйте!\nСпасибо за письмо.\nОтвет подготовим в течении дня, ждите."
CLEAN = "Спасибо, всё получили, ждём ваших новостей."
SPANNING = "Мы ответим в\nв течение часа."  # a doubled word across a line break
MIXED = "Добрый день, {{ name }}! Мы мы уже работаем, ответим в течении часа."

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def linter():
    return clientlint.Linter()


@pytest.fixture(scope="module")
def softer():
    """A Linter that lowers grammar findings to warnings and placeholders to info."""
    return clientlint.Linter({"severity": {"grammar": "warning", "hygiene": "info"}})


@pytest.fixture(scope="module")
def rules(linter):
    return {r.meta.id: r.meta for r in linter.rules}


def result(linter, text: str, path: str = "reply.txt") -> FileResult:
    return FileResult(path, text, linter.check(text))


def only(res: FileResult, rule: str | None = None):
    diags = [d for d in res.report.diagnostics if rule is None or d.rule == rule]
    assert len(diags) == 1, diags
    return diags[0]


# --- the messages themselves -----------------------------------------------------------------------------------


def test_sample_messages_give_the_expected_findings(linter):
    d = only(result(linter, SIMPLE))
    assert (d.rule, d.start, d.end, d.replacements, d.fix) == (V_TECHENII, 11, 20, ["в течение"], "safe")
    assert SIMPLE[d.start:d.end] == "в течении"
    d = only(result(linter, EMOJI))
    assert (d.rule, d.start, d.end) == (V_TECHENII, 28, 37)
    d = only(result(linter, MULTILINE))
    assert (d.rule, d.start, d.end) == (V_TECHENII, 50, 59)
    assert result(linter, CLEAN).report.diagnostics == []
    d = only(result(linter, SPANNING))
    assert (d.rule, d.start, d.end, d.replacements) == (DOUBLED, 11, 14, ["в"])
    assert [(d.rule, d.start, d.end) for d in result(linter, MIXED).report.diagnostics] == [
        (PLACEHOLDER, 13, 23), (DOUBLED, 25, 30), (V_TECHENII, 53, 62)
    ]


def test_line_index_counts_code_points_and_lines():
    index = LineIndex(MULTILINE)
    assert index.position(0) == (1, 1)
    assert index.position(14) == (2, 1)
    assert index.position(33) == (3, 1)
    assert index.position(50) == (3, 18)
    assert index.position(len(MULTILINE)) == (3, len("Ответ подготовим в течении дня, ждите.") + 1)
    assert index.line_text(2) == "Спасибо за письмо."
    assert LineIndex("a\r\nb").line_text(1) == "a"
    assert LineIndex(EMOJI).position(28) == (1, 29)


def test_every_format_has_a_reporter():
    assert set(FORMATS) == {"text", "json", "sarif", "github"}
    for name in FORMATS:
        assert callable(get_reporter(name))


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_no_findings_give_empty_output(linter, rules, fmt):
    assert get_reporter(fmt)([result(linter, CLEAN)], rules=rules) == ""
    assert get_reporter(fmt)([], rules=rules) == ""


# --- text ------------------------------------------------------------------------------------------------------


def test_text_header_caret_and_suggestion(linter, rules):
    res = result(linter, SIMPLE)
    d = only(res)
    out = text_reporter.render([res], rules=rules, color=False)
    lines = out.splitlines()
    assert lines[0] == f"reply.txt:1:12: error [{V_TECHENII}] {d.message}"
    assert lines[1] == "    " + SIMPLE
    assert lines[2] == "    " + " " * 11 + "^" * 9
    assert lines[3] == "    suggestion: «в течение» (safe fix)"
    assert lines[4] == "Found 1 problem in 1 file."
    assert out.endswith("\n")
    assert "\x1b" not in out


def test_text_caret_sits_under_the_span(linter, rules):
    for text in (SIMPLE, EMOJI, MULTILINE):
        res = result(linter, text)
        d = only(res)
        lines = text_reporter.render([res], rules=rules).splitlines()
        src, caret = lines[1][4:], lines[2][4:]
        line_start = text.rfind("\n", 0, d.start) + 1
        before = text[line_start:d.start]
        # The caret sits under the span in terminal columns: an emoji before it takes two.
        assert caret.index("^") == text_reporter.display_width(before)
        assert caret.count("^") == len("в течении") and text[d.start:d.end] == "в течении"


def test_text_positions_on_later_lines_and_after_an_emoji(linter, rules):
    out = text_reporter.render([result(linter, MULTILINE, "a.txt"), result(linter, EMOJI, "b.txt")], rules=rules)
    heads = [line for line in out.splitlines() if not line.startswith(" ")]
    assert heads[0].startswith(f"a.txt:3:18: error [{V_TECHENII}] ")
    assert heads[1].startswith(f"b.txt:1:29: error [{V_TECHENII}] ")
    assert heads[2] == "Found 2 problems in 2 files."


def test_text_span_across_lines_is_underlined_to_the_end_of_its_first_line(linter, rules):
    out = text_reporter.render([result(linter, SPANNING)], rules=rules).splitlines()
    assert out[0].startswith(f"reply.txt:1:12: error [{DOUBLED}] ")
    assert out[1] == "    Мы ответим в"
    assert out[2] == "    " + " " * 11 + "^"


def test_text_finding_without_suggestion_and_severity_words(softer, rules):
    out = text_reporter.render([result(softer, MIXED)], rules=rules).splitlines()
    heads = [line for line in out if not line.startswith(" ")]
    assert heads[0].startswith(f"reply.txt:1:14: info [{PLACEHOLDER}] ")
    assert heads[1].startswith(f"reply.txt:1:26: error [{DOUBLED}] ")
    assert heads[2].startswith(f"reply.txt:1:54: warning [{V_TECHENII}] ")
    assert heads[3] == "Found 3 problems in 1 file."
    # the placeholder finding has no suggestion line: its caret line is followed by the next header
    assert out[2] == "    " + " " * 13 + "^" * 10
    assert out[3] == heads[1]


def test_text_color(linter, rules):
    res = result(linter, SIMPLE)
    plain = text_reporter.render([res], rules=rules, color=False)
    colored = text_reporter.render([res], rules=rules, color=True)
    assert "\x1b[31merror\x1b[0m" in colored
    assert f"\x1b[1m[{V_TECHENII}]\x1b[0m" in colored
    assert "\x1b[31m" + "^" * 9 + "\x1b[0m" in colored
    assert "\x1b[32msuggestion: «в течение»\x1b[0m" in colored
    assert ANSI.sub("", colored) == plain


# --- json ------------------------------------------------------------------------------------------------------


def test_json_has_version_and_every_diagnostic_field(linter, rules):
    res = result(linter, MULTILINE, "mail.txt")
    d = only(res)
    data = json.loads(json_reporter.render([res, result(linter, CLEAN, "clean.txt")], rules=rules))
    assert data["version"] == json_reporter.FORMAT_VERSION == 1
    assert data["clientlint"] == clientlint.__version__
    assert [f["path"] for f in data["files"]] == ["mail.txt", "clean.txt"]
    first, clean = data["files"]
    assert first["language"] == "ru"
    assert clean["diagnostics"] == []
    (item,) = first["diagnostics"]
    for field in dataclasses.fields(d):
        assert item[field.name] == getattr(d, field.name), field.name
    assert item == {
        "rule": V_TECHENII, "category": "grammar", "severity": "error", "message": d.message,
        "start": 50, "end": 59, "replacements": ["в течение"], "fix": "safe", "source": "clientlint",
        "line": 3, "column": 18, "end_line": 3, "end_column": 27,
    }


def test_json_keeps_non_ascii_and_ends_with_newline(linter, rules):
    out = json_reporter.render([result(linter, SIMPLE)], rules=rules)
    assert "в течение" in out and "\\u" not in out
    assert out.endswith("}\n")


def test_json_positions_count_code_points(linter, rules):
    data = json.loads(json_reporter.render([result(linter, EMOJI)], rules=rules))
    item = data["files"][0]["diagnostics"][0]
    assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (1, 29, 1, 38)


# --- sarif -----------------------------------------------------------------------------------------------------


def sarif(results, rules):
    out = sarif_reporter.render(results, rules=rules)
    assert out.endswith("}\n")
    return json.loads(out)


def region_of(item):
    (loc,) = item["locations"]
    return loc["physicalLocation"]["region"]


def test_sarif_envelope_and_driver(linter, rules):
    data = sarif([result(linter, SIMPLE)], rules)
    assert data["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert data["version"] == "2.1.0"
    (run,) = data["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "clientlint"
    assert driver["version"] == clientlint.__version__
    (descriptor,) = driver["rules"]
    meta = rules[V_TECHENII]
    assert descriptor["id"] == descriptor["name"] == V_TECHENII
    assert descriptor["fullDescription"]["text"] == meta.description
    short = descriptor["shortDescription"]["text"]
    assert meta.description.startswith(short) and short.endswith(".") and len(short) < len(meta.description)
    assert short == ("«В течении часа» is one of the slips a Russian-speaking client is taught to mark in school; "
                     "in a promise about response time it undermines the promise itself.")
    assert descriptor["defaultConfiguration"] == {"level": "error"}
    assert descriptor["properties"]["category"] == "grammar"


def test_sarif_result_region_and_fix(linter, rules):
    res = result(linter, MULTILINE, "mail.txt")
    d = only(res)
    (item,) = sarif([res], rules)["runs"][0]["results"]
    assert item["ruleId"] == V_TECHENII
    assert item["ruleIndex"] == 0
    assert item["level"] == "error"
    assert item["message"]["text"] == d.message
    (loc,) = item["locations"]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "mail.txt"
    assert region_of(item) == {
        "startLine": 3, "startColumn": 18, "endLine": 3, "endColumn": 27, "charOffset": 50, "charLength": 9,
    }
    assert item["properties"]["category"] == "grammar"
    assert item["properties"]["fix"] == "safe"

    (fix,) = item["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "mail.txt"
    (rep,) = change["replacements"]
    assert rep["insertedContent"]["text"] == "в течение"
    deleted = rep["deletedRegion"]
    assert deleted["charOffset"] == 50 and deleted["charLength"] == 9
    start, length = deleted["charOffset"], deleted["charLength"]
    fixed = MULTILINE[:start] + rep["insertedContent"]["text"] + MULTILINE[start + length:]
    assert fixed == "Здравствуйте!\nСпасибо за письмо.\nОтвет подготовим в течение дня, ждите."


def test_sarif_columns_and_offsets_are_code_points(linter, rules):
    (item,) = sarif([result(linter, EMOJI)], rules)["runs"][0]["results"]
    region = region_of(item)
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 29, 38)
    assert (region["charOffset"], region["charLength"]) == (28, 9)
    rep = item["fixes"][0]["artifactChanges"][0]["replacements"][0]
    start, length = rep["deletedRegion"]["charOffset"], rep["deletedRegion"]["charLength"]
    assert EMOJI[:start] + rep["insertedContent"]["text"] + EMOJI[start + length:] == (
        "🙂 Добрый вечер! Пришлём акт в течение недели."
    )


def test_sarif_span_across_lines(linter, rules):
    (item,) = sarif([result(linter, SPANNING)], rules)["runs"][0]["results"]
    assert region_of(item) == {
        "startLine": 1, "startColumn": 12, "endLine": 2, "endColumn": 2, "charOffset": 11, "charLength": 3,
    }
    rep = item["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert SPANNING[:11] + rep["insertedContent"]["text"] + SPANNING[14:] == "Мы ответим в течение часа."


def test_sarif_levels_rule_indexes_and_findings_without_fix(softer, rules):
    res = result(softer, MIXED)
    run = sarif([res], rules)["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert sorted(ids) == ids == [PLACEHOLDER, V_TECHENII, DOUBLED]
    by_rule = {item["ruleId"]: item for item in run["results"]}
    assert [item["ruleId"] for item in run["results"]] == [PLACEHOLDER, DOUBLED, V_TECHENII]
    for item in run["results"]:
        assert ids[item["ruleIndex"]] == item["ruleId"]
    assert by_rule[PLACEHOLDER]["level"] == "note"
    assert by_rule[DOUBLED]["level"] == "error"
    assert by_rule[V_TECHENII]["level"] == "warning"
    # the descriptor keeps the rule's own default level; the result carries the configured one
    descriptors = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert descriptors[V_TECHENII]["defaultConfiguration"]["level"] == "error"
    assert descriptors[PLACEHOLDER]["properties"]["category"] == "hygiene"
    assert "fixes" not in by_rule[PLACEHOLDER]
    assert by_rule[PLACEHOLDER]["properties"] == {"category": "hygiene", "fix": None, "replacements": [],
                                                  "source": "clientlint"}
    assert region_of(by_rule[PLACEHOLDER])["charOffset"] == 13

    # applying every fix from the end gives the corrected message
    text = MIXED
    for item in reversed(run["results"]):
        for fix in item.get("fixes", []):
            rep = fix["artifactChanges"][0]["replacements"][0]
            start, length = rep["deletedRegion"]["charOffset"], rep["deletedRegion"]["charLength"]
            text = text[:start] + rep["insertedContent"]["text"] + text[start + length:]
    assert text == "Добрый день, {{ name }}! Мы уже работаем, ответим в течение часа."


def test_sarif_level_mapping_table():
    assert sarif_reporter.LEVELS == {"error": "error", "warning": "warning", "info": "note"}


def test_sarif_several_files_stdin_and_no_rules(linter):
    results = [result(linter, SIMPLE, "-"), result(linter, CLEAN, "clean.txt"), result(linter, SPANNING, "b.txt")]
    run = sarif(results, None)["runs"][0]
    assert run["tool"]["driver"]["rules"] == [{"id": V_TECHENII}, {"id": DOUBLED}]
    uris = [item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for item in run["results"]]
    assert uris == ["stdin", "b.txt"]
    assert [item["ruleIndex"] for item in run["results"]] == [0, 1]


def test_sarif_without_findings(linter, rules):
    data = sarif([result(linter, CLEAN)], rules)
    (run,) = data["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"] == []


def test_sarif_first_sentence():
    assert sarif_reporter.first_sentence("One thing. Another thing.") == "One thing."
    assert sarif_reporter.first_sentence("Use it, e.g. here. Then stop.") == "Use it, e.g. here."
    assert sarif_reporter.first_sentence("No full stop at all") == "No full stop at all"
    assert sarif_reporter.first_sentence("Wrapped\n  text! «Next» one.") == "Wrapped text!"


# --- github ----------------------------------------------------------------------------------------------------


def test_github_annotation_line(linter, rules):
    res = result(linter, MULTILINE, "mail.txt")
    d = only(res)
    out = github_reporter.render([res], rules=rules)
    assert out == (
        f"::error file=mail.txt,line=3,col=18,endLine=3,endColumn=27,title={V_TECHENII}::"
        f"{d.message} Suggestion: «в течение»\n"
    )
    # the message's own colons and commas are data, not properties: left as they are
    assert ":" in d.message and "%3A" not in out.split("::", 2)[2]


def test_github_escapes_properties_and_data(linter, rules):
    res = result(linter, SIMPLE, "out,box/re:ply 100%.txt")
    d = only(res)
    weird = dataclasses.replace(d, message="Line one: 50% done,\r\nline two.", rule="team.rule:a,b")
    res = FileResult(res.path, res.text, dataclasses.replace(res.report, diagnostics=[weird]))
    (line,) = github_reporter.render([res], rules=rules).splitlines()
    assert line == (
        "::error file=out%2Cbox/re%3Aply 100%25.txt,line=1,col=12,endLine=1,endColumn=21,"
        "title=team.rule%3Aa%2Cb::Line one: 50%25 done,%0D%0Aline two. Suggestion: «в течение»"
    )


def test_github_escape_helpers():
    assert github_reporter.escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert github_reporter.escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"
    assert github_reporter.escape_property("%3A") == "%253A"


def test_github_severities_and_findings_without_suggestion(softer, rules):
    lines = github_reporter.render([result(softer, MIXED, "draft.txt")], rules=rules).splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(
        f"::notice file=draft.txt,line=1,col=14,endLine=1,endColumn=24,title={PLACEHOLDER}::"
    )
    assert "Suggestion" not in lines[0]
    assert lines[1].startswith(f"::error file=draft.txt,line=1,col=26,endLine=1,endColumn=31,title={DOUBLED}::")
    assert lines[1].endswith(" Suggestion: «Мы»")
    assert lines[2].startswith(f"::warning file=draft.txt,line=1,col=54,endLine=1,endColumn=63,title={V_TECHENII}::")


def test_github_multiline_span_and_emoji(linter, rules):
    out = github_reporter.render([result(linter, SPANNING, "a.txt"), result(linter, EMOJI, "b.txt")], rules=rules)
    first, second = out.splitlines()
    # GitHub accepts col/endColumn only when an annotation starts and ends on one line
    assert first.startswith(f"::error file=a.txt,line=1,endLine=2,title={DOUBLED}::")
    assert first.endswith(" Suggestion: «в»")
    assert second.startswith(f"::error file=b.txt,line=1,col=29,endLine=1,endColumn=38,title={V_TECHENII}::")
    assert "\n" not in first and "\r" not in first


# --- the command line ------------------------------------------------------------------------------------------


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no config file from the repository is picked up
    return CliRunner()


def test_cli_sarif_from_stdin(runner):
    outcome = runner.invoke(cli, ["check", "--format", "sarif", "-"], input="Мы ответим в течении часа.\n")
    assert outcome.exit_code == 1, outcome.output
    data = json.loads(outcome.stdout)
    (run,) = data["runs"]
    (item,) = run["results"]
    assert item["ruleId"] == V_TECHENII
    assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stdin"
    assert region_of(item)["charOffset"] == 11
    (descriptor,) = run["tool"]["driver"]["rules"]
    assert descriptor["id"] == V_TECHENII
    assert descriptor["fullDescription"]["text"]  # the CLI passes rule metadata


def test_cli_github_from_stdin(runner):
    text = "Добрый вечер!\nПришлём акт в течении недели, спасибо.\n"
    outcome = runner.invoke(cli, ["check", "--format", "github", "-"], input=text)
    assert outcome.exit_code == 1, outcome.output
    (line,) = outcome.stdout.splitlines()
    m = re.fullmatch(r"::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*,?)+)::(.*)", line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    assert m.group(1) == "error"
    assert props == {"file": "stdin", "line": "2", "col": "13", "endLine": "2", "endColumn": "22",
                     "title": V_TECHENII}
    assert m.group(3).endswith(" Suggestion: «в течение»")


def test_cli_clean_input_exits_zero(runner):
    outcome = runner.invoke(cli, ["check", "--format", "github", "-"], input=CLEAN + "\n")
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout == ""
    outcome = runner.invoke(cli, ["check", "--format", "sarif", "-"], input=CLEAN + "\n")
    assert outcome.exit_code == 0, outcome.output
    assert json.loads(outcome.stdout)["runs"][0]["results"] == []
