"""Reading the messages to check: files, folders and standard input, with one-line errors for bad input."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

# What a folder given on the command line is searched for.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".j2", ".jinja", ".jinja2", ".hbs", ".handlebars",
                 ".mustache", ".eml")
BOM = b"\xef\xbb\xbf"


@dataclass
class Source:
    path: str  # as shown to the user
    text: str
    bom: bool = False
    is_stdin: bool = False


def decode(data: bytes, shown: str) -> tuple[str, bool]:
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM):]
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{shown}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8 and try again"
        ) from None


def read_source(name: str) -> Source:
    if name == "-":
        data = sys.stdin.buffer.read()
        text, bom = decode(data, "<stdin>")
        return Source("-", text, bom, is_stdin=True)
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file or directory")
    if path.is_dir():
        raise InputError(f"{name}: is a directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    text, bom = decode(data, name)
    return Source(name, text, bom)


def expand_paths(names: list[str]) -> list[str]:
    """Files as given, folders expanded to the text and template files inside them (hidden ones skipped)."""
    out: list[str] = []
    for name in names:
        p = Path(name)
        if name != "-" and p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            out.extend(str(f) for f in found)
        else:
            out.append(name)
    return out
