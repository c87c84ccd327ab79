"""Tone: words in disguise, shouting, and the message-level verdict a UI colours the send button with."""

import json

import pytest
from click.testing import CliRunner

from clientlint import Linter, Tone
from clientlint.cli import cli
from clientlint.diagnostic import Diagnostic
from clientlint.obfuscation import candidates
from clientlint.tone import assess


@pytest.fixture(scope="module")
def linter():
    return Linter()


def _found(linter, text, rule):
    return [(text[d.start:d.end], d.replacements[:1]) for d in linter.check(text).diagnostics if d.rule == rule]


# --- words in disguise -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, reading, wild", [
    ("и*иот", "и*иот", True),
    ("f***", "f***", True),
    ("sh1t", "shit", False),
    ("$hit", "shit", False),
    ("xуй", "хуй", False),      # Latin x in a Cyrillic word
    ("3ае6ал", "заебал", False),
    ("ид@от", "идаот", False),
    ("бл@", "бла", False),
])
def test_a_disguise_is_read_back(text, reading, wild):
    found = candidates(f"Ну {text} же.")[0]
    assert (found.reading, found.pattern is not None) == (reading, wild)
    assert found.start == 3 and found.end == 3 + len(text)


@pytest.mark.parametrize("text", ["B2B", "3D", "4x4", "**важно**", "Windows 11", "iPhone", "RX-200", "М1", "ordinary"])
def test_codes_emphasis_and_plain_words_are_not_disguises(text):
    assert candidates(text) == []


def test_a_starred_insult_is_flagged_and_its_pieces_are_not_spelling(linter):
    report = linter.check("Ну ты и ид*от, честное слово.")
    assert [(d.rule, report.text[d.start:d.end]) for d in report.diagnostics] == [("ru.tone.insult", "ид*от")]


def test_a_starred_form_of_an_inflected_word_is_found(linter):
    assert _found(linter, "Вы все ид*оты!", "ru.tone.insult") == [("ид*оты", [])]


def test_stars_must_fit_a_listed_word_letter_for_letter(linter):
    assert _found(linter, "Смотрите п*нкт 3 и и*ог.", "ru.tone.insult") == []


# --- shouting --------------------------------------------------------------------------------------------------

def test_capitals_span_the_ordinary_words_and_suggest_ordinary_case(linter):
    text = "Напоминаем: ВЫ ДОЛЖНЫ ОПЛАТИТЬ СЧЁТ до пятницы."
    assert _found(linter, text, "tone.shouting") == [("ВЫ ДОЛЖНЫ ОПЛАТИТЬ СЧЁТ", ["вы должны оплатить счёт"])]


def test_capitals_at_sentence_start_keep_the_capital(linter):
    assert _found(linter, "ОПЛАТИТЕ СЧЁТ сегодня.", "tone.shouting") == [("ОПЛАТИТЕ СЧЁТ", ["Оплатите счёт"])]


@pytest.mark.parametrize("text", [
    "Договор с ООО «Ромашка» и SLA в приложении.",
    "Это НЕ ошибка, а новая функция.",
    "Please do NOT reply; VAT and IT costs are included.",
    "Наши клиенты: IBM, NASA, ПриватБанк.",
    "URGENT: the server is back.",
])
def test_acronyms_and_one_short_emphasis_are_not_shouting(linter, text):
    assert _found(linter, text, "tone.shouting") == []


@pytest.mark.parametrize("text, expected", [
    ("МИТРОПОЛИТ АНДРЕЙ ШЕПТИЦЬКИЙ — український церковний діяч.", []),
    ("С уважением, ИВАН ПЕТРОВ", []),
    ("ОПЛАТИТЕ СЧЁТ, ИВАН!", [("ОПЛАТИТЕ СЧЁТ", ["Оплатите счёт"])]),
])
def test_a_persons_name_in_capitals_is_a_name_not_shouting(linter, text, expected):
    assert _found(linter, text, "tone.shouting") == expected


