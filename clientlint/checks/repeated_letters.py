"""A letter typed too many times: «ооочень», «спасибоо», «в течениее»."""

from __future__ import annotations

import re

from . import Check
from .. import lexicon
from ..rule import match_case
from .unknown_word import IN_USE_ZIPF, is_name_or_code, judged_language

# A doubled letter is also how many foreign words and names are spelt (тікка, Біддл); shortening it must give
# a common word, and the word as written must be unseen in real text.
DOUBLE_MIN_ZIPF = 3.5
DOUBLE_MAX_OWN_ZIPF = 1.0

_RUN = re.compile(r"(\w)\1+")
_VOWELS = frozenset("аеёиоуыэюяіїєaeiouy")


def collapse_candidates(word: str, lang: str) -> list[str]:
    """Known words made by shortening runs of a repeated letter to one or two letters."""
    runs = [m for m in _RUN.finditer(word.lower())]
    if not runs:
        return []
    options = [()]
    for m in runs:
        lengths = {1, 2}
        options = [o + (n,) for o in options for n in sorted(lengths)]
    found = []
    for choice in options[:64]:
        out, pos = [], 0
        for m, n in zip(runs, choice):
            out.append(word[pos:m.start()] + word[m.start()] * n)
            pos = m.end()
        out.append(word[pos:])
        cand = "".join(out)
        if cand.lower() != word.lower() and lexicon.is_known(cand, lang) and cand not in found:
            found.append(cand)
    return sorted(found, key=lambda c: -lexicon.zipf(c, lang))


class RepeatedLetters(Check):
    priority = 30  # a named misspelling («зараннее») says more
    META = {
        "id": "spelling.repeated-letters",
        "category": "spelling",
        "severity": "error",
        "languages": ["any"],
        "fix": "safe",
        "message": {
            "ru": "Лишняя повторённая буква: «{match}». Правильно: «{suggestion}».",
            "uk": "Зайва повторена літера: «{match}». Правильно: «{suggestion}».",
            "en": "A letter is repeated too many times: “{match}”. Write “{suggestion}”.",
        },
        "description": (
            "A stuck or double-pressed key («в течениее», «спасибоо») is the most visible kind of typo, and a "
            "drawn-out word («ооочень») reads as chatty rather than professional. The rule fires only when the "
            "word as written is in no dictionary and shortening the repeated letters gives a known word; "
            "laughter and interjections («ахаха», «ммм») are left alone."
        ),
        "examples": {
            "bad": [
                {"text": "Мы ответим в <<течениее>> часа.", "suggestion": "течение"},
                {"text": "Нам <<ооочень>> жаль, что так вышло.", "suggestion": "очень"},
                {"text": "<<Дякуюю>> за терпіння!", "suggestion": "Дякую"},
                {"text": "Thank you sooo much for the <<feedbackk>>.", "suggestion": "feedback"},
            ],
            "good": [
                "Мы ответим в течение часа.",
                "Ахаха, отличная идея!",
                "Ммм, давайте уточним детали.",
                "Тпррр! — закричав візник.",
                "Дякуємо за терпіння і розуміння.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences:
            for token in sentence.tokens:
                if token.kind != "word" or not _RUN.search(token.lower):
                    continue
                letters = [c for c in token.lower if c.isalpha()]
                if len(letters) < 3 or len(set(letters)) <= 2:
                    continue
                if not _VOWELS & set(letters):
                    continue  # «Тпррр!», «Брррр», «Тссс»: a drawn-out sound with no vowel is an interjection
                lang = judged_language(token, sentence, doc)
                if lang is None or lexicon.is_known(token.text, lang):
                    continue
                if lang == "en" and sentence.language not in ("en", None):
                    continue  # a Latin word in Cyrillic text (charmm27, a product name)
                if lexicon.is_accepted(token.text, lang, doc.accepted_words) or is_name_or_code(token, sentence):
                    continue
                own = lexicon.zipf(token.text, lang)
                if own >= IN_USE_ZIPF:
                    continue
                cands = collapse_candidates(token.text, lang)
                if not cands:
                    continue
                stuck_key = any(len(m.group()) > 2 for m in _RUN.finditer(token.lower))
                if not stuck_key and (own > DOUBLE_MAX_OWN_ZIPF or lexicon.zipf(cands[0], lang) < DOUBLE_MIN_ZIPF):
                    continue
                repl = [match_case(token.text, c) for c in cands]
                yield self.diagnostic(token.start, token.end, repl, lang=sentence.language or lang,
                                      match=token.text, fix="safe" if len(cands) == 1 else "unsafe")
