"""A word that mixes Latin and Cyrillic letters: «Cпасибо» with a Latin C, "Hellо" with a Cyrillic о.

The word looks right, but to a computer it is a different string: the client's search, mail filters and spell
checker do not recognise it. Each word token (and each part of a hyphenated one, so «Wi-Fi-роутер» is fine) that
holds letters of both scripts is judged:

- The suggestion converts the look-alike letters (a c e o p x y k, A B C E H K M O P T X Y, and back; Latin
  i → Ukrainian «і» only in a Ukrainian sentence or when the result is a Ukrainian word; ë → «ё», ó → «о́»)
  to the script of most of the part's letters (then of the whole token, then of the sentence).
- The fix is safe when the converted word is a dictionary word (ru/uk or English), in a normal case shape, and
  the conversion to the other script is not a word too; otherwise it is unsafe. When a letter has no look-alike
  («прuвет») the finding has no suggestion.
- Left alone: codes with digits or underscores («ТВ-4K», «Х5_plus»), escape sequences («\\nобрали»), two
  words or a word and an ending glued together («отчётExcel», «наркозP.S», inflected abbreviations «PRу»,
  «CRMки») unless the converted word is a real word, and everything masked (links, e-mails, code, placeholders).
"""

from __future__ import annotations

import re

from . import Check
from .. import lexicon

# Latin letter -> Cyrillic look-alike. Latin "i" -> «і» only in Ukrainian (see _to_cyrillic).
LAT_TO_CYR = {
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к", "i": "і",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т",
    "X": "Х", "I": "І", "Y": "У",
}
CYR_TO_LAT = {cyr: lat for lat, cyr in LAT_TO_CYR.items()}
# Latin letters with diacritics typed for Cyrillic ones: «всë» with a Latin ë, a stress mark written as «рóботи».
_ACUTE = "\u0301"
LAT_TO_CYR.update({
    "ë": "ё", "Ë": "Ё", "ï": "ї", "Ï": "Ї",
    "á": "а" + _ACUTE, "é": "е" + _ACUTE, "ó": "о" + _ACUTE, "ý": "у" + _ACUTE, "í": "і" + _ACUTE,
    "Á": "А" + _ACUTE, "É": "Е" + _ACUTE, "Ó": "О" + _ACUTE, "Í": "І" + _ACUTE,
})
_UKRAINIAN_I = frozenset("iIíÍïÏ")

_PART_SPLIT = re.compile(r"[-\u2011'\u2019\u02bc]")


def script_of(ch: str) -> str | None:
    """"lat", "cyr" or None for a letter (None for anything else)."""
    if not ch.isalpha():
        return None
    o = ord(ch)
    if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
        return "lat"
    if 0x400 <= o <= 0x52F:
        return "cyr"
    return None


def _blocks(word: str) -> list[tuple[str, int]]:
    """Runs of one script in ``word``: [(script, number of letters)]."""
    out: list[list] = []
    for ch in word:
        s = script_of(ch)
        if s is None:
            continue
        if out and out[-1][0] == s:
            out[-1][1] += 1
        else:
            out.append([s, 1])
    return [(s, n) for s, n in out]


def _to_cyrillic(word: str, context: str | None) -> str | None:
    """The word with its Latin letters replaced by Cyrillic look-alikes; None when one has none.

    Latin «i» stands for Ukrainian «і» only in a Ukrainian sentence or when the result is a Ukrainian word.
    """
    out = []
    used_i = False
    for ch in word:
        if script_of(ch) == "lat":
            cyr = LAT_TO_CYR.get(ch)
            if cyr is None:
                return None
            used_i |= ch in _UKRAINIAN_I
            out.append(cyr)
        else:
            out.append(ch)
    result = "".join(out)
    if used_i and context != "uk" and not lexicon.is_known(result, "uk"):
        return None
    return result


def _to_latin(word: str) -> str | None:
    out = []
    for ch in word:
        if script_of(ch) == "cyr":
            lat = CYR_TO_LAT.get(ch)
            if lat is None:
                return None
            out.append(lat)
        else:
            out.append(ch)
    return "".join(out)


def _known_cyrillic(word: str, context: str | None) -> bool:
    langs = ("uk", "ru") if context == "uk" else ("ru", "uk")
    return any(lexicon.is_known(word, lang) for lang in langs)


