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


def _read(run: str) -> list[tuple[str, bool]]:
    """The words a run may hide, each with whether it has wildcards; empty when it is not a disguise. A «1» in a
    Cyrillic word is read both as «і» and as «и» («п1здець», «з1ла»), an «@» both as «а» and as a star («бл@»)."""
    lower = run.lower()
    cyrillic = len(_CYRILLIC.findall(lower))
    latin = len(_LATIN.findall(lower))
    stand_ins = sum(1 for ch in lower if ch.isdigit() or ch in "@$" or ch in WILDCARDS)
    if not stand_ins and not (cyrillic and latin):
        return []  # an ordinary word
    if lower[0] in WILDCARDS or (lower[0].isdigit() and cyrillic + latin < 3):
        return []  # "**" as emphasis, "3D", "4x4"
    if lower.isdigit() or not (cyrillic or latin):
        return []
    if cyrillic >= latin:
        readings = [lower.translate(_TO_CYRILLIC)]
        if "1" in lower and cyrillic >= 2:
            readings = [readings[0].replace("1", "і"), readings[0].replace("1", "и")]
    else:
        readings = [lower.translate(_TO_LATIN)]
    if "@" in lower:  # «бл@»: an «а», or a star for any letter
        readings.append(lower.replace("@", "*").translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN))
    # A digit that imitates no letter makes a code such as "B2B", «М1».
    return [(r, any(ch in WILDCARDS for ch in r)) for r in readings if not any(ch.isdigit() for ch in r)]


def candidates(text: str, start: int = 0, end: int | None = None) -> list[Disguised]:
    """Disguised words in ``text[start:end]`` (offsets into ``text``)."""
    found = []
    for m in _RUN.finditer(text, start, len(text) if end is None else end):
        for reading, wild in _read(m.group()):
            pattern = None
            if wild:
                letter = r"[^\W\d_]"
                pattern = re.compile("".join(letter if ch in WILDCARDS else re.escape(ch) for ch in reading))
            found.append(Disguised(m.start(), m.end(), reading, pattern))
    return found
