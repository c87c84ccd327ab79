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
    ("Новые кросы этой модели уже в наличии.", "кросы", "кроссовки"),
    ("Этот скилл пригодится вам в работе с отчётами.", "скилл", "навык"),
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


# --- words in use, diminutives, services written in Cyrillic ---------------------------------------------------

def test_a_word_in_use_near_its_look_alike_is_not_a_slip(linter):
    # «хабре» (Zipf 2.5) is used in its own right; «харе» (2.9) is not a hundred times more common
    assert found(linter, "Статью опубликуем на хабре в четверг.", UNKNOWN) == []


@pytest.mark.parametrize("text, typo, suggestion", [
    ("Мы получили ваши коментарии к договору.", "коментарии", "комментарии"),  # seen in text, but 2.9 rarer
    ("Вышлем документы, как только сможем, а пока ждём савсем немного.", "савсем", "совсем"),
])
def test_a_common_misspelling_far_rarer_than_its_word_is_still_a_slip(linter, text, typo, suggestion):
    assert lexicon.zipf(typo, "ru") > 0
    assert found(linter, text, UNKNOWN) == [(typo, suggestion)]


@pytest.mark.parametrize("word, is_derived", [
    ("подборочку", True),       # подборка
    ("заявочка", True),         # заявка
    ("однокласснички", True),   # одноклассник, through «одноклассничек»
    ("фильтрочку", False),      # «фильтрка» is no word
    ("кармочкой", False),       # nor «кармка»: a slip of «карточкой»
    ("спортики", True),         # спорт + «-ик»
    ("айтишницы", True),        # the feminine of «айтишник»
    ("обсмотрелся", True),      # «об» + «смотрелся»: a prefixed verb, made reflexive
    ("стлик", False),           # «стл» is no noun
    ("собиральщики", True),     # a doer in «-льщик», from «собирать»
    ("местцам", False),         # no «-ец» nouns: a slip of «местам» would pass
])
def test_diminutives_need_a_known_plain_noun(word, is_derived):
    assert lexicon.is_regular_derivative(word, "ru") is is_derived


@pytest.mark.parametrize("text", [
    "Напишите нам в вайбере или в телеграме, ответим быстро.",
    "Макет лежит в фигме, задачи в джире, бэклог обновили вчера.",
    "Обновили лендинги и дашборды, сторис выйдут завтра.",
])
def test_services_and_trade_words_in_cyrillic_are_known_in_every_form(linter, text):
    assert found(linter, text, UNKNOWN) == []


@pytest.mark.parametrize("word, known", [
    ("вайбере", True), ("фигмой", True), ("дашбордами", True), ("лендингов", True),
    ("вайбрере", False), ("телегарме", False), ("фимгой", False), ("дашбордамм", False),
])
def test_only_forms_of_a_listed_word_are_known_not_slips_near_them(word, known):
    assert lexicon.is_known(word, "ru") is known


# --- doubled words said on purpose ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Хочу хочу хочу такой же заказ!",        # three times: the last two are no slip either
    "Ну давай давай, жми на кнопку.",         # an order pressed home
    "Блин блин, опять не тот файл.",          # an interjection
    "Не не получится, а уже получилось.",     # «Не, не …» with its comma left out
    "Опять перенесли :((( не не переживайте.",  # an emoticon ends a thought as a full stop does
    "Ахах ахах, ну вы даёте.",                # laughter
    "Бу га га, вот это новость.",
    "Дедлайны дедлайны, и так весь месяц.",   # the pair is a clause of its own
    "Почему почему? Объясните, пожалуйста.",
    "Вода была холодная холодная, но мы искупались.",  # a quality said twice («холодная-холодная»)
    "Мы долго долго ждали ответа от банка.",
])
def test_doubles_said_on_purpose_are_left_alone(linter, text):
    assert found(linter, text, "spelling.doubled-word") == []


@pytest.mark.parametrize("text, double", [
    ("Мы не не можем принять оплату.", "не не"),  # mid-sentence «не не» is a slip
    ("Мы отправили отправили заказ вчера.", "отправили отправили"),
    ("В в течение дня ответим.", "В в"),             # a short word at the start is still a slip
    ("Мы мы уже работаем, ждите.", "Мы мы"),         # a pair that runs on into the clause
])
def test_doubles_typed_by_mistake_are_still_found(linter, text, double):
    assert [f for f, _ in found(linter, text, "spelling.doubled-word")] == [double]


# --- short words, codes ----------------------------------------------------------------------------------------

def test_three_letter_words_in_use_are_left_alone_in_cyrillic_text(linter):
    # «бож», «уть»: a clipping or an interjection that real text uses, not a slip of «боже», «чуть»
    assert found(linter, "О бож, уть как обидно, опять перенесли.", UNKNOWN) == []
    # rarer three-letter strings are still slips, and English keeps its three-letter slips
    assert found(linter, "Уточните, кхо принял заказ.", UNKNOWN) == [("кхо", "кто")]
    assert found(linter, "Я вжу надіслала рахунок.", UNKNOWN) == [("вжу", "вже")]
    assert found(linter, "Please check hte invoice.", UNKNOWN) == [("hte", "the")]


