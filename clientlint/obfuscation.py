"""Words disguised to slip past a filter: «б**дь», «х*р», "f***", "sh1t", «xуй» with Latin look-alikes.

A candidate is a run of letters mixed with stars, digits or symbols standing for letters, or a word whose letters
come from both alphabets. :func:`candidates` finds them in a sentence and reads each one back as the word it hides:
digits and symbols become the letters they imitate, Latin look-alikes become Cyrillic in a Cyrillic word (and the
reverse), and each star or ``#`` becomes a one-letter wildcard. A rule with ``obfuscation: true`` then tests the
reading against its own words (see ``kinds/phrase.py``), so a disguise only counts when it hides a listed word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WILDCARDS = "*#%"
# A run of word characters and stand-ins; the stand-ins may not end it unless they are wildcards ("f***!" keeps
# the stars, "sh1t!" ends before "!").
_RUN = re.compile(r"(?<![\w@$*#%])[\w@$*#%]*[^\W\d_][\w@$*#%]*(?![\w@$*#%])")

_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.I)
_LATIN = re.compile(r"[a-z]", re.I)

# What a digit or a symbol imitates, in each alphabet.
_TO_CYRILLIC = str.maketrans({
    "0": "о", "3": "з", "4": "ч", "6": "б", "@": "а", "$": "с",
    # Latin look-alikes
    "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "o": "о", "p": "р", "t": "т",
    "x": "х", "y": "у", "i": "і", "u": "и", "n": "п",
})
_TO_LATIN = str.maketrans({
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
    # Cyrillic look-alikes
    "а": "a", "в": "b", "с": "c", "е": "e", "н": "h", "к": "k", "м": "m", "о": "o", "р": "p", "т": "t",
    "х": "x", "у": "y", "і": "i",
})


@dataclass(frozen=True, slots=True)
class Disguised:
    """A disguised word at ``start:end`` of the text, read back as ``reading`` (lower case). When it has wildcards,
    ``pattern`` matches the words it could hide."""

    start: int
    end: int
    reading: str
    pattern: re.Pattern | None

    def could_be(self, word: str) -> bool:
        if self.pattern is not None:
            return self.pattern.fullmatch(word) is not None
        return word == self.reading


def _read(run: str) -> tuple[str, bool] | None:
    """The word a run hides and whether it has wildcards, or None when it is not a disguise."""
    lower = run.lower()
    cyrillic = len(_CYRILLIC.findall(lower))
    latin = len(_LATIN.findall(lower))
    stand_ins = sum(1 for ch in lower if ch.isdigit() or ch in "@$" or ch in WILDCARDS)
    if not stand_ins and not (cyrillic and latin):
        return None  # an ordinary word
    if lower[0] in WILDCARDS or (lower[0].isdigit() and cyrillic + latin < 3):
        return None  # "**" as emphasis, "3D", "4x4"
    if lower.isdigit() or not (cyrillic or latin):
        return None
    if cyrillic >= latin:
        reading = lower.translate(_TO_CYRILLIC)
    else:
        reading = lower.translate(_TO_LATIN)
    if any(ch.isdigit() for ch in reading):
        return None  # a digit that imitates no letter: a code such as "B2B", «М1»
    return reading, any(ch in WILDCARDS for ch in reading)


def candidates(text: str, start: int = 0, end: int | None = None) -> list[Disguised]:
    """Disguised words in ``text[start:end]`` (offsets into ``text``)."""
    found = []
    for m in _RUN.finditer(text, start, len(text) if end is None else end):
        read = _read(m.group())
        if read is None:
            continue
        reading, wild = read
        pattern = None
        if wild:
            letter = r"[^\W\d_]"
            pattern = re.compile("".join(letter if ch in WILDCARDS else re.escape(ch) for ch in reading))
        found.append(Disguised(m.start(), m.end(), reading, pattern))
    return found
