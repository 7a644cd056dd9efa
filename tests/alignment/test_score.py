from __future__ import annotations

from align.io.align_format import format_align, parse_align
from align.alignment.score import score


def test_strict_and_lax():
    gold = parse_align("[0]:[0]\n[1]:[1,2]\n[2]:[]\n[3]:[3]\n")
    test = parse_align("[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n[3]:[3]\n")
    s = score([gold], [test])
    assert round(s.strict_precision, 3) == round(2 / 3, 3)  # [1]:[1] is only a lax hit
    assert s.lax_precision == 1.0
    assert round(s.strict_recall, 3) == round(2 / 3, 3)


def test_roundtrip():
    beads = [((0,), (0, 1)), ((), (2,)), ((1, 2), ())]
    assert parse_align(format_align(beads)) == beads
