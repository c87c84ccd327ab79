"""The LanguageTool backend, against a fake server on 127.0.0.1 that speaks LanguageTool's HTTP API.

The fake answers ``/v2/languages`` and ``/v2/check`` (a form: text, language, motherTongue) in LanguageTool's
documented JSON shape, flagging the words it is told to, at offsets counted in UTF-16 units as LanguageTool
counts them. A live test runs against a real server only when ``CLIENTLINT_LANGUAGETOOL_URL`` is set.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import textwrap
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

import clientlint
from clientlint.backends import languagetool as lt
from clientlint.cli import cli
from clientlint.config import from_mapping
from clientlint.errors import ConfigError
from clientlint.reporters import FileResult, get_reporter

# Read at import, before the autouse fixture in conftest.py takes the variable away from every other test.
LIVE_URL = os.environ.get("CLIENTLINT_LANGUAGETOOL_URL", "").strip()

LANGUAGES = [
    {"name": "Ukrainian", "code": "uk", "longCode": "uk-UA"},
    {"name": "Russian", "code": "ru", "longCode": "ru-RU"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English", "code": "en", "longCode": "en"},
]
SPELLING = {"id": "MORFOLOGIK_RULE_UK_UA", "description": "Possible spelling mistake", "issueType": "misspelling",
            "category": {"id": "TYPOS", "name": "Possible Typo"}}


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class FakeLanguageTool:
    """A LanguageTool server in a thread: flags ``words`` (substring → rule, replacements) in what it is sent."""

    def __init__(self):
        self.words: dict[str, tuple[dict, list[str]]] = {}
        self.forms: list[dict] = []  # every /v2/check form received
        self.status = 200
        self.raw: bytes | None = None  # answer this instead of JSON
        self.hang = False
        self.languages = LANGUAGES
        self.released = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path.startswith("/v2/languages"):
                    self.answer(200, json.dumps(server.languages).encode())
                else:
                    self.answer(404, b"Error: unknown path")

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
                form = {k: v[0] for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
                server.forms.append(form)
                if server.hang:
                    server.released.wait(10)
                    return
                if server.raw is not None or server.status != 200:
                    self.answer(server.status, server.raw or b"Error: Internal Server Error: boom")
                    return
                self.answer(200, json.dumps(server.check(form["text"])).encode())

            def answer(self, status, body):
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if status == 200 else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def flag(self, word: str, rule: dict = SPELLING, replacements=()):
        self.words[word] = (rule, list(replacements))

    def check(self, text: str) -> dict:
        matches = []
        for word, (rule, replacements) in self.words.items():
            i = text.find(word)
            while i >= 0:
                offset, length = utf16(text[:i]), utf16(word)
                matches.append({
                    "message": f"Possible mistake: {word}", "shortMessage": "Mistake",
                    "replacements": [{"value": r} for r in replacements],
                    "offset": offset, "length": length,
                    "context": {"text": text[max(0, i - 10):i + len(word) + 10], "offset": min(i, 10), "length": length},
                    "sentence": text, "type": {"typeName": "Other"}, "rule": rule,
                    "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
                })
                i = text.find(word, i + 1)
        return {"software": {"name": "LanguageTool", "version": "6.6"}, "language": {"name": "x", "code": "x"},
                "matches": matches}

    def close(self):
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()


    def reset(self):
        self.released.set()
        self.released = threading.Event()
        self.words, self.forms, self.status, self.raw, self.hang = {}, [], 200, None, False
        self.languages = LANGUAGES


@pytest.fixture(scope="module")
def fake_server():
    fake = FakeLanguageTool()
    yield fake
    fake.close()


@pytest.fixture
def server(fake_server):
    fake_server.reset()
    yield fake_server
    fake_server.reset()


_LINTERS: dict[str, clientlint.Linter] = {}


def linter(config: dict) -> clientlint.Linter:
    """A Linter for ``config``, built once for this module: building one loads every rule pack."""
    key = json.dumps(config, sort_keys=True, ensure_ascii=False)
    if key not in _LINTERS:
        _LINTERS[key] = clientlint.Linter(config)
    return _LINTERS[key]


def linter_for(url: str, *, only_languagetool: bool = False, **settings) -> clientlint.Linter:
    config = {"languagetool": {"url": url, **settings}}
    if only_languagetool:
        config["select"] = ["languagetool"]
    return linter(config)


@pytest.fixture(autouse=True)
def fresh_backends(monkeypatch):
    """Every test starts with backends that know nothing yet (languages, a server that was down)."""
    monkeypatch.setattr(lt, "_backends", {})
    for built in _LINTERS.values():
        if built.languagetool is not None:
            built.languagetool = lt.backend_for(built.config.languagetool)


def spans(report, text):
    return [(d.rule, text[d.start:d.end], d.replacements) for d in report.diagnostics]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- findings -------------------------------------------------------------------------------------------------


def test_emoji_outside_the_bmp_before_a_match_keeps_the_span(server):
    server.flag("замовленя", replacements=["замовлення", "замовленням"])
    text = "Вітаємо 👋🏽! Ваше 📦 замовленя вже в дорозі 🚚.\nДякуємо 😀😀 за замовленя."
    report = linter_for(server.url, only_languagetool=True).check(text, client_language="uk")
    assert spans(report, text) == [
        ("languagetool.MORFOLOGIK_RULE_UK_UA", "замовленя", ["замовлення", "замовленням"]),
        ("languagetool.MORFOLOGIK_RULE_UK_UA", "замовленя", ["замовлення", "замовленням"]),
    ]
    d = report.diagnostics[0]
    assert (d.category, d.severity, d.fix, d.source) == ("spelling", "warning", "unsafe", "languagetool")
    assert report.warnings == []


def test_replacements_are_capped_and_a_match_without_them_has_no_fix(server):
    server.flag("recieve", {**SPELLING, "id": "MORFOLOGIK_RULE_EN_US"}, [f"r{i}" for i in range(9)])
    server.flag("Kindly", {"id": "KINDLY", "issueType": "style", "category": {"id": "STYLE", "name": "Style"}})
    text = "Kindly confirm that you recieve the parcel."
    report = linter_for(server.url, only_languagetool=True).check(text)
    kindly, recieve = report.diagnostics
    assert (kindly.rule, kindly.category, kindly.severity, kindly.fix) == ("languagetool.KINDLY", "tone", "info", None)
    assert recieve.replacements == ["r0", "r1", "r2", "r3", "r4"] and recieve.fix == "unsafe"


@pytest.mark.parametrize("rule, category", [
    ({"issueType": "misspelling", "category": {"id": "TYPOS"}}, "spelling"),
    ({"issueType": "uncategorized", "category": {"id": "TYPOS"}}, "spelling"),
    ({"issueType": "misspelling", "category": {"id": "GRAMMAR"}}, "spelling"),
    ({"issueType": "duplication", "category": {"id": "MISC"}}, "spelling"),
    ({"issueType": "typographical", "category": {"id": "CASING"}}, "spelling"),
    ({"issueType": "grammar", "category": {"id": "GRAMMAR"}}, "grammar"),
    ({"issueType": "typographical", "category": {"id": "PUNCTUATION"}}, "grammar"),
    ({"issueType": "uncategorized", "category": {"id": "CONFUSED_WORDS"}}, "grammar"),
    ({"issueType": "style", "category": {"id": "STYLE"}}, "tone"),
    ({"issueType": "style", "category": {"id": "REDUNDANCY"}}, "tone"),
    ({"issueType": "typographical", "category": {"id": "TYPOGRAPHY"}}, "hygiene"),
    ({"issueType": "whitespace", "category": {"id": "MISC"}}, "hygiene"),
    ({"issueType": "locale-violation", "category": {"id": "MISC"}}, "language"),
    ({"issueType": "other", "category": {"id": "SOMETHING_NEW"}}, "grammar"),
    ({}, "grammar"),
])
def test_category_mapping(rule, category):
    assert lt.category_of(rule) == category


def test_categories_and_severities_end_to_end(server):
    server.flag("teh", {**SPELLING, "id": "MORFOLOGIK_RULE_EN_US"}, ["the"])
    server.flag("he go", {"id": "HE_VERB_AGR", "issueType": "grammar",
                          "category": {"id": "GRAMMAR", "name": "Grammar"}}, ["he goes"])
    server.flag("  ", {"id": "WHITESPACE_RULE", "issueType": "whitespace",
                       "category": {"id": "TYPOGRAPHY", "name": "Typography"}}, [" "])
    text = "I think he go to teh office  today."
    report = linter_for(server.url, only_languagetool=True).check(text)
    assert [(text[d.start:d.end], d.category, d.severity) for d in report.diagnostics] == [
        ("he go", "grammar", "warning"), ("teh", "spelling", "warning"), ("  ", "hygiene", "info")]


# --- one finding per problem ----------------------------------------------------------------------------------


def test_clientlint_keeps_its_own_finding_where_both_flag_the_same_span(server):
    repeat = {"id": "WORD_REPEAT_RULE", "description": "Word repetition", "issueType": "duplication",
              "category": {"id": "MISC", "name": "Miscellaneous"}}
    server.flag("за за", repeat, ["за"])
    server.flag("течении", {**SPELLING, "id": "MORFOLOGIK_RULE_RU_RU"}, ["течение"])
    server.flag("обязательно", {"id": "RU_STYLE", "issueType": "style", "category": {"id": "STYLE"}})
    text = "Мы обязательно ответим в течении часа. Спасибо за за терпение."
    report = linter_for(server.url).check(text, client_language="ru")
    found = [(d.rule, text[d.start:d.end], d.source) for d in report.diagnostics]
    assert found == [
        ("languagetool.RU_STYLE", "обязательно", "languagetool"),
        # clientlint's grammar rule and LanguageTool's spelling match overlap but are different kinds of problem
        ("ru.grammar.v-techenii", "в течении", "clientlint"),
        ("languagetool.MORFOLOGIK_RULE_RU_RU", "течении", "languagetool"),
        # both flag the repeated word: clientlint's finding, with its message, is the one kept
        ("spelling.doubled-word", "за за", "clientlint"),
    ]


def test_select_ignore_severity_accepted_words_and_suppression_apply_to_languagetool_findings(server):
    server.flag("замовленя", replacements=["замовлення"])
    server.flag("Ґрінвуд", {**SPELLING, "id": "MORFOLOGIK_RULE_UK_UA"})
    server.flag("готове", {"id": "UK_STYLE", "issueType": "style", "category": {"id": "STYLE"}})
    server.flag("дякуємо", {"id": "UK_GRAMMAR", "issueType": "grammar", "category": {"id": "GRAMMAR"}})
    text = ("Ваше замовленя готове, Ґрінвуд.\n<!-- clientlint: disable-next-line=languagetool -->\n"
            "Ваше замовленя готове, дякуємо.")
    report = linter({"languagetool": {"url": server.url}, "select": ["languagetool", "grammar"],
                     "ignore": ["languagetool.UK_STYLE"], "severity": {"languagetool.UK_GRAMMAR": "error"},
                     "accept": ["Ґрінвуд"]}).check(text)
    assert [(d.rule, text[d.start:d.end], d.severity) for d in report.diagnostics] == [
        ("languagetool.MORFOLOGIK_RULE_UK_UA", "замовленя", "warning")]
    report = linter({"languagetool": {"url": server.url}, "select": ["grammar"],
                     "severity": {"languagetool.UK_GRAMMAR": "error"}}).check(text.replace("disable", "enable"))
    assert [(d.rule, d.severity) for d in report.diagnostics] == [("languagetool.UK_GRAMMAR", "error")]


# --- what is sent ---------------------------------------------------------------------------------------------


def test_masked_text_is_sent_links_placeholders_and_quotes_are_not(server):
    server.flag("0", {**SPELLING, "id": "NUMBER_LOOKS_ODD"})  # whatever stands in for a hidden part is not reported
    server.flag("замовленя", replacements=["замовлення"])
    text = textwrap.dedent("""\
        Добрий день, {{ name }}!
        Ваше замовленя №42 за посиланням https://shop.example.com/orders?id=42, пишіть на olena@example.com.
        Дзвоніть: +380 44 123 45 67. Ваш код `pip install x`.

        > Де моє замовлення? Напишіть на secret@client.ua
        """)
    report = linter_for(server.url, only_languagetool=True).check(text, client_language="uk")
    [form] = server.forms
    sent = form["text"]
    assert len(sent) == len(text) and sent.count("\n") == text.count("\n")
    for hidden in ("{{", "name", "shop.example", "https", "olena", "123 45", "pip install", "Де моє", "secret"):
        assert hidden not in sent, hidden
    assert "Ваше замовленя №42 за посиланням" in sent  # prose and numbers go as written
    assert (form["language"], form["motherTongue"]) == ("uk-UA", "uk-UA")
    assert spans(report, text) == [("languagetool.MORFOLOGIK_RULE_UK_UA", "замовленя", ["замовлення"])]


def test_language_and_mother_tongue_are_sent(server):
    linter = linter_for(server.url, only_languagetool=True)
    linter.check("Добрий день! Ми надішлемо рахунок сьогодні ввечері.", client_language="ru")
    linter.check("Hello! We will send the invoice tonight.")
    linter.check("Qwzx vbnm 12345.")
    linter.check("12345 https://example.com")  # nothing to check: nothing sent
    assert [(f["language"], f.get("motherTongue")) for f in server.forms] == [
        ("uk-UA", "ru-RU"), ("en-US", None), ("auto", None)]


def test_a_language_the_server_does_not_check_is_skipped_with_a_warning(server):
    server.languages = [x for x in LANGUAGES if x["code"] != "uk"]
    report = linter_for(server.url).check("Добрий день! Ми надішлемо рахунок сьогодні ввечері.")
    assert server.forms == []
    assert report.warnings == [f"LanguageTool skipped the uk text: {server.url}/v2 does not check uk"]


def test_long_text_is_split_into_chunks_and_offsets_are_remapped(server):
    server.flag("помилкаа", replacements=["помилка"])
    server.flag("ошибкаа", {**SPELLING, "id": "MORFOLOGIK_RULE_RU_RU"}, ["ошибка"])
    uk = "Це речення про наше замовлення 📦 і доставку. " * 3
    paragraphs = [uk + "Тут помилкаа.", uk, "Это русский абзац о заказе и доставке. Тут ошибкаа.", uk + "Ще помилкаа."]
    long_sentence = "Слово " * 40 + "помилкаа " + "слово " * 40
    text = "\n\n".join(paragraphs) + "\n\n" + long_sentence.strip() + "."
    report = linter_for(server.url, only_languagetool=True, max_text_length=200).check(text)
    assert len(server.forms) >= 5
    assert all(utf16(f["text"]) <= 200 for f in server.forms)
    assert {f["language"] for f in server.forms} == {"uk-UA", "ru-RU"}
    assert [f["language"] for f in server.forms if "ошибкаа" in f["text"]] == ["ru-RU"]
    assert [text[d.start:d.end] for d in report.diagnostics] == ["помилкаа", "ошибкаа", "помилкаа", "помилкаа"]
    assert report.diagnostics[0].start == text.index("помилкаа")
    assert report.diagnostics[-1].start == text.rindex("помилкаа")


def test_chunks_cover_the_text_and_respect_the_limit():
    from clientlint.document import Document

    text = "Перше речення тут. Друге речення тут. 😀" * 20 + "\n\n" + "х" * 450
    d = Document(text)
    pieces = lt.chunks(text, d.sentences, d.language, 100)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b for a, b, _ in pieces) and all(b == c for (_, b, _), (c, _, _) in zip(pieces, pieces[1:]))
    assert {lang for _, _, lang in pieces} == {"uk"}
    assert all(utf16(text[a:b]) <= 100 for a, b, _ in pieces)


# --- when LanguageTool cannot help ----------------------------------------------------------------------------

DRAFT = "Мы ответим в течении часа. Спасибо за за терпение."
OWN = ["ru.grammar.v-techenii", "spelling.doubled-word"]


def test_http_error_gives_one_warning_and_clientlint_findings(server):
    server.status = 500
    report = linter_for(server.url).check(DRAFT)
    assert [d.rule for d in report.diagnostics] == OWN
    assert report.warnings == [
        f"LanguageTool skipped: {server.url}/v2 answered HTTP 500: Error: Internal Server Error: boom"]


def test_an_answer_that_is_not_languagetool_json_gives_a_warning(server):
    server.raw = b"<html>proxy login</html>"
    report = linter_for(server.url).check(DRAFT)
    assert [d.rule for d in report.diagnostics] == OWN
    assert report.warnings == [f"LanguageTool skipped: {server.url}/v2 did not answer with LanguageTool's JSON"]
    server.raw = json.dumps({"matches": [{"offset": "x"}]}).encode()
    assert linter_for(server.url, timeout=9).check(DRAFT).warnings == [
        "LanguageTool skipped: the server answered /v2/check with a match clientlint cannot read"]


def test_a_hanging_server_is_given_up_on_within_the_timeout(server):
    server.hang = True
    linter = linter_for(server.url, timeout=0.5)
    began = time.monotonic()
    report = linter.check(DRAFT)
    assert time.monotonic() - began < 3
    assert [d.rule for d in report.diagnostics] == OWN
    assert report.warnings == [f"LanguageTool skipped: {server.url}/v2 did not answer within 0.5 s"]
    # A server that is down is left alone for a while: the next message does not wait again.
    began = time.monotonic()
    assert linter.check(DRAFT).warnings == report.warnings
    assert time.monotonic() - began < 0.4 and len(server.forms) == 1


def test_a_server_that_is_down_gives_a_warning():
    url = f"http://127.0.0.1:{closed_port()}"
    report = linter_for(url).check(DRAFT)
    assert [d.rule for d in report.diagnostics] == OWN
    [warning] = report.warnings
    assert warning.startswith(f"LanguageTool skipped: cannot reach {url}/v2 (") and "refused" in warning.lower()


def test_no_languagetool_unless_configured(linter, server):
    report = linter.check(DRAFT)
    assert report.warnings == [] and linter.languagetool is None and server.forms == []
    assert from_mapping({"languagetool": {"timeout": 3}}).languagetool.server is None
    assert from_mapping({"languagetool": {"url": server.url, "enabled": False}}).languagetool.server is None


# --- configuration --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("table, message", [
    ("not a table", "'languagetool' must be a table"),
    ({"url": "localhost:8081"}, "languagetool.url must be an http:// or https:// URL or 'local', not 'localhost:8081'"),
    ({"url": 8081}, "languagetool.url must be an http:// or https:// URL"),
    ({"timeout": 0}, "'timeout' must be a number of seconds above 0 and at most 600, not 0"),
    ({"timeout": "10"}, "'timeout' must be a number of seconds"),
    ({"timeout": True}, "'timeout' must be a number of seconds"),
    ({"enabled": "yes"}, "'enabled' must be true or false"),
    ({"max_text_length": 10}, "'max_text_length' must be a whole number of at least 100"),
    ({"uri": "http://x"}, "languagetool: unknown key 'uri'"),
])
def test_malformed_languagetool_config_is_one_line(table, message):
    with pytest.raises(ConfigError, match=None) as info:
        from_mapping({"languagetool": table}, source="pyproject.toml")
    assert message in str(info.value) and "\n" not in str(info.value)


def test_config_values():
    config = from_mapping({"languagetool": {"url": "http://lt:8081/", "timeout": 2}}).languagetool
    assert (config.server, config.timeout, config.max_text_length) == ("http://lt:8081/", 2.0, 20_000)
    assert from_mapping({"languagetool": {"enabled": True}}).languagetool.server == "local"
    assert from_mapping({"languagetool": {"url": "LOCAL"}}).languagetool.server == "local"


# --- command line ---------------------------------------------------------------------------------------------


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args, input=None, env=None):
        return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


def test_cli_option_adds_languagetool_findings(run, server):
    server.flag("терпение", {**SPELLING, "id": "RU_STYLE_X", "issueType": "style", "category": {"id": "STYLE"}})
    result = run("check", "--format", "json", "--languagetool", server.url, "-", input=DRAFT)
    data = json.loads(result.stdout)
    [file] = data["files"]
    assert [(d["rule"], d["source"]) for d in file["diagnostics"]] == [
        ("ru.grammar.v-techenii", "clientlint"), ("spelling.doubled-word", "clientlint"),
        ("languagetool.RU_STYLE_X", "languagetool")]
    assert file["warnings"] == [] and result.stderr == ""
    report = linter_for(server.url).check(DRAFT)
    text = get_reporter("text")([FileResult("-", DRAFT, report)], rules={})
    assert "-:1:42: info [languagetool.RU_STYLE_X] Possible mistake: терпение (found by LanguageTool)" in text
    assert "[spelling.doubled-word] Слово «за» повторено" in text and text.count("found by") == 1


def test_environment_variable_and_its_precedence(run, server, tmp_path):
    server.flag("терпение", {**SPELLING, "id": "RU_SPELL"})
    env = {"CLIENTLINT_LANGUAGETOOL_URL": server.url}
    rules = lambda r: [d["rule"] for d in json.loads(r.stdout)["files"][0]["diagnostics"]]  # noqa: E731
    assert "languagetool.RU_SPELL" in rules(run("check", "--format", "json", "-", input=DRAFT, env=env))
    # A project that switches LanguageTool off is not switched on by the environment, only by the option.
    (tmp_path / ".clientlint.toml").write_text("[languagetool]\nenabled = false\n", encoding="utf-8")
    assert "languagetool.RU_SPELL" not in rules(run("check", "--format", "json", "-", input=DRAFT, env=env))
    assert "languagetool.RU_SPELL" in rules(run("check", "--format", "json", "--languagetool", server.url, "-",
                                                input=DRAFT, env=env))
    (tmp_path / ".clientlint.toml").unlink()
    bad = run("check", "-", input=DRAFT, env={"CLIENTLINT_LANGUAGETOOL_URL": "lt:8081"})
    assert (bad.exit_code, bad.stderr) == (
        2, "clientlint: error: CLIENTLINT_LANGUAGETOOL_URL must be an http:// or https:// URL or 'local', "
           "not 'lt:8081'\n")


def test_cli_exit_code_is_unchanged_when_languagetool_fails_and_one_warning_is_printed(run, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    down = f"http://127.0.0.1:{closed_port()}"
    without = run("check", "a.txt", "b.txt")
    failing = run("check", "--languagetool", down, "a.txt", "b.txt")
    assert failing.exit_code == without.exit_code == 1
    assert failing.stdout == without.stdout
    [line] = failing.stderr.splitlines()
    assert line.startswith(f"clientlint: warning: LanguageTool skipped: cannot reach {down}/v2 (")


def test_cli_bad_option_and_bad_config_exit_2(run, tmp_path):
    result = run("check", "--languagetool", "ftp://x", "-", input=DRAFT)
    assert (result.exit_code, result.stderr) == (
        2, "clientlint: error: --languagetool must be an http:// or https:// URL or 'local', not 'ftp://x'\n")
    (tmp_path / ".clientlint.toml").write_text("[languagetool]\ntimeout = -1\n", encoding="utf-8")
    result = run("check", "-", input=DRAFT)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "languagetool: 'timeout' must be a number of seconds above 0" in result.stderr


def test_explain_says_a_finding_comes_from_languagetool(run):
    result = run("explain", "languagetool.MORFOLOGIK_RULE_UK_UA")
    assert result.exit_code == 0
    assert "Source: LanguageTool (its rule MORFOLOGIK_RULE_UK_UA), not one of clientlint's own rules" in result.stdout
    assert 'ignore = ["languagetool.MORFOLOGIK_RULE_UK_UA"]' in result.stdout


# --- a local installation -------------------------------------------------------------------------------------


@pytest.fixture
def local(monkeypatch):
    """A fresh process-wide local server, stopped after the test."""
    fresh = lt._LocalServer()
    monkeypatch.setattr(lt, "_local", fresh)
    yield fresh
    fresh.stop()


def test_local_without_the_extra_says_how_to_install_it(local, monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)
    monkeypatch.setitem(sys.modules, "language_tool_python.download_lt", None)
    report = linter({"languagetool": {"url": "local"}}).check(DRAFT)
    assert [d.rule for d in report.diagnostics] == OWN
    assert report.warnings == ['LanguageTool skipped: the languagetool extra is not installed: '
                               'pip install "clientlint[languagetool]"']


FAKE_LT_SERVER = '''
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        self.reply([{"name": "Ukrainian", "code": "uk", "longCode": "uk-UA"}])
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.reply({"matches": [{"message": "m", "offset": 5, "length": 9, "replacements": [{"value": "замовлення"}],
                                 "rule": {"id": "MORFOLOGIK_RULE_UK_UA", "issueType": "misspelling",
                                          "category": {"id": "TYPOS"}}}]})
    def reply(self, data):
        body = json.dumps(data).encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)

HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def fake_language_tool_python(monkeypatch, installed, calls):
    """Stand-ins for the two things clientlint takes from language-tool-python: find and command."""
    import types

    class Installed:
        version_name = "6.6"

        def get_server_cmd(self, port):
            calls.append(("cmd", port))
            return [sys.executable, str(installed), str(port)]

        def download(self):  # pragma: no cover - clientlint must never get here
            raise AssertionError("clientlint asked for a download")

    class LocalLanguageTool:
        @classmethod
        def get_latest_installed_version(cls):
            return Installed() if installed else None

    module = types.ModuleType("language_tool_python.download_lt")
    module.LocalLanguageTool = LocalLanguageTool
    module.confirm_java_compatibility = lambda version: calls.append(("java", version))
    monkeypatch.setitem(sys.modules, "language_tool_python", types.ModuleType("language_tool_python"))
    monkeypatch.setitem(sys.modules, "language_tool_python.download_lt", module)
    monkeypatch.setattr(lt.shutil, "which", lambda name: "/usr/bin/java" if name == "java" else None)


def test_local_installation_on_disk_is_started_once_and_used(local, monkeypatch, tmp_path):
    script = tmp_path / "fake_lt.py"
    script.write_text(FAKE_LT_SERVER, encoding="utf-8")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    calls: list = []
    fake_language_tool_python(monkeypatch, script, calls)
    local_linter = linter({"languagetool": {"url": "local"}, "select": ["languagetool"]})
    text = "Ваше замовленя готове."
    first, second = local_linter.check(text), local_linter.check(text)
    assert spans(first, text) == spans(second, text) == [
        ("languagetool.MORFOLOGIK_RULE_UK_UA", "замовленя", ["замовлення"])]
    assert [c[0] for c in calls] == ["java", "cmd"] and local.process.poll() is None


def test_local_with_jobs_starts_one_server_for_all_workers(local, monkeypatch, tmp_path, run):
    script = tmp_path / "fake_lt.py"
    script.write_text(FAKE_LT_SERVER, encoding="utf-8")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    starts = tmp_path / "starts.txt"
    calls = StartLog(starts)
    fake_language_tool_python(monkeypatch, script, calls)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Ваше замовленя готове.", encoding="utf-8")
    result = run("check", "--format", "json", "--jobs", "2", "--select", "languagetool", "--languagetool", "local",
                 "a.txt", "b.txt", "c.txt")
    files = json.loads(result.stdout)["files"]
    assert result.stderr == ""
    assert [[d["rule"] for d in f["diagnostics"]] for f in files] == [["languagetool.MORFOLOGIK_RULE_UK_UA"]] * 3
    assert starts.read_text(encoding="utf-8").split() == ["java", "cmd"]  # in this process, once


def test_local_with_jobs_that_cannot_start_warns_once(local, monkeypatch, tmp_path, run):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing-here"))
    fake_language_tool_python(monkeypatch, None, [])
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    result = run("check", "--jobs", "2", "--languagetool", "local", "a.txt", "b.txt")
    assert result.exit_code == 1 and result.stdout.count("[spelling.doubled-word]") == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("clientlint: warning: LanguageTool skipped: no LanguageTool installation in ")


class StartLog(list):
    """The calls of the stand-ins, also written to a file (a worker process's list is not this one)."""

    def __init__(self, path):
        super().__init__()
        self.path = path

    def append(self, call):
        super().append(call)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(call[0] + "\n")


def test_local_without_an_installation_never_downloads(local, monkeypatch, tmp_path):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing-here"))
    calls: list = []
    fake_language_tool_python(monkeypatch, None, calls)
    report = linter({"languagetool": {"url": "local"}}).check(DRAFT)
    assert [d.rule for d in report.diagnostics] == OWN
    [warning] = report.warnings
    assert warning.startswith(f"LanguageTool skipped: no LanguageTool installation in {tmp_path / 'nothing-here'}")
    assert "never downloads" in warning and calls == [] and not (tmp_path / "nothing-here").exists()


def test_local_without_java(local, monkeypatch, tmp_path):
    fake_language_tool_python(monkeypatch, tmp_path / "x.py", [])
    monkeypatch.setattr(lt.shutil, "which", lambda name: None)
    report = linter({"languagetool": {"url": "local"}}).check(DRAFT)
    assert report.warnings == ["LanguageTool skipped: a local LanguageTool needs Java, and there is no 'java' on PATH"]


# --- a real server --------------------------------------------------------------------------------------------


@pytest.mark.skipif(not LIVE_URL, reason="set CLIENTLINT_LANGUAGETOOL_URL to a LanguageTool server to run")
@pytest.mark.parametrize("text, language, word", [
    ("Дякуємо за ваше замовленя, ми відповімо завтра.", "uk", "замовленя"),
    ("Спасибо за ваш закас, мы ответим завтра.", "ru", "закас"),
    ("Thank you for your ordr, we will reply tomorrow.", "en", "ordr"),
])
def test_live_server_flags_a_misspelling(text, language, word):
    report = linter_for(LIVE_URL, only_languagetool=True, timeout=30).check(text, client_language=language)
    assert report.warnings == []
    flagged = [d for d in report.diagnostics if text[d.start:d.end] == word]
    assert flagged and flagged[0].category == "spelling" and flagged[0].rule.startswith("languagetool.")
    assert flagged[0].replacements
