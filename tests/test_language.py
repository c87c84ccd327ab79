"""Write in the client's language: where it comes from, quoted text, mismatch and mixing."""

import pytest

from clientlint.document import Document

from clientlint.quoting import quoted_spans, quoted_text

REPLY_UK = "Добрий день! Ваше замовлення відправлено сьогодні, номер відстеження надішлемо ввечері."
REPLY_RU = "Добрый день! Ваш заказ отправлен сегодня, трек-номер пришлём вечером, спасибо за терпение."


@pytest.mark.parametrize(
    "draft, quoted",
    [
        (REPLY_UK + "\n\nOn Mon, 2 Mar 2026 at 10:00, Olena <o@example.com> wrote:\n> Де моє замовлення?\n",
         "Де моє замовлення?"),
        (REPLY_UK + "\n\n-----Original Message-----\nFrom: Olena\nДе моє замовлення?", "From: Olena\nДе моє замовлення?"),
        (REPLY_UK + "\n\n2 березня 2026 р., Олена <o@example.com> пише:\nДе моє замовлення?", "Де моє замовлення?"),
        (REPLY_RU + "\n\n02.03.2026, Иван <i@example.com> писал(а):\n> Где мой заказ?", "Где мой заказ?"),
        ("Ок.\n\n> Де замовлення?\n> Чекаю.\n\nЩе раз дякуємо.", "Де замовлення?\nЧекаю."),
        ("Без цитати.", ""),
    ],
)
def test_quoted_text_is_found(draft, quoted):
    assert quoted_text(draft) == quoted


def test_quoted_text_is_never_linted(linter):
    draft = REPLY_RU + "\n\n> Вы идиоты, где мой заказ в течении недели?\n"
    report = linter.check(draft)
    assert report.diagnostics == []
    assert (report.client_language, report.client_language_source) == ("ru", "quoted")
    [span] = quoted_spans(draft)
    assert draft[span[0]:span[1]].startswith("> Вы идиоты")


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"client_language": "uk"}, ("uk", "argument")),
        ({"reply_to": "Добрий день, де моє замовлення?"}, ("uk", "reply-to")),
        ({}, (None, None)),
    ],
)
def test_client_language_sources(linter, kwargs, expected):
    report = linter.check(REPLY_RU, **kwargs)
    assert (report.client_language, report.client_language_source) == expected


def test_argument_outranks_reply_and_quote(linter):
    report = linter.check(REPLY_UK + "\n\n> Где мой заказ?", client_language="uk", reply_to="Where is my order?")
    assert report.client_language_source == "argument" and report.diagnostics == []


def test_mismatch_names_both_languages_in_the_drafts_language(linter):
    report = linter.check(REPLY_RU + "\n\n> Добрий день, де моє замовлення?")
    [d] = report.diagnostics
    assert d.rule == "language.mismatch" and d.category == "language"
    assert "украинском" in d.message and "русском" in d.message
    assert (d.start, d.end) == (0, len(REPLY_RU))


def test_an_english_paragraph_in_a_ukrainian_reply_is_a_mismatch(linter):
    text = REPLY_UK + "\n\nPlease note that the parcel may arrive later than the estimated delivery date shown."
    report = linter.check(text, client_language="uk")
    [d] = report.by_rule("language.mismatch")
    assert text[d.start:d.end].startswith("Please note")


def test_english_terms_in_a_ukrainian_reply_are_fine(linter):
    text = "Змінити тариф можна в розділі Settings → Billing, кнопка Upgrade plan."
    assert linter.check(text, client_language="uk").by_rule("language.mismatch") == []


def test_russian_words_in_ukrainian_text(linter):
    text = "Дякуємо за звернення! Ми сейчас перевіримо замовлення й ещё раз напишемо."
    found = [text[d.start:d.end] for d in linter.check(text).by_rule("language.mixed")]
    assert found == ["сейчас", "ещё"]


def test_report_gives_a_language_per_sentence(linter):
    report = linter.check("Добрий день! Thank you for the order. Спасибо!")
    assert [s.language for s in report.sentences] == ["uk", "en", "ru"]


