"""Language detection: accuracy per language, warm speed, cold load and determinism of candidate detectors.

    python benchmarks/language.py [--n 2000] [--seed 13] [--only NAME,...] [--no-cold] [--json]

Sets: (a) corpus sentences longer than 40 characters (uk: UA-GEC corrected sentences, ru: RuCoLA acceptable +
ru detox neutral, en: en detox neutral; N per language drawn with the seed), (b) the same sentences cut to their
first <= 40 characters at a word boundary, (c) data/language_short.tsv (short client messages written for this
benchmark, uk/ru/en and ten other languages), (d) data/language_long.tsv (longer sentences in other languages).
The corpora are read at run time and nothing from them is kept in the project; without them (a) and (b) are
skipped with a note. Detectors whose package is not installed are skipped with the pip command to install it.
Exit status is 0 whatever the scores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure this checkout, not an installed copy

from common import rows

HERE = Path(__file__).resolve().parent
DEFAULT_CORPORA = HERE.parents[1] / "shared" / "corpora"
SHORT_TSV = HERE / "data" / "language_short.tsv"
LONG_TSV = HERE / "data" / "language_long.tsv"

MAIN = ("uk", "ru", "en")
# The other languages a client may write in, which a detector must name (not take for uk/ru/en).
OTHERS = ("pl", "de", "fr", "es", "it", "pt", "tr", "be", "bg", "kk")
# Languages of the restricted variants: ours, the others above, and two more neighbours of our clients.
RESTRICTED = MAIN + OTHERS + ("cs", "ro")
SHORT_MAX = 40

TARGET_LONG = 99.0  # % per language on (a)
TARGET_SHORT = 97.0  # % per language on (b) and (c)
TARGET_OTHERS = 95.0  # % on (d), all other languages together
TARGET_MS = 1.0  # ms, warm median per short message


# --------------------------------------------------------------------------------------------------------------
# Detectors. Each factory imports and builds what it needs and returns detect(text) -> ISO 639-1 code or None.
# A factory is called once per process; what it loads stays loaded.


def make_ours():
    from clientlint.language import detect_words
    from clientlint.masking import find_masks
    from clientlint.tokenize import tokenize

    def detect(text: str) -> str | None:
        # The same words Document(text).sentences gives detect_sentences, without running detection twice.
        words = [t.text for s in tokenize(text, find_masks(text)) for t in s.tokens if t.kind == "word"]
        return detect_words(words)

    return detect


def make_langdetect():
    from langdetect import DetectorFactory, detect as ld_detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def detect(text: str) -> str | None:
        try:
            code = ld_detect(text)
        except LangDetectException:  # no letters it knows
            return None
        return code.split("-")[0]

    return detect


def make_py3langid(languages=None):
    def factory():
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
        if languages:
            identifier.set_languages(list(languages))

        def detect(text: str) -> str | None:
            return identifier.classify(text)[0]

        return detect

    return factory


def make_pycld2():
    import pycld2

    def detect(text: str) -> str | None:
        try:
            _reliable, _bytes, details = pycld2.detect(text, bestEffort=True)
        except pycld2.error:
            return None
        code = details[0][1]
        return None if code in ("un", "xxx") else code.split("-")[0]

    return detect


def make_lingua(languages=None, low_accuracy=False):
    def factory():
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        if languages:
            chosen = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
            builder = LanguageDetectorBuilder.from_languages(*chosen)
        else:
            builder = LanguageDetectorBuilder.from_all_languages()
        if low_accuracy:
            builder = builder.with_low_accuracy_mode()
        detector = builder.build()  # models load lazily, once per process, on the first text of their script

        def detect(text: str) -> str | None:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found is not None else None

        return detect

    return factory


def make_clientlint():
    """The detector clientlint ships: Document(text).language (the hybrid below, with pycld2, as ported)."""
    from clientlint.document import Document

    def detect(text: str) -> str | None:
        return Document(text).language

    return detect


# name -> (factory, pip package, note)
BASE = {
    "clientlint": (make_clientlint, None, "the shipped detector: Document(text).language (hybrid with pycld2)"),
    "ours": (make_ours, None, "clientlint.language.detect_words; answers only uk/ru/en/None"),
    "langdetect": (make_langdetect, "langdetect", "1.0.9, DetectorFactory.seed = 0; has no be, kk"),
    "py3langid": (make_py3langid(), "py3langid", "97 languages"),
    "py3langid-15": (make_py3langid(RESTRICTED), "py3langid", "restricted to the 15 languages"),
    "pycld2": (make_pycld2, "pycld2", "bestEffort=True"),
    "lingua": (make_lingua(), "lingua-language-detector", "all 75 languages, high accuracy"),
    "lingua-15": (make_lingua(RESTRICTED), "lingua-language-detector", "the 15 languages, high accuracy"),
    "lingua-15-low": (make_lingua(RESTRICTED, True), "lingua-language-detector", "the 15 languages, low accuracy"),
}


# --------------------------------------------------------------------------------------------------------------
# Combinations: ours for uk/ru/en, one general detector for everything else. Each is a small function of the
# general detector (text -> code or None), written to be ported as it is.


def fallback(general):
    """Ours; the general detector only when ours has no answer."""
    ours = make_ours()

    def detect(text: str) -> str | None:
        return ours(text) or general(text)

    return detect


CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]")
LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]")
# Languages written in Cyrillic that a general detector may name for a Cyrillic message.
CYRILLIC_LANGUAGES = frozenset("be bg kk ky mk mn sr tg tt ba cv uz".split())
KNOWN_CYRILLIC = 0.8  # below this share of words known to the ru or uk dictionary, ask the general detector
ENGLISH_SHARE = 0.75  # at least this share of a short Latin message's words in the English lexicon: English
ENGLISH_SHORT = 8  # "short": at most this many Latin words (beyond, n-gram detectors are reliable on English)


def hybrid(general):
    """Ours decides uk/ru/en where its dictionaries know the words; the general detector names anything else.

    - Words are clientlint's word tokens. A message is Cyrillic when it has at least as many Cyrillic words as
      Latin ones, so a brand name (Telegram, WhatsApp) does not make a Russian message English. A Latin i inside
      a Cyrillic word (typed without a Ukrainian layout) is read as the Ukrainian і.
    - Cyrillic: when fewer than 80 % of the Cyrillic words are known to the ru or uk dictionary, ask the general
      detector; if it names another Cyrillic language (be, bg, kk, mk, sr, ...), that is the answer. Otherwise
      ours decides on the Cyrillic words; where ours has no answer, the language in which the words are more
      frequent (wordfreq), without ours' abstention margin.
    - Latin: a message of at most 8 words, at least 75 % of them in the English lexicon, is English. Otherwise
      the general detector's answer (ours' when the general one has none).
    - Neither (digits, emoji, other scripts): the general detector.
    """
    from clientlint import lexicon, morphology
    from clientlint.language import detect_words
    from clientlint.masking import find_masks
    from clientlint.tokenize import tokenize

    def detect(text: str) -> str | None:
        words = [t.text for s in tokenize(text, find_masks(text)) for t in s.tokens if t.kind == "word"]
        cyrillic = [w.replace("i", "і").replace("I", "І") for w in words if CYRILLIC_WORD.search(w)]
        latin = [w for w in words if LATIN_WORD.search(w) and not CYRILLIC_WORD.search(w)]
        if cyrillic and len(cyrillic) >= len(latin):
            lowered = [w.lower() for w in cyrillic]
            known = sum(morphology.is_known(w, "ru") or morphology.is_known(w, "uk") for w in lowered)
            if known < KNOWN_CYRILLIC * len(lowered):
                found = general(text)
                if found in CYRILLIC_LANGUAGES:
                    return found
            found = detect_words(cyrillic)
            if found in ("ru", "uk"):
                return found
            uk = sum(lexicon.zipf(w, "uk") for w in lowered)
            ru = sum(lexicon.zipf(w, "ru") for w in lowered)
            return "uk" if uk > ru else "ru"
        if latin:
            if len(latin) <= ENGLISH_SHORT:
                english = sum(lexicon.is_known(w.lower(), "en") for w in latin)
                if english >= ENGLISH_SHARE * len(latin):
                    return "en"
            return general(text) or detect_words(latin)
        return general(text)

    return detect


# name -> (general detector, combinator, note)
COMBOS: dict[str, tuple[str, object, str]] = {
    "ours>lingua-15": ("lingua-15", fallback, "ours, lingua-15 when ours says None"),
    "hybrid+lingua-15": ("lingua-15", hybrid, "hybrid(): ours for uk/ru/en, lingua-15 for the rest"),
    "hybrid+lingua": ("lingua", hybrid, "hybrid() with lingua, all languages"),
    "hybrid+pycld2": ("pycld2", hybrid, "hybrid() with pycld2"),
    "hybrid+py3langid-15": ("py3langid-15", hybrid, "hybrid() with py3langid-15"),
    "hybrid+py3langid": ("py3langid", hybrid, "hybrid() with py3langid, all languages"),
    "hybrid+langdetect": ("langdetect", hybrid, "hybrid() with langdetect"),
}


def combo_factory(name: str):
    general, combine, _ = COMBOS[name]

    def factory():
        return combine(BASE[general][0]())

    return factory


def all_names() -> list[str]:
    return list(BASE) + list(COMBOS)


def packages_of(name: str) -> list[str]:
    if name in BASE:
        return [BASE[name][1]] if BASE[name][1] else []
    return packages_of(COMBOS[name][0])


def installed(name: str) -> bool:
    for package in packages_of(name):
        try:
            metadata.distribution(package)
        except metadata.PackageNotFoundError:
            return False
    return True


def factory_of(name: str):
    return BASE[name][0] if name in BASE else combo_factory(name)


# --------------------------------------------------------------------------------------------------------------
# Data


def labelled(path: Path) -> list[tuple[str, str]]:
    return [(r["language"], r["text"]) for r in rows(path)]


def corpus_sentences(folder: Path) -> dict[str, list[str]]:
    def unique(texts):
        return sorted({t.strip() for t in texts if len(t.strip()) > SHORT_MAX})

    return {
        "uk": unique(r["target_sentence"] for r in rows(folder / "uk_uagec_train_sentences.tsv")),
        "ru": unique([r["sentence"] for r in rows(folder / "ru_rucola_train.tsv") if r["acceptable"] == "1"]
                     + [r["text"] for r in rows(folder / "ru_toxic_pairs_train.tsv") if r["label"] == "neutral"]),
        "en": unique(r["text"] for r in rows(folder / "en_toxic_pairs_train.tsv") if r["label"] == "neutral"),
    }


_TRAILING = " ,;:-–—(«\"'“„"


def cut(text: str, limit: int = SHORT_MAX) -> str:
    """The first <= limit characters of text, ending at a word boundary ('' when the first word is longer)."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    head = head[: head.rfind(" ")] if " " in head else ""
    return head.rstrip(_TRAILING)


