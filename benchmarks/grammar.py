"""Grammar: recall and precision on real learner text (uk), flag rates on acceptability judgements (ru), speed.

    python benchmarks/grammar.py [--corpora ../shared/corpora] [--no-gec] [--limit N] [--json]

Every check is ``Linter(config={"select": ["grammar"]}).check(text)``, and only findings of the ``grammar``
category count. No rule id is written here: rules added to rules/*/grammar*.yaml (or as code) show up by themselves.

1. UA-GEC train (uk_uagec_train_edits.tsv, uk_uagec_train_sentences.tsv). Recall on ``F/Calque`` edits and on the
   grammar edits (``G/...``, each subtype and together). An edit is located in its source sentence by searching for
   its span after the previous edit of the same sentence (edits are listed in text order), or anywhere if that
   fails; edits with an empty span (insertions) or a span not in the sentence are skipped and counted. Found: a
   grammar finding overlaps the edit. Corrected: applying the finding's first replacement gives the same text as
   applying the annotated corrections inside the finding's span (the edit itself and any other located edit there).
   Precision: the share of grammar findings that overlap an annotated edit of the sentence (any error type), on the
   sentences with an F/Calque or G/ edit and on every source sentence, with up to 15 findings on no edit. False
   alarms: grammar findings per 1,000 words on the corrected (target) sentences.
2. The same on the UA-GEC *test* partition, from the optional ``ua_gec`` package (``pip install -e .[bench]``),
   document by document, each paragraph checked on its own with offsets kept. Report only: never tune on it.
3. RuCoLA train (ru_rucola_train.tsv): the share of sentences with any grammar finding, unacceptable against
   acceptable, by exam task (USE5/7/8) and error type; findings per 1,000 words on acceptable sentences, per rule.
4. Speed of a grammar check of a ~150-word ru and uk message written for this script (with one or two slips each),
   warm, beside tokenising alone and the hygiene rules.

The corpora are read at run time from ../shared/corpora (beside the project, not in it) and none of their text is
kept in the project. Without them, parts 1 and 3 are skipped with a note and the script still exits 0. Only the
standard library and clientlint are used, plus ``ua_gec`` for part 2 when it is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure this checkout, not an installed copy

import clientlint
from clientlint import Linter
from clientlint.document import Document

from common import percentile, rows, table, rule_table, speed_table, time_each_rule, time_interleaved

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora"

TARGET_FALSE_PER_1000 = 1.0  # grammar findings per 1,000 words on corrected UA-GEC and acceptable RuCoLA (issue)
TARGET_WARM_MS = 10.0  # grammar check of a ~150-word message, warm, median (issue)

EXAMPLES = 15
CONTEXT = 40  # characters shown on each side of a flagged span
CALQUE = "F/Calque"
GRAMMAR_PREFIX = "G/"

# --- two ~150-word messages for the speed part (written for this script; two slips each) ----------------------

MESSAGES = {
    "ru": (
        "Здравствуйте, Игорь Петрович!\n\n"
        "Благодарим вас за обращение и за то, что подробно описали ситуацию с последней поставкой. Мы проверили "
        "документы и подтверждаем, что часть товара пришла с повреждённой упаковкой. Согласно договора, в таком "
        "случае мы заменяем товар за свой счёт, поэтому новая партия уже собрана на складе и будет отправлена "
        "завтра утром. Акт о расхождении подпишет наш представитель: он приедет к вам в течении трёх рабочих дней "
        "и заберёт повреждённые коробки. Сумму за доставку мы вычтем из следующего счёта, отдельно оплачивать её не "
        "нужно. Если вам удобнее получить возврат деньгами, сообщите об этом ответным письмом, и бухгалтерия "
        "оформит перевод. Мы понимаем, что задержка нарушила ваши планы, и приносим извинения за неудобства. Чтобы "
        "такое не повторялось, мы усилили контроль упаковки перед отгрузкой и сменили транспортную компанию на "
        "этом маршруте. Будем рады ответить на любые вопросы по телефону или электронной почте.\n\n"
        "С уважением,\nМарина Соколова, менеджер по работе с клиентами"
    ),
    "uk": (
        "Добрий день, пані Олено!\n\n"
        "Дякуємо за ваш лист і за те, що докладно описали проблему з останнім рахунком. Ми перевірили нарахування "
        "і з'ясували, що через технічну помилку послугу було списано двічі. Згідно договору, надміру сплачені "
        "кошти ми повертаємо на той самий рахунок, з якого надійшов платіж. Повернення вже оформлено, і гроші "
        "надійдуть на протязі тижня, залежно від вашого банку. Вам не потрібно нічого робити додатково, але якщо "
        "кошти не з'являться до наступної п'ятниці, напишіть нам, і ми разом із банком перевіримо переказ. Щоб "
        "така ситуація не повторилася, ми змінили порядок перевірки платежів перед списанням. Також ми додали до "
        "вашого облікового запису знижку на наступний місяць як компенсацію за незручності. Вона застосується "
        "автоматично під час оплати. Якщо у вас виникнуть інші запитання, телефонуйте нам у робочі дні з дев'ятої "
        "до шостої або просто відповідайте на цей лист.\n\n"
        "З повагою,\nТарас Коваль, відділ роботи з клієнтами"
    ),
}

# --- helpers ------------------------------------------------------------------------------------------------------


def rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


def per_1000(part: int, words: int) -> float | None:
    return round(1000 * part / words, 3) if words else None


def _f(v: float | None, digits: int = 1) -> str:
    return "-" if v is None else f"{v:.{digits}f}"


def grammar_findings(report) -> list:
    return [d for d in report.diagnostics if d.category == "grammar"]


def is_target_type(error_type: str) -> bool:
    """The edits this benchmark scores: F/Calque and every G/ subtype."""
    return error_type == CALQUE or error_type.startswith(GRAMMAR_PREFIX)


def around(text: str, start: int, end: int) -> str:
    """The flagged span in ⟦ ⟧ with some text on each side, on one line."""
    left = text[max(0, start - CONTEXT):start]
    right = text[end:end + CONTEXT]
    s = ("…" if start > CONTEXT else "") + left + "⟦" + text[start:end] + "⟧" + right + \
        ("…" if end + CONTEXT < len(text) else "")
    return s.replace("\r", "").replace("\n", "⏎").replace("\t", " ")


def describe(text: str, d) -> str:
    got = d.replacements[0] if d.replacements else "(none)"
    return f"{around(text, d.start, d.end)} -> {got} [{d.rule}]"


def spread(per_rule: dict[str, list[str]], k: int) -> list[str]:
    """Up to k examples taken in turn from each rule, so that one busy rule does not hide the others."""
    out: list[str] = []
    lists = [v for v in per_rule.values() if v]
    i = 0
    while len(out) < k and any(i < len(v) for v in lists):
        for v in lists:
            if i < len(v) and len(out) < k:
                out.append(v[i])
        i += 1
    return out


def _add(examples: list[str], example: str) -> None:
    """Keep up to EXAMPLES distinct examples (a document of the test partition comes once per annotator)."""
    if len(examples) < EXAMPLES and example not in examples:
        examples.append(example)


def words(text: str) -> int:
    return len(text.split())


@dataclass
class Edit:
    start: int
    end: int
    correction: str
    error_type: str
    source: str  # the annotated span as written


def trim(text: str, start: int, end: int, correction: str) -> tuple[int, int, str]:
    """Leave spaces around an edit out of it (UA-GEC spans sometimes take the following space along)."""
    span = text[start:end]
    if not span.strip():
        return start, end, correction
    lead = len(span) - len(span.lstrip())
    tail = len(span) - len(span.rstrip())
    return start + lead, end - tail, correction.strip()


def overlaps(d, e: Edit) -> bool:
    """A finding overlaps an edit; an insertion (empty edit) counts when it lies strictly inside the finding."""
    if e.end == e.start:
        return d.start < e.start < d.end
    return d.start < e.end and e.start < d.end


def _norm(s: str) -> str:
    return " ".join(s.split())


def corrected(text: str, d, edit: Edit, edits: list[Edit]) -> bool:
    """Applying the finding's first replacement gives the same text as applying the annotated corrections inside
    the finding's span (the edit itself, and any other edit there: a fix often spans several annotations, as in
    «згідно [+з] договору → договором»). Spaces are compared collapsed."""
    if not d.replacements:
        return False
    lo, hi = min(d.start, edit.start), max(d.end, edit.end)
    inside = sorted((e for e in edits if lo <= e.start and e.end <= hi), key=lambda e: (e.start, e.end))
    want, pos = [], lo
    for e in inside:
        if e.start < pos:  # overlapping annotations: keep the first
            continue
        want += [text[pos:e.start], e.correction]
        pos = e.end
    want.append(text[pos:hi])
    got = text[lo:d.start] + d.replacements[0] + text[d.end:hi]
    return _norm(got) == _norm("".join(want))


# --- 1 and 2. UA-GEC ----------------------------------------------------------------------------------------------


class GecTally:
    """Recall on F/Calque and G/ edits, precision of grammar findings, false alarms on corrected text."""

    def __init__(self):
        self.edits: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
        self.found_by: dict[str, Counter] = defaultdict(Counter)  # rule -> error types of the edits it found
        self.found_examples: dict[str, list[str]] = defaultdict(list)  # error type -> examples
        self.missed: Counter = Counter()  # (error type, span, correction) lower-cased -> count
        self.precision_sets = {"edit_sentences": self._empty_precision(), "all": self._empty_precision()}
        self.off_examples: dict[str, list[str]] = defaultdict(list)
        self.clean = {"texts": 0, "words": 0, "findings": Counter(), "examples": defaultdict(list)}

    @staticmethod
    def _empty_precision() -> dict:
        return {"findings": Counter(), "on_edit": Counter(), "types": defaultdict(Counter)}

    def edit(self, text: str, e: Edit, findings: list, edits: list[Edit]) -> None:
        over = [d for d in findings if overlaps(d, e)]
        fixed = any(corrected(text, d, e, edits) for d in over)
        self.edits[e.error_type].append((bool(over), fixed))
        for rule in {d.rule for d in over}:
            self.found_by[rule][e.error_type] += 1
        if over:
            d = over[0]
            got = d.replacements[0] if d.replacements else "(none)"
            _add(self.found_examples[e.error_type],
                 f"{e.error_type} «{e.source}» -> «{e.correction}»: {around(text, d.start, d.end)} -> {got} "
                 f"[{d.rule}]{'' if fixed else ' (not the annotated correction)'}")
        else:
            self.missed[(e.error_type, e.source.strip().lower(), e.correction.strip().lower())] += 1

    def precision(self, key: str, text: str, findings: list, edits: list[Edit]) -> None:
        p = self.precision_sets[key]
        for d in findings:
            on = [e for e in edits if overlaps(d, e)]
            p["findings"][d.rule] += 1
            if on:
                p["on_edit"][d.rule] += 1
                for t in {e.error_type for e in on}:
                    p["types"][d.rule][t] += 1
            elif key == "all":
                _add(self.off_examples[d.rule], describe(text, d))

    def false_alarms(self, text: str, findings: list) -> None:
        c = self.clean
        c["texts"] += 1
        c["words"] += words(text)
        for d in findings:
            c["findings"][d.rule] += 1
            _add(c["examples"][d.rule], describe(text, d))

    def result(self) -> dict:
        def stats(got: list[tuple[bool, bool]]) -> dict:
            n = len(got)
            found = sum(f for f, _ in got)
            fixed = sum(c for _, c in got)
            return {"n": n, "found": found, "found_pct": rate(found, n), "corrected": fixed,
                    "corrected_pct": rate(fixed, n)}

        recall = {CALQUE: stats(self.edits.get(CALQUE, []))}
        subtypes = sorted((t for t in self.edits if t.startswith(GRAMMAR_PREFIX)), key=lambda t: (-len(self.edits[t]), t))
        for t in subtypes:
            recall[t] = stats(self.edits[t])
        g_all = [x for t in subtypes for x in self.edits[t]]
        recall["G/* together"] = stats(g_all)
        recall["F/Calque + G/* together"] = stats(g_all + self.edits.get(CALQUE, []))

        precision = {}
        for key, p in self.precision_sets.items():
            total = sum(p["findings"].values())
            on = sum(p["on_edit"].values())
            precision[key] = {
                "findings": total, "on_an_edit": on, "precision": rate(on, total),
                "per_rule": {r: {"findings": n, "on_an_edit": p["on_edit"][r], "precision": rate(p["on_edit"][r], n),
                                 "edit_types": dict(p["types"][r].most_common())}
                             for r, n in sorted(p["findings"].items(), key=lambda kv: (-kv[1], kv[0]))},
            }
        c = self.clean
        total = sum(c["findings"].values())
        return {
            "recall": recall,
            "found_by_rule": {r: dict(v.most_common()) for r, v in
                              sorted(self.found_by.items(), key=lambda kv: -sum(kv[1].values()))},
            "examples_found": spread(self.found_examples, EXAMPLES),
            "most_frequent_missed": [{"error_type": t, "span": s, "correction": c_, "count": n}
                                     for (t, s, c_), n in self.missed.most_common(EXAMPLES)],
            "precision": precision,
            "examples_off_edits": spread(self.off_examples, EXAMPLES),
            "false_alarms": {
                "texts": c["texts"], "words": c["words"], "findings": total,
                "per_1000_words": per_1000(total, c["words"]),
                "per_rule": {r: {"findings": n, "per_1000_words": per_1000(n, c["words"])}
                             for r, n in c["findings"].most_common()},
                "examples": spread(c["examples"], EXAMPLES),
            },
        }


def locate(text: str, edit_rows: list[dict]) -> tuple[list[Edit], Counter]:
    """Place the edits of one sentence in it. Returns the located edits and counts of the skipped target edits."""
    located: list[Edit] = []
    skipped: Counter = Counter()
    pos = 0
    for r in edit_rows:
        span, etype = r["source_span"], r["error_type"]
        if not span:
            if is_target_type(etype):
                skipped["empty"] += 1
            continue
        i = text.find(span, pos)
        if i < 0:
            i = text.find(span)
        if i < 0:
            if is_target_type(etype):
                skipped["not_found"] += 1
            continue
        if is_target_type(etype) and text.count(span) > 1:
            skipped["ambiguous_placed_by_order"] += 1
        pos = i + len(span)
        s, e, corr = trim(text, i, i + len(span), r["correction"])
        located.append(Edit(s, e, corr, etype, span))
    return located, skipped


def gec_train(folder: Path, linter: Linter, limit: int) -> dict:
    t0 = time.perf_counter()
    sentence_rows = list(rows(folder / "uk_uagec_train_sentences.tsv"))
    if limit:
        sentence_rows = sentence_rows[:limit]
    keys = {(r["doc_id"], r["annotator_id"], r["sent_idx"]) for r in sentence_rows}
    groups: dict[tuple, list[dict]] = {}
    for r in rows(folder / "uk_uagec_train_edits.tsv"):
        key = (r["doc_id"], r["annotator_id"], r["sent_idx"])
        if not limit or key in keys:
            groups.setdefault(key, []).append(r)

    cache: dict[str, tuple[list, str | None]] = {}

    def check(text: str):
        got = cache.get(text)
        if got is None:
            report = linter.check(text)
            got = cache[text] = (grammar_findings(report), report.language)
        return got

    tally = GecTally()
    skipped: Counter = Counter()
    located_by_key: dict[tuple, list[Edit]] = {}
    edit_sentences = 0
    not_uk = 0
    for key, edit_rows in groups.items():
        text = edit_rows[0]["source_sentence"]
        located, skip = locate(text, edit_rows)
        located_by_key[key] = located
        skipped += skip
        targets = [e for e in located if is_target_type(e.error_type)]
        if not targets:
            continue
        edit_sentences += 1
        findings, language = check(text)
        not_uk += language != "uk"
        for e in targets:
            tally.edit(text, e, findings, located)
        tally.precision("edit_sentences", text, findings, located)
    t_edits = time.perf_counter() - t0

    source_words = 0
    for r in sentence_rows:
        key = (r["doc_id"], r["annotator_id"], r["sent_idx"])
        text = r["source_sentence"]
        source_words += words(text)
        findings, _ = check(text)
        tally.precision("all", text, findings, located_by_key.get(key, []))
    t_all = time.perf_counter() - t0 - t_edits

    clean_cache: dict[str, list] = {}
    for r in sentence_rows:
        text = r["target_sentence"]
        if text not in clean_cache:
            clean_cache[text] = grammar_findings(linter.check(text))
        tally.false_alarms(text, clean_cache[text])
    out = tally.result()
    out.update({
        "edit_sentences": edit_sentences, "sentences": len(sentence_rows), "source_words": source_words,
        "edit_groups_not_in_sentences_file": sum(1 for k in groups if k not in keys),
        "distinct_source_sentences_checked": len(cache), "distinct_target_sentences_checked": len(clean_cache),
        "skipped_empty": skipped["empty"], "skipped_not_found": skipped["not_found"],
        "ambiguous_placed_by_order": skipped["ambiguous_placed_by_order"],
        "edit_sentences_not_detected_uk": not_uk,
        "seconds": round(time.perf_counter() - t0, 1),
        "seconds_parts": {"edit_sentences": round(t_edits, 1), "all_sources": round(t_all, 1),
                          "targets": round(time.perf_counter() - t0 - t_edits - t_all, 1)},
    })
    return out


def _shift(d, offset: int):
    from dataclasses import replace

    return replace(d, start=d.start + offset, end=d.end + offset)


def check_paragraphs(linter: Linter, text: str) -> tuple[list, list[tuple[int, int, str | None]]]:
    """Grammar findings of a document checked one paragraph (line) at a time, and its sentence spans, in document
    offsets."""
    findings, sent_spans = [], []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            findings += [_shift(d, offset) for d in grammar_findings(linter.check(line))]
            sent_spans += [(s.start + offset, s.end + offset, s.language) for s in Document(line).sentences]
        offset += len(line) + 1
    return findings, sent_spans


def gec_test(linter: Linter, limit: int) -> dict | None:
    try:
        from ua_gec import Corpus
    except ImportError:
        return None
    import ua_gec

    t0 = time.perf_counter()
    tally = GecTally()
    cache: dict[str, tuple] = {}
    clean_cache: dict[str, list] = {}
    docs = mismatched = edit_sentences = 0
    skipped: Counter = Counter()
    source_words = 0
    for doc in Corpus(partition="test"):
        if limit and docs >= limit:
            break
        docs += 1
        text = doc.source
        if text not in cache:
            cache[text] = check_paragraphs(linter, text)
        findings, sent_spans = cache[text]
        source_words += words(text)
        edits: list[Edit] = []
        for a in doc.annotated.get_annotations():
            if text[a.start:a.end] != a.source_text:
                mismatched += 1
                continue
            etype = a.meta.get("error_type") or ""
            corr = a.suggestions[0] if a.suggestions else ""
            s, e, corr = trim(text, a.start, a.end, corr) if a.end > a.start else (a.start, a.end, corr)
            edits.append(Edit(s, e, corr, etype, a.source_text))
        for e in edits:
            if is_target_type(e.error_type):
                if e.end == e.start:
                    skipped["empty"] += 1
                else:
                    tally.edit(text, e, findings, edits)
        # Precision on the sentences with an F/Calque or G/ edit (as for train), and on the whole text.
        marked = [(s, e_) for s, e_, _ in sent_spans
                  if any(is_target_type(x.error_type) and s <= x.start < e_ for x in edits)]
        edit_sentences += len(marked)
        tally.precision("edit_sentences", text, [d for d in findings if any(s <= d.start < e_ for s, e_ in marked)],
                        edits)
        tally.precision("all", text, findings, edits)
        target = doc.target
        if target not in clean_cache:
            clean_cache[target] = check_paragraphs(linter, target)[0]
        tally.false_alarms(target, clean_cache[target])
    out = tally.result()
    out.update({"documents": docs, "edit_sentences": edit_sentences, "source_words": source_words,
                "annotations_not_matching": mismatched, "skipped_empty": skipped["empty"],
                "ua_gec_version": getattr(ua_gec, "__version__", None),
                "seconds": round(time.perf_counter() - t0, 1)})
    return out


# --- 3. RuCoLA ----------------------------------------------------------------------------------------------------

RUCOLA_GROUPS = (
    ("detailed_source USE8", lambda r: r["detailed_source"] == "USE8"),
    ("detailed_source USE5", lambda r: r["detailed_source"] == "USE5"),
    ("detailed_source USE7", lambda r: r["detailed_source"] == "USE7"),
    ("error_type Syntax", lambda r: r["error_type"] == "Syntax"),
    ("error_type Morphology", lambda r: r["error_type"] == "Morphology"),
    ("error_type Semantics", lambda r: r["error_type"] == "Semantics"),
    ("all sentences", lambda r: True),
)


def rucola(folder: Path, linter: Linter, limit: int) -> dict:
    t0 = time.perf_counter()
    data = list(rows(folder / "ru_rucola_train.tsv"))
    if limit:
        data = data[:limit]
    flagged: list[bool] = []
    per_rule = {"0": Counter(), "1": Counter()}
    examples_ok: dict[str, list[str]] = defaultdict(list)
    examples_bad: dict[str, list[str]] = defaultdict(list)
    words_ok = 0
    languages: Counter = Counter()
    for r in data:
        text = r["sentence"]
        report = linter.check(text)
        found = grammar_findings(report)
        languages[report.language] += 1
        flagged.append(bool(found))
        if r["acceptable"] == "1":
            words_ok += words(text)
        for d in found:
            per_rule[r["acceptable"]][d.rule] += 1
            pool = examples_ok if r["acceptable"] == "1" else examples_bad
            _add(pool[d.rule], describe(text, d) + ("" if r["acceptable"] == "1" else
                                                    f" ({r['error_type'] or '-'}, {r['detailed_source']})"))
    groups = {}
    for label, pred in RUCOLA_GROUPS:
        row = {}
        for acc, name in (("0", "unacceptable"), ("1", "acceptable")):
            idx = [i for i, r in enumerate(data) if r["acceptable"] == acc and pred(r)]
            hit = sum(flagged[i] for i in idx)
            row[name] = {"n": len(idx), "flagged": hit, "flagged_pct": rate(hit, len(idx))}
        groups[label] = row
    fp = sum(per_rule["1"].values())
    rules = sorted(set(per_rule["0"]) | set(per_rule["1"]),
                   key=lambda r: (-(per_rule["0"][r] + per_rule["1"][r]), r))
    return {
        "sentences": len(data), "acceptable_words": words_ok,
        "groups": groups,
        "false_alarms": {"findings": fp, "per_1000_words": per_1000(fp, words_ok)},
        "per_rule": {r: {"on_unacceptable": per_rule["0"][r], "on_acceptable": per_rule["1"][r],
                         "acceptable_per_1000_words": per_1000(per_rule["1"][r], words_ok)} for r in rules},
        "examples_on_acceptable": spread(examples_ok, EXAMPLES),
        "examples_on_unacceptable": spread(examples_bad, 8),
        "languages": {str(k): v for k, v in languages.most_common()},
        "seconds": round(time.perf_counter() - t0, 1),
    }


# --- 4. speed -----------------------------------------------------------------------------------------------------


def clear_caches() -> None:
    """Empty clientlint's per-word caches (lexicon and morphology), so that every word is new to the process."""
    from clientlint import lexicon, morphology, suggest

    for fn in (suggest.suggestions, lexicon.is_known, lexicon.zipf, morphology.parses, morphology.is_known,
               morphology.lemmas):
        getattr(fn, "cache_clear", lambda: None)()


