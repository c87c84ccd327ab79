"""One registry for every rule: the built-in YAML packs, the code checks, and a team's extra packs."""

from __future__ import annotations

from pathlib import Path

from . import checks, packs
from .errors import RulePackError
from .rule import Rule


def load_rules(extra_folders: tuple[Path, ...] = ()) -> list[Rule]:
    rules: list[Rule] = [*packs.load_builtin(), *checks.discover()]
    for folder in extra_folders:
        if not Path(folder).is_dir():
            raise RulePackError(str(folder), None, None, "rule folder not found")
        rules.extend(packs.load_folder(Path(folder)))
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.meta.id in seen:
            path, _, line = rule.meta.source.rpartition(":")
            raise RulePackError(path or rule.meta.source, int(line) if line.isdigit() else None, rule.meta.id,
                                f"duplicate rule id (first defined at {seen[rule.meta.id]})")
        seen[rule.meta.id] = rule.meta.source
    return sorted(rules, key=lambda r: r.meta.id)
