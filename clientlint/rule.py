"""What every rule is, whether it is written as data (a YAML pack) or as code (``clientlint/checks/``).

A rule has one metadata record (:class:`RuleMeta`) with its examples, and one method, ``check(doc)``, that yields
:class:`~clientlint.diagnostic.Diagnostic` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .diagnostic import CATEGORIES, SEVERITIES, Diagnostic
from .document import Document
from .errors import RulePackError

LANGUAGES = ("ru", "uk", "en", "any")
FIXES = ("safe", "unsafe", "none")
ID_RE = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
MARK_RE = re.compile(r"<<(.+?)>>(?!>)", re.S)


@dataclass(frozen=True)
class BadExample:
    """A sentence the rule must flag, at ``start:end``, suggesting ``suggestion`` first (None: no suggestion)."""

    text: str
    start: int
    end: int
    suggestion: str | None

    @property
    def corrected(self) -> str | None:
        if self.suggestion is None:
            return None
        return self.text[: self.start] + self.suggestion + self.text[self.end :]


@dataclass(frozen=True)
class RuleMeta:
    id: str
    category: str
    severity: str
    languages: tuple[str, ...]
    message: dict[str, str]
    description: str
    kind: str
    fix: str | None
    bad: tuple[BadExample, ...]
    good: tuple[str, ...]
    source: str = ""  # "path:line" for data rules, "module.Class" for code checks
    opt_in: bool = False  # runs only when named in `select` or `extend_select` (by id or a prefix of the id)

    def message_for(self, lang: str | None) -> str:
        if lang and lang in self.message:
            return self.message[lang]
        for fallback in ("en", "default"):
            if fallback in self.message:
                return self.message[fallback]
        return next(iter(self.message.values()))

    @property
    def language_set(self) -> frozenset[str] | None:
        return None if "any" in self.languages else frozenset(self.languages)


def match_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``template`` (Title, UPPER or as is)."""
    if not template or not replacement:
        return replacement
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if template[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


class Rule:
    """Base of every rule. Subclasses set ``meta`` and implement ``check``.

    Where two rules of one category flag overlapping spans, the one with the higher ``priority`` speaks: a data
    rule that names a misspelling and its fix (50) outranks a code check that infers it (the spell checker,
    10), so the client-facing message is the precise one.
    """

    meta: RuleMeta
    priority: int = 50

    def check(self, doc: Document) -> Iterator[Diagnostic]:  # pragma: no cover - interface
        raise NotImplementedError

    def diagnostic(
        self,
        start: int,
        end: int,
        replacements: list[str] | tuple[str, ...] = (),
        *,
        lang: str | None = None,
        original: str | None = None,
        fix: str | None = "default",
        **fields: str,
    ) -> Diagnostic:
        """Build a finding of this rule; the message is taken in ``lang`` and formatted with ``fields``.

        ``fix`` overrides the rule's fix safety for this finding (for checks that know when they are sure).
        """
        replacements = list(dict.fromkeys(r for r in replacements if r is not None))
        if original is not None:
            replacements = [match_case(original, r) for r in replacements]
        text = self.meta.message_for(lang)
        values = {"match": original or "", "suggestion": replacements[0] if replacements else ""}
        values.update(fields)
        try:
            text = text.format(**values)
        except (KeyError, IndexError, ValueError):
            pass
        return Diagnostic(
            rule=self.meta.id,
            category=self.meta.category,
            severity=self.meta.severity,
            message=text,
            start=start,
            end=end,
            replacements=replacements,
            fix=(self.meta.fix if fix == "default" else fix) if replacements else None,
        )


# --- building metadata from a mapping (YAML rule or a code check's META) -------------------------------------

COMMON_KEYS = {"id", "category", "severity", "languages", "message", "description", "kind", "fix", "examples",
               "opt_in"}


def parse_bad_example(item, where, rule_id) -> BadExample:
    path, line = where
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict) or "text" not in item:
        raise RulePackError(path, line, rule_id, "a bad example is a mapping with 'text' (and 'suggestion')")
    unknown = {k for k in item if not k.startswith("__")} - {"text", "suggestion"}
    if unknown:
        raise RulePackError(path, item.get("__line__", line), rule_id, f"unknown key {sorted(unknown)[0]!r} in example")
    raw = str(item["text"])
    marks = list(MARK_RE.finditer(raw))
    if len(marks) != 1:
        raise RulePackError(path, item.get("__line__", line), rule_id,
                            f"a bad example marks exactly one span with << >>: {raw!r}")
    m = marks[0]
    text = raw[: m.start()] + m.group(1) + raw[m.end():]
    start = m.start()
    end = start + len(m.group(1))
    suggestion = item.get("suggestion")
    return BadExample(text, start, end, None if suggestion is None else str(suggestion))


