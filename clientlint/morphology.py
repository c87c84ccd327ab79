"""pymorphy3 analysers for Russian and Ukrainian: loaded lazily, once per process, cached per word.

``parses(word, lang)`` returns only the *plausible* parses: a rule that claims an error from grammar must hold
for every one of them, so a word that could be right keeps the rule quiet.
"""

from __future__ import annotations

import threading
from functools import lru_cache

SUPPORTED = ("ru", "uk")

# A parse is plausible when its score is at least this share of the best parse's score.
PLAUSIBLE_SHARE = 0.05

_lock = threading.Lock()
_analyzers: dict = {}


def analyzer(lang: str):
    """The pymorphy3 analyser for ``lang`` ("ru" or "uk"), created on first use."""
    found = _analyzers.get(lang)
    if found is not None:
        return found
    if lang not in SUPPORTED:
        raise ValueError(f"no morphology for language {lang!r}")
    with _lock:
        if lang not in _analyzers:
            import pymorphy3  # heavy: imported only when morphology is first needed

            known_before = _known_grammemes()
            _analyzers[lang] = pymorphy3.MorphAnalyzer(lang=lang)
            # pymorphy3 keeps one tag class for every language, and loading a dictionary resets the grammemes
            # it knows to that dictionary's: after the Ukrainian one loads, re-inflecting a Russian verb into
            # «indc» fails. Keep the union of all loaded dictionaries' grammemes known.
            _analyzers[lang].TagClass.KNOWN_GRAMMEMES |= known_before
    return _analyzers[lang]


def _known_grammemes() -> set:
    from pymorphy3.tagset import OpencorporaTag

    return set(OpencorporaTag.KNOWN_GRAMMEMES)


def safe_inflect(parse, grammemes):
    try:
        return parse.inflect(set(grammemes))
    except ValueError:  # a grammeme this dictionary does not know
        return None


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u2032": "'", "`": "'"})


def normalize(word: str) -> str:
    """Lower case, one apostrophe (the dictionaries use '), no stress marks, no soft hyphens."""
    return word.lower().translate(_APOSTROPHES).replace("\u0301", "").replace("\u00ad", "")


@lru_cache(maxsize=200_000)
def parses(word: str, lang: str) -> tuple:
    """Plausible pymorphy3 parses of ``word`` (lower-cased), best first. Empty for unsupported languages."""
    if lang not in SUPPORTED:
        return ()
    all_parses = analyzer(lang).parse(normalize(word))
    if not all_parses:
        return ()
    best = max(p.score for p in all_parses)
    return tuple(p for p in all_parses if p.score >= best * PLAUSIBLE_SHARE)


@lru_cache(maxsize=200_000)
def is_known(word: str, lang: str) -> bool:
    """Whether the dictionary of ``lang`` has ``word`` (not a guess from its ending)."""
    if lang not in SUPPORTED:
        return False
    return analyzer(lang).word_is_known(normalize(word))


