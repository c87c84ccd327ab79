"""Capitalisation slips: a sentence that starts in lower case, and a word typed with Shift or Caps Lock
at the wrong moment («пРИВЕТ», «ПРивет», «спаСибо»)."""

from __future__ import annotations

from . import Check
from .. import lexicon, morphology
from .unknown_word import judged_language

_OPENERS = "«\"“„'‘([("
_VOWELS = set("аеёиоуыэюяіїєaeiouy")
_ENDS = ".!?"


_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"))


def _unclosed(span: str) -> bool:
    """Whether ``span`` opens a quotation or a bracket it does not close (straight quotes: an odd number)."""
    return any(span.count(left) > span.count(right) for left, right in _PAIRS) or span.count('"') % 2 == 1


def _unknown_lower(token, sentence, doc) -> bool:
    """A lower-case word before a full stop that no dictionary knows («букв.», «техн.») or that it knows only as an
    abbreviation («англ.», «обл.»): the full stop marks the abbreviation, not the end of a sentence."""
    if not token.text.islower():
        return False
    lang = judged_language(token, sentence, doc)
    if lang is None:
        return False
    if not lexicon.is_known(token.text, lang):
        return True
    readings = morphology.parses(token.text, lang)
    return bool(readings) and all("Abbr" in p.tag for p in readings)


def _first_word(sentence):
    """The first word of a sentence if only opening quotes or brackets stand before it."""
    for tok in sentence.tokens:
        if tok.kind == "word":
            return tok
        if tok.kind != "punct" or tok.text not in _OPENERS:
            return None
    return None


class SentenceStart(Check):
    META = {
        "id": "spelling.sentence-start",
        "category": "spelling",
        "severity": "warning",
        "languages": ["any"],
        "fix": "safe",
        "message": {
            "ru": "Предложение начинается со строчной буквы: «{suggestion}».",
            "uk": "Речення починається з малої літери: «{suggestion}».",
            "en": "The sentence starts with a lower-case letter: “{suggestion}”.",
        },
        "description": (
            "A sentence that starts in lower case after a full stop looks typed in a hurry. The rule looks only "
            "at sentences that follow a finished one (., !, ?), so a message that is lower case throughout, a "
            "list item, a line after a greeting with a comma, or text after an ellipsis is left alone, and so are "
            "words with capitals inside (iPhone, eBay)."
        ),
        "examples": {
            "bad": [
                {"text": "Заказ отправлен. <<завтра>> курьер привезёт его.", "suggestion": "Завтра"},
                {"text": "Дякуємо за лист! <<ми>> вже працюємо над цим.", "suggestion": "Ми"},
                {"text": "Your order has shipped. <<it>> will arrive on Monday.", "suggestion": "It"},
            ],
            "good": [
                "Заказ отправлен. Завтра курьер привезёт его.",
                "Добрый день,\n\nспасибо за письмо.",
                "Ну... может быть, завтра.",
                "Он крикнул «Стоп!» и вышел. См. т.зв. правило.",
                "We tested it on an iPhone. eBay listings are next.",
                "Є хороше відео англ. мовою. Тьху! (плює) Аж нудить.",
                "Субтитры у нас на англ. включены по умолчанию.",
                "\"Боже мій! американець схопив його за руку.\" Оххх...! він відключається.",
                "Доставка завтра в шесть утра? о_О Хорошо, ждём.",
            ],
        },
    }

    def check(self, doc):
        text = doc.text
        firsts = [_first_word(s) for s in doc.sentences]
        if not any(w is not None and w.text[0].isupper() for w in firsts):
            return  # the writer does not capitalise at all: one finding per sentence would be noise
        for prev, sentence in zip(doc.sentences, doc.sentences[1:]):
            ending = text[prev.start:prev.end].rstrip()
            if not ending or ending[-1] not in _ENDS or ending.endswith(".."):
                continue  # a closing quote or bracket after «Позор!» lets the sentence go on
            if ending[-1] in "!?" and ending[:-1].rstrip("!?").endswith(("..", "…")):
                continue  # «Оххх...! він»: a trailing-off exclamation, the thought goes on
            last = [t for t in prev.tokens if t.kind == "word"]
            if ending[-1] == "." and last and (len(last[-1].text) <= 3 or "." in text[last[-1].start - 2:last[-1].start]
                                               or _unknown_lower(last[-1], prev, doc)):
                continue  # «т.зв.», «О. М.», «англ.», «букв.»: an abbreviation, not the end of a sentence
            if _unclosed(text[prev.start:prev.end]):
                continue  # «"Боже мій! американець…», «(тільки ти!)»: the ! or ? is inside a quotation or brackets
            between = text[prev.end:sentence.start]
            if "\n\n" in between:
                continue  # a new paragraph may be a list item or a signature line
            word = _first_word(sentence)
            if word is None or not word.text[0].islower() or any(c.isupper() for c in word.text[1:]):
                continue
            before = text[sentence.start:word.start]
            after = text[word.end:word.end + 1]
            if "(" in before or "[" in before or after == ")":
                continue  # «Тьху! (плює)», a list item «а)»: a bracketed remark may start in lower case
            if after == "_":
                continue  # «о_О», «т_т»: an emoticon, not a word
            fixed = word.text[0].upper() + word.text[1:]
            yield self.diagnostic(word.start, word.end, [fixed], lang=sentence.language)


