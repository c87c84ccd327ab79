"""``kind: pattern`` — a sequence of token constraints, with suggestions that can re-inflect matched words.

```yaml
- id: ru.grammar.soglasno-rod
  kind: pattern
  pattern:
    - {text: согласно, mark: true}
    - {pos: NOUN, case: gent, mark: true}
  replacements: ["согласно {1:datv}"]
```

In a replacement, ``{N}`` is the text of the token matched by element N (counting from 0) and ``{N:datv}`` that
word re-inflected into the given grammemes (comma-separated), keeping the rest of its form.
"""

from __future__ import annotations

import re
from typing import Iterator

from .. import morphology
from ..errors import RulePackError
from ..rule import Rule, RuleMeta, match_case
from .tokens import Constraint, build_constraint, match_at

_SLOT = re.compile(r"\{(\d+)(?::([A-Za-z0-9,]+))?\}")


class SequenceRule(Rule):
    """Shared machinery: run a list of constraint sequences over each sentence in the rule's languages."""

    def __init__(self, meta: RuleMeta, sequences: list[list[Constraint]], replacements: list[str]):
        self.meta = meta
        self.sequences = sequences
        self.replacements = replacements
        self._first_texts_cache = self._first_texts()

    def _first_texts(self) -> frozenset[str] | None:
        firsts: set[str] = set()
        for seq in self.sequences:
            first = seq[0]
            if first.texts is None or first.optional or first.negated is not None:
                return None
            firsts |= first.texts
        return frozenset(firsts)

    def check(self, doc) -> Iterator:
        first_texts = self._first_texts_cache
        for sentence in doc.sentences_in(self.meta.language_set):
            lang = sentence.language
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                if first_texts is not None and tokens[i].lower not in first_texts:
                    i += 1
                    continue
                found = None
                for seq in self.sequences:
                    matched = match_at(seq, sentence, i, lang)
                    if matched is not None:
                        found = (seq, matched)
                        break
                if found is None:
                    i += 1
                    continue
                seq, matched = found
                marked = [t for el, t in zip(seq, matched) if el.mark and t is not None]
                span_tokens = marked or [t for t in matched if t is not None]
                start, end = span_tokens[0].start, span_tokens[-1].end
                original = doc.text[start:end]
                suggestions = [self.render(r, seq, matched, lang) for r in self.replacements]
                yield self.diagnostic(start, end, [s for s in suggestions if s], lang=lang, original=original)
                last = max(t.index for t in matched if t is not None)
                i = last + 1

    def render(self, template: str, seq: list[Constraint], matched: list, lang: str) -> str | None:
        """Fill ``{N}`` / ``{N:grammemes}`` slots; None when a word cannot be inflected or is absent."""
        failed = False

        def fill(m: re.Match) -> str:
            nonlocal failed
            n = int(m.group(1))
            tok = matched[n] if n < len(matched) else None
            if tok is None:
                failed = True
                return ""
            if not m.group(2):
                return tok.text
            grammemes = frozenset(m.group(2).split(","))
            el = seq[n]
            form = morphology.inflect(tok.text, lang, grammemes, keep=el.parse_ok if el.grammatical else None)
            if form is None:
                failed = True
                return ""
            return match_case(tok.text, form)

        out = _SLOT.sub(fill, template)
        if failed:
            return None
        return re.sub(r"\s+", " ", out).strip()


class PatternRule(SequenceRule):
    KIND = "pattern"
    KEYS = {"pattern", "patterns", "replacements"}

    @classmethod
    def from_data(cls, meta: RuleMeta, data: dict, where) -> "PatternRule":
        path, line = where
        raw = data.get("patterns") or ([data["pattern"]] if "pattern" in data else None)
        if not raw or not all(isinstance(seq, list) and seq for seq in raw):
            raise RulePackError(path, line, meta.id, "kind 'pattern' needs 'pattern' (a list of tokens) or 'patterns'")
        sequences = [[build_constraint(tok, where, meta.id) for tok in seq] for seq in raw]
        for seq in sequences:
            if seq[0].optional or seq[-1].optional:
                raise RulePackError(path, line, meta.id, "a pattern may not start or end with an optional token")
        replacements = [str(r) for r in data.get("replacements", [])]
        for r in replacements:
            for m in _SLOT.finditer(r):
                if int(m.group(1)) >= max(len(s) for s in sequences):
                    raise RulePackError(path, line, meta.id, f"replacement {r!r} refers to token {m.group(1)}, "
                                                             "beyond the pattern")
        return cls(meta, sequences, replacements)
