"""Inline suppression comments, and the directive itself is never linted."""

import pytest


@pytest.mark.parametrize(
    "text, remaining",
    [
        ("<!-- clientlint: disable=ru.grammar -->\nОтветим в течении часа.\n", []),
        ("{# clientlint: disable=grammar #}\nОтветим в течении часа.", []),
        ("{{!-- clientlint: disable --}}\nОтветим в течении часа, за за.", []),
        ("clientlint: disable=ru.grammar.v-techenii\nОтветим в течении часа, за за.", ["spelling.doubled-word"]),
        ("<!-- clientlint: disable=ru.tone -->\nОтветим в течении часа.", ["ru.grammar.v-techenii"]),
        (
            "<!-- clientlint: disable=grammar -->\nОтветим в течении часа.\n<!-- clientlint: enable -->\n"
            "Ответим в течении часа.",
            ["ru.grammar.v-techenii"],
        ),
        (
            "<!-- clientlint: disable-next-line -->\nОтветим в течении часа.\nОтветим в течении дня.",
            ["ru.grammar.v-techenii"],
        ),
        ("Ответим в течении часа.\n<!-- clientlint: disable-next-line -->", ["ru.grammar.v-techenii"]),
    ],
)
def test_directives(linter, text, remaining):
    assert [d.rule for d in linter.check(text).diagnostics] == remaining


def test_next_line_suppression_covers_only_that_line(linter):
    text = "<!-- clientlint: disable-next-line=ru.grammar -->\nОтветим в течении часа.\nОтветим в течении дня."
    [d] = linter.check(text).diagnostics
    assert text[d.start:d.end] == "в течении" and d.start > text.index("дня") - 20


def test_directive_text_is_masked(linter):
    # Neither the rule id nor the comment markup is prose.
    report = linter.check("<!-- clientlint: disable=ru.tone.insult -->\nДобрый день!")
    assert report.diagnostics == []
