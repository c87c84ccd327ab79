"""Which language a message (or a sentence) is written in.

A first, deterministic detector for Ukrainian, Russian and English: letters only one of the two Cyrillic
alphabets has, then which morphology dictionary knows more of the words, then a few common English words.
"""

from __future__ import annotations

import re

from . import morphology
from .tokenize import Sentence

UK_ONLY = frozenset("іїєґІЇЄҐ")
RU_ONLY = frozenset("ыэъёЫЭЪЁ")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")

# Frequent short words that settle ru vs uk when the letters do not.
UK_WORDS = frozenset(
    "і й та що як це ми ви він вона вони з із зі до на від для про але або чи не так вже ще теж також "
    "дякую будь ласка добрий день вітаю шановний шановна зараз коли тому його її їх наш ваш".split()
)
RU_WORDS = frozenset(
    "и что как это мы вы он она они с со к от для про но или ли не так уже ещё еще тоже также спасибо "
    "пожалуйста добрый день здравствуйте уважаемый уважаемая сейчас когда поэтому его её их наш ваш".split()
)
EN_WORDS = frozenset(
    "the a an and or but of to in on for with is are was were be been we you it this that your our "
    "please thank thanks hello hi dear regards will can could would should have has not".split()
)


def detect_words(words: list[str]) -> str | None:
    """Language of a run of words, or None when there is no evidence."""
    if not words:
        return None
    joined = "".join(words)
    cyr = len(_CYRILLIC.findall(joined))
    lat = len(_LATIN.findall(joined))
    if lat > cyr:
        lowered = [w.lower() for w in words]
        if any(w in EN_WORDS for w in lowered) or len(lowered) <= 3:
            return "en"
        from .lexicon import is_known  # the English word list, loaded on first use

        known = sum(is_known(w, "en") for w in lowered)
        return "en" if known * 2 >= len(lowered) else None
    if cyr == 0:
        return None
    uk = ru = 0.0
    for w in words:
        if any(c in UK_ONLY for c in w):
            uk += 3
        if any(c in RU_ONLY for c in w):
            ru += 3
        lw = w.lower()
        if lw in UK_WORDS:
            uk += 1
        if lw in RU_WORDS:
            ru += 1
        if _CYRILLIC.search(w):
            known_uk = morphology.is_known(lw, "uk")
            known_ru = morphology.is_known(lw, "ru")
            if known_uk and not known_ru:
                uk += 1
            elif known_ru and not known_uk:
                ru += 1
    if uk == ru:
        # Both dictionaries know the words (the Ukrainian one lists many Russian forms): ask which language
        # uses them more. Loaded only on a tie.
        from .lexicon import zipf

        cyr_words = [w.lower() for w in words if _CYRILLIC.search(w) and len(w) > 2]
        uk = sum(zipf(w, "uk") for w in cyr_words)
        ru = sum(zipf(w, "ru") for w in cyr_words)
        if abs(uk - ru) < 1.0:
            return None
    return "uk" if uk > ru else "ru"


def detect_sentences(sentences: list[Sentence]) -> str | None:
    """Language of a whole message; also sets each sentence's ``language`` (falling back to the message's)."""
    all_words: list[str] = []
    for s in sentences:
        words = [t.text for t in s.tokens if t.kind == "word"]
        s.language = detect_words(words)
        all_words.extend(words)
    overall = detect_words(all_words)
    for s in sentences:
        if s.language is None:
            s.language = overall
    return overall
