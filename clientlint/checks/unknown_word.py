"""Misspelt words: a word no lexicon knows, with a known word one slip away."""

from __future__ import annotations

from functools import lru_cache

from . import Check
from .. import lexicon, morphology
from ..language import shows_language
from ..morphology import normalize
from ..rule import match_case
from ..suggest import russian_by_ear, slip_between, suggestions

# A word at the start of a sentence may be a name; flag it only when the suggestion is a common word.
SENTENCE_START_MIN_ZIPF = 4.0
# The suggestion must be a word people actually use; rarer ones mean we are guessing.
MIN_ZIPF = 2.0
# A word that is itself this common in real text is slang, a new word or a frequent misspelling, not a slip of
# the finger («капец», "lmao", «вообщем»). The frequent misspellings are named in the data packs
# (rules/<lang>/spelling.yaml) with their fix; the generic check leaves them all alone.
IN_USE_ZIPF = 2.5
# A word seen in real text at all (Zipf > 0) is a typo only when the word it spoils is far more common: a slip of
# the finger lands on a given word at most about once in a hundred uses, so its misspelling is at least two Zipf
# points rarer («коментарии» 1.6 against «комментарии» 4.5). Slang, clipped words and names are used in their own
# right, at a frequency near their look-alike's («рашке» 1.9 against «раке» 3.2).
TYPO_RARER = 2.0
# Short words have many neighbours: «omg» is one letter from «mg». Only a very common suggestion counts.
SHORT_WORD = 4
SHORT_WORD_MIN_ZIPF = 4.0
# A Russian or Ukrainian word of three letters that real text uses (Zipf 2: once in ten million words) is a word
# in its own right, a clipping, an interjection or a name («бож», «уть», «флу»), more often than a slip: on the three
# clean corpora of benchmarks/false_alarms.py such findings were 9 false and 1 real. The price, on UA-GEC learner
# text: 5 of the 25 three-letter slips found there («неі», «ігр») are in use too and go unreported; the rarer ones
# («дял», «вжу») are still slips.
SHORT_IN_USE_ZIPF = 2.0
# A long non-word one edit from a dictionary word is a typo however rare that word is («пігдинаються»):
# few long strings are one letter from a word by chance.
LONG_WORD = 9


def _letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha())


def is_name_or_code(token, sentence) -> bool:
    """Capitalised mid-sentence (a name), ALL CAPS (an abbreviation), or mixed case inside (a brand: iPhone)."""
    text = token.text
    letters = _letters(text)
    if any(c.isupper() for c in letters[1:]):
        return True
    first_word = next((t for t in sentence.tokens if t.kind != "punct"), None)
    return letters[:1].isupper() and token is not first_word


def after_a_number(token, sentence, text: str) -> bool:
    """«6-классники», «3-комнатная», «5-річний»: the second half of a compound whose first half is a number
    written in digits; the half alone is no word of its own."""
    i = token.index
    return (i >= 2 and sentence.tokens[i - 1].text in "-\u2011" and sentence.tokens[i - 1].end == token.start
            and sentence.tokens[i - 2].end == sentence.tokens[i - 1].start
            and text[sentence.tokens[i - 2].start:sentence.tokens[i - 2].end][-1:].isdigit())


def glued_to_digits(token, text: str) -> bool:
    """Letters written against digits with no space: a piece of a code, a hash or a model name («abc123def»,
    «u6ce8f7», «X200s»), not a word."""
    return text[token.start - 1:token.start].isdigit() or text[token.end:token.end + 1].isdigit()


def is_abbreviation(token, sentence, text: str) -> bool:
    """«англ. версия», «см. выше», «тыс. грн»: a short unknown word with a full stop that does not end the
    sentence (a lower-case word or a number follows), or one of three letters or fewer."""
    nxt = sentence.tokens[token.index + 1] if token.index + 1 < len(sentence.tokens) else None
    if nxt is None or nxt.text != "." or len(token.text) > 5:
        return False
    if len(token.text) <= 3:
        return True
    after = text[nxt.end:nxt.end + 40].lstrip()
    return bool(after) and (after[0].islower() or after[0].isdigit())


