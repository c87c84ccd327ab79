"""Focused tests for the two script checks, beyond their own examples.

- ``spelling.mixed-script``: a word mixing Latin and Cyrillic look-alike letters («Cпасибо», "Hellо").
- ``spelling.keyboard-layout``: text typed with the wrong layout switched on («ghbdtn», «руддщ»).

Design choice tested here: neighbouring wrong-layout words separated only by spaces are ONE finding whose
suggestion is the whole converted phrase («ghbdtn vbh» → «привет мир»); punctuation between them splits findings.
"""

import pytest

MIXED = "spelling.mixed-script"
LAYOUT = "spelling.keyboard-layout"


def found(linter, text, rule):
    """[(flagged text, first suggestion or None, fix)] for ``rule`` in ``text``."""
    out = []
    for d in linter.check(text).by_rule(rule):
        out.append((text[d.start:d.end], d.replacements[0] if d.replacements else None, d.fix))
    return out


def apply_first(linter, text, rule):
    """The text with every finding of ``rule`` replaced by its first suggestion (from the end)."""
    for d in sorted(linter.check(text).by_rule(rule), key=lambda d: -d.start):
        text = text[: d.start] + d.replacements[0] + text[d.end :]
    return text


# --- precision: clean text stays quiet ------------------------------------------------------------------------

CLEAN = [
    # English with short words, abbreviations, brands
    "Hello Olena, ok, the CRM export is ready.",
    "Hi team, the iPhone app and the Zoom call are both fine.",
    "Thanks! The LTD paperwork and the NDA are signed, i.e. we are good to go.",
    "FYI: the SLA covers weekends too, btw.",
    "Our SaaS plan includes SSO, SAML and an API key.",
    "Ok, see you on Monday at the Kyiv office.",
    "Please check the attached PDF and reply asap.",
    "idk if the fbi guys will join, but the ufc stream is on.",
    "I think we'll be there; they've already booked it.",
    # Ukrainian and Russian with Latin names, products and codes
    "Ми надіслали звіт у Google Docs, а оригінал — Новою Поштою.",
    "Отправили договор через «Новую Почту», копия лежит в Google Docs.",
    "Модели A4 и X5 есть на складе, артикул ТВ-4K тоже.",
    "Пишіть на support@example.com або заходьте на https://example.com/ghbdtn.",
    "Напишите нам в Telegram или Viber, менеджер Olena ответит.",
    "Новый Wi-Fi-роутер и IT-отдел уже на связи.",
    "Ми підключили Slack, Jira та Figma до вашого акаунта.",
    "Мы настроили csv-выгрузку и jwt для вашей CRM.",
    "Наш PRник и SMMщик уже в курсе, отчёт по CRMке пришлём завтра.",
    "Оплата через LiqPay або WayForPay, рахунок-фактура в PDF.",
    "Передайте привет Стичкину и команде Акмеплан.",
    "Код `cgfcb,j` и путь /ghbdtn/vbh оставьте как есть.",
    "Наш аккаунт @ghbdtn и хештег #cgfcb тоже.",
    "Розетка, Укрпошта та Монобанк вже підтвердили.",
    "Дякуємо, що обрали нас!",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_quiet(linter, text):
    assert found(linter, text, MIXED) == []
    assert found(linter, text, LAYOUT) == []


# --- spelling.mixed-script ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, flagged, suggestion, fix",
    [
        ("Cпасибо за заказ!", "Cпасибо", "Спасибо", "safe"),  # Latin C
        ("Мы обновили смету прoекта.", "прoекта", "проекта", "safe"),  # Latin o
        ("Hellо Maria, the invoice is attached.", "Hellо", "Hello", "safe"),  # Cyrillic о
        ("Щиро дякуємo за довіру!", "дякуємo", "дякуємо", "safe"),
        ("Хочу дiзнатись більше про тариф.", "дiзнатись", "дізнатись", "safe"),  # Latin i in Ukrainian
        ("Всë готово, счёт во вложении.", "Всë", "Всё", "safe"),  # Latin ë
        ("Договор подписал Стичкинa вчера.", "Стичкинa", "Стичкина", "unsafe"),  # not a dictionary word
        ("Мы перешли на КPMG в прошлом году.", "КPMG", "KPMG", "unsafe"),
    ],
)
def test_mixed_script_found_and_fixed(linter, text, flagged, suggestion, fix):
    assert found(linter, text, MIXED) == [(flagged, suggestion, fix)]
    assert found(linter, apply_first(linter, text, MIXED), MIXED) == []


def test_mixed_script_without_look_alike_has_no_suggestion(linter):
    # Latin «u» looks like no Cyrillic letter; Latin «i» stands for «і» only in Ukrainian.
    assert found(linter, "Привет, прuвет всем!", MIXED) == [("прuвет", None, None)]
    assert found(linter, "Мы прiвезём заказ завтра.", MIXED) == [("прiвезём", None, None)]


def test_mixed_script_flags_only_the_mixed_part_of_a_hyphenated_word(linter):
    text = "Новый Wi-Fi-рoутер уже в пути."
    assert found(linter, text, MIXED) == [("рoутер", "роутер", "safe")]


@pytest.mark.parametrize(
    "text",
    [
        "Модель ХR-200 уже на складе.",  # product code with digits
        "Артикул СX5_plus в наличии.",  # code with an underscore
        "Ссылка: https://exаmple.com/заказ",  # inside a link (masked)
        "Команда `Cпасибо` в боте.",  # inside code (masked)
        "Пишите на mаria@example.com.",  # inside an e-mail (masked)
        "Отчёт отправлен в отчётExcel-формате.",  # two words glued, not a look-alike
        "Дякуємо, що обрали\\nобрали нас.",  # an escape sequence
    ],
)
def test_mixed_script_leaves_codes_and_masks_alone(linter, text):
    assert found(linter, text, MIXED) == []


