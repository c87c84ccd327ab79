"""Load rule packs: YAML files in ``rules/<lang>/`` (built in) and in a team's own folders.

A pack is a mapping with ``rules:`` (a list of rules) and optional ``defaults:`` merged into each rule.
Every problem is reported as ``path:line: rule 'id': what``.
"""

from __future__ import annotations

import threading
from pathlib import Path

import yaml

from .errors import RulePackError
from .kinds import KINDS
from .rule import Rule, build_meta


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers where each mapping and each of its keys start."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = {
            k.value: k.start_mark.line + 1 for k, _v in node.value if isinstance(k, yaml.ScalarNode)
        }
        return mapping


def builtin_rules_dir() -> Path:
    """Where the built-in packs are: inside the installed package, or ``rules/`` beside it in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    if installed.is_dir():
        return installed
    return here.parent / "rules"


def pack_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def load_pack(path: Path, display: str | None = None) -> list[Rule]:
    """Parse one pack file into rules."""
    shown = display or str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(shown, None, None, f"cannot read rule pack: {exc}") from None
    try:
        data = yaml.load(raw, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RulePackError(shown, mark.line + 1 if mark else None, None, f"invalid YAML: {problem}") from None
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulePackError(shown, 1, None, "a rule pack is a mapping with a 'rules:' list")
    unknown = {k for k in data if not k.startswith("__")} - {"rules", "defaults"}
    if unknown:
        key = sorted(unknown)[0]
        raise RulePackError(shown, data["__lines__"].get(key), None, f"unknown top-level key {key!r}")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise RulePackError(shown, data["__lines__"].get("defaults"), None, "'defaults' is a mapping")
    rules = []
    for item in data["rules"]:
        if not isinstance(item, dict):
            raise RulePackError(shown, data["__line__"], None, "each rule is a mapping")
        merged = {k: v for k, v in defaults.items() if not k.startswith("__")}
        merged.update(item)
        merged["__lines__"] = {**defaults.get("__lines__", {}), **item.get("__lines__", {})}
        line = item.get("__line__")
        rule_id = item.get("id")
        kind = merged.get("kind")
        if kind not in KINDS:
            known = ", ".join(sorted(KINDS))
            raise RulePackError(shown, merged["__lines__"].get("kind", line), rule_id,
                                f"unknown kind {kind!r} (one of: {known})")
        cls = KINDS[kind]
        meta = build_meta(merged, (shown, line), cls.KEYS, f"{shown}:{line}")
        rules.append(cls.from_data(meta, merged, (shown, line)))
    return rules


def load_folder(folder: Path, display_root: Path | None = None) -> list[Rule]:
    rules = []
    for path in pack_files(folder):
        shown = str(path.relative_to(display_root)) if display_root else str(path)
        rules.extend(load_pack(path, shown))
    return rules


_builtin: tuple[tuple, list[Rule]] | None = None  # (the packs' names, sizes and times; their rules)
_builtin_lock = threading.Lock()


def load_builtin() -> list[Rule]:
    """The shipped packs, parsed once per process and again only when a pack file changes: every ``Linter`` (one
    per configuration) shares them, and a rule keeps no state of its own between checks."""
    global _builtin
    root = builtin_rules_dir()
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in pack_files(root))
    with _builtin_lock:
        if _builtin is None or _builtin[0] != stamp:
            _builtin = (stamp, load_folder(root, root.parent))
        return list(_builtin[1])
