"""Agreement in Russian and Ukrainian: an adjective or participle with its noun (case, number, gender), and a
numeral with the noun it counts. Only where the analysis is unambiguous: a pair is an error when *no*
combination of the words' plausible readings agrees."""

from __future__ import annotations

from functools import lru_cache

from . import Check
from .. import morphology
from ..morphology import agree, case_of, gender_of, number_of
from ..rule import match_case
from ..suggest import suggestions

# Pronouns that inflect like adjectives (the Ukrainian dictionary tags them NPRO); personal pronouns such as
# «його», «її» are not among them: they never agree.
_POSSESSIVES = set("наш ваш мій твій свій мой твой свой".split())
_CONJUNCTIONS = set("и і й та или або чи да ,".split())


def _all_pos(word: str, lang: str, pos: set[str]) -> tuple:
    parses = morphology.parses(word, lang)
    return parses if parses and all(p.tag.POS in pos for p in parses) else ()


def _modifiers(word: str, lang: str) -> tuple:
    """Readings of ``word`` as an adjective, participle or adjectival pronoun, when it has no other reading."""
    parses = morphology.parses(word, lang)
    ok = all(p.tag.POS == "ADJF" and ("Apro" not in p.tag.grammemes or p.normal_form in _POSSESSIVES)
             and not _SKIP_MODIFIER & p.tag.grammemes
             or p.tag.POS == "NPRO" and p.normal_form in _POSSESSIVES
             for p in parses)
    return parses if parses and ok else ()


# Substantivised adjectives («больному», «нищего») stand for a noun; participles («присвяченим темі») govern the
# noun after them. Neither has to agree with it.
_SKIP_MODIFIER = frozenset({"Subx", "pssv", "actv"})


@lru_cache(maxsize=100_000)
def _every_reading(word: str, lang: str) -> tuple:
    """All the dictionary's readings, not only the likely ones: an error needs every one of them to disagree."""
    return tuple(morphology.analyzer(lang).parse(morphology.normalize(word)))


def _is_counted(tokens, i: int, lang: str) -> bool:
    """A numeral (word or digits) stands before, maybe with other adjectives between («два кривых костяных
    ножа»): it governs the case and number of what follows."""
    while i > 0:
        prev = tokens[i - 1]
        if prev.kind == "masked" and prev.mask_kind == "number":
            return True
        if prev.kind != "word":
            return False
        if any(p.tag.POS == "NUMR" for p in morphology.parses(prev.text, lang)):
            return True
        if not any(p.tag.POS in ("ADJF", "PRTF") for p in morphology.parses(prev.text, lang)):
            return False
        i -= 1
    return False


# Copulas between a noun and the adjective that is its predicate.
_COPULAS = {"ru": {"есть", "был", "была", "было", "были", "будет", "будут", "стал", "стала", "стало", "стали"},
            "uk": {"є", "був", "була", "було", "були", "буде", "будуть", "став", "стала", "стало", "стали"}}


# Words the Ukrainian dictionary reads as adjectives that are nearly always predicatives: «можна» (it is allowed).
_PREDICATIVES = {"uk": {"можна"}, "ru": set()}


_ORDINALS = set(
    "перший другий третій четвертий п'ятий шостий сьомий восьмий дев'ятий десятий одинадцятий дванадцятий "
    "первый второй третий четвертый пятый шестой седьмой восьмой девятый десятый одиннадцатый двенадцатый".split())


def _follows_its_noun(adjective_readings, before, lang: str) -> bool:
    """The word before the adjective is a noun it agrees with («детям своим», «платье красное»); a preposition
    («в» is also an abbreviation) or a conjunction is not."""
    readings = morphology.parses(before.text, lang) if before.kind == "word" else ()
    if not readings or any(p.tag.POS in ("PREP", "CONJ", "PRCL") for p in readings):
        return False
    if not morphology.is_known(before.text, lang) and len(before.text) > 2 and before.text.isalpha():
        # «настр хорошее систр»: a word the dictionary lacks («настр», clipped «настроение») may be the noun the
        # adjective belongs to, and its gender would be a guess; unless it is a slip of a word that is no noun
        # («отправлии новый заявку»)
        meant = suggestions(before.text, lang)[:1]
        return not meant or any(p.tag.POS == "NOUN" for p in morphology.parses(meant[0].split()[-1], lang))
    nouns = [p for p in readings if p.tag.POS == "NOUN" and "Abbr" not in p.tag.grammemes]
    return any(agree(x, y) for x in adjective_readings for y in nouns)