def caps_slip_fix(word: str, at_start: bool = True) -> str | None:
    """The intended casing of a word typed with Shift or Caps Lock at the wrong moment, or None."""
    if word.islower() or word.isupper() or word.istitle():
        return None  # nearly every word
    if any(word[i].isupper() and word[i - 1] in "-\u2011'’" for i in range(1, len(word))):
        return None  # «пів-Києва», «д'Артаньян»: a capital after a hyphen or apostrophe is a name
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 3:
        return None
    if word[0].islower() and all(c.isupper() for c in letters[1:]):
        if len(letters) < 4 or not any(c.lower() in _VOWELS for c in letters):
            return None  # мРНК, кВт: an abbreviation
        return word[0].upper() + word[1:].lower()  # пРИВЕТ: Caps Lock on, Shift for the first letter
    if len(letters) >= 4 and word[0].isupper() and word[1].isupper() and all(c.islower() for c in letters[2:]):
        if word[0] in "ВКСУОИ" and lexicon.is_known(word[1:], "ru"):
            return None  # ВКонтакте: a one-letter preposition glued to a word, the way brands are made
        if not at_start and word[0] < "\u0400":
            return None  # a Latin brand mid-sentence (VIce); Shift held too long happens on a first word
        return word[0] + word[1:].lower()  # ПРивет: Shift held a moment too long
    cyrillic = all("\u0400" <= c <= "\u04ff" for c in letters)
    inner = [i for i, c in enumerate(word) if c.isupper()]
    if (cyrillic and len(letters) >= 5 and len(inner) == 1 and inner[0] > 0 and word[0].islower()
            and word[inner[0]].lower() not in _VOWELS):
        return word.lower()  # спаСибо; a capital vowel marks stress (нІколи), Latin camelCase a brand (iPhone)
    return None


class CapsSlip(Check):
    META = {
        "id": "spelling.caps-slip",
        "category": "spelling",
        "severity": "error",
        "languages": ["any"],
        "fix": "safe",
        "message": {
            "ru": "Сбой регистра в слове «{match}»: правильно «{suggestion}».",
            "uk": "Збій регістру в слові «{match}»: правильно «{suggestion}».",
            "en": "Mixed-up capitals in “{match}”: write “{suggestion}”.",
        },
        "description": (
            "«пРИВЕТ» (Caps Lock left on), «ПРивет» (Shift held too long) and «спаСибо» are typing slips that a "
            "client sees at once. The rule fires only when the word with its casing fixed is a known word, so "
            "brands and product names with inner capitals (iPhone, PayPal, ВКонтакте) are left alone."
        ),
        "examples": {
            "bad": [
                {"text": "<<пРИВЕТ>>, Анна! Заказ готов.", "suggestion": "Привет"},
                {"text": "<<ДЯкуємо>> за ваш відгук.", "suggestion": "Дякуємо"},
                {"text": "Мы уже <<отпраВили>> документы.", "suggestion": "отправили"},
                {"text": "<<сПАСИБО>> за ожидание!", "suggestion": "Спасибо"},
                {"text": "<<THank>> you for your patience.", "suggestion": "Thank"},
            ],
            "good": [
                "Привет, Анна! Заказ готов.",
                "Оплатить можно через PayPal или iPhone.",
                "Наша страница ВКонтакте обновлена.",
                "Звіт у форматі PDF і XLSX, синтез мРНК, мапа пів-Києва.",
                "Зараз у мене нІколи, наберу ввечері. Потужність 1 гВт.",
                "A documentary by VIce about the UK.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences:
            for token in sentence.tokens:
                if token.kind != "word":
                    continue
                first = next((t for t in sentence.tokens if t.kind == "word"), None)
                fixed = caps_slip_fix(token.text, at_start=token is first)
                if fixed is None:
                    continue
                lang = judged_language(token, sentence, doc)
                if lang is None or not lexicon.is_known(fixed, lang) or lexicon.is_accepted(token.text, lang, doc.accepted_words):
                    continue
                yield self.diagnostic(token.start, token.end, [fixed], lang=sentence.language or lang,
                                      match=token.text)
