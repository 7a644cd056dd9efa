"""Typed records that flow between the pipeline stages.

read → segment hands on `Sentence`s, align hands on `Bead`s, checks hand on `Flag`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Block:
    """A run of text the reader found: a title, heading, paragraph or list item."""

    text: str
    kind: str = "paragraph"  # title | heading | paragraph | item | line


@dataclass(frozen=True)
class InlineCode:
    """A formatting code a bilingual file keeps inside a segment (XLIFF <g>, <x/>, <ph>,
    <bpt>/<ept>, <sc/>/<ec/>, <pc>): left out of the checked text, kept here so a check can
    tell that the target lost, gained or broke one."""

    element: str  # the XML element's local name: g, x, ph, bpt, ept, it, sc, ec, pc, ...
    id: str  # its id in the unit (the opening code's id for ec startRef, for a </g> or </pc>)
    position: int  # character offset in the sentence's text where the code stands
    role: str = "standalone"  # standalone | open | close: a pair's halves must stay in order


@dataclass(frozen=True)
class Sentence:
    """One segment of a document; `id` is its 0-based position in the document."""

    id: int
    text: str
    paragraph: int  # index of the block it came from: the aligner's paragraph hint
    kind: str = "paragraph"  # the kind of its block: title | heading | paragraph | item | line
    codes: tuple[InlineCode, ...] = ()  # inline codes of a bilingual file's segment, in order


@dataclass(frozen=True)
class Bead:
    """An alignment unit: consecutive source sentences matched to consecutive targets.

    Either side may be empty (an insertion `0-1` or a deletion `1-0`).
    """

    source_ids: tuple[int, ...]
    target_ids: tuple[int, ...]
    score: float
    similarity: float | None = None  # embedding cosine of the two sides, if both exist

    @property
    def type(self) -> str:
        return f"{len(self.source_ids)}-{len(self.target_ids)}"


@dataclass(frozen=True)
class Pair:
    """A bead with its text, as the checks and reports see it."""

    index: int
    bead: Bead
    source_text: str
    target_text: str

    @property
    def source_ids(self) -> tuple[int, ...]:
        return self.bead.source_ids

    @property
    def target_ids(self) -> tuple[int, ...]:
        return self.bead.target_ids


class Severity(str, Enum):
    NEUTRAL = "neutral"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True)
class Place:
    """Another place of the same finding (a term rendered differently in another pair)."""

    bead: int
    tgt_span: str
    target_offsets: tuple[int, int] | None = None


@dataclass(frozen=True)
class Flag:
    """One finding of a check, tied to a bead and, where possible, to exact spans.

    Offsets are character positions in the pair's joined source / target text; `confidence`
    is the share of such flags that were real errors on the development set."""

    check: str
    category: str  # MQM path, e.g. "accuracy/mistranslation"
    severity: Severity
    bead: int
    source_ids: tuple[int, ...]
    target_ids: tuple[int, ...]
    src_term: str = ""
    tgt_span: str = ""
    suggestion: str = ""
    message: str = ""
    confidence: float = 1.0
    source_offsets: tuple[int, int] | None = None
    target_offsets: tuple[int, int] | None = None
    places: tuple[Place, ...] = ()  # further places of one finding, e.g. inconsistent renderings
    kind: str = ""  # the check's own rule that fired (numbers: changed, missing, added, ...)
    # the flag's id in its run (io.flags.numbered): its fingerprint, told apart from an
    # identical finding earlier in the same pair; empty until the pipeline numbers the flags
    id: str = ""

    @property
    def rule(self) -> str:
        """check/kind: the key its confidence is calibrated under."""
        return f"{self.check}/{self.kind}" if self.kind else self.check


@dataclass(frozen=True)
class GlossaryEntry:
    """A source term with its approved rendering and known variants and forbidden ones."""

    zh: str
    en: str = ""
    status: str = "candidate"  # candidate | approved | admitted | forbidden
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    note: str = ""
    frequency: int = 0
    source: str = ""

    @property
    def renderings(self) -> tuple[str, ...]:
        """Every acceptable English form: the approved one, then the variants."""
        return tuple(r for r in (self.en, *self.variants) if r)
