"""Spelling: recall and first-suggestion accuracy on typos, precision on real learner text, and speed.

    python benchmarks/spelling.py [--n 2000] [--seed 13] [--corpora ../shared/corpora] [--no-gec] [--json]

1. Synthetic typos. From clean sentences (uk: UA-GEC corrected sentences, train; ru: RuCoLA acceptable sentences
   and the neutral ru detox rewrites; en: the neutral en detox rewrites), N sentences per language are sampled
   with a fixed seed. In each, one known lower-case word of 5+ letters (not the first word of its sentence) gets
   one random edit: delete, insert, substitute or swap adjacent letters, new letters drawn from
   clientlint.suggest.ALPHABETS[lang]. ``Linter().check`` runs on the edited sentence. Flagged: a spelling finding
   covers the edited word. First / top-5: the intended word is the first / among the first five replacements
   (case-insensitive, ё = е). Edits that produce another known word (real-word errors, which no lexicon can see)
   are counted and also left out in a second table.
2. UA-GEC train, ``Spelling`` edits: found if a spelling finding overlaps the edit, corrected if applying the
   finding's first replacement gives the annotated correction. Precision: the share of spelling findings on those
   sentences that overlap some annotated edit of the sentence (any error type).
3. The same on the UA-GEC *test* partition, from the optional ``ua-gec`` package (``pip install -e .[bench]``).
   Report only: never tune on it.
4. Speed of the spelling rules on three ~150-word messages written for this script (ru, uk, en), warm and with
   the word caches cleared, beside tokenising alone and the cheapest spelling rule.

The corpora are read at run time from ../shared/corpora (beside the project, not in it) and none of their text is
kept in the project. Without them, parts 1 and 2 are skipped with a note and the script still exits 0.
Only the standard library and clientlint are used, plus ``ua_gec`` for part 3 when it is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure this checkout, not an installed copy

import clientlint
from clientlint import Linter, language, lexicon
from clientlint import suggest
from clientlint.document import Document

from common import pct, percentile, rows, table, rule_table, speed_table, time_each_rule, time_interleaved

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora"

TARGET_FLAGGED = 92.0  # % of synthetic typos flagged, ru and uk each (from the issue)
TARGET_FIRST = 85.0  # % with the intended word as the first suggestion
TARGET_WARM_MS = 5.0  # spell-checking a 150-word message, warm, median

EDIT_KINDS = ("delete", "insert", "substitute", "swap")
APOSTROPHES = "'\u2019\u02bc"
MIN_LETTERS = 5
EXAMPLES = 8

# --- three ~150-word messages for the speed part (written for this script; one or two typos each) --------------

MESSAGES = {
    "ru": (
        "Здравствуйте, Ольга!\n\n"
        "Спасибо, что написали нам и подробно описали ситуацию. Мы проверили ваш заказ и выяснили, почему он "
        "задержался: посылка простояла два дня на складе перевозчика, потому что в накладной был указан старый "
        "адрес. Мы уже исправили адрес и отпарвили посылку повторно, теперь она должна прийти в пятницу или в "
        "субботу. Трек-номер остался прежним, по нему можно следить за доставкой на сайте службы. Если курьер "
        "позвонит в неудобное время, просто попросите его перенести визит на другой день, это бесплатно. За "
        "доставку вы платить не будете: мы вернём эти деньги на вашу карту в течение трёх рабочих дней, а в "
        "следующий заказ добавим небольшой подарок от нашей команды. Нам очень жаль, что так получилось, и мы "
        "понимаем, как неприятно ждать покупку дольше обещанного срока. Чтобы это не повторилось, мы передали "
        "случай в отдел логистики. Если у вас остались вопросы, ответьте на это письмо или позвоните нам, мы "
        "всегда рады помочь.\n\n"
        "С уважением,\nАнна, служба заботы о клиентах"
    ),
    "uk": (
        "Добрий день, Андрію!\n\n"
        "Дякуємо, що написали нам і докладно описали проблему. Ми перевірили ваше замовленя і з'ясували, чому "
        "повернення коштів затрималося: банк відхилив перший платіж через помилку в реквізитах, яку ми не "
        "помітили вчасно. Зараз усе виправлено, і ми вже надіслали кошти повторно. Гроші мають надійти на вашу "
        "картку протягом трьох робочих днів, залежно від вашого банку. Вам не потрібно нічого робити додатково, "
        "але якщо після п'ятниці кошти не з'являться, напишіть нам, і ми перевіримо платіж разом із банком. Ми "
        "розуміємо, як неприємно чекати на свої гроші довше, ніж було обіцяно, тому додали до вашого "
        "облікового запису знижку на наступну покупку. Вона діє до кінця місяця і застосується автоматичо під "
        "час оформлення. Щоб така ситуація не повторилася, ми змінили порядок перевірки реквізитів перед "
        "відправленням платежу. Дякуємо за ваше терпіння і розуміння, і вибачте за незручності, яких ми вам "
        "завдали. Гарного вам дня!\n\n"
        "З повагою,\nОксана, служба підтримки клієнтів"
    ),
    "en": (
        "Hi Daniel,\n\n"
        "Thank you for getting in touch and for describing the problem in so much detail. We looked into your "
        "account and found out why the renewal failed last week: the card on file had expired, and our reminder "
        "email went to an old address that is no longer in use. We have updated the address, and your "
        "subscription will stay active until the end of the month, so nothing is lost. To renew, please open "
        "the billing page, add a new card and press the button at the bottom. The paymnet goes through within a "
        "few minutes, and you will recieve a receipt by email right away. If you would rather pay by invoice, "
        "just reply to this message and we will send one today. We are sorry for the trouble this has caused, "
        "and we have added an extra week to your plan as a small thank you for your patience. If anything else "
        "comes up, our team is here to help on weekdays from nine to six.\n\n"
        "Best regards,\nEmma, Customer Support"
    ),
}

# --- helpers ------------------------------------------------------------------------------------------------------


def fold(word: str) -> str:
    """For comparing suggestions: lower case, ё = е, one apostrophe."""
    w = word.lower().replace("ё", "е")
    for a in APOSTROPHES[1:]:
        w = w.replace(a, "'")
    return w


def rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "-"
    return "met" if value >= target else "MISSED"


def spelling_findings(report) -> list:
    return [d for d in report.diagnostics if d.category == "spelling"]


# --- 1. synthetic typos -------------------------------------------------------------------------------------------


def clean_pools(folder: Path) -> dict[str, list[str]]:
    return {
        "ru": [r["sentence"] for r in rows(folder / "ru_rucola_train.tsv") if r["acceptable"] == "1"]
        + [r["text"] for r in rows(folder / "ru_toxic_pairs_train.tsv") if r["label"] == "neutral"],
        "uk": [r["target_sentence"] for r in rows(folder / "uk_uagec_train_sentences.tsv")],
        "en": [r["text"] for r in rows(folder / "en_toxic_pairs_train.tsv") if r["label"] == "neutral"],
    }


POOL_NAMES = {
    "ru": "RuCoLA acceptable + ru detox neutral (train)",
    "uk": "UA-GEC corrected sentences (train)",
    "en": "en detox neutral (train)",
}


def candidate_words(text: str, lang: str):
    """Word tokens fit for a typo: all lower-case letters of the language, 5+ long, not first in the sentence,
    known to clientlint."""
    letters = set(suggest.ALPHABETS[lang]) - set(APOSTROPHES)
    for sentence in Document(text).sentences:
        words = [t for t in sentence.tokens if t.kind == "word"]
        for tok in words[1:]:
            w = tok.text
            if len(w) >= MIN_LETTERS and w.isalpha() and w == w.lower() and set(w) <= letters \
                    and lexicon.is_known(w, lang):
                yield tok


def make_typo(word: str, kind: str, rng: random.Random, alphabet: str) -> str | None:
    """One edit of ``kind``. An apostrophe (uk) only goes between two letters, where it stays inside the word."""
    n = len(word)
    if kind == "delete":
        i = rng.randrange(n)
        return word[:i] + word[i + 1:]
    if kind == "swap":
        spots = [i for i in range(n - 1) if word[i] != word[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "insert":
        i = rng.randrange(n + 1)
        pool = [c for c in alphabet if c not in APOSTROPHES or 0 < i < n]
        return word[:i] + rng.choice(pool) + word[i:]
    i = rng.randrange(n)  # substitute
    pool = [c for c in alphabet if c != word[i] and (c not in APOSTROPHES or 0 < i < n - 1)]
    return word[:i] + rng.choice(pool) + word[i + 1:]


def miss_reason(typo: str, lang: str, detected: str | None, after: str = "") -> str:
    """Why spelling.unknown-word likely stayed quiet, replaying its public conditions (for reading, not scored).
    ``after`` is the text right after the word."""
    from clientlint.checks import unknown_word as uw

    if detected != lang:
        return f"sentence detected as {detected or 'no language'}"
    if after.startswith(".") and len(typo) <= 5:
        return "5 letters or fewer before a full stop (read as an abbreviation)"
    if typo[:1].isupper():
        return "capitalised (a name, or a sentence start needing a common suggestion)"
    other = lexicon.other_cyrillic(lang)
    if other and lexicon.is_known(typo, other):
        return f"a word of the other language ({other})"
    if lexicon.zipf(typo, lang) >= getattr(uw, "IN_USE_ZIPF", 2.5):
        return "common in real text (zipf >= IN_USE_ZIPF)"
    cands = suggest.suggestions(typo, lang)
    if not cands:
        return "no known word one edit away"
    best = min(lexicon.zipf(p, lang) for p in cands[0].split())
    needed = getattr(uw, "MIN_ZIPF", 2.0)
    if len(typo) <= getattr(uw, "SHORT_WORD", 4):
        needed = max(needed, getattr(uw, "SHORT_WORD_MIN_ZIPF", 5.0))
    if best < needed:
        return "best suggestion too rare"
    return "other"


def synthetic(lang: str, texts: list[str], n: int, seed: int, linter: Linter) -> dict:
    rng = random.Random(f"{seed}:{lang}")
    order = list(range(len(texts)))
    rng.shuffle(order)
    alphabet = suggest.ALPHABETS[lang]
    records = []
    no_word = retokenised = 0
    t0 = time.perf_counter()
    for idx in order:
        if len(records) >= n:
            break
        text = texts[idx]
        toks = list(candidate_words(text, lang))
        if not toks:
            no_word += 1
            continue
        tok = rng.choice(toks)
        word = tok.text
        kind = rng.choice(EDIT_KINDS)
        typo = make_typo(word, kind, rng, alphabet)
        if typo is None:  # «аааа»: no neighbours to swap; substitute instead
            kind = "substitute"
            typo = make_typo(word, kind, rng, alphabet)
        edited = text[:tok.start] + typo + text[tok.end:]
        start, end = tok.start, tok.start + len(typo)
        if not any(t.kind == "word" and t.start == start and t.end == end
                   for s in Document(edited).sentences for t in s.tokens):
            retokenised += 1  # the edit changed how the text splits into words; not a fair single-word typo
            continue
        report = linter.check(edited)
        hits = [d for d in spelling_findings(report) if d.start <= start and d.end >= end]
        hit = next((d for d in hits if d.replacements), hits[0] if hits else None)
        repl = list(hit.replacements) if hit else []
        target = fold(word)
        rank = next((i + 1 for i, r in enumerate(repl) if fold(r) == target), None)
        records.append({
            "word": word, "typo": typo, "kind": kind,
            "real_word": lexicon.is_known(typo, lang),
            "flagged": hit is not None, "rule": hit.rule if hit else None,
            "first": rank == 1, "top5": rank is not None and rank <= 5, "rank": rank,
            "got": repl[:3], "language": report.language, "after": edited[end:end + 1],
        })
    seconds = time.perf_counter() - t0

    def stats(recs: list[dict]) -> dict:
        k = len(recs)
        flagged = sum(r["flagged"] for r in recs)
        return {
            "n": k,
            "real_word": rate(sum(r["real_word"] for r in recs), k),
            "flagged": rate(flagged, k),
            "first": rate(sum(r["first"] for r in recs), k),
            "top5": rate(sum(r["top5"] for r in recs), k),
            "first_of_flagged": rate(sum(r["first"] for r in recs), flagged),
        }

    nonword = [r for r in records if not r["real_word"]]
    result = {
        "pool": POOL_NAMES[lang], "pool_size": len(texts), "sentences": len(records),
        "skipped_no_word": no_word, "skipped_retokenised": retokenised, "seconds": round(seconds, 1),
        "all": {"all": stats(records), **{k: stats([r for r in records if r["kind"] == k]) for k in EDIT_KINDS}},
        "nonword": {"all": stats(nonword), **{k: stats([r for r in nonword if r["kind"] == k]) for k in EDIT_KINDS}},
        "rules": dict(Counter(r["rule"] for r in records if r["flagged"]).most_common()),
        "language_mismatch": sum(r["language"] != lang for r in records),
    }
    missed = [r for r in nonword if not r["flagged"]]
    result["missed_reasons"] = dict(Counter(miss_reason(r["typo"], lang, r["language"], r["after"])
                                            for r in missed).most_common())
    result["examples_missed"] = [f"{r['typo']} ({r['word']}, {r['kind']})" for r in missed[:EXAMPLES]]
    wrong = [r for r in nonword if r["flagged"] and not r["first"]]
    result["examples_wrong_first"] = [
        f"{r['typo']} -> {r['got'][0] if r['got'] else '(none)'}, intended {r['word']} "
        f"({'rank ' + str(r['rank']) if r['rank'] else 'not offered'})" for r in wrong[:EXAMPLES]]
    result["wrong_first_not_offered"] = sum(r["rank"] is None for r in wrong)
    return result


# --- 2 and 3. UA-GEC ----------------------------------------------------------------------------------------------

_WORDISH = re.compile(r"[^\W\d_]+(?:[" + APOSTROPHES + r"\u2018\-][^\W\d_]+)*")
_NOSEP = str.maketrans("", "", " -\u2011" + APOSTROPHES + "\u2018")


def shape(source: str, correction: str) -> str:
    """What kind of Spelling edit this is, to read recall by kind."""
    s, c = source.strip(), correction.strip()
    if s.lower() == c.lower():
        return "letter case only"
    if s.lower().translate(_NOSEP) == c.lower().translate(_NOSEP):
        return "space, hyphen or apostrophe"
    if _WORDISH.fullmatch(s) and _WORDISH.fullmatch(c):
        return "known word -> other word" if lexicon.is_known(s, "uk") else "non-word -> word"
    return "other (several words, digits, ...)"


SHAPES = ("non-word -> word", "known word -> other word", "space, hyphen or apostrophe", "letter case only",
          "other (several words, digits, ...)")


class GecTally:
    """Recall on Spelling edits and precision of spelling findings, with examples."""

    def __init__(self):
        self.edits: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
        self.found_examples: list[str] = []
        self.missed_examples: list[str] = []
        self.wrong_examples: list[str] = []
        self.findings = 0
        self.findings_on_edit = 0
        self.per_rule: Counter = Counter()
        self.per_rule_on_edit: Counter = Counter()
        self.false_examples: list[str] = []
        self.missed_reasons: Counter = Counter()

    def edit(self, text: str, s: int, e: int, correction: str, findings: list, language: str | None) -> None:
        kind = shape(text[s:e], correction)
        over = [d for d in findings if d.start < e and s < d.end]
        want = text[:s] + correction + text[e:]
        corrected = any(d.replacements and text[:d.start] + d.replacements[0] + text[d.end:] == want for d in over)
        self.edits[kind].append((bool(over), corrected))
        if kind == "non-word -> word":
            if not over:
                self.missed_reasons[miss_reason(text[s:e], "uk", language, text[e:e + 1])] += 1
            if not over and len(self.missed_examples) < EXAMPLES:
                self.missed_examples.append(f"{text[s:e]} -> {correction}")
            elif over and not corrected and len(self.wrong_examples) < EXAMPLES:
                d = over[0]
                got = d.replacements[0] if d.replacements else "(none)"
                self.wrong_examples.append(f"{text[d.start:d.end]} -> {got}, annotated {correction} [{d.rule}]")

    def precision(self, text: str, findings: list, spans: list[tuple[int, int]]) -> None:
        for d in findings:
            on = any(d.start < e and s < d.end for s, e in spans)
            self.findings += 1
            self.per_rule[d.rule] += 1
            if on:
                self.findings_on_edit += 1
                self.per_rule_on_edit[d.rule] += 1
            elif len(self.false_examples) < EXAMPLES:
                got = d.replacements[0] if d.replacements else "(none)"
                self.false_examples.append(f"{text[d.start:d.end]} -> {got} [{d.rule}]")

    def result(self) -> dict:
        shapes = {}
        for kind in SHAPES:
            got = self.edits.get(kind, [])
            shapes[kind] = {"n": len(got), "found": rate(sum(f for f, _ in got), len(got)),
                            "corrected": rate(sum(c for _, c in got), len(got))}
        every = [x for v in self.edits.values() for x in v]
        shapes["all Spelling edits"] = {"n": len(every), "found": rate(sum(f for f, _ in every), len(every)),
                                        "corrected": rate(sum(c for _, c in every), len(every))}
        return {
            "recall": shapes,
            "precision": {"findings": self.findings, "on_an_edit": self.findings_on_edit,
                          "precision": rate(self.findings_on_edit, self.findings),
                          "per_rule": {r: {"findings": n, "on_an_edit": self.per_rule_on_edit[r]}
                                       for r, n in self.per_rule.most_common()}},
            "missed_nonword_reasons": dict(self.missed_reasons.most_common()),
            "examples_missed_nonword": self.missed_examples,
            "examples_wrong_first_nonword": self.wrong_examples,
            "examples_findings_off_edits": self.false_examples,
        }


def gec_train(folder: Path, linter: Linter) -> dict:
    groups: dict[tuple, list[dict]] = {}
    for r in rows(folder / "uk_uagec_train_edits.tsv"):
        groups.setdefault((r["doc_id"], r["annotator_id"], r["sent_idx"]), []).append(r)
    tally = GecTally()
    empty = not_found = ambiguous = sentences = 0
    cache: dict[str, list] = {}
    t0 = time.perf_counter()
    for edits in groups.values():
        if not any(r["error_type"] == "Spelling" for r in edits):
            continue
        text = edits[0]["source_sentence"]
        # Locate each edit: the edits of a sentence are listed in text order, so search after the previous one;
        # fall back to the first occurrence anywhere.
        located = []
        pos = 0
        for r in edits:
            span = r["source_span"]
            if not span:
                if r["error_type"] == "Spelling":
                    empty += 1
                continue
            i = text.find(span, pos)
            if i < 0:
                i = text.find(span)
            if i < 0:
                if r["error_type"] == "Spelling":
                    not_found += 1
                continue
            if r["error_type"] == "Spelling" and text.count(span) > 1:
                ambiguous += 1
            located.append((i, i + len(span), r))
            pos = i + len(span)
        if not any(r["error_type"] == "Spelling" for _, _, r in located):
            continue
        sentences += 1
        if text not in cache:
            report = linter.check(text)
            cache[text] = (spelling_findings(report), report.language)
        findings, language = cache[text]
        for s, e, r in located:
            if r["error_type"] == "Spelling":
                tally.edit(text, s, e, r["correction"], findings, language)
        tally.precision(text, findings, [(s, e) for s, e, _ in located])
    out = tally.result()
    out.update({"sentences": sentences, "skipped_empty": empty, "skipped_not_found": not_found,
                "ambiguous_placed_by_order": ambiguous, "seconds": round(time.perf_counter() - t0, 1)})
    return out


def gec_test(linter: Linter) -> dict | None:
    try:
        from ua_gec import Corpus
    except ImportError:
        return None
    import ua_gec

    tally = GecTally()
    tally_all = GecTally()
    cache: dict[str, list] = {}
    docs = mismatched = sentences = 0
    t0 = time.perf_counter()
    for doc in Corpus(partition="test"):
        docs += 1
        text = doc.source
        if text not in cache:
            findings = []
            sent_spans = []  # (start, end, language) of each sentence
            offset = 0
            for line in text.split("\n"):  # one paragraph at a time, offsets kept
                if line.strip():
                    findings += [_shift(d, offset) for d in spelling_findings(linter.check(line))]
                    sent_spans += [(s.start + offset, s.end + offset, s.language) for s in Document(line).sentences]
                offset += len(line) + 1
            cache[text] = (findings, sent_spans)
        findings, sent_spans = cache[text]
        anns = []
        for a in doc.annotated.get_annotations():
            if text[a.start:a.end] != a.source_text:
                mismatched += 1
                continue
            anns.append(a)
        spans = [(a.start, a.end) for a in anns if a.end > a.start]
        for a in anns:
            if a.meta.get("error_type") == "Spelling" and a.end > a.start:
                language = next((g for s, e, g in sent_spans if s <= a.start < e), None)
                tally.edit(text, a.start, a.end, a.suggestions[0] if a.suggestions else "", findings, language)
        # Precision on the sentences with a Spelling edit (as for train), and on the whole text.
        spelled = [(s, e) for s, e, _ in sent_spans if any(
            a.meta.get("error_type") == "Spelling" and a.start < e and s < max(a.end, a.start + 1) for a in anns)]
        sentences += len(spelled)
        tally.precision(text, [d for d in findings if any(s <= d.start < e for s, e in spelled)], spans)
        tally_all.precision(text, findings, spans)
    out = tally.result()
    whole = tally_all.result()["precision"]
    out.update({"documents": docs, "sentences_with_spelling_edit": sentences, "annotations_not_matching": mismatched,
                "precision_all_text": whole, "ua_gec_version": getattr(ua_gec, "__version__", None),
                "seconds": round(time.perf_counter() - t0, 1)})
    return out


def _shift(d, offset: int):
    from dataclasses import replace

    return replace(d, start=d.start + offset, end=d.end + offset)


# --- 4. speed -----------------------------------------------------------------------------------------------------


def clear_caches(morphology_too: bool) -> None:
    suggest.suggestions.cache_clear()
    lexicon.is_known.cache_clear()
    lexicon.zipf.cache_clear()
    lexicon.in_wide_lexicon.cache_clear()
    language._evidence.cache_clear()
    language._listed_otherwise.cache_clear()
    if morphology_too:
        from clientlint import morphology

        for fn in (morphology.parses, morphology.is_known, morphology.lemmas):
            fn.cache_clear()


def speed(budget: float, cold_runs: int) -> dict:
    spelling = Linter(config={"select": ["spelling"]})
    doubled = Linter(config={"select": ["spelling.doubled-word"]})
    ops = {
        "Document(msg).sentences": lambda m: Document(m).sentences,
        "select spelling.doubled-word": doubled.check,
        "select spelling": spelling.check,
    }
    samples, rounds = time_interleaved(ops, MESSAGES, budget)
    per_rule = time_each_rule(spelling, MESSAGES, max(5, rounds // 2))
    clock = time.perf_counter
    for lang, msg in MESSAGES.items():
        for label, morph in (("select spelling, word caches cleared", False),
                             ("select spelling, + morphology caches cleared", True)):
            got = samples[lang].setdefault(label, [])
            for _ in range(cold_runs):
                clear_caches(morph)
                t0 = clock()
                spelling.check(msg)
                got.append(clock() - t0)
    found = {lang: [f"{msg[d.start:d.end]} -> {d.replacements[0] if d.replacements else '(none)'} [{d.rule}]"
                    for d in spelling.check(msg).diagnostics] for lang, msg in MESSAGES.items()}
    return {
        "rounds": rounds, "cold_runs": cold_runs,
        "words": {lang: len(msg.split()) for lang, msg in MESSAGES.items()},
        "findings": found,
        "rule_median_ms": {lang: {r: round(statistics.median(v) * 1e3, 3) for r, v in per.items()}
                           for lang, per in per_rule.items()},
        "ms": {lang: {name: {"n": len(v), "median": round(statistics.median(v) * 1e3, 3),
                             "p95": round(percentile(v, 95) * 1e3, 3)} for name, v in per.items()}
               for lang, per in samples.items()},
    }


def tree_state() -> str:
    """The commit the package was run from, and whether its working tree had changes (for comparing runs)."""
    import subprocess

    root = Path(clientlint.__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        untracked = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "clientlint", "rules"],
                                   cwd=root, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "git state unknown"
    if not head:
        return "not a git checkout"
    return f"at {head}" + (" with uncommitted changes" if dirty or untracked else "")


# --- output -------------------------------------------------------------------------------------------------------


def render_synthetic(lang: str, r: dict) -> list[str]:
    out = [f"[{lang}] {r['sentences']} sentences from {r['pool']} ({r['pool_size']} in the pool; "
           f"{r['skipped_no_word']} passed over with no fit word, {r['skipped_retokenised']} edits that split the "
           f"word); {r['seconds']} s"]
    for key, title in (("all", "all edits"), ("nonword", "non-word edits only (real-word errors left out)")):
        out.append(f"  {title}")
        body = []
        for kind, s in r[key].items():
            row = [kind, s["n"]]
            if key == "all":
                row.append(_f(s["real_word"]))
            row += [_f(s["flagged"]), _f(s["first"]), _f(s["top5"]), _f(s["first_of_flagged"])]
            body.append(row)
        headers = ["edit", "n"] + (["real-word %"] if key == "all" else []) + \
                  ["flagged %", "first %", "top-5 %", "first % of flagged"]
        out += ["  " + line for line in table(headers, body, "<" + "r" * (len(headers) - 1))]
    a, nw = r["all"]["all"], r["nonword"]["all"]
    out.append(f"  target flagged >= {TARGET_FLAGGED:.0f}%: "
               f"all {_f(a['flagged'])} ({verdict(a['flagged'], TARGET_FLAGGED)}), "
               f"non-word {_f(nw['flagged'])} ({verdict(nw['flagged'], TARGET_FLAGGED)})")
    out.append(f"  target first  >= {TARGET_FIRST:.0f}%: all {_f(a['first'])} ({verdict(a['first'], TARGET_FIRST)}), "
               f"non-word {_f(nw['first'])} ({verdict(nw['first'], TARGET_FIRST)}); "
               f"of flagged non-word {_f(nw['first_of_flagged'])} ({verdict(nw['first_of_flagged'], TARGET_FIRST)})")
    out.append(f"  flagged by: " + ", ".join(f"{k} {v}" for k, v in r["rules"].items()) +
               f"; sentence detected as another language: {r['language_mismatch']}")
    if r["missed_reasons"]:
        out.append("  non-word typos not flagged, likely reason: " +
                   "; ".join(f"{k} {v}" for k, v in r["missed_reasons"].items()))
    if r["examples_missed"]:
        out.append("  missed: " + ", ".join(r["examples_missed"]))
    if r["examples_wrong_first"]:
        out.append(f"  wrong first suggestion ({r['wrong_first_not_offered']} of them without the intended word "
                   f"in the list):")
        out += ["    " + e for e in r["examples_wrong_first"]]
    return out


def _f(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f}"


def render_gec(title: str, r: dict, note: str) -> list[str]:
    out = [title, note]
    body = [[k, v["n"], _f(v["found"]), _f(v["corrected"])] for k, v in r["recall"].items()]
    out += ["  " + line for line in table(["Spelling edit", "n", "found %", "corrected %"], body, "<rrr")]
    p = r["precision"]
    out.append(f"  precision on those sentences: {p['on_an_edit']} of {p['findings']} spelling findings overlap an "
               f"annotated edit = {_f(p['precision'])}%")
    if "precision_all_text" in r:
        q = r["precision_all_text"]
        out.append(f"  precision on all the text: {q['on_an_edit']} of {q['findings']} = {_f(q['precision'])}%")
    body = [[rule, v["findings"], v["on_an_edit"], pct(v["on_an_edit"], v["findings"])]
            for rule, v in p["per_rule"].items()]
    if body:
        out += ["  " + line for line in table(["rule", "findings", "on an edit", "precision %"], body, "<rrr")]
    if r["missed_nonword_reasons"]:
        out.append("  non-word edits not found, likely reason: " +
                   "; ".join(f"{k} {v}" for k, v in r["missed_nonword_reasons"].items()))
    for key, label in (("examples_missed_nonword", "missed non-word edits"),
                       ("examples_wrong_first_nonword", "found, not the annotated correction"),
                       ("examples_findings_off_edits", "findings on no annotated edit")):
        if r[key]:
            out.append(f"  {label}: " + "; ".join(r[key]))
    return out


def render(res: dict) -> str:
    m = res["machine"]
    out = [f"Machine: {m['cpu_count']} CPUs, {m['platform']}, Python {m['python']}; clientlint {m['clientlint']}; "
           f"{m['tree']}; load average at start {m['load_average']}; seed {res['seed']}, n {res['n']}", ""]
    if res.get("corpora_missing"):
        out += [f"corpora not found at {res['corpora']}; parts 1 and 2 skipped", ""]
    syn = res.get("synthetic")
    if syn:
        out.append("1. Synthetic single-edit typos (Linter().check on the edited sentence)")
        for lang, r in syn.items():
            out += render_synthetic(lang, r)
            out.append("")
    if res.get("gec_train"):
        r = res["gec_train"]
        note = (f"  {r['sentences']} source sentences; skipped {r['skipped_empty']} Spelling edits with an empty span "
                f"and {r['skipped_not_found']} whose span is not in the sentence; {r['ambiguous_placed_by_order']} "
                f"spans occur more than once (placed by edit order); {r['seconds']} s")
        out += render_gec("2. UA-GEC train, Spelling edits (uk_uagec_train_edits.tsv)", r, note) + [""]
    if "gec_test" in res:
        r = res["gec_test"]
        if r is None:
            out += ["3. UA-GEC test: the ua_gec package is not installed (pip install -e .[bench]); skipped", ""]
        else:
            note = (f"  {r['documents']} annotated documents (document x annotator), checked paragraph by paragraph; "
                    f"{r['sentences_with_spelling_edit']} sentences with a Spelling edit; "
                    f"{r['annotations_not_matching']} annotations not matching the text; {r['seconds']} s. "
                    f"Report only, never tune on it.")
            out += render_gec(f"3. UA-GEC test (ua_gec {r['ua_gec_version']})", r, note) + [""]
    sp = res["speed"]
    out.append(f"4. Speed, one message of ~150 words, ms ({sp['rounds']} warm rounds; {sp['cold_runs']} runs with "
               f"caches cleared)")
    langs = list(sp["ms"])
    out += speed_table(sp)
    worst = max(sp["ms"][lang]["select spelling"]["median"] for lang in langs)
    out.append(f"target warm <= {TARGET_WARM_MS:.0f} ms: slowest median {worst:.3f} ms "
               f"({'met' if worst <= TARGET_WARM_MS else 'MISSED'})")
    out.append("each spelling rule alone on a built Document, median ms")
    out += rule_table(sp)
    out.append(f"\ntotal {res['seconds']:.0f} s")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="sentences per language for the synthetic typos")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--corpora", type=Path, default=DEFAULT)
    ap.add_argument("--no-gec", action="store_true", help="skip the UA-GEC parts (train and test)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be >= 1")
    started = time.perf_counter()
    res: dict = {
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "clientlint": clientlint.__version__,
                    "tree": tree_state(),
                    "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg())
                    if hasattr(os, "getloadavg") else "-"},
        "seed": args.seed, "n": args.n, "corpora": str(args.corpora),
        "targets": {"flagged_pct": TARGET_FLAGGED, "first_pct": TARGET_FIRST, "warm_ms": TARGET_WARM_MS},
    }
    linter = Linter()
    if args.corpora.is_dir():
        pools = clean_pools(args.corpora)
        res["synthetic"] = {lang: synthetic(lang, pools[lang], args.n, args.seed, linter)
                            for lang in ("ru", "uk", "en")}
        if not args.no_gec:
            res["gec_train"] = gec_train(args.corpora, linter)
    else:
        res["corpora_missing"] = True
    if not args.no_gec:
        res["gec_test"] = gec_test(linter)
    res["speed"] = speed(budget=3.0, cold_runs=20)
    res["seconds"] = time.perf_counter() - started
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render(res))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head
        sys.exit(0)
