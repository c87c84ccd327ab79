"""Reporters turn findings into output. They never compute findings; rules never format output.

Every reporter is ``render(results, *, rules, color=False) -> str`` where ``results`` is a list of
:class:`FileResult` and ``rules`` maps rule id to its :class:`~clientlint.rule.RuleMeta`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..diagnostic import Report


@dataclass
class FileResult:
    path: str  # as the user named it; "-" for standard input
    text: str
    report: Report


class LineIndex:
    """Offsets to 1-based (line, column); columns count characters (code points)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


def get_reporter(name: str):
    from . import github, json_, sarif, text

    return {"text": text.render, "json": json_.render, "sarif": sarif.render, "github": github.render}[name]


FORMATS = ("text", "json", "sarif", "github")
