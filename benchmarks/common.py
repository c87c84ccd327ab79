"""What the benchmark scripts share: the corpora folder, TSV reading, percentiles and plain-text tables."""

from __future__ import annotations

import csv
import platform
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CORPORA = HERE.parents[1] / "shared" / "corpora"  # ../shared/corpora beside the repository; optional


def rows(path: Path):
    """The rows of a TSV file with a header line, as dicts (no quoting: a tab ends a cell)."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for row in reader:
            yield dict(zip(header, row))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


def table(headers: list[str], body: list[list], align: str) -> list[str]:
    """Rows of text: one column per header, ``align`` a string of ``<`` (left) and ``>`` (right)."""
    cells = [[str(c) for c in row] for row in [headers, *body]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    out = []
    for n, row in enumerate(cells):
        out.append("  ".join(c.ljust(w) if a == "<" else c.rjust(w) for c, w, a in zip(row, widths, align)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def machine() -> str:
    return f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}"
