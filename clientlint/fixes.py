"""Apply suggested replacements to a text, and write files atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .diagnostic import Diagnostic


def apply_fixes(text: str, diagnostics: list[Diagnostic], *, safety: tuple[str, ...] = ("safe",)) -> tuple[str, int]:
    """Apply the first replacement of each finding whose ``fix`` is in ``safety``; overlapping ones are skipped.

    Returns the new text and the number of fixes applied.
    """
    chosen: list[Diagnostic] = []
    last_end = -1
    for d in sorted(diagnostics, key=lambda d: (d.start, d.end)):
        if d.fix not in safety or not d.replacements or d.start < last_end:
            continue
        chosen.append(d)
        last_end = d.end
    out = text
    for d in reversed(chosen):
        out = out[: d.start] + d.replacements[0] + out[d.end :]
    return out, len(chosen)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: a temporary file beside it, then ``os.replace``."""
    path = Path(path)
    mode = path.stat().st_mode if path.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".clientlint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
