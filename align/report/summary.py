"""The summary of a run: counts, bead types, similarity, warnings, timings and the signature,
as a typed record; `as_dict` is summary.json (its keys are stable: scripts read them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .signature import Signature
from ..types import Bead, Flag


@dataclass(frozen=True)
class Summary:
    source: str  # the source file's name as shown
    target: str
    source_sentences: int
    target_sentences: int
    beads: int
    bead_types: dict[str, int]  # "1-1" → count, most frequent first
    mean_score: float | None  # of beads with both sides; None when there are none
    mean_similarity: float | None
    flags: int  # shown: at or above the minimum confidence, not dismissed
    flags_by_severity: dict[str, int]
    flags_by_category: dict[str, int]
    flags_by_check: dict[str, int]
    warnings: tuple[str, ...]
    embeddings_from_cache: bool
    timings_s: dict[str, float]  # per stage, and total; the only part that differs between runs
    signature: Signature
    flags_hidden_below_confidence: int = 0
    flags_dismissed: int = 0
    flags_accepted: int = 0
    format: str | None = None  # a bilingual input's format (xliff-1.2, tmx, table, ...)
    # what `align batch` records of the pair (fingerprint, input hashes, status), as it wrote it
    batch: Mapping[str, object] | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, object]:
        """summary.json: the keys in their documented order; `format` and `batch` only when
        the run has them."""
        data: dict[str, object] = {
            "source": self.source,
            "target": self.target,
            "source_sentences": self.source_sentences,
            "target_sentences": self.target_sentences,
            "beads": self.beads,
            "bead_types": dict(self.bead_types),
            "mean_score": self.mean_score,
            "mean_similarity": self.mean_similarity,
            "flags": self.flags,
            "flags_by_severity": dict(self.flags_by_severity),
            "flags_by_category": dict(self.flags_by_category),
            "flags_by_check": dict(self.flags_by_check),
            "warnings": list(self.warnings),
            "embeddings_from_cache": self.embeddings_from_cache,
            "timings_s": {k: round(v, 3) for k, v in self.timings_s.items()},
            "signature": str(self.signature),
            "signature_short": self.signature.short(),
            "settings": self.signature.as_dict(),
            "flags_hidden_below_confidence": self.flags_hidden_below_confidence,
            "flags_dismissed": self.flags_dismissed,
            "flags_accepted": self.flags_accepted,
        }
        if self.format is not None:
            data["format"] = self.format
        if self.batch is not None:
            data["batch"] = dict(self.batch)
        return data


def summarise(source: str, target: str, source_sentences: int, target_sentences: int,
              beads: list[Bead], flags: list[Flag], warnings: list[str], cached: bool,
              timings: dict[str, float], signature: Signature, hidden: int = 0,
              dismissed: int = 0, accepted: int = 0, format: str | None = None) -> Summary:
    types = Counter(b.type for b in beads)
    scored = [b.score for b in beads if b.source_ids and b.target_ids]
    sims = [b.similarity for b in beads if b.similarity is not None]
    return Summary(
        source, target, source_sentences, target_sentences, len(beads),
        dict(sorted(types.items(), key=lambda kv: -kv[1])),
        round(float(np.mean(scored)), 4) if scored else None,
        round(float(np.mean(sims)), 4) if sims else None,
        len(flags), dict(Counter(f.severity.value for f in flags)),
        dict(Counter(f.category for f in flags)), dict(Counter(f.check for f in flags)),
        tuple(warnings), cached, dict(timings), signature, hidden, dismissed, accepted, format)