def speed(grammar: Linter, budget: float, cold_runs: int) -> dict:
    """``grammar`` is the Linter of the other parts, so that every part measures the same rules (packs may change
    on disk while the script runs)."""
    hygiene = Linter(config={"select": ["hygiene"]})
    ops = {
        "Document(msg).sentences": lambda m: Document(m).sentences,
        "select hygiene": hygiene.check,
        "select grammar": grammar.check,
    }
    samples, rounds = time_interleaved(ops, MESSAGES, budget)
    per_rule = time_each_rule(grammar, MESSAGES, max(5, rounds // 2))
    clock = time.perf_counter
    for lang, msg in MESSAGES.items():
        got = samples[lang].setdefault("select grammar, word caches cleared", [])
        for _ in range(cold_runs):
            clear_caches()
            t0 = clock()
            grammar.check(msg)
            got.append(clock() - t0)
    found = {lang: [f"{msg[d.start:d.end]} -> {d.replacements[0] if d.replacements else '(none)'} [{d.rule}]"
                    for d in grammar.check(msg).diagnostics] for lang, msg in MESSAGES.items()}
    return {
        "rounds": rounds, "cold_runs": cold_runs,
        "words": {lang: words(msg) for lang, msg in MESSAGES.items()},
        "findings": found,
        "rules": len(next(iter(per_rule.values()))),
        "rule_median_ms": {lang: {r: round(statistics.median(v) * 1e3, 4) for r, v in per.items()}
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


def verdict_max(value: float | None, target: float) -> str:
    if value is None:
        return "-"
    return "met" if value <= target else "MISSED"


def render_gec(title: str, r: dict, note: str, test: bool) -> list[str]:
    out = [title, note]
    body = [[k, v["n"], v["found"], _f(v["found_pct"]), v["corrected"], _f(v["corrected_pct"])]
            for k, v in r["recall"].items()]
    out += ["  " + line for line in table(["edit type", "n", "found", "found %", "corrected", "corrected %"], body,
                                          "<rrrrr")]
    if r["found_by_rule"]:
        out.append("  edits found, by rule: " + "; ".join(
            f"{rule} {sum(v.values())} (" + ", ".join(f"{t} {n}" for t, n in v.items()) + ")"
            for rule, v in r["found_by_rule"].items()))
    if r["examples_found"]:
        out.append("  found edits (up to 15, taken in turn from each edit type):")
        out += ["    " + e for e in r["examples_found"]]
    if r["most_frequent_missed"]:
        out.append("  most frequent missed edits (span -> correction, lower-cased):")
        out += [f"    {m['count']:>3}  {m['error_type']:<26} «{m['span']}» -> «{m['correction']}»"
                for m in r["most_frequent_missed"]]
    p, q = r["precision"]["edit_sentences"], r["precision"]["all"]
    where = "sentences (of the text) with an F/Calque or G/ edit" if test else "sentences with an F/Calque or G/ edit"
    out.append(f"  precision on {where}: {p['on_an_edit']} of {p['findings']} grammar findings overlap an annotated "
               f"edit (any type) = {_f(p['precision'])}%")
    out.append(f"  precision on {'all the text' if test else 'all source sentences'}: {q['on_an_edit']} of "
               f"{q['findings']} = {_f(q['precision'])}%")
    rules = list(dict.fromkeys(list(p["per_rule"]) + list(q["per_rule"])))
    if rules:
        body = []
        for rule in rules:
            a = p["per_rule"].get(rule, {"findings": 0, "on_an_edit": 0, "precision": None})
            b = q["per_rule"].get(rule, {"findings": 0, "on_an_edit": 0, "precision": None, "edit_types": {}})
            types = ", ".join(f"{t} {n}" for t, n in list(b["edit_types"].items())[:3])
            body.append([rule, a["findings"], a["on_an_edit"], _f(a["precision"]), b["findings"], b["on_an_edit"],
                         _f(b["precision"]), types])
        out += ["  " + line for line in table(
            ["rule", "findings", "on an edit", "precision %", "findings (all)", "on an edit (all)",
             "precision % (all)", "edit types hit (all)"], body, "<rrrrrr<")]
    if r["examples_off_edits"]:
        out.append("  findings on no annotated edit (up to 15):")
        out += ["    " + e for e in r["examples_off_edits"]]
    fa = r["false_alarms"]
    out.append(f"  false alarms on the corrected {'documents' if test else 'sentences'}: {fa['findings']} grammar "
               f"findings in {fa['words']} words ({fa['texts']} {'documents' if test else 'sentences'}) = "
               f"{_f(fa['per_1000_words'], 3)} per 1,000 words; target <= {TARGET_FALSE_PER_1000:g}: "
               f"{verdict_max(fa['per_1000_words'], TARGET_FALSE_PER_1000)}")
    if fa["per_rule"]:
        body = [[rule, v["findings"], _f(v["per_1000_words"], 3)] for rule, v in fa["per_rule"].items()]
        out += ["  " + line for line in table(["rule", "findings", "per 1,000 words"], body, "<rr")]
        out.append("  examples on corrected text (up to 15):")
        out += ["    " + e for e in fa["examples"]]
    return out


def render_rucola(r: dict) -> list[str]:
    out = [f"3. RuCoLA train (ru_rucola_train.tsv): share of sentences with any grammar finding; {r['sentences']} "
           f"sentences, detected as: " + ", ".join(f"{k} {v}" for k, v in r["languages"].items()) +
           f"; {r['seconds']} s"]
    body = []
    for label, g in r["groups"].items():
        u, a = g["unacceptable"], g["acceptable"]
        body.append([label, u["n"], u["flagged"], _f(u["flagged_pct"]), a["n"], a["flagged"], _f(a["flagged_pct"])])
    out += ["  " + line for line in table(
        ["sentences", "unacceptable", "flagged", "flagged %", "acceptable", "flagged", "flagged % (false positives)"],
        body, "<rrrrrr")]
    fa = r["false_alarms"]
    out.append(f"  false alarms on acceptable sentences: {fa['findings']} grammar findings in {r['acceptable_words']} "
               f"words = {_f(fa['per_1000_words'], 3)} per 1,000 words; target <= {TARGET_FALSE_PER_1000:g}: "
               f"{verdict_max(fa['per_1000_words'], TARGET_FALSE_PER_1000)}")
    if r["per_rule"]:
        body = [[rule, v["on_unacceptable"], v["on_acceptable"], _f(v["acceptable_per_1000_words"], 3)]
                for rule, v in r["per_rule"].items()]
        out += ["  " + line for line in table(
            ["rule", "on unacceptable", "on acceptable", "acceptable per 1,000 words"], body, "<rrr")]
    if r["examples_on_acceptable"]:
        out.append("  findings on acceptable sentences (up to 15):")
        out += ["    " + e for e in r["examples_on_acceptable"]]
    if r["examples_on_unacceptable"]:
        out.append("  findings on unacceptable sentences (up to 8; error type, source):")
        out += ["    " + e for e in r["examples_on_unacceptable"]]
    return out


def render_speed(sp: dict) -> list[str]:
    out = [f"4. Speed, one message of ~150 words, ms ({sp['rounds']} warm rounds; {sp['cold_runs']} runs with the "
           f"word caches cleared; {sp['rules']} grammar rules)"]
    langs = list(sp["ms"])
    out += speed_table(sp)
    worst = max(sp["ms"][lang]["select grammar"]["median"] for lang in langs)
    worst95 = max(sp["ms"][lang]["select grammar"]["p95"] for lang in langs)
    out.append(f"target warm <= {TARGET_WARM_MS:g} ms (select grammar): slowest median {worst:.3f} ms "
               f"({'met' if worst <= TARGET_WARM_MS else 'MISSED'}), slowest p95 {worst95:.3f} ms")
    out.append("each grammar rule alone on a built Document, median ms")
    out += rule_table(sp)
    return out


def render(res: dict) -> str:
    m = res["machine"]
    out = [f"Machine: {m['cpu_count']} CPUs, {m['platform']}, Python {m['python']}; clientlint {m['clientlint']}; "
           f"{m['tree']}; load average at start {m['load_average']}",
           f"Linter(config={{'select': ['grammar']}}): {len(res['grammar_rules'])} rules: "
           + ", ".join(res["grammar_rules"]), ""]
    if res.get("corpora_missing"):
        out += [f"corpora not found at {res['corpora']}; parts 1 and 3 skipped", ""]
    if res.get("limit"):
        out += [f"--limit {res['limit']}: at most {res['limit']} sentences (train, RuCoLA) or documents (test)", ""]
    if res.get("gec_train"):
        r = res["gec_train"]
        note = (f"  {r['edit_sentences']} sentences (sentence x annotator) with an F/Calque or G/ edit, of "
                f"{r['sentences']} in the sentences file ({r['distinct_source_sentences_checked']} distinct source "
                f"sentences checked); skipped {r['skipped_empty']} F/Calque or G/ edits with an empty span and "
                f"{r['skipped_not_found']} whose span is not in the sentence; {r['ambiguous_placed_by_order']} spans "
                f"occur more than once (placed by edit order); {r['edit_sentences_not_detected_uk']} of those "
                f"sentences not detected as uk; {r['seconds']} s")
        out += render_gec("1. UA-GEC train, F/Calque and G/ edits (uk_uagec_train_edits.tsv, "
                          "uk_uagec_train_sentences.tsv)", r, note, test=False) + [""]
    if "gec_test" in res:
        r = res["gec_test"]
        if r is None:
            out += ["2. UA-GEC test: the ua_gec package is not installed (pip install -e .[bench]); skipped", ""]
        else:
            note = (f"  {r['documents']} annotated documents (document x annotator), checked paragraph by paragraph; "
                    f"{r['edit_sentences']} sentences with an F/Calque or G/ edit; {r['skipped_empty']} insertions "
                    f"skipped (counted in precision and 'corrected' when inside a finding); "
                    f"{r['annotations_not_matching']} annotations not matching the text; {r['seconds']} s. "
                    f"Report only, never tune on it.")
            out += render_gec(f"2. UA-GEC test (ua_gec {r['ua_gec_version']})", r, note, test=True) + [""]
    if res.get("rucola"):
        out += render_rucola(res["rucola"]) + [""]
    out += render_speed(res["speed"])
    targets = []
    for key, label in (("gec_train", "UA-GEC train corrected"), ("gec_test", "UA-GEC test corrected")):
        if res.get(key):
            v = res[key]["false_alarms"]["per_1000_words"]
            targets.append(f"false alarms, {label}: {_f(v, 3)} per 1,000 words (<= {TARGET_FALSE_PER_1000:g}: "
                           f"{verdict_max(v, TARGET_FALSE_PER_1000)})")
    if res.get("rucola"):
        v = res["rucola"]["false_alarms"]["per_1000_words"]
        targets.append(f"false alarms, RuCoLA acceptable: {_f(v, 3)} per 1,000 words (<= {TARGET_FALSE_PER_1000:g}: "
                       f"{verdict_max(v, TARGET_FALSE_PER_1000)})")
    sp = res["speed"]["ms"]
    worst = max(v["select grammar"]["median"] for v in sp.values())
    targets.append(f"speed, select grammar, warm median: {worst:.3f} ms (<= {TARGET_WARM_MS:g}: "
                   f"{verdict_max(worst, TARGET_WARM_MS)})")
    out += ["", "Targets (from the issue)"] + ["  " + t for t in targets]
    out.append(f"\ntotal {res['seconds']:.0f} s; load average at the end {res['machine']['load_average_end']}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT)
    ap.add_argument("--no-gec", action="store_true", help="skip the UA-GEC parts (train and test)")
    ap.add_argument("--limit", type=int, default=0,
                    help="at most N sentences of UA-GEC train and RuCoLA, N documents of UA-GEC test (0: all)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    args = ap.parse_args(argv)
    if args.limit < 0:
        ap.error("--limit must be >= 0")
    started = time.perf_counter()
    linter = Linter(config={"select": ["grammar"]})
    res: dict = {
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "clientlint": clientlint.__version__, "tree": tree_state(),
                    "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg())
                    if hasattr(os, "getloadavg") else "-"},
        "corpora": str(args.corpora), "limit": args.limit,
        "grammar_rules": [r.meta.id for r in linter.active_rules(linter.config.settings_for(None))],
        "targets": {"false_alarms_per_1000_words": TARGET_FALSE_PER_1000, "warm_ms": TARGET_WARM_MS},
    }
    if args.corpora.is_dir():
        if not args.no_gec:
            res["gec_train"] = gec_train(args.corpora, linter, args.limit)
    else:
        res["corpora_missing"] = True
    if not args.no_gec:
        res["gec_test"] = gec_test(linter, args.limit)
    if args.corpora.is_dir():
        res["rucola"] = rucola(args.corpora, linter, args.limit)
    res["speed"] = speed(linter, budget=3.0, cold_runs=20)
    res["seconds"] = time.perf_counter() - started
    res["machine"]["load_average_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg()) \
        if hasattr(os, "getloadavg") else "-"
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
