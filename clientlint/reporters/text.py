"""Human output: ``path:line:col: severity [rule] message``, the line with the span underlined, the suggestion."""

from __future__ import annotations

import unicodedata

from . import FileResult, LineIndex

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _GREEN, _RESET = "\033[1m", "\033[2m", "\033[32m", "\033[0m"
# Findings that come from outside clientlint say where from, after the message.
_SOURCES = {"languagetool": "LanguageTool"}


def display_width(s: str) -> int:
    """Terminal columns: wide (CJK, most emoji) characters take two, combining marks none."""
    width = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def render(results: list[FileResult], *, rules=None, color: bool = False) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if color else s

    out: list[str] = []
    total = 0
    for res in results:
        index = LineIndex(res.text)
        for d in res.report.diagnostics:
            total += 1
            line, col = index.position(d.start)
            end_line, end_col = index.position(d.end)
            head = f"{res.path}:{line}:{col}: {c(_COLORS[d.severity], d.severity)} {c(_BOLD, '[' + d.rule + ']')} {d.message}"
            if d.source in _SOURCES:
                head += " " + c(_DIM, f"(found by {_SOURCES[d.source]})")
            out.append(head)
            src = index.line_text(line).replace("\t", " ")
            span = src[col - 1: end_col - 1] if end_line == line else src[col - 1:]
            out.append("    " + src)
            out.append("    " + " " * display_width(src[: col - 1]) + c(_COLORS[d.severity], "^" * max(1, display_width(span))))
            if d.replacements:
                shown = ", ".join(f"«{r}»" if r else "(remove)" for r in d.replacements[:3])
                tag = f" ({d.fix} fix)" if d.fix else ""
                out.append("    " + c(_GREEN, f"suggestion: {shown}") + c(_DIM, tag))
        tone = res.report.tone
        if tone.level != "neutral":
            colour = _COLORS["error" if tone.level == "hostile" else "warning"]
            cues = ", ".join(f"«{cue.text}»" for cue in tone.cues[:5])
            out.append(f"{res.path}: tone: {c(colour, tone.level)} ({cues})")
    if total:
        files = len({r.path for r in results if r.report.diagnostics})
        out.append(f"Found {total} problem{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}.")
    return "\n".join(out) + ("\n" if out else "")
