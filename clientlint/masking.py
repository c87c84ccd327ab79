"""Find the parts of a message that are not prose, keeping offsets.

Links, e-mail addresses, phone numbers, numbers and dates, code, markup, template syntax and bracketed
placeholders are *masked*: no spelling, grammar or tone rule looks inside them. Masks are spans over the
original text; nothing is removed or shifted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Kinds that stand for a value someone still has to fill in. The hygiene rule reports them in drafts.
PLACEHOLDER_KINDS = frozenset({"template", "placeholder"})


@dataclass(frozen=True, slots=True)
class Mask:
    start: int
    end: int
    kind: str


_DIRECTIVE_BODY = r"clientlint:\s*(?:disable|enable|disable-next-line)\b[^\n]*?"

# (kind, pattern). Earlier entries win when two masks start at the same place; longer wins otherwise.
_PATTERNS: list[tuple[str, str]] = [
    # Suppression directives inside comments, or on a line of their own.
    ("directive", r"<!--\s*" + _DIRECTIVE_BODY + r"\s*-->"),
    ("directive", r"\{#\s*" + _DIRECTIVE_BODY + r"\s*#\}"),
    ("directive", r"\{\{!(?:--)?\s*" + _DIRECTIVE_BODY + r"\s*(?:--)?\}\}"),
    ("directive", r"(?m)^[ \t]*(?:#|//)?[ \t]*" + _DIRECTIVE_BODY + r"[ \t]*$"),
    # Code: fenced blocks and inline spans (Markdown).
    ("code", r"(?ms)^[ \t]*```.*?^[ \t]*```[ \t]*$"),
    ("code", r"`[^`\n]+`"),
    # Markup: comments, script/style bodies, tags, entities.
    ("markup", r"(?s)<!--.*?-->"),
    ("markup", r"(?is)<(script|style)\b.*?</\1\s*>"),
    ("markup", r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>]*?)?/?>"),
    ("markup", r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"),
    # Template syntax: Jinja, Handlebars/Mustache, printf, str.format, shell-style.
    ("template", r"(?s)\{\{.*?\}\}"),
    ("template", r"(?s)\{%.*?%\}"),
    ("template", r"(?s)\{#.*?#\}"),
    ("template", r"\$\{[^{}\n]+\}"),
    ("template", r"\{[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*\}"),
    ("template", r"%\([A-Za-z_]\w*\)[sdif]|%[sd](?![A-Za-z\u0400-\u04FF])"),
    # Bracketed placeholders: [Имя клиента], [NAME], [first_name]; not [1], [sic], [березу] (an editor's insertion),
    # not Markdown link text.
    ("placeholder", r"\[(?:[A-ZА-ЯЁІЇЄҐ][^\[\]\n]{0,40}|[a-zа-яёіїєґ]+(?:_[a-zа-яёіїєґ]+)+|[A-Z_]{2,})\](?!\()"),
    ("placeholder", r"<(?:[A-ZА-ЯЁІЇЄҐ][\w \u2019'-]{0,30}|[A-Z_]{2,})>"),
    # Links and addresses.
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("url", r"(?i)\b(?:https?|ftp)://[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]]"),
    ("url", r"(?i)\bwww\.[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]]"),
    ("url", r"(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ua|ru|eu|dev|app|info|biz|co|me|pl|de|uk)(?:/[^\s<>\"«»]*[^\s<>\"«».,;:!?)\]])?\b"),
    # Dates and times: 12.03.2026, 2026-03-12, 12/03, 14:30.
    ("date", r"\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?\b"),
    ("date", r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    # Phone numbers: +380 44 123 45 67, (044) 123-45-67, 8 800 555-35-35.
    ("phone", r"(?<![\w+])\+?\d{1,3}[\s.-]?\(?\d{2,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?!\w)"),
    ("phone", r"\(\d{2,5}\)\s?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}"),
    # Numbers with their units glued on: 10, 1 000, 3,5, 50%, №12, 2x, 5-й.
    ("number", r"№\s?\d+|\b\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?(?:%|[-‑][a-zа-яіїєґ]{1,3}\b)?"),
]

_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in _PATTERNS]


def find_masks(text: str) -> list[Mask]:
    """Return non-overlapping masks sorted by start."""
    candidates: list[tuple[int, int, int, str]] = []
    for priority, (kind, rx) in enumerate(_COMPILED):
        for m in rx.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), -(m.end() - m.start()), priority, kind))
    candidates.sort()
    masks: list[Mask] = []
    covered_to = 0
    for start, neg_len, _priority, kind in candidates:
        end = start - neg_len
        if start < covered_to:
            continue
        masks.append(Mask(start, end, kind))
        covered_to = end
    return masks
