"""How fast clientlint is: warm throughput of ``Linter.check`` and cold start-up, each beside its baselines.

    python benchmarks/speed.py [--quick] [--json] [--seconds S] [--runs N]

Warm: every message in benchmarks/data/messages/*.txt is checked once untimed (that loads the morphology
dictionaries), then the three measured operations run in interleaved rounds until the time budget is spent:

  Linter.check(text)                 everything a caller pays per message
  Document(text).sentences           masks + sentences + tokens + language detection, no rules
  text.split()                       a trivial baseline: the cost of touching the text at all

and once more with the per-word morphology caches cleared before each message (a message full of words the
process has not seen yet). Each rule is also timed alone on already-built Documents, to show which rules cost. Cold: each command below runs N times in a fresh process, in interleaved order,
median wall time reported:

  python -c "pass"                   interpreter start-up
  python -c "import clientlint"      + importing the package
  python -m clientlint check FILE    + building the Linter, loading dictionaries, checking, printing
  clientlint check FILE              the same through the installed console script (if found)

plus, measured inside a fresh process, the time of ``import clientlint``, ``clientlint.Linter()``, the first
``check`` (which loads the dictionaries) and a second ``check`` of the same message.

Only the standard library and clientlint are used; nothing touches the network.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import clientlint
from clientlint import Linter
from clientlint.document import Document

from common import percentile, table

HERE = Path(__file__).resolve().parent
MESSAGES = HERE / "data" / "messages"
# The message used for the cold measurements: Cyrillic, so the language detector loads both dictionaries.
CLI_MESSAGE = "uk_2_onboarding.txt"

_IN_PROCESS = r"""
import json, sys, time
t0 = time.perf_counter()
import clientlint
t1 = time.perf_counter()
linter = clientlint.Linter()
t2 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
t3 = time.perf_counter()
linter.check(text)
t4 = time.perf_counter()
linter.check(text)
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "linter": t2 - t1, "first_check": t4 - t3, "second_check": t5 - t4}))
"""


# --- helpers ------------------------------------------------------------------------------------------------------


def machine() -> dict:
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "clientlint": clientlint.__version__,
    }


def load_messages() -> list[tuple[str, str]]:
    files = sorted(MESSAGES.glob("*.txt"))
    if not files:
        sys.exit(f"speed.py: error: no messages in {MESSAGES}")
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def summary(samples: list[float]) -> dict:
    total = sum(samples)
    return {
        "messages": len(samples),
        "total_s": total,
        "msgs_per_s": len(samples) / total if total else float("inf"),
        "mean_ms": statistics.fmean(samples) * 1e3,
        "median_ms": statistics.median(samples) * 1e3,
        "p95_ms": percentile(samples, 95) * 1e3,
    }


def clear_word_caches() -> bool:
    """Clear clientlint's per-word morphology caches, if they are lru_caches. False if there is nothing to clear."""
    from clientlint import morphology

    cleared = False
    for name in dir(morphology):
        fn = getattr(morphology, name)
        if callable(fn) and hasattr(fn, "cache_clear") and getattr(fn, "__module__", "") == morphology.__name__:
            fn.cache_clear()
            cleared = True
    return cleared


# --- warm ---------------------------------------------------------------------------------------------------------


