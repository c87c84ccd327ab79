"""Shouting: words typed in capitals («ВЫ ДОЛЖНЫ ОПЛАТИТЬ»), and runs of «!!!» or «?!?!».

Capitals are shouting only when they spell ordinary words. Acronyms and codes («SLA», «ООО», «VAT», «RX-200»)
are not dictionary words, or are too short to tell from one, so they are left alone, and so is one word in
capitals for emphasis inside an ordinary sentence («это НЕ ошибка», "do NOT reply") unless it presses the reader
(«НЕМЕДЛЕННО», an order), and a Russian or Ukrainian heading on a line of its own («УМОВИ ОПЛАТИ»).
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import Check
from .. import lexicon, morphology
from ..kinds.pattern import CLOSE_QUOTES, OPEN_QUOTES

MIN_WORD = 4  # a shorter word in capitals may be an acronym ("IT", "US", «ВУЗ»)
MIN_LETTERS = 8  # one long word in capitals shouts when it presses («НЕМЕДЛЕННО», «ПРЕКРАТИТЕ») or stands alone
# Words that press the reader: in capitals, even one of them is a raised voice. Any other single word in capitals
# inside an ordinary sentence is emphasis («запуск прошёл ВНЕЗАПНО гладко», «это НАСТОЛЬКО важно»).
PRESSING = frozenset("немедленно незамедлительно обязательно категорически невідкладно "
                     "обов'язково обов’язково категорично терміново immediately urgently absolutely mandatory".split())


def _shouted(token, lang: str | None) -> bool:
    """A word of ``MIN_WORD``+ letters in capitals that the dictionary knows in lower case, and not as an
    abbreviation."""
    return len(token.text) >= MIN_WORD and _ordinary(token, lang)


def _ordinary(token, lang: str | None) -> bool:
    """A word in capitals that the dictionary knows in lower case, and not as an abbreviation."""
    text = token.text
    if not text.isalpha() or not text.isupper():
        return False
    lower = text.lower()
    lang = lexicon.script_language(lower, lang)
    if lang is None or not lexicon.is_known(lower, lang):
        return False
    if lang in morphology.SUPPORTED:
        return not any("Abbr" in p.tag for p in morphology.parses(text, lang))
    return True


_PERSON = ("Name", "Patr")


def _names_a_person(token, lang: str | None) -> bool:
    """A first name or patronymic in capitals («ІВАН ФРАНКО», «ИВАН ПЕТРОВИЧ»): the run is a name, as a heading
    or a signature writes it, not a raised voice."""
    return lang in morphology.SUPPORTED and any(
        g in p.tag for p in morphology.parses(token.text, lang) for g in _PERSON)


def _without_names(tokens, lang: str | None) -> list:
    """The words of a run of capitals, less each stretch between punctuation that holds a person's name
    («ОПЛАТИТЕ СЧЁТ, ИВАН» keeps «ОПЛАТИТЕ СЧЁТ»)."""
    out, part = [], []
    for token in [*tokens, None]:
        if token is None or token.kind != "word":
            if not any(_names_a_person(t, lang) for t in part):
                out.extend(part)
            part = []
        else:
            part.append(token)
    return out


def _presses(token, lang: str | None) -> bool:
    """An order or an urgency word: «НЕМЕДЛЕННО», «ПРЕКРАТИТЕ», "IMMEDIATELY"."""
    if token.lower in PRESSING:
        return True
    parses = morphology.parses(token.text, lang) if lang in morphology.SUPPORTED else ()
    return bool(parses) and all("VERB" in p.tag for p in parses) and any("impr" in p.tag for p in parses)


def _alone(tokens, word) -> bool:
    """The word in capitals is all the sentence says: no other word in ordinary case around it («ПЕРЕСТАНЬ!»)."""
    return not any(t.kind == "word" and t is not word and any(c.islower() for c in t.text) for t in tokens)


_PRONOUNS = frozenset("я ты вы мы он она они ти ви ми він вона вони".split())
HEADING_WORDS = 10  # a longer line in capitals is a sentence, not a title


def _is_heading(doc, sentence) -> bool:
    """A line of its own in capitals that names a topic («УМОВИ ОПЛАТИ», «КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ», «6 СЛІВ НА
    ДЕНЬ»): no closing «.», «!» or «?», no word that can only be a verb in a personal form, and no personal pronoun. A title, not a raised
    voice; «ОПЛАТИТЕ СЧЁТ» has a verb and stays shouting. Told apart only in Russian and Ukrainian, where the
    dictionary knows the verbs."""
    lang = sentence.language
    if lang not in morphology.SUPPORTED:
        return False
    line_start = doc.text.rfind("\n", 0, sentence.start) + 1
    line_end = doc.text.find("\n", sentence.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    if doc.text[line_start:sentence.start].strip() or doc.text[sentence.end:line_end].strip():
        return False
    words = [t for t in sentence.tokens if t.kind == "word"]
    if not words or len(words) > HEADING_WORDS or sentence.tokens[-1].text[-1:] in ".!?…":
        return False
    for token in words:
        if token.text.isdigit():
            continue
        if not token.text.isupper() or token.lower in _PRONOUNS:
            return False
        parses = morphology.parses(token.text, lang)
        if parses and all("VERB" in p.tag and "infn" not in p.tag for p in parses):
            return False  # a verb in every reading («ОПЛАТИТЕ»; «ОПЛАТИ» may be the noun «оплата»)
    return True


def _quoted_label(text: str, start: int, end: int) -> bool:
    """The capitals are the whole of a quotation: a button or a heading named as it is written («нажмите
    «ОТПРАВИТЬ ЗАЯВКУ»», click ""SAVE""), or words quoted as they were shouted, one sentence or more. A longer
    quotation that only contains them is not excused."""
    # The quotation may hold more than one sentence, all in capitals: «на табличке "НЕ ВХОДИТЬ! ИДЁТ СЪЁМКА"».
    def inside(ch: str, marks) -> bool:
        return ch not in marks and ch != "\n" and not ch.islower()

    if text[:start].rstrip().endswith(",,") and text[end:].lstrip().startswith(",,"):
        return True  # «,,Я ЛЮБЛЮ ТЕБЯ,,»: two commas typed for „…“
    while start > 0 and inside(text[start - 1], OPEN_QUOTES):
        start -= 1
    while end < len(text) and inside(text[end], CLOSE_QUOTES):
        end += 1
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if not before or not after or before[-1] not in OPEN_QUOTES or after[0] not in CLOSE_QUOTES:
        return False
    # A straight quote opens after a space or the start, and closes before a space, a mark or the end: in
    # «2014"" ОЧЕНЬ КЛАССНО"» the first marks close a quotation and the last closes the whole message. A quote
    # typed against the wrong word («надпись" НЕ ВХОДИТЬ" на двери», «"СОХРАНИТЬ"ПОЧЕМУ …») still opens or closes by
    # its place in the pairs: the first «"» of the text opens, the second closes.
    opening, closing = before.rstrip("\"'"), after.lstrip("\"'")
    # (Not when the text doubles its quotes, ""so"", as a CSV cell does: there the count says nothing.)
    paired = '""' not in text and text.count('"') % 2 == 0
    quotes_before = text.count('"', 0, len(before) - 1)
    opens = before[-1] not in "\"'" or not opening[-1:].isalnum() or (
        paired and before[-1] == '"' and quotes_before % 2 == 0)
    closes = after[0] not in "\"'" or not closing[:1].isalnum() or (
        paired and after[0] == '"' and text.count('"', 0, end) % 2 == 1 and quotes_before % 2 == 0)
    return opens and closes


_LATIN = re.compile(r"[A-Za-z'’-]+")


def _is_capitals(token) -> bool:
    return token.kind == "word" and any(ch.isalpha() for ch in token.text) and token.text.isupper()


class ShoutingCapitals(Check):
    META = {
        "id": "tone.shouting",
        "category": "tone",
        "severity": "warning",
        "languages": ["any"],
        "fix": "unsafe",
        "message": {
            "ru": "«{match}» написано заглавными буквами: в переписке это читается как крик. "
                  "Напишите обычными буквами, а важное выделите словами: «{suggestion}».",
            "uk": "«{match}» написано великими літерами: у листуванні це читається як крик. "
                  "Напишіть звичайними літерами, а важливе виділіть словами: «{suggestion}».",
            "en": "“{match}” is in capitals, which reads as shouting. Write it in ordinary case and say what matters "
                  "in words: “{suggestion}”.",
        },
        "description": (
            "Words in capitals read as a raised voice: a client who gets «ОПЛАТИТЕ ДО ПЯТНИЦЫ» hears an order "
            "shouted at them. The rule flags two or more ordinary words in capitals in a row, or one long one "
            "(8+ letters) that gives an order, presses («НЕМЕДЛЕННО») or is the whole sentence. Acronyms, codes "
            "and names that the dictionary does not know, a person's name in capitals («ІВАН ФРАНКО»), one word "
            "in capitals for emphasis inside an ordinary sentence («это НЕ ошибка», «запуск прошёл ВНЕЗАПНО "
            "гладко»), and a Russian or Ukrainian heading on a line of its own («УМОВИ ОПЛАТИ»: no verb, no "
            "closing mark), an English title in capitals in Cyrillic text («постер THE LAST OF US»), and capitals "
            "that are the whole of a quotation (a button label: «нажмите «ОТПРАВИТЬ ЗАЯВКУ»», a sign quoted as "
            "written, even of two sentences) are left alone."
        ),
        "examples": {
            "bad": [
                {"text": "Напоминаем: <<ВЫ ДОЛЖНЫ ОПЛАТИТЬ СЧЁТ>> до пятницы.", "suggestion": "вы должны оплатить счёт"},
                {"text": "<<НЕМЕДЛЕННО>> пришлите документы.", "suggestion": "Немедленно"},
                {"text": "Будь ласка, <<ПРОЧИТАЙТЕ ДОГОВІР>> перед підписанням.", "suggestion": "прочитайте договір"},
                {"text": "<<PLEASE READ>> the contract before you sign.", "suggestion": "Please read"},
                {"text": "<<ОПЛАТИТЕ СЧЁТ>>\nИначе доступ будет закрыт.", "suggestion": "Оплатите счёт"},
            ],
            "good": [
                "Договор с ООО «Ромашка» и SLA в приложении.",
                "Это НЕ ошибка, а новая функция.",
                "Запуск прошёл ВНЕЗАПНО гладко, спасибо команде.",
                "Please do NOT reply to this address; VAT is included.",
                "Модель RX-200 и код ABC-1234 уже в наличии.",
                "У США и ЄС різні ставки ПДВ.",
                "ІВАН ФРАНКО — український поет, прозаїк і перекладач.",
                "КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ\nДобрый день! Направляем условия на март.",
                "Шановні колеги!\n\nУМОВИ ОПЛАТИ\nРахунок сплачується протягом п'яти днів.",
                "Заполните форму и нажмите «ОТПРАВИТЬ ЗАЯВКУ» внизу страницы.",
                'Click the ""SAVE CHANGES"" button when you are done.',
                "На табличке было «НЕ ВХОДИТЬ! ИДЁТ СЪЁМКА», и мы подождали.",
                "На кнопке написано ,,ОТПРАВИТЬ ЗАЯВКУ,, внизу страницы.",
                'На кнопке написано" ОТПРАВИТЬ ЗАЯВКУ" внизу страницы.',
                '"СОХРАНИТЬ ИЗМЕНЕНИЯ"нажмите, когда закончите.',
                "Обложку сделаем в духе постера THE LAST OF US, как вы просили.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences:
            if _is_heading(doc, sentence):
                continue
            tokens = sentence.tokens
            at_start = True
            i = 0
            while i < len(tokens):
                if not _is_capitals(tokens[i]):
                    at_start = at_start and tokens[i].kind == "punct"
                    i += 1
                    continue
                j = i
                while j + 1 < len(tokens) and (_is_capitals(tokens[j + 1]) or (
                        tokens[j + 1].kind == "punct" and tokens[j + 1].text in ",-–—"
                        and j + 2 < len(tokens) and _is_capitals(tokens[j + 2]))):
                    j += 1
                run = _without_names(tokens[i:j + 1], sentence.language)
                shouted = [t for t in run if _shouted(t, sentence.language)]
                if len(shouted) >= 2 or (shouted and len(shouted[0].text) >= MIN_LETTERS and (
                        _presses(shouted[0], sentence.language) or _alone(tokens, shouted[0]))):
                    words = [t for t in run if _ordinary(t, sentence.language)]
                    first, last = words[0], words[-1]
                    if _quoted_label(doc.text, first.start, last.end):
                        at_start, i = False, j + 1
                        continue  # a label or words quoted as written: «нажмите «ОТПРАВИТЬ ЗАЯВКУ»»
                    if sentence.language in ("ru", "uk") and all(_LATIN.fullmatch(t.text) for t in words):
                        at_start, i = False, j + 1
                        continue  # an English title in Cyrillic text: «обзор на THE LAST OF US»
                    span = doc.text[first.start:last.end]
                    calm = span.lower()
                    if at_start and first is run[0] and first is tokens[i]:
                        calm = calm[:1].upper() + calm[1:]
                    yield self.diagnostic(first.start, last.end, [calm], lang=sentence.language, match=span)
                at_start = False
                i = j + 1


_MARKS = re.compile(r"[!?]*![!?]*")
# Thanks, congratulations, a welcome, a cheer (not «отлично», "great": sarcasm opens with them): «!!!» after these is over-excited, not a raised voice. It stays advice
# (info), which leaves the message's tone neutral.
_WARM = re.compile(
    r"\b(?:спасиб|благодар|поздравл|ура+\b|рады?\b|рада\b|добро пожаловать|с (?:днём|днем) рождения|"
    r"с праздник|с новым год|молод(?:ец|цы)\b|браво|"
    r"дяку|вітаю|вітаємо|раді\b|радий\b|ласкаво просимо|з днем народження|з новим роком|з[іи]? святом|молодці|"
    r"thank|congrat|welcome|happy (?:birthday|new year|holidays)|hooray|yay\b|well done|delighted|cheers)",
    re.IGNORECASE)


class ShoutingMarks(Check):
    META = {
        "id": "tone.exclamations",
        "category": "tone",
        "severity": "warning",
        "languages": ["any"],
        "fix": "safe",
        "message": {
            "ru": "«{match}» — несколько знаков подряд клиент слышит как повышенный голос, даже если вы просто "
                  "расстроены или взволнованы. Оставьте один: «{suggestion}».",
            "uk": "«{match}» — кілька знаків поспіль клієнт чує як підвищений голос, навіть якщо ви просто засмучені "
                  "чи схвильовані. Залиште один: «{suggestion}».",
            "en": "“{match}” reads to the client as a raised voice, even when you are only upset or excited. "
                  "Keep one mark: “{suggestion}”.",
        },
        "description": (
            "A run of exclamation or question marks («!!!», «?!?!») turns a request into a raised voice; in a "
            "reply to a complaint it reads as exasperation. The reader hears the marks, not the feeling behind "
            "them: dismay or excitement («Ужас!!!», «Наконец-то!!!!») sounds just as loud. One mark says the "
            "same. «?!», a double «!!» and question marks alone («???») are left alone. After thanks, congratulations or a welcome («Спасибо!!!», "
            "«Вітаємо!!!», \"Congratulations!!!\") the run is only over-excited: it stays as advice (info) and "
            "leaves the message's tone neutral."
        ),
        "examples": {
            "bad": [
                {"text": "Оплатите счёт до пятницы<<!!!>>", "suggestion": "!"},
                {"text": "Ви взагалі читали договір<<?!?!>>", "suggestion": "?"},
                {"text": "Why did you not send the files<<??!>>", "suggestion": "?"},
                {"text": "Send it today<<!!!!>>", "suggestion": "!"},
                {"text": "Доставку опять перенесли, это ужас какой-то<<!!!!!>>", "suggestion": "!"},
            ],
            "good": [
                "Спасибо, что выбрали нас!",
                "Как это возможно?! Сейчас разберёмся.",
                "Дякуємо! Чекаємо на вас.",
                "Great news!! Your order has shipped.",
                "Who approved this change???",
            ],

        },
    }

    WARM_MESSAGE = {
        "ru": "«{match}» после благодарности или поздравления выглядит чересчур восторженно; одного знака "
              "достаточно: «{suggestion}».",
        "uk": "«{match}» після подяки чи привітання виглядає надто захоплено; одного знака досить: «{suggestion}».",
        "en": "“{match}” after thanks or congratulations looks over-excited; one mark is enough: “{suggestion}”.",
    }

    def check(self, doc):
        for m in _MARKS.finditer(doc.prose):
            run = m.group()
            if len(run) < 3:
                continue
            calm = "?" if "?" in run else "!"
            found = self.diagnostic(m.start(), m.end(), [calm], lang=doc.language, match=run)
            if "?" not in run and _WARM.search(self._clause_before(doc, m.start())):
                lang = doc.language if doc.language in self.WARM_MESSAGE else "en"
                found = replace(found, severity="info",
                                message=self.WARM_MESSAGE[lang].format(match=run, suggestion=calm))
            yield found

    @staticmethod
    def _clause_before(doc, at: int) -> str:
        """The text from the last sentence end before ``at`` up to ``at``: what the marks close."""
        start = 0
        for sentence in doc.sentences:
            if sentence.start < at:
                start = sentence.start
        return doc.prose[start:at]