def build_sets(args) -> tuple[dict[str, list[tuple[str, str]]], list[str]]:
    sets: dict[str, list[tuple[str, str]]] = {}
    notes = []
    if args.corpora.is_dir():
        rng = random.Random(args.seed)
        long_set, cut_set = [], []
        for lang, texts in corpus_sentences(args.corpora).items():
            sample = rng.sample(texts, min(args.n, len(texts)))
            long_set += [(lang, t) for t in sample]
            cut_set += [(lang, c) for c in map(cut, sample) if c]
        sets["a"], sets["b"] = long_set, cut_set
    else:
        notes.append(f"corpora not found at {args.corpora}: sets (a) and (b) skipped")
    sets["c"] = labelled(SHORT_TSV)
    sets["d"] = labelled(LONG_TSV)
    return sets, notes


SET_TITLES = {
    "a": "(a) corpus sentences > 40 characters",
    "b": "(b) corpus sentences cut to <= 40 characters at a word boundary",
    "c": "(c) short client messages (data/language_short.tsv)",
    "d": "(d) longer sentences in other languages (data/language_long.tsv)",
}


# --------------------------------------------------------------------------------------------------------------
# Measuring


def memoised(detect):
    cache: dict[str, str | None] = {}

    def wrapper(text: str) -> str | None:
        if text not in cache:
            cache[text] = detect(text)
        return cache[text]

    return wrapper


