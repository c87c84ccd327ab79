"""Colloquial and non-standard forms the dictionaries mark as such: «щас», «сёдня», «чё», «ваще»."""

from __future__ import annotations

from . import Check
from .. import morphology
from ..rule import match_case


# pymorphy3 marks: informal, slang, distorted, erroneous.
MARKS = frozenset({"Infr", "Slng", "Dist", "Erro"})
# Parts of speech whose dictionary form is a drop-in replacement (they do not inflect).
INVARIABLE = frozenset({"ADVB", "PRCL", "CONJ", "INTJ", "PRED", "PREP", None})


class Colloquial(Check):
    priority = 20  # a named misspelling (priyti) says more
    META = {
        "id": "spelling.colloquial",
        "category": "spelling",
        "severity": "info",
        "languages": ["ru"],
        "fix": "unsafe",
        "message": {
            "ru": "«{match}» — разговорная форма, в письме клиенту лучше «{suggestion}».",
        },
        "description": (
            "Spoken forms such as «щас», «сёдня» or «чё» look careless in writing and too familiar for a "
            "client. The Russian dictionary marks them as informal or distorted; the rule speaks only where the "
            "standard word is an exact replacement (a word that does not inflect), so it can say what to write. "
            "The Ukrainian dictionary marks many ordinary loanwords as slang, so Ukrainian colloquialisms are "
            "named one by one in rules/uk/ instead. This is information, not an error: a warm chat with a "
            "regular client may keep them."
        ),
        "examples": {
            "bad": [
                {"text": "Я <<щас>> проверю ваш заказ.", "suggestion": "сейчас"},
                {"text": "Курьер приедет <<сёдня>> вечером.", "suggestion": "сегодня"},
                {"text": "Уточните, <<шо>> именно не работает.", "suggestion": "что"},
            ],
            "good": [
                "Я сейчас проверю ваш заказ.",
                "Курьер приедет сегодня вечером.",
                "Уточните, что именно не работает.",
            ],
        },
    }

    def check(self, doc):
        for sentence in doc.sentences_in(self.meta.language_set):
            lang = sentence.language
            for token in sentence.tokens:
                if token.kind != "word" or len(token.text) < 2 or not morphology.is_known(token.text, lang):
                    continue
                parses = morphology.parses(token.text, lang)
                if not parses or not all(MARKS & p.tag.grammemes for p in parses):
                    continue
                standard = {p.normal_form for p in parses}
                if len(standard) != 1 or not all(p.tag.POS in INVARIABLE or "Dist" in p.tag for p in parses):
                    continue
                form = standard.pop()
                if form == morphology.normalize(token.text):
                    continue
                yield self.diagnostic(token.start, token.end, [match_case(token.text, form)], lang=lang,
                                      match=token.text)
