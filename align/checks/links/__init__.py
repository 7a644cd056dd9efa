"""Term alignment: which English words render which Chinese words, in one aligned pair.

Hands on a `TermAlignment` per pair: the source words (`Unit`s, names marked), the target
`Token`s, scored `Link`s between them, and what stayed unlinked on either side. Every check
reads its renderings here instead of guessing them its own way.

Evidence for a link, strongest first: the glossary, the same number, Latin text copied over,
a whole dictionary sense word for word, pinyin, a word of a dictionary sense, a sense of a
dictionary word inside the term, a sense of one of its characters. Competition is resolved
greedily by score: one English word renders one source term, a term gets one span.
"""

# SETTINGS before LITERAL: checks.settings() reads them in this order, and so does the signature
from .closeness import CLOSENESS, ClosenessSettings
from .evidence import SETTINGS, Cues, LinkSettings, align_terms, cues, linkable
from .literal import LITERAL, LiteralSettings, Stray, character_glosses, literal_kind, stray_words
from .units import Clause, Link, TermAlignment, Unit, source_units

__all__ = ["CLOSENESS", "ClosenessSettings", "SETTINGS", "LITERAL", "Clause", "Cues", "Link", "LinkSettings", "LiteralSettings",
           "Stray", "TermAlignment", "Unit", "align_terms", "character_glosses", "cues", "linkable",
           "literal_kind", "source_units", "stray_words"]
