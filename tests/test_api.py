"""The public API: clientlint.check, Linter, Report, Diagnostic."""

import threading

import clientlint
from clientlint import Diagnostic, Report


def test_check_returns_report_with_sorted_diagnostics():
    text = "Ответим в течении часа. Спасибо за за терпение."
    report = clientlint.check(text, client_language="ru")
    assert isinstance(report, Report) and report.language == "ru"
    assert [d.rule for d in report.diagnostics] == ["ru.grammar.v-techenii", "spelling.doubled-word"]
    starts = [d.start for d in report.diagnostics]
    assert starts == sorted(starts)
    d = report.diagnostics[0]
    assert isinstance(d, Diagnostic)
    assert (d.category, d.severity, d.fix) == ("grammar", "error", "safe")
    assert text[d.start:d.end] == "в течении" and d.replacements == ["в течение"]
    assert "в течение" in d.message


def test_default_linter_is_built_once():
    clientlint.check("Добрий день!")
    first = clientlint.default_linter()
    clientlint.check("Добрий день!")
    assert clientlint.default_linter() is first


def test_applying_first_replacement_corrects_the_text():
    text = "Ми відповімо на протязі дня, дякуємо за за терпіння."
    report = clientlint.check(text)
    fixed = text
    for d in sorted(report.diagnostics, key=lambda d: -d.start):
        fixed = fixed[: d.start] + d.replacements[0] + fixed[d.end:]
    assert fixed == "Ми відповімо протягом дня, дякуємо за терпіння."
    assert clientlint.check(fixed).diagnostics == []


def test_message_language_follows_the_text():
    ru = clientlint.check("Спасибо за за ответ.").diagnostics[0].message
    uk = clientlint.check("Дякуємо за за відповідь.").diagnostics[0].message
    en = clientlint.check("Thanks for the the answer.").diagnostics[0].message
    assert "повторено дважды" in ru and "повторено двічі" in uk and "is repeated" in en


def test_masked_regions_never_produce_findings(linter):
    text = "Идиот https://x.io/идиот/в-течении-часа и `в в` и support@idiot.com"
    rules = [(d.rule, text[d.start:d.end]) for d in linter.check(text).diagnostics]
    assert rules == [("ru.tone.insult", "Идиот")]


def test_template_files_keep_placeholders_quiet(linter):
    text = "Добрий день, {{ name }}! Ваше замовлення {order} готове."
    assert [d.rule for d in linter.check(text).diagnostics] == ["hygiene.unfilled-placeholder"] * 2
    assert linter.check(text, path="welcome.uk.j2").diagnostics == []
    assert linter.check(text, template=True).diagnostics == []


def test_insults_match_every_inflected_form(linter):
    for text in ("Вы ведёте себя как идиоты.", "С идиотом спорить не буду.", "Ти поводишся як ідіот.", "Ви всі ідіоти."):
        assert any(d.category == "tone" for d in linter.check(text).diagnostics), text


def test_linter_is_safe_from_several_threads(linter):
    texts = ["Ответим в течении часа.", "Ми відповімо на протязі дня.", "Thanks for the the note."] * 30
    expected = [[d.to_dict() for d in linter.check(t).diagnostics] for t in texts]
    results = [None] * len(texts)

    def work(i):
        results[i] = [d.to_dict() for d in linter.check(texts[i]).diagnostics]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_non_string_input_is_a_type_error(linter):
    import pytest

    with pytest.raises(TypeError):
        linter.check(b"bytes")


def test_one_finding_per_span_the_precise_rule_wins(linter):
    """A data rule that names a misspelling outranks the checks that infer one (repeated letters, unknown word)."""
    for text, rule in (("Зараннее спасибо за ответ.", "ru.spelling.zaranee"),
                       ("Я придти не смогу.", "ru.spelling.priyti"),
                       ("Ваш закас готов.", "spelling.unknown-word")):
        report = linter.check(text)
        assert [d.rule for d in report.diagnostics] == [rule], text
