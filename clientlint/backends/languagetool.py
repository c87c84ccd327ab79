"""LanguageTool's findings in clientlint's report: a server at a URL, or an installation already on disk.

A server at a URL is spoken to over its HTTP API (``/v2/languages``, ``/v2/check``) with the standard library.
language-tool-python's ``LanguageTool(remote_server=...)`` was not used for it: its request timeout is fixed at
300 s and it retries, it fixes one language per object (and asks the server for the list again on every change),
and its ``Match`` corrects the offset but not the length of a match for characters outside the BMP, through
state shared by the whole process, while a ``Linter`` is shared between threads. A server URL therefore needs
nothing beyond clientlint.

The ``languagetool`` extra (language-tool-python) is for ``"local"``: it finds an installation in its download
folder (``LTP_PATH``, or ``~/.cache/language_tool_python``), checks that Java suits that version, and builds the
server command. clientlint starts that command itself, on a free port, and stops it at exit. language-tool-python's
own start-up is not used: it downloads LanguageTool when the version asked for is missing, and when the server
fails to start it tries again on one port after another.

What is sent: the masked text, same length as the message (links, e-mail addresses, phone numbers, placeholders,
template syntax and inline code become zeros, as a number stands where a word would; code blocks, markup,
directives and the client's quoted words become spaces; numbers and dates stay, LanguageTool needs them for
agreement), in chunks of at most ``max_text_length`` UTF-16 units cut at paragraph and sentence ends, each with
its detected language and the client's language as ``motherTongue``. A finding that touches a hidden region is
dropped.
"""

from __future__ import annotations

import atexit
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from bisect import bisect_left
from pathlib import Path

from .. import __version__
from ..config import LANGUAGETOOL_LOCAL, LanguageToolConfig
from ..diagnostic import Diagnostic
from ..document import Document
from ..tokenize import Sentence

SOURCE = "languagetool"
RULE_PREFIX = "languagetool."
EXTRA_MISSING = 'the languagetool extra is not installed: pip install "clientlint[languagetool]"'
MAX_REPLACEMENTS = 5
MAX_RESPONSE = 16 * 1024 * 1024
RETRY_AFTER = 30.0  # seconds a server that could not be reached is left alone
LOCAL_START_TIMEOUT = 60.0

# Masked regions that stand for a word (a link, a name to fill in) become zeros: a number reads as a word would.
_AS_NUMBER = frozenset({"url", "email", "phone", "template", "placeholder"})
# Numbers and dates are sent as written: LanguageTool checks agreement with them («5 днів»).
_AS_WRITTEN = frozenset({"number", "date"})

# LanguageTool's language codes for the languages clientlint detects; other detected languages are sent as
# their ISO code when the server lists it.
VARIANTS = {"uk": "uk-UA", "ru": "ru-RU", "en": "en-US"}

# clientlint's category for a LanguageTool match: by the rule's issue type first where it is telling, then by
# its category, then by the issue type again; grammar when nothing says otherwise.
_BY_ISSUE_FIRST = {"misspelling": "spelling", "duplication": "spelling"}
_BY_CATEGORY = {
    "TYPOS": "spelling", "CASING": "spelling",
    "GRAMMAR": "grammar", "CONFUSED_WORDS": "grammar", "COLLOCATIONS": "grammar", "PUNCTUATION": "grammar",
    "COMPOUNDING": "grammar", "SEMANTICS": "grammar", "NONSTANDARD_PHRASES": "grammar", "FALSE_FRIENDS": "grammar",
    "STYLE": "tone", "REDUNDANCY": "tone", "PLAIN_ENGLISH": "tone", "REPETITIONS_STYLE": "tone",
    "GENDER_NEUTRALITY": "tone",
    "TYPOGRAPHY": "hygiene",
    "REGIONALISMS": "language", "AMERICAN_ENGLISH_STYLE": "language", "BRITISH_ENGLISH": "language",
}
_BY_ISSUE = {
    "grammar": "grammar", "inconsistency": "grammar",
    "style": "tone", "register": "tone",
    "typographical": "hygiene", "whitespace": "hygiene",
    "locale-violation": "language",
}
_SEVERITY = {"spelling": "warning", "grammar": "warning", "tone": "info", "hygiene": "info", "language": "info"}


