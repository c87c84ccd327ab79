"""Errors that reach the user as one line and exit code 2."""


class ClientlintError(Exception):
    """Base of every error clientlint reports to the user without a traceback."""


class RulePackError(ClientlintError):
    """A rule pack (YAML or code check metadata) is malformed: ``path:line: rule 'id': what``."""

    def __init__(self, path: str, line: int | None, rule: str | None, what: str):
        self.path, self.line, self.rule, self.what = path, line, rule, what
        where = f"{path}:{line}" if line else path
        who = f" rule '{rule}':" if rule else ""
        super().__init__(f"{where}:{who} {what}")


class ConfigError(ClientlintError):
    """A configuration file or option is malformed."""


class InputError(ClientlintError):
    """An input file is missing, unreadable or not UTF-8."""