def accuracy_pass(names, sets, verbose=True):
    """answers[name][set] = list of answers; seconds[name][set] = total time (base detectors only: a combination
    reuses its general detector's memoised answers, so its time here would mean nothing; see warm_timing)."""
    answers: dict[str, dict[str, list]] = {}
    seconds: dict[str, dict[str, float]] = {}
    built: dict[str, object] = {}

    def base(name):
        if name not in built:
            detect = BASE[name][0]()
            detect("Дякую, отримали. Thanks, received.")
            built[name] = memoised(detect)
        return built[name]

    for name in names:
        t0 = time.perf_counter()
        if name in BASE:
            detect = base(name)
        else:
            general, combine, _ = COMBOS[name]
            detect = combine(base(general))
        answers[name], seconds[name] = {}, {}
        for key, items in sets.items():
            t = time.perf_counter()
            answers[name][key] = [detect(text) for _, text in items]
            seconds[name][key] = time.perf_counter() - t
        if verbose:
            print(f"  {name:<20} {time.perf_counter() - t0:6.1f} s", file=sys.stderr)
    return answers, {n: seconds[n] for n in names if n in BASE}


def scores(items, got) -> dict[str, tuple[int, int]]:
    """language -> (right, total)"""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (lang, _), answer in zip(items, got):
        out[lang][1] += 1
        out[lang][0] += answer == lang
    return {k: (v[0], v[1]) for k, v in out.items()}


