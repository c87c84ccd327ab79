"""Every rule's own examples are its tests (the way LanguageTool and proselint treat them).

Each bad example yields exactly that rule at the marked span with the expected first replacement, and the
corrected sentence no longer triggers it; each good example stays quiet.
"""

import pytest

import clientlint

# Opt-in rules (off by default) are named in extend_select, so their examples run too.
_OPT_IN = [r.meta.id for r in clientlint.Linter().rules if r.meta.opt_in]
_LINTER = clientlint.Linter({"extend_select": _OPT_IN})
RULES = _LINTER.rules


def _bad_cases():
    for rule in RULES:
        for i, ex in enumerate(rule.meta.bad):
            yield pytest.param(rule, ex, id=f"{rule.meta.id}-bad{i}")


def _good_cases():
    for rule in RULES:
        for i, text in enumerate(rule.meta.good):
            yield pytest.param(rule, text, id=f"{rule.meta.id}-good{i}")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.id)
def test_rule_has_examples_and_docs(rule):
    meta = rule.meta
    assert len(meta.bad) >= 1 and len(meta.good) >= 1, "a rule without examples is not tested"
    assert meta.description.strip() and all(m.strip() for m in meta.message.values())
    if meta.fix is not None:
        assert any(ex.suggestion is not None for ex in meta.bad), "a fixable rule shows at least one fix"


@pytest.mark.parametrize("rule, example", list(_bad_cases()))
def test_bad_example_is_flagged(rule, example):
    report = _LINTER.check(example.text)
    found = report.by_rule(rule.meta.id)
    assert len(found) == 1, f"expected exactly one {rule.meta.id} in {example.text!r}, got {found}"
    d = found[0]
    assert (d.start, d.end) == (example.start, example.end), (
        f"flagged {example.text[d.start:d.end]!r}, expected {example.text[example.start:example.end]!r}"
    )
    assert d.category == rule.meta.category and d.severity == rule.meta.severity
    assert "{" not in d.message or "{" in example.text, f"unfilled message template: {d.message}"
    if example.suggestion is None:
        assert d.replacements == [], f"the example expects no suggestion, got {d.replacements}"
    else:
        assert d.replacements and d.replacements[0] == example.suggestion
        corrected = example.corrected
        again = _LINTER.check(corrected).by_rule(rule.meta.id)
        assert not again, f"the corrected text {corrected!r} still triggers {rule.meta.id}"


@pytest.mark.parametrize("rule, text", list(_good_cases()))
def test_good_example_is_quiet(rule, text):
    found = _LINTER.check(text).by_rule(rule.meta.id)
    assert not found, f"{rule.meta.id} flagged {[text[d.start:d.end] for d in found]} in {text!r}"


def test_rule_ids_are_unique_and_dotted():
    ids = [r.meta.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        first = rule.meta.id.split(".")[0]
        if first in ("ru", "uk", "en"):
            assert rule.meta.languages == (first,), f"{rule.meta.id} lives in the {first} namespace"
        assert rule.meta.id.split(".")[-2 if first in ("ru", "uk", "en") else 0] == rule.meta.category


def test_every_kind_and_family_is_exercised():
    kinds = {r.meta.kind for r in RULES}
    categories = {r.meta.category for r in RULES}
    assert {"phrase", "pattern", "code"} <= kinds
    assert {"spelling", "grammar", "tone", "hygiene"} <= categories