@pytest.mark.parametrize("text, expected", [
    ("Заполните форму и нажмите «ОТПРАВИТЬ ЗАЯВКУ» внизу страницы.", []),  # a button label, as written
    ('Нажмите ""СОХРАНИТЬ ИЗМЕНЕНИЯ"" и обновите страницу.', []),          # doubled straight quotes
    ('"""ОТКРЫТЬ ДОСТУП"" ПОЧЕМУ НЕ РАБОТАЕТ?', [("ПОЧЕМУ НЕ РАБОТАЕТ", ["почему не работает"])]),
    # the straight quotes after «2025» close a quotation, and the last one closes the message
    ('"Файл ""Отчёт 2025"" ВЫ ТАК И НЕ ПРИСЛАЛИ ВОВРЕМЯ"',
     [("ВЫ ТАК И НЕ ПРИСЛАЛИ ВОВРЕМЯ", ["вы так и не прислали вовремя"])]),
])
def test_a_quoted_label_in_capitals_is_not_shouting_but_the_rest_is(linter, text, expected):
    assert _found(linter, text, "tone.shouting") == expected


@pytest.mark.parametrize("text, expected", [
    ("На табличке было «НЕ ВХОДИТЬ! ИДЁТ СЪЁМКА», и мы подождали.", []),  # a sign of two sentences, quoted
    ('Мы писали: "СРОЧНО ОПЛАТИТЕ". ВЫ НЕ ОПЛАТИЛИ.', [("ВЫ НЕ ОПЛАТИЛИ", ["Вы не оплатили"])]),
])
def test_a_quotation_all_in_capitals_may_hold_more_than_one_sentence(linter, text, expected):
    assert _found(linter, text, "tone.shouting") == expected


def test_quoted_client_capitals_are_not_the_agents_tone(linter):
    text = "> ВЫ ВООБЩЕ РАБОТАЕТЕ???\n\nДобрый день! Да, заказ уже в пути."
    report = linter.check(text)
    assert [d for d in report.diagnostics if d.category == "tone"] == []
    assert report.tone.level == "neutral"


def test_mark_runs(linter):
    assert _found(linter, "Когда?!?! Мы ждём!!! Ок?! Кто??? Да!!", "tone.exclamations") == [
        ("?!?!", ["?"]), ("!!!", ["!"])]


# --- message-level tone ----------------------------------------------------------------------------------------

def _d(rule, severity, start, end, category="tone"):
    return Diagnostic(rule, category, severity, "", start, end)


def test_levels_follow_the_most_severe_tone_finding():
    text = "0123456789"
    assert assess(text, []) == Tone()
    assert assess(text, [_d("x.spelling", "error", 0, 1, "spelling")]).level == "neutral"
    assert assess(text, [_d("tone.info", "info", 0, 1)]).level == "neutral"
    tense = assess(text, [_d("tone.a", "warning", 2, 4)])
    assert (tense.level, tense.colour, [c.text for c in tense.cues]) == ("tense", "amber", ["23"])
    hostile = assess(text, [_d("tone.a", "warning", 0, 2), _d("tone.b", "error", 5, 7)])
    assert hostile.level == "hostile" and [c.rule for c in hostile.cues] == ["tone.b", "tone.a"]


def test_report_tone_names_the_deciding_phrases(linter):
    report = linter.check("Вы идиот. Пришлите документы!!!")
    assert report.tone.level == "hostile"
    assert [(c.rule, c.text) for c in report.tone.cues] == [("ru.tone.insult", "идиот"), ("tone.exclamations", "!!!")]
    assert linter.check("Спасибо, что написали! Всё исправим сегодня.").tone.level == "neutral"


def test_tone_follows_suppressions_and_config(linter):
    text = "<!-- clientlint: disable=tone.exclamations -->\nПришлите документы!!!"
    assert linter.check(text).tone.level == "neutral"
    quiet = Linter({"ignore": ["tone"]})
    assert quiet.check("Вы идиот.").tone.level == "neutral"