def test_letters_written_against_digits_are_a_code(linter):
    assert found(linter, "Ваш промокод жщп81вечр7 действует до пятницы.", UNKNOWN) == []
    assert found(linter, "Ваш промокод жщп вечр действует до пятницы.", UNKNOWN) == [("вечр", "вечер")]


# --- a name the message opens with ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Дулма, ваш заказ уже в пути.",  # «Дума» is no one's name: an address
])
def test_a_name_addressed_at_the_start_is_not_a_typo(linter, text):
    assert found(linter, text, UNKNOWN) == []


def test_a_surname_after_initials_is_a_name_not_a_sentence_start(linter):
    assert found(linter, "Договор подписала Т. Ю. Дулма, которая ведёт проект.", UNKNOWN) == []


@pytest.mark.parametrize("text, typo, suggestion", [
    ("Спосибо, всё получили.", "Спосибо", "Спасибо"),           # not a noun: no one is addressed
    ("Каллеги, добрый день!", "Каллеги", "Коллеги"),            # a confused vowel is a likely slip
    ("Клиенд, с которым мы говорили, ответил.", "Клиенд", "Клиент"),
    ("Заказь, который вы оформили, уже в пути.", "Заказь", "Заказ"),  # the subject and its clause
])
def test_typos_before_a_comma_at_the_start_are_still_found(linter, text, typo, suggestion):
    assert found(linter, text, UNKNOWN) == [(typo, suggestion)]


# --- agreement: ordinals and adverbs written apart --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Из трёх партий первой курьер уже забрал.",  # an ordinal standing for its noun («первой [партии]»)
    "Посылку вторую курьер забрал, а первой водитель не дождался.",
    "Там по моему ошибка в счёте.",   # «по-моему» without its hyphen, not an adjective of «ошибка»
    "По моему мнение такое же.",
])
def test_ordinals_and_hyphenless_adverbs_are_no_agreement_errors(linter, text):
    assert found(linter, text, "grammar.adjective-noun-agreement") == []


def test_a_plain_adjective_after_po_still_agrees(linter):
    assert found(linter, "Работаем по новой тарифу.", "grammar.adjective-noun-agreement") == [
        ("новой тарифу", "новому тарифу")]


@pytest.mark.parametrize("text", [
    "Покажите детям своим пример аккуратности.",  # «своим» belongs to «детям» before it
    "Передайте клиенту нашему благодарность.",
])
def test_an_adjective_after_its_noun_is_no_agreement_error(linter, text):
    assert found(linter, text, "grammar.adjective-noun-agreement") == []


def test_a_name_after_an_adjective_is_someone_addressed(linter):
    assert found(linter, "Включай заднюю николай мы рядом.", "grammar.adjective-noun-agreement") == []


def test_an_adjective_after_a_word_the_dictionary_lacks_may_belong_to_it(linter):
    # «настр» (a clipped «настроение») may be the noun of «отличное»; its gender is unknown
    assert found(linter, "У меня настр хорошее неделю подряд.", "grammar.adjective-noun-agreement") == []
    # a slip of a verb is no noun: «новый заявку» still disagrees
    assert found(linter, "Мы отправлии новый заявку вчера.", "grammar.adjective-noun-agreement") == [
        ("новый заявку", "новую заявку")]


def test_an_adjective_after_a_preposition_still_agrees(linter):
    # «в» is also an abbreviation noun in the dictionary; it is no noun for «новом» to follow
    assert found(linter, "Доставим заказ в новом квартиру.", "grammar.adjective-noun-agreement") == [
        ("новом квартиру", "новую квартиру")]


# --- suggestions after a preposition; «ё» left out of a colloquial word ------------------------------------------

@pytest.mark.parametrize("text, typo, suggestion", [
    ("Он смеётся над людми.", "людми", "людьми"),            # «над» takes the instrumental, not «люди»
    ("Доставим заказ в кваритре.", "кваритре", "квартире"),
])
def test_a_suggestion_after_a_preposition_is_in_a_case_it_takes(linter, text, typo, suggestion):
    assert found(linter, text, UNKNOWN) == [(typo, suggestion)]


@pytest.mark.parametrize("text, typo, suggestion", [
    ("Документы уже уменя, спасибо.", "уменя", "у меня"),   # not «меня»: the space was lost
    ("Я поговорю сней завтра утром.", "сней", "с ней"),
    ("Передайте документы кработе отдела.", "кработе", "к работе"),
])
def test_a_preposition_run_into_its_word_is_split(linter, text, typo, suggestion):
    assert found(linter, text, UNKNOWN) == [(typo, suggestion)]


