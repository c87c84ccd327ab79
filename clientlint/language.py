"""Which language a message (or a sentence) is written in.

Measured in benchmarks/language.py against langdetect (the baseline), py3langid, pycld2 and lingua: no single
detector reaches 97 % on short Ukrainian and Russian messages, so the stack is a hybrid. Our own evidence decides
ru / uk / en (letters only one Cyrillic alphabet has, function words, which morphology dictionary knows more of the
words, word frequency on a tie, the English word list), and pycld2 (CLD2, deterministic, 14 MB, loads at once)
names every other language, asked only when our dictionaries do not know the words. Deterministic throughout.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    "и что как это мы вы он она они с со к от до на для про но или ли не так уже ещё еще тоже также спасибо "
    "пожалуйста добрый день здравствуйте уважаемый уважаемая сейчас когда поэтому его её их наш ваш".split()
)
EN_WORDS = frozenset(
    "the a an and or but of to in on for with is are was were be been we you it this that your our "
    "please thank thanks hello hi dear regards will can could would should have has not".split()
)


# Dictionary readings that say nothing of the language: names and abbreviations, and words the dictionary marks as
# slang, informal or distorted (the Ukrainian one lists Russian internet words such as «печалька», «комент» so).
NO_EVIDENCE = morphology.PROPER_NAMES - {"Trad"} | {"Abbr", "Slng", "Infr", "Dist"}


# Readings that show a dictionary lists a word only as someone's name or as a form it marks as wrong («меня» as a
# Ukrainian surname, «даже» as a distorted form). Slang and informal marks are not among them: «окей», «прям» are
# informal Ukrainian words too.
_NAME_OR_DISTORTED = morphology.PROPER_NAMES - {"Trad"} | {"Dist"}


def _only_a_name_or_distorted(word: str, lang: str) -> bool:
    readings = morphology.parses(word, lang) if morphology.is_known(word, lang) else ()
    return bool(readings) and all(_NAME_OR_DISTORTED & p.tag.grammemes for p in readings)


def _standard(word: str, lang: str) -> bool:
    """``lang``'s dictionary lists ``word`` as a common word, not only as a name, abbreviation or slang."""
    return morphology.is_known(word, lang) and any(not NO_EVIDENCE & p.tag.grammemes
                                                   for p in morphology.parses(word, lang))


def only_in(word: str, lang: str, other: str) -> bool:
    """``word`` is a word of ``lang``'s dictionary, not of ``other``'s: evidence for ``lang``. A name or a slang
    word only one dictionary lists («Бодя», «печалька») is none."""
    return not morphology.is_known(word, other) and _standard(word, lang)  # the cheap lookup first


@lru_cache(maxsize=200_000)
def _evidence(word: str) -> tuple[int, int]:
    """What ``word`` says for Ukrainian and for Russian: 3 for a letter only that alphabet has, 1 for a function
    word, 1 for a word only that dictionary knows. Remembered: words recur in every message and sentence."""
    uk = 3 * any(c in UK_ONLY for c in word)
    ru = 3 * any(c in RU_ONLY for c in word)
    lw = word.lower()
    uk += lw in UK_WORDS
    ru += lw in RU_WORDS
    if _CYRILLIC.search(word):
        if only_in(lw, "uk", "ru"):
            uk += 1
        elif only_in(lw, "ru", "uk"):
            ru += 1
    return uk, ru


# How close the plain evidence must be for the names-and-distorted-forms evidence to be looked at: two more
# dictionary lookups per word, which a message full of new words would pay for every word otherwise.
CLOSE = 2


