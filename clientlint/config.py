"""Configuration: ``[tool.clientlint]`` in ``pyproject.toml`` or a ``.clientlint.toml``, found from the checked
file upward; ``--config`` overrides.

```toml
[tool.clientlint]
select = ["ru", "uk", "tone"]          # rule id prefixes or categories; default: everything
ignore = ["spelling.doubled-word"]
client_language = "uk"
accept = ["Acme", "SaaS"]               # the team's accepted words
word_lists = ["words.txt"]              # one word per line, '#' comments
rule_paths = ["team-rules"]             # extra rule-pack folders, same YAML format
fail_on = "warning"

[tool.clientlint.languagetool]          # optional: a LanguageTool server's findings in the same report
url = "http://localhost:8081"           # or "local": an installation already on disk (needs the extra)
timeout = 10                            # seconds for one message

[tool.clientlint.severity]
"tone" = "warning"

[[tool.clientlint.overrides]]
paths = ["templates/uk/**"]
client_language = "uk"
template = true
```
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from .diagnostic import CATEGORIES, SEVERITIES
from .errors import ConfigError

CONFIG_FILES = (".clientlint.toml", "pyproject.toml")
# The team's word list, read without being named in the config when it stands beside it (or in the current
# folder when there is no config). `clientlint words add` writes here by default.
DEFAULT_WORD_LIST = "clientlint-words.txt"
TOP_KEYS = {"select", "extend_select", "ignore", "severity", "client_language", "accept", "word_lists", "rule_paths", "fail_on",
            "overrides", "languagetool"}
OVERRIDE_KEYS = {"paths", "select", "extend_select", "ignore", "severity", "client_language", "template"}
LANGUAGETOOL_KEYS = {"url", "timeout", "enabled", "max_text_length"}
# "local" stands for a LanguageTool installation already on disk, started through language-tool-python.
LANGUAGETOOL_LOCAL = "local"


@dataclass(frozen=True)
class LanguageToolConfig:
    """Where the LanguageTool server is and how long to wait for it.

    ``url``: an http(s) URL, or ``"local"`` for an installation already on disk. ``enabled``: false keeps
    LanguageTool off whatever the environment says; true without a URL means ``"local"``. ``timeout``: seconds
    for checking one message, all its requests together. ``max_text_length``: the longest text sent in one
    request (in characters); longer messages are split at paragraph and sentence ends.
    """

    url: str | None = None
    enabled: bool | None = None
    timeout: float = 10.0
    max_text_length: int = 20_000

    @property
    def server(self) -> str | None:
        """The server in use (a URL or ``"local"``), or None when LanguageTool is off."""
        if self.enabled is False:
            return None
        return self.url or (LANGUAGETOOL_LOCAL if self.enabled else None)


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    client_language: str | None = None
    template: bool | None = None

    def applies(self, relative: str) -> bool:
        return any(fnmatch.fnmatchcase(relative, p.replace("**", "*")) for p in self.paths)


@dataclass(frozen=True)
class Settings:
    """What applies to one file once overrides are merged."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    client_language: str | None = None
    template: bool | None = None
    extend_select: tuple[str, ...] = ()

    def enabled(self, rule_id: str, category: str, opt_in: bool = False) -> bool:
        """``select`` narrows the default rules, ``extend_select`` adds to them, ``ignore`` wins over both. An
        opt-in rule runs only when ``select`` or ``extend_select`` names it: by its id or a prefix of the id
        («uk.grammar.euphony»), not by a category or ``all``."""
        if any(_selects(p, rule_id, category) for p in self.ignore):
            return False
        chosen = (*self.select, *self.extend_select)
        if opt_in:
            return any(_names(p, rule_id) for p in chosen)
        return not self.select or any(_selects(p, rule_id, category) for p in chosen)

    def severity_for(self, rule_id: str, category: str, default: str) -> str:
        best, best_len = default, -1
        for prefix, level in self.severity:
            if _selects(prefix, rule_id, category):
                weight = 0 if prefix in CATEGORIES else len(prefix)
                if weight > best_len:
                    best, best_len = level, weight
        return best


def _names(prefix: str, rule_id: str) -> bool:
    """``prefix`` names the rule itself: its id, or the start of its id up to a dot or hyphen."""
    return rule_id == prefix or (rule_id.startswith(prefix) and rule_id[len(prefix)] in ".-")


