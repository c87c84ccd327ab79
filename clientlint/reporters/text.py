"""Human output: ``path:line:col: severity [rule] message``, the line with the span underlined, the suggestion."""

from __future__ import annotations

from . import FileResult, LineIndex

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _GREEN, _RESET = "\033[1m", "\033[2m", "\033[32m", "\033[0m"


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
            out.append(head)
            src = index.line_text(line)
            width = (end_col - col) if end_line == line else max(1, len(src) - col + 1)
            out.append("    " + src.replace("\t", " "))
            out.append("    " + " " * (col - 1) + c(_COLORS[d.severity], "^" * max(1, width)))
            if d.replacements:
                shown = ", ".join(f"«{r}»" if r else "(remove)" for r in d.replacements[:3])
                tag = f" ({d.fix} fix)" if d.fix else ""
                out.append("    " + c(_GREEN, f"suggestion: {shown}") + c(_DIM, tag))
    if total:
        files = len({r.path for r in results if r.report.diagnostics})
        out.append(f"Found {total} problem{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}.")
    return "\n".join(out) + ("\n" if out else "")