@lru_cache(maxsize=200_000)
def _listed_otherwise(word: str) -> tuple[int, int]:
    """A lower-case word one dictionary lists only as a name or a distorted form and the other as a common word:
    «меня», «только», «даже» are Russian (the Ukrainian dictionary knows them only as a surname, a name, a
    distorted form). Not for a capital: «Путина» is the name, not the Ukrainian «путина»."""
    if not word.islower() or not _CYRILLIC.search(word):
        return 0, 0
    if not (morphology.is_known(word, "uk") and morphology.is_known(word, "ru")):
        return 0, 0  # only_in has spoken for it
    if _only_a_name_or_distorted(word, "uk") and _standard(word, "ru"):
        return 0, 1
    if _only_a_name_or_distorted(word, "ru") and _standard(word, "uk"):
        return 1, 0
    return 0, 0


def _usage(word: str, lang: str) -> float:
    """How much ``lang`` uses ``word`` (Zipf), for a tie; nothing for laughter: «ахаха» is commoner in Ukrainian
    web text, but it is no language's word."""
    from .lexicon import is_laughter, zipf  # word frequencies, loaded on first need

    return 0.0 if is_laughter(word) else zipf(word, lang)


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
        for_uk, for_ru = _evidence(w)
        uk += for_uk
        ru += for_ru
    if abs(uk - ru) <= CLOSE:
        for w in words:
            for_uk, for_ru = _listed_otherwise(w)
            uk += for_uk
            ru += for_ru
    if uk == ru:
        # Both dictionaries know the words (the Ukrainian one lists many Russian forms): ask which language
        # uses them more. Loaded only on a tie.
        cyr_words = [w.lower() for w in words if _CYRILLIC.search(w) and len(w) > 2]
        uk = sum(_usage(w, "uk") for w in cyr_words)
        ru = sum(_usage(w, "ru") for w in cyr_words)
        if abs(uk - ru) < 1.0:
            return None
    return "uk" if uk > ru else "ru"


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]")
# Cyrillic languages CLD2 may name when our ru/uk dictionaries do not know the words.
_OTHER_CYRILLIC = frozenset("be bg kk ky mk mn sr tg tt ba cv uz".split())
KNOWN_SHARE = 0.8  # below this share of known words, a Cyrillic text may be Belarusian, Bulgarian, Kazakh ...
ENGLISH_SHARE = 0.75  # a short Latin text is English when this share of its words is in the English list
SHORT_LATIN = 8


# Letters a Cyrillic language does not have: CLD2 calls a Russian sentence full of slang («Он скринил экран и
# лайкнул пост») Serbian, though Serbian has no «э».
_LACKS = {"bg": "ыэё", "sr": "ыэёщъй", "mk": "ыэёщъй", "be": "иъщ"}


def shows_language(doc, lang: str) -> bool:
    """The message has a letter or a short function word only ``lang`` (ru or uk) has. A single word is called a
    word of the other language only against such evidence: «Меня бомбануло, прости» was guessed Ukrainian from
    words both dictionaries list (the Ukrainian one knows «меня» as a surname), and its «меня» is no Russian word
    in Ukrainian text."""
    letters, function_words = (UK_ONLY, UK_WORDS - RU_WORDS) if lang == "uk" else (RU_ONLY, RU_WORDS - UK_WORDS)
    return any(tok.kind == "word" and (tok.lower in function_words or any(c in letters for c in tok.text))
               for sentence in doc.sentences for tok in sentence.tokens)


def _letters_allow(lang: str, letters: str) -> bool:
    """Whether a text with these letters can be in ``lang``: none of them is one the language lacks."""
    return not any(c in _LACKS.get(lang, "") for c in letters)


def general(text: str) -> str | None:
    """CLD2's answer for any language (ISO 639-1 where it has one), or None."""
    import pycld2  # loaded on first use

    try:
        code = pycld2.detect(text, bestEffort=True)[2][0][1]  # bestEffort: else short text is "un"
    except pycld2.error:
        return None
    return None if code in ("un", "xxx") else code.split("-")[0]


@lru_cache(maxsize=100_000)
def _script_of(word: str) -> tuple[str | None, str]:
    """("cyrillic", the word with a Latin «i» read as «і») for a word with a Cyrillic letter, ("latin", word) for one
    with only Latin letters, (None, word) otherwise. Cached: every word is asked for its sentence and its message."""
    if _CYRILLIC_WORD.search(word):
        return "cyrillic", word.replace("i", "і").replace("I", "І")
    return ("latin" if _LATIN_WORD.search(word) else None), word


