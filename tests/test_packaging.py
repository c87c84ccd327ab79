"""What a user installs: the pre-commit hook definition, the shipped rule packs, the README commands."""

import re
from pathlib import Path

import yaml

from clientlint.packs import builtin_rules_dir, pack_files

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_hook_covers_template_and_text_files():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "clientlint" and hook["entry"] == "clientlint check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("a.txt", "b.md", "c.html", "d.j2", "e.jinja", "f.hbs", "g.mustache", "h.jinja2"):
        assert files.search(name), name
    for name in ("a.py", "b.yaml", "c.json"):
        assert not files.search(name), name


def test_rule_packs_are_found_where_the_package_is():
    folder = builtin_rules_dir()
    assert {p.parent.name for p in pack_files(folder)} >= {"ru", "uk", "en"}


def test_readme_has_the_two_newcomer_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for marker in ("run-command", "test-command"):
        block = re.search(rf"<!-- {marker} -->\s*```sh\n(.+?)\n```\s*<!-- /{marker} -->", readme, re.S)
        assert block, f"README lacks the {marker} block"
    run = re.search(r"<!-- run-command -->\s*```sh\n(.+?)\n```", readme, re.S).group(1)
    sample = re.search(r"clientlint check (\S+)", run).group(1)
    assert (ROOT / sample).is_file()
