"""Ukrainian text a client message may well contain that is not an error: loanwords of the trade, informal words
reported as such, and a literal «не дивлячись ні на кого»."""

import pytest


def found(linter, text, prefix=""):
    return [(d.rule, text[d.start:d.end]) for d in linter.check(text).diagnostics if d.rule.startswith(prefix)]


@pytest.mark.parametrize("text", [
    "Перевірте, будь ласка, чекліст перед запуском.",
    "Ми пройшли всі чеклісти, помилок немає.",
    "Рекрутерка надішле вам запрошення.",
    "Додайте масалу до рису.",
    "Вона виклала сторіз про наш магазин.",
])
def test_loanwords_of_the_trade_are_not_typos(linter, text):
    assert found(linter, text) == []


@pytest.mark.parametrize("text, word, rule", [
    ("Змінити тариф можна в адмінці магазину.", "адмінці", "uk.spelling.colloquial-adminka"),
    ("Ми додали вам доступ до адмінки.", "адмінки", "uk.spelling.colloquial-adminka"),
    ("Фото обробляємо нейронкою.", "нейронкою", "uk.spelling.colloquial-neironka"),
])
def test_informal_words_are_reported_as_informal_not_misspelt(linter, text, word, rule):
    report = linter.check(text)
    [d] = report.diagnostics
    assert (d.rule, d.severity, d.start, d.end) == (rule, "info", text.index(word), text.index(word) + len(word))


def test_not_looking_at_anyone_is_literal(linter):
    assert found(linter, "Він мовчки сів, не дивлячись ні на кого.", "uk.grammar") == []
    text = "Не дивлячись ні на що, ми виконали замовлення."
    assert found(linter, text, "uk.grammar") == [("uk.grammar.ne-dyvliachys-na", "Не дивлячись")]