def pct(right_total) -> float | None:
    right, total = right_total
    return 100.0 * right / total if total else None


def pooled(sc, languages) -> tuple[int, int]:
    return (sum(sc[l][0] for l in languages if l in sc), sum(sc[l][1] for l in languages if l in sc))


def warm_timing(name, short_texts, rounds) -> dict[str, float]:
    detect = factory_of(name)()
    for text in short_texts:  # loads every model the set needs, fills caches
        detect(text)
    times = []
    for _ in range(rounds):
        for text in short_texts:
            t = time.perf_counter()
            detect(text)
            times.append(time.perf_counter() - t)
    times.sort()
    return {"median_ms": 1000 * statistics.median(times), "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))],
            "mean_ms": 1000 * statistics.fmean(times)}


COLD_FIRST = "Дякую, отримали."
SHOW_LIMIT = 12  # wrong answers listed per set and detector by default


def child(name: str) -> None:
    """Run in a fresh process: import + build + first detection, then every short message; print JSON."""
    t0 = time.perf_counter()
    detect = factory_of(name)()
    detect(COLD_FIRST)
    first = time.perf_counter() - t0
    items = labelled(SHORT_TSV)
    seen = set()
    for lang, text in items:  # one message per language: every lazily loaded model is in after this
        if lang not in seen:
            seen.add(lang)
            detect(text)
    loaded = time.perf_counter() - t0
    got = [detect(text) for _, text in items]
    whole = time.perf_counter() - t0
    print(json.dumps({"first_s": first, "loaded_s": loaded, "whole_s": whole, "rss_mb": peak_memory_mb(),
                      "answers": got}))


def peak_memory_mb() -> float | None:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's peak on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def cold_runs(name: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--child", name], capture_output=True, text=True,
                             cwd=HERE, check=False)
        if out.returncode != 0:
            return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    differing = sum(len({r["answers"][i] for r in results}) > 1 for i in range(len(results[0]["answers"])))
    return {
        "first_s": min(r["first_s"] for r in results),
        "loaded_s": min(r["loaded_s"] for r in results),
        "whole_s": min(r["whole_s"] for r in results),
        "rss_mb": max((r["rss_mb"] for r in results if r["rss_mb"] is not None), default=None),
        "differing": differing,
        "runs": runs,
    }


