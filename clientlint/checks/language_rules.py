"""Write in the client's language: ``language.mismatch`` (the reply, or a paragraph of it, is not in the
client's language) and ``language.mixed`` (Russian inside Ukrainian and the reverse)."""

from __future__ import annotations

import re

from . import Check
from .. import lexicon, morphology
from ..language import (NO_EVIDENCE, RU_ONLY, RU_WORDS, UK_ONLY, UK_WORDS, detect, detect_words, only_in,
                        shows_language)
from ..suggest import russian_by_ear

NAMES = {
    "ru": {"ru": "русском", "uk": "украинском", "en": "английском", "pl": "польском", "de": "немецком",
           "fr": "французском", "es": "испанском", "it": "итальянском"},
    "uk": {"ru": "російською", "uk": "українською", "en": "англійською", "pl": "польською", "de": "німецькою",
           "fr": "французькою", "es": "іспанською", "it": "італійською"},
    "en": {"ru": "Russian", "uk": "Ukrainian", "en": "English", "pl": "Polish", "de": "German", "fr": "French",
           "es": "Spanish", "it": "Italian"},
}
# A paragraph in another language this long is a reply in the wrong language, not a quotation or a term.
MIN_PARAGRAPH_WORDS = 8
# A word counts as the other language's when it is common there and far rarer here (Zipf scale).
FOREIGN_MIN_ZIPF = 3.5
FOREIGN_GAP = 1.5
# A whole sentence is the other language's only with this many words of its own (names and initials aside).
MIN_OWN_WORDS = 2
# Text in quotation marks: «…», "…", “…”, „…“.
_QUOTED = re.compile(r'«[^«»]*»|"[^"\n]*"|“[^“”\n]*”|„[^„“”\n]*[“”]')
# Parses the Ukrainian dictionary gives Russian or distorted forms («сейчас», «пункта») and names.
_NOT_A_WORD_HERE = morphology.PERSONAL_NAMES | {"Dist"}


def language_name(code: str | None, in_lang: str | None) -> str:
    table = NAMES.get(in_lang or "en", NAMES["en"])
    return table.get(code or "", code or "?")


def _paragraphs(doc):
    """Groups of sentences separated by a blank line (quoted text is masked and has no words)."""
    groups, current = [], []
    for prev, sentence in zip([None, *doc.sentences], doc.sentences):
        if prev is not None and "\n\n" in doc.text[prev.end:sentence.start].replace("\r", "") and current:
            groups.append(current)
            current = []
        current.append(sentence)
    if current:
        groups.append(current)
    return groups


class LanguageMismatch(Check):
    META = {
        "id": "language.mismatch",
        "category": "language",
        "severity": "error",
        "languages": ["any"],
        "message": {
            "ru": "Клиент пишет на {client}, а этот текст — на {draft}. Отвечайте на языке клиента.",
            "uk": "Клієнт пише {client}, а цей текст — {draft}. Відповідайте мовою клієнта.",
            "en": "The client writes in {client}, but this text is in {draft}. Reply in the client's language.",
        },
        "description": (
            "Answer in the language the client wrote in. A Kyiv client who wrote in Ukrainian and gets a Russian "
            "reply, or a reply with a whole English paragraph, feels it at once. The client's language comes from "
            "--client-lang, the config, --reply-to, or the quoted part of the draft; a paragraph of eight words "
            "or more in another language is flagged, while short quotations and product terms are not."
        ),
        "examples": {
            "bad": [
                {"text": "<<Добрый день! Ваш заказ отправлен сегодня, трек-номер пришлём вечером.>>\n\n"
                         "> Добрий день, де моє замовлення?"},
                {"text": "<<Hello! Your order has been shipped today and will arrive on Monday morning.>>\n\n"
                         "> Добрий день, де моє замовлення?"},
            ],
            "good": [
                "Добрий день! Ваше замовлення відправлено сьогодні.\n\n> Добрий день, де моє замовлення?",
                "Добрий день! Налаштування є в розділі Settings → Billing.\n\n> Де змінити тариф?",
                "Thanks, your order is on its way.",
            ],
        },
    }

    def check(self, doc):
        client = doc.client_language
        if not client or not doc.sentences:
            return
        for group in _paragraphs(doc):
            words = [t.text for s in group for t in s.tokens if t.kind == "word"]
            if len(words) < MIN_PARAGRAPH_WORDS:
                continue
            lang = detect(doc.prose[group[0].start:group[-1].end].replace("\ue000", " "), words)
            if lang is None or lang == client:
                continue
            yield self.diagnostic(group[0].start, group[-1].end, lang=lang,
                                  client=language_name(client, lang), draft=language_name(lang, lang))