def _chunk_has_code(text: str, start: int, end: int) -> bool:
    """Whether the run of non-space characters around ``text[start:end]`` holds a digit or an underscore."""
    s, e = start, end
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return any(c.isdigit() or c == "_" for c in text[s:e])


_NAMES = {
    "ru": {"lat": ("латинская", "латинские"), "cyr": ("кириллическая", "кириллические")},
    "uk": {"lat": ("латинська", "латинські"), "cyr": ("кирилична", "кириличні")},
    "en": {"lat": ("Latin", "Latin"), "cyr": ("Cyrillic", "Cyrillic")},
}
_ADVICE = {
    "ru": {"cyr": "Напишите «{s}» целиком кириллицей.", "lat": "Напишите «{s}» целиком латиницей.",
           None: "Перепечатайте слово в одной раскладке."},
    "uk": {"cyr": "Напишіть «{s}» повністю кирилицею.", "lat": "Напишіть «{s}» повністю латиницею.",
           None: "Передрукуйте слово в одній розкладці."},
    "en": {"cyr": "Write “{s}” all in Cyrillic.", "lat": "Write “{s}” all in Latin letters.",
           None: "Retype the word in one keyboard layout."},
}


def _foreign_letters(word: str, foreign: str, lang: str) -> str:
    letters = list(dict.fromkeys(c for c in word if script_of(c) == foreign))
    one, many = _NAMES[lang][foreign]
    quote = ("“{}”" if lang == "en" else "«{}»").format
    if len(letters) == 1:
        return f"{one} {quote(letters[0])}" if lang != "en" else f"the {one} {quote(letters[0])}"
    listed = ", ".join(quote(c) for c in letters)
    return f"{many} {listed}" if lang != "en" else f"the {many} letters {listed}"


