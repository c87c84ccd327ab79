"""The ``clientlint`` command: ``check``, ``rules``, ``explain``."""

from __future__ import annotations

import difflib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import click

from . import __version__
from .config import DEFAULT_WORD_LIST, LANGUAGETOOL_LOCAL, Config, find_config_file, load_file
from .diagnostic import SEVERITIES, SEVERITY_RANK
from .errors import ClientlintError
from .fixes import apply_fixes, write_atomic
from .inputs import BOM, Source, expand_paths, read_source
from .linter import Linter
from .reporters import FORMATS, FileResult, get_reporter

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LANGUAGETOOL_ENV = "CLIENTLINT_LANGUAGETOOL_URL"


def _fail(message: str) -> None:
    click.echo(f"clientlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


# --- one Linter per configuration, per process ------------------------------------------------------------------

_linters: dict[Config, Linter] = {}


def _linter_for(config: Config) -> Linter:
    linter = _linters.get(config)
    if linter is None:
        linter = _linters[config] = Linter(config)
    return linter


def _config_for(path: str, explicit: Config | None, cache: dict) -> Config:
    if explicit is not None:
        return explicit
    folder = Path.cwd() if path == "-" else Path(path).resolve().parent
    if folder not in cache:
        found = find_config_file(folder)
        cache[folder] = load_file(found) if found else Config(root=Path.cwd())
    return cache[folder]


def _check_one(job: tuple) -> tuple:
    """Check one source; runs in the main process or in a worker of ``--jobs``."""
    source, config, client_lang, stdin_filename, client_text = job
    linter = _linter_for(config)
    path_for_config = stdin_filename if source.is_stdin else source.path
    report = linter.check(source.text, client_language=client_lang, path=path_for_config, reply_to=client_text)
    return source, report


def _run(jobs: list[tuple], workers: int) -> list[tuple]:
    if workers <= 1 or len(jobs) < 2:
        return [_check_one(j) for j in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_check_one, jobs, chunksize=max(1, len(jobs) // (workers * 4))))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="clientlint")
def cli() -> None:
    """Check a message to a client before it is sent: typos, grammar, language, tone."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--client-lang", "client_lang", metavar="CODE", help="Language the client wrote in (uk, ru, en, ...).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--select", multiple=True, metavar="PREFIX", help="Only these rules (id prefixes or categories, comma-separated).")
@click.option("--extend-select", "extend_select", multiple=True, metavar="PREFIX",
              help="Add these rules to the defaults; names opt-in rules such as uk.grammar.euphony.")
@click.option("--ignore", multiple=True, metavar="PREFIX", help="Skip these rules (id prefixes or categories, comma-separated).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning, or fail_on from config].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (atomically); with '-', print the fixed text.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a diff; change nothing.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True,
              help="Check files in N processes (0: one per core).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file to use instead of searching.")
@click.option("--stdin-filename", metavar="PATH", help="Treat standard input as this file (config overrides, template mode).")
@click.option("--reply-to", "reply_to", type=click.Path(dir_okay=False), metavar="FILE",
              help="The client's message being answered: tells the client's language.")
@click.option("--languagetool", "languagetool", metavar="URL",
              help=f"Add a LanguageTool server's findings (http://host:port, or 'local') [env: {LANGUAGETOOL_ENV}].")
def check(paths, client_lang, fmt, select, extend_select, ignore, fail_on, exit_zero, fix, diff, jobs, config_path, stdin_filename,
          reply_to, languagetool):
    """Check PATHS (files or folders; '-' or nothing for standard input)."""
    _linters.clear()  # word lists and packs may have changed since an earlier call in this process
    try:
        explicit = load_file(Path(config_path)) if config_path else None
        client_text = read_source(reply_to).text if reply_to else None
        names = expand_paths(list(paths) or ["-"])
        if not names:
            _fail("no text or template files found in the given folders")
        if names.count("-") > 1:
            _fail("standard input ('-') can be given only once")
        cache: dict = {}
        sel, ign, ext = _split(select), _split(ignore), _split(extend_select)
        job_list = []
        for name in names:
            source = read_source(name)
            config = _config_for(name, explicit, cache)
            if sel or ign or ext:
                config = config.with_cli(select=sel, ignore=ign, extend_select=ext)
            config = _with_languagetool(config, languagetool)
            job_list.append((source, config, client_lang, stdin_filename, client_text))
        workers = jobs or (os.cpu_count() or 1)
        warnings: list[str] = []
        if workers > 1 and len(job_list) > 1:
            job_list, warnings = _share_local_languagetool(job_list)
        checked = _run(job_list, workers)

        level = fail_on or next((job[1].fail_on for job in job_list if job[1].fail_on), None) or "warning"
        results: list[FileResult] = []
        changed = 0
        for (source, report), job in zip(checked, job_list):
            config = job[1]
            if fix or diff:
                fixed, count = apply_fixes(source.text, report.diagnostics)
                if count:
                    changed += 1
                    if diff:
                        _print_diff(source, fixed)
                    elif source.is_stdin:
                        sys.stdout.write(fixed)
                    else:
                        write_atomic(Path(source.path), (BOM if source.bom else b"") + fixed.encode("utf-8"))
                    if fix:
                        source = Source(source.path, fixed, source.bom, source.is_stdin)
                        _, report = _check_one((source, config, client_lang, stdin_filename, job[4]))
                elif fix and source.is_stdin:
                    sys.stdout.write(source.text)
            results.append(FileResult("-" if source.is_stdin else source.path, source.text, report))
    except ClientlintError as exc:
        _fail(str(exc))

    for warning in dict.fromkeys(warnings + [w for r in results for w in r.report.warnings]):
        click.echo(f"clientlint: warning: {warning}", err=True)
    if diff:
        return sys.exit(EXIT_FINDINGS if changed and not exit_zero else EXIT_OK)
    to_stderr = fix and any(job[0].is_stdin for job in job_list)
    color = fmt == "text" and not os.environ.get("NO_COLOR") and (sys.stderr if to_stderr else sys.stdout).isatty()
    rules = {r.meta.id: r.meta for config in {job[1] for job in job_list} for r in _linter_for(config).rules}
    output = get_reporter(fmt)(results, rules=rules, color=color)
    if output:
        click.echo(output, nl=False, err=to_stderr)
    failing = any(
        SEVERITY_RANK[d.severity] >= SEVERITY_RANK[level] for r in results for d in r.report.diagnostics
    )
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


def _with_languagetool(config: Config, option: str | None) -> Config:
    """``--languagetool`` wins; the environment applies unless the config says ``enabled = false``."""
    if option:
        return config.with_languagetool(option, "--languagetool", force=True)
    env = os.environ.get(LANGUAGETOOL_ENV, "").strip()
    return config.with_languagetool(env, LANGUAGETOOL_ENV, force=False) if env else config


def _share_local_languagetool(job_list: list[tuple]) -> tuple[list[tuple], list[str]]:
    """With ``--jobs``, start a local LanguageTool once, here, and hand its URL to the workers: one JVM, not one
    per worker (a worker does not run exit handlers, so it could not stop its own). If it cannot start, LanguageTool
    is off for this run and the one warning says why."""
    def local(job: tuple) -> bool:
        return bool(job[1].languagetool and job[1].languagetool.server == LANGUAGETOOL_LOCAL)

    if not any(local(job) for job in job_list):
        return job_list, []
    from .backends.languagetool import Unavailable, local_server_url

    try:
        url = local_server_url()
    except Unavailable as exc:
        return [(job[0], replace(job[1], languagetool=None), *job[2:]) if local(job) else job
                for job in job_list], [f"LanguageTool skipped: {exc.reason}"]
    return [(job[0], job[1].with_languagetool(url, "local LanguageTool", force=True), *job[2:]) if local(job) else job
            for job in job_list], []


def _print_diff(source: Source, fixed: str) -> None:
    name = "<stdin>" if source.is_stdin else source.path
    lines = difflib.unified_diff(
        source.text.splitlines(keepends=True), fixed.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    for line in lines:
        click.echo(line, nl=not line.endswith("\n"))


def _rules_linter(config_path: str | None) -> Linter:
    try:
        if config_path:
            return Linter(load_file(Path(config_path)))
        found = find_config_file(Path.cwd())
        return Linter(load_file(found) if found else None)
    except ClientlintError as exc:
        _fail(str(exc))


@cli.command("rules")
@click.option("--language", "-l", "language", help="Only rules for this language (ru, uk, en, any).")
@click.option("--category", "-c", help="Only rules of this category.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (for team rule packs).")
def rules_cmd(language, category, fmt, config_path):
    """List the rules."""
    metas = [r.meta for r in _rules_linter(config_path).rules]
    if language:
        metas = [m for m in metas if language in m.languages or "any" in m.languages]
    if category:
        metas = [m for m in metas if m.category == category]
    if fmt == "json":
        click.echo(json.dumps([
            {"id": m.id, "category": m.category, "severity": m.severity, "languages": list(m.languages),
             "fix": m.fix, "kind": m.kind, "source": m.source, "opt_in": m.opt_in} for m in metas
        ], ensure_ascii=False, indent=2))
        return
    width = max((len(m.id) for m in metas), default=4)
    click.echo(f"{'RULE':<{width}}  {'CATEGORY':<11} {'SEVERITY':<8} {'LANG':<8} {'FIX':<6} KIND")
    for m in metas:
        click.echo(f"{m.id:<{width}}  {m.category:<11} {m.severity:<8} {','.join(m.languages):<8} "
                   f"{m.fix or '-':<6} {m.kind}{'  (opt-in)' if m.opt_in else ''}")
    click.echo(f"{len(metas)} rule{'s' if len(metas) != 1 else ''}")


@cli.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (for team rule packs).")
def explain(rule_id, config_path):
    """Describe RULE: why it matters, examples, fix safety."""
    linter = _rules_linter(config_path)
    rule = linter.rule(rule_id)
    if rule is None and rule_id.startswith("languagetool.") and len(rule_id) > len("languagetool."):
        from .backends.languagetool import explain as explain_languagetool

        click.echo(explain_languagetool(rule_id))
        return
    if rule is None:
        close = difflib.get_close_matches(rule_id, [r.meta.id for r in linter.rules], n=3, cutoff=0.8)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see 'clientlint rules')"
        _fail(f"unknown rule '{rule_id}'{hint}")
    m = rule.meta
    out = [
        m.id,
        "=" * len(m.id),
        f"Category: {m.category}    Severity: {m.severity}    Languages: {', '.join(m.languages)}    Kind: {m.kind}",
        f"Source: clientlint's own rule, defined in {m.source}",
        *([f"Opt-in: off by default; enable with extend_select = [\"{m.id}\"] or --extend-select {m.id}"]
          if m.opt_in else []),
        "",
        "Why it matters",
        "--------------",
        m.description,
        "",
        "Message",
        "-------",
        *[f"[{lang}] {text}" for lang, text in m.message.items()],
        "",
        "Fix safety",
        "----------",
        {"safe": "safe: the suggestion is right and `clientlint check --fix` applies it (a check that is unsure of "
                 "one finding marks that finding unsafe).",
         "unsafe": "unsafe: the suggestion needs a human look; --fix leaves it alone.",
         None: "no automatic fix: the wording has to be rethought."}[m.fix],
        "",
        "Flagged",
        "-------",
    ]
    for ex in m.bad:
        out.append(f"  ✗ {ex.text}")
        out.append(f"    flags {ex.text[ex.start:ex.end]!r}" + (f" → {ex.suggestion!r}" if ex.suggestion is not None else ""))
    out += ["", "Not flagged", "-----------", *[f"  ✓ {g}" for g in m.good]]
    click.echo("\n".join(out))


@cli.group()
def words():
    """The team's accepted words (names, brands, jargon the spell checker should not flag)."""


@words.command("add")
@click.argument("new_words", nargs=-1, required=True)
@click.option("--file", "path", type=click.Path(dir_okay=False),
              help=f"Word list to append to [default: the config's first word list, or {DEFAULT_WORD_LIST}].")
def words_add(new_words, path):
    """Append WORDS to the project's word list (one per line; inflected forms of ru/uk words count too)."""
    try:
        if path is None:
            found = find_config_file(Path.cwd())
            config = load_file(found) if found else Config(root=Path.cwd())
            root = config.root or Path.cwd()
            path = config.word_lists[0] if config.word_lists else root / DEFAULT_WORD_LIST
        target = Path(path)
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
    except ClientlintError as exc:
        _fail(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"{path}: cannot read word list ({exc})")
    known = {line.split("#", 1)[0].strip().lower() for line in existing.splitlines()}
    added = []
    for word in new_words:
        word = word.strip()
        if not word or any(c.isspace() for c in word):
            _fail(f"{word!r}: a word list holds single words")
        if word.lower() not in known:
            known.add(word.lower())
            added.append(word)
    if added:
        text = existing + ("" if not existing or existing.endswith("\n") else "\n") + "\n".join(added) + "\n"
        try:
            write_atomic(target, text.encode("utf-8"))
        except OSError as exc:
            _fail(f"{target}: cannot write ({exc.strerror or exc})")
    skipped = len(new_words) - len(added)
    click.echo(f"{target}: added {len(added)} word{'s' if len(added) != 1 else ''}"
               + (f", {skipped} already there" if skipped else ""))


def main() -> None:
    try:
        cli(prog_name="clientlint")
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)


if __name__ == "__main__":
    main()
