"""Split a message into sentences and tokens, skipping masked regions but keeping offsets.

Tokens are words (letters with inner apostrophes ' ’ ʼ and hyphens: «з’їсти», «будь-ласка», «кое-что»),
punctuation marks, and one ``masked`` token per masked region (so a pattern can step over «2» in
«в течение 2 часов»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .masking import Mask

APOSTROPHES = "'\u2019\u02bc\u2018\u2032"  # ‘ and ′ (a prime) are not apostrophes, but between two letters they stand for one
# A letter: a word character that is not a digit, an underscore or a superscript digit (a footnote mark:
# «нижчі¹» is the word «нижчі»). Inside a word, a stress mark and a soft hyphen (U+00AD, an invisible
# line-break hint pasted from web pages and e-books: «схо\u00adдять») belong to it.
_LETTER = r"[^\W\d_\u00b9\u00b2\u00b3\u2070-\u209f]"
_WORD = re.compile(
    _LETTER + r"(?:" + _LETTER + r"|\u0301|\u00ad(?=" + _LETTER + r"))*(?:[" + APOSTROPHES + r"\-\u2011](?:"
    + _LETTER + r"|\u0301|\u00ad(?=" + _LETTER + r"))+)*"
)
_PUNCT = re.compile(r"[.,!?;:…—–\-()«»\"“”„'’\[\]]")

# Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    "т д п е пр см ср г гг ул д кв тел им др стр рис напр руб грн коп млн млрд тыс обл р с "
    "mr mrs ms dr prof etc e g i vs inc ltd no st jr sr".split()
)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "word", "punct" or "masked"
    mask_kind: str | None = None
    index: int = 0  # position within its sentence
    lower: str = field(init=False, repr=False, compare=False)  # the text lower-cased: rules ask for it often

    def __post_init__(self) -> None:
        self.lower = self.text.lower()


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)
    language: str | None = None

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "word"]


def blank_masks(text: str, masks: list[Mask]) -> str:
    """The text with every masked character replaced by a private-use character, same length."""
    if not masks:
        return text
    chars = list(text)
    for m in masks:
        for i in range(m.start, m.end):
            if chars[i] != "\n":
                chars[i] = "\ue000"
    return "".join(chars)


_BOUNDARY = re.compile(r"[.!?…]+[\"»”')\]]*(?=\s)|\n[ \t]*\n|\n")


def _sentence_spans(prose: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(prose):
        cut = m.end()
        if m.group().startswith("\n") and m.group() == "\n":
            # A single line break ends a sentence only when the next line starts a new one
            # (capital letter, bullet, digit, quote) or the line before ended with punctuation.
            before = prose[start:m.start()].rstrip()
            after = prose[m.end():].lstrip(" \t")
            if not before:
                continue
            starts_new = bool(after) and (after[0].isupper() or after[0] in "-*•–—>«\"“#\ue000" or after[0].isdigit())
            ends_done = before[-1] in ".!?…:;,"
            if not (starts_new or ends_done):
                continue
        elif m.group()[0] == ".":
            word = re.search(r"([^\W\d_]+)$", prose[start:m.start()])
            if word and word.group(1).lower() in _ABBREVIATIONS and len(m.group().strip()) == 1:
                nxt = prose[m.end():].lstrip()
                if not nxt or not nxt[0].isupper() or len(word.group(1)) <= 2:
                    continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper() and len(m.group().strip()) == 1:
                before = prose[start:word.start(1)]  # a letter of its own, not the end of «3.2B»
                alone = not before or before[-1].isspace() or before[-1] in "(«\"“'"
                if alone and prose[m.end():].lstrip()[:1].isupper():
                    continue  # an initial: «Т. Ю. Дулма», "J. Smith"
        if prose[start:cut].strip():
            spans.append((start, cut))
        start = cut
    if prose[start:].strip():
        spans.append((start, len(prose)))
    # Trim surrounding white space.
    out = []
    for s, e in spans:
        while s < e and prose[s].isspace():
            s += 1
        while e > s and prose[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def tokenize(text: str, masks: list[Mask]) -> list[Sentence]:
    """Sentences with their tokens. Masked regions become single ``masked`` tokens."""
    prose = blank_masks(text, masks)
    mask_at = {m.start: m for m in masks}
    sentences = []
    for s_start, s_end in _sentence_spans(prose):
        sentence = Sentence(s_start, s_end)
        pos = s_start
        while pos < s_end:
            ch = prose[pos]
            if ch == "\ue000":
                # Find the mask that covers this position.
                m = mask_at.get(pos)
                if m is None:
                    m = next(x for x in masks if x.start <= pos < x.end)
                end = min(m.end, s_end)
                sentence.tokens.append(Token(text[pos:end], pos, end, "masked", m.kind))
                pos = end
                while pos < s_end and prose[pos] == "\ue000" and pos not in mask_at:
                    pos += 1
                continue
            if ch.isspace():
                pos += 1
                continue
            wm = _WORD.match(prose, pos, s_end)
            if wm:
                sentence.tokens.append(Token(wm.group(), wm.start(), wm.end(), "word"))
                pos = wm.end()
                continue
            if _PUNCT.match(ch):
                sentence.tokens.append(Token(ch, pos, pos + 1, "punct"))
            pos += 1
        for i, tok in enumerate(sentence.tokens):
            tok.index = i
        if sentence.tokens:
            sentences.append(sentence)
    return sentences