# --- spelling.keyboard-layout ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("Ghbdtn, Анна!", "Ghbdtn", "Привет"),
        ("Большое cgfcb,j за ожидание.", "cgfcb,j", "спасибо"),  # «,» is «б»
        ("Ok, pyf.", "pyf.", "знаю"),  # a final «.» that is «ю»
        ("Ми отримали ваш kbcn.", "kbcn", "лист"),  # a final «.» that is a full stop
        ("Ghbdsn, Олено!", "Ghbdsn", "Привіт"),  # Ukrainian layout: «s» is «і»
        ("Дякуємо за cdj' замовлення.", "cdj'", "своє"),  # Ukrainian layout: «'» is «є»
        ("<fyr gjlndthlbk gkfn`;.", "<fyr gjlndthlbk gkfn`;", "Банк подтвердил платёж"),  # Shift+, and ` ;
        ("Dfi pfrfp&", "Dfi pfrfp", "Ваш заказ"),  # & is the Russian layout's «?»
        ("Руддщ Maria, the invoice is attached.", "Руддщ", "Hello"),
        ("Руддщ, вщтэе цщккн!", "вщтэе цщккн", "don't worry"),  # «э» is the apostrophe key
    ],
)
def test_layout_slips_found(linter, text, flagged, suggestion):
    findings = found(linter, text, LAYOUT)
    assert (flagged, suggestion, "safe") in findings


def test_layout_choice_follows_the_sentence_language(linter):
    # «cfqns» is «сайті» on the Ukrainian layout and «сайты» on the Russian one: both are words.
    assert found(linter, "Інформація вже є на cfqns компанії.", LAYOUT) == [("cfqns", "сайті", "safe")]
    assert found(linter, "Новые cfqns уже работают.", LAYOUT) == [("cfqns", "сайты", "safe")]


def test_neighbouring_slips_are_one_finding(linter):
    assert found(linter, "ghbdtn vbh", LAYOUT) == [("ghbdtn vbh", "привет мир", "safe")]
    # Short words join the phrase they stand in; punctuation between words splits findings.
    text = "Добрый день! Vs gjkexbkb dfie pfzdre b jndtnbv pfdnhf."
    assert found(linter, text, LAYOUT) == [
        ("Vs gjkexbkb dfie pfzdre b jndtnbv pfdnhf", "Мы получили вашу заявку и ответим завтра", "safe")
    ]
    assert found(linter, "Ghbdtn! Rfr ltkf?", LAYOUT) == [
        ("Ghbdtn", "Привет", "safe"),
        ("Rfr ltkf", "Как дела", "safe"),
    ]


def test_offsets_after_emoji(linter):
    text = "👍🏽 Ок, cgfcb,j! 😀 ghbdtn"
    report = linter.check(text)
    spans = [(text[d.start:d.end], d.replacements[0]) for d in report.by_rule(LAYOUT)]
    assert spans == [("cgfcb,j", "спасибо"), ("ghbdtn", "привет")]
    assert apply_first(linter, text, LAYOUT) == "👍🏽 Ок, спасибо! 😀 привет"


def test_mixed_script_offsets_after_emoji(linter):
    text = "🎉🎉 Cпасибо!"
    (d,) = linter.check(text).by_rule(MIXED)
    assert text[d.start:d.end] == "Cпасибо"


def test_fix_safety_follows_word_frequency(linter):
    # «алгебру» is a dictionary word, but a rare one: the fix needs a look.
    assert found(linter, "Мы отправили fkut,he сегодня утром.", LAYOUT) == [("fkut,he", "алгебру", "unsafe")]


def test_layout_capitalisation_is_kept(linter):
    assert found(linter, "Ljhjufz Jktyf!", LAYOUT) == [("Ljhjufz Jktyf", "Дорогая Олена", "safe")]
    assert found(linter, "GHBDTN RJKKTUF", LAYOUT) == [("GHBDTN RJKKTUF", "ПРИВЕТ КОЛЛЕГА", "safe")]


@pytest.mark.parametrize(
    "text",
    [
        "CRM, ERP, KPI, ROI and RFP are on the agenda.",  # abbreviations in capitals
        "We moved from Rozetka to Prom last year.",  # brand names
        "Your iPhone, eBay and YouTube accounts are linked.",  # camelCase
        "Ми налаштували csv, tls та rfq для вашої команди.",  # lowercase terms that collide with short words
        "Мы обсудили это в Zoom и в Slack.",
        "Наш сайт ghbdtn.com и почта ghbdtn@example.com.",  # masked
        "Он ел суп, пока Никита ел второе.",
        "Дгя нас це важливо.",  # a typo of «Для», not English typed in Cyrillic
    ],
)
def test_layout_leaves_terms_brands_and_typos_alone(linter, text):
    assert found(linter, text, LAYOUT) == []


def test_layout_message_is_in_the_language_the_writer_meant(linter):
    (d,) = linter.check("Ghbdtn, Анна!").by_rule(LAYOUT)
    assert "раскладке" in d.message and "«Привет»" in d.message
    (d,) = linter.check("Руддщ Maria, the invoice is attached.").by_rule(LAYOUT)
    assert "keyboard layout" in d.message and "“Hello”" in d.message


def test_mixed_script_message_says_why_it_matters(linter):
    (d,) = linter.check("Cпасибо за заказ!").by_rule(MIXED)
    assert "латинская «C»" in d.message and "поиск" in d.message
    (d,) = linter.check("Please cоnfirm the date.").by_rule(MIXED)
    assert "Cyrillic" in d.message and "search" in d.message