def measure_warm(messages: list[tuple[str, str]], budget: float, min_rounds: int = 3) -> dict:
    linter = Linter()
    for _, text in messages:  # untimed: loads the dictionaries, fills the caches
        linter.check(text)
        Document(text).sentences

    ops = {
        "Linter.check": lambda text: linter.check(text),
        "Document(text).sentences": lambda text: Document(text).sentences,
        "text.split()": lambda text: text.split(),
    }
    samples: dict[str, list[float]] = {name: [] for name in ops}
    per_message: dict[str, dict[str, list[float]]] = {name: {m: [] for m, _ in messages} for name in ops}
    clock = time.perf_counter
    gc.collect()
    started = clock()
    rounds = 0
    while rounds < min_rounds or clock() - started < budget:
        for name, op in ops.items():
            for message, text in messages:
                t0 = clock()
                op(text)
                elapsed = clock() - t0
                samples[name].append(elapsed)
                per_message[name][message].append(elapsed)
        rounds += 1

    # Each rule alone, on documents already built (sentences, tokens and language done): what the rule adds.
    docs = [Document(text) for _, text in messages]
    for doc in docs:
        doc.sentences
    rule_times: dict[str, list[float]] = {rule.meta.id: [] for rule in linter.rules}
    rules_started = clock()
    rule_rounds = 0
    while rule_rounds < 1 or clock() - rules_started < budget / 4:
        for rule in linter.rules:
            for doc in docs:
                t0 = clock()
                for _ in rule.check(doc):
                    pass
                rule_times[rule.meta.id].append(clock() - t0)
        rule_rounds += 1

    # The same check with the per-word caches emptied before each message: every word is new to the process.
    cold_cache: list[float] = []
    if clear_word_caches():
        cold_started = clock()
        cold_rounds = 0
        while cold_rounds < 1 or clock() - cold_started < budget / 4:
            for _, text in messages:
                clear_word_caches()
                t0 = clock()
                linter.check(text)
                cold_cache.append(clock() - t0)
            cold_rounds += 1

    result = {
        "rounds": rounds,
        "rule_mean_ms": {rule: statistics.fmean(v) * 1e3 for rule, v in rule_times.items() if v},
        "ops": {name: summary(s) for name, s in samples.items()},
        "per_message_median_ms": {
            m: {name: statistics.median(per_message[name][m]) * 1e3 for name in ops} for m, _ in messages
        },
        "words": {m: len(text.split()) for m, text in messages},
        "findings": {m: len(linter.check(text).diagnostics) for m, text in messages},
    }
    if cold_cache:
        result["ops"]["Linter.check, word caches cleared"] = summary(cold_cache)
    return result


# --- cold ---------------------------------------------------------------------------------------------------------


def console_script() -> str | None:
    """The ``clientlint`` script installed beside this interpreter, else the one on PATH."""
    name = "clientlint.exe" if os.name == "nt" else "clientlint"
    beside = Path(sysconfig.get_path("scripts")) / name
    if beside.is_file():
        return str(beside)
    return shutil.which("clientlint")


def run_wall(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=HERE.parent)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # 1: the message has findings
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def measure_cold(runs: int, message: Path | None = None) -> dict:
    message = message or MESSAGES / CLI_MESSAGE
    if not message.is_file():
        message = sorted(MESSAGES.glob("*.txt"))[0]
    env = dict(os.environ, NO_COLOR="1")
    py = sys.executable
    commands = {
        'python -c "pass"': [py, "-c", "pass"],
        'python -c "import clientlint"': [py, "-c", "import clientlint"],
        "python -m clientlint check FILE": [py, "-m", "clientlint", "check", str(message)],
    }
    script = console_script()
    if script:
        commands["clientlint check FILE"] = [script, "check", str(message)]
    walls: dict[str, list[float]] = {name: [] for name in commands}
    inside: dict[str, list[float]] = {}
    for name, cmd in commands.items():  # one untimed run each: warms the OS file cache and .pyc files
        run_wall(cmd, env)
    for _ in range(runs):
        for name, cmd in commands.items():
            walls[name].append(run_wall(cmd, env))
        out = subprocess.run([py, "-c", _IN_PROCESS, str(message)], capture_output=True, text=True, env=env,
                             cwd=HERE.parent, check=True).stdout
        for key, value in json.loads(out).items():
            inside.setdefault(key, []).append(value)
    return {
        "runs": runs,
        "message": message.name,
        "console_script": script,
        "wall_median_ms": {name: statistics.median(v) * 1e3 for name, v in walls.items()},
        "wall_min_ms": {name: min(v) * 1e3 for name, v in walls.items()},
        "in_process_median_ms": {name: statistics.median(v) * 1e3 for name, v in inside.items()},
    }


# --- output -------------------------------------------------------------------------------------------------------


