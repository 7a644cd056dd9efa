"""Alignment evidence the text gives besides the encoder: where a quoted speech closes.

Hands the aligner, per side, a flag for each sentence that ends a quotation (a dialogue
turn); a bead boundary where one side's turn ends and the other's does not is less likely.
"""

from __future__ import annotations

import numpy as np
import regex

# a closing mark at the very end, after the speech's own punctuation: ……罢。” / 'Wine first.'
# English single quotes double as apostrophes, so a closing one must follow a mark (the
# boys' does not close anything); Chinese closing marks are never apostrophes.
_CLOSES = {
    "zh": regex.compile(r"[”」』’\"]\s*[。！？!?…]*\s*$"),
    "en": regex.compile(r"[.!?,;:…—–-]\s*['’\"”]\s*$"),
}


def quote_ends(texts: list[str], lang: str) -> np.ndarray:
    """True for each sentence that closes a quotation at its end."""
    pattern = _CLOSES["zh" if lang.startswith("zh") else "en"]
    return np.array([pattern.search(text) is not None for text in texts], dtype=bool)
