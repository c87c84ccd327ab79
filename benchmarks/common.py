"""What the benchmark scripts share: the corpora folder, TSV reading, percentiles and plain-text tables."""

from __future__ import annotations

import csv
import gc
import hashlib
import os
import platform
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CORPORA = HERE.parents[1] / "shared" / "corpora"  # ../shared/corpora beside the repository; optional


def rows(path: Path):
    """The rows of a TSV file with a header line, as dicts (no quoting: a tab ends a cell)."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for row in reader:
            yield dict(zip(header, row))


def unquote_cell(text: str) -> str:
    """A cell the corpus stored CSV-quoted, as the text it stands for: ``"he said ""no"" "`` is ``he said "no" ``.
    Left quoted, its doubled quotes would read as quotations around the words."""
    if len(text) >= 2 and text[0] == text[-1] == '"' and '""' in text:
        return text[1:-1].replace('""', '"')
    return text


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


def table(headers: list[str], body: list[list], align: str) -> list[str]:
    """Rows of text: one column per header, ``align`` a string of ``<`` (left) and ``>`` (right)."""
    cells = [[str(c) for c in row] for row in [headers, *body]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    out = []
    for n, row in enumerate(cells):
        out.append("  ".join(c.ljust(w) if a == "<" else c.rjust(w) for c, w, a in zip(row, widths, align)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval for a share of ``k`` in ``n``: honest at small ``n`` and at shares near 0."""
    if not n:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5 / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def stable_sample(items: list, n: int, key, seed: int = 2026) -> list:
    """``n`` items drawn at random, and stable: each item's place is a hash of ``key(item)`` and the seed, and the
    ``n`` lowest are drawn. When the population changes a little (a rule fixed), the sample changes only by the
    items that came or went, so the verdicts already given keep counting."""
    def rank(item):
        return hashlib.sha1(f"{seed}:{key(item)}".encode("utf-8")).digest()

    return sorted(items, key=rank)[:n]


def machine() -> str:
    return f"{os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}"


def time_interleaved(ops: dict, messages: dict[str, str], budget: float, min_rounds: int = 20) -> tuple[dict, int]:
    """Warm timing: each operation of ``ops`` (name -> callable(text)) on each message once untimed, then in
    interleaved rounds until ``budget`` seconds have passed (at least ``min_rounds``), each call timed on its own.
    Returns ``{message key: {op name: [seconds, ...]}}`` and the number of rounds."""
    for msg in messages.values():  # untimed: dictionaries, rule packs, caches
        for op in ops.values():
            op(msg)
    samples = {key: {name: [] for name in ops} for key in messages}
    clock = time.perf_counter
    gc.collect()
    started, rounds = clock(), 0
    while rounds < min_rounds or clock() - started < budget:
        for name, op in ops.items():
            for key, msg in messages.items():
                t0 = clock()
                op(msg)
                samples[key][name].append(clock() - t0)
        rounds += 1
    return samples, rounds


def time_each_rule(linter, messages: dict[str, str], rounds: int) -> dict:
    """Each rule the Linter runs by default, alone, on Documents already built: ``{key: {rule id: [seconds]}}``."""
    from clientlint.document import Document

    docs = {key: Document(msg) for key, msg in messages.items()}
    for doc in docs.values():
        doc.sentences
    active = linter.active_rules(linter.config.settings_for(None))
    per_rule = {key: {rule.meta.id: [] for rule in active} for key in docs}
    clock = time.perf_counter
    for _ in range(rounds):
        for key, doc in docs.items():
            for rule in active:
                t0 = clock()
                for _ in rule.check(doc):
                    pass
                per_rule[key][rule.meta.id].append(clock() - t0)
    return per_rule


def speed_table(sp: dict) -> list[str]:
    """The warm timing of each operation per language (``sp["ms"][lang][op]``: median and p95 in ms)."""
    langs = list(sp["ms"])
    body = []
    for name in sp["ms"][langs[0]]:
        row = [name]
        for lang in langs:
            v = sp["ms"][lang][name]
            row += [f"{v['median']:.3f}", f"{v['p95']:.3f}"]
        body.append(row)
    headers = ["operation"] + [f"{lang} ({sp['words'][lang]} w) {q}" for lang in langs for q in ("median", "p95")]
    return table(headers, body, "<" + "r" * (len(headers) - 1))


def rule_table(sp: dict, shown: int = 10) -> list[str]:
    """The slowest rules alone (``sp["rule_median_ms"][lang][rule]``), the rest together, and what each message
    was flagged for (``sp["findings"]``)."""
    langs = list(sp["rule_median_ms"])
    per = sp["rule_median_ms"]
    rules = sorted(per[langs[0]], key=lambda r: -sum(per[g][r] for g in langs))
    top, rest = rules[:shown], rules[shown:]
    body = [[rule] + [f"{per[g][rule]:.3f}" for g in langs] for rule in top]
    if rest:
        body.append([f"({len(rest)} other rules, together)"] + [f"{sum(per[g][r] for r in rest):.3f}" for g in langs])
    body.append([f"(all {len(rules)} rules, together)"] + [f"{sum(per[g].values()):.3f}" for g in langs])
    out = table(["rule"] + langs, body, "<" + "r" * len(langs))
    for lang, found in sp["findings"].items():
        out.append(f"  {lang} findings: " + ("; ".join(found) if found else "none"))
    return out
