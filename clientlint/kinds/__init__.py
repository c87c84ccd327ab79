"""The kinds a data rule can be: each is a class with ``KEYS`` (its own YAML keys) and ``from_data``."""

from .pattern import PatternRule
from .phrase import PhraseRule

KINDS = {cls.KIND: cls for cls in (PhraseRule, PatternRule)}

__all__ = ["KINDS", "PhraseRule", "PatternRule"]
