"""clientlint: check an outgoing message to a client before it is sent.

>>> import clientlint
>>> report = clientlint.check("Ответим в течении часа.", client_language="ru")
>>> [(d.rule, d.replacements[0]) for d in report.diagnostics]
[('ru.grammar.v-techenii', 'в течение')]
"""

from __future__ import annotations

import threading

from .config import Config
from .diagnostic import Diagnostic, Report
from .errors import ClientlintError, ConfigError, InputError, RulePackError
from .linter import Linter
from .tone import Tone, ToneCue

__version__ = "0.1.0"
__all__ = [
    "check", "Linter", "Report", "Diagnostic", "Config", "Tone", "ToneCue",
    "ClientlintError", "ConfigError", "InputError", "RulePackError", "__version__",
]

_default: Linter | None = None
_default_lock = threading.Lock()


def default_linter() -> Linter:
    """The process-wide Linter with the default configuration, built on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Linter()
    return _default


def check(text: str, *, client_language: str | None = None, config=None) -> Report:
    """Check one message with the default Linter (or a Linter for ``config``, if given)."""
    linter = default_linter() if config is None else Linter(config)
    return linter.check(text, client_language=client_language)
