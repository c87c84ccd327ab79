"""``kind: phrase`` — literal words or phrases, case-insensitive, optionally matched by lemma.

```yaml
- id: uk.grammar.na-protiazi
  kind: phrase
  phrases: ["на протязі"]
  replacements: ["протягом"]
```

``phrases`` may also be a mapping from each phrase to its own replacement (or list of them), the way
codespell keeps ``wrong->right``: ``{dont: "don't", thats: "that's"}``.

A word written between slashes (``/писал[аи]?/``) is a regular expression over that token. With ``lemma: true``
each word also matches every form of that lemma, so «идиот» catches «идиоты», «идиотом». With
``skip_mentions: true`` a match in quotation marks or capitalised mid-sentence («Идиот» as a book title) is a
mention, not a use, and stays quiet.
"""

from __future__ import annotations

import re

from ..errors import RulePackError
from ..rule import RuleMeta
from .pattern import SequenceRule
from .tokens import Constraint


class PhraseRule(SequenceRule):
    KIND = "phrase"
    KEYS = {"phrases", "lemma", "replacements", "skip_mentions"}

    @classmethod
    def from_data(cls, meta: RuleMeta, data: dict, where) -> "PhraseRule":
        path, line = where
        phrases = data.get("phrases")
        per_sequence = None
        if isinstance(phrases, dict):
            mapping = {k: v for k, v in phrases.items() if not str(k).startswith("__")}
            if "replacements" in data:
                raise RulePackError(path, line, meta.id, "'phrases' as a mapping gives the replacements itself; "
                                                         "drop 'replacements'")
            phrases = list(mapping)
            per_sequence = []
            for key, value in mapping.items():
                values = [value] if isinstance(value, str) else value
                if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
                    raise RulePackError(path, line, meta.id, f"phrase {key!r}: the replacement is a text or a list")
                per_sequence.append(list(values))
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise RulePackError(path, line, meta.id, "kind 'phrase' needs 'phrases': a list of words or phrases, "
                                                     "or a mapping phrase -> replacement")
        by_lemma = bool(data.get("lemma", False))
        sequences = []
        for phrase in phrases:
            seq = []
            for word in phrase.split():
                if len(word) > 2 and word.startswith("/") and word.endswith("/"):
                    try:
                        seq.append(Constraint(regex=re.compile(word[1:-1], re.IGNORECASE)))
                    except re.error as exc:
                        raise RulePackError(path, line, meta.id, f"bad regex {word!r}: {exc}") from None
                elif by_lemma:
                    seq.append(_LemmaOrText(word.lower()))
                else:
                    seq.append(Constraint(texts=frozenset([word.lower()])))
            sequences.append(seq)
        replacements = [str(r) for r in data.get("replacements", [])]
        return cls(meta, sequences, replacements, bool(data.get("skip_mentions", False)), per_sequence)


class _LemmaOrText(Constraint):
    """Matches the word itself, or any word one of whose plausible parses has it as lemma."""

    def __init__(self, word: str):
        super().__init__(lemmas=frozenset([word]), quantifier="any")
        self.word = word
        self.or_text = True

    def matches(self, token, sentence, lang) -> bool:
        if token.kind != "word":
            return False
        if token.lower == self.word:
            return True
        return super().matches(token, sentence, lang)