def _after_preposition(before, adjective, noun, lang: str) -> tuple[bool, str | None]:
    """When the adjective is in a case the preposition before it takes and the noun after it is in none of them:
    (True, None) if no form of the noun agrees with the adjective (its gender is another: the adjective ends the
    phrase, «из-за мелкого поездку»), (False, the form that agrees) if one does: the slip is in the noun («к
    большому дом» → «дому»). (False, None) otherwise."""
    if before.kind != "word" or morphology.PREPOSITION_CASES.get(lang, {}).get(before.lower) is None:
        return False, None
    if not morphology.governed_by(before.text, adjective.text, lang) or morphology.fits_after_preposition(
            before.text, noun.text, lang):
        return False, None
    adjectives = [p for p in morphology.parses(adjective.text, lang) if p.tag.POS in ("ADJF", "PRTF")
                  and morphology.governed_by(before.text, p.word, lang)]
    for n in (p for p in morphology.parses(noun.text, lang) if p.tag.POS == "NOUN"):
        for x in adjectives:
            form = morphology.safe_inflect(n, {g for g in (case_of(x.tag), number_of(x.tag)) if g})
            if form is not None and agree(x, form) and morphology.fits_after_preposition(before.text, form.word, lang):
                return False, form.word
    return True, None


def _stands_alone(adjective_readings, noun_readings) -> bool:
    """A neuter adjective that opens the sentence before a noun in the nominative is a word of its own, its dash
    left out: «Удивительное клиент сам нашёл ошибку», «Дивне замовник сам знайшов помилку». The noun is the
    subject of what follows, not the adjective's noun."""
    return (any(x.tag.POS == "ADJF" and {"neut", "nomn"} <= x.tag.grammemes and "plur" not in x.tag.grammemes
                for x in adjective_readings)
            and any(case_of(y.tag) == "nomn" for y in noun_readings))


def _is_ordinal(word: str, lang: str) -> bool:
    return any("Anum" in p.tag.grammemes or p.normal_form in _ORDINALS for p in morphology.parses(word, lang))


# A preposition and the adjective endings that, after it, make an adverb whose hyphen was lost: «по моему»,
# «по прежнему» (по-моему, по-прежнему), Ukrainian «по новому» (по-новому).
_ADVERB_PREPOSITIONS = {"ru": {"по": ("ому", "ему")}, "uk": {"по": ("ому", "ему")}}


def _truncated(doc, token) -> bool:
    """The noun is cut short: an apostrophe, hyphen or bracket follows with no space («обов' язки»,
    «тест- сценарії», «ресторатор(к)и»), so its real form is unknown."""
    return doc.text[token.end:token.end + 1] in ("'", "’", "`", "-", "(")


