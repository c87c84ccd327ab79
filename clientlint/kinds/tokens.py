"""Token constraints and the sequence matcher shared by the ``phrase`` and ``pattern`` kinds.

A constraint tests one token: its text (literal or regular expression), its lemma, part of speech and grammemes
(pymorphy3 tags: case, number, gender, person, tense, animacy, aspect, mood), its kind (word, punctuation, masked
region), its place in the sentence, and negation. Grammatical tests hold only when *every plausible parse* passes
(``parses: all``, the default) so an ambiguous word never triggers an error; ``parses: any`` relaxes that for
context tokens, and a negated test holds only when *no* plausible parse passes the inner one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import morphology
from ..errors import RulePackError
from ..tokenize import Sentence, Token

GRAMMEME_KEYS = ("case", "number", "gender", "person", "tense", "animacy", "aspect", "mood", "voice", "transitivity")
CONSTRAINT_KEYS = {
    "text", "regex", "lemma", "pos", "grammemes", "not", "parses", "optional", "skip", "mark", "agree",
    "kind", "masked", "sentence_start", "sentence_end", *GRAMMEME_KEYS,
}


def _as_set(value, lower=True) -> frozenset[str]:
    items = [value] if isinstance(value, str) else list(value)
    return frozenset(str(v).lower() if lower else str(v) for v in items)


@dataclass
class Constraint:
    texts: frozenset[str] | None = None
    regex: re.Pattern | None = None
    lemmas: frozenset[str] | None = None
    pos: frozenset[str] | None = None
    grammeme_groups: tuple[frozenset[str], ...] = ()  # each group: any one of these grammemes must be present
    negated: "Constraint | None" = None
    quantifier: str = "all"
    optional: bool = False
    skip: int = 0
    mark: bool = False
    kind: str = "word"
    mask_kinds: frozenset[str] | None = None
    sentence_start: bool = False
    sentence_end: bool = False
    agree: int | None = None  # index of an earlier element this token must agree with (case, number, gender)

    @property
    def grammatical(self) -> bool:
        return bool(self.lemmas or self.pos or self.grammeme_groups)

    def parse_ok(self, parse) -> bool:
        if self.lemmas is not None and parse.normal_form not in self.lemmas:
            return False
        if self.pos is not None and parse.tag.POS not in self.pos:
            return False
        for group in self.grammeme_groups:
            if not any(g in parse.tag for g in group):
                return False
        return True

    def matches(self, token: Token, sentence: Sentence, lang: str) -> bool:
        if self.kind != "any" and token.kind != self.kind:
            return False
        if self.mask_kinds is not None and token.mask_kind not in self.mask_kinds:
            return False
        if self.sentence_start and token.index != 0:
            return False
        if self.sentence_end:
            rest = sentence.tokens[token.index + 1:]
            if any(t.kind != "punct" for t in rest):
                return False
        if self.texts is not None and token.lower not in self.texts:
            return False
        if self.regex is not None and not self.regex.fullmatch(token.text):
            return False
        if self.grammatical:
            plausible = morphology.parses(token.text, lang)
            if not plausible:
                return False
            test = all if self.quantifier == "all" else any
            if not test(self.parse_ok(p) for p in plausible):
                return False
        if self.negated is not None and self.negated.matches(token, sentence, lang):
            return False
        return True


def build_constraint(data, where, rule_id, *, in_not=False) -> Constraint:
    path, line = where
    if isinstance(data, str):
        data = {"text": data}
    if not isinstance(data, dict):
        raise RulePackError(path, line, rule_id, "a pattern token is a mapping of constraints or a word")
    line = data.get("__line__", line)
    unknown = {k for k in data if not k.startswith("__")} - CONSTRAINT_KEYS
    if unknown:
        raise RulePackError(path, line, rule_id, f"unknown token constraint {sorted(unknown)[0]!r}")
    c = Constraint()
    if "text" in data:
        values = data["text"] if isinstance(data["text"], list) else [data["text"]]
        if any(isinstance(v, bool) or v is None for v in values):
            raise RulePackError(path, line, rule_id, "a 'text' value read as true/false/null: YAML takes unquoted "
                                                     "yes, no, on, off, null as such; quote the word ('off')")
        c.texts = _as_set(data["text"])
    if "regex" in data:
        try:
            c.regex = re.compile(str(data["regex"]), re.IGNORECASE)
        except re.error as exc:
            raise RulePackError(path, line, rule_id, f"bad regex {data['regex']!r}: {exc}") from None
    if "lemma" in data:
        c.lemmas = _as_set(data["lemma"])
    if "pos" in data:
        c.pos = _as_set(data["pos"], lower=False)
    groups = []
    for key in GRAMMEME_KEYS:
        if key in data:
            groups.append(_as_set(data[key], lower=False))
    if "grammemes" in data:
        groups.extend(frozenset([g]) for g in _as_set(data["grammemes"], lower=False))
    c.grammeme_groups = tuple(groups)
    c.quantifier = data.get("parses", "any" if in_not else "all")
    if c.quantifier not in ("all", "any"):
        raise RulePackError(path, line, rule_id, "'parses' is 'all' or 'any'")
    if "not" in data:
        c.negated = build_constraint(data["not"], (path, line), rule_id, in_not=True)
    c.optional = bool(data.get("optional", False))
    c.skip = int(data.get("skip", 0))
    c.mark = bool(data.get("mark", False))
    c.kind = data.get("kind", "masked" if "masked" in data else "word")
    if c.kind not in ("word", "punct", "masked", "any"):
        raise RulePackError(path, line, rule_id, "'kind' of a token is word, punct, masked or any")
    if "masked" in data:
        c.mask_kinds = _as_set(data["masked"])
    if "agree" in data:
        c.agree = int(data["agree"])
    c.sentence_start = bool(data.get("sentence_start", False))
    c.sentence_end = bool(data.get("sentence_end", False))
    return c


def agrees(a: Token, b: Token, lang: str) -> bool:
    """Whether some reading of ``a`` and some reading of ``b`` agree in case, number and gender."""
    agree = morphology.agree
    pa = morphology.analyzer(lang).parse(morphology.normalize(a.text)) if lang in morphology.SUPPORTED else []
    pb = morphology.analyzer(lang).parse(morphology.normalize(b.text)) if lang in morphology.SUPPORTED else []
    return any(agree(x, y) or agree(y, x) for x in pa for y in pb)


def match_at(elements: list[Constraint], sentence: Sentence, start: int, lang: str) -> list[Token | None] | None:
    """Match ``elements`` from token ``start``; returns the token for each element (None if optional and absent)."""
    tokens = sentence.tokens

    def step(ei: int, ti: int, acc: tuple = ()) -> list | None:
        if ei == len(elements):
            return []
        el = elements[ei]
        # Gap: up to el.skip word or masked tokens may stand before this element (not for the first one).
        max_gap = el.skip if ei > 0 else 0
        for gap in range(max_gap + 1):
            pos = ti + gap
            if gap and tokens[pos - 1].kind == "punct":
                break
            if pos < len(tokens) and el.matches(tokens[pos], sentence, lang):
                other = acc[el.agree] if el.agree is not None and el.agree < len(acc) else None
                if other is None or agrees(other, tokens[pos], lang):
                    rest = step(ei + 1, pos + 1, (*acc, tokens[pos]))
                    if rest is not None:
                        return [tokens[pos], *rest]
            if pos >= len(tokens):
                break
        if el.optional:
            rest = step(ei + 1, ti, (*acc, None))
            if rest is not None:
                return [None, *rest]
        return None

    return step(0, start)
