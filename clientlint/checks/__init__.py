"""Code-backed checks: what a YAML pack cannot say.

Each module here defines one or more subclasses of :class:`Check` with a ``META`` mapping in the same shape as a
YAML rule (id, category, severity, languages, message, description, fix, examples) and a ``check(doc)`` method.
Modules are discovered automatically; adding a file is enough.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..rule import Rule, build_meta


class Check(Rule):
    """Base of code checks. Subclasses set ``META`` (a dict) and implement ``check(doc)``."""

    META: dict = {}
    _registry: list[type["Check"]] = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.META:
            Check._registry.append(cls)

    def __init__(self):
        source = f"{type(self).__module__}.{type(self).__name__}"
        data = dict(self.META)
        data.setdefault("kind", "code")
        self.meta = build_meta(data, (source, None), set(), source)


def discover() -> list[Check]:
    """Import every module in this package and instantiate each check it defines."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return [cls() for cls in Check._registry]
