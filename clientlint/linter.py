"""The ``Linter``: rules and data loaded once, then ``check(text)`` as often as needed, from any thread."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from . import tone
from .config import Config, Settings, coerce
from .diagnostic import Diagnostic, Report, SentenceLanguage
from .quoting import quoted_text
from .document import Document, is_template_path
from .registry import load_rules
from .suppression import suppression_filter


class Linter:
    """Checks messages. Build one and reuse it: construction loads every rule pack.

    ``config`` is a :class:`~clientlint.config.Config`, a mapping shaped like ``[tool.clientlint]``, a path to a
    config file, or None for the defaults.
    """

    def __init__(self, config=None):
        self.config: Config = coerce(config)
        self.rules = load_rules(self.config.rule_paths)
        self.accepted_words = self.config.accepted_words()
        self._active: dict[Settings, list] = {}
        self._lock = threading.Lock()
        self.languagetool = None  # the LanguageTool backend, loaded only when the config names a server
        if self.config.languagetool is not None and self.config.languagetool.server:
            from .backends.languagetool import backend_for

            self.languagetool = backend_for(self.config.languagetool)

    def active_rules(self, settings: Settings) -> list:
        found = self._active.get(settings)
        if found is None:
            found = [r for r in self.rules if settings.enabled(r.meta.id, r.meta.category, r.meta.opt_in)]
            with self._lock:
                self._active[settings] = found
        return found

    def rule(self, rule_id: str):
        return next((r for r in self.rules if r.meta.id == rule_id), None)

    def check(
        self,
        text: str,
        *,
        client_language: str | None = None,
        path: str | Path | None = None,
        template: bool | None = None,
        reply_to: str | None = None,
    ) -> Report:
        """Check one message.

        ``path`` (optional) selects per-path config and template mode (``.j2``, ``.hbs`` …). ``reply_to`` is the
        client's message being answered: it tells the client's language when nothing more direct does.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        settings = self.config.settings_for(path)
        if template is None:
            template = settings.template if settings.template is not None else is_template_path(str(path) if path else None)
        client_language, source = _client_language(text, client_language, settings, reply_to)
        doc = Document(text, str(path) if path else None, is_template=template, accepted_words=self.accepted_words,
                       client_language=client_language)

        diagnostics: list[Diagnostic] = []
        priority: dict[str, int] = {}
        for rule in self.active_rules(settings):
            found = list(rule.check(doc))
            if found:
                priority[rule.meta.id] = rule.priority
                diagnostics.extend(found)
        if len(set(priority.values())) > 1:
            diagnostics = _drop_outranked(diagnostics, priority)
        warnings: list[str] = []
        if self.languagetool is not None:
            found, warnings = self.languagetool.check(doc)
            found = [d for d in found if settings.enabled(d.rule, d.category)]
            diagnostics += _drop_covered(found, diagnostics)

        directives = [(m.start, m.end) for m in doc.masks if m.kind == "directive"]
        diagnostics = suppression_filter(text, directives, diagnostics)
        diagnostics = self._drop_accepted(doc, diagnostics)
        if settings.severity:
            diagnostics = [
                replace(d, severity=settings.severity_for(d.rule, d.category, d.severity)) for d in diagnostics
            ]
        diagnostics = _dedupe(diagnostics)
        diagnostics.sort(key=lambda d: (d.start, d.end, d.rule))

        return Report(
            text=text,
            diagnostics=diagnostics,
            language=doc.language,
            client_language=client_language,
            client_language_source=source,
            sentences=[SentenceLanguage(s.start, s.end, s.language) for s in doc.sentences],
            tone=tone.assess(text, diagnostics),
            warnings=warnings,
        )

    def _drop_accepted(self, doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """A spelling finding on a word the team accepted is not a finding."""
        if not self.accepted_words:
            return diagnostics
        out = []
        for d in diagnostics:
            if d.category == "spelling":
                words = doc.text[d.start:d.end].lower().split()
                if words and all(w in self.accepted_words for w in words):
                    continue
            out.append(d)
        return out


def _client_language(text: str, given: str | None, settings: Settings, reply_to: str | None):
    """The client's language and what decided it: the argument, the config, the message answered, the quote."""
    if given:
        return given.lower(), "argument"
    if settings.client_language:
        return settings.client_language, "config"
    if reply_to and reply_to.strip():
        found = Document(reply_to).language
        if found:
            return found, "reply-to"
    quoted = quoted_text(text)
    if quoted:
        found = Document(quoted).language
        if found:
            return found, "quoted"
    return None, None


def _drop_outranked(diagnostics: list[Diagnostic], priority: dict[str, int]) -> list[Diagnostic]:
    """Drop a finding where a rule of the same category with a higher priority flags an overlapping span."""
    out = []
    for d in diagnostics:
        mine = priority[d.rule]
        if any(o.category == d.category and priority[o.rule] > mine and o.start < d.end and d.start < o.end
               for o in diagnostics):
            continue
        out.append(d)
    return out


def _drop_covered(found: list[Diagnostic], own: list[Diagnostic]) -> list[Diagnostic]:
    """Another source's findings, less those where clientlint's own rule flags an overlapping span for the same
    category: clientlint's finding, with its message, is the one kept."""
    return [d for d in found
            if not any(o.category == d.category and o.start < d.end and d.start < o.end for o in own)]


def _dedupe(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen = set()
    out = []
    for d in diagnostics:
        key = (d.rule, d.start, d.end)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