def test_json_and_text_output_carry_the_tone(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("Вы идиот.\n", encoding="utf-8")
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["check", "--format", "json", str(path)]).output)
    assert data["files"][0]["tone"] == {"level": "hostile", "colour": "red", "cues": [
        {"rule": "ru.tone.insult", "severity": "error", "start": 3, "end": 8, "text": "идиот"}]}
    text = runner.invoke(cli, ["check", str(path)]).output
    assert f"{path}: tone: hostile («идиот»)" in text.splitlines()


def test_an_at_sign_reads_as_a_letter_and_as_a_star():
    assert {(c.reading, c.pattern is not None) for c in candidates("Ну и бл@.")} == {("бла", False), ("бл*", True)}


def test_a_one_in_a_cyrillic_word_reads_as_i_both_ways():
    readings = {c.reading for c in candidates("Це п1здець")}
    assert readings == {"піздець", "пиздець"}


@pytest.mark.parametrize("text", [
    "У листі від клієнта було написано «ви всі ідіоти», і ми відповіли чемно.",
    'The client wrote "you are all idiots" and we answered politely.',
    "Клиент назвал нас «б**дями», но мы ответили вежливо.",
])
def test_words_inside_a_longer_quotation_are_someone_elses(linter, text):
    assert [d.rule for d in linter.check(text).diagnostics if d.category == "tone"] == []


def test_an_insult_outside_the_quotation_still_counts(linter):
    assert _found(linter, "Ну вы и идиот, «коллега».", "ru.tone.insult") == [("идиот", [])]


@pytest.mark.parametrize("text", [
    "We never call clients idiots, whatever happens.",
    "Мы никогда не называем клиентов идиотами.",
    "Ми ніколи не називаємо клієнтів ідіотами.",
])
def test_a_name_after_a_negated_calling_verb_is_disowned(linter, text):
    assert [d.rule for d in linter.check(text).diagnostics if d.category == "tone"] == []


@pytest.mark.parametrize("text, word", [
    ("Клиент назвал нас дебилами, и мы повторяем это вам.", "дебилами"),  # reported: still repeats the insult
    ("I call you an idiot.", "idiot"),
])
def test_a_name_after_a_plain_calling_verb_still_counts(linter, text, word):
    assert [text[d.start:d.end] for d in linter.check(text).diagnostics if d.category == "tone"] == [word]


@pytest.mark.parametrize("text", [
    "Простите, я такой балбес: забыл приложить счёт.",
    "Я вёл себя как дурак, извините.",
    "Криворуким себя чувствую: опять не тот файл.",
    "Вибачте, я такий дурень, забув про файл.",
    "Sorry, I'm such an idiot, I forgot the invoice.",
    "I felt like an idiot when I saw the typo.",
])
def test_a_name_the_writer_gives_themselves_is_not_an_insult(linter, text):
    assert [d.rule for d in linter.check(text).diagnostics if d.category == "tone"] == []


@pytest.mark.parametrize("text", [
    "Мой дурацкий принтер опять завис, скан отправлю завтра.",
    "Я весь вечер чинил этот дурацкий кран, отвечу утром.",
    "Мій ідіотський ноутбук знову завис, я надішлю файл увечері.",
])
def test_a_rude_word_for_the_writers_own_thing_is_no_insult(linter, text):
    assert [d.rule for d in linter.check(text).diagnostics if d.category == "tone"] == []


@pytest.mark.parametrize("text, word", [
    ("Я прочитал ваш дурацкий отчёт.", "дурацкий"),              # the reader's thing
    ("Я получил дурацкий макет, переделывайте.", "дурацкий"),    # an order to the reader
    ("Мне прислали дурацкий макет.", "дурацкий"),                # the writer is no owner: someone sent it
    ("Я считаю, что их дурацкое решение всё испортило.", "дурацкое"),
])
def test_a_rude_word_for_someone_elses_thing_still_counts(linter, text, word):
    assert [text[d.start:d.end] for d in linter.check(text).by_rule("ru.tone.insult")] == [word]


