"""The report page's data: pairs and flags as the JSON its script reads, flags grouped by
finding, each flag's span placed in its sentence, packed small (gzip, base64).
"""

from __future__ import annotations

import base64
import gzip
import json
from dataclasses import dataclass

from ..io.decisions import Decision
from ..io.flags import flag_id, normalised
from ..types import Flag, Pair

SEVERITIES = ["critical", "major", "minor", "neutral"]  # worst first; an index is a rank


@dataclass(frozen=True)
class Mark:
    """A highlighted span of one side of a pair and the flags (by index) it stands for."""

    start: int
    end: int
    severity: int
    flags: tuple[int, ...]


def find_span(text: str, span: str, offsets: tuple[int, int] | None) -> tuple[int, int] | None:
    """Where a flagged span is: its offsets when the check gave them and they hold that text,
    else its first occurrence (case ignored)."""
    if offsets and 0 <= offsets[0] < offsets[1] <= len(text):
        if not span or text[offsets[0]:offsets[1]].lower() == span.lower():
            return offsets
    if not span:
        return None
    at = text.find(span)
    if at < 0:
        at = text.lower().find(span.lower())
    return (at, at + len(span)) if at >= 0 else None


def place_marks(wanted: list[tuple[tuple[int, int], int, int]]) -> list[Mark]:
    """(span, severity index, flag index) → non-overlapping marks. The worst flag of a span
    is placed first; others on exactly that span join it, others overlapping it are dropped
    (they are still listed with their pair)."""
    marks: list[Mark] = []
    for (start, end), severity, flag in sorted(wanted, key=lambda w: (w[1], w[0])):
        same = next((k for k, m in enumerate(marks) if (m.start, m.end) == (start, end)), None)
        if same is not None:
            m = marks[same]
            if flag not in m.flags:
                marks[same] = Mark(m.start, m.end, m.severity, (*m.flags, flag))
        elif not any(m.start < end and start < m.end for m in marks):
            marks.append(Mark(start, end, severity, (flag,)))
    return sorted(marks, key=lambda m: m.start)


def group_key(flag: Flag, index: int) -> tuple:
    """Flags about the same problem share a key: one check, one term, one rendering (a term
    rendered the same wrong way in twelve pairs is one entry with twelve places)."""
    if not (flag.src_term or flag.tgt_span):
        return ("single", index)
    return (flag.check, flag.category, normalised(flag.src_term), normalised(flag.tgt_span))


def report_data(pairs: list[Pair], flags: list[Flag], dismissed: list[Flag],
                decisions: dict[str, Decision], below: list[Flag] = ()) -> dict[str, object]:
    """Everything the page's script shows, as plain lists (compact for 20,000 pairs).

    Flags `below` the confidence floor follow the shown ones in `flags` (listed apart by
    index in `below`): they can be decided like the others, but mark no text and join no
    group."""
    src_wanted: dict[int, list] = {}
    tgt_wanted: dict[int, list] = {}
    flag_records = []
    beads_of_flag: list[list[int]] = []
    for k, f in enumerate(flags):
        pair = pairs[f.bead]
        severity = SEVERITIES.index(f.severity.value)
        src = find_span(pair.source_text, f.src_term, f.source_offsets)
        if src:
            src_wanted.setdefault(f.bead, []).append((src, severity, k))
        tgt = find_span(pair.target_text, f.tgt_span, f.target_offsets)
        if tgt:
            tgt_wanted.setdefault(f.bead, []).append((tgt, severity, k))
        places = []
        for place in f.places:
            if 0 <= place.bead < len(pairs):
                places.append([place.bead, place.tgt_span])
                span = find_span(pairs[place.bead].target_text, place.tgt_span,
                                 place.target_offsets)
                if span:
                    tgt_wanted.setdefault(place.bead, []).append((span, severity, k))
        beads_of_flag.append(sorted({f.bead, *(p[0] for p in places)}))
        flag_records.append(_flag_record(f, pair, severity, places))
    flag_records += [_flag_record(f, pairs[f.bead], SEVERITIES.index(f.severity.value),
                                  [[pl.bead, pl.tgt_span] for pl in f.places]) for f in below]
    groups: dict[tuple, list[int]] = {}
    for k, f in enumerate(flags):
        groups.setdefault(group_key(f, k), []).append(k)
    ordered = sorted(groups.values(), key=lambda members: (
        min(flag_records[m][3] for m in members), flags[members[0]].bead))
    flags_of_pair: dict[int, list[int]] = {}
    for k, beads in enumerate(beads_of_flag):
        for bead in beads:
            flags_of_pair.setdefault(bead, []).append(k)
    pair_records = []
    for p in pairs:
        own = flags_of_pair.get(p.index, [])
        pair_records.append([
            p.index, p.bead.type, " ".join(map(str, p.source_ids)),
            " ".join(map(str, p.target_ids)),
            str(round(p.bead.score, 4)),  # the same number, written the same way, as the CSV
            p.source_text, p.target_text,
            min((flag_records[k][3] for k in own), default=len(SEVERITIES)),
            [[m.start, m.end, m.severity, list(m.flags)]
             for m in place_marks(src_wanted.get(p.index, []))],
            [[m.start, m.end, m.severity, list(m.flags)]
             for m in place_marks(tgt_wanted.get(p.index, []))],
            own])
    return {
        "severities": SEVERITIES,
        "pairs": pair_records,
        "flags": flag_records,
        "groups": ordered,
        "below": list(range(len(flags), len(flags) + len(below))),
        "dismissed": [_flag_record(f, pairs[f.bead], SEVERITIES.index(f.severity.value),
                                   [[pl.bead, pl.tgt_span] for pl in f.places])
                      for f in dismissed],
        "decisions": {k: [d.decision, d.note, d.reviewer, d.time, d.check, d.src_term,
                          d.tgt_span, d.scope] for k, d in decisions.items()},
    }


def _flag_record(f: Flag, pair: Pair, severity: int, places: list) -> list:
    return [flag_id(f, pair), f.check, f.category, severity, f.bead, f.src_term, f.tgt_span,
            f.suggestion, f.message, round(f.confidence, 2), places]


def pack(data: dict[str, object]) -> str:
    """JSON → gzip (no timestamp, so the same report is the same file) → base64, which holds
    no character that HTML would read as markup."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")
