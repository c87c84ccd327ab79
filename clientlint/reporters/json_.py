"""JSON output: a ``version`` field, and per finding every Diagnostic field plus line and column; per file, the
warnings of its check (a LanguageTool server that was skipped)."""

from __future__ import annotations

import json

from .. import __version__
from . import FileResult, LineIndex

FORMAT_VERSION = 1


def as_data(results: list[FileResult]) -> dict:
    files = []
    for res in results:
        index = LineIndex(res.text)
        items = []
        for d in res.report.diagnostics:
            line, col = index.position(d.start)
            end_line, end_col = index.position(d.end)
            items.append({**d.to_dict(), "line": line, "column": col, "end_line": end_line, "end_column": end_col})
        files.append({
            "path": res.path,
            "language": res.report.language,
            "client_language": res.report.client_language,
            "client_language_source": res.report.client_language_source,
            "sentences": [{"start": s.start, "end": s.end, "language": s.language} for s in res.report.sentences],
            "tone": res.report.tone.to_dict(),
            "diagnostics": items,
            "warnings": list(res.report.warnings),
        })
    return {"version": FORMAT_VERSION, "clientlint": __version__, "files": files}


def render(results: list[FileResult], *, rules=None, color: bool = False) -> str:
    return json.dumps(as_data(results), ensure_ascii=False, indent=2) + "\n"
