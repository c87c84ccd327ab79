"""Which words are words, and how common they are.

- Russian and Ukrainian: the pymorphy3 dictionaries (already loaded for grammar), plus the shipped supplement
  ``rules/<lang>/words.txt`` for what those dictionaries lack («вже», «ще», «немає», «теж» …).
- English: the word list of pyspellchecker (about 160,000 words with counts, built from subtitles and checked
  against word lists, so common misspellings such as "recieve" are not in it), British spellings derived from
  the American ones, plus ``rules/en/words.txt``.
- Frequencies for ranking suggestions: wordfreq (Zipf scale, 0 for unseen words), for all three languages.
- A second opinion for Russian, asked only about a word about to be reported as misspelt: the word forms of
  simplemma's Russian dictionary (1.36 million, from Wiktionary), which know newer and colloquial words that
  OpenCorpora lacks («подвисание», «токенизация»). See ``in_wide_lexicon``.

Everything heavy is loaded on first use, once per process, and lookups are cached per word.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from . import morphology
from .morphology import normalize
from .packs import builtin_rules_dir

LANGS = ("ru", "uk", "en")
_lock = threading.Lock()
_loaded: dict[str, object] = {}


def _once(key: str, load):
    value = _loaded.get(key)
    if value is None:
        with _lock:
            value = _loaded.get(key)
            if value is None:
                value = _loaded[key] = load()
    return value


def supplement(lang: str) -> frozenset[str]:
    """Words shipped in ``rules/<lang>/words.txt`` (one per line, ``#`` comments)."""

    def load():
        return frozenset(normalize(line) for line in _rules_lines(lang, "words.txt"))

    return _once(f"supplement:{lang}", load)


def _rules_lines(lang: str, name: str) -> list[str]:
    """The lines of ``rules/<lang>/<name>``, without ``#`` comments and blank lines (none if it is missing)."""
    path = builtin_rules_dir() / lang / name
    if not path.is_file():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _fold(word: str) -> str:
    return normalize(word).replace("ё", "е")


def colloquial_words(lang: str) -> dict[str, str]:
    """Colloquial words shipped in ``rules/<lang>/colloquial.txt``: dictionary form (ё as е) -> neutral
    replacement, or "" where none replaces it. Lines are ``слово = замена`` or the word alone."""

    def load():
        words = {}
        for line in _rules_lines(lang, "colloquial.txt"):
            word, _, replacement = line.partition("=")
            words[_fold(word.strip())] = replacement.strip()
        return words

    return _once(f"colloquial:{lang}", load)


_NOUN_ENDINGS = ("а", "у", "е", "ом", "ы", "ов", "ам", "ами", "ах")


# Laughter spelt out: «хаха», «ахахах», «пхаха», «хехе», «ахахаа»; two «х» at least.
_LAUGHTER = re.compile(r"[пб]?[аеэи]?(?:х[аеиоыэ]+)+х?")


def is_laughter(word: str) -> bool:
    """«ахахах», «пхаха»: laughter spelt out, a word of no dictionary and of any length."""
    w = normalize(word)
    return w.count("х") >= 2 and _LAUGHTER.fullmatch(w) is not None


# One syllable said over and over: three times («ляляля», «бубубу», «мимими»), or twice after a vowel («уруру»,
# «аняня»). Twice alone is a word as often as a chant: a pet name («сюсю»), a name («Додо»).
_SYLLABLE = "[бвгґджзйклмнпрстфхцчшщ][аеёиоуыэюяєії]"
_CHANT = re.compile(f"({_SYLLABLE})\\1\\1+|[аеёиоуыэюяєії]({_SYLLABLE})\\2+")


def is_chant(word: str, lang: str) -> bool:
    """«ляляля», «уруру»: a chat interjection made of one syllable repeated, which no dictionary lists; words the
    dictionary knows («папа», «няня») are words."""
    w = normalize(word)
    return _CHANT.fullmatch(w) is not None and not (lang in morphology.SUPPORTED and morphology.is_known(w, lang))


def _yo_entries(lang: str) -> frozenset[str]:
    """The colloquial words listed with «ё» («чаёк»), as ``colloquial_words`` keys them (ё as е)."""
    return _once(f"colloquial-yo:{lang}", lambda: frozenset(
        _fold(line.partition("=")[0].strip()) for line in _rules_lines(lang, "colloquial.txt")
        if "ё" in line.partition("=")[0]))


def _standard_without_yo(word: str, folded: str, lang: str) -> bool:
    """«чаек» is «чаёк» with its «ё» left out, or the genitive plural of «чайка»: a word listed with «ё» and written
    with «е» is the standard word when the dictionary knows that spelling, «е» and all, as a form of another."""
    w = normalize(word)
    if "ё" in w or folded not in _yo_entries(lang) or lang not in morphology.SUPPORTED:
        return False
    return any(p.word == w and _fold(p.normal_form) != folded for p in morphology.parses(w, lang))


@lru_cache(maxsize=100_000)
def colloquial(word: str, lang: str) -> tuple[str, str] | None:
    """(listed word, replacement) when ``word`` is a listed colloquial word or a form of one, else None.

    A form the dictionary knows counts when every plausible reading is a form of a listed word («скрины» of
    «скрин»); a form it does not know, when one of its guessed readings is («запостил» of «запостить»)."""
    listed = colloquial_words(lang)
    if not listed:
        return None
    w = _fold(word)
    if is_laughter(w) or is_chant(w, lang):
        return w, ""  # no list holds every length of it
    if w in listed and not _standard_without_yo(word, w, lang):
        return w, listed[w]
    if lang not in morphology.SUPPORTED:
        return None
    if morphology.is_known(w, lang):
        lemmas = {_fold(p.normal_form) for p in morphology.parses(w, lang)}
    else:
        lemmas = {_fold(p.normal_form) for p in morphology.analyzer(lang).parse(w)} & listed.keys()
        # the guesser may have no reading at all («дойчу»): a noun ending after a listed word
        lemmas = lemmas or {w[:-len(e)] for e in _NOUN_ENDINGS if w.endswith(e) and w[:-len(e)] in listed}
    if len(lemmas) == 1 and lemmas <= listed.keys():
        lemma = lemmas.pop()
        return lemma, listed[lemma]
    return None


def english_counts() -> dict[str, int]:
    """The English word list with counts (pyspellchecker's, loaded once)."""

    def load():
        from spellchecker import SpellChecker  # imported only when English is first checked

        return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)

    return _once("en-counts", load)


