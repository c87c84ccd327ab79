"""The same word twice in a row: «в в», «the the»."""

from __future__ import annotations

import re

from . import Check
from .. import lexicon, morphology
from .colloquial import is_colloquial

# An emoticon ends a thought in chat as a full stop does: «встречу перенесли :(( не не переживайте».
_EMOTICON_BEFORE = re.compile(r"(?:[:;=]-?[()DPpОо]|[()]{2,})\s*$")

# Doubles that are grammatical or idiomatic, not slips.
ALLOWED = frozenset(
    {
        # English: "had had", "that that" are grammatical; the rest are interjections and reduplications.
        "had", "that", "bye", "no", "yes", "ha", "ho", "so", "very", "really", "ok", "bla", "blah", "la", "knock",
        # Russian and Ukrainian interjections, emphatic doubles and reduplications written with a space
        # (some should carry a hyphen, «вот-вот», but that is a punctuation question, not a doubled word).
        "да", "нет", "ну", "ой", "ага", "ха", "хи", "хе", "так", "очень", "ні", "дуже", "ах", "эх", "ех", "бла",
        "вот", "то", "ось", "еле", "ледве", "чуть", "трохи", "тук", "ля", "ку", "га", "гы", "хы",
    }
)


def is_emphatic(word: str, lang: str | None) -> bool:
    """A word people double on purpose: an interjection («блин блин», «господи господи») or an order pressed
    home («жди жди», «давай давай»; in Ukrainian «чекай чекай»). Every plausible reading must be an
    imperative or every one a vocative, or one of them an interjection: «иди» is, «пойдём» and «ждали» are not."""
    if lang not in morphology.SUPPORTED:
        return False
    readings = morphology.parses(word, lang)
    if not readings or not all(p.is_known for p in readings):
        return False
    tags = [p.tag for p in readings]
    return (all("impr" in t and "incl" not in t for t in tags) or all("voct" in t for t in tags)
            or any(t.POS == "INTJ" for t in tags) or _intensified(word, lang))


def _intensified(word: str, lang: str) -> bool:
    """A quality said twice to make it stronger («глупый глупый», «долго долго», «білий білий»; the norm adds a
    hyphen, which is a punctuation question): every reading but a surname is a qualitative adjective or an
    adverb made from one."""
    readings = [p for p in morphology.parses(word, lang) if not morphology.PERSONAL_NAMES & p.tag.grammemes]
    return bool(readings) and all(_qualitative(p, lang) for p in readings)


def _qualitative(reading, lang: str) -> bool:
    tag = reading.tag
    if lang == "uk":
        return tag.POS in ("ADJF", "ADVB") and "compb" in tag
    if tag.POS == "ADJF":
        return "Qual" in tag
    word = reading.word
    return tag.POS == "ADVB" and word.endswith(("о", "е")) and any(
        "Qual" in p.tag for adjective in (word[:-1] + "ый", word[:-1] + "ий")
        for p in morphology.parses(adjective, lang) if p.tag.POS == "ADJF")


def _chat_word(word: str, lang: str | None) -> bool:
    """A word spelling.colloquial reports («ппц», «щас»), or a Cyrillic word no lexicon knows: doubled, it is a
    chant or emphasis in chat style, not a word typed twice by mistake."""
    if lang not in morphology.SUPPORTED or not any("\u0400" <= c <= "\u04ff" for c in word):
        return False
    return is_colloquial(word, lang) or not lexicon.is_known(word, lang)


def _possessive_chain(word: str, lang: str | None) -> bool:
    """«друга друга», «клиента клиента»: a person's noun whose second use can be a genitive is a chain of two
    («встретил друга друга» — a friend of a friend), grammatical, so not a word typed twice."""
    if lang not in morphology.SUPPORTED:
        return False
    return any(p.tag.POS == "NOUN" and {"anim", "gent"} <= p.tag.grammemes for p in morphology.parses(word, lang))


def _is_name_or_code(a, b, at_start: bool) -> bool:
    """«Bora Bora», «Baden Baden» (both capitalised mid-sentence) and short codes («AA AA») are not slips;
    «The The» at the start of a sentence is."""
    if len(a.text) > 1 and a.text.isupper():
        return len(a.text) <= 3
    return not at_start and a.text[0].isupper() and b.text[0].isupper()