def is_contraction_stem(token, sentence) -> bool:
    """«doesn 't», "wouldn t": a contraction split by spaces; the stem alone is not a misspelling."""
    tokens = sentence.tokens
    nxt = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    return nxt is not None and nxt.text in "'’" or token.lower.endswith("n") and nxt is not None and nxt.text == "t"


def is_address(token, sentence, suggestion: str, lang: str) -> bool:
    """«Дулма, …» (not «Дума»): the first word, capitalised and followed by a comma, is someone addressed by name,
    unless the suggestion is no noun («Спосибо, …» → «Спасибо») or the slip is a likely one (a confused vowel,
    a doubled letter, a neighbouring key: «Клиенд, …» → «Клиент»), or a relative word or participle follows the
    comma («Заказь, который …»: the sentence's subject)."""
    tokens = sentence.tokens
    nxt = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if nxt is None or nxt.text != "," or lang not in morphology.SUPPORTED or " " in suggestion:
        return False
    then = tokens[token.index + 2] if token.index + 2 < len(tokens) else None
    if then is not None and then.kind == "word" and _opens_a_clause(then.text, lang):
        return False  # «Заказь, который вы оформили, …»: the subject and its clause, no one addressed
    readings = morphology.parses(suggestion, lang)
    return (bool(readings) and all(p.tag.POS == "NOUN" for p in readings)
            and slip_between(token.text, suggestion, lang) < 0.5)


def _opens_a_clause(word: str, lang: str) -> bool:
    """A relative word («который», «що», «який») or a participle («оплаченная», «підписані»): what follows a
    noun that the sentence is about, not someone's name."""
    readings = morphology.parses(word, lang)
    return bool(readings) and (all(p.tag.POS in ("PRTF", "GRND") for p in readings)
                               or any(p.normal_form in _RELATIVE_WORDS for p in readings))


_RELATIVE_WORDS = frozenset({"который", "чей", "що", "який", "чий", "котрий"})


_NAME_MARKS = morphology.PROPER_NAMES


def set_against_its_word(token, sentence, cands: tuple[str, ...]) -> bool:
    """«пишется пришёл, а не пришол», «не пришол, а пришёл»: the misspelling is set against the word it spoils,
    as an example of what not to write."""
    words = [t for t in sentence.tokens if t.kind == "word"]
    j = next(k for k, t in enumerate(words) if t is token)
    meant = {normalize(c).replace("ё", "е") for c in cands[:3]}
    said = [normalize(t.text).replace("ё", "е") for t in words]
    return (j >= 3 and said[j - 2:j] == ["а", "не"] and said[j - 3] in meant
            or j >= 1 and said[j - 1] == "не" and said[j + 1:j + 2] == ["а"] and said[j + 2:j + 3] != []
            and said[j + 2] in meant)


def _is_proper_name(word: str, lang: str) -> bool:
    if lang not in morphology.SUPPORTED or " " in word:
        return False
    parses = morphology.parses(word, lang)
    return bool(parses) and all(_NAME_MARKS & p.tag.grammemes for p in parses)


def _fitting_first(cands: tuple[str, ...], token, sentence, lang: str) -> tuple[str, ...]:
    """After a preposition, the words in a case it takes come first («над людми» → «людьми», not «люди»): the
    slip changed a letter, not the case the writer chose."""
    if len(cands) < 2 or token.index == 0:
        return cands
    before = sentence.tokens[token.index - 1]
    if before.kind != "word" or before.end != token.start - 1:
        return cands
    fitting = [c for c in cands if morphology.fits_after_preposition(before.text, c.split()[0], lang)]
    return tuple(fitting + [c for c in cands if c not in fitting])


def _mixes_scripts(letters: str) -> bool:
    latin = any("a" <= c.lower() <= "z" for c in letters)
    return latin and any("\u0400" <= c <= "\u04ff" for c in letters) or any(
        c.isalpha() and not ("a" <= c.lower() <= "z" or "\u0400" <= c <= "\u04ff") for c in letters)


