"""Ukrainian euphony (Правопис 2019, §23-24): «у»/«в» and «і»/«й» chosen by the sounds around them, so that
vowels and consonants alternate: «брат у школі», «вона в офісі», «Марія й Олена», «брат і сестра»."""

from __future__ import annotations

from . import Check
from ..rule import match_case

VOWELS = set("аеиіоу")  # я, ю, є, ї begin with the consonant й: neither side of the rule relies on them
IOTATED = set("яюєї")
# Before these «у» stays whatever precedes: «у вівторок», «у Франції», «у Львові», «у свого», «у твоєму».
U_BEFORE = ("в", "ф", "льв", "св", "тв", "хв", "зв")


def _starts_vowel(word: str) -> bool:
    return word[:1].lower() in VOWELS


def _ends_vowel(word: str) -> bool:
    return word[-1:].lower() in VOWELS or word[-1:].lower() in IOTATED


def _context(tokens, i):
    """(previous word or None if a pause/start, next word or None)."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    def cyrillic(tok):
        return tok is not None and tok.kind == "word" and "\u0400" <= tok.text[0] <= "\u04ff"

    prev_word = prev.text if cyrillic(prev) else None
    next_word = nxt.text if cyrillic(nxt) else None  # «в Intellias», «у 2024 році»: sounds unknown, no rule
    return prev_word, next_word


class EuphonyUV(Check):
    META = {
        "id": "uk.grammar.euphony-u-v",
        "category": "grammar",
        "severity": "info",
        "languages": ["uk"],
        "opt_in": True,
        "fix": "safe",
        "message": {"uk": "Милозвучність: тут краще «{suggestion}» — голосні й приголосні мають чергуватися "
                          "(«брат у школі», «вона в офісі», «у вівторок»)."},
        "description": (
            "Ukrainian alternates «у» and «в» so that vowels and consonants alternate: «у» between consonants, "
            "at the start of a sentence before a consonant and always before в, ф, льв, св, тв, хв; «в» between "
            "vowels. An editor corrects «брат в школі» and «в вівторок» as a matter of course; a reader hears the "
            "clumsiness. Only the unambiguous cases are flagged, as information."
        ),
        "examples": {
            "bad": [
                {"text": "Наш менеджер <<в>> школі провів тренінг.", "suggestion": "у"},
                {"text": "Зустріч призначено <<в>> вівторок.", "suggestion": "у"},
                {"text": "<<В>> понеділок ми відкриті.", "suggestion": "У"},
                {"text": "Вона <<у>> офісі до шостої.", "suggestion": "в"},
            ],
            "good": [
                "Наш менеджер у школі провів тренінг.",
                "Зустріч призначено у вівторок.",
                "Вона в офісі до шостої.",
                "Ми працюємо в Києві та у Львові.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences_in(self.meta.language_set):
            tokens = sentence.tokens
            for i, tok in enumerate(tokens):
                if tok.kind != "word" or tok.lower not in ("у", "в"):
                    continue
                prev, nxt = _context(tokens, i)
                if nxt is None or nxt[:1].lower() in IOTATED:
                    continue
                low = nxt.lower()
                want = None
                if tok.lower == "в" and low.startswith(U_BEFORE):
                    want = "у"
                elif tok.lower == "в" and not _starts_vowel(nxt) and (prev is None or not _ends_vowel(prev)):
                    want = "у"  # between consonants, or after a pause before a consonant
                elif tok.lower == "у" and prev is not None and _ends_vowel(prev) and _starts_vowel(nxt) \
                        and prev[-1:].lower() not in IOTATED:
                    want = "в"  # between vowels
                if want:
                    yield self.diagnostic(tok.start, tok.end, [match_case(tok.text, want)], lang="uk")


class EuphonyIY(Check):
    META = {
        "id": "uk.grammar.euphony-i-y",
        "category": "grammar",
        "severity": "info",
        "languages": ["uk"],
        "opt_in": True,
        "fix": "safe",
        "message": {"uk": "Милозвучність: тут краще «{suggestion}» («Марія й Олена», «брат і сестра», "
                          "«і Юлія»)."},
        "description": (
            "The conjunction «і» becomes «й» between vowels («Марія й Олена»), and «й» is wrong between "
            "consonants, at the start of a sentence and before я, ю, є, ї, й («брат і сестра», «і Юлія»). "
            "Flagged as information, only where the rule is unambiguous."
        ),
        "examples": {
            "bad": [
                {"text": "Менеджер <<й>> юрист підготують договір.", "suggestion": "і"},
                {"text": "Марія <<і>> Олена відповідатимуть на листи.", "suggestion": "й"},
                {"text": "Дякуємо за відгук <<й>> ваші ідеї.", "suggestion": "і"},
            ],
            "good": [
                "Менеджер і юрист підготують договір.",
                "Марія й Олена відповідатимуть на листи.",
                "Олена і Юлія на зв'язку.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences_in(self.meta.language_set):
            tokens = sentence.tokens
            for i, tok in enumerate(tokens):
                if tok.kind != "word" or tok.lower not in ("і", "й"):
                    continue
                prev, nxt = _context(tokens, i)
                if nxt is None:
                    continue
                want = None
                if tok.lower == "й":
                    if prev is None or nxt[:1].lower() in IOTATED or nxt[:1].lower() == "й" or (
                            not _ends_vowel(prev) and not _starts_vowel(nxt)):
                        want = "і"
                elif prev is not None and _ends_vowel(prev) and _starts_vowel(nxt):
                    want = "й"
                if want:
                    yield self.diagnostic(tok.start, tok.end, [match_case(tok.text, want)], lang="uk")
