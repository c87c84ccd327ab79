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
word re-inflected into the given grammemes (comma-separated), keeping the rest of its form, and ``{N>lemma}``
another word put into the form of token N: «приймали участь» → ``"{0>брати} участь"`` → «брали участь». The slot of an
optional token that is absent stays empty, and so does a slot beyond the end of a shorter sequence (one
replacement can serve several ``patterns``).

``antipatterns``, written like ``patterns``, are sequences inside which a match does not count (as in
LanguageTool): «себя кастрировать» is no threat to anyone.
"""

from __future__ import annotations

import re
from typing import Iterator

from .. import morphology
from ..errors import RulePackError
from ..rule import Rule, RuleMeta, match_case
from .tokens import Constraint, build_constraint, match_at

_SLOT = re.compile(r"\{(\d+)(?::([A-Za-z0-9,]+)|>([^{}:>]+))?\}")
OPEN_QUOTES = "«\"“„'‘‹"
CLOSE_QUOTES = "»\"”“'’›"


def _anchor_key(token) -> str:
    """What an anchor compares: the word, or U+E000 and the mask kind for a masked token."""
    return "\ue000" + (token.mask_kind or "") if token.kind == "masked" else token.lower


_STRAIGHT_RUN = re.compile('"{2,}')


def inside_quotes(text: str, sentence, start: int, end: int) -> bool:
    """``text[start:end]`` stands inside a quotation that opens and closes within its sentence: «клиент написал
    «вы все идиоты»», he wrote "you idiots"."""
    before, after = text[sentence.start:start], text[end:sentence.end]
    before, after = _STRAIGHT_RUN.sub('"', before), _STRAIGHT_RUN.sub('"', after)  # ""label"": one mark each side
    for opening, closing in (("«", "»"), ("“", "”"), ("„", "“")):
        if before.count(opening) > before.count(closing) and closing in after:
            return True
    return before.count('"') % 2 == 1 and '"' in after


# Verbs of calling someone a name: after a negated one the name is disowned («мы никогда не называем клиентов
# идиотами», "we never call clients idiots"), not given to the reader. (A name reported, «он назвал нас
# идиотами», still repeats the insult to the client, and stays a finding.)
NAMING_LEMMAS = frozenset({"называть", "назвать", "обзывать", "обозвать", "називати", "назвати", "обзивати",
                           "обізвати"})
NAMING_WORDS = frozenset({"call", "calls", "called", "calling", "label", "labelled", "labeled"})
NEGATORS = frozenset({"не", "ни", "никогда", "ні", "ніколи", "not", "never", "don't", "dont", "doesn't", "won't",
                      "wouldn't", "shouldn't", "can't", "cannot", "didn't", "t"})
NAMING_REACH = 4  # words between the verb and the name, none of them punctuation
# A word glossed, not used: «это слово означает „балбес“», «слово переводится как …», "it means idiot".
GLOSS_WORDS = frozenset({"означает", "означают", "означало", "означал", "означала", "переводится",
                         "переводиться", "означає", "означають", "перекладається", "means", "meant"})


def after_negated_naming(sentence, first: int, lang: str | None) -> bool:
    """A negated verb of calling someone a name stands shortly before token ``first``, in the same clause."""
    tokens = sentence.tokens
    for k in range(first - 1, max(-1, first - 1 - NAMING_REACH), -1):
        token = tokens[k]
        if token.kind != "word":
            return False
        if token.lower in NAMING_WORDS or (lang in morphology.SUPPORTED and
                                           not NAMING_LEMMAS.isdisjoint(morphology.lemmas(token.text, lang))):
            return any(t.lower in NEGATORS for t in tokens[max(0, k - 2):k])
    return False


# A name the writer gives themselves («я такой дурак», «я вёл себя как дурак», "I'm such an idiot") is
# self-deprecation, not an insult to the reader: the subject «я»/"I" reached through copulas and modifiers only.
WRITER = frozenset({"я", "i", "i'm", "i’m", "im"})
SELF_LINKS = frozenset(
    "такой такая такие полный полная просто же ж ведь вообще настоящий настоящая круглый круглая ещё еще тот та "
    "себя себе как такий така повний повна справжній справжня собі як ще "
    "am 'm was such a an complete total absolute real like myself — – -".split())
SELF_VERB_LEMMAS = frozenset({"быть", "стать", "оказаться", "выглядеть", "вести", "чувствовать", "почувствовать",
                              "казаться", "показаться", "ощущать", "бути", "стати", "виявитися", "виглядати",
                              "поводитися", "почуватися", "відчувати", "здаватися"})
SELF_VERBS = frozenset({"feel", "felt", "look", "looked", "seem", "seemed", "acted", "act", "sound", "sounded"})
REFLEXIVE = frozenset({"себя", "себе", "собі", "myself"})
# Anyone else in the sentence (the reader, a third person) may be the one named: then it is not self-directed.
OTHERS = frozenset(
    "вы ты вас вам вами тебя тебе тобой ваш ваша ваше ваши твой твоя он она они его её ее их него неё нее них ему "
    "ей им ви ти тобі тобою твій твоя ваші він вона вони його її їх нього неї них йому їй "
    "you your you're youre yourself he she they him her them his their".split())
SELF_REACH = 5  # words between «я» and the name


def _links_to_writer(token, lang: str | None) -> bool:
    if token.lower in SELF_LINKS or token.lower in SELF_VERBS:
        return True
    return (lang in morphology.SUPPORTED and token.kind == "word"
            and not SELF_VERB_LEMMAS.isdisjoint(morphology.lemmas(token.text, lang)))


def self_directed(sentence, first: int, last: int, lang: str | None) -> bool:
    """The name at tokens ``first..last`` is one the writer gives themselves: «я дурак», «я такая криворукая»,
    «я вёл себя как дурак», «подлецом себя чувствую», "I'm such an idiot", "I felt like an idiot"."""
    tokens = sentence.tokens
    k, steps = first - 1, 0
    while k >= 0 and steps <= SELF_REACH:
        token = tokens[k]
        if token.lower in WRITER:
            return True
        if not _links_to_writer(token, lang):
            break
        k, steps = k - 1, steps + 1
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and after.lower in REFLEXIVE:
        return not any(t.lower in OTHERS for t in tokens)
    if _after_writers_clause(tokens, first, last, lang):
        return True
    return after is not None and _of_writers_thing(tokens, first, last, after, lang)


def _after_writers_clause(tokens, first: int, last: int, lang: str | None) -> bool:
    """«я опять забыл приложить файл, дурак»: the name closes, after a comma, a clause whose subject is «я», and
    no one else is in the sentence; the writer calls themselves that. («Вы забыли файл, дурак» is an insult.)"""
    if first == 0 or tokens[first - 1].text != "," or (last + 1 < len(tokens) and tokens[last + 1].kind == "word"):
        return False
    if any("?" in t.text for t in tokens[last + 1:] if t.kind != "word"):
        return False  # «Когда я такое обещал, идиот?»: a question calls someone that
    readings = morphology.parses(tokens[first].text, lang) if first == last and lang in morphology.SUPPORTED else ()
    if not readings or any(morphology.number_of(p.tag) != "sing" for p in readings):
        return False  # «я жду ответа неделю, идиоты»: the plural names the others
    clause = []
    for token in reversed(tokens[:first - 1]):
        if token.kind != "word" and token.text in ".!?;:—–…":
            break
        clause.append(token)
    return any(t.lower in WRITER for t in clause) and not any(t.lower in OTHERS for t in tokens)


# The writer as the subject, or as the owner of the thing («мне прислали дурацкий макет» is about a sender).
WRITER_FORMS = WRITER | frozenset("мой моя моё мое мои моих моим моими моего моей моему моём моем "
                                  "мій моя моє мої моїх моїм моїми мого моєї моєму моїй".split())


def _of_writers_thing(tokens, first: int, last: int, after, lang: str | None) -> bool:
    """«мой тупой принтер опять завис», «я весь вечер чинил этот дурацкий кран»: a rude adjective for a thing of the
    writer's own day, in a sentence about the writer («я», «мой») and no one else. Crude, not an insult
    to anyone; with the reader or a third person in the sentence («ваш тупой отчёт»), or an order to the reader
    («переделывайте»), it is one."""
    if lang not in morphology.SUPPORTED or first != last or after.kind != "word":
        return False
    adjective = morphology.parses(tokens[first].text, lang)
    thing = [p for p in morphology.parses(after.text, lang) if p.tag.POS == "NOUN"]
    return (bool(adjective) and all(p.tag.POS == "ADJF" for p in adjective)
            and bool(thing) and all("inan" in p.tag.grammemes for p in thing)
            and any(t.lower in WRITER_FORMS for t in tokens) and not any(t.lower in OTHERS for t in tokens)
            and not any(t.kind == "word" and _is_order(t.text, lang) for t in tokens))


def _is_order(word: str, lang: str) -> bool:
    readings = morphology.parses(word, lang)
    return bool(readings) and all("impr" in p.tag for p in readings)


def _is_mention(sentence, first: int, last: int, text: str = "") -> bool:
    """A match in quotation marks («Идиот», "Idiot", or inside a longer quotation), capitalised mid-sentence
    (The Idiot), after a negated verb of calling names («мы не называем клиентов идиотами»), or glossed («это
    слово означает „дурак“», «переводится как …») names a thing or disowns the word (a title, a quoted word,
    someone else's words) rather than says it."""
    tokens = sentence.tokens
    if text and inside_quotes(text, sentence, tokens[first].start, tokens[last].end):
        return True
    if after_negated_naming(sentence, first, sentence.language):
        return True
    before = tokens[first - 1] if first > 0 else None
    if before is not None and (before.lower in GLOSS_WORDS or (
            before.lower in ("как", "як", "as") and first > 1 and tokens[first - 2].lower in GLOSS_WORDS)):
        return True
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if before is not None and after is not None and before.text in OPEN_QUOTES and after.text in CLOSE_QUOTES:
        return True
    word = tokens[first]
    at_start = first == 0 or all(t.kind == "punct" for t in tokens[:first])
    return not at_start and word.text[:1].isupper() and not word.text.isupper()


REGEX_MEMORY = 50_000  # words remembered per rule


class SequenceRule(Rule):
    """Shared machinery: run a list of constraint sequences over each sentence in the rule's languages."""

    antipatterns: list[list[Constraint]] = []  # sequences inside which a match does not count

    def __init__(self, meta: RuleMeta, sequences: list[list[Constraint]], replacements: list[str],
                 skip_mentions: bool = False, per_sequence: list[list[str]] | None = None, skip_self: bool = False):
        self.meta = meta
        self.sequences = sequences
        self.replacements = replacements
        self.per_sequence = per_sequence  # replacements of each sequence, when they differ
        self.skip_mentions = skip_mentions
        self.skip_self = skip_self  # names the writer gives themselves («я дурак») are not insults to the reader
        self._first = self._prefilter()
        self._anchor = self._anchors()
        self._required = self._requirements()
        self._any_regex = self._regex_union()
        self._regex_seen: dict[str, bool] = {}  # word -> whether _any_regex matches it; words recur across messages

    def _anchors(self) -> list[tuple[int, frozenset[str]]] | None:
        """For each sequence, (k, words): a match starting at token i needs token i+k to be one of the words — the
        first literal token, when every token before it is required and without a gap. None: no such anchor."""
        anchors = []
        for seq in self.sequences:
            for k, el in enumerate(seq):
                if el.optional or (k and el.skip):
                    return None
                if el.texts is not None and el.negated is None:
                    anchors.append((k, el.texts))
                    break
                if el.kind == "masked" and el.mask_kinds is not None:
                    anchors.append((k, frozenset("\ue000" + m for m in el.mask_kinds)))
                    break
            else:
                return None
        return anchors

    def _prefilter(self) -> tuple[frozenset[str], frozenset[str], re.Pattern | None] | None:
        """Words, lemmas and regular expressions (joined into one) one of which the first token must match, or None
        when any token may start a match."""
        texts: set[str] = set()
        lemmas: set[str] = set()
        regexes: list = []
        for seq in self.sequences:
            first = seq[0]
            if first.optional or first.negated is not None:
                return None
            if first.texts is not None:
                texts |= first.texts
            elif first.lemmas is not None and getattr(first, "or_text", False):
                texts |= first.lemmas
                lemmas |= first.lemmas
            elif first.lemmas is not None:
                lemmas |= first.lemmas
            elif first.regex is not None and first.kind == "word":
                regexes.append(first.regex)
            else:
                return None
        union = None
        if regexes:
            try:
                union = re.compile("|".join(f"(?:{rx.pattern})" for rx in regexes), re.IGNORECASE)
            except re.error:  # expressions with flags of their own: no shortcut
                return None
        return frozenset(texts), frozenset(lemmas), union

    def _requirements(self) -> list[tuple[list, list, list]]:
        """For each sequence, what its required tokens need from the message: a word of each text set, a lemma of
        each lemma set, a word matching each regular expression."""
        out = []
        for seq in self.sequences:
            required = [el for el in seq if not el.optional and el.kind == "word"]
            masked = [el.mask_kinds for el in seq if not el.optional and el.kind == "masked" and el.mask_kinds]
            texts = [el.texts for el in required if el.texts is not None]
            texts += [frozenset("\ue000" + m for m in kinds) for kinds in masked]
            lemmas = [el.lemmas for el in required if el.lemmas is not None and el.texts is None]
            regexes = [el.regex for el in required if el.regex is not None and el.texts is None]
            out.append((texts, lemmas, regexes))
        return out

    def _regex_union(self) -> re.Pattern | None:
        """One expression that matches a word when any required expression of any sequence does: a message with
        no such word rules out every sequence that needs one in a single pass."""
        patterns = {rx.pattern for _, _, regexes in self._required for rx in regexes}
        if not patterns:
            return None
        try:
            return re.compile("|".join(f"(?:{p})" for p in sorted(patterns)), re.IGNORECASE)
        except re.error:  # an expression with flags of its own that cannot be joined
            return None

    def may_match(self, doc) -> bool:
        """False when the message lacks a word (or lemma) every match needs: checked once per message, so most of
        the hundreds of pattern rules cost a set lookup, not a walk over every token."""
        words = doc.word_set
        any_regex = None  # whether some word matches some required expression; found on first need
        for texts, lemmas, regexes in self._required:
            # set lookups first: the expressions, which walk every word of the message, only when they pass
            if not all(not t.isdisjoint(words) for t in texts):
                continue
            if not all(not l.isdisjoint(words) or not l.isdisjoint(doc.lemma_set) for l in lemmas):
                continue
            if regexes and self._any_regex is not None:
                if any_regex is None:
                    any_regex = any(self._regex_hit(w) for w in doc.raw_word_set)
                if not any_regex:
                    continue
            if all(any(rx.fullmatch(w) for w in doc.raw_word_set) for rx in regexes):
                return True
        return False

    def _regex_hit(self, word: str) -> bool:
        """Whether some required expression of the rule matches ``word``, remembered: the joined expression of a
        profanity list is slow, and a client's words repeat from message to message (and keystroke to keystroke)."""
        hit = self._regex_seen.get(word)
        if hit is None:
            if len(self._regex_seen) >= REGEX_MEMORY:
                self._regex_seen.clear()
            hit = self._regex_seen[word] = self._any_regex.fullmatch(word) is not None
        return hit

    def _may_start(self, tokens, i, lang) -> bool:
        token = tokens[i]
        if self._first is None:
            if self._anchor is not None:
                return any(i + k < len(tokens) and _anchor_key(tokens[i + k]) in words for k, words in self._anchor)
            return True
        texts, lemmas, regex = self._first
        if token.lower in texts:
            return True
        if token.kind != "word":
            return False
        if regex is not None and regex.fullmatch(token.text):
            return True
        return bool(lemmas) and not lemmas.isdisjoint(morphology.lemmas(token.text, lang))

    def check(self, doc) -> Iterator:
        if not self.may_match(doc):
            return
        for sentence in doc.sentences_in(self.meta.language_set):
            lang = sentence.language
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                if not self._may_start(tokens, i, lang):
                    i += 1
                    continue
                found = None
                for n, seq in enumerate(self.sequences):
                    matched = match_at(seq, sentence, i, lang)
                    if matched is not None:
                        found = (n, seq, matched)
                        break
                if found is None:
                    i += 1
                    continue
                n, seq, matched = found
                templates = self.per_sequence[n] if self.per_sequence else self.replacements
                marked = [t for el, t in zip(seq, matched) if el.mark and t is not None]
                span_tokens = marked or [t for t in matched if t is not None]
                start, end = span_tokens[0].start, span_tokens[-1].end
                last = max(t.index for t in matched if t is not None)
                if self.skip_mentions and _is_mention(sentence, span_tokens[0].index, span_tokens[-1].index,
                                                      doc.text):
                    i = last + 1
                    continue
                if self.skip_self and self_directed(sentence, span_tokens[0].index, span_tokens[-1].index, lang):
                    i = last + 1
                    continue
                if self.antipatterns and self._inside_antipattern(sentence, span_tokens, lang):
                    i = last + 1
                    continue
                original = doc.text[start:end]
                suggestions = [self.render(r, seq, matched, lang) for r in templates]
                yield self.diagnostic(start, end, [s for s in suggestions if s], lang=lang, original=original)
                i = last + 1

    def _inside_antipattern(self, sentence, span_tokens, lang) -> bool:
        """Some antipattern matches tokens that cover the whole match («валять дурака» around «дурака»)."""
        first, last = span_tokens[0].index, span_tokens[-1].index
        for seq in self.antipatterns:
            reach = sum(1 + el.skip for el in seq)
            for start in range(max(0, first - reach), first + 1):
                matched = match_at(seq, sentence, start, lang)
                tokens = [t for t in matched or () if t is not None]
                if tokens and tokens[0].index <= first and tokens[-1].index >= last:
                    return True
        return False

    def render(self, template: str, seq: list[Constraint], matched: list, lang: str) -> str | None:
        """Fill ``{N}`` / ``{N:grammemes}`` slots; None when a word cannot be inflected."""
        failed = False

        def fill(m: re.Match) -> str:
            nonlocal failed
            n = int(m.group(1))
            tok = matched[n] if n < len(matched) else None
            if tok is None:
                return ""  # an absent optional token (or one beyond a shorter sequence) leaves its slot empty
            el = seq[n]
            keep = el.parse_ok if el.grammatical else None
            if m.group(3):  # {N>lemma}: another word in this token's form
                form = morphology.inflect_like(m.group(3).strip(), tok.text, lang, keep=keep)
                if form is None:
                    failed = True
                    return ""
                return match_case(tok.text, form)
            if not m.group(2):
                return tok.text
            grammemes = frozenset(m.group(2).split(","))
            form = morphology.inflect(tok.text, lang, grammemes, keep=keep)
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
    KEYS = {"pattern", "patterns", "replacements", "skip_mentions", "antipatterns"}

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
        antipatterns = data.get("antipatterns", [])
        if not isinstance(antipatterns, list) or not all(isinstance(seq, list) and seq for seq in antipatterns):
            raise RulePackError(path, line, meta.id, "'antipatterns' is a list of patterns (lists of tokens)")
        rule = cls(meta, sequences, replacements, bool(data.get("skip_mentions", False)))
        rule.antipatterns = [[build_constraint(tok, where, meta.id) for tok in seq] for seq in antipatterns]
        return rule
