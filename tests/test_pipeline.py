"""Masking, sentences, tokens and language: the stages every rule builds on."""

from clientlint import check
import pytest

from clientlint.document import Document
from clientlint.masking import find_masks
from clientlint.tokenize import tokenize


def masked(text):
    return [(m.kind, text[m.start:m.end]) for m in find_masks(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Пишіть на support@acme.ua щодня.", [("email", "support@acme.ua")]),
        ("Деталі тут: https://acme.ua/help?id=7.", [("url", "https://acme.ua/help?id=7")]),
        ("See www.acme.io/pricing, please.", [("url", "www.acme.io/pricing")]),
        ("Звоните +7 495 123-45-67 с утра.", [("phone", "+7 495 123-45-67")]),
        ("Оплата до 12.03.2026 о 14:30.", [("date", "12.03.2026"), ("date", "14:30")]),
        ("Знижка 15% на 3 місяці.", [("number", "15%"), ("number", "3")]),
        ("Hi {{ first_name }}, order {order_id} and %s.", [("template", "{{ first_name }}"), ("template", "{order_id}"), ("template", "%s")]),
        ("{% if vip %}Дякуємо!{% endif %}", [("template", "{% if vip %}"), ("template", "{% endif %}")]),
        ("Здравствуйте, [Имя клиента]!", [("placeholder", "[Имя клиента]")]),
        ("Run `pip install acme` first.", [("code", "`pip install acme`")]),
        ("<p>Добрий <b>день</b></p>", [("markup", "<p>"), ("markup", "<b>"), ("markup", "</b>"), ("markup", "</p>")]),
        ("Читайте [інструкцію](https://acme.ua/doc).", [("url", "https://acme.ua/doc")]),
        ("See section [1] and [sic].", [("number", "1")]),
    ],
)
def test_masks(text, expected):
    assert masked(text) == expected


def test_masks_keep_offsets_and_do_not_overlap():
    text = "Лист від a@b.com про https://x.io/a@b, {{ x }} 10%."
    masks = find_masks(text)
    for a, b in zip(masks, masks[1:]):
        assert a.end <= b.start
    assert all(text[m.start:m.end].strip() == text[m.start:m.end] for m in masks)


def words(text):
    return [[t.text for t in s.tokens if t.kind == "word"] for s in tokenize(text, find_masks(text))]


def test_words_keep_apostrophes_and_inner_hyphens():
    assert words("Можна з’їсти, з'ясувати, знаʼять; будь-ласка кое-что e-mail.") == [
        ["Можна", "з’їсти", "з'ясувати", "знаʼять", "будь-ласка", "кое-что", "e-mail"]
    ]


def test_a_quote_mark_or_a_prime_between_letters_stands_for_an_apostrophe():
    text = "Найоб′єктивніший м‘ясний об‘єкт."
    assert words(text) == [["Найоб′єктивніший", "м‘ясний", "об‘єкт"]]
    assert [d.rule for d in check(text).diagnostics if d.rule == "spelling.unknown-word"] == []


def test_masked_regions_become_single_tokens():
    [s] = tokenize("В течение 2 часов по ссылке https://x.io.", find_masks("В течение 2 часов по ссылке https://x.io."))
    kinds = [(t.kind, t.mask_kind, t.text) for t in s.tokens]
    assert ("masked", "number", "2") in kinds and ("masked", "url", "https://x.io") in kinds
    assert kinds[-1] == ("punct", None, ".")


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Добрый день! Спасибо за письмо. Ответим завтра?", ["Добрый день!", "Спасибо за письмо.", "Ответим завтра?"]),
        ("Вітаю, Олено\nДякуємо за лист.", ["Вітаю, Олено", "Дякуємо за лист."]),
        ("Ми відповімо\nпротягом дня.", ["Ми відповімо\nпротягом дня."]),
        ("См. п. 3, т. е. раздел оплаты. Далее всё.", ["См. п. 3, т. е. раздел оплаты.", "Далее всё."]),
        ("Hi Ann,\n\nthanks for the note.", ["Hi Ann,", "thanks for the note."]),
        ("Ссылка https://x.io. Дальше текст.", ["Ссылка https://x.io.", "Дальше текст."]),
        # initials end no sentence; a capital letter at a word's end does («Витамин D3.» is no initial either)
        ("Договор подписала Т. Ю. Дулма. Ждём оплату.", ["Договор подписала Т. Ю. Дулма.", "Ждём оплату."]),
        ("Call J. Smith today. Thanks!", ["Call J. Smith today.", "Thanks!"]),
        ("Версия ПО 3.2B. Обновите её.", ["Версия ПО 3.2B.", "Обновите её."]),
    ],
)
def test_sentences(text, sentences):
    got = [text[s.start:s.end] for s in tokenize(text, find_masks(text))]
    assert got == sentences


def test_offsets_index_the_original_text():
    text = "Привет 👋 мир — ﻿«цитата»!"
    for s in tokenize(text, find_masks(text)):
        for t in s.tokens:
            assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Дякую!", "uk"),
        ("Добрий день! Дякуємо за звернення.", "uk"),
        ("Спасибо, получили.", "ru"),
        ("Здравствуйте! Ваш заказ уже в пути.", "ru"),
        ("Thanks, we got it.", "en"),
        ("Hello! Your order is on its way.", "en"),
        ("12.03.2026 14:30", None),
    ],
)
def test_message_language(text, lang):
    assert Document(text).language == lang


def test_each_sentence_gets_a_language():
    doc = Document("Добрий день! Thank you for your patience. Спасибо!")
    assert [s.language for s in doc.sentences] == ["uk", "en", "ru"]
