"""False alarms on clean third-party text: findings per 1,000 words, per corpus and per rule.

    python benchmarks/false_alarms.py [--corpora ../shared/corpora] [--limit N] [--examples K]

Clean text here means the corrected sentences of UA-GEC (train), the acceptable sentences of RuCoLA (train), and
the neutral rewrites of the Russian and English detoxification pairs. Every finding on them is counted as a false
alarm, although some are real typos the references kept. The corpora are not part of the project: when the folder
is missing the script says so and exits 0.

Adjudicated view: ``benchmarks/data/false_alarms_adjudicated.tsv`` holds a hand audit of findings on these corpora
(corpus, rule, the flagged text only, verdict ``real-error`` or ``false-alarm``, a short reason). Next to the raw
rate the script prints the rate without the findings adjudicated as real errors (matched by corpus, rule and the
exact flagged text), and how many findings no one has adjudicated. ``real-error`` means a misspelling or a
non-standard form by the norm (Правопис 2019, academic Russian), not merely a rare word.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import clientlint

from common import CORPORA as DEFAULT, DATA, rows

ADJUDICATED = DATA / "false_alarms_adjudicated.tsv"


def adjudicated(path: Path = ADJUDICATED) -> dict[tuple[str, str, str], str]:
    """(corpus, rule, flagged text) -> verdict, from the hand audit."""
    if not path.is_file():
        return {}
    return {(r["corpus"], r["rule"], r["text"]): r["verdict"] for r in rows(path)}


def clean_sets(folder: Path) -> dict[str, list[str]]:
    return {
        "uk UA-GEC corrected": [r["target_sentence"] for r in rows(folder / "uk_uagec_train_sentences.tsv")],
        "ru RuCoLA acceptable": [r["sentence"] for r in rows(folder / "ru_rucola_train.tsv") if r["acceptable"] == "1"],
        "ru detox neutral": [r["text"] for r in rows(folder / "ru_toxic_pairs_train.tsv") if r["label"] == "neutral"],
        "en detox neutral": [r["text"] for r in rows(folder / "en_toxic_pairs_train.tsv") if r["label"] == "neutral"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="at most N sentences per corpus (0: all)")
    ap.add_argument("--examples", type=int, default=3, help="show K examples per rule")
    args = ap.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"corpora not found at {args.corpora}; nothing to measure")
        return 0
    linter = clientlint.Linter()
    verdicts = adjudicated()
    print(f"{'corpus':<22} {'sentences':>9} {'words':>8} {'findings':>8} {'per 1000 words':>14} "
          f"{'real errors':>11} {'without them':>12} {'unadjudicated':>13} {'seconds':>7}")
    details = []
    for name, texts in clean_sets(args.corpora).items():
        if args.limit:
            texts = texts[: args.limit]
        words = 0
        per_rule: Counter = Counter()
        judged: Counter = Counter()
        examples = defaultdict(list)
        t0 = time.perf_counter()
        for text in texts:
            words += len(text.split())
            for d in linter.check(text).diagnostics:
                per_rule[d.rule] += 1
                judged[verdicts.get((name, d.rule, text[d.start:d.end]), "unadjudicated")] += 1
                if len(examples[d.rule]) < args.examples:
                    examples[d.rule].append(text[max(0, d.start - 30): d.end + 30].replace("\n", " "))
        total = sum(per_rule.values())
        real = judged["real-error"]
        print(f"{name:<22} {len(texts):>9} {words:>8} {total:>8} {1000 * total / max(words, 1):>14.2f} "
              f"{real:>11} {1000 * (total - real) / max(words, 1):>12.2f} {judged['unadjudicated']:>13} "
              f"{time.perf_counter() - t0:>7.1f}")
        details.append((name, per_rule, examples))
    for name, per_rule, examples in details:
        if per_rule:
            print(f"\n{name}")
            for rule, n in per_rule.most_common():
                print(f"  {rule:<32} {n}")
                for e in examples[rule]:
                    print(f"      …{e}…")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head
        sys.exit(0)
