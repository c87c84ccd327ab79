"""The client's own words inside a draft: quoted lines (``>``) and the block after a reply or forward header.

Quoted text is the client's, so it is never linted; it only tells which language the client wrote in.
"""

from __future__ import annotations

import re

# A header line after which everything is the message being answered.
_HEADERS = [
    r"-{2,}\s*(?:Original Message|Исходное сообщение|Оригінальне повідомлення|Forwarded message|"
    r"Пересылаемое сообщение|Переслане повідомлення|Пересланное сообщение)\s*-{2,}",
    r"On\b.{3,160}\bwrote:",
    r".{3,160}\b(?:писал|писала|написал|написала|пишет|писал\(а\)|написал\(а\)):",
    r".{3,160}\b(?:писав|писала|написав|написала|пише|писав\(ла\)|написав\(ла\)):",
    r"(?:From|От|Від|Від кого):\s.+\n(?:.+\n){0,3}?(?:Sent|Отправлено|Надіслано|Date|Дата):\s.+",
]
_HEADER = re.compile(r"(?im)^[ \t]*(?:" + "|".join(_HEADERS) + r")[ \t]*$")
_QUOTED_LINES = re.compile(r"(?m)(?:^[ \t]*>.*(?:\n|$))+")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the text that quote the client: ``>`` lines, and everything from a reply header to the end."""
    spans = []
    header = _HEADER.search(text)
    end = len(text)
    if header:
        spans.append((header.start(), len(text)))
        end = header.start()
    for m in _QUOTED_LINES.finditer(text, 0, end):
        stop = m.end() - 1 if m.group().endswith("\n") else m.end()
        spans.append((m.start(), stop))
    return sorted(spans)


def quoted_text(text: str) -> str:
    """The client's words, without the ``>`` marks and the header lines."""
    parts = []
    for start, stop in quoted_spans(text):
        block = text[start:stop]
        block = _HEADER.sub("", block)
        block = re.sub(r"(?m)^[ \t]*>+[ \t]?", "", block)
        parts.append(block)
    return "\n".join(parts).strip()