class LanguageMixed(Check):
    priority = 20  # the named words in rules/<lang>/mixing.yaml say what to write instead
    META = {
        "id": "language.mixed",
        "category": "language",
        "severity": "warning",
        "languages": ["ru", "uk"],
        "message": {
            "ru": "«{match}» — {other} посреди русского текста. Не смешивайте языки в одном письме.",
            "uk": "«{match}» — {other} посеред українського тексту. Не змішуйте мови в одному листі.",
        },
        "description": (
            "A reply that slides from Ukrainian into Russian (or back) halfway reads as careless, and to many "
            "Ukrainian clients as disrespectful. The check flags a whole sentence in the other language, and "
            "single words that belong only to it: letters the other alphabet alone has (ы, э, ъ, ё in Ukrainian "
            "text; і, ї, є, ґ in Russian text), or words its dictionary knows and this one does not. Names and "
            "the team's accepted words are not mixing, and a single word is called foreign only when the message "
            "shows its own language by a letter or a short function word of it. Russian spelt by ear that happens "
            "to be Ukrainian («можна», «хочеш», «чесно») is a typo, reported by spelling.unknown-word."
        ),
        "examples": {
            "bad": [
                {"text": "Дякуємо за звернення. Ми <<сейчас>> перевіримо замовлення."},
                {"text": "Ваше замовлення готове, <<ещё>> раз дякуємо!"},
                {"text": "Спасибо за заказ, <<дякую>> за терпение."},
                {"text": "Ваше замовлення вже в дорозі. <<Курьер позвонит вам перед доставкой завтра.>>"},
            ],
            "good": [
                "Дякуємо за звернення. Ми зараз перевіримо замовлення.",
                "Спасибо за заказ и за терпение.",
                "Ваш менеджер — Олександр Ковальов, він на зв'язку.",
                "Мы работаем с Київстар и Rozetka.",
                "Подскажите, что можна сделать, если курьер опоздал?",
            ],
        },
    }

    def check(self, doc):
        main = doc.language
        if main not in ("ru", "uk"):
            return
        other = "uk" if main == "ru" else "ru"
        foreign_letters = UK_ONLY if main == "ru" else RU_ONLY
        name = {"ru": {"uk": "украинское слово"}, "uk": {"ru": "російське слово"}}[main][other]
        sentence_name = {"ru": "украинское предложение", "uk": "російське речення"}[main]
        quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(doc.text)]
        main_evident = shows_language(doc, main)
        for sentence in doc.sentences:
            words = [t for t in sentence.tokens if t.kind == "word"]
            if (len(words) >= 4 and sentence.language == other and detect_words([t.text for t in words]) == other
                    and self._own_words(words, other) >= max(MIN_OWN_WORDS, self._own_words(words, main) + 1)):
                yield self.diagnostic(sentence.start, sentence.end, lang=main, match=doc.text[sentence.start:sentence.end],
                                      other=sentence_name)
                continue
            if sentence.language != main or not main_evident:
                continue
            for i, tok in enumerate(words):
                if tok.text[:1].isupper() and i > 0:
                    continue  # a name: «Київстар» in Russian text
                if lexicon.is_accepted(tok.text, main, doc.accepted_words):
                    continue
                if self._foreign(tok.text, main, other, foreign_letters) and not self._cited(tok, doc, quotes, other):
                    # (a quoted word or phrase of the other language is a quotation, not the writer's own words)
                    if main == "ru" and russian_by_ear(tok.text) and not shows_language(doc, other):
                        continue  # «можна», «чесно», «хочеш»: Russian spelt by ear; spelling.unknown-word has it
                    yield self.diagnostic(tok.start, tok.end, lang=main, match=tok.text, other=name)

    @staticmethod
    def _own_words(words, lang: str) -> int:
        """Words only ``lang`` has: its letters, its function words, or its dictionary alone. Initials, names
        (capitalised after the first word) and abbreviations prove nothing («С. Ваддок та Н. Сміт», «англ.»)."""
        other = "uk" if lang == "ru" else "ru"
        letters, function_words = (UK_ONLY, UK_WORDS - RU_WORDS) if lang == "uk" else (RU_ONLY, RU_WORDS - UK_WORDS)
        count = 0
        for i, tok in enumerate(words):
            word = tok.text.lower()
            if len(word) < 2 or (i > 0 and tok.text[:1].isupper()):
                continue
            if any(c in letters for c in word) or word in function_words or (
                    only_in(word, lang, other) and not lexicon.is_known(word, other)):
                count += 1
        return count

    @staticmethod
    def _cited(tok, doc, quotes, other: str) -> bool:
        """The word is inside quotation marks that hold a single word or a phrase in the other language."""
        for start, end in quotes:
            if start < tok.start and tok.end < end:
                inner = [t.text for s in doc.sentences for t in s.tokens
                         if t.kind == "word" and start < t.start and t.end < end]
                return len(inner) == 1 or detect_words(inner) == other
        return False

    @staticmethod
    def _foreign(word: str, main: str, other: str, foreign_letters) -> bool:
        """A word of the other language: its letters say so, or it is far more common there than here (both
        dictionaries list many shared or borrowed forms, so knowing the word proves little)."""
        if len(word) < 3 or lexicon.normalize(word) in lexicon.supplement(main):
            return False
        if any(c in foreign_letters for c in word):
            return lexicon.is_known(word, other) and not lexicon.is_known(word, main)
        if not lexicon.is_known(word, other):
            return False
        if all(NO_EVIDENCE & p.tag.grammemes for p in morphology.parses(word, other)):
            return False  # «порошенка», «ордло», «рашки»: a name, an abbreviation or slang the other dictionary
            # happens to list, written in lower case; not a word of that language
        if main == "ru" and lexicon.is_known(word, "ru"):
            return False  # «коли», «водою», «сказав»: old or poetic Russian forms, not Ukrainian
        if main == "uk" and any(not _NOT_A_WORD_HERE & p.tag.grammemes for p in morphology.parses(word, "uk")):
            return False  # «вставить», «достиг», «других», «прямую»: Ukrainian forms the Ukrainian dictionary
            # lists as such (it marks «сейчас», «пункта» as distorted)
        z_other, z_main = lexicon.zipf(word, other), lexicon.zipf(word, main)
        return z_other >= FOREIGN_MIN_ZIPF and z_other - z_main >= FOREIGN_GAP
