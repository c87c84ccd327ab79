"""A template placeholder left in a draft: ``{{name}}``, ``{name}``, ``%s``, ``[Имя клиента]``."""

from __future__ import annotations

from . import Check
from ..masking import PLACEHOLDER_KINDS


class UnfilledPlaceholder(Check):
    META = {
        "id": "hygiene.unfilled-placeholder",
        "category": "hygiene",
        "severity": "error",
        "languages": ["any"],
        "message": {
            "ru": "Незаполненная заготовка «{match}»: подставьте настоящее значение перед отправкой.",
            "uk": "Незаповнена заготовка «{match}»: підставте справжнє значення перед надсиланням.",
            "en": "Unfilled placeholder “{match}”: put the real value in before sending.",
        },
        "description": (
            "A client who receives “Dear [Client name]” or «Здравствуйте, {{name}}» learns that the reply is a "
            "form letter nobody read. In template files (.j2, .jinja, .hbs, .mustache) placeholders are expected "
            "and this rule stays silent."
        ),
        "examples": {
            "bad": [
                {"text": "Здравствуйте, <<{{ name }}>>! Ваш заказ готов."},
                {"text": "Добрий день, <<[Ім'я клієнта]>>! Дякуємо за звернення."},
                {"text": "Hi <<{first_name}>>, your invoice is attached."},
                {"text": "Your order <<%s>> has shipped."},
                {"text": "Hello <<<CUSTOMER>>>, your order has shipped."},
            ],
            "good": [
                "Здравствуйте, Ирина! Ваш заказ готов.",
                "See the details in section [1] of the contract.",
                "Добрий день, Олено! Дякуємо за звернення.",
                "Прочтите [инструкцию](https://example.com/help).",
                "[Важно] Плановые работы пройдут в субботу ночью.",
            ],
        },
    }

    def check(self, doc):
        if doc.is_template:
            return
        lang = doc.language
        for mask in doc.masks:
            if mask.kind in PLACEHOLDER_KINDS:
                yield self.diagnostic(mask.start, mask.end, lang=lang, match=doc.text[mask.start:mask.end])