@lru_cache(maxsize=200_000)
def _known_here(word: str, sentence_lang: str | None) -> bool:
    lang = lexicon.script_language(word, sentence_lang)
    return lang in lexicon.LANGS and lexicon.is_known(word, lang)


def judged_language(token, sentence, doc) -> str | None:
    lang = lexicon.script_language(token.text, sentence.language or doc.language)
    return lang if lang in lexicon.LANGS else None


class UnknownWord(Check):
    priority = 10  # the last word: any other spelling rule knows better
    META = {
        "id": "spelling.unknown-word",
        "category": "spelling",
        "severity": "warning",
        "languages": ["any"],
        "fix": "unsafe",
        "message": {
            "ru": "Похоже на опечатку: «{match}». Возможно, вы имели в виду «{suggestion}».",
            "uk": "Схоже на друкарську помилку: «{match}». Можливо, ви мали на увазі «{suggestion}».",
            "en": "Possible typo: “{match}”. Did you mean “{suggestion}”?",
        },
        "description": (
            "A client notices a typo in the first line and it stays with them: it reads as haste or carelessness. "
            "The word is in no dictionary (pymorphy3 for Russian and Ukrainian, an English word list, the team's "
            "accepted words), and a common word is one slip away: a missing, extra, swapped or neighbouring-key "
            "letter. Names (capitalised words mid-sentence or after initials, or a first word addressed before a "
            "comma: «Дулма, …»), abbreviations, ALL-CAPS words, links, placeholders, codes (letters against "
            "digits), a Russian or Ukrainian word of three letters that real text uses (a clipping or an "
            "interjection more often than a slip) and words with no close suggestion are left alone, so the check "
            "stays quiet on jargon it cannot judge. A Ukrainian word in Russian text is a question of mixing, "
            "unless it is Russian spelt by ear: «можна» (an unstressed «о» heard as «а»), «хочеш», «чесно»."
        ),
        "examples": {
            "bad": [
                {"text": "Ваш <<закас>> уже передан в доставку.", "suggestion": "заказ"},
                {"text": "Ваше <<замовленя>> вже передано до служби доставки.", "suggestion": "замовлення"},
                {"text": "Please find the <<invocie>> attached.", "suggestion": "invoice"},
                {"text": "<<Спосибо>>, что проверили адрес доставки.", "suggestion": "Спасибо"},
                {"text": "<<Каллеги>>, добрый день! Отчёт готов.", "suggestion": "Коллеги"},
                {"text": "Подскажите, что <<можна>> сделать с заказом?", "suggestion": "можно"},
                {"text": "Если <<хочеш>>, перезвоню тебе завтра утром.", "suggestion": "хочешь"},
            ],
            "good": [
                "Ваш заказ уже передан в доставку.",
                "Передайте, пожалуйста, привет Стичкину и команде Акмеплан.",
                "Ми надішлемо звіт у Google Docs до п’ятниці.",
                "Мы подключили CRM и интеграцию с Zoom, см. англ. версию.",
                "Аааа, теперь понятно!",
                "The colour of the organised dashboard is fine.",
                "Защита была артистически построена, и книга прочлась за вечер.",
                "Модель обчислювально важка, а команда діяла шахрайськи.",
                "Вони схо\u00adдять на берег, як сказано вище¹.",
                "Зікар кивнув і вийшов.",
                "Посмотрите нашу подборочку товаров к празднику.",
                "Статью опубликуем на хабре в четверг.",
                "Простите за подвисание сайта вчера вечером.",
                "Правильно писать «пришёл», а не «пришол».",
                "Пишіть не «замовленя», а «замовлення».",
                "Дулма, спасибо за отзыв, мы всё учли.",
                "Договор подписала Т. Ю. Дулма, которая ведёт проект.",
                "Ваш промокод жщп81вечр7 действует до пятницы.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences:
            for token in sentence.tokens:
                if token.kind != "word":
                    continue
                found = self._judge(token, sentence, doc)
                if found:
                    lang, cands = found
                    repl = [match_case(token.text, c) for c in cands]
                    yield self.diagnostic(token.start, token.end, repl, lang=sentence.language or lang,
                                          match=token.text)

    def _judge(self, token, sentence, doc):
        if _known_here(token.text, sentence.language or doc.language):
            return None  # nearly every word: one cached lookup
        letters = _letters(token.text)
        if len(letters) < 3 or len(set(letters.lower())) <= 2:
            return None
        if _mixes_scripts(letters):
            return None  # spelling.mixed-script says what is wrong with it
        if any(h.pattern is not None and h.start <= token.start and token.end <= h.end for h in doc.disguised):
            return None  # a piece of a word hidden behind stars («и*иот»): not a spelling question
        lang = judged_language(token, sentence, doc)
        if lang is None or lexicon.is_known(token.text, lang):
            return None
        if lang == "en" and sentence.language not in ("en", None):
            return None  # a Latin word in Cyrillic text: a name, a term or another language; not ours to judge
        if is_name_or_code(token, sentence) or is_abbreviation(token, sentence, doc.text):
            return None
        if after_a_number(token, sentence, doc.text) or glued_to_digits(token, doc.text):
            return None
        if lang == "en" and is_contraction_stem(token, sentence):
            return None
        in_use = SHORT_IN_USE_ZIPF if lang != "en" and len(letters) <= 3 else IN_USE_ZIPF
        if lexicon.zipf(token.text, lang) >= in_use:
            return None
        if lexicon.is_regular_derivative(token.text, lang):
            return None  # «прочлась», «артистически», «обчислювально»: made by rule from a known word
        if lexicon.colloquial(token.text, lang):
            return None  # «курсач», «запостил»: a word, colloquial; spelling.colloquial says so
        if lexicon.is_accepted(token.text, lang, doc.accepted_words):
            return None
        other = lexicon.other_cyrillic(lang)
        by_ear = russian_by_ear(token.text) if lang == "ru" else ""
        by_ear = by_ear if by_ear and not shows_language(doc, "uk") else ""  # («або можна»: Ukrainian)
        if other and lexicon.is_known(token.text, other) and not by_ear:
            return None  # a word of the other language: a question of mixing, not of spelling («можна» in
            # Russian text is Russian spelt by ear, not Ukrainian: it is ours)
        parts = [p for p in token.text.replace("\u2011", "-").split("-") if p]
        if len(parts) > 1 and all(lexicon.is_known(p, lang) or len(p) <= 2 for p in parts):
            return None
        cands = _fitting_first(suggestions(token.text, lang), token, sentence, lang)
        if by_ear:
            cands = (by_ear,) + tuple(c for c in cands if c != by_ear)
        if not cands:
            return None
        if set_against_its_word(token, sentence, cands):
            return None  # an example of the misspelling, not a slip
        if _is_proper_name(cands[0], lang):
            return None  # «Левій» → «Леві»: a name one letter from another name is a name
        at_start = letters[:1].isupper()
        if at_start and normalize(cands[0])[:1] != normalize(letters)[:1]:
            return None  # «Евері» → «Двері», «Зікар» → «Лікар»: a capital typed on purpose, a name more likely
        if at_start and is_address(token, sentence, cands[0], lang):
            return None  # «Дулма, ваш заказ …» is not «Дума»: a name the message opens with
        best = min(lexicon.strength(part, lang) for part in cands[0].split())
        needed = SENTENCE_START_MIN_ZIPF if at_start else MIN_ZIPF
        if len(letters) <= SHORT_WORD:
            needed = max(needed, SHORT_WORD_MIN_ZIPF)
        elif len(letters) >= LONG_WORD and not at_start:
            needed = 0.0
        if best < needed:
            return None
        seen = lexicon.zipf(token.text, lang)
        if seen > 0 and best - seen < TYPO_RARER:
            return None  # used in its own right, not a rare slip away from a common word
        if lexicon.in_wide_lexicon(token.text, lang):
            return None  # a word after all, one our dictionary lacks («подвисание»); asked last: slow to load
        return lang, cands