def package_size(dist_name: str) -> float | None:
    """MB on disk of an installed distribution's files (what du of its site-packages dirs sums)."""
    try:
        dist = metadata.distribution(dist_name)
    except metadata.PackageNotFoundError:
        return None
    total = 0
    for f in dist.files or ():
        path = Path(dist.locate_file(f))
        if path.is_file():
            total += path.stat().st_size
    return total / 1e6


SIZE_ROWS = [
    ("langdetect", "langdetect", ""),
    ("py3langid", "py3langid", "needs numpy"),
    ("numpy", "numpy", "for py3langid"),
    ("pycld2", "pycld2", ""),
    ("lingua-language-detector", "lingua-language-detector", "one compiled module with all 75 models"),
    ("pymorphy3 + dicts ru, uk", ("pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk", "dawg2-python"),
     "already a dependency (ours)"),
    ("wordfreq", "wordfreq", "already a dependency (ours' tie-break)"),
    ("pyspellchecker", "pyspellchecker", "already a dependency (ours' English lexicon)"),
]


# --------------------------------------------------------------------------------------------------------------
# Output


def fmt(x, digits=1, width=6) -> str:
    return f"{'-':>{width}}" if x is None else f"{x:>{width}.{digits}f}"


def table(title, header, rows, widths):
    print(f"\n{title}")
    print("  ".join(f"{h:<{w}}" if i == 0 else f"{h:>{w}}" for i, (h, w) in enumerate(zip(header, widths))))
    for row in rows:
        print("  ".join(f"{c:<{w}}" if i == 0 else f"{c:>{w}}" for i, (c, w) in enumerate(zip(row, widths))))


def confusions(items, got, top=4) -> dict[str, list[tuple[str, int]]]:
    wrong: dict[str, Counter] = defaultdict(Counter)
    for (lang, _), answer in zip(items, got):
        if answer != lang:
            wrong[lang][answer or "None"] += 1
    return {lang: c.most_common(top) for lang, c in wrong.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--n", type=int, default=2000, help="corpus sentences per language (default 2000)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--only", default="", help="comma-separated detector names (default: all installed)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds over the short set (default 3)")
    ap.add_argument("--runs", type=int, default=2, help="fresh processes per detector (default 2)")
    ap.add_argument("--no-cold", action="store_true", help="skip cold load and determinism (the subprocesses)")
    ap.add_argument("--show", default="", help="comma-separated detectors whose wrong answers on (c), (d) to list "
                                               "(default: the combinations that meet every target, 12 each)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child)
        return 0

    wanted = [n.strip() for n in args.only.split(",") if n.strip()] or all_names()
    unknown = [n for n in wanted if n not in BASE and n not in COMBOS]
    if unknown:
        print(f"unknown detector(s): {', '.join(unknown)}; known: {', '.join(all_names())}", file=sys.stderr)
        return 2
    missing = {n: packages_of(n) for n in wanted if not installed(n)}
    names = [n for n in wanted if n not in missing]
    sets, notes = build_sets(args)
    t_start = time.perf_counter()

    print("accuracy pass", file=sys.stderr)
    answers, seconds = accuracy_pass(names, sets)
    result: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform},
                    "n": args.n, "seed": args.seed, "notes": notes,
                    "missing": {n: p for n, p in missing.items()}, "sets": {}, "timing": {}, "cold": {}, "sizes": {}}
    for key, items in sets.items():
        result["sets"][key] = {
            "size": dict(Counter(lang for lang, _ in items)),
            "detectors": {n: {"scores": scores(items, answers[n][key]),
                              "ms_per_text": (1000 * seconds[n][key] / len(items)) if n in seconds else None,
                              "confusions": confusions(items, answers[n][key])} for n in names},
        }
    print("warm timing", file=sys.stderr)
    short_texts = [t for _, t in sets["c"]]
    for n in names:
        result["timing"][n] = warm_timing(n, short_texts, args.rounds)
    if not args.no_cold:
        print("cold runs", file=sys.stderr)
        for n in names:
            result["cold"][n] = cold_runs(n, args.runs)
            print(f"  {n:<20} done", file=sys.stderr)
    for label, dists, note in SIZE_ROWS:
        dists = (dists,) if isinstance(dists, str) else dists
        sizes = [package_size(d) for d in dists]
        result["sizes"][label] = {"mb": sum(s for s in sizes if s) if any(sizes) else None, "note": note}
    result["seconds"] = time.perf_counter() - t_start

    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    report(result, names, sets, answers, args)
    return 0


