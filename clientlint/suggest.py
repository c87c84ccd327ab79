"""Spelling suggestions: known words one edit away from a misspelt word, the intended one first.

Candidates are every known word one deletion, insertion, substitution or swap of neighbours away, and two known
words when a space was lost («незнаю» → «не знаю»). They are ranked by how common the word is (Zipf frequency)
plus how likely the slip is: neighbouring keys, swapped letters, a doubled or dropped letter, and the vowels that
spelling confuses most («о/а», «е/и», «и/і/ї»).
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon, morphology
from .lexicon import is_known, zipf
from .morphology import normalize

ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
    "en": "abcdefghijklmnopqrstuvwxyz",
}

_ROWS = {
    "ru": ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"],
    "uk": ["йцукенгшщзхї", "фівапролджє", "ячсмитьбю"],
    "en": ["qwertyuiop", "asdfghjkl", "zxcvbnm"],
}
_CONFUSED = {frozenset(p) for p in ("оа", "еи", "ие", "иі", "іи", "еє", "іï", "ії", "ьъ", "ея", "шщ", "сз", "тд", "ая", "еэ", "ыи")}


def _neighbours(lang: str) -> dict[str, set[str]]:
    rows = _ROWS[lang]
    near: dict[str, set[str]] = {}
    for r, row in enumerate(rows):
        for i, ch in enumerate(row):
            s = near.setdefault(ch, set())
            for dr in (-1, 0, 1):
                if 0 <= r + dr < len(rows):
                    other = rows[r + dr]
                    for di in (-1, 0, 1):
                        j = i + di
                        if (dr or di) and 0 <= j < len(other):
                            s.add(other[j])
    return near


_NEAR = {lang: _neighbours(lang) for lang in _ROWS}


def edits1(word: str, alphabet: str) -> dict[str, str]:
    """Every string one edit away: {candidate: kind}, kind one of delete, swap, insert, replace."""
    out: dict[str, str] = {}
    n = len(word)
    for i in range(n):
        out.setdefault(word[:i] + word[i + 1:], "delete")
        if i + 1 < n and word[i] != word[i + 1]:
            out.setdefault(word[:i] + word[i + 1] + word[i] + word[i + 2:], "swap")
        for c in alphabet:
            if c != word[i]:
                out.setdefault(word[:i] + c + word[i + 1:], "replace")
    for i in range(n + 1):
        for c in alphabet:
            out.setdefault(word[:i] + c + word[i:], "insert")
    out.pop(word, None)
    return out


def _known_edits(word: str, lang: str) -> dict[str, str]:
    if lang in morphology.SUPPORTED:
        found = morphology.known_edits1(word, lang, ALPHABETS[lang])
        found.update({c: k for c, k in edits1(word, ALPHABETS[lang]).items()
                      if c in lexicon.supplement(lang) and c not in found})
        if "ё" not in word:  # the writer does not use ё: suggest as they write
            found = {c.replace("ё", "е"): k for c, k in found.items() if c.replace("ё", "е") != word}
        return found
    return {c: k for c, k in edits1(word, ALPHABETS[lang]).items() if lexicon.is_known(c, lang)}


def slip_bonus(word: str, cand: str, kind: str, lang: str) -> float:
    """How likely this slip is, on the Zipf scale: a doubled or dropped doubled letter, swapped neighbours,
    a neighbouring key, a vowel spelling confuses."""
    if kind == "swap":
        return 0.5
    if kind == "delete":
        return 0.6 if any(word[i] == word[i + 1] for i in range(len(word) - 1) if word[:i] + word[i + 1:] == cand) else 0.3
    if kind == "insert":  # the writer dropped a letter
        return 0.6 if any(cand[i] == cand[i + 1] for i in range(len(cand) - 1) if cand[:i] + cand[i + 1:] == word) else 0.5
    diff = [(a, b) for a, b in zip(word, cand) if a != b]
    if len(diff) != 1:
        return 0.0
    a, b = diff[0]
    if frozenset((a, b)) in _CONFUSED:
        return 0.8
    if b in _NEAR.get(lang, {}).get(a, ()):
        return 0.6
    return 0.0


def slip_between(word: str, cand: str, lang: str) -> float:
    """``slip_bonus`` for the edit that turns ``word`` into the suggestion ``cand``; a lost space counts as a
    likely slip (0.5)."""
    if " " in cand:
        return 0.5
    w = normalize(word)
    kind = _known_edits(w, lang).get(cand) if lang in ALPHABETS else None
    return slip_bonus(w, cand, kind, lang) if kind else 0.0


@lru_cache(maxsize=50_000)
def suggestions(word: str, lang: str, limit: int = 5) -> tuple[str, ...]:
    """Known words close to ``word``, best first (lower-case); empty when there is none."""
    w = normalize(word)
    if lang not in ALPHABETS or not w:
        return ()
    scored: dict[str, float] = {}
    for cand, kind in _known_edits(w, lang).items():
        scored[cand] = zipf(cand, lang) + slip_bonus(w, cand, kind, lang)
    # A space lost after a short function word: «незнаю» → «не знаю», "alot" → "a lot". Not any split:
    # «автопояснення», «суперзапалення» are rightly written as one word.
    for left in _FUNCTION_WORDS.get(lang, ()):
        right = w[len(left):]
        if w.startswith(left) and len(right) > 2 and zipf(right, lang) >= 3.5 and is_known(right, lang):
            # A one-letter preposition run into a word in a case it takes («уменя», «сней»): the lost space is
            # a likelier slip than a stray first letter, so it goes before the bare word («меня», «ней»).
            lost_space = len(left) == 1 and lang in morphology.SUPPORTED and morphology.governed_by(left, right, lang)
            scored[f"{left} {right}"] = zipf(right, lang) + (0.5 if lost_space else -0.5)
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(c for c, _ in ranked[:limit])


_FUNCTION_WORDS = {
    "ru": ("не", "ни", "в", "во", "на", "по", "за", "из", "с", "со", "к", "у", "от", "до", "без", "при"),
    "uk": ("не", "ні", "в", "у", "на", "по", "за", "з", "із", "до", "від", "без", "при"),
    "en": ("a", "an", "in", "on", "at", "to", "of", "every", "any", "some", "no"),
}


# Russian spelt by ear: an unstressed «о» written «а» («можна»), the soft sign of «-шь» left out («хочеш»), a silent
# consonant left out («чесно», «сонце», «здраствуйте»), a double consonant written single («донбасу»). Such a
# slip often makes a Ukrainian word, and in Russian text it is a slip, not Ukrainian.
_SILENT = ("стн", "здн", "лнц", "вств", "рдц", "ндск", "нтск")
_VOWELS = frozenset("аеёиоуыэюя")
BY_EAR_MIN_ZIPF = 3.5  # the Russian word meant is a common one


def spelled_by_ear(word: str, cand: str) -> bool:
    """``word`` is the Russian word ``cand`` with one slip of spelling by ear (see above); both lower-case."""
    if len(word) == len(cand):
        diff = [i for i, (a, b) in enumerate(zip(word, cand)) if a != b]
        if len(diff) != 1 or {word[diff[0]], cand[diff[0]]} != {"а", "о"}:
            return False
        # Only an unstressed «о» is heard as «а». Stress is not known here, but the first vowel of a word of one
        # or two syllables is most often stressed: «сраку» is no «сроку», while «можна», «охото» are slips.
        vowels = [i for i, c in enumerate(cand) if c in _VOWELS]
        return not (len(vowels) <= 2 and diff[0] == vowels[0])
    if len(cand) != len(word) + 1:
        return False
    for i in range(len(cand)):
        if cand[:i] + cand[i + 1:] != word:
            continue
        if cand[i] == "ь" and i == len(cand) - 1 and word.endswith("ш"):
            return True
        if (i > 0 and cand[i - 1] == cand[i] or i + 1 < len(cand) and cand[i + 1] == cand[i]) and cand[i] not in _VOWELS | {"ь"}:
            return True
        if any(cluster in cand[max(0, i - 3):i + 4] and cluster not in word for cluster in _SILENT):
            return True
    return False


@lru_cache(maxsize=20_000)
def russian_by_ear(word: str) -> str:
    """The common Russian word that ``word`` (a word Russian does not have) spells by ear, or ''."""
    w = normalize(word)
    if len(w) < 5 or any(c not in ALPHABETS["ru"] for c in w) or is_known(w, "ru"):  # short: «смаг» is no «смог»
        return ""
    for cand in suggestions(w, "ru"):
        if " " not in cand and spelled_by_ear(w, cand) and lexicon.strength(cand, "ru") >= BY_EAR_MIN_ZIPF:
            return cand
    return ""