@lru_cache(maxsize=200_000)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Dictionary forms of the plausible parses of ``word``."""
    return frozenset(p.normal_form for p in parses(word, lang))


def inflect(word: str, lang: str, grammemes: frozenset[str], keep=None) -> str | None:
    """Re-inflect ``word`` into ``grammemes`` using its best parse (or the best parse that passes ``keep``).

    Returns None when the dictionary has no such form.
    """
    for p in parses(word, lang):
        if keep is not None and not keep(p):
            continue
        form = safe_inflect(p, grammemes)
        if form is not None:
            return form.word
    return None


def known_edits1(word: str, lang: str, alphabet: str) -> dict[str, str]:
    """Dictionary words one edit from ``word`` (normalised), found by walking the dictionary's DAWG.

    Returns {candidate: kind} with kind one of "delete", "swap", "insert", "replace". Walking the DAWG prunes
    every edit whose prefix is no word's prefix, so this costs a few hundred steps instead of a lookup for each
    of the ~700 strings one edit away. «е» also follows «ё», as the dictionaries store it.
    """
    words = analyzer(lang).dictionary.words
    dct = words.dct
    sep = words._payload_separator
    follow = dct.follow_bytes
    enc = {c: c.encode("utf-8") for c in alphabet}
    alternatives = {"е": ("е", "ё")} if lang == "ru" else {}

    def walk(index, text: str):
        """Follow ``text`` from ``index``; yields (end index, text as stored) for each ё/е spelling."""
        states = [(index, "")]
        for ch in text:
            nxt = []
            for idx, got in states:
                for alt in alternatives.get(ch, (ch,)):
                    j = follow(enc.get(alt) or alt.encode("utf-8"), idx)
                    if j:
                        nxt.append((j, got + alt))
            if not nxt:
                return []
            states = nxt
        return states

    def complete(index, rest: str, head: str, kind: str, out: dict) -> None:
        for idx, got in walk(index, rest):
            if follow(sep, idx):
                cand = head + got
                if cand != word and cand not in out:
                    out[cand] = kind

    out: dict[str, str] = {}
    n = len(word)
    prefixes = [(dct.ROOT, "")]  # DAWG states after word[:i], with the stored spelling
    for i in range(n + 1):
        rest_after = word[i + 1:]
        for idx, head in prefixes:
            if i < n:
                complete(idx, rest_after, head, "delete", out)
                if i + 1 < n and word[i] != word[i + 1]:
                    complete(idx, word[i + 1] + word[i] + word[i + 2:], head, "swap", out)
            for c in alphabet:
                j = follow(enc[c], idx)
                if not j:
                    continue
                complete(j, word[i:], head + c, "insert", out)
                if i < n and c != word[i]:
                    complete(j, rest_after, head + c, "replace", out)
        if i < n:
            prefixes = [(j, got) for idx, head in prefixes for j, got in
                        [(jj, head + g) for jj, g in walk(idx, word[i])]]
            if not prefixes:
                break
    return out


# The grammemes a word takes from its place in the sentence (not from its dictionary entry).
_SLOT_GRAMMEMES = frozenset(
    "sing plur nomn gent datv accs ablt loct voct gen2 loc2 1per 2per 3per pres past futr masc femn neut "
    "impr indc excl incl INFN GRND PRTF PRTS ADJS Cmp2 COMP".split()
)


def inflect_like(lemma: str, model_word: str, lang: str, keep=None) -> str | None:
    """``lemma`` put into the form that ``model_word`` has («брати» like «приймали» → «брали»).

    The model's grammemes of number, case, person, tense, gender and mood (and its part of speech, for
    infinitives, participles and gerunds) are carried over. None when the dictionary has no such form.
    """
    model = next((p for p in parses(model_word, lang) if keep is None or keep(p)), None)
    if model is None:
        return None
    wanted = {g for g in model.tag.grammemes if g in _SLOT_GRAMMEMES}
    candidates = [p for p in analyzer(lang).parse(normalize(lemma)) if p.normal_form == normalize(lemma)]
    candidates.sort(key=lambda p: p.tag.POS != model.tag.POS and not (model.tag.POS in ("INFN", "GRND", "PRTF", "PRTS") and p.tag.POS in ("INFN", "VERB")))
    for p in candidates:
        form = safe_inflect(p, wanted)
        if form is None and model.tag.POS == "VERB":
            form = safe_inflect(p, wanted - {"masc", "femn", "neut"} if "past" not in wanted else wanted)
        if form is not None:
            return form.word
    return None


# Dictionary marks of proper names: a person's (first name, surname, patronymic), and any (places, organisations,
# trade names). Checks that need a variant build it from these.
PERSONAL_NAMES = frozenset({"Name", "Surn", "Patr"})
PROPER_NAMES = PERSONAL_NAMES | {"Geox", "Orgn", "Trad"}


# --- agreement: shared by the pattern constraint `agree` and the agreement checks -----------------------------

_CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"}
_CASE_ALIASES = {"gen2": "gent", "gen1": "gent", "loc2": "loct", "loc1": "loct", "acc2": "accs"}
_GENDERS = {"masc", "femn", "neut"}
_COMMON_GENDER = {"ms-f", "Ms-f", "GNdr"}


def case_of(tag) -> str | None:
    for g in tag.grammemes:
        if g in _CASES:
            return g
        if g in _CASE_ALIASES:
            return _CASE_ALIASES[g]
    return None


# The cases a preposition takes, for the prepositions whose next word is most often the noun or adjective they
# govern. Written from the grammars; «по» with the dative, locative and accusative, and so on.
PREPOSITION_CASES = {
    "ru": {
        "у": "gent", "из": "gent", "от": "gent", "до": "gent", "для": "gent", "без": "gent", "около": "gent",
        "после": "gent", "среди": "gent", "из-за": "gent", "из-под": "gent", "возле": "gent", "кроме": "gent",
        "к": "datv", "ко": "datv", "при": "loct", "про": "accs", "через": "accs", "сквозь": "accs",
        "над": "ablt", "перед": "ablt", "в": "accs loct", "во": "accs loct", "на": "accs loct", "о": "accs loct",
        "об": "accs loct", "обо": "accs loct", "с": "gent ablt accs", "со": "gent ablt accs",
        "по": "datv loct accs", "за": "accs ablt", "под": "accs ablt", "между": "ablt gent",
    },
    "uk": {
        "до": "gent", "від": "gent", "для": "gent", "без": "gent", "біля": "gent", "після": "gent",
        "серед": "gent", "крім": "gent", "замість": "gent", "через": "accs", "про": "accs", "при": "loct",
        "над": "ablt", "перед": "ablt", "між": "ablt gent", "у": "accs loct gent", "в": "accs loct gent",
        "на": "accs loct", "з": "gent ablt accs", "із": "gent ablt accs", "зі": "gent ablt accs",
        "по": "loct accs datv", "за": "accs ablt gent", "під": "accs ablt",
    },
}
_DECLINED = frozenset({"NOUN", "ADJF", "NPRO", "PRTF", "NUMR"})


def fits_after_preposition(preposition: str, word: str, lang: str) -> bool:
    """``word`` can follow ``preposition``: some reading of it is in a case the preposition takes, or it does
    not decline at all («в очень», «по быстрому»). True for a word the preposition table does not cover."""
    cases = PREPOSITION_CASES.get(lang, {}).get(normalize(preposition))
    if cases is None:
        return True
    readings = analyzer(lang).parse(normalize(word))
    return not readings or any(p.tag.POS not in _DECLINED or "Fixd" in p.tag.grammemes
                               or case_of(p.tag) in cases.split() for p in readings)


def governed_by(preposition: str, word: str, lang: str) -> bool:
    """Some reading of ``word`` declines and is in a case ``preposition`` takes («у» + «меня», «с» + «ней»)."""
    cases = PREPOSITION_CASES.get(lang, {}).get(normalize(preposition))
    return bool(cases) and any(p.tag.POS in _DECLINED and case_of(p.tag) in cases.split()
                               for p in analyzer(lang).parse(normalize(word)) if p.is_known)


def number_of(tag) -> str:
    return "plur" if "plur" in tag.grammemes else "sing"


def gender_of(tag) -> str | None:
    return next((g for g in tag.grammemes if g in _GENDERS), None)


def agree(adj, noun) -> bool:
    """Whether an adjective reading and a noun reading agree in case, number and (in the singular) gender."""
    a, n = adj.tag, noun.tag
    ca, cn = case_of(a), case_of(n)
    if ca and cn and ca != cn:  # a reading without a case (the Ukrainian dictionary has some) fits any case
        return False
    if number_of(a) != number_of(n):
        return False
    if number_of(n) == "sing" and not (_COMMON_GENDER & n.grammemes):
        ga, gn = gender_of(a), gender_of(n)
        return ga is None or gn is None or ga == gn
    return True