class Unavailable(Exception):
    """LanguageTool could not check this message. ``down``: the server itself could not be reached."""

    def __init__(self, reason: str, *, down: bool = False):
        super().__init__(reason)
        self.reason, self.down = reason, down


class LanguageToolBackend:
    """Checks a :class:`~clientlint.document.Document` with LanguageTool. Safe to share between threads."""

    def __init__(self, config: LanguageToolConfig):
        self.config = config
        self._lock = threading.Lock()
        self._languages: frozenset[str] | None = None
        self._down_until = 0.0
        self._down_reason = ""

    def check(self, doc: Document) -> tuple[list[Diagnostic], list[str]]:
        """LanguageTool's findings for ``doc``, and warnings: why it was skipped, or which text it could not check.

        Never raises for a server that is down, slow or answers nonsense: the findings are then empty and the one
        warning says why.
        """
        with self._lock:
            if time.monotonic() < self._down_until:
                return [], [self._down_reason]
        try:
            return self._check(doc)
        except Unavailable as exc:
            warning = f"LanguageTool skipped: {exc.reason}"
            if exc.down:
                with self._lock:
                    self._down_until, self._down_reason = time.monotonic() + RETRY_AFTER, warning
            return [], [warning]

    def _check(self, doc: Document) -> tuple[list[Diagnostic], list[str]]:
        base = self._base_url()
        deadline = time.monotonic() + self.config.timeout
        supported = self._supported(base, deadline)
        text, hidden = masked_text(doc.text, doc.masks)
        mother = lt_language(doc.client_language, supported) if doc.client_language else None
        found: list[Diagnostic] = []
        notes: list[str] = []
        for start, end, language in chunks(text, doc.sentences, doc.language, self.config.max_text_length):
            code = lt_language(language, supported) if language else "auto"
            if code is None:
                notes.append(f"LanguageTool skipped the {language} text: {self._name(base)} does not check {language}")
                continue
            params = {"text": text[start:end], "language": code}
            if mother:
                params["motherTongue"] = mother
            answer = _request(f"{base}/check", params, deadline, self.config.timeout, self._name(base))
            found += [d for d in diagnostics(answer, text, start, end) if not _touches(d, hidden)]
        return found, list(dict.fromkeys(notes))

    def _base_url(self) -> str:
        if self.config.server == LANGUAGETOOL_LOCAL:
            return _local.url()
        base = (self.config.server or "").rstrip("/")
        return base if base.endswith("/v2") else base + "/v2"

    def _name(self, base: str) -> str:
        return "the local LanguageTool" if self.config.server == LANGUAGETOOL_LOCAL else base

    def _supported(self, base: str, deadline: float) -> frozenset[str]:
        """The language codes the server checks (``/v2/languages``), asked once."""
        if self._languages is None:
            answer = _request(f"{base}/languages", None, deadline, self.config.timeout, self._name(base))
            if not isinstance(answer, list) or not all(isinstance(x, dict) for x in answer):
                raise Unavailable(f"{self._name(base)} did not answer /v2/languages with LanguageTool's JSON")
            codes = {x.get(key) for x in answer for key in ("code", "longCode")}
            self._languages = frozenset(c for c in codes if isinstance(c, str))
        return self._languages


_backends: dict[LanguageToolConfig, LanguageToolBackend] = {}
_backends_lock = threading.Lock()


def backend_for(config: LanguageToolConfig) -> LanguageToolBackend:
    """One backend per configuration and process: what it learnt (languages, a server that is down) is shared."""
    with _backends_lock:
        found = _backends.get(config)
        if found is None:
            found = _backends[config] = LanguageToolBackend(config)
        return found


def lt_language(language: str | None, supported: frozenset[str]) -> str | None:
    """LanguageTool's code for a language clientlint detected, or None when the server does not check it."""
    for code in (VARIANTS.get(language or ""), language):
        if code and code in supported:
            return code
    return None


# --- what is sent ---------------------------------------------------------------------------------------------


