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
    # Bracketed placeholders: [Имя клиента], [NAME], [first_name], <Client name>, <CUSTOMER>. Only brackets
    # whose content names a value (see _PLACEHOLDER_WORDS) or is a snake_case name count; [1], [sic], [Важно],
    # [Update] and an editor's [березу] do not. Not Markdown link text.
    ("placeholder", r"\[[^\[\]\n]{1,40}\](?!\()"),
    ("placeholder", r"<[^<>\n/=\"']{2,40}>"),
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
    # Links and addresses.
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("url", r"(?i)\b(?:https?|ftp)://[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]]"),
    ("url", r"(?i)\bwww\.[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]]"),
    ("url", r"(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ua|ru|eu|dev|app|info|biz|co|me|pl|de|uk)(?:/[^\s<>\"«»]*[^\s<>\"«».,;:!?)\]])?\b"),
    # Dates and times: 12.03.2026, 2026-03-12, 12/03, 14:30.
    ("date", r"\b\d{4}-\d{2}-\d{2}\b"),
    ("date", r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b"),
    ("date", r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    # Phone numbers: +380 44 123 45 67, (044) 123-45-67, 8 800 555-35-35.
    ("phone", r"(?<![\w+])\+?\d{1,3}[\s.-]?\(?\d{2,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?!\w)"),
    ("phone", r"\(\d{2,5}\)\s?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}"),
    # Numbers with their units glued on: 10, 1 000, 3,5, 50%, №12, 2x, 5-й.
    # Ranges count as one number: «2-3 дня», «1–2 робочих днів».
    ("number", r"\b\d+(?:[.,]\d+)?\s?[-–—]\s?\d+(?:[.,]\d+)?(?:%|\b)"),
    ("number", r"№\s?\d+|\b\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?(?:%|[-‑][a-zа-яіїєґ]{1,3}\b)?"),
]

_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in _PATTERNS]

# Words (stems) that make bracketed text a placeholder for a value: [Имя клиента], <Customer name>, [DATE].
_PLACEHOLDER_WORDS = re.compile(
    r"(?i)(?<![a-zа-яёіїєґ])(?:"
    r"name|first|last|surname|client|customer|company|organi[sz]ation|date|time|number|amount|sum|price|"
    r"address|phone|e-?mail|city|country|product|service|order|invoice|ticket|manager|agent|position|title|"
    r"link|url|signature|xxx+|"
    r"им[яеи]|фамили|отчеств|клиент|компани|организаци|дат[аыу]|врем|номер|сумм|цен[аыу]|адрес|телефон|почт|"
    r"город|товар|услуг|заказ|счёт|счет|заявк|менеджер|сотрудник|должност|ссылк|подпис|"
    r"ім['’ʼ]?я|прізвищ|по батькові|клієнт|компані|організаці|дат[аиу]|час|номер|сум[аиу]|ціна|адрес|телефон|"
    r"місто|товар|послуг|замовленн|рахун|менеджер|працівник|посад|посиланн|підпис"
    r")"
)
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>")
_HTML_NAMES = frozenset(
    "a abbr address area article aside b base bdi bdo blockquote body br button caption center cite code col "
    "colgroup data dd del details dfn div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 "
    "h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark meta nav noscript "
    "object ol optgroup option output p param picture pre q s samp script section select small source span "
    "strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track "
    "tt u ul var video wbr".split()
)


def _is_placeholder(text: str) -> bool:
    inner = text[1:-1].strip()
    if not inner or inner[0].isdigit():
        return False
    tag = _HTML_TAG.fullmatch(text) if text[0] == "<" else None
    if tag and tag.group(1).lower() in _HTML_NAMES:
        return False  # <b>, <BR>, <a href=...>, <time>; but <CUSTOMER> and <Client name> are placeholders
    if re.fullmatch(r"[A-Za-zА-Яа-яЁёІіЇїЄєҐґ]+(?:_[A-Za-zА-Яа-яЁёІіЇїЄєҐґ0-9]+)+", inner):
        return True  # snake_case names: [first_name]
    return bool(_PLACEHOLDER_WORDS.search(inner))


def find_masks(text: str) -> list[Mask]:
    """Return non-overlapping masks sorted by start."""
    from .quoting import quoted_spans

    candidates: list[tuple[int, int, int, str]] = []
    for start, end in quoted_spans(text):  # the client's words: never linted, and they outrank everything
        candidates.append((start, -(end - start), -1, "quote"))
    for priority, (kind, rx) in enumerate(_COMPILED):
        for m in rx.finditer(text):
            if kind == "placeholder" and not _is_placeholder(m.group()):
                continue
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
