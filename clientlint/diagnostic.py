"""The records a check produces: ``Diagnostic`` (one finding) and ``Report`` (all findings for one message)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .tone import Tone

CATEGORIES = ("spelling", "grammar", "language", "tone", "commitments", "hygiene")
SEVERITIES = ("error", "warning", "info")
FIX_SAFETY = ("safe", "unsafe", None)

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(slots=True)
class Diagnostic:
    """One finding.

    ``start``/``end`` are Python string offsets into the text as given. Applying ``replacements[0]`` at
    ``text[start:end]`` gives the corrected text. ``fix`` tells whether that replacement is always right
    (``"safe"``), needs a human look (``"unsafe"``) or there is nothing to apply (``None``).
    """

    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    replacements: list[str] = field(default_factory=list)
    fix: str | None = None
    source: str = "clientlint"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class SentenceLanguage:
    start: int
    end: int
    language: str | None


@dataclass(slots=True)
class Report:
    """Result of checking one message.

    ``language``: the detected language of the message (quoted client text left out). ``client_language``: the
    language the client wrote in, and ``client_language_source`` what decided it: ``"argument"``
    (``client_language=`` / ``--client-lang``), ``"config"`` (per-path or default config), ``"reply-to"`` (the
    message being answered), ``"quoted"`` (the quoted part of the draft), or None when unknown.
    ``sentences``: each sentence of the draft with its detected language. ``tone``: the overall tone (``neutral``,
    ``tense``, ``hostile``) and the phrases that decided it, for a UI (see :mod:`clientlint.tone`). ``warnings``:
    what could not be done but did not stop the check (a LanguageTool server that was down or slow), one line each.
    """

    text: str
    diagnostics: list[Diagnostic]
    language: str | None
    client_language: str | None = None
    client_language_source: str | None = None
    sentences: list[SentenceLanguage] = field(default_factory=list)
    tone: Tone = field(default_factory=Tone)
    warnings: list[str] = field(default_factory=list)

    def __iter__(self):
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def by_rule(self, rule_id: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.rule == rule_id]
