"""The command line: exit codes, input errors, --fix/--diff, --jobs, rules, explain."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from clientlint import __version__
from clientlint.cli import cli

BAD = "Добрый день!\nМы ответим в течении часа. Спасибо за за терпение.\n"
CLEAN = "Добрый день!\nМы ответим в течение часа. Спасибо за терпение.\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(path)


def test_findings_exit_1_with_location_and_suggestion(run, tmp_path):
    f = write(tmp_path / "draft.txt", BAD)
    result = run("check", f)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{f}:2:12: error [ru.grammar.v-techenii] ")
    assert lines[2] == "               ^^^^^^^^^"
    assert "suggestion: «в течение» (safe fix)" in lines[3]
    assert result.output.rstrip().endswith("Found 2 problems in 1 file.")


def test_clean_file_exits_0_silently(run, tmp_path):
    result = run("check", write(tmp_path / "ok.txt", CLEAN))
    assert (result.exit_code, result.output) == (0, "")


def test_stdin_and_client_language(run):
    result = run("check", "--format", "json", "--client-lang", "uk", "-", input=BAD)
    data = json.loads(result.output)
    assert result.exit_code == 1
    [file] = data["files"]
    assert file["path"] == "-" and file["client_language"] == "uk" and file["client_language_source"] == "argument"
    # The client wrote in Ukrainian, the draft is Russian: that is the first thing to fix.
    assert [d["rule"] for d in file["diagnostics"]] == [
        "language.mismatch", "ru.grammar.v-techenii", "spelling.doubled-word"]


def test_fail_on_and_exit_zero(run, tmp_path):
    f = write(tmp_path / "d.txt", BAD)
    (tmp_path / ".clientlint.toml").write_text('[severity]\nall = "info"\n', encoding="utf-8")
    assert run("check", f).exit_code == 0  # only info findings, default fail level is warning
    assert run("check", "--fail-on", "info", f).exit_code == 1
    assert run("check", "--fail-on", "info", "--exit-zero", f).exit_code == 0


def test_select_and_ignore_options(run, tmp_path):
    f = write(tmp_path / "d.txt", BAD)
    out = json.loads(run("check", "--format", "json", "--select", "spelling", f).output)
    assert [d["rule"] for d in out["files"][0]["diagnostics"]] == ["spelling.doubled-word"]
    out = json.loads(run("check", "--format", "json", "--ignore", "spelling,ru.grammar", f).output)
    assert out["files"][0]["diagnostics"] == []


def test_fix_rewrites_file_atomically_keeping_bom_and_mode(run, tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BAD.encode())
    os.chmod(path, 0o640)
    result = run("check", "--fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == b"\xef\xbb\xbf" + CLEAN.encode()
    assert oct(path.stat().st_mode & 0o777) == "0o640"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]  # no temporary file left behind


def test_fix_on_stdin_prints_fixed_text(run):
    result = run("check", "--fix", "-", input=BAD)
    assert result.stdout == CLEAN


def test_diff_shows_fixes_and_changes_nothing(run, tmp_path):
    path = tmp_path / "d.txt"
    write(path, BAD)
    result = run("check", "--diff", str(path))
    assert result.exit_code == 1
    assert "-Мы ответим в течении часа. Спасибо за за терпение." in result.output
    assert "+Мы ответим в течение часа. Спасибо за терпение." in result.output
    assert path.read_text(encoding="utf-8") == BAD


def test_check_without_fix_never_writes(run, tmp_path):
    path = tmp_path / "d.txt"
    write(path, BAD)
    before = path.stat().st_mtime_ns
    run("check", str(path))
    assert path.stat().st_mtime_ns == before and path.read_text(encoding="utf-8") == BAD


def test_folder_and_jobs(run, tmp_path):
    folder = tmp_path / "templates"
    (folder / "uk").mkdir(parents=True)
    write(folder / "a.txt", BAD)
    write(folder / "uk" / "b.md", "Ми відповімо на протязі дня.")
    write(folder / "uk" / "c.j2", "Добрий день, {{ name }}!")
    write(folder / "skip.png", b"\x89PNG\x00")
    one = json.loads(run("check", "--format", "json", str(folder)).output)
    two = json.loads(run("check", "--format", "json", "--jobs", "2", str(folder)).output)
    assert one == two
    assert [(os.path.basename(f["path"]), [d["rule"] for d in f["diagnostics"]]) for f in one["files"]] == [
        ("a.txt", ["ru.grammar.v-techenii", "spelling.doubled-word"]),
        ("b.md", ["uk.grammar.na-protiazi"]),
        ("c.j2", []),
    ]


@pytest.mark.parametrize(
    "setup, args, message",
    [
        (None, ["check", "missing.txt"], "missing.txt: no such file or directory"),
        (("bad.txt", "Привет".encode("cp1251")), ["check", "bad.txt"], "bad.txt: not UTF-8 text (byte 0xcf at offset 0)"),
        ((".clientlint.toml", b"selct = 1\n"), ["check", "-"], "unknown key 'selct'"),
        (("c.toml", b"x = [\n"), ["check", "--config", "c.toml", "-"], "c.toml: invalid TOML"),
        (("packs/p.yaml", b"rules:\n  - id: team.x.y\n    kind: phrase\n"), ["check", "--config", "c2.toml", "-"],
         "packs/p.yaml:2: rule 'team.x.y': missing key 'category'"),
        (None, ["explain", "ru.grammar.v-techeni"], "unknown rule 'ru.grammar.v-techeni' (did you mean ru.grammar.v-techenii"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run, tmp_path, setup, args, message):
    if setup:
        name, data = setup
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    (tmp_path / "c2.toml").write_text('rule_paths = ["packs"]\n', encoding="utf-8")
    result = run(*args, input="Добрый день!")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert message in result.stderr, result.stderr


def test_rules_and_explain(run):
    result = run("rules", "--language", "uk")
    assert result.exit_code == 0
    assert "uk.grammar.na-protiazi" in result.output and "ru.grammar.v-techenii" not in result.output
    data = json.loads(run("rules", "--format", "json", "--category", "hygiene").output)
    assert [r["id"] for r in data] == ["hygiene.unfilled-placeholder"]
    text = run("explain", "ru.grammar.v-techenii").output
    for section in ("Why it matters", "Fix safety", "Flagged", "Not flagged", "rules/ru/grammar.yaml"):
        assert section in text


def test_version(run):
    assert run("--version").output.strip() == f"clientlint, version {__version__}"


def test_console_entry_point_runs_as_module(tmp_path):
    """The real process: no traceback, exit 2, one line, for a missing file."""
    proc = subprocess.run([sys.executable, "-m", "clientlint", "check", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"clientlint: error: {tmp_path / 'nope.txt'}: no such file or directory"


def test_words_add_appends_once_and_is_used(run, tmp_path):
    (tmp_path / ".clientlint.toml").write_text('select = ["spelling"]\n', encoding="utf-8")
    draft = tmp_path / "d.txt"
    write(draft, "Ваш закас готов.\n")
    assert run("check", str(draft)).exit_code == 1
    result = run("words", "add", "закас", "Акмеплан")
    assert result.exit_code == 0 and "added 2 words" in result.output
    assert run("words", "add", "Закас").output.strip().endswith("added 0 words, 1 already there")
    assert (tmp_path / "clientlint-words.txt").read_text(encoding="utf-8") == "закас\nАкмеплан\n"
    assert run("check", str(draft)).exit_code == 0


def test_words_add_to_a_named_file(run, tmp_path):
    target = tmp_path / "vocab" / "team.txt"
    target.parent.mkdir()
    target.write_text("# our words\nAcme", encoding="utf-8")
    assert run("words", "add", "--file", str(target), "Zapier").exit_code == 0
    assert target.read_text(encoding="utf-8") == "# our words\nAcme\nZapier\n"
    assert run("words", "add", "two words").exit_code == 2


def test_reply_to_sets_the_client_language(run, tmp_path):
    client = write(tmp_path / "client.txt", "Добрий день! Де моє замовлення? Чекаю вже тиждень.")
    draft = write(tmp_path / "draft.txt", "Добрый день! Ваш заказ отправлен сегодня, трек-номер пришлём вечером.\n")
    data = json.loads(run("check", "--format", "json", "--reply-to", client, draft).output)
    [file] = data["files"]
    assert (file["client_language"], file["client_language_source"]) == ("uk", "reply-to")
    assert [d["rule"] for d in file["diagnostics"]] == ["language.mismatch"]
    assert file["sentences"][0] == {"start": 0, "end": 12, "language": "ru"}