class DoubledWord(Check):
    META = {
        "id": "spelling.doubled-word",
        "category": "spelling",
        "severity": "error",
        "languages": ["any"],
        "fix": "safe",
        "message": {
            "ru": "Слово «{word}» повторено дважды подряд. Оставьте одно: «{suggestion}».",
            "uk": "Слово «{word}» повторено двічі поспіль. Залиште одне: «{suggestion}».",
            "en": "The word “{word}” is repeated. Keep one: “{suggestion}”.",
        },
        "description": (
            "A word typed twice («в в», “the the”) is the typo a client spots first: it shows the message was "
            "not read before sending. Interjections, grammatical doubles (“had had”, «да да»), an order pressed "
            "home («давай давай»), laughter («хаха хаха»), a word said three times on purpose («учиться учиться и "
            "учиться»), a pair that makes a clause of its own («Отчёты отчёты, и так до вечера») and a person's noun "
            "followed by its own genitive («друга друга» — a friend's friend) are left alone."
        ),
        "examples": {
            "bad": [
                {"text": "Мы ответим <<в в>> течение часа.", "suggestion": "в"},
                {"text": "Дякуємо <<за за>> терпіння.", "suggestion": "за"},
                {"text": "Please find <<the the>> invoice below.", "suggestion": "the"},
                {"text": "<<Мы мы>> уже работаем над этим.", "suggestion": "Мы"},
                {"text": "<<The The>> invoice is attached.", "suggestion": "The"},
            ],
            "good": [
                "Мы ответим в течение часа.",
                "I had had no reply before Monday.",
                "Да, да, конечно, всё в силе.",
                "Ми дякуємо за терпіння, за розуміння.",
                "We spent a week in Baden Baden with the team.",
                "Наш девиз: учиться учиться и ещё раз учиться.",
                "Ну давай давай, жми на кнопку, всё получится.",
                "Блин блин блин, опять не тот файл!",
                "Думаю думаю думаю, а решения нет.",
                "Не не получится, а уже получилось.",
                "Опять перенесли встречу :(( не не переживайте, успеем.",
                "Хаха хаха, вот это поворот!",
                "Отчёты отчёты, и так до самого вечера.",
                "Минуту, я щас щас отправлю макет.",
                "Мы с командой скандировали «олеоле олеоле» весь матч.",
                "Мы познакомились через друга друга на конференции.",
                "Звернення надійшло від клієнта клієнта, тож відповімо через агенцію.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences:
            tokens = sentence.tokens
            for a, b in zip(tokens, tokens[1:]):
                if a.kind != "word" or b.kind != "word" or a.lower != b.lower:
                    continue
                at_start = (all(t.kind == "punct" for t in tokens[: a.index])
                            or bool(_EMOTICON_BEFORE.search(doc.text[max(0, a.start - 12):a.start])))
                if a.lower in ALLOWED or lexicon.is_laughter(a.text) or _is_name_or_code(a, b, at_start):
                    continue
                if is_emphatic(a.text, sentence.language or doc.language):
                    continue
                if _chat_word(a.text, sentence.language or doc.language):
                    continue  # «ппц ппц», «плюсони плюсони»: a chat word or one no dictionary knows, said twice
                    # for effect (spelling.colloquial and spelling.unknown-word speak for the word itself)
                if _possessive_chain(a.text, sentence.language or doc.language):
                    continue
                if at_start and a.lower in ("не", "ні"):
                    continue  # «Не не знаю»: «Не, не знаю», a «no» and then the negation, its comma left out
                between = doc.text[a.end:b.start]
                if between.strip() or "\n\n" in between:
                    continue
                after = tokens[b.index + 1] if b.index + 1 < len(tokens) else None
                if at_start and len(a.text) >= 3 and (after is None or after.text[:1] in ",.!?…"):
                    continue  # the pair is a clause of its own, said twice: «Сессия сессия, …», «Почему почему?»
                around = [*tokens[max(0, a.index - 4):a.index], *tokens[b.index + 1:b.index + 5]]
                if any(t.lower == a.lower for t in around):
                    continue  # said three times on purpose: «учиться, учиться и учиться», "work work and work"
                yield self.diagnostic(a.start, b.end, [a.text], lang=sentence.language, word=a.text)
