"""Precision and recall of clientlint per category, on a labelled TSV file.

    python benchmarks/quality.py [PATH.tsv]

The file (default: benchmarks/data/labelled.tsv) has a header line and four tab-separated columns:

    id  language  expect  text

``expect`` lists what a careful human editor expects the message to get, as comma-separated ``category:rule_id``
entries (empty for a clean message). ``category`` alone, or ``category:``, means "some rule of this category
should fire" (for a gap no rule covers yet). ``text`` escapes a newline as ``\\n``, a tab as ``\\t`` and a
backslash as ``\\\\``. Blank lines and lines starting with ``#`` are ignored.

Scoring, per message and per category: a category the linter produced counts as a true positive if it was
expected and as a false positive if not; an expected category it did not produce is a false negative. Rules
are scored the same way on the entries that name a rule id.

Exit status: 0 whatever the scores; 2 (with a one-line error) when the file cannot be read or is malformed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure this checkout, not an installed copy

from clientlint import Linter
from clientlint.diagnostic import CATEGORIES

from common import table

HERE = Path(__file__).resolve().parent
DEFAULT_PATH = HERE / "data" / "labelled.tsv"
HEADER = ["id", "language", "expect", "text"]
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}


class Malformed(Exception):
    pass


@dataclass
class Case:
    id: str
    language: str
    expect: list[tuple[str, str | None]]  # (category, rule id or None)
    text: str
    line: int

    @property
    def categories(self) -> set[str]:
        return {c for c, _ in self.expect}

    @property
    def rules(self) -> set[str]:
        return {r for _, r in self.expect if r}


def unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), value)


def parse_expect(value: str, where: str) -> list[tuple[str, str | None]]:
    out = []
    for item in value.split(","):
        item = item.strip()
        if not item:
            continue
        category, _, rule = item.partition(":")
        category, rule = category.strip(), rule.strip()
        if category not in CATEGORIES:
            raise Malformed(f"{where}: unknown category {category!r} in expect (known: {', '.join(CATEGORIES)})")
        if rule and not re.fullmatch(r"[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+", rule):
            raise Malformed(f"{where}: {rule!r} is not a rule id")
        out.append((category, rule or None))
    return out


def read_cases(path: Path) -> list[Case]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise Malformed(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise Malformed(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    cases: list[Case] = []
    seen: dict[str, int] = {}
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        columns = line.split("\t")
        if not header_seen:
            if [c.strip().lower() for c in columns] != HEADER:
                raise Malformed(f"{where}: expected the header line {'<TAB>'.join(HEADER)!r}")
            header_seen = True
            continue
        if len(columns) != len(HEADER):
            raise Malformed(f"{where}: expected {len(HEADER)} tab-separated columns, found {len(columns)}")
        case_id, language, expect, text = (c.strip() for c in columns)
        if not case_id:
            raise Malformed(f"{where}: empty id")
        if case_id in seen:
            raise Malformed(f"{where}: id {case_id!r} already used on line {seen[case_id]}")
        seen[case_id] = number
        if not language:
            raise Malformed(f"{where}: empty language")
        if not text:
            raise Malformed(f"{where}: empty text")
        cases.append(Case(case_id, language, parse_expect(expect, where), unescape(text), number))
    if not header_seen:
        raise Malformed(f"{path}: empty file (no header line)")
    if not cases:
        raise Malformed(f"{path}: no messages after the header line")
    return cases


# --- scoring ------------------------------------------------------------------------------------------------------


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Result:
    categories: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    rules: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    false_positives: list[tuple] = field(default_factory=list)  # (case, diagnostic)
    false_negatives: list[tuple] = field(default_factory=list)  # (case, category, expected rule ids)
    rule_misses: list[tuple] = field(default_factory=list)  # (case, rule id): category hit, this rule not
    rule_extras: list[tuple] = field(default_factory=list)  # (case, diagnostic): category expected, rule not
    language_mismatches: list[tuple] = field(default_factory=list)  # (case, detected)
    clean_total: int = 0
    clean_flagged: int = 0
    dirty_total: int = 0
    dirty_fully_caught: int = 0


def score(linter: Linter, cases: list[Case]) -> Result:
    result = Result()
    for case in cases:
        report = linter.check(case.text, client_language=case.language)
        if report.language != case.language:
            result.language_mismatches.append((case, report.language))
        produced_categories = {d.category for d in report.diagnostics}
        produced_rules = {d.rule for d in report.diagnostics}
        expected_categories = case.categories
        expected_rules = case.rules

        for category in produced_categories | expected_categories:
            tally = result.categories[category]
            if category in produced_categories and category in expected_categories:
                tally.tp += 1
            elif category in produced_categories:
                tally.fp += 1
            else:
                tally.fn += 1
                rules = sorted(r for c, r in case.expect if c == category and r)
                result.false_negatives.append((case, category, rules))
        for diagnostic in report.diagnostics:
            if diagnostic.category not in expected_categories:
                result.false_positives.append((case, diagnostic))

        for rule in produced_rules | expected_rules:
            tally = result.rules[rule]
            if rule in produced_rules and rule in expected_rules:
                tally.tp += 1
            elif rule in produced_rules:
                tally.fp += 1
            else:
                tally.fn += 1
        for rule in sorted(expected_rules - produced_rules):
            category = next(c for c, r in case.expect if r == rule)
            if category in produced_categories:
                result.rule_misses.append((case, rule))
        seen_extra = set()
        for diagnostic in report.diagnostics:
            if (diagnostic.category in expected_categories and expected_rules
                    and diagnostic.rule not in expected_rules and diagnostic.rule not in seen_extra):
                seen_extra.add(diagnostic.rule)
                result.rule_extras.append((case, diagnostic))

        if case.expect:
            result.dirty_total += 1
            if expected_categories <= produced_categories and expected_rules <= produced_rules:
                result.dirty_fully_caught += 1
        else:
            result.clean_total += 1
            if report.diagnostics:
                result.clean_flagged += 1
    return result


# --- output -------------------------------------------------------------------------------------------------------


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def shown(text: str, limit: int = 90) -> str:
    one_line = text.replace("\n", "⏎")
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def render(path: Path, cases: list[Case], result: Result, known_rules: set[str]) -> str:
    out: list[str] = []
    languages = Counter(c.language for c in cases)
    out.append(f"clientlint quality on {path}")
    out.append(f"{len(cases)} messages ({', '.join(f'{n} {lang}' for lang, n in sorted(languages.items()))}); "
               f"{result.clean_total} clean, {result.dirty_total} with expected findings")
    out.append("")

    order = [c for c in CATEGORIES if c in result.categories] + sorted(set(result.categories) - set(CATEGORIES))
    overall = Tally()
    rows = []
    for category in order:
        t = result.categories[category]
        overall.add(t)
        rows.append([category, t.tp, t.fp, t.fn, pct(t.precision), pct(t.recall)])
    rows.append(["overall", overall.tp, overall.fp, overall.fn, pct(overall.precision), pct(overall.recall)])
    out.append("Per category (one count per message and category)")
    out += table(["category", "TP", "FP", "FN", "precision", "recall"], rows, "<rrrrr")
    out.append("")

    rows = []
    for rule in sorted(set(result.rules) | known_rules):
        t = result.rules.get(rule, Tally())
        if rule not in known_rules:
            note = "not a rule of this linter"
        elif not t.tp + t.fn + t.fp:
            note = "no labelled example"
        else:
            note = ""
        rows.append([rule, t.tp + t.fn, t.tp, t.fn, t.fp, pct(t.recall), pct(t.precision), note])
    out.append("Per rule (expected = messages labelled with the rule id; hits = of those, the rule fired)")
    out += table(["rule", "expected", "hits", "missed", "unexpected", "recall", "precision", ""], rows,
                 "<rrrrrr<")
    out.append("")

    out.append(f"Clean messages with any finding: {result.clean_flagged}/{result.clean_total}")
    out.append(f"Messages with expected findings where every expected category and rule was produced: "
               f"{result.dirty_fully_caught}/{result.dirty_total}")
    out.append(f"Detected language differs from the language column: {len(result.language_mismatches)}"
               f"/{len(cases)}")
    out.append("")

    out.append(f"False positives ({len(result.false_positives)}): a finding in a category the message was "
               f"not expected to get")
    for case, d in result.false_positives:
        out.append(f"  {case.id}  {d.rule}  «{shown(case.text[d.start:d.end], 40)}» at {d.start}-{d.end}"
                   f"    in: {shown(case.text)}")
    if not result.false_positives:
        out.append("  (none)")
    out.append("")

    out.append(f"False negatives ({len(result.false_negatives)}): an expected category nothing reported")
    for case, category, rules in result.false_negatives:
        out.append(f"  {case.id}  {', '.join(rules) or category + ':(any rule)'}    in: {shown(case.text)}")
    if not result.false_negatives:
        out.append("  (none)")

    if result.rule_misses or result.rule_extras:
        out.append("")
        out.append("Right category, different rule")
        for case, rule in result.rule_misses:
            out.append(f"  {case.id}  expected {rule}, not produced    in: {shown(case.text)}")
        for case, d in result.rule_extras:
            out.append(f"  {case.id}  also produced {d.rule} «{shown(case.text[d.start:d.end], 40)}»"
                       f"    in: {shown(case.text)}")

    if result.language_mismatches:
        out.append("")
        out.append("Language detection differs from the language column (information, not scored)")
        for case, detected in result.language_mismatches:
            out.append(f"  {case.id}  labelled {case.language}, detected {detected}    in: {shown(case.text)}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="labelled TSV (default: %(default)s)")
    args = parser.parse_args(argv)
    path = Path(args.path)
    try:
        cases = read_cases(path)
    except Malformed as exc:
        print(f"quality.py: error: {exc}", file=sys.stderr)
        return 2
    linter = Linter()
    result = score(linter, cases)
    shown_path = path.resolve()
    try:
        shown_path = shown_path.relative_to(Path.cwd())
    except ValueError:
        pass
    sys.stdout.write(render(shown_path, cases, result, {r.meta.id for r in linter.rules}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
