"""Inline suppression: ``clientlint: disable=<rule or prefix>`` … ``clientlint: enable``, and
``clientlint: disable-next-line``, inside an HTML, Jinja or Handlebars comment or on a line of its own.

The directives are masked (never linted); this module turns them into a filter over findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostic import Diagnostic

_DIRECTIVE = re.compile(r"clientlint:\s*(disable-next-line|disable|enable)\b(?:\s*=\s*([\w.,\s-]+?))?\s*(?:-->|#\}|--\}\}|\}\}|$)", re.M)


@dataclass(frozen=True)
class _Event:
    offset: int
    action: str  # "disable" or "enable"
    targets: tuple[str, ...]  # empty: every rule


def _targets(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    return tuple(t.strip() for t in raw.split(",") if t.strip())


def _matches(targets: tuple[str, ...], d: Diagnostic) -> bool:
    if not targets:
        return True
    return any(t == d.category or d.rule == t or d.rule.startswith(t + ".") for t in targets)


def suppression_filter(text: str, directive_spans: list[tuple[int, int]], diagnostics: list[Diagnostic]):
    """Drop the findings that a directive in ``text`` switches off."""
    if not directive_spans:
        return diagnostics
    events: list[_Event] = []
    line_ranges: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end in directive_spans:
        m = _DIRECTIVE.search(text, start, end)
        if not m:
            continue
        action, targets = m.group(1), _targets(m.group(2))
        if action == "disable-next-line":
            nl = text.find("\n", end)
            if nl == -1:
                continue
            nxt = text.find("\n", nl + 1)
            line_ranges.append((nl + 1, len(text) if nxt == -1 else nxt, targets))
        else:
            events.append(_Event(start, action, targets))

    def suppressed(d: Diagnostic) -> bool:
        for lo, hi, targets in line_ranges:
            if lo <= d.start < hi and _matches(targets, d):
                return True
        off = False
        for e in events:
            if e.offset > d.start:
                break
            if e.action == "disable" and _matches(e.targets, d):
                off = True
            elif e.action == "enable" and (not e.targets or _matches(e.targets, d)):
                off = False
        return off

    return [d for d in diagnostics if not suppressed(d)]
