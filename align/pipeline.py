"""The whole job as one library call: read → segment → embed → align (→ check → report).

`align_documents` is the alignment core that the CLI, the benchmarks and the tests share.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .aligner import AlignSettings, Side, align
from .encoders import Encoder, embed_cached
from .lexical import MixedRuns, lexical_vectors
from .types import Bead, Pair, Sentence


@dataclass
class AlignmentResult:
    source: list[Sentence]
    target: list[Sentence]
    beads: list[Bead]
    timings: dict[str, float] = field(default_factory=dict)
    cached: bool = False

    def pairs(self) -> list[Pair]:
        return [Pair(k, bead, _join([self.source[i].text for i in bead.source_ids], "zh"),
                     _join([self.target[j].text for j in bead.target_ids], "en"))
                for k, bead in enumerate(self.beads)]


def _join(texts: list[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(texts)


def _side(sentences: list[Sentence], embeddings, use_paragraphs: bool) -> Side:
    lengths = np.array([max(1, len(s.text)) for s in sentences], dtype=np.float64)
    starts = None
    if use_paragraphs and sentences:
        paragraphs = np.array([s.paragraph for s in sentences])
        starts = np.concatenate([[True], paragraphs[1:] != paragraphs[:-1]])
    return Side(embeddings, lengths, starts)


def align_documents(source: list[Sentence], target: list[Sentence], encoder: Encoder,
                    settings: AlignSettings = AlignSettings(),
                    cache_dir: Path | None = None) -> AlignmentResult:
    """Embed both sides (through the cache) and align them."""
    started = time.perf_counter()
    src_emb, src_hit = embed_cached(encoder, [s.text for s in source], cache_dir)
    tgt_emb, tgt_hit = embed_cached(encoder, [s.text for s in target], cache_dir)
    if settings.lexical_weight > 0:
        src_lex, tgt_lex = lexical_vectors([s.text for s in source], [t.text for t in target])
        src_emb = MixedRuns(src_emb, src_lex, settings.lexical_weight)
        tgt_emb = MixedRuns(tgt_emb, tgt_lex, settings.lexical_weight)
    embedded = time.perf_counter()
    # pre-split input (one sentence a line) carries no paragraph information
    use_paragraphs = not any(s.kind == "line" for s in source + target)
    beads = align(_side(source, src_emb, use_paragraphs), _side(target, tgt_emb, use_paragraphs),
                  settings)
    done = time.perf_counter()
    return AlignmentResult(source, target, beads,
                           {"embed": embedded - started, "align": done - embedded},
                           cached=src_hit and tgt_hit)
