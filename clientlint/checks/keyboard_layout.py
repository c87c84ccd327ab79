"""Text typed in the wrong keyboard layout: «ghbdtn» for «привет», «cgfcb,j» for «спасибо», «руддщ» for "hello".

How it works
------------
*Latin typed for Cyrillic.* On the Russian and Ukrainian layouts the punctuation keys of the English layout are
letters (``,`` «б», ``.`` «ю», ``;`` «ж», ``'`` «э»/«є», ``[`` «х», ``]`` «ъ»/«ї», backtick «ё»/apostrophe, Shift
variants ``< > : " { } ~``), so word tokens are not enough: the check scans *runs* of Latin letters and those
keys (inner hyphens kept) in the prose with the masked regions — links, e-mails, code, placeholders — blanked out,
keeping offsets. A run glued to a digit, to a letter of another script or to ``@ # / _ \\ | = & % + * $ ^``
(handles, paths, codes) is skipped; ``? / & ^ $`` right after a run are the Russian layout's punctuation typed on
the English one («pfrfp&» is «заказ?») and do not count as glue. Punctuation at the ends of a run may be real
punctuation: the longest trimmed span whose conversion is a word wins, except that a final ``. , ; : ' "`` is
taken as punctuation when the word without it is more common («kbcn.» is «лист.», not «листю»).

A span is a *candidate* when (a) it is not English as it stands (an English word, or English words joined by
punctuation: "it.", "i.e", "e-mail"), (b) converted with the Russian or the Ukrainian layout it is a dictionary
word of that language, and (c) the conversion has at least three letters. *Choosing the layout:* the layouts
differ only on ``s ] ' ` \\`` (and Shift); the one whose conversion is a word wins; when both are, the language of
the sentence (then of the message) decides, then the more frequent word. The conversion must have a normal case
shape (lower, Title, or ALL CAPS of at least five letters, so abbreviations stay quiet; no camelCase: iPhone), and
a capitalised word that does not start a sentence (a brand?) counts only when its conversion is a common word.

*Cyrillic typed for English.* A Cyrillic word token that neither the Russian nor the Ukrainian dictionary knows and
that, converted key by key, is an English word («руддщ» → "hello"; «вщтэе» → "don't"; a final «б»/«ю» is a comma
or a full stop: «руддщб» → "hello,").

*Evidence.* A dictionary hit alone is not enough: short strings collide by chance ("fbi" would be «аиш»). A
character-bigram model of each language (built on first use from the 20,000 most frequent words of wordfreq)
scores the typed string and its conversion; their difference, plus a bonus for a common intended word, is the
evidence. How much is needed depends on the sentence around the candidate (the words outside it):

- a sentence of ordinary English words: Latin candidates are slang, names or abbreviations ("idk", "ndp") unless
  there are two or more of them and one is strong;
- a sentence of ordinary Russian or Ukrainian words: a Latin candidate needs little more (a term is rarely also a
  Russian word), but a lone unknown Cyrillic word is usually a typo, so it needs strong evidence, a common English
  conversion, and no Russian or Ukrainian word one edit away;
- otherwise (a sentence typed wholly in the wrong layout, or a short one): two or more candidates in the sentence
  back each other up; a lone one needs moderate evidence, strong evidence if it has three letters.

A candidate whose typed string is itself in use (English Zipf ≥ 2: "csv", "jwt", "idk"; or Russian/Ukrainian
slang) neither backs others up nor decides a phrase (it may still ride in one: «dct ujnjdj» → «все готово»); a
lone candidate whose conversion is only a name or an abbreviation ("rfq" → «Кай») is dropped.

*Phrases.* Neighbouring candidates separated only by spaces are reported as one finding with one suggestion
(«ghbdtn vbh» → «привет мир»). One- and two-letter runs next to them join the phrase when their conversion is a
common short word («Vs gjkexbkb» → «Мы получили»); alone they are never reported.

The suggestion keeps the original capitalisation (the conversion is key by key, Shift included). The fix is safe
when every word of the conversion has a Zipf frequency of at least 3, unsafe otherwise. Latin slips are described
in the language the writer meant to write (Russian or Ukrainian); Cyrillic slips in the sentence's language.
Every judgement of a run or word is cached, so a warm check costs well under a millisecond per message.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
from collections import Counter
from functools import lru_cache

from . import Check
from .. import lexicon, morphology
from ..morphology import normalize

_EN_LOWER = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_EN_UPPER = 'QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>~'
_RU_LOWER = "йцукенгшщзхъфывапролджэячсмитьбюё"
_RU_UPPER = "ЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"
_UK_LOWER = "йцукенгшщзхїфівапролджєячсмитьбю'"
_UK_UPPER = "ЙЦУКЕНГШЩЗХЇФІВАПРОЛДЖЄЯЧСМИТЬБЮ"

EN_TO_RU = dict(zip(_EN_LOWER + _EN_UPPER, _RU_LOWER + _RU_UPPER))
EN_TO_UK = dict(zip(_EN_LOWER + _EN_UPPER[:-1], _UK_LOWER + _UK_UPPER))  # Shift+` is no letter in uk
EN_TO_UK.update({"\\": "ґ", "|": "Ґ"})
CYR_TO_EN = {cyr: en for table in (EN_TO_RU, EN_TO_UK) for en, cyr in table.items() if cyr.isalpha()}
LAYOUTS = {"ru": EN_TO_RU, "uk": EN_TO_UK}

_KEY_PUNCT = "".join(sorted(c for c in set(EN_TO_RU) | set(EN_TO_UK) if not c.isalpha()))
_RUN_CHAR = r"[A-Za-z" + re.escape(_KEY_PUNCT) + r"]"
_LATIN_RUN = re.compile(_RUN_CHAR + r"+(?:[-\u2011]" + _RUN_CHAR + r"+)*")
_LATIN = re.compile(r"[A-Za-z]")
_HYPHENS = "-\u2011"
# A run glued to one of these is a handle, a path, a code or markup, not prose.
_CODE_NEIGHBOURS = frozenset("@#/_\\|=&%+*$^\ue000")
_LAYOUT_PUNCT = frozenset("/&^$")
_EN_WORD = re.compile(r"^[A-Za-z]+(?:'[A-Za-z]+)*(?:-[A-Za-z]+(?:'[A-Za-z]+)*)*[,.;:]?$")
_FINAL_PUNCT = ".,;:'\""  # may end a run as punctuation rather than as a letter key
_CONTRACTION_TAILS = frozenset({"ll", "ve", "re", "s", "d", "m", "t"})

SAFE_ZIPF = 3.0  # the fix is safe when the intended word is at least this common
BRAND_ZIPF = 3.0  # a capitalised candidate (a brand?) counts only when its conversion is this common
SHORT_ZIPF = 4.0  # a one- or two-letter run joins a phrase only when its conversion is this common
ONE_LETTER = {"ru": frozenset("вкосяиуа"), "uk": frozenset("вйзіоуа"), "en": frozenset("ai")}
CYR_LANGS = ("ru", "uk")

# Evidence: bigram gain (target minus source, mean log-probability per letter pair) plus a bonus for a common
# intended word. Tuned on common words typed in the wrong layout against slang, names and typos.
EVIDENCE = 0.3  # a lone candidate
EVIDENCE_SHORT = 1.0  # a lone candidate of three letters («utd»)
EVIDENCE_SUPPORTED = 0.0  # one of two or more candidates in a sentence
EVIDENCE_AMONG_ENGLISH = 1.0  # a Latin candidate in a sentence of English words (two or more needed)
EVIDENCE_LATIN_AMONG_NATIVE = -1.0  # a Latin candidate in a sentence of Russian or Ukrainian words
EVIDENCE_AMONG_NATIVE = 1.0  # a lone unknown Cyrillic word in a sentence of Russian or Ukrainian words
DOMINANT_SHARE = 0.6
IN_USE_ZIPF = 2.0  # a lone candidate this common as it stands ("csv", "idk", «фсе») is a term or slang


# --- letter-pair models --------------------------------------------------------------------------------------

_MODEL_WORDS = 20000
_models: dict[str, tuple[dict, dict, int]] = {}
_model_lock = threading.Lock()


def _model(lang: str):
    found = _models.get(lang)
    if found is not None:
        return found
    with _model_lock:
        if lang not in _models:
            import wordfreq  # a dependency of the lexicon; imported only when a candidate needs judging

            pairs: Counter = Counter()
            firsts: Counter = Counter()
            for word in wordfreq.top_n_list(lang, _MODEL_WORDS, wordlist=lexicon.FREQUENCY_LIST):
                if not all(c.isalpha() or c == "'" for c in word):
                    continue
                w = "^" + word + "$"
                for a, b in zip(w, w[1:]):
                    pairs[a + b] += 1
                    firsts[a] += 1
            _models[lang] = (dict(pairs), dict(firsts), len(firsts) + 1)
    return _models[lang]


def plausibility(word: str, lang: str) -> float:
    """How much ``word`` looks like a word of ``lang``: mean log-probability of its letter pairs."""
    pairs, firsts, size = _model(lang)
    w = "^" + normalize(word) + "$"
    total = 0.0
    for a, b in zip(w, w[1:]):
        total += math.log((pairs.get(a + b, 0) + 0.1) / (firsts.get(a, 0) + 0.1 * size))
    return total / (len(w) - 1)


# --- helpers -------------------------------------------------------------------------------------------------

_TABLES = {lang: str.maketrans(table) for lang, table in LAYOUTS.items()}
_CYR_TO_EN_TABLE = str.maketrans(CYR_TO_EN)


def _convert(s: str, lang: str) -> str | None:
    """``s`` typed on the English layout, as the ``lang`` layout reads it; None when a key has no letter there."""
    if lang == "uk" and "~" in s:
        return None
    return s.translate(_TABLES[lang])


def _parts(s: str) -> list[str]:
    return [w for w in re.split(r"[-\u2011]", s) if w]


def _known(s: str, lang: str) -> bool:
    """Whether ``s`` (maybe hyphenated) is a word of ``lang``."""
    if lexicon.is_known(s, lang):
        return True
    parts = _parts(s)
    return len(parts) > 1 and all(lexicon.is_known(p, lang) for p in parts)


def _zipf(s: str, lang: str) -> float:
    """Zipf frequency of a word; of its rarest part for a hyphenated one («кое-что»)."""
    z = lexicon.zipf(s, lang)
    if "ё" in s.lower():  # «платёж» is mostly written «платеж»
        z = max(z, lexicon.zipf(s.lower().replace("ё", "е"), lang))
    if z:
        return z
    parts = [p for p in re.split(r"[^\w']+", s) if p]
    return min((lexicon.zipf(p, lang) for p in parts), default=0.0) if len(parts) > 1 else 0.0


def _letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def _is_english(s: str) -> bool:
    """Whether a Latin span is English as it stands: a word, or words joined by punctuation ("i.e", "e-mail")."""
    if lexicon.is_known(s, "en"):
        return True
    parts = [p for p in re.split(r"[^A-Za-z']+", s) if p]
    if len(parts) > 1 and all(lexicon.is_known(p, "en") for p in parts):
        if all(c.isalpha() or c in _HYPHENS + "'" for c in s):
            return True  # "e-mail", "follow-up"
        return all(len(p) >= 2 and lexicon.zipf(p, "en") >= 4 for p in parts)
    return False


def _case_shape_ok(s: str) -> bool:
    """lower, Title or ALL CAPS (from five letters: shorter ones are abbreviations); not camelCase."""
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return len(letters) >= 5
    return not any(c.isupper() for c in letters[1:])


def _short_word_ok(conv: str, lang: str) -> bool:
    if len(conv) == 1:
        return conv.lower() in ONE_LETTER[lang]
    return lexicon.is_known(conv, lang) and lexicon.zipf(conv, lang) >= SHORT_ZIPF


def _glued(prose: str, start: int, end: int) -> bool:
    """Whether a run touches a digit, a letter of another script or a code character.

    ``? / & ^ $`` right after a run and before a space are the punctuation of the Russian layout typed on the
    English one («pfrfp&» is «заказ?»), not code.
    """
    for i in (start - 1, end):
        if 0 <= i < len(prose):
            ch = prose[i]
            if ch in _LAYOUT_PUNCT and i == end and (i + 1 == len(prose) or prose[i + 1].isspace()):
                continue
            if ch in _CODE_NEIGHBOURS or ch.isalnum():
                return True
    return False


class _Hit:
    """A span that converts to a word: ``target`` is the language of the conversion."""

    __slots__ = ("start", "end", "conv", "target", "source_word", "zipf", "short", "english_core")

    def __init__(self, start, end, conv, target, source_word, zipf, short=False, english_core=False):
        self.start, self.end, self.conv, self.target = start, end, conv, target
        self.source_word, self.zipf, self.short = source_word, zipf, short
        self.english_core = english_core  # «'ne», «yt.»: a short English word with a letter-key beside it

    @property
    def latin_source(self) -> bool:
        return self.target != "en"

    def source_zipf(self) -> float:
        """How common the typed string is as it stands (in English for Latin, Russian or Ukrainian for Cyrillic)."""
        if self.latin_source:
            return lexicon.zipf(self.source_word, "en")
        return max(lexicon.zipf(self.source_word, lang) for lang in CYR_LANGS)

    def evidence(self) -> float:
        """Bigram gain of the target over the source, plus a bonus for a common intended word."""
        if self.latin_source:
            gain = plausibility(self.conv, self.target) - plausibility(self.source_word, "en")
        else:
            core = self.conv.rstrip(",.;:")
            gain = plausibility(core, "en") - max(plausibility(self.source_word, lang) for lang in CYR_LANGS)
        return gain + 0.5 * max(0.0, self.zipf - 4.0)


class KeyboardLayout(Check):
    META = {
        "id": "spelling.keyboard-layout",
        "category": "spelling",
        "severity": "error",
        "languages": ["any"],
        "fix": "safe",
        "message": {
            "ru": "«{match}» набрано не в той раскладке клавиатуры. Вы хотели написать «{suggestion}».",
            "uk": "«{match}» набрано не в тій розкладці клавіатури. Ви хотіли написати «{suggestion}».",
            "en": "“{match}” was typed with the wrong keyboard layout. You meant “{suggestion}”.",
        },
        "description": (
            "A word typed with the wrong keyboard layout switched on («ghbdtn» for «привет», «руддщ» for “hello”) "
            "is gibberish to the client: a greeting or a key word they cannot read, in a message that looks sent in "
            "a hurry. The check converts the text key by key between the English layout and the Russian or "
            "Ukrainian one (the punctuation keys are letters there: «cgfcb,j» is «спасибо») and flags it only when "
            "the text is no English word, its conversion is a dictionary word, and the conversion looks far more "
            "like its language than the text does. Abbreviations in capitals, brand names, slang in English "
            "sentences, links and code are left alone. The fix is safe when the intended word is a common one."
        ),
        "examples": {
            "bad": [
                {"text": "<<Ghbdtn>>, Анна! Счёт во вложении.", "suggestion": "Привет"},
                {"text": "Большое <<cgfcb,j>> за ожидание.", "suggestion": "спасибо"},
                {"text": "Щиро <<lzre.>> за відгук!", "suggestion": "дякую"},
                {"text": "<<Руддщ>> Maria, the invoice is attached.", "suggestion": "Hello"},
                {"text": "Мы уже <<gjkexbkb dfie pfzdre>>, ответим сегодня.", "suggestion": "получили вашу заявку"},
                {"text": "Ми отримали ваш <<kbcn>> і відповімо завтра.", "suggestion": "лист"},
            ],
            "good": [
                "Привет, Анна! Счёт во вложении.",
                "Hello Maria, the CRM export and the Zoom link are ready, ok?",
                "Ми надіслали звіт у Google Docs, а договір — Новою Поштою.",
                "Заказ отправлен в Rozetka, трекинг на https://example.com/ghbdtn.",
                "Модели A4 и X5 есть на складе, пишите на sales@example.com.",
                "Your iPhone and the LTD paperwork arrive on Monday, i.e. next week.",
                "idk if the fbi guys will join the call tht day.",
            ],
        },
    }

    def check(self, doc):
        text = doc.text
        if not text:
            return
        sentences = doc.sentences
        starts = [s.start for s in sentences]
        doc_lang = doc.language

        def sentence_at(pos: int):
            i = bisect.bisect_right(starts, pos) - 1
            return sentences[i] if i >= 0 else None

        def context(pos: int) -> str | None:
            sentence = sentence_at(pos)
            lang = sentence.language if sentence is not None else None
            if lang in CYR_LANGS:
                return lang
            return doc_lang if doc_lang in CYR_LANGS else None

        first_words = set()
        for sentence in sentences:
            first = next((t for t in sentence.tokens if t.kind != "punct"), None)
            if first is not None:
                first_words.add(first.start)
                # a run may start with a punctuation key: «<fyr» is «Банк»
                first_words.update(t.start for t in sentence.tokens[: first.index] if t.text in _KEY_PUNCT)

        hits: list[_Hit] = []
        riders = []  # one- and two-letter runs: judged only when there is a candidate for them to join
        prose = doc.prose
        english_core_ok = doc_lang != "en"
        for m in _LATIN_RUN.finditer(prose):
            start, run = m.start(), m.group()
            if not _LATIN.search(run) or _glued(prose, start, m.end()):
                continue
            if len(run) <= 2 and run.isalpha():
                riders.append((start, run))
                continue
            found = _judge_latin_run(run, context(start), start in first_words, english_core_ok)
            if found is not None:
                a, b, conv, lang, zipf, english_core, short = found
                hits.append(_Hit(start + a, start + b, conv, lang, text[start + a:start + b], zipf, short,
                                 english_core))
        for sentence in sentences:
            for token in sentence.tokens:
                if token.kind == "word" and not _LATIN.search(token.text):
                    found = _judge_cyrillic_word(token.text, token.start in first_words)
                    if found is not None:
                        conv, zipf, short = found
                        hits.append(_Hit(token.start, token.end, conv, "en", token.text, zipf, short))
        if all(h.short for h in hits):
            return  # nothing to report (and nothing to look up in the frequency lists)
        for start, run in riders:
            found = _judge_latin_run(run, context(start), start in first_words, english_core_ok)
            if found is not None:
                a, b, conv, lang, zipf, english_core, short = found
                hits.append(_Hit(start + a, start + b, conv, lang, run[a:b], zipf, short, english_core))
        hits = [h for h in hits if not h.short or _short_word_ok(h.conv, h.target)]
        hits.sort(key=lambda h: h.start)

        phrases = _phrases(text, hits)
        # Distinct candidates per sentence and direction that are not themselves in use: slips back each other up,
        # slang and abbreviations ("idk", "fbi", "csv") do not.
        support: dict[tuple, set] = {}
        for phrase in phrases:
            key = (id(sentence_at(phrase[0].start)), phrase[0].latin_source)
            support.setdefault(key, set()).update(
                h.source_word.lower() for h in phrase if not h.short and h.source_zipf() < IN_USE_ZIPF
            )
        for phrase in phrases:
            sentence = sentence_at(phrase[0].start)
            found = support[id(sentence), phrase[0].latin_source]
            if not self._enough_evidence(phrase, sentence, len(found)):
                continue
            start, end = phrase[0].start, phrase[-1].end
            pieces = []
            for a, b in zip(phrase, phrase[1:]):
                pieces += [a.conv, text[a.end:b.start]]
            pieces.append(phrase[-1].conv)
            safe = all(h.zipf >= SAFE_ZIPF for h in phrase if not h.short)
            if phrase[0].latin_source:
                lang = phrase[0].target  # the writer meant to write Russian or Ukrainian: tell them in it
            else:
                lang = sentence.language if sentence is not None else None
                if lang not in ("ru", "uk", "en"):
                    lang = doc_lang if doc_lang in ("ru", "uk") else "en"
            yield self.diagnostic(start, end, ["".join(pieces)], lang=lang, fix="safe" if safe else "unsafe",
                                  match=text[start:end])

    # --- evidence ------------------------------------------------------------------------------------------

    def _enough_evidence(self, phrase: list[_Hit], sentence, support: int) -> bool:
        """Whether a phrase is a slip: see the module docstring. ``support`` counts the distinct candidates of
        the same direction in the sentence (two or more slips in one sentence back each other up)."""
        setting = _setting(sentence, phrase[0].start, phrase[-1].end)
        # «'ne» or «yt.» (a short English word beside a letter key) counts only in a Russian or Ukrainian sentence.
        words = [h for h in phrase if not h.short and (not h.english_core or setting == "cyr")]
        # A candidate that is itself in use ("csv", "idk", «фсе») is an abbreviation or slang: it may ride in a
        # phrase but never decides one.
        words = [h for h in words if h.source_zipf() < IN_USE_ZIPF]
        if support < 2:
            # A lone candidate whose conversion is only a name or an abbreviation ("rfq" «Кай») is a coincidence.
            words = [h for h in words if not _only_name(h.conv, h.target)]
        if not words:
            return False
        latin = words[0].latin_source
        if latin and setting == "en":
            # Slang, names and abbreviations in an English sentence: only several strong slips count.
            return support >= 2 and any(h.evidence() >= EVIDENCE_AMONG_ENGLISH for h in words)
        if latin and setting == "cyr":
            # A Latin word in a Russian or Ukrainian sentence is an English term or a slip; a term is rarely also
            # a Russian or Ukrainian word, so little more is needed.
            return any(h.evidence() >= EVIDENCE_LATIN_AMONG_NATIVE and (h.zipf >= SAFE_ZIPF or h.evidence() >= EVIDENCE)
                       for h in words)
        if not latin and setting == "cyr" and support < 2:
            # One unknown word among Russian or Ukrainian ones is usually a typo or slang.
            return any(h.zipf >= SAFE_ZIPF and h.evidence() >= EVIDENCE_AMONG_NATIVE
                       and not _near_native_word(h.source_word) for h in words)
        if support >= 2:
            return any(h.evidence() >= EVIDENCE_SUPPORTED for h in words)
        return any(h.evidence() >= EVIDENCE_SHORT and h.zipf >= SAFE_ZIPF if _letters(h.source_word) <= 3
                   else h.evidence() >= EVIDENCE for h in words)


# --- Latin typed for Cyrillic --------------------------------------------------------------------------------

@lru_cache(maxsize=100_000)
def _judge_latin_run(run: str, context: str | None, at_sentence_start: bool, english_core_ok: bool = True):
    """The best span of a Latin run that converts to a word: (start, end, conversion, language, zipf,
    english_core, short) with offsets into ``run``; None when there is none. Cached: runs repeat.

    ``english_core_ok``: whether a short English word with a letter key beside it («'ne», «yt.») may be a slip
    (not in an English message, where "it." is "it" and a full stop).
    """
    lead = len(run) - len(run.lstrip(_KEY_PUNCT))
    trail = len(run) - len(run.rstrip(_KEY_PUNCT))
    core = run[lead:len(run) - trail]
    if not core:
        return None
    if run[:1] in "'\u2019" and core.lower() in _CONTRACTION_TAILS:
        return None  # "i 'll", "we 've"
    letters = [c for c in run if c.isalpha()]
    if 1 < len(letters) < 5 and all(c.isupper() for c in letters):
        return None  # an abbreviation: "CRM", "UTC."
    if (_letters(core) >= 3 or not english_core_ok) and _is_english(core):
        return None  # an English word, maybe with punctuation: no dictionary of ru/uk needs to be opened
    spans = sorted(
        ((a, len(run) - b) for a in range(lead + 1) for b in range(trail + 1)),
        key=lambda ab: (-(ab[1] - ab[0]), ab[0]),
    )
    english = None
    best = None
    for a, b in spans:
        span = run[a:b]
        options = _conversions(span)
        if not options or _letters(options[0][1]) < 3:
            continue
        if english is None:
            english = _is_english(core)
        if english and _letters(core) >= 3 or _is_english(span):
            return None  # "it's", "ok." — but «'ne» is «эту», not "ne"
        lang, conv = _pick_layout(options, context)
        if not _case_shape_ok(conv):
            continue
        zipf = _zipf(conv, lang)
        if conv[:1].isupper() and zipf < BRAND_ZIPF and not at_sentence_start:
            continue
        if best is None:
            best = (a, b, conv, lang, zipf, english, False)  # the longest span that is a word
        elif a == best[0] and zipf > best[4] and not run[b:best[1]].strip(_FINAL_PUNCT):
            # «kbcn.» is «лист» and a full stop rather than the rare «листю»
            best = (a, b, conv, lang, zipf, english, False)
    if best is not None:
        return best
    # A one- or two-letter run may still join a phrase («Vs gjkexbkb»); it is checked only then (_short_word_ok).
    if lead == trail == 0 and _letters(run) <= 2 and run.isalpha():
        options = _conversions(run)
        if options:
            lang, conv = _pick_layout(options, context, by_frequency=False)
            if len(conv) == 1 or conv[1:].islower():
                return (0, len(run), conv, lang, None, False, True)
    return None


def _conversions(span: str) -> list[tuple[str, str]]:
    """[(language, conversion)] for each layout whose conversion of ``span`` is a word of its language."""
    found = []
    for lang in CYR_LANGS:
        conv = _convert(span, lang)
        if conv is not None and _known(conv, lang):
            found.append((lang, conv))
    return found


def _pick_layout(options: list[tuple[str, str]], context: str | None, by_frequency: bool = True) -> tuple[str, str]:
    """The layout of the sentence's language when both give words, else the more frequent word."""
    if len(options) == 1:
        return options[0]
    for option in options:
        if option[0] == context:
            return option
    if not by_frequency or len({conv for _, conv in options}) == 1:
        return options[0]  # the same letters either way (or a short run, not worth loading the frequencies)
    return max(options, key=lambda f: _zipf(f[1], f[0]))


# --- Cyrillic typed for English ------------------------------------------------------------------------------

@lru_cache(maxsize=100_000)
def _judge_cyrillic_word(word: str, at_sentence_start: bool):
    """(conversion, zipf, short) when a Cyrillic word converts to an English word; None otherwise. Cached."""
    if not all(c in CYR_TO_EN or c in _HYPHENS for c in word):
        return None
    if any(lexicon.is_known(word, lang) for lang in CYR_LANGS):
        return None
    parts = _parts(word)
    if len(parts) > 1 and (any(len(p) < 3 for p in parts)
                           or all(any(lexicon.is_known(p, lang) for lang in CYR_LANGS) for p in parts)):
        return None
    conv = word.translate(_CYR_TO_EN_TABLE)
    if not _EN_WORD.match(conv):
        return None
    core = conv.rstrip(",.;:")
    if _letters(word) <= 2:
        return (conv, None, True) if core == conv else None  # may join a phrase, checked then
    if _letters(core) < 3 or not _case_shape_ok(core) or not _known(core, "en"):
        return None
    zipf = _zipf(core, "en")
    if core[:1].isupper() and zipf < BRAND_ZIPF and not at_sentence_start:
        return None
    return conv, zipf, False


_NAME_TAGS = morphology.PROPER_NAMES | {"Abbr"}


def _only_name(conv: str, lang: str) -> bool:
    """Whether every reading of a Russian or Ukrainian conversion is a proper name or an abbreviation."""
    if lang not in CYR_LANGS:
        return False
    found = morphology.parses(conv, lang)
    return bool(found) and all(_NAME_TAGS & set(p.tag.grammemes) for p in found)


def _near_native_word(word: str) -> bool:
    """Whether a Russian or Ukrainian word is one edit from ``word`` (then ``word`` is a typo of it)."""
    from ..suggest import ALPHABETS

    w = normalize(word)
    return any(morphology.known_edits1(w, lang, ALPHABETS[lang]) for lang in CYR_LANGS)


def _setting(sentence, start: int, end: int) -> str | None:
    """"en" when the rest of the sentence is mostly English words, "cyr" when mostly Russian or Ukrainian ones."""
    if sentence is None:
        return None
    en = cyr = total = 0
    for t in sentence.tokens:
        if t.kind != "word" or (t.start < end and start < t.end) or _letters(t.text) < 2:
            continue
        total += 1
        if _LATIN.search(t.text):
            en += lexicon.is_known(t.text, "en")
        else:
            cyr += any(lexicon.is_known(t.text, lang) for lang in CYR_LANGS)
    if en >= 2 and en >= DOMINANT_SHARE * total:
        return "en"
    if cyr >= 2 and cyr >= DOMINANT_SHARE * total:
        return "cyr"
    return None


def _phrases(text: str, hits: list[_Hit]) -> list[list[_Hit]]:
    """Hits of one direction separated only by spaces form a phrase; phrases of short runs alone are dropped."""
    groups: list[list[_Hit]] = []
    for h in hits:
        if groups:
            last = groups[-1][-1]
            gap = text[last.end:h.start]
            if (last.latin_source == h.latin_source and last.end < h.start
                    and not gap.strip(" \t\u00a0")):
                groups[-1].append(h)
                continue
        groups.append([h])
    return [g for g in groups if any(not h.short for h in g)]