def _selects(prefix: str, rule_id: str, category: str) -> bool:
    return prefix in ("all", "ALL") or prefix == category or rule_id == prefix or rule_id.startswith(prefix + ".")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    client_language: str | None = None
    extend_select: tuple[str, ...] = ()
    accept: frozenset[str] = frozenset()
    word_lists: tuple[Path, ...] = ()
    rule_paths: tuple[Path, ...] = ()
    fail_on: str | None = None
    overrides: tuple[Override, ...] = ()
    root: Path | None = None
    source: str | None = None
    languagetool: LanguageToolConfig | None = None  # None: LanguageTool is not used

    def settings_for(self, path: str | Path | None) -> Settings:
        s = Settings(self.select, self.ignore, self.severity, self.client_language, extend_select=self.extend_select)
        if path is None or not self.overrides:
            return s
        p = Path(path)
        try:
            relative = p.resolve().relative_to(self.root.resolve()).as_posix() if self.root else p.as_posix()
        except ValueError:
            relative = p.as_posix()
        for o in self.overrides:
            if o.applies(relative):
                s = replace(
                    s,
                    select=o.select if o.select is not None else s.select,
                    extend_select=s.extend_select + o.extend_select,
                    ignore=s.ignore + o.ignore,
                    severity=s.severity + o.severity,
                    client_language=o.client_language or s.client_language,
                    template=o.template if o.template is not None else s.template,
                )
        return s

    def with_cli(self, *, select=None, ignore=None, extend_select=None) -> "Config":
        return replace(
            self,
            select=tuple(select) if select else self.select,
            extend_select=self.extend_select + tuple(extend_select or ()),
            ignore=self.ignore + tuple(ignore or ()),
        )

    def with_languagetool(self, url: str, where: str, *, force: bool) -> "Config":
        """The same config with LanguageTool at ``url``, keeping the configured timeout. Without ``force`` (the
        environment) a config that says ``enabled = false`` stays off; with it (``--languagetool``) it is on."""
        current = self.languagetool or LanguageToolConfig()
        if current.enabled is False and not force:
            return self
        return replace(self, languagetool=replace(current, url=languagetool_url(url, where), enabled=True))

    def word_list_files(self) -> tuple[Path, ...]:
        """The word lists in force: those configured, and ``clientlint-words.txt`` beside the config."""
        files = list(self.word_lists)
        default = (self.root or Path.cwd()) / DEFAULT_WORD_LIST
        if default.is_file() and all(Path(f).resolve() != default.resolve() for f in files):
            files.append(default)
        return tuple(files)

    def accepted_words(self) -> frozenset[str]:
        from .morphology import normalize

        words = {normalize(w) for w in self.accept}
        for path in self.word_list_files():
            words |= {normalize(w) for w in read_word_list(path)}
        return frozenset(words)


def read_word_list(path: Path) -> set[str]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(f"{path}: word list not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read word list ({exc})") from None
    words = set()
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower())
    return words