@pytest.mark.parametrize("text, short, expected", [
    ("Вы опять прислали не тот файл. Сука! Исправьте.", "Сука!", "ru"),
    ("Ми вже надіслали договір. Ну-ну. Чекаємо.", "Ну-ну.", "uk"),
    # Its own letters, function words or dictionary words keep a short sentence's language.
    ("Дякуємо за лист. Спасибо, все хорошо.", "Спасибо, все хорошо.", "ru"),
    ("Дякуємо за ваш лист. Курьер позвонит вам перед доставкой.", "Курьер позвонит вам перед доставкой.", "ru"),
])
def test_a_short_sentence_without_evidence_of_its_own_follows_the_message(text, short, expected):
    doc = Document(text)
    [sentence] = [s for s in doc.sentences if text[s.start:s.end] == short]
    assert sentence.language == expected


@pytest.mark.parametrize("text", [
    # Ukrainian forms the Russian corpus uses more: the Ukrainian dictionary lists them as its own.
    "Він вставить малюнок, потім упали ціни, і ми других не чекали.",
    "Після зустрічі я прямую до офісу клієнта.",
    # A quotation in Russian, or a single word in quotation marks, is cited, not written.
    "На банері було написано «Женщины любят, мужчины платят», і всі сміялися.",
    "Я нині займалася \"стіркою\" весь день.",
    # Initials and surnames do not make a sentence Russian.
    "Автори: О. Мазурик, С. Ваддок та Н. Сміт.",
])
def test_ukrainian_words_quotations_and_names_are_not_mixing(linter, text):
    assert linter.check(text).by_rule("language.mixed") == []


@pytest.mark.parametrize("text", [
    # guessed Ukrainian from words the Ukrainian dictionary lists too («меня» as a surname)
    "Маша, прости меня, бомбануло",
    "Меня бомбануло, прости",
])
def test_no_word_is_foreign_when_nothing_shows_the_main_language(linter, text):
    assert linter.check(text).by_rule("language.mixed") == []


def test_names_and_slang_one_dictionary_lists_are_no_evidence_of_its_language(linter):
    # The Ukrainian dictionary lists «Бодя» as a name and «печалька», «комент» as slang: none of them makes the
    # text Ukrainian, and a Russian message is not mixing when it uses them.
    report = linter.check("Бодя потерял свою сумку, печалька.")
    assert report.language == "ru"
    assert [d.rule for d in report.diagnostics] == ["spelling.colloquial"]
    assert linter.check("Под вашим постом оставили комент, посмотрите, пожалуйста.").by_rule("language.mixed") == []


def test_laughter_decides_no_tie_between_russian_and_ukrainian(linter):
    # «ахаха» is commoner in Ukrainian web text, and the Ukrainian dictionary lists «поняла» (as a distorted
    # form): the laughter must not tip a short Russian message into Ukrainian.
    report = linter.check("Ахаха, поняла.")
    assert report.language == "ru"
    assert not [d for d in report.diagnostics if d.rule.startswith("uk.")]
    assert linter.check("Хаха, зрозуміла.").language == "uk"


@pytest.mark.parametrize("words", ["Я в мск у меня", "В мск даже у меня", "А я в мск только"])
def test_russian_words_the_ukrainian_dictionary_lists_only_as_names_or_distorted_are_russian(words):
    # The Ukrainian dictionary knows «меня» only as a surname, «только» as a name, «даже» as a distorted form;
    # they outweigh «мск», which it lists as a noun.
    from clientlint.language import detect_words

    assert detect_words(words.split()) == "ru"
    assert detect_words("Я в Києві у мене".split()) == "uk"


def test_russian_forms_the_ukrainian_dictionary_marks_as_distorted_are_mixing(linter):
    text = "Пройдіть з пункта 1, а теперь — далі. Вона сказала «ну теперь все», і пішла."
    found = [(text[d.start:d.end], d.start) for d in linter.check(text).by_rule("language.mixed")]
    assert found == [("пункта", text.index("пункта")), ("теперь", text.index("теперь"))]


def test_a_russian_sentence_in_a_ukrainian_message_is_still_found(linter):
    text = "Ваше замовлення вже в дорозі. Курьер позвонит вам перед доставкой завтра."
    [d] = linter.check(text).by_rule("language.mixed")
    assert text[d.start:d.end] == "Курьер позвонит вам перед доставкой завтра."


@pytest.mark.parametrize("text, lang", [
    ("Он скринил экран и лайкнул пост.", "ru"),          # slang CLD2 reads as Serbian; Serbian has no «э»
    ("Здраво, како сте данас? Ја сам добро, хвала.", "sr"),
    ("Добър ден, как сте днес, приятели?", "bg"),
])
def test_another_cyrillic_language_needs_letters_it_can_have(text, lang):
    assert Document(text).language == lang