@pytest.mark.parametrize("text, rule, word", [
    ("Я считаю вас идиотом.", "ru.tone.insult", "идиотом"),            # the reader, named after «я считаю»
    ("Я видел, как ваш менеджер вёл себя как дурак.", "ru.tone.insult", "дурак"),
    ("Вы выставили себя дураками.", "ru.tone.insult", "дураками"),     # «себя», but the reader's
    ("I think you're an idiot.", "en.tone.insult", "idiot"),
    ("Я бачив, який ви дурень.", "uk.tone.insult", "дурень"),
])
def test_a_name_given_to_someone_else_still_counts(linter, text, rule, word):
    assert _found(linter, text, rule) == [(word, [])]


def test_a_piece_of_a_number_is_not_a_disguised_word(linter):
    assert [d.rule for d in linter.check("Шанс уменьшился втрое: 0х3=0.").diagnostics if d.category == "tone"] == []
    assert _found(linter, "Это х3 что такое.", "ru.tone.profanity") == [("х3", [])]


@pytest.mark.parametrize("text, severity, level", [
    ("Спасибо, что выбрали нас!!!", "info", "neutral"),
    ("Вітаємо з першим замовленням!!!", "info", "neutral"),
    ("Congratulations on the launch!!!", "info", "neutral"),
    ("Оплатите счёт до пятницы!!!", "warning", "tense"),
    ("Отлично, опять всё сломали!!!", "warning", "tense"),   # «отлично» opens sarcasm as often as joy
    ("Thanks for nothing?!!", "warning", "tense"),           # a question mark in the run: exasperation
])
def test_marks_after_thanks_are_advice_not_a_raised_voice(linter, text, severity, level):
    report = linter.check(text)
    found = [d for d in report.diagnostics if d.rule == "tone.exclamations"]
    assert [(text[d.start:d.end][-1], d.severity) for d in found] == [("!", severity)]
    assert report.tone.level == level


@pytest.mark.parametrize("text, shouted", [
    ("КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ\nНаправляем условия на март.", []),             # a heading
    ("Шановні колеги!\n\nУМОВИ ОПЛАТИ\nРахунок сплачується протягом п'яти днів.", []),
    ("ОПЛАТИТЕ СЧЁТ\nИначе доступ будет закрыт.", ["ОПЛАТИТЕ СЧЁТ"]),            # a verb: an order
    ("УМОВИ ОПЛАТИ. Рахунок сплачується вчасно.", ["УМОВИ ОПЛАТИ"]),             # not a line of its own
    ("МЫ ЖДЁМ ОПЛАТУ\nСчёт во вложении.", ["МЫ ЖДЁМ ОПЛАТУ"]),                  # a pronoun and a verb
])
def test_a_heading_on_its_own_line_is_a_title_not_shouting(linter, text, shouted):
    assert [s for s, _ in _found(linter, text, "tone.shouting")] == shouted


@pytest.mark.parametrize("text, shouted", [
    ("Запуск прошёл ВНЕЗАПНО гладко, спасибо.", []),              # one word stressed in an ordinary sentence
    ("Это НАСТОЛЬКО важный релиз для нас.", []),
    ("НЕМЕДЛЕННО пришлите документы.", ["НЕМЕДЛЕННО"]),            # an urgency word presses
    ("Пожалуйста, ПРЕКРАТИТЕ писать нам.", ["ПРЕКРАТИТЕ"]),         # an order
    ("ПЕРЕСТАНЬТЕ!", ["ПЕРЕСТАНЬТЕ"]),                             # the whole sentence
    ("Please reply IMMEDIATELY.", ["IMMEDIATELY"]),
])
def test_one_long_word_in_capitals_shouts_only_when_it_presses(linter, text, shouted):
    assert [s for s, _ in _found(linter, text, "tone.shouting")] == shouted


@pytest.mark.parametrize("text", [
    'Клиент написал нам "вы все идиоты" и повесил трубку.',
    'Клиент написал нам ""вы все идиоты"" и повесил трубку.',  # straight quotes typed twice are one mark
])
def test_an_insult_quoted_with_straight_quotes_is_a_mention(linter, text):
    assert _found(linter, text, "ru.tone.insult") == []
