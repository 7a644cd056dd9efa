"""When word-level evidence counts: the closeness of a whole translation to its source, the
threshold the literal and sense checks share (a free literary rendering is no slip)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClosenessSettings:
    # a word-level judgement (a rendering partly from the characters, "Yangtze River
    # Triangulation"; a sense the rest of the document does not use) is made in a document
    # translated closely: the share of its linkable source words linked. A literary
    # translator who rewrites freely picks "evening sun" for 夕阳, "observation post" for
    # 观察哨 or "gate" where another page says "door" on purpose, where a machine that renders
    # word for word slips. MAC-Test's human translations: 0.39-0.64 (130 literal majors and
    # 42 sense majors with no gate, none at 0.65); its machine translations 0.65-0.79; the
    # seed MT 0.76; MQM dev MT from 0.53 (median 0.78), where 0.65 keeps 32 of the 34 right
    # partial literal flags; the planted-error sets 0.55-0.78
    word_level: float = 0.65


CLOSENESS = ClosenessSettings()
