"""The `.align` bead format of Vecalign and Bertalign: `[3]:[3,4]`, `[]:[7]`, one bead a line.

Written by the output stage (alignment.align) and read by the scorer and the benchmarks.
"""

from __future__ import annotations

import re

from ..errors import FormatError

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]  # (source ids, target ids) of one bead

# a trailing ":score" (Vecalign writes one) is allowed and ignored
_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::.*)?$")


def parse_align(text: str, name: str = "alignment") -> list[BeadIds]:
    """Beads of an `.align` text; a line that is not a bead raises FormatError naming it."""
    beads: list[BeadIds] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if not m:
            raise FormatError(f"{name}, line {number}: not a bead like [3]:[3,4]: {line[:60]!r}")
        beads.append(tuple(tuple(int(x) for x in side.split(",") if x.strip())
                           for side in m.groups()))  # type: ignore[misc]
    return beads


def format_align(beads: list[BeadIds]) -> str:
    return "".join(f"[{','.join(map(str, s))}]:[{','.join(map(str, t))}]\n" for s, t in beads)
