"""Colloquial and non-standard forms: those the dictionaries mark as such («щас», «сёдня», «чё», «ваще») and the
colloquial words listed in rules/<lang>/colloquial.txt («курсач», «скрины», «запостил»)."""

from __future__ import annotations

import re
from functools import lru_cache

from . import Check
from .. import lexicon, morphology
from ..kinds.pattern import CLOSE_QUOTES, OPEN_QUOTES
from ..rule import match_case
from .unknown_word import is_name_or_code


# pymorphy3 marks: informal, slang, distorted, erroneous.
MARKS = frozenset({"Infr", "Slng", "Dist", "Erro"})
# Parts of speech whose dictionary form is a drop-in replacement (they do not inflect).
INVARIABLE = frozenset({"ADVB", "PRCL", "CONJ", "INTJ", "PRED", "PREP", None})


NAMES = morphology.PROPER_NAMES - {"Trad"}


def _in_form_of(replacement: str, token: str, word: str, lang: str) -> str | None:
    """``replacement`` in the form ``token`` has as a form of ``word`` («скриншот» for «скрины» → «скриншоты»,
    «курсовая работа» for «курсача» → «курсовой работы», «делать скриншот» for «скринил» → «делал скриншот»):
    its first word takes the token's form, and, for a noun, every word up to the first noun takes the token's
    case and number (its gender is the replacement's own). None when the dictionary cannot make the form."""
    def of_word(p):
        return lexicon.normalize(p.normal_form).replace("ё", "е") == word

    model = next((p for p in morphology.analyzer(lang).parse(lexicon.normalize(token)) if of_word(p)), None)
    if model is None:
        return None
    first, *rest = replacement.split(" ")
    if model.tag.POS != "NOUN":
        form = morphology.inflect_like(first, token, lang, keep=of_word)
        return form and " ".join([form, *rest])
    case = morphology.case_of(model.tag)
    plural = all("plur" in p.tag for p in morphology.parses(rest[-1] if rest else first, lang))
    wanted = {case, "plur" if plural else morphology.number_of(model.tag)} - {None}
    words, inflecting = [], True
    for part in replacement.split(" "):
        parse = next(iter(morphology.parses(part, lang)), None)
        if inflecting and parse is not None and parse.tag.POS in ("NOUN", "ADJF"):
            form = morphology.safe_inflect(parse, wanted)
            if form is None:
                return None
            words.append(form.word)
            inflecting = parse.tag.POS != "NOUN"
        else:
            words.append(part)
    return " ".join(words)


