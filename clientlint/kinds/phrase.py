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
mention, not a use, and stays quiet. With ``skip_self: true`` a name the writer gives themselves («я такой дурак»,
"I'm such an idiot") is self-deprecation, not an insult to the reader. With ``obfuscation: true`` a one-word phrase also matches the word in
disguise: «б**дь», "f***", "sh1t", Latin look-alikes (see ``clientlint/obfuscation.py``).

``antipatterns`` (as in LanguageTool) lists phrases, written like ``phrases``, inside which a match does not count:
an idiom that holds the word in another sense («валять дурака», «божья тварь»).
"""

from __future__ import annotations

import re
from functools import cached_property

from .. import morphology
from ..errors import RulePackError
from ..rule import RuleMeta
from ..tokenize import Token
from .pattern import SequenceRule, inside_quotes
from .tokens import Constraint


class PhraseRule(SequenceRule):
    KIND = "phrase"
    KEYS = {"phrases", "lemma", "replacements", "skip_mentions", "skip_self", "obfuscation", "antipatterns"}
    obfuscation = False

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
        sequences = [_sequence(phrase, by_lemma, where, meta.id) for phrase in phrases]
        antipatterns = data.get("antipatterns", [])
        if not isinstance(antipatterns, list) or not all(isinstance(p, str) and p.strip() for p in antipatterns):
            raise RulePackError(path, line, meta.id, "'antipatterns' is a list of phrases")
        replacements = [str(r) for r in data.get("replacements", [])]
        rule = cls(meta, sequences, replacements, bool(data.get("skip_mentions", False)), per_sequence,
                   bool(data.get("skip_self", False)))
        rule.antipatterns = [_sequence(phrase, by_lemma, where, meta.id) for phrase in antipatterns]
        rule.obfuscation = bool(data.get("obfuscation", False))
        return rule

    def check(self, doc):
        found = list(super().check(doc))
        yield from found
        if self.obfuscation:
            yield from self._disguised(doc, found)

    @cached_property
    def _words(self) -> list[tuple[int, frozenset[str]]]:
        """For each one-word phrase (its index), the words a disguise may hide: the word, and with ``lemma: true``
        every form of it in the rule's languages."""
        out = []
        for n, seq in enumerate(self.sequences):
            if len(seq) != 1:
                continue
            el = seq[0]
            words = set(el.texts or ()) | set(el.lemmas or ())
            if el.lemmas:
                for lang in self.meta.language_set or morphology.SUPPORTED:
                    if lang in morphology.SUPPORTED:
                        for word in el.lemmas:
                            for parse in morphology.analyzer(lang).parse(word):
                                if parse.normal_form == word:
                                    words |= {form.word for form in parse.lexeme}
            out.append((n, frozenset(words)))
        return out

    def _disguised(self, doc, found):
        """Matches of one-word phrases written in disguise, where no plain match was found."""
        if not doc.disguised:
            return
        for sentence in doc.sentences_in(self.meta.language_set):
            lang = sentence.language
            for hidden in doc.disguised:
                if not (sentence.start <= hidden.start and hidden.end <= sentence.end):
                    continue
                if any(d.start < hidden.end and hidden.start < d.end for d in found):
                    continue
                if self.skip_mentions and inside_quotes(doc.text, sentence, hidden.start, hidden.end):
                    continue
                token = Token(hidden.reading, hidden.start, hidden.end, "word")
                for n, words in self._words:
                    el = self.sequences[n][0]
                    if hidden.pattern is None:
                        hit = el.matches(token, sentence, lang)
                    else:
                        hit = any(hidden.could_be(w) for w in words)
                    if hit:
                        templates = self.per_sequence[n] if self.per_sequence else self.replacements
                        suggestions = [self.render(r, self.sequences[n], [token], lang) for r in templates]
                        yield self.diagnostic(hidden.start, hidden.end, [s for s in suggestions if s], lang=lang,
                                              original=doc.text[hidden.start:hidden.end])
                        break


def _sequence(phrase: str, by_lemma: bool, where, rule_id: str) -> list[Constraint]:
    """The constraints of one phrase: a word (or, with ``lemma: true``, any of its forms) or ``/regex/`` each."""
    seq = []
    for word in phrase.split():
        if len(word) > 2 and word.startswith("/") and word.endswith("/"):
            try:
                seq.append(Constraint(regex=re.compile(word[1:-1], re.IGNORECASE)))
            except re.error as exc:
                raise RulePackError(where[0], where[1], rule_id, f"bad regex {word!r}: {exc}") from None
        elif by_lemma:
            seq.append(_LemmaOrText(word.lower()))
        else:
            seq.append(Constraint(texts=frozenset([word.lower()])))
    return seq


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