def masked_text(text: str, masks) -> tuple[str, list[tuple[int, int]]]:
    """The text to send, same length as ``text``, and the spans hidden in it (sorted).

    Line breaks are kept everywhere, so paragraphs and sentences stay where they were.
    """
    chars = list(text)
    hidden = []
    for m in masks:
        if m.kind in _AS_WRITTEN:
            continue
        inline_code = m.kind == "code" and "\n" not in text[m.start:m.end]
        fill = "0" if m.kind in _AS_NUMBER or inline_code else " "
        for i in range(m.start, m.end):
            if chars[i] not in "\r\n":
                chars[i] = fill
        hidden.append((m.start, m.end))
    return "".join(chars), hidden


def _unit_counter(text: str):
    """``units(a, b)``: the length of ``text[a:b]`` in UTF-16 code units, as LanguageTool counts."""
    if text.isascii() or max(text) <= "\uffff":
        return lambda a, b: b - a
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return lambda a, b: prefix[b] - prefix[a]


def chunks(text: str, sentences: list[Sentence], language: str | None, limit: int) -> list[tuple[int, int, str | None]]:
    """``(start, end, language)`` pieces of ``text``, each at most ``limit`` UTF-16 units and in one language.

    Cut at blank lines first, then at sentence ends, then at white space; a run of paragraphs in one language
    goes in one piece. A piece's language is that of most of its sentences, else the message's; None: unknown.
    A piece without a letter (a link alone, a quote blanked out) has nothing to check and is left out.
    """
    units = _unit_counter(text)
    pieces: list[tuple[int, int, str | None]] = []
    for start, end in _paragraphs(text):
        lang = _dominant(sentences, start, end)
        cuts = [s.end for s in sentences if start < s.end < end]
        pieces += [(a, b, lang) for a, b in _split(text, start, end, cuts, limit, units)]
    out: list[list] = []
    for start, end, lang in pieces:
        if out:
            last = out[-1]
            same = lang is None or last[2] is None or lang == last[2]
            if same and units(last[0], end) <= limit:
                last[1], last[2] = end, last[2] or lang
                continue
        out.append([start, end, lang])
    return [(a, b, lang or language) for a, b, lang in out if any(ch.isalpha() for ch in text[a:b])]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans that cover the text, each ending after the blank line that closes it."""
    bounds = [0] + [m.end() for m in re.finditer(r"\n[ \t\r]*\n", text)] + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _dominant(sentences: list[Sentence], start: int, end: int) -> str | None:
    weight: dict[str, int] = {}
    for s in sentences:
        overlap = min(s.end, end) - max(s.start, start)
        if overlap > 0 and s.language:
            weight[s.language] = weight.get(s.language, 0) + overlap
    return max(weight, key=weight.get) if weight else None


def _split(text: str, start: int, end: int, cuts: list[int], limit: int, units) -> list[tuple[int, int]]:
    """``text[start:end]`` in spans of at most ``limit`` units: at the last cut that fits, else at white space."""
    out = []
    pos = start
    while units(pos, end) > limit:
        fitting = [c for c in cuts if pos < c and units(pos, c) <= limit]
        if fitting:
            cut = fitting[-1]
        else:
            cut = pos + limit
            while units(pos, cut) > limit:
                cut -= units(pos, cut) - limit
            space = max(text.rfind(" ", pos + 1, cut), text.rfind("\n", pos + 1, cut))
            cut = space + 1 if space > pos else cut
        out.append((pos, cut))
        pos = cut
    out.append((pos, end))
    return out


# --- what comes back ------------------------------------------------------------------------------------------


def utf16_to_index(text: str):
    """A function from a UTF-16 offset into ``text`` (LanguageTool's) to a Python string offset."""
    if text.isascii() or max(text) <= "\uffff":
        return lambda unit: max(0, min(unit, len(text)))
    table = []
    for i, ch in enumerate(text):
        table.append(i)
        if ord(ch) > 0xFFFF:
            table.append(i + 1)  # the second half of a surrogate pair: round up to the next character
    table.append(len(text))
    return lambda unit: table[max(0, min(unit, len(table) - 1))]


def category_of(rule: dict) -> str:
    """clientlint's category for a LanguageTool rule (``{"issueType": …, "category": {"id": …}}``)."""
    issue = str(rule.get("issueType") or "").lower()
    category = rule.get("category")
    category_id = str(category.get("id") or "").upper() if isinstance(category, dict) else ""
    return _BY_ISSUE_FIRST.get(issue) or _BY_CATEGORY.get(category_id) or _BY_ISSUE.get(issue) or "grammar"


def diagnostics(answer, text: str, start: int, end: int) -> list[Diagnostic]:
    """The findings in LanguageTool's answer for ``text[start:end]``, as offsets into ``text``."""
    matches = answer.get("matches") if isinstance(answer, dict) else None
    if not isinstance(matches, list):
        raise Unavailable("the server did not answer /v2/check with LanguageTool's JSON (no 'matches')")
    to_index = utf16_to_index(text[start:end])
    out = []
    for m in matches:
        rule = m.get("rule") if isinstance(m, dict) else None
        offset, length = (m.get("offset"), m.get("length")) if isinstance(m, dict) else (None, None)
        if not (isinstance(rule, dict) and isinstance(rule.get("id"), str) and isinstance(offset, int)
                and isinstance(length, int)):
            raise Unavailable("the server answered /v2/check with a match clientlint cannot read")
        a, b = start + to_index(offset), start + to_index(offset + length)
        if a >= b:
            continue
        category = category_of(rule)
        replacements = [r["value"] for r in m.get("replacements") or []
                        if isinstance(r, dict) and isinstance(r.get("value"), str)]
        replacements = list(dict.fromkeys(replacements))[:MAX_REPLACEMENTS]
        message = str(m.get("message") or m.get("shortMessage") or rule.get("description") or rule["id"])
        out.append(Diagnostic(
            rule=RULE_PREFIX + rule["id"],
            category=category,
            severity=_SEVERITY[category],
            message=message.replace("<suggestion>", "«").replace("</suggestion>", "»"),
            start=a,
            end=b,
            replacements=replacements,
            fix="unsafe" if replacements else None,
            source=SOURCE,
        ))
    return out


def _touches(d: Diagnostic, hidden: list[tuple[int, int]]) -> bool:
    """Whether a finding overlaps or borders a hidden region (LanguageTool saw zeros or spaces there)."""
    i = bisect_left(hidden, (d.start,))
    return any(lo <= d.end and d.start <= hi for lo, hi in hidden[max(0, i - 1):i + 1])


# --- HTTP -----------------------------------------------------------------------------------------------------


def _request(url: str, form: dict | None, deadline: float, budget: float, name: str):
    """GET (``form`` None) or POST a form to ``url`` and return the JSON answer, within ``deadline``."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise Unavailable(f"{name} did not answer within {budget:g} s", down=True)
    data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
    request = urllib.request.Request(url, data=data, headers={
        "Accept": "application/json",
        "User-Agent": f"clientlint/{__version__}",
        **({"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"} if data is not None else {}),
    })
    try:
        with urllib.request.urlopen(request, timeout=remaining) as response:
            body = response.read(MAX_RESPONSE)
    except urllib.error.HTTPError as exc:
        detail = _first_line(exc.read(400))
        raise Unavailable(f"{name} answered HTTP {exc.code}" + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise Unavailable(f"{name} did not answer within {budget:g} s", down=True) from None
        reason = getattr(exc.reason, "strerror", None) or exc.reason
        raise Unavailable(f"cannot reach {name} ({reason})", down=True) from None
    except TimeoutError:
        raise Unavailable(f"{name} did not answer within {budget:g} s", down=True) from None
    except OSError as exc:
        raise Unavailable(f"cannot reach {name} ({exc.strerror or exc})", down=True) from None
    except (http.client.HTTPException, ValueError) as exc:  # a broken answer, a URL urllib cannot use
        raise Unavailable(f"{name} gave a broken answer ({type(exc).__name__})") from None
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Unavailable(f"{name} did not answer with LanguageTool's JSON") from None


def _first_line(body: bytes) -> str:
    line = body.decode("utf-8", "replace").strip().split("\n", 1)[0].strip()
    return line[:160]


# --- a local installation -------------------------------------------------------------------------------------


class _LocalServer:
    """A LanguageTool installation already on disk, started once per process, stopped at exit."""

    def __init__(self):
        self._lock = threading.Lock()
        self._url: str | None = None
        self._failure: str | None = None
        self.process: subprocess.Popen | None = None

    def url(self) -> str:
        with self._lock:
            if self._url is None and self._failure is None:
                try:
                    self._url = self._start()
                except Unavailable as exc:
                    self._failure = exc.reason
            if self._url is None:
                raise Unavailable(self._failure or "the local LanguageTool did not start")
            return self._url

    def _start(self) -> str:
        try:
            from language_tool_python.download_lt import LocalLanguageTool, confirm_java_compatibility
        except ImportError:
            raise Unavailable(EXTRA_MISSING) from None
        if shutil.which("java") is None:
            raise Unavailable("a local LanguageTool needs Java, and there is no 'java' on PATH")
        folder = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
        installed = LocalLanguageTool.get_latest_installed_version() if folder.is_dir() else None
        if installed is None:
            raise Unavailable(f"no LanguageTool installation in {folder} (clientlint never downloads one: "
                              "unpack LanguageTool there, set LTP_PATH, or give a server URL)")
        port = _free_port()
        try:
            confirm_java_compatibility(installed.version_name)
            command = installed.get_server_cmd(port)
        except (Exception, SystemExit) as exc:  # language-tool-python exits on a java -version it cannot read
            raise Unavailable(f"the local LanguageTool {installed.version_name} cannot run here ({exc})") from None
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        atexit.register(self.stop)
        base = f"http://127.0.0.1:{port}/v2"
        self._wait_ready(base)
        return base

    def _wait_ready(self, base: str) -> None:
        deadline = time.monotonic() + LOCAL_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Unavailable(f"the local LanguageTool exited with code {self.process.returncode} on start")
            try:
                _request(f"{base}/languages", None, time.monotonic() + 2, 2, "the local LanguageTool")
                return
            except Unavailable:
                time.sleep(0.2)
        self.stop()
        raise Unavailable(f"the local LanguageTool did not start within {LOCAL_START_TIMEOUT:g} s")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_local = _LocalServer()


def local_server_url() -> str:
    """The URL of the local installation, started on first use (raises :class:`Unavailable`)."""
    return _local.url()


# --- explain --------------------------------------------------------------------------------------------------


def explain(rule_id: str) -> str:
    """What ``clientlint explain languagetool.<ID>`` prints: where such a finding comes from."""
    lt_id = rule_id[len(RULE_PREFIX):]
    return "\n".join([
        rule_id,
        "=" * len(rule_id),
        f"Source: LanguageTool (its rule {lt_id}), not one of clientlint's own rules",
        "",
        "Where it comes from",
        "-------------------",
        "clientlint sends the message to the LanguageTool server named by --languagetool, "
        "CLIENTLINT_LANGUAGETOOL_URL or [tool.clientlint.languagetool] (links, e-mail addresses, placeholders, "
        "code and the client's quoted words hidden), in the language it detected, and reports each match as "
        f"languagetool.<LanguageTool rule id>. The message and the suggestions are LanguageTool's; "
        f"LanguageTool's own documentation describes {lt_id}.",
        "",
        "Category",
        "--------",
        "misspellings, repeated words and letter case: spelling (warning); grammar, punctuation, confused words: "
        "grammar (warning); style and redundancy: tone (info); typography and white space: hygiene (info); "
        "regional variants: language (info).",
        "Where one of clientlint's own rules flags an overlapping span for the same category, only clientlint's "
        "finding is kept.",
        "",
        "Fix safety",
        "----------",
        "unsafe: LanguageTool's suggestions need a human look; --fix leaves them alone.",
        "",
        "Turn it off",
        "-----------",
        f'ignore = ["{rule_id}"] in [tool.clientlint], or ignore = ["languagetool"] for every LanguageTool rule.',
    ])