class Colloquial(Check):
    priority = 20  # a named misspelling (priyti) says more
    META = {
        "id": "spelling.colloquial",
        "category": "spelling",
        "severity": "info",
        "languages": ["ru"],
        "fix": "unsafe",
        "message": {
            "ru": "«{match}» — разговорная форма, в письме клиенту {advice}.",
        },
        "description": (
            "Spoken forms such as «щас», «сёдня» or «чё» look careless in writing and too familiar for a "
            "client. The Russian dictionary marks them as informal or distorted; the rule speaks only where the "
            "standard word is an exact replacement (a word that does not inflect), so it can say what to write. "
            "The Ukrainian dictionary marks many ordinary loanwords as slang, so Ukrainian colloquialisms are "
            "named one by one in rules/uk/ instead. This is information, not an error: a warm chat with a "
            "regular client may keep them. Colloquial, slang and internet words the dictionary lacks or does not mark "
            "(«курсач», «скрины», «запостить») are listed in rules/ru/colloquial.txt with a neutral word where one "
            "exists; the replacement is put into the form of the word when it is a single word («скрины» → "
            "«скриншоты»). Laughter spelt out («хаха», «ахахах», of any length) is colloquial too, and so is a "
            "syllable chanted over and over that no dictionary lists («ляляля», «уруру»)."
        ),
        "examples": {
            "bad": [
                {"text": "Я <<щас>> проверю ваш заказ.", "suggestion": "сейчас"},
                {"text": "Курьер приедет <<сёдня>> вечером.", "suggestion": "сегодня"},
                {"text": "Уточните, <<шо>> именно не работает.", "suggestion": "что"},
                {"text": "Пришлите, пожалуйста, <<скрины>> ошибки.", "suggestion": "скриншоты"},
                {"text": "Мы <<запостили>> новость о скидках.", "suggestion": "опубликовали"},
                {"text": "Оплату за <<курсач>> вернём завтра.", "suggestion": "курсовая работа"},
                {"text": "Макет готов, <<ляляля>>, ждём ваших правок."},
            ],
            "good": [
                "Я сейчас проверю ваш заказ.",
                "Курьер приедет сегодня вечером.",
                "Уточните, что именно не работает.",
                "Пришлите, пожалуйста, скриншоты ошибки.",
                "Мы опубликовали новость о скидках.",
                "Она водила машину, а в меню были норм и правила.",
                "Клава из отдела доставки позвонит вам.",
                "Папа ученика просил перезвонить, а няня заберёт заказ.",
                "Слово «щас» в письмах клиентам мы не используем.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences_in(self.meta.language_set):
            lang = sentence.language
            for token in sentence.tokens:
                if token.kind != "word" or len(token.text) < 2:
                    continue
                found = self._listed(token, sentence, lang) or self._marked(token, lang)
                if found is None or _mentioned(doc.text, token):
                    continue  # «слово „щас“ мы не пишем»: a word quoted on its own is talked about, not used
                replacements, advice = found
                yield self.diagnostic(token.start, token.end, list(replacements), lang=lang, match=token.text,
                                      advice=advice)

    @staticmethod
    def _listed(token, sentence, lang):
        """A word of rules/<lang>/colloquial.txt: its replacement, put into the word's form."""
        entry = lexicon.colloquial(token.text, lang)
        if entry is None or is_name_or_code(token, sentence):
            return None
        word, replacement = entry
        if token.text[:1].isupper() and any(NAMES & p.tag.grammemes for p in morphology.parses(token.text, lang)):
            return None  # «Клава», «Донат»: a name at the start of a sentence
        if not replacement:
            return [], "лучше нейтральное слово"
        if lexicon.normalize(token.text).replace("ё", "е") != word:
            replacement = _in_form_of(replacement, token.text, word, lang)
            if replacement is None:
                return [], "лучше нейтральное слово"
        replacement = match_case(token.text, replacement)
        return [replacement], f"лучше «{replacement}»"

    @staticmethod
    def _marked(token, lang):
        """A form the dictionary marks as informal or distorted, with a standard word that does not inflect."""
        return _marked_form(token.text, lang)


def is_colloquial(word: str, lang: str) -> bool:
    """``word`` is one spelling.colloquial reports: listed in rules/<lang>/colloquial.txt, or marked informal by
    the dictionary with a standard word for it («щас»)."""
    return lexicon.colloquial(word, lang) is not None or _marked_form(word, lang) is not None


# Words that introduce a word talked about: «слово „щас“».
_NAMING = frozenset("слово словечко словца выражение фраза термин слова словечки выражения вираз термін word term".split())


def _mentioned(text: str, token) -> bool:
    """The word is talked about, not used: alone inside quotation marks, and named as a word («слово „щас“») or
    one of a list of quoted words («эти "мимими", "сюсюсю"»). A word in quotation marks that is used («всех
    виновных «гайцев» уволили») still counts."""
    start, end = token.start, token.end
    while start and text[start - 1] in OPEN_QUOTES:
        start -= 1
    while end < len(text) and text[end] in CLOSE_QUOTES:
        end += 1
    if start == token.start or end == token.end:
        return False
    named = text[:start].split()[-1:]
    listed = re.match(r"\s*(?:,|и|і|та)\s*[" + re.escape(OPEN_QUOTES) + "]", text[end:])
    preceded = re.search(r"[" + re.escape(CLOSE_QUOTES) + r"]\s*(?:,|и|і|та)\s*$", text[:start])
    return bool(named and named[0].lower().strip(",:") in _NAMING or listed or preceded)


@lru_cache(maxsize=100_000)
def _marked_form(text: str, lang: str):
    """``Colloquial._marked`` for one spelling of a word: remembered, as most words come back in every message."""
    if not morphology.is_known(text, lang):
        return None
    parses = morphology.parses(text, lang)
    if not parses or not all(MARKS & p.tag.grammemes for p in parses):
        return None
    standard = {p.normal_form for p in parses}
    if len(standard) != 1 or not all(p.tag.POS in INVARIABLE or "Dist" in p.tag for p in parses):
        return None
    form = standard.pop()
    if form == morphology.normalize(text):
        return None
    replacement = match_case(text, form)
    return (replacement,), f"лучше «{replacement}»"
