"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub turns each line into an annotation on the file and line. Values are escaped as the Actions runner
expects: in the message ``%``, CR and LF; in property values additionally ``:`` and ``,``. GitHub accepts
``col``/``endColumn`` only when the annotation starts and ends on the same line, so a finding that spans lines
gives ``line``/``endLine`` only.
"""

from __future__ import annotations

from . import FileResult, LineIndex

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], *, rules=None, color: bool = False) -> str:
    out: list[str] = []
    for res in results:
        index = LineIndex(res.text)
        path = "stdin" if res.path == "-" else res.path
        for d in res.report.diagnostics:
            line, col = index.position(d.start)
            end_line, end_col = index.position(d.end)
            props = [("file", path), ("line", line)]
            if end_line == line:
                props += [("col", col), ("endLine", end_line), ("endColumn", end_col)]
            else:
                props += [("endLine", end_line)]
            props.append(("title", d.rule))
            message = d.message
            if d.replacements:
                first = d.replacements[0]
                message += f" Suggestion: «{first}»" if first else " Suggestion: (remove)"
            head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
            out.append(f"::{COMMANDS[d.severity]} {head}::{escape_data(message)}")
    return "\n".join(out) + ("\n" if out else "")