def detect(text: str, words: list[str]) -> str | None:
    """Language of a text from its word tokens (``text`` with masked parts blanked is what CLD2 reads)."""
    cyrillic, latin = [], []
    for w in words:
        script, form = _script_of(w)
        if script == "cyrillic":
            cyrillic.append(form)
        elif script == "latin":
            latin.append(form)
    if cyrillic and len(cyrillic) >= len(latin):  # a brand name does not make a sentence Latin
        lowered = [w.lower() for w in cyrillic]
        known = sum(morphology.is_known(w, "ru") or morphology.is_known(w, "uk") or w in UK_WORDS or w in RU_WORDS
                    for w in lowered)
        if known < KNOWN_SHARE * len(lowered) and len(lowered) - known >= 2:
            # Two or more words neither dictionary knows: maybe Belarusian, Bulgarian, Kazakh... One unknown word
            # is more likely a typo («Примите наши извенения»), which CLD2 would call Bulgarian.
            found = general(text)
            if found in _OTHER_CYRILLIC and _letters_allow(found, "".join(lowered)):
                return found
        found = detect_words(cyrillic)
        if found in ("ru", "uk"):
            return found
        uk = sum(_usage(w, "uk") for w in lowered)
        ru = sum(_usage(w, "ru") for w in lowered)
        return None if uk == ru else ("uk" if uk > ru else "ru")
    if latin:
        from .lexicon import is_known

        english = sum(is_known(w.lower(), "en") for w in latin)
        if len(latin) <= SHORT_LATIN and english >= ENGLISH_SHARE * len(latin):
            return "en"
        found = general(text)
        if found == "en" and english * 2 < len(latin):
            return None  # CLD2 calls any unknown Latin string English («ghbdtn»); we do not
        return found or detect_words(latin)
    return None


def detect_sentences(sentences: list[Sentence], prose: str = "") -> str | None:
    """Language of a whole message; also sets each sentence's ``language`` (falling back to the message's)."""
    all_words: list[str] = []
    for s in sentences:
        words = [t.text for t in s.tokens if t.kind == "word"]
        s.language = detect(_readable(prose[s.start:s.end]), words) if words else None
        all_words.extend(words)
    overall = detect(_readable(prose), all_words) if all_words else None
    for s in sentences:
        if s.language is None or (s.language != overall and _follows_message(s, overall)):
            s.language = overall
    return overall


SHORT_SENTENCE = 6  # Cyrillic words; a shorter sentence with no letter or function word of its own is too
# little to overrule the message («Сука!» in a Russian message reads as Ukrainian, «Ну-ну.» in a Ukrainian one
# as Russian, a disguised swear word as Serbian)


def _follows_message(sentence: Sentence, overall: str | None) -> bool:
    """A short Cyrillic sentence of a Russian or Ukrainian message takes the message's language unless its own
    letters, function words, or two words only its own dictionary knows say otherwise."""
    if overall not in ("ru", "uk"):
        return False
    words = [t.text for t in sentence.tokens if t.kind == "word" and _CYRILLIC.search(t.text)]
    if not words or len(words) > SHORT_SENTENCE:
        return False
    if sentence.language in _OTHER_CYRILLIC:
        return True
    if sentence.language not in ("ru", "uk"):
        return False
    own_letters, own_words = (UK_ONLY, UK_WORDS - RU_WORDS) if sentence.language == "uk" else (RU_ONLY, RU_WORDS - UK_WORDS)
    if any(ch in own_letters for w in words for ch in w) or any(w.lower() in own_words for w in words):
        return False
    other = "ru" if sentence.language == "uk" else "uk"
    only_own = sum(only_in(w.lower(), sentence.language, other) for w in words)
    return only_own < 2


def _readable(prose: str) -> str:
    return prose.replace("\ue000", " ")
