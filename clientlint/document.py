"""A message prepared for the rules: text, masks, sentences with tokens, and their language."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import morphology
from .language import detect_sentences
from .masking import Mask, find_masks
from .obfuscation import candidates
from .tokenize import Sentence, blank_masks, tokenize

TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".hbs", ".handlebars", ".mustache")


@dataclass
class Document:
    text: str
    path: str | None = None
    is_template: bool = False
    accepted_words: frozenset[str] = field(default_factory=frozenset)
    client_language: str | None = None

    @cached_property
    def masks(self) -> list[Mask]:
        return find_masks(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        sentences = tokenize(self.text, self.masks)
        self._language = detect_sentences(sentences, self.prose)
        return sentences

    @cached_property
    def prose(self) -> str:
        """The text with every masked character replaced by U+E000 (line breaks kept), same length."""
        return blank_masks(self.text, self.masks)

    @cached_property
    def word_set(self) -> frozenset[str]:
        """Every token of the message, lower-cased (a masked token as U+E000 and its kind): lets a rule rule itself
        out in one set operation."""
        return frozenset(("\ue000" + (t.mask_kind or "")) if t.kind == "masked" else t.lower
                         for s in self.sentences for t in s.tokens) | frozenset(t.lower for s in self.sentences
                                                                                for t in s.tokens)

    @cached_property
    def raw_word_set(self) -> frozenset[str]:
        """Every word of the message as written (for case-sensitive regular expressions)."""
        return frozenset(t.text for s in self.sentences for t in s.tokens if t.kind == "word")

    @cached_property
    def lemma_set(self) -> frozenset[str]:
        """Every dictionary form of every word, in the language of its sentence (for rules that match by lemma)."""
        found: set[str] = set()
        for sentence in self.sentences:
            if sentence.language in morphology.SUPPORTED:
                for t in sentence.tokens:
                    if t.kind == "word":
                        found |= morphology.lemmas(t.text, sentence.language)
        return frozenset(found)

    @cached_property
    def disguised(self) -> list:
        """Words written in disguise («б**дь», "sh1t"), found once for every rule that asks. A piece of a masked
        number or code («0х3=0», where the digits are masked) is not a word of its own."""
        text = self.text
        return [d for d in candidates(self.prose)
                if not (d.start > 0 and text[d.start - 1].isalnum()) and not (d.end < len(text) and text[d.end].isalnum())]

    @property
    def language(self) -> str | None:
        self.sentences  # detection runs with tokenisation
        return self._language

    def sentences_in(self, languages: frozenset[str] | None) -> list[Sentence]:
        """Sentences whose language is one of ``languages`` (all sentences when None)."""
        if languages is None:
            return self.sentences
        return [s for s in self.sentences if s.language in languages]


def is_template_path(path: str | None) -> bool:
    return bool(path) and str(path).lower().endswith(TEMPLATE_SUFFIXES)
