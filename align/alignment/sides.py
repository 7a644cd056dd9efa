"""What the aligner is given: its settings (`AlignSettings`) and, per side, the sentence
vectors, lengths and paragraph starts (`Side`), runs of sentences made a block at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .embeddings import SideEmbeddings

NEG = -1e9


@dataclass(frozen=True)
class AlignSettings:
    max_source: int = 4  # longest source run in a bead (4-1)
    max_target: int = 5  # longest target run in a bead (1-5)
    max_total: int = 6  # longest bead, both sides together (2-4 and 3-3 fit, 3-4 does not)
    window: int = 8  # band half-width around the first-pass path, in target sentences
    skip: float = -0.1  # score of a 1-0 or 0-1 bead
    margin: float = 0.5  # weight of the neighbour similarity subtracted from a bead's
    merge: float = 0.0  # added per sentence beyond the first on each side of a bead
    length_power: float = 0.3  # sharpness of the length-ratio factor
    paragraph_penalty: float = 0.08  # for a bead that crosses a paragraph break on one side
    # for a bead that ends where a quoted speech closes on one side only (a turn split or
    # merged across sides); small, as translators do move "he said" from end to start
    turn_penalty: float = 0.1
    # ...where both sides close about as many quotations, the smaller count at least this
    # share of the larger (MAC-Test: 0.71-1.0 where both quote; a source that sets speech
    # without quotation marks, against a translation that quotes, stays below 0.1)
    turn_agreement: float = 0.6
    min_similarity: float = 0.08  # a sentence this unlike its bead's other side stands alone
    detach_gain: float = 0.03  # ...and dropping it raises the bead's similarity this much
    lexical_weight: float = 0.2  # share of the dictionary/number/name cosine (0: embeddings only)
    coarse_cells: int = 3_000_000  # above n*m this, the first pass runs on blocks first
    coarse_skip: float = -0.05  # score of skipping a block there (blocks are long: cheaper)
    # a sentence also stands alone below a floor set by the document's own matches: its
    # median similarity less this many robust deviations (MAD), taken from this many beads
    # up, and never above the cap (a document of uniformly poor matches keeps its pairs)
    stray_deviations: float = 6.0
    stray_min_beads: int = 5
    stray_floor_cap: float = 0.25

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class Side:
    """What the aligner knows of one side: embeddings, lengths and paragraph starts."""

    embeddings: SideEmbeddings
    lengths: np.ndarray  # characters per sentence
    paragraph_starts: np.ndarray | None = None  # True where a sentence opens a paragraph
    quote_ends: np.ndarray | None = None  # True where a sentence closes a quotation
    _runs: dict[int, np.ndarray | RunRows] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.lengths)

    def runs(self, length: int) -> np.ndarray | RunRows:
        """Single sentences as one array (the first pass reads them all); longer runs as
        rows made a block at a time, as the passes reach them."""
        if length not in self._runs:
            self._runs[length] = self.embeddings.runs(1) if length == 1 else \
                RunRows(self.embeddings, length, len(self))
        return self._runs[length]


class RunRows:
    """Rows of runs(length), indexed like an array (an int, or an array of ints) and made a
    block at a time. The passes move forward through the document, so a few blocks in hand
    suffice, and memory stays flat as documents grow (runs of 2 to 5 sentences of a
    20,000-sentence side, all made at once, take 500 MB)."""

    BLOCK = 512  # rows made at once
    KEEP = 3  # blocks held per run length

    def __init__(self, embeddings: SideEmbeddings, length: int, count: int) -> None:
        self._embeddings = embeddings
        self._length = length
        self._count = count
        self._blocks: dict[int, np.ndarray] = {}  # in order of use, oldest first
        self._last = -1

    def _block(self, number: int) -> np.ndarray:
        if self._last == number:  # the common case: the block just used
            return self._blocks[number]
        block = self._blocks.pop(number, None)
        if block is None:
            start = number * self.BLOCK
            block = self._embeddings.run_rows(self._length, start,
                                              min(self._count, start + self.BLOCK))
            if len(self._blocks) >= self.KEEP:
                del self._blocks[next(iter(self._blocks))]
        self._blocks[number] = block
        self._last = number
        return block

    def __getitem__(self, index: int | np.ndarray) -> np.ndarray:
        if not isinstance(index, np.ndarray):
            number, row = divmod(int(index), self.BLOCK)
            return self._block(number)[row]
        if not len(index):
            return self._block(0)[:0]
        low, high = int(index.min()), int(index.max())
        first, last = low // self.BLOCK, high // self.BLOCK
        if first == last:
            return self._block(first)[index - first * self.BLOCK]
        if last - first < self.KEEP:  # across a block boundary: the same rows as ever
            blocks = index // self.BLOCK
            out = None
            for number in range(first, last + 1):
                block = self._block(number)
                if out is None:
                    out = np.empty((len(index), block.shape[1]), dtype=block.dtype)
                mine = blocks == number
                out[mine] = block[index[mine] - number * self.BLOCK]
            return out
        # a band wider than the blocks held: made for this look only
        return self._embeddings.run_rows(self._length, low, high + 1)[index - low]


def bead_types(settings: AlignSettings) -> list[tuple[int, int]]:
    return [(a, b) for a in range(1, settings.max_source + 1)
            for b in range(1, settings.max_target + 1) if a + b <= settings.max_total]