def report(result, names, sets, answers, args) -> None:
    m = result["machine"]
    print(f"machine: {m['cpus']} CPUs, {m['platform']}, Python {m['python']}; N = {args.n} per language, "
          f"seed {args.seed}")
    for note in result["notes"]:
        print(note)
    for n, packages in result["missing"].items():
        print(f"skipped {n}: not installed (pip install {' '.join(packages)})")
    w = max(18, max(len(n) for n in names) + 1)
    print("\ndetectors:")
    for n in names:
        note = BASE[n][2] if n in BASE else COMBOS[n][2]
        print(f"  {n:<{w}} {note}")

    for key in ("a", "b"):
        if key not in sets:
            continue
        data = result["sets"][key]
        size = data["size"]
        header = ["detector"] + [f"{l} %" for l in MAIN] + ["all %", "ms/text"]
        rows = []
        for n in names:
            d = data["detectors"][n]
            sc = d["scores"]
            rows.append([n] + [fmt(pct(sc[l])) for l in MAIN] + [fmt(pct(pooled(sc, MAIN))),
                                                                  fmt(d["ms_per_text"], 2)])
        table(f"{SET_TITLES[key]}  [n: " + ", ".join(f"{l} {size[l]}" for l in MAIN) + "]", header, rows,
              [w, 6, 6, 6, 6, 7])

    data = result["sets"]["c"]
    size = data["size"]
    header = ["detector"] + [f"{l} %" for l in MAIN] + ["others %", "ms/text"]
    rows = []
    for n in names:
        d = data["detectors"][n]
        sc = d["scores"]
        rows.append([n] + [fmt(pct(sc[l])) for l in MAIN] + [fmt(pct(pooled(sc, OTHERS)), width=8),
                                                              fmt(d["ms_per_text"], 2)])
    table(f"{SET_TITLES['c']}  [n: " + ", ".join(f"{l} {size[l]}" for l in MAIN)
          + f", others {sum(size.get(l, 0) for l in OTHERS)}]", header, rows, [w, 6, 6, 6, 8, 7])
    others_short = [l for l in OTHERS if l in size]
    header = ["detector"] + others_short
    rows = [[n] + [f"{sc[l][0]}/{sc[l][1]}" for l in others_short]
            for n in names for sc in [data["detectors"][n]["scores"]]]
    table("(c) other languages, right/total", header, rows, [w] + [5] * len(others_short))

    data = result["sets"]["d"]
    size = data["size"]
    langs = [l for l in OTHERS if l in size]
    header = ["detector"] + [f"{l} %" for l in langs] + ["all %"]
    rows = []
    for n in names:
        sc = data["detectors"][n]["scores"]
        rows.append([n] + [fmt(pct(sc[l]), 0, 4) for l in langs] + [fmt(pct(pooled(sc, langs)))])
    table(f"{SET_TITLES['d']}  [n: " + ", ".join(f"{l} {size[l]}" for l in langs) + "]", header, rows,
          [w] + [5] * len(langs) + [6])

    print("\nMost frequent wrong answers (language: answer count, ...)")
    for key in ("a", "b", "c", "d"):
        if key not in sets:
            continue
        print(f"  set ({key})")
        for n in names:
            conf = result["sets"][key]["detectors"][n]["confusions"]
            parts = [f"{lang}: " + " ".join(f"{a} {c}" for a, c in conf[lang])
                     for lang in list(MAIN) + list(OTHERS) if lang in conf]
            print(f"    {n:<{w}} {'; '.join(parts) if parts else '-'}")

    header = ["detector", "median ms", "p95 ms", "mean ms"]
    rows = [[n, fmt(t["median_ms"], 3, 9), fmt(t["p95_ms"], 3, 6), fmt(t["mean_ms"], 3, 7)]
            for n in names for t in [result["timing"][n]]]
    table(f"Warm time per short message: set (c), {len(sets['c'])} messages x {args.rounds} rounds after one "
          "untimed pass", header, rows, [w, 9, 6, 7])

    if result["cold"]:
        header = ["detector", "first s", "loaded s", "all (c) s", "max RSS MB", "differing"]
        rows = []
        for n in names:
            c = result["cold"][n]
            if "error" in c:
                rows.append([n, "error: " + c["error"][:60], "", "", ""])
                continue
            rows.append([n, fmt(c["first_s"], 2, 7), fmt(c["loaded_s"], 2, 8), fmt(c["whole_s"], 2, 9),
                         fmt(c["rss_mb"], 0, 10), f"{c['differing']}/{len(sets['c'])}"])
        table(f"Cold, in a fresh process (fastest of {args.runs}): 'first' = import + build + detecting "
              f"«{COLD_FIRST}»; 'loaded' = + one message of each language in (c), so every lazily loaded model "
              "is in; 'all (c)' = + every message of (c) once; 'max RSS' = peak memory; 'differing' = answers on "
              "(c) that differ between the runs", header, rows, [w, 7, 8, 9, 10, 9])

    header = ["package", "MB", "note"]
    rows = [[label, fmt(s["mb"], 1, 6), s["note"]] for label, s in result["sizes"].items()]
    table("Installed size (files of each distribution, as du of its site-packages dirs)", header, rows,
          [26, 6, 0])

    header = ["detector", "(a)", "(b)", "(c)", "(d)", "speed", "determ.", "all"]
    rows = []
    passed: dict[str, bool] = {}
    for n in names:
        def meets(key, target):
            if key not in result["sets"]:
                return None
            sc = result["sets"][key]["detectors"][n]["scores"]
            return all(pct(sc[l]) is not None and pct(sc[l]) >= target for l in MAIN)

        checks = [meets("a", TARGET_LONG), meets("b", TARGET_SHORT), meets("c", TARGET_SHORT)]
        sc = result["sets"]["d"]["detectors"][n]["scores"]
        checks.append(pct(pooled(sc, OTHERS)) >= TARGET_OTHERS)
        checks.append(result["timing"][n]["median_ms"] <= TARGET_MS)
        cold = result["cold"].get(n)
        checks.append(None if not cold or "error" in cold else cold["differing"] == 0)
        mark = ["-" if c is None else ("yes" if c else "no") for c in checks]
        passed[n] = all(c is not False for c in checks)
        rows.append([n] + mark + ["yes" if passed[n] else "no"])
    table("Targets: (a) >= 99 % and (b), (c) >= 97 % for each of uk, ru, en; (d) >= 95 % over the other "
          "languages; warm median <= 1 ms; 0 differing answers", header, rows, [w, 4, 4, 4, 4, 5, 7, 4])

    show = [s.strip() for s in args.show.split(",") if s.strip()]
    limit = None if show else SHOW_LIMIT
    show = show or [n for n in names if n in COMBOS and passed[n]]
    for n in [s for s in show if s in names]:
        for key in ("c", "d"):
            wrong = [(lang, text, got) for (lang, text), got in zip(sets[key], answers[n][key]) if got != lang]
            print(f"\n{n}: wrong on ({key}): {len(wrong)}")
            for lang, text, got in wrong[:limit]:
                print(f"  {lang} -> {got}: {text}")
            if limit is not None and len(wrong) > limit:
                print(f"  ... {len(wrong) - limit} more (--show {n} lists them all)")
    print(f"\n({result['seconds']:.0f} s)")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head
        sys.exit(0)