def _strings(value, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [p.strip() for p in value.split(",") if p.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _severity(value, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'severity' must be a table of rule prefix = level")
    for k, v in value.items():
        if v not in SEVERITIES:
            raise ConfigError(f"{where}: severity for '{k}' must be one of {', '.join(SEVERITIES)}, not {v!r}")
    return tuple(value.items())


def _language(value, where: str) -> str:
    if not isinstance(value, str) or not (2 <= len(value) <= 3) or not value.isalpha():
        raise ConfigError(f"{where}: 'client_language' must be an ISO 639-1 code such as 'uk', not {value!r}")
    return value.lower()


def languagetool_url(value, where: str) -> str:
    """An http(s) URL of a LanguageTool server, or ``"local"``; ``where`` names the setting in an error."""
    if isinstance(value, str) and value.strip().lower() == LANGUAGETOOL_LOCAL:
        return LANGUAGETOOL_LOCAL
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^\s/?#]+(?:/[^\s]*)?", value.strip()):
        raise ConfigError(f"{where} must be an http:// or https:// URL or 'local', not {value!r}")
    return value.strip()


def _languagetool(value, where: str) -> LanguageToolConfig:
    """``[tool.clientlint.languagetool]``: ``url``, ``timeout``, ``max_text_length``, ``enabled``."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'languagetool' must be a table ([tool.clientlint.languagetool])")
    bad = set(value) - LANGUAGETOOL_KEYS
    if bad:
        raise ConfigError(f"{where}: languagetool: unknown key '{sorted(bad)[0]}' "
                          f"(known: {', '.join(sorted(LANGUAGETOOL_KEYS))})")
    enabled = value.get("enabled")
    if enabled is not None and not isinstance(enabled, bool):
        raise ConfigError(f"{where}: languagetool: 'enabled' must be true or false")
    timeout = value.get("timeout", LanguageToolConfig.timeout)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 600:
        raise ConfigError(f"{where}: languagetool: 'timeout' must be a number of seconds above 0 and at most 600, "
                          f"not {timeout!r}")
    limit = value.get("max_text_length", LanguageToolConfig.max_text_length)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 100:
        raise ConfigError(f"{where}: languagetool: 'max_text_length' must be a whole number of at least 100, "
                          f"not {limit!r}")
    url = languagetool_url(value["url"], f"{where}: languagetool.url") if "url" in value else None
    return LanguageToolConfig(url=url, enabled=enabled, timeout=float(timeout), max_text_length=limit)


def from_mapping(data: dict, *, root: Path | None = None, source: str = "<config>") -> Config:
    """Validate a configuration table (the contents of ``[tool.clientlint]``)."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: configuration must be a table")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ConfigError(f"{source}: unknown key '{sorted(unknown)[0]}' (known: {', '.join(sorted(TOP_KEYS))})")
    base = root or Path.cwd()
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ConfigError(f"{source}: 'fail_on' must be one of {', '.join(SEVERITIES)}")
    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise ConfigError(f"{source}: 'overrides' must be an array of tables ([[tool.clientlint.overrides]])")
    for i, o in enumerate(raw_overrides):
        where = f"{source}: overrides[{i}]"
        if not isinstance(o, dict):
            raise ConfigError(f"{where} must be a table")
        bad = set(o) - OVERRIDE_KEYS
        if bad:
            raise ConfigError(f"{where}: unknown key '{sorted(bad)[0]}'")
        if "paths" not in o:
            raise ConfigError(f"{where}: 'paths' is required")
        template = o.get("template")
        if template is not None and not isinstance(template, bool):
            raise ConfigError(f"{where}: 'template' must be true or false")
        overrides.append(Override(
            paths=_strings(o["paths"], "paths", where),
            select=_strings(o["select"], "select", where) if "select" in o else None,
            extend_select=_strings(o.get("extend_select", []), "extend_select", where),
            ignore=_strings(o.get("ignore", []), "ignore", where),
            severity=_severity(o.get("severity", {}), where),
            client_language=_language(o["client_language"], where) if "client_language" in o else None,
            template=template,
        ))
    return Config(
        select=_strings(data.get("select", []), "select", source),
        extend_select=_strings(data.get("extend_select", []), "extend_select", source),
        ignore=_strings(data.get("ignore", []), "ignore", source),
        severity=_severity(data.get("severity", {}), source),
        client_language=_language(data["client_language"], source) if "client_language" in data else None,
        accept=frozenset(_strings(data.get("accept", []), "accept", source)),
        word_lists=tuple(base / p for p in _strings(data.get("word_lists", []), "word_lists", source)),
        rule_paths=tuple(base / p for p in _strings(data.get("rule_paths", []), "rule_paths", source)),
        fail_on=fail_on,
        overrides=tuple(overrides),
        root=root,
        source=source,
        languagetool=_languagetool(data["languagetool"], source) if "languagetool" in data else None,
    )


def load_file(path: Path) -> Config:
    """Read a ``.clientlint.toml`` (top-level keys) or a ``pyproject.toml`` (``[tool.clientlint]``)."""
    path = Path(path)
    try:
        raw = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("clientlint", {})
    return from_mapping(data, root=path.parent, source=str(path))


def find_config_file(start: Path) -> Path | None:
    """The nearest ``.clientlint.toml``, or ``pyproject.toml`` with a ``[tool.clientlint]`` table, upward."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        candidate = d / ".clientlint.toml"
        if candidate.is_file():
            return candidate
        candidate = d / "pyproject.toml"
        if candidate.is_file():
            try:
                if "clientlint" in tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {}):
                    return candidate
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{candidate}: invalid TOML: {exc}") from None
    return None


def coerce(config) -> Config:
    """Accept a Config, a mapping (the ``[tool.clientlint]`` table), a path to a config file, or None."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, dict):
        return from_mapping(config)
    if isinstance(config, (str, Path)):
        return load_file(Path(config))
    raise ConfigError(f"config must be a Config, a mapping or a path, not {type(config).__name__}")
