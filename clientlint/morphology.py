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

            _analyzers[lang] = pymorphy3.MorphAnalyzer(lang=lang)
    return _analyzers[lang]


@lru_cache(maxsize=200_000)
def parses(word: str, lang: str) -> tuple:
    """Plausible pymorphy3 parses of ``word`` (lower-cased), best first. Empty for unsupported languages."""
    if lang not in SUPPORTED:
        return ()
    all_parses = analyzer(lang).parse(word.lower())
    if not all_parses:
        return ()
    best = max(p.score for p in all_parses)
    return tuple(p for p in all_parses if p.score >= best * PLAUSIBLE_SHARE)


@lru_cache(maxsize=200_000)
def is_known(word: str, lang: str) -> bool:
    """Whether the dictionary of ``lang`` has ``word`` (not a guess from its ending)."""
    if lang not in SUPPORTED:
        return False
    return analyzer(lang).word_is_known(word.lower())


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
        form = p.inflect(set(grammemes))
        if form is not None:
            return form.word
    return None
