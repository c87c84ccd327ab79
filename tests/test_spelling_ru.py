"""Russian words that are not typos, beyond the rules' own examples.

- ``spelling.unknown-word`` accepts forms made by rule from a known word: an adverb in «-о»/«-е»/«-ейше» from a
  known adjective, a verb form with a real verbal prefix before a known verb; typos near them are still caught.
- ``spelling.colloquial`` names the colloquial words of ``rules/ru/colloquial.txt`` («курсач», «скрины») with a
  neutral replacement in the word's form, and ``spelling.unknown-word`` no longer calls them misspelt.
"""

import pytest

import clientlint
from clientlint import lexicon
from clientlint.packs import builtin_rules_dir

UNKNOWN = "spelling.unknown-word"
COLLOQUIAL = "spelling.colloquial"


def found(linter, text, rule):
    """[(flagged text, first suggestion or None)] for ``rule`` in ``text``."""
    return [(text[d.start:d.end], d.replacements[0] if d.replacements else None)
            for d in linter.check(text).by_rule(rule)]


# --- derivations the dictionary lacks ----------------------------------------------------------------------------

DERIVED = [
    "Менеджер уже поскидывала вам все фотографии заказа.",  # по + скидывать
    "Коллеги понаписали подробную инструкцию для новых клиентов.",  # по + написали
    "Мы недооценили сроки доставки и приносим извинения.",  # недо + оценили
    "Оплата за перевод начисляется побуквенно, а не за страницу.",  # побуквенный
    "Нижайше просим прощения за задержку с ответом на ваше письмо.",  # нижайший
    "Добрейше благодарим вас за терпение и подробный отзыв о заказе.",  # добрейший
]


@pytest.mark.parametrize("text", DERIVED)
def test_regular_derivatives_are_words(linter, text):
    assert found(linter, text, UNKNOWN) == []


@pytest.mark.parametrize("text, typo, suggestion", [
    ("Курьер уже преехал к вашему дому и ждёт у входа.", "преехал", "приехал"),  # «пре» is no prefix we accept
    ("Мы неправельно посчитали стоимость вашей доставки.", "неправельно", "неправильно"),
    ("Мы уже отправли документы на вашу почту.", "отправли", "отправил"),
])
def test_typos_near_derivatives_are_still_caught(linter, text, typo, suggestion):
    assert found(linter, text, UNKNOWN) == [(typo, suggestion)]


def test_derivation_needs_a_known_stem():
    assert lexicon.is_regular_derivative("поскидывал", "ru")
    assert lexicon.is_regular_derivative("добрейше", "ru")
    assert not lexicon.is_regular_derivative("поскидвал", "ru")  # the verb after «по» is misspelt
    assert not lexicon.is_regular_derivative("расчитать", "ru")  # «рассчитать»: «рас» is not accepted
    assert not lexicon.is_regular_derivative("добрейшо", "ru")


# --- colloquial words --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, suggestion", [
    ("Оплату за курсач вернём завтра.", "курсач", "курсовая работа"),
    ("Проверили оплату вашего курсача, всё в порядке.", "курсача", "курсовой работы"),
    ("Пришлите, пожалуйста, скрины ошибки.", "скрины", "скриншоты"),
    ("Мы запостили новость о скидках.", "запостили", "опубликовали"),
    ("Вчера мы фоткали товар для каталога на складе.", "фоткали", "фотографировали"),
    ("Напишите в паблик магазина, там ответят быстрее.", "паблик", "сообщество"),
])
def test_colloquial_word_named_with_a_neutral_one(linter, text, word, suggestion):
    assert found(linter, text, COLLOQUIAL) == [(word, suggestion)]
    assert found(linter, text, UNKNOWN) == []
    [d] = linter.check(text).by_rule(COLLOQUIAL)
    assert (d.start, d.end) == (text.index(word), text.index(word) + len(word))
    assert d.severity == "info" and f"«{suggestion}»" in d.message


def test_colloquial_word_without_a_replacement_is_named_alone(linter):
    text = "Ну ёпрст, посылка опять задержалась на складе."
    assert found(linter, text, COLLOQUIAL) == [("ёпрст", None)]
    assert "нейтральное слово" in linter.check(text).by_rule(COLLOQUIAL)[0].message


def test_colloquial_form_the_dictionary_cannot_read_is_named_without_a_form(linter):
    text = "Завтра у нашего менеджера урок по дойчу, он ответит в четверг."  # «дойч»: no reading to inflect from
    assert found(linter, text, COLLOQUIAL) == [("дойчу", None)]
    assert found(linter, text, UNKNOWN) == []


def test_colloquial_word_is_not_a_typo_when_the_colloquial_rule_is_off():
    text = "Ваш папашка уже забрал курсач из нашего офиса."
    result = clientlint.Linter({"ignore": [COLLOQUIAL]}).check(text)
    assert result.by_rule(UNKNOWN) == []


@pytest.mark.parametrize("text", [
    "Она водила машину по правилам и соблюдала все нормы.",  # «водила», «норм»: standard words left out
    "Клава из отдела доставки позвонит вам завтра.",  # a name at the start of a sentence
    "Передайте привет Клаве из отдела доставки.",  # a name mid-sentence
    "Пришлите, пожалуйста, скриншоты ошибки.",
])
def test_standard_words_and_names_are_not_colloquial(linter, text):
    assert found(linter, text, COLLOQUIAL) == []


def test_colloquial_list_is_shipped_with_the_rule_packs():
    path = builtin_rules_dir() / "ru" / "colloquial.txt"
    assert path.is_file()
    listed = lexicon.colloquial_words("ru")
    assert listed["курсач"] == "курсовая работа" and len(listed) > 300
    # every listed word is colloquial, not a standard word with its own meaning
    assert not {"жесть", "абзац", "тачка", "норм", "водила"} & listed.keys()


# --- pieces of compounds and words repeated on purpose ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Для 6-классников готовим отдельную программу.",   # «классников» after a number is half of a compound
    "Сдаётся 3-комнатная квартира у метро.",
    "Наш девиз: учиться, учиться и учиться.",           # said three times on purpose
    "Наш девиз: учиться учиться и ещё раз учиться.",
])
def test_compound_halves_and_deliberate_repetition_are_not_slips(linter, text):
    assert [d.rule for d in linter.check(text).diagnostics if d.category == "spelling"] == []


def test_a_word_typed_twice_is_still_a_slip(linter):
    text = "Мы мы уже работаем, а 6 классников ждём завтра."
    assert found(linter, text, "spelling.doubled-word") == [("Мы мы", "Мы")]