@pytest.mark.parametrize("text, flagged", [
    ("Слово «щас» в письмах клиентам мы не пишем.", []),          # named as a word
    ("Уберите из шаблона «щас», «ща» и «чё».", []),                # a list of quoted words
    ("Мы «щас» всё проверим.", [("щас", "сейчас")]),              # used, in quotation marks
])
def test_a_colloquial_word_talked_about_is_not_used(linter, text, flagged):
    assert found(linter, text, COLLOQUIAL) == flagged


def test_a_colloquial_word_written_without_yo_may_be_a_standard_word(linter):
    assert found(linter, "Кормили лебедей и чаек на набережной.", "spelling.colloquial") == []
    assert found(linter, "Выпьем чаёк и обсудим макет.", "spelling.colloquial") == [("чаёк", "чай")]


@pytest.mark.parametrize("text, typo, suggestion", [
    ("Подскажите, что можна сделать с заказом?", "можна", "можно"),      # unstressed «о» written «а»
    ("Если хочеш, перезвоню тебе завтра утром.", "хочеш", "хочешь"),    # «-шь» without its soft sign
    ("Мы чесно не знали о переносе доставки.", "чесно", "честно"),           # a silent consonant left out
])
def test_russian_spelt_by_ear_is_a_typo_not_ukrainian(linter, text, typo, suggestion):
    assert found(linter, text, UNKNOWN) == [(typo, suggestion)]
    assert linter.check(text).by_rule("language.mixed") == []


@pytest.mark.parametrize("text, word", [
    ("Честно говоря, я дуже рад этому заказу.", "дуже"),  # a Ukrainian word, not a slip of a Russian one
    ("Спасибо, ваш заказ вже в пути.", "вже"),
])
def test_ukrainian_words_in_russian_text_are_still_mixing(linter, text, word):
    assert [text[d.start:d.end] for d in linter.check(text).by_rule("language.mixed")] == [word]
    assert found(linter, text, UNKNOWN) == []


def test_a_slip_by_ear_in_ukrainian_text_is_left_to_ukrainian():
    from clientlint.suggest import russian_by_ear, spelled_by_ear
    assert spelled_by_ear("можна", "можно") and spelled_by_ear("донбасу", "донбассу")
    assert not spelled_by_ear("дуже", "даже") and not spelled_by_ear("було", "было")
    assert not spelled_by_ear("хата", "хота")  # the first vowel of two syllables: stressed, never heard wrong
    assert spelled_by_ear("охото", "охота") and spelled_by_ear("розборки", "разборки")
    assert russian_by_ear("сонце") == "солнце" and russian_by_ear("новий") == ""
    linter = clientlint.Linter()
    text = "Можна поDOOM-ати або поQUAKE-ти."  # «або»: the message is Ukrainian
    assert found(linter, text, UNKNOWN) == []


# --- the wide lexicon: asked last, Russian only --------------------------------------------------------------------

def test_a_word_only_the_wide_lexicon_knows_is_not_a_typo(linter, monkeypatch):
    text = "Приносим извинения за подвисания приложения."  # not «подписания»: a word OpenCorpora lacks
    assert found(linter, text, UNKNOWN) == []
    monkeypatch.setattr(lexicon, "WIDE_LEXICON", ())
    lexicon.in_wide_lexicon.cache_clear()
    try:
        assert found(clientlint.Linter(), text, UNKNOWN) == [("подвисания", "подписания")]
    finally:
        lexicon.in_wide_lexicon.cache_clear()


def test_the_wide_lexicon_speaks_for_russian_only_and_typos_stay_typos(linter):
    assert lexicon.in_wide_lexicon("подвисание", "ru")
    assert not lexicon.in_wide_lexicon("подвисание", "uk") and not lexicon.in_wide_lexicon("будинка", "uk")
    assert found(linter, "Спасибо за подробный коментарий к заказу.", UNKNOWN) == [("коментарий", "комментарий")]


def test_a_chanted_syllable_is_chat_spelling_not_a_typo(linter):
    text = "Макет отправили, уруру, ждём ответа."
    assert found(linter, text, COLLOQUIAL) == [("уруру", None)] and found(linter, text, UNKNOWN) == []
    assert lexicon.is_chant("бубубу", "ru") and lexicon.is_chant("аняня", "ru")
    assert not lexicon.is_chant("сюсю", "ru")  # twice alone: a pet name as often as a chant
    assert not lexicon.is_chant("папа", "ru") and not lexicon.is_chant("няня", "ru")  # dictionary words


def test_a_misspelling_set_against_its_word_is_an_example(linter):
    assert found(linter, "Пишется «пришёл», а не «пришол».", UNKNOWN) == []
    assert [w for w, _ in found(linter, "Он пришёл, а я не пришол.", UNKNOWN)] == ["пришол"]  # no «а» after it