class AdjectiveNounAgreement(Check):
    META = {
        "id": "grammar.adjective-noun-agreement",
        "category": "grammar",
        "severity": "warning",
        "languages": ["ru", "uk"],
        "fix": "unsafe",
        "message": {
            "ru": "«{match}»: прилагательное не согласовано с существительным в роде, числе или падеже. "
                  "Возможно, «{suggestion}».",
            "uk": "«{match}»: прикметник не узгоджений з іменником у роді, числі чи відмінку. "
                  "Можливо, «{suggestion}».",
        },
        "description": (
            "«новая заказ», «у нашій офісі»: a broken ending is what is left of an edited sentence, and the client "
            "reads it as a careless or machine-made reply. The check looks at an adjective or participle right "
            "before a noun and fires only when no reading of the two words agrees in case, number and gender, "
            "and no numeral stands before them («два рабочих дня» is right). An ordinal, which often stands for a "
            "noun left out, and «по моему» written without its hyphen are not judged. The suggestion puts the "
            "adjective into the noun's form; it is unsafe because sometimes the noun is the word to change."
        ),
        "examples": {
            "bad": [
                {"text": "Ваша <<новая заказ>> уже в работе.", "suggestion": "новый заказ"},
                {"text": "Мы обновили <<личным кабинет>> клиента.", "suggestion": "личный кабинет"},
                {"text": "Надішліть лист <<нашій менеджеру>>.", "suggestion": "нашому менеджеру"},
                {"text": "Ми оновили <<особистий сторінку>> клієнта.", "suggestion": "особисту сторінку"},
                {"text": "Курьер подъедет к <<большому дом>> в девять утра.", "suggestion": "большому дому"},
            ],
            "good": [
                "Ваш новый заказ уже в работе.",
                "Доставка займёт два рабочих дня.",
                "Ми чекаємо вас у нашому офісі.",
                "Рабочий день начинается в девять.",
                "Птица с клювом, скрещенным, как два кривых костяных ножа.",
                "Ми займаємося щодня до восьмої вечора, і тут можна лактозу.",
                "Спільнота у відкритому та у платному чатах.",
                "Обожнюю складні тест- сценарії; на Патріаршій вечір; потрібна КППП.",
                "Це буде легке офісне роуд-муві для команди.",
                "Соблазн был большой рекламу запустить сразу, но мы дождались согласования.",
                "Мы отменили из-за мелкого поездку на дачу, он заболел.",
                "Удивительное клиент сам нашёл ошибку и прислал исправление.",
                "Дивне замовник сам знайшов помилку й надіслав виправлення.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences_in(self.meta.language_set):
            lang = sentence.language
            tokens = sentence.tokens
            for i in range(len(tokens) - 1):
                a, n = tokens[i], tokens[i + 1]
                if a.kind != "word" or n.kind != "word" or n.text[:1].isupper() and i + 1 > 0 and n.text[1:].islower() and i != 0:
                    continue
                if a.lower in _PREDICATIVES[lang] or i > 0 and a.text[:1].isupper():
                    continue  # «можна гіпотезу»; «на Патріаршій вечір»: a capitalised adjective is part of a name
                if n.text.isupper() or _truncated(doc, n):
                    continue  # «потрібна КППП»: an abbreviation's gender is unknown; «свої обов' язки»
                adjs = _modifiers(a.text, lang)
                if not adjs:
                    continue
                nouns = _all_pos(n.text, lang, {"NOUN"})
                if not nouns or _is_counted(tokens, i, lang):
                    continue
                if not morphology.is_known(n.text, lang):
                    continue  # «офісне роуд-муві»: a word the dictionary lacks; its gender would be a guess
                if any("Fixd" in p.tag.grammemes for p in _every_reading(n.text, lang)):
                    continue  # «пальто», «кафе»: indeclinable, every case at once
                after = tokens[i + 2].lower if i + 2 < len(tokens) else ""
                if after in _CONJUNCTIONS or after in ("з", "с", "із", "со"):
                    continue  # «свои честь и достоинство», «мої мама з татом»: the adjective covers both nouns
                if _is_ordinal(a.text, lang):
                    continue  # «до восьмої вечора», «из трёх партий первой курьер уже забрал»: an ordinal often
                    # stands for a noun left out («години», «партии»); «в четвёртых» is «в-четвёртых»
                prev = tokens[i - 1].lower if i else ""
                if prev in _ADVERB_PREPOSITIONS.get(lang, ()) and a.lower.endswith(_ADVERB_PREPOSITIONS[lang][prev]):
                    continue  # «по моему ошибка в счёте», «по прежнему тишина»: the adverb «по-моему» without its
                    # hyphen (ru.spelling.po-moemu says so), not an adjective of the noun
                if all(case_of(p.tag) == "ablt" for p in adjs):
                    continue  # «счёл важным вопрос»: an adjective in the instrumental is a predicate
                adj_cases = {case_of(p.tag) for p in adjs}
                if any(case_of(p.tag) in ("gent", "datv", "ablt") and case_of(p.tag) not in adj_cases for p in nouns):
                    continue  # «присвячена отриманню», «достойный уважения», «довольный результатом»: it governs
                prev = tokens[i - 1].lower if i else ""
                if prev not in _CONJUNCTIONS and i > 1 and any(p.tag.POS == "PREP" for p in morphology.parses(prev, lang)):
                    prev = tokens[i - 2].lower  # «у відкритому і у платному чатах»
                if prev in _CONJUNCTIONS and any(number_of(p.tag) == "plur" for p in nouns):
                    continue  # «красный и зелёный фонари»: two adjectives share a plural noun
                every_adj = [p for p in _every_reading(a.text, lang) if p.tag.POS in ("ADJF", "PRTF", "NPRO")]
                every_noun = [p for p in _every_reading(n.text, lang) if p.tag.POS == "NOUN"]
                if any(agree(x, y) for x in every_adj for y in every_noun):
                    continue
                if i and _follows_its_noun(every_adj, tokens[i - 1], lang):
                    continue  # «покажи детям своим пример»: the adjective follows the noun it belongs to
                closes, noun_form = _after_preposition(tokens[i - 1], a, n, lang) if i else (False, None)
                if closes:
                    continue  # «отменили из-за мелкого поездку»: the adjective stands for a noun («мелкий», the
                    # little one) and ends the phrase of «из-за»; the noun after it cannot follow «из-за»
                if i > 1 and tokens[i - 1].lower in _COPULAS[lang] and _follows_its_noun(every_adj, tokens[i - 2], lang):
                    continue  # «соблазн был большой рекламу запустить»: a predicate of the noun before the copula
                if all(morphology.PERSONAL_NAMES & p.tag.grammemes for p in nouns):
                    continue  # «не включай заднюю, николай»: a name after the adjective is someone addressed
                if all(t.kind == "punct" for t in tokens[:i]) and _stands_alone(every_adj, every_noun):
                    continue  # «Удивительное клиент сам нашёл ошибку»: «удивительное — …», its dash left out
                noun = nouns[0]
                wanted = {case_of(noun.tag)}
                if number_of(noun.tag) == "plur":
                    wanted.add("plur")
                else:
                    if lang == "ru":
                        wanted.add("sing")  # the Ukrainian dictionary marks only the plural
                    if gender_of(noun.tag):
                        wanted.add(gender_of(noun.tag))
                if case_of(noun.tag) == "accs" and number_of(noun.tag) == "sing" and gender_of(noun.tag) == "masc":
                    wanted.add("anim" if "anim" in noun.tag.grammemes else "inan")
                form = None
                for x in adjs:
                    inflected = morphology.safe_inflect(x, {g for g in wanted if g})
                    if inflected is not None:
                        form = inflected.word
                        break
                if noun_form:  # «к большому дом»: the adjective is right after «к», the noun is not
                    repl = [f"{a.text} {match_case(n.text, noun_form)}"]
                else:
                    repl = [f"{match_case(a.text, form)} {n.text}"] if form else []
                yield self.diagnostic(a.start, n.end, repl, lang=lang, match=doc.text[a.start:n.end])


# Numerals that take the genitive singular (ru) or the nominative plural (uk) after them, and those that take
# the genitive plural (five and more, and «несколько»/«кілька»).
_SMALL = {"ru": {"два", "две", "три", "четыре", "оба", "обе", "полтора", "полторы"},
          "uk": {"два", "дві", "три", "чотири", "обидва", "обидві"}}
_LARGE = {
    "ru": set("пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать "
              "шестнадцать семнадцать восемнадцать девятнадцать двадцать тридцать сорок пятьдесят шестьдесят "
              "семьдесят восемьдесят девяносто сто двести триста четыреста пятьсот несколько".split()),
    "uk": set("п'ять шість сім вісім дев'ять десять одинадцять дванадцять тринадцять чотирнадцять п'ятнадцять "
              "шістнадцять сімнадцять вісімнадцять дев'ятнадцять двадцять тридцять сорок п'ятдесят шістдесят "
              "сімдесят вісімдесят дев'яносто сто двісті триста чотириста п'ятсот кілька декілька".split()),
}
_PREPOSITION_POS = {"PREP"}


class NumeralNounAgreement(Check):
    META = {
        "id": "grammar.numeral-noun-agreement",
        "category": "grammar",
        "severity": "error",
        "languages": ["ru", "uk"],
        "fix": "safe",
        "message": {
            "ru": "После числительного «{numeral}» существительное стоит не в той форме: «{suggestion}».",
            "uk": "Після числівника «{numeral}» іменник стоїть не в тій формі: «{suggestion}».",
        },
        "description": (
            "«пять рабочий день», «п'ять робочий день»: the noun after a numeral takes a fixed form (Russian: "
            "genitive singular after 2-4, genitive plural after 5 and more; Ukrainian: nominative plural after 2-4, "
            "genitive plural after 5 and more). In a promise about time or money the slip is conspicuous. The "
            "check looks only at a numeral in the nominative or accusative (no preposition before it) followed by "
            "an adjective and/or a noun in the nominative singular, which is wrong after any of these numerals."
        ),
        "examples": {
            "bad": [
                {"text": "Доставка займёт <<пять рабочий день>>.", "suggestion": "пять рабочих дней"},
                {"text": "Ответ придёт через <<три день>>.", "suggestion": "три дня"},
                {"text": "Доставка триватиме <<п'ять робочий день>>.", "suggestion": "п'ять робочих днів"},
            ],
            "good": [
                "Доставка займёт пять рабочих дней.",
                "Доставка займёт два рабочих дня.",
                "Доставка триватиме два робочі дні.",
                "Ответ придёт через три дня.",
                "Стрілка впала на двадцять дев'яту хвилину.",
                "А за години дві ялинку вже привезли.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences_in(self.meta.language_set):
            lang = sentence.language
            tokens = sentence.tokens
            for i, tok in enumerate(tokens[:-1]):
                word = morphology.normalize(tok.text) if tok.kind == "word" else ""
                small, large = word in _SMALL[lang], word in _LARGE[lang]
                if not (small or large):
                    continue
                j = i + 1
                adj = None
                if (j + 1 < len(tokens) and tokens[j].kind == "word"
                        and any(p.tag.POS in ("ADJF", "PRTF") for p in morphology.parses(tokens[j].text, lang))
                        and tokens[j + 1].kind == "word" and _all_pos(tokens[j + 1].text, lang, {"NOUN"})):
                    adj, j = tokens[j], j + 1  # «рабочий» may be a noun too; before a noun it is an adjective
                if j >= len(tokens) or tokens[j].kind != "word":
                    continue
                if adj is not None and _is_ordinal(adj.text, lang):
                    continue  # «на двадцять дев'яту хвилину»: a compound ordinal, not a count
                if i > 0 and tokens[i - 1].kind == "word" and any(
                        case_of(p.tag) == ("gent" if large or lang == "ru" else "nomn")
                        and number_of(p.tag) == ("plur" if large or lang == "uk" else "sing")
                        for p in _all_pos(tokens[i - 1].text, lang, {"NOUN"})):
                    continue  # «за години дві ялинку»: an approximate count after its noun; what follows is not counted
                noun_tok = tokens[j]
                nouns = _all_pos(noun_tok.text, lang, {"NOUN"})
                if noun_tok.text[:1].isupper():
                    continue  # «номер одинадцять Іван»: a name, not what is counted
                # Wrong after every numeral here: the noun (and adjective) can only be nominative singular, in
                # every reading the dictionary has («тридцять карат» is a counting form).
                every = [p for p in _every_reading(noun_tok.text, lang) if p.tag.POS == "NOUN"]
                if not nouns or not all(case_of(p.tag) in ("nomn", "accs", "voct") and number_of(p.tag) == "sing"
                                        and "Coun" not in p.tag.grammemes for p in every):
                    continue
                if any("Pltm" in p.tag.grammemes or "Fixd" in p.tag.grammemes for p in nouns):
                    continue
                adj_parses = [p for p in morphology.parses(adj.text, lang) if p.tag.POS in ("ADJF", "PRTF")] if adj else []
                if adj is not None and not all(number_of(p.tag) == "sing" and case_of(p.tag) in ("nomn", "accs", "voct")
                                               for p in adj_parses):
                    continue
                if large or lang == "ru":
                    noun_form = {"gent", "plur"} if large else {"gent", "sing"}
                    adj_form = {"gent", "plur"}
                else:  # Ukrainian 2-4: nominative plural
                    noun_form = adj_form = {"nomn", "plur"}
                if lang == "ru" and small and nouns[0].tag.gender == "femn":
                    adj_form = {"nomn", "plur"}  # «две новые книги»
                new_noun = morphology.safe_inflect(nouns[0], noun_form)
                if new_noun is None:
                    continue
                parts = [tok.text]
                if adj is not None:
                    new_adj = morphology.safe_inflect(adj_parses[0], adj_form)
                    if new_adj is None:
                        continue
                    parts.append(match_case(adj.text, new_adj.word))
                parts.append(match_case(noun_tok.text, new_noun.word))
                yield self.diagnostic(tok.start, noun_tok.end, [" ".join(parts)], lang=lang, numeral=tok.text)
