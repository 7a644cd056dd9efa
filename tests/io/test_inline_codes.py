"""Inline codes of XLIFF segments: read beside the text (which stays as the other checks see
it), and checked by the tags check through a whole bilingual run."""

from __future__ import annotations

import pytest

from align.alignment.encoders import ENCODERS
from align.io.bilingual import read_bilingual
from align.pipeline import RunOptions, run_bilingual
from tests.helpers import DATA

XLIFF_12 = DATA / "review-1.2.xlf"
XLIFF_20 = DATA / "review-2.0.xlf"


def _shape(codes):
    return [(c.element, c.id, c.role, c.position) for c in codes]


@pytest.mark.parametrize("path, source, target", [
    (XLIFF_12, [("g", "1", "open", 4), ("g", "1", "close", 7), ("x", "2", "standalone", 17)],
     [("g", "1", "open", 52), ("g", "1", "close", 65), ("x", "2", "standalone", 66)]),
    (XLIFF_20, [("pc", "1", "open", 4), ("pc", "1", "close", 7), ("ph", "2", "standalone", 17)],
     [("pc", "1", "open", 52), ("pc", "1", "close", 65), ("ph", "2", "standalone", 66)]),
])
def test_codes_are_read_where_they_stand(path, source, target):
    first = read_bilingual(path).segments[0]
    assert first.source == "上海推动长三角更高质量一体化发展。"  # the text is unchanged
    assert _shape(first.source_codes) == source
    assert _shape(first.target_codes) == target
    assert first.target[52:65] == "long triangle"


@pytest.mark.parametrize("path, pair", [(XLIFF_12, ("bpt", "ept")), (XLIFF_20, ("sc", "ec"))])
def test_paired_codes_are_matched_by_their_ids(path, pair):
    codes = read_bilingual(path).segments[1 if pair[0] == "sc" else 2].source_codes
    assert [(c.element, c.id, c.role) for c in codes] == [(pair[0], codes[0].id, "open"),
                                                         (pair[1], codes[0].id, "close")]


@pytest.fixture(scope="module")
def options(encoder):
    ENCODERS["session-use"] = lambda _arg: encoder
    return RunOptions(model="session-use", cache=False, checks=("tags",), min_confidence=0.0)


def test_a_dropped_and_a_broken_tag_are_flagged(options, tmp_path):
    broken = tmp_path / "broken.xlf"
    text = XLIFF_12.read_text(encoding="utf-8")
    text = text.replace('the <g id="1">long triangle</g>.<x id="2"/></target>',
                        'the long triangle.</target>')
    text = text.replace('<ept id="5">&lt;/i&gt;</ept> regional cooperation',
                        ' regional cooperation')
    broken.write_text(text, encoding="utf-8")
    assert {(f.bead, f.kind) for f in run_bilingual(XLIFF_12, options).flags} == set()
    found = {(f.bead, f.kind): f.message for f in run_bilingual(broken, options).flags}
    assert set(found) == {(0, "missing"), (2, "missing")}
    assert "<g id=1>, </g id=1>, <x id=2>" in found[(0, "missing")]