def build_meta(data: dict, where: tuple[str, int | None], kind_keys: set[str], source: str) -> RuleMeta:
    """Validate a rule mapping and build its metadata. ``where`` is (path, line) for error messages."""
    path, line = where
    rule_id = data.get("id")
    if not isinstance(rule_id, str) or not ID_RE.match(rule_id):
        raise RulePackError(path, line, rule_id if isinstance(rule_id, str) else None,
                            "missing or malformed 'id' (dotted lower-case, e.g. 'ru.grammar.v-techenii')")
    key_lines = data.get("__lines__", {})
    for key in data:
        if key.startswith("__"):
            continue
        if key not in COMMON_KEYS and key not in kind_keys:
            raise RulePackError(path, key_lines.get(key, line), rule_id, f"unknown key {key!r}")
    for key in ("category", "severity", "languages", "message", "description", "examples"):
        if key not in data:
            raise RulePackError(path, line, rule_id, f"missing key {key!r}")

    def check_choice(key, value, choices):
        if value not in choices:
            raise RulePackError(path, key_lines.get(key, line), rule_id,
                                f"{key} {value!r} is not one of {', '.join(str(c) for c in choices)}")

    check_choice("category", data["category"], CATEGORIES)
    check_choice("severity", data["severity"], SEVERITIES)
    languages = data["languages"]
    if isinstance(languages, str):
        languages = [languages]
    for lang in languages:
        check_choice("languages", lang, LANGUAGES)
    fix = data.get("fix", "none")
    check_choice("fix", fix, FIXES)

    message = data["message"]
    if isinstance(message, str):
        message = {"default": message}
    if not isinstance(message, dict) or not message or not all(isinstance(v, str) and v.strip() for k, v in message.items() if not str(k).startswith("__")):
        raise RulePackError(path, key_lines.get("message", line), rule_id, "'message' is a non-empty text or a mapping language -> text")
    message = {k: v.strip() for k, v in message.items() if not str(k).startswith("__")}
    description = data["description"]
    if not isinstance(description, str) or not description.strip():
        raise RulePackError(path, key_lines.get("description", line), rule_id, "'description' is a non-empty text")

    examples = data["examples"]
    ex_line = key_lines.get("examples", line)
    if not isinstance(examples, dict) or not examples.get("bad") or not examples.get("good"):
        raise RulePackError(path, ex_line, rule_id, "'examples' needs at least one 'bad' and one 'good' example")
    unknown = {k for k in examples if not k.startswith("__")} - {"bad", "good"}
    if unknown:
        raise RulePackError(path, ex_line, rule_id, f"unknown key {sorted(unknown)[0]!r} in examples")
    bad = tuple(parse_bad_example(item, (path, ex_line), rule_id) for item in examples["bad"])
    good = tuple(str(g) for g in examples["good"])
    return RuleMeta(
        id=rule_id,
        category=data["category"],
        severity=data["severity"],
        languages=tuple(languages),
        message=message,
        description=description.strip(),
        kind=data.get("kind", "code"),
        fix=None if fix == "none" else fix,
        bad=bad,
        good=good,
        source=source,
        opt_in=bool(data.get("opt_in", False)),
    )