def _frequencies(lang: str) -> dict[str, float]:
    def load():
        import wordfreq  # imported only when a suggestion is first ranked

        return wordfreq.get_frequency_dict(lang, wordlist=FREQUENCY_LIST)

    return _once(f"freq:{lang}", load)


# "large" ranks rare words too (loads in 0.1-0.6 s); "small" covers words above 1 per million (0.02 s).
FREQUENCY_LIST = "large"


@lru_cache(maxsize=400_000)
def zipf(word: str, lang: str) -> float:
    """How common ``word`` is: log10 of occurrences per billion words (0 when unseen)."""
    import math

    freqs = _frequencies(lang)
    w = normalize(word)
    f = freqs.get(w, 0.0) or (freqs.get(w.replace("ё", "е"), 0.0) if "ё" in w else 0.0)
    return math.log10(f) + 9 if f > 0 else 0.0


_BRITISH = (  # British ending -> American ending, tried when a word is not in the (American) list
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("tre", "ter"),
    ("tres", "ters"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("ogue", "og"), ("ogues", "ogs"),
    ("lled", "led"), ("lling", "ling"), ("ence", "ense"), ("llor", "lor"), ("mme", "m"), ("mmes", "ms"),
)


def _english_known(w: str) -> bool:
    counts = english_counts()
    if w in counts:
        return True
    if w.endswith("'s") and w[:-2] in counts:
        return True
    for uk_end, us_end in _BRITISH:
        if w.endswith(uk_end) and w[: -len(uk_end)] + us_end in counts:
            return True
    return False


@lru_cache(maxsize=400_000)
def is_known(word: str, lang: str) -> bool:
    """Whether ``word`` (any case) is a word of ``lang``: dictionary, shipped supplement."""
    w = normalize(word)
    if not w:
        return False
    if w in supplement(lang):
        return True
    if lang == "en":
        return _english_known(w)
    if lang in morphology.SUPPORTED:
        return morphology.is_known(w, lang) or _form_of_supplement(w, lang)
    return False


# Languages whose wide lexicon earns its keep (measured with benchmarks/false_alarms.py and spelling.py; see
# benchmarks/README.md): for Russian it took 12 false alarms off the clean corpora against 4 real slips, and 0.2
# points off synthetic typos found. The Ukrainian one keeps old-norm forms the 2019 orthography corrects
# («будинка», «віруса»): on UA-GEC it took 7 false alarms and 6 real slips, so Ukrainian goes without.
WIDE_LEXICON = ("ru",)


@lru_cache(maxsize=20_000)
def in_wide_lexicon(word: str, lang: str) -> bool:
    """Whether simplemma's dictionary for ``lang`` has ``word`` as a word form. Slow to load (about 1.2 s and 35 MB
    on first use, once per process), so it is asked last, about a word that would otherwise be reported."""
    if lang not in WIDE_LEXICON:
        return False
    import simplemma  # loaded on the first word no other lexicon knows

    return simplemma.is_known(normalize(word), lang, low_memory=True)


@lru_cache(maxsize=100_000)
def _form_of_supplement(w: str, lang: str) -> bool:
    """A form of a word in ``rules/<lang>/words.txt`` that the list does not spell out: the guesser reads
    «телеграме», «вайбере» as forms of «телеграм», «вайбер». Only nouns and verbs, and only when the listed word
    is the whole of the guessed dictionary form."""
    listed = supplement(lang)
    return any(p.normal_form in listed and p.tag.POS in ("NOUN", "VERB", "INFN")
               for p in morphology.analyzer(lang).parse(w))


def _has_reading(word: str, lang: str, pos: tuple[str, ...]) -> bool:
    """``word`` is a dictionary form with a reading of one of ``pos`` and is seen in real text (Zipf > 0)."""
    return zipf(word, lang) > 0 and any(p.tag.POS in pos for p in morphology.analyzer(lang).parse(word) if p.is_known)


@lru_cache(maxsize=100_000)
def is_regular_derivative(word: str, lang: str) -> bool:
    """A form the dictionaries leave out although it is made by a productive rule from a word they know and
    people use:

    - the reflexive form of a verb form («прочлась», «намекалось», «пригрелась»: «прочла» + «сь»; in Russian
      «-ся» only after a consonant and «-сь» only after a vowel, so «оказалася» stays a typo);
    - a Russian diminutive of a known noun («сортировочка», «однокласснички», «спортик»), the feminine of one in
      «-ник» («бюджетница»), or a doer in «-льщик» from a known verb («собиральщик»);
    - a Russian prefixed verb made reflexive («обсмотрелся»: «об» + «смотрелся»);
    - an adverb from an adjective: Russian «-ски» from «-ский» («артистически», «деспотически»), Ukrainian
      «-о» from «-ий»/«-ій» («обчислювально», «прецизійно») and «-ськи»/«-цьки» from «-ський»/«-цький»
      («шахрайськи»).

    A misspelling rarely lands on such a form: the stem has to be a word in use already."""
    if lang not in morphology.SUPPORTED:
        return False
    w = normalize(word)
    if len(w) < 6:
        return False
    if w.endswith(("ся", "сь")):
        stem = w[:-2]
        if lang == "ru" and (stem[-1] in "аеёиоуыэюя") != w.endswith("сь"):
            return False
        return _has_reading(stem, lang, ("VERB", "INFN", "GRND")) or lang == "ru" and _ru_prefixed_verb(w)
    adjective = ("ADJF",)
    if lang == "ru":
        if w.endswith("ски"):
            return _has_reading(w + "й", lang, adjective)
        return _ru_adverb(w) or _ru_prefixed_verb(w) or _ru_derived_noun(w)
    if w.endswith(("ськи", "цьки")):
        return _has_reading(w + "й", lang, adjective)
    if w.endswith("ьо"):
        return _has_reading(w[:-2] + "ій", lang, adjective)
    if w.endswith("о"):
        return _has_reading(w[:-1] + "ий", lang, adjective)
    return False


# Russian verbal prefixes that make a new verb from a known one («по» + «скидывать», «недо» + «оценили»). Left out:
# one-letter prefixes (an inserted letter would pass), «пре» («преехать» is the misspelling of «приехать») and the
# prefixes in «з»/«с» («расчитать» is the misspelling of «рассчитать»).
RU_VERB_PREFIXES = ("пере", "недо", "подо", "обо", "ото", "по", "за", "на", "при", "под", "от", "вы", "до", "про",
                    "над", "об")
_VERB_FORMS = ("VERB", "INFN", "GRND", "PRTF", "PRTS")


def _ru_adverb(w: str) -> bool:
    """«добрейше», «певуче», «побуквенно»: an adverb in «-о»/«-е» (also the superlative «-ейше», «-айше») from a
    known adjective. From a qualitative adjective the adverb or the adjective must be seen in real text; from any
    other the adverb itself must be, since «кирпично» is more often «кирпичной» with its «й» lost."""
    if not w.endswith(("о", "е")) or w.endswith(("ого", "его", "ое", "ее", "ые", "ие")):
        return False
    stem = w[:-1]
    # «-о» from a hard stem («побуквенный»), «-е» from a soft one or after a hushing letter («певучий», «добрейший»)
    for adjective in (stem + "ый", stem + "ой") if w.endswith("о") else (stem + "ий",):
        readings = [p for p in morphology.analyzer("ru").parse(adjective)
                    if p.is_known and p.tag.POS == "ADJF" and p.word == adjective]
        if not readings:
            continue
        qualitative = any("Qual" in p.tag or "Supr" in p.tag for p in readings)
        if zipf(w, "ru") > 0 or qualitative and zipf(adjective, "ru") > 0:
            return True
    return False


# Russian suffixes at the end of a derived noun's dictionary form, the endings of the word it is made from, and
# that word's part of speech. Diminutives: «сортировочка» ← «сортировка», «одноклассничка» ←
# «одноклассница», «одноклассничек» ← «одноклассник», «боевичок» ← «боевик», «ноченька» ← «ночь», «спортик» ←
# «спорт», «медведик» ← «медведь». The feminine of a noun in «-ник» («бюджетница» ← «бюджетник»), and a doer in
# «-льщик» («копальщик» ← «копать»). The dictionary lists the common ones and leaves out the rest of these open
# classes. Left out, measured on synthetic typos: «-ец» («колхозец»), which excuses «местцам», «студентцу» and
# many more, and «-очка» from «-а» («кармочка»), which excuses «оплаточке» (for «платочке»).
_RU_DERIVED_NOUNS = (
    ("очка", ("ка",), "NOUN"), ("ечка", ("ка",), "NOUN"), ("ичка", ("ица", "ка"), "NOUN"),
    ("очек", ("ок", "ка"), "NOUN"), ("ечек", ("ек", "ка"), "NOUN"), ("ичек", ("ик",), "NOUN"),
    ("ичок", ("ик",), "NOUN"), ("онька", ("а",), "NOUN"), ("енька", ("а", "я", "ь"), "NOUN"),
    ("ик", ("", "ь"), "NOUN"), ("ница", ("ник",), "NOUN"),
    ("льщик", ("ть",), "INFN"), ("льщица", ("ть",), "INFN"),
)


def _ru_derived_noun(w: str) -> bool:
    """«сортировочка», «однокласснички», «копальщик»: a noun the dictionary lacks, made by a suffix from a word it
    knows and people use. Read through the guesser's dictionary form, so every case and number counts
    («сортировочку»)."""
    for p in morphology.analyzer("ru").parse(w):
        if p.is_known or p.tag.POS != "NOUN":
            continue
        lemma = p.normal_form
        for suffix, ends, pos in _RU_DERIVED_NOUNS:
            if not lemma.endswith(suffix) or len(lemma) < len(suffix) + 3:
                continue
            for end in ends:
                base = lemma[: -len(suffix)] + end
                if zipf(base, "ru") >= 2.0 and _has_reading(base, "ru", (pos,)):
                    return True
    return False


def _ru_prefixed_verb(w: str) -> bool:
    """«поскидывал», «понаписали», «недооценили»: a verbal prefix before a verb form the dictionary knows, whose
    verb is in use. The rest must be a verb of four letters or more, so a stray syllable does not pass."""
    for prefix in RU_VERB_PREFIXES:
        rest = w[len(prefix):]
        if not w.startswith(prefix) or len(rest) < 4 or not morphology.is_known(rest, "ru"):
            continue
        readings = [p for p in morphology.analyzer("ru").parse(rest) if p.is_known]
        if readings and all(p.tag.POS in _VERB_FORMS for p in readings) and \
                max(zipf(p.normal_form, "ru") for p in readings) >= 2.0:
            return True
    return False


def script_language(word: str, fallback: str | None) -> str | None:
    """The language whose lexicon should judge ``word``: English for Latin letters, else the sentence's."""
    letters = [c for c in word if c.isalpha()]
    if letters and all("a" <= c.lower() <= "z" for c in letters):
        return "en"
    if fallback in ("ru", "uk"):
        return fallback
    if any(c in "іїєґІЇЄҐ" for c in word):
        return "uk"
    if any("\u0400" <= c <= "\u04ff" for c in word):
        return "ru"
    return fallback


def is_accepted(word: str, lang: str | None, accepted: frozenset[str]) -> bool:
    """Whether the team accepted ``word`` or, for ru/uk, the word it is a form of («Монобанку» for «Монобанк»)."""
    if not accepted:
        return False
    w = normalize(word)
    if w in accepted:
        return True
    if lang in morphology.SUPPORTED:
        return any(p.normal_form in accepted for p in morphology.analyzer(lang).parse(w))
    if lang == "en":
        for suffix in ("'s", "s", "es", "ed", "ing"):
            if w.endswith(suffix) and w[: -len(suffix)] in accepted:
                return True
    return False


def other_cyrillic(lang: str) -> str | None:
    return {"ru": "uk", "uk": "ru"}.get(lang)


@lru_cache(maxsize=200_000)
def strength(word: str, lang: str) -> float:
    """How sure we are that ``word`` is a word people write: its own frequency, or for a rare inflected form
    («рекомендаційною») the frequency of its lemma, a little discounted."""
    own = zipf(word, lang)
    if lang in morphology.SUPPORTED and " " not in word:
        lemma = max((zipf(l, lang) for l in morphology.lemmas(word, lang)), default=0.0) - 0.5
        return max(own, lemma)
    return own