def ms(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def render(result: dict) -> str:
    m = result["machine"]
    out = [
        f"Machine: {m['cpu_count']} CPUs, {m['platform']}, {m['implementation']} {m['python']}",
        f"clientlint {m['clientlint']}, {result['messages']} messages in {MESSAGES.relative_to(HERE.parent)}, "
        f"{result['words']} words",
        "",
    ]
    warm = result["warm"]
    ops = warm["ops"]
    out.append(f"Warm, in one process ({warm['rounds']} interleaved rounds after one untimed pass)")
    rows = [[name, f"{s['messages']}", f"{s['msgs_per_s']:,.0f}", ms(s["mean_ms"]), ms(s["median_ms"]),
             ms(s["p95_ms"])] for name, s in ops.items()]
    out += table(["operation", "n", "msgs/s", "mean ms", "median ms", "p95 ms"], rows, "<rrrrr")
    check, doc = ops["Linter.check"]["mean_ms"], ops["Document(text).sentences"]["mean_ms"]
    rules = check - doc
    if check:
        out.append(f"Rules and reporting (Linter.check - Document, mean): {ms(rules)} ms per message, "
                   f"{rules / check * 100:.0f}% of a check")
    out.append("")

    rule_ms = warm["rule_mean_ms"]
    if rule_ms:
        out.append("Each rule alone on a built Document, mean ms per message")
        ordered = sorted(rule_ms.items(), key=lambda kv: -kv[1])
        share = [f"{v / check * 100:.0f}%" if check else "-" for _, v in ordered]
        rows = [[rule, ms(v), sh] for (rule, v), sh in zip(ordered, share)]
        rest = check - doc - sum(rule_ms.values())
        if rest > 0:
            rows.append(["(rest, by difference)", ms(rest), f"{rest / check * 100:.0f}%" if check else "-"])
        else:
            rows.append(["(rest, by difference)", "~0", "within noise"])
        out += table(["rule", "mean ms", "of a check"], rows, "<rr")
        out.append("")

    out.append("Per message, median ms")
    rows = []
    for name, medians in warm["per_message_median_ms"].items():
        rows.append([name, warm["words"][name], warm["findings"][name], ms(medians["Linter.check"]),
                     ms(medians["Document(text).sentences"]), ms(medians["text.split()"])])
    out += table(["message", "words", "findings", "check", "document", "split"], rows, "<rrrrr")
    out.append("")

    cold = result.get("cold")
    if cold:
        out.append(f"Cold, fresh process each time (median of {cold['runs']} runs, on {cold['message']})")
        rows = [[name, ms(v), ms(cold["wall_min_ms"][name])] for name, v in cold["wall_median_ms"].items()]
        out += table(["command (wall time)", "median ms", "min ms"], rows, "<rr")
        if cold["console_script"]:
            out.append(f"console script: {cold['console_script']}")
        inside = cold["in_process_median_ms"]
        labels = {"import": "import clientlint", "linter": "clientlint.Linter()",
                  "first_check": "first check (loads dictionaries)", "second_check": "second check, same message"}
        rows = [[labels.get(k, k), ms(v)] for k, v in inside.items()]
        out.append("")
        out += table(["inside a fresh process", "median ms"], rows, "<r")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="clientlint speed: warm throughput and cold start-up.")
    parser.add_argument("--quick", action="store_true", help="shorter run: 0.5 s warm budget, 3 cold runs")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    parser.add_argument("--seconds", type=float, help="warm time budget (default 2, or 0.5 with --quick)")
    parser.add_argument("--runs", type=int, help="cold runs per command (default 10, or 3 with --quick)")
    parser.add_argument("--no-cold", action="store_true", help="skip the subprocess measurements")
    parser.add_argument("--cold-message", type=Path, help=f"the message of the cold runs (default {CLI_MESSAGE})")
    args = parser.parse_args(argv)
    budget = args.seconds if args.seconds is not None else (0.5 if args.quick else 2.0)
    runs = args.runs if args.runs is not None else (3 if args.quick else 10)
    if budget <= 0 or runs < 1:
        parser.error("--seconds must be > 0 and --runs >= 1")

    messages = load_messages()
    result = {
        "machine": machine(),
        "messages": len(messages),
        "words": sum(len(t.split()) for _, t in messages),
        "warm_budget_s": budget,
        "warm": measure_warm(messages, budget),
    }
    if not args.no_cold:
        result["cold"] = measure_cold(runs, args.cold_message)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
