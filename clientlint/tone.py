"""The overall tone of a message, for a user interface: ``neutral``, ``tense`` or ``hostile``, and the phrases that
decided it.

It is read off the message's own ``tone`` findings, after configuration and inline suppressions, so a UI shows the
same verdict as the findings list: a ``tone`` finding of severity ``error`` (an insult, profanity, a threat) makes
the message hostile; one of severity ``warning`` (condescension, blame, sarcasm, shouting, a curt command) makes
it tense; ``info`` advice alone leaves it neutral.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

LEVELS = ("neutral", "tense", "hostile")
_LEVEL_OF = {"error": "hostile", "warning": "tense"}


@dataclass(slots=True)
class ToneCue:
    """One phrase that sets the tone: where it is, what it says, and the rule and severity behind it."""

    rule: str
    severity: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Tone:
    """``level`` is one of :data:`LEVELS`; ``cues`` are the phrases that decided it, most severe first, then in
    text order. ``colour`` maps the level onto a send button's traffic light."""

    level: str = "neutral"
    cues: list[ToneCue] = field(default_factory=list)

    @property
    def colour(self) -> str:
        return {"neutral": "green", "tense": "amber", "hostile": "red"}[self.level]

    def to_dict(self) -> dict:
        return {"level": self.level, "colour": self.colour, "cues": [asdict(c) for c in self.cues]}


def assess(text: str, diagnostics) -> Tone:
    """The tone of ``text`` from its findings (any category; only ``tone`` findings count)."""
    cues = [ToneCue(d.rule, d.severity, d.start, d.end, text[d.start:d.end])
            for d in diagnostics if d.category == "tone" and d.severity in _LEVEL_OF]
    if not cues:
        return Tone()
    cues.sort(key=lambda c: (c.severity != "error", c.start, c.end))
    level = "hostile" if cues[0].severity == "error" else "tense"
    return Tone(level, cues)