class MixedScript(Check):
    META = {
        "id": "spelling.mixed-script",
        "category": "spelling",
        "severity": "error",
        "languages": ["any"],
        "fix": "safe",
        "message": {
            "ru": (
                "В слове «{match}» смешаны латиница и кириллица ({foreign}). {advice} На вид слово правильное, "
                "но у клиента его не найдёт поиск, оно не пройдёт фильтры и проверку орфографии."
            ),
            "uk": (
                "У слові «{match}» змішано латиницю й кирилицю ({foreign}). {advice} На вигляд слово правильне, "
                "але в клієнта його не знайде пошук, воно не пройде фільтри й перевірку правопису."
            ),
            "en": (
                "The word “{match}” mixes Latin and Cyrillic letters ({foreign}). {advice} It looks right, but "
                "the client's search, mail filters and spell checker will not recognise it."
            ),
        },
        "description": (
            "A Latin “C” or “o” typed into a Cyrillic word (or a Cyrillic «о» into an English one) looks exactly "
            "like the right letter, so neither the writer nor the client sees it. But the word is now a different "
            "string: the client cannot find the message by searching for it, mail and CRM filters miss it, spam "
            "filters may count it against the message, and spell checkers mark it. The fix converts the look-alike "
            "letters to the script of the rest of the word; it is safe when the result is a dictionary word. "
            "Hyphenated parts in different scripts («Wi-Fi-роутер»), inflected abbreviations («CRMки»), codes with "
            "digits and masked text are left alone."
        ),
        "examples": {
            "bad": [
                {"text": "<<Cпасибо>> за ваш заказ!", "suggestion": "Спасибо"},
                {"text": "Мы обновили смету <<прoекта>> и отправили её вам.", "suggestion": "проекта"},
                {"text": "<<Hellо>> Maria, the report is ready.", "suggestion": "Hello"},
                {"text": "Щиро <<дякуємo>> за довіру!", "suggestion": "дякуємо"},
                {"text": "Ми вже надіслали вам нову <<верciю>> договору.", "suggestion": "версію"},
                {"text": "Please <<cоnfirm>> the delivery date.", "suggestion": "confirm"},
                {"text": "<<Всë>> готово, счёт во вложении.", "suggestion": "Всё"},
            ],
            "good": [
                "Спасибо за ваш заказ!",
                "Новый Wi-Fi-роутер и IT-отдел уже на связи.",
                "Модель ТВ-4K и артикул X5 есть на складе.",
                "Ми створили для вас папку в Google Docs.",
                "Hello Maria, the report is ready.",
                "Пишите на support@example.com или в `Cпасибо_bot`.",
                "Наш PRник и SMMщик уже в курсе, отчёт по CRMке пришлём завтра.",
            ],
        },
    }

    def check(self, doc):
        text = doc.text
        for sentence in doc.sentences:
            context = sentence.language or doc.language
            for token in sentence.tokens:
                if token.kind != "word":
                    continue
                letters = [script_of(c) for c in token.text]
                if "lat" not in letters or "cyr" not in letters:
                    continue
                if _chunk_has_code(text, token.start, token.end):
                    continue
                if token.start and text[token.start - 1] == "\\":
                    continue  # an escape sequence glued to a word: «\nобрали»
                pos = token.start
                for part in _PART_SPLIT.split(token.text):
                    start = pos
                    pos += len(part) + 1
                    found = self._judge(part, context, token.text)
                    if found is None:
                        continue
                    target, suggestion, fix = found
                    lang = context if context in ("ru", "uk", "en") else ("en" if target == "lat" else "ru")
                    foreign = "cyr" if target == "lat" else "lat"
                    advice = _ADVICE[lang][target if suggestion else None].format(s=suggestion)
                    yield self.diagnostic(
                        start, start + len(part), [suggestion] if suggestion else [], lang=lang, fix=fix,
                        match=part, advice=advice, foreign=_foreign_letters(part, foreign, lang),
                    )

    def _judge(self, part: str, context: str | None, token_text: str):
        """(target script, suggestion or None, fix safety) for a mixed part; None when it is not a slip."""
        blocks = _blocks(part)
        if {s for s, _ in blocks} != {"lat", "cyr"}:
            return None
        conversions = {"cyr": _to_cyrillic(part, context), "lat": _to_latin(part)}
        known = {
            "cyr": conversions["cyr"] is not None and _normal_case(conversions["cyr"])
            and _known_cyrillic(conversions["cyr"], context),
            "lat": conversions["lat"] is not None and _normal_case(conversions["lat"])
            and lexicon.is_known(conversions["lat"], "en"),
        }
        if not any(known.values()) and _glued_words(part, blocks):
            return None
        target = _majority(blocks, token_text, context)
        if conversions[target] is None:
            target = "lat" if target == "cyr" else "cyr"
        suggestion = conversions[target]
        if suggestion is None:
            return _majority(blocks, token_text, context), None, None
        fix = "safe" if known[target] and not all(known.values()) else "unsafe"
        return target, suggestion, fix


def _normal_case(word: str) -> bool:
    """lower, Title or ALL CAPS — what a real word looks like once its letters are in one script."""
    letters = [c for c in word if c.isalpha()]
    return all(c.isupper() for c in letters) or not any(c.isupper() for c in letters[1:])


def _glued_words(part: str, blocks: list[tuple[str, int]]) -> bool:
    """Two words or a word and an ending glued together, not a look-alike letter: «отчётExcel», «заказOK»,
    «наркозP.S», and Latin abbreviations or words with a Ukrainian or Russian ending: «PRу», «CRMки», «Actionу»."""
    if len(blocks) != 2:
        return False
    (first, n1), (second, n2) = blocks
    if min(n1, n2) >= 2:
        return True
    letters = [c for c in part if c.isalpha()]
    boundary = n1
    if letters[boundary - 1].islower() and letters[boundary].isupper():
        return True  # camelCase at the change of script
    if first == "lat" and n1 >= 2 and all(c.islower() for c in letters[boundary:]):
        head = "".join(letters[:boundary])
        return head.isupper() or (n1 >= 3 and lexicon.is_known(head, "en"))
    return False


def _majority(blocks, token_text: str, context: str | None) -> str:
    """The script of most letters of the part, then of the whole token, then of the sentence."""
    for counted in (blocks, _blocks(token_text)):
        n_lat = sum(n for s, n in counted if s == "lat")
        n_cyr = sum(n for s, n in counted if s == "cyr")
        if n_lat != n_cyr:
            return "lat" if n_lat > n_cyr else "cyr"
    return "lat" if context == "en" else "cyr"
