"""report.html, flags.csv/xlsx and flag ids: the pieces that need no browser."""

from __future__ import annotations

import base64
import gzip
import json
import re

import pytest

from align.io.flags import FLAG_COLUMNS, flag_id, flags_csv
from align.pipeline import default_signature
from align.report.report_data import find_span, place_marks, report_data
from align.report.report_html import render_report
from align.report.summary import summarise
from align.types import Bead, Flag, Pair, Place, Severity

ZH = ["推动长三角更高质量一体化发展。", "长三角的科创走廊（G60）建设加快。", "合肥参与建设。"]
EN = ["Promote the higher-quality integration of the long triangle.",
      "The long triangle's Kechuang corridor (G60) speeds up.", "Hefei takes part."]


def _pairs() -> list[Pair]:
    return [Pair(k, Bead((k,), (k,), 0.5, 0.6), ZH[k], EN[k]) for k in range(3)]


def _flag(bead, check="literal", term="长三角", span="long triangle", severity=Severity.MAJOR,
          message="literal rendering", **more) -> Flag:
    return Flag(check, "accuracy/mistranslation", severity, bead, (bead,), (bead,), term, span,
                "Yangtze River Delta", message, **more)


def _data(html: str) -> dict:
    packed = re.search(r'id="report-data">([^<]*)</script>', html).group(1)
    return json.loads(gzip.decompress(base64.b64decode(packed)))


@pytest.mark.parametrize("text, span, offsets, expected", [
    ("the long triangle", "long triangle", None, (4, 17)),
    ("The Long Triangle", "long triangle", None, (4, 17)),  # case ignored
    ("a long triangle, the long triangle", "long triangle", (21, 34), (21, 34)),  # offsets win
    ("a long triangle", "long triangle", (0, 5), (2, 15)),  # stale offsets: found by text
    ("科创走廊（G60）", "", (0, 4), (0, 4)),  # offsets without span text
    ("the delta", "long triangle", None, None),
])
def test_find_span(text, span, offsets, expected):
    assert find_span(text, span, offsets) == expected


def test_overlapping_marks_keep_the_worst_and_merge_same_spans():
    marks = place_marks([((4, 17), 2, 0), ((4, 17), 1, 1), ((9, 17), 1, 2), ((20, 25), 3, 3)])
    assert [(m.start, m.end, m.severity, m.flags) for m in marks] == \
        [(4, 17, 1, (1, 0)), (20, 25, 3, (3,))]


def test_flags_of_one_problem_are_grouped_with_their_places():
    pairs = _pairs()
    flags = [_flag(0), _flag(1), _flag(1, "numbers", "", "", Severity.MINOR, "number 60 dropped"),
             _flag(2, "consistency", "科创走廊", "Kechuang corridor", Severity.MINOR,
                   "rendered 2 ways", places=(Place(1, "Kechuang corridor"),))]
    data = report_data(pairs, flags, [], {})
    assert data["groups"] == [[0, 1], [2], [3]]  # worst first, then document order
    # the place in pair 1 is marked and the flag is listed with that pair too
    assert data["pairs"][1][10] == [1, 2, 3]
    marked = [data["pairs"][1][6][m[0]:m[1]] for m in data["pairs"][1][9]]
    assert marked == ["long triangle", "Kechuang corridor"]
    assert data["flags"][3][10] == [[1, "Kechuang corridor"]]


def test_the_page_carries_scores_as_the_csv_writes_them_and_no_raw_input():
    pairs = [Pair(0, Bead((0,), (0,), 0.123456, 0.6), "<b>长三角</b>发展。",
                  "<script>x()</script> long triangle")]
    summary = summarise("<i>zh</i>.txt", "en.txt", 1, 1, [pairs[0].bead], [_flag(0)], [],
                        False, {}, default_signature())
    html = render_report(pairs, [_flag(0)], summary)
    assert "<script>x()" not in html and "<b>长三角" not in html
    assert "&lt;i&gt;zh&lt;/i&gt;.txt" in html
    data = _data(html)
    assert data["pairs"][0][4] == "0.1235"
    assert data["pairs"][0][6] == "<script>x()</script> long triangle"  # shown as text by JS


def test_flag_ids_are_stable_fingerprints():
    pairs = _pairs()
    first = [_flag(0), _flag(1)]
    ids = [flag_id(f, pairs[f.bead]) for f in first]
    assert len(set(ids)) == 2 and all(re.fullmatch(r"[0-9a-f]{12}", i) for i in ids)
    # other flags coming or going change nothing
    more = [_flag(0, "numbers", "", "", message="x"), *first]
    assert [flag_id(f, pairs[f.bead]) for f in more][1:] == ids
    # re-wrapped text, full-width forms folded: the same finding
    rewrapped = Pair(0, pairs[0].bead, ZH[0], EN[0].replace(" the ", "  the\n"))
    assert flag_id(first[0], rewrapped) == ids[0]
    # another span, another sentence, another check: another id
    assert flag_id(_flag(0, span="long triangles"), pairs[0]) != ids[0]
    assert flag_id(_flag(0), Pair(0, pairs[0].bead, ZH[0], EN[0] + " Now.")) != ids[0]
    assert flag_id(_flag(0, "glossary"), pairs[0]) != ids[0]
    # the message (with its counts) is not part of the id
    assert flag_id(_flag(0, message="rendered 3 ways"), pairs[0]) == ids[0]


def test_flags_csv_has_decision_before_confidence_last():
    pairs = _pairs()
    flags = [_flag(0, confidence=0.734), _flag(1)]
    text = flags_csv(flags, pairs, {flag_id(flags[0], pairs[0]): "accept"})
    assert text.startswith("\ufeff")
    header, first, second = text[1:].splitlines()[:3]
    assert header.split(",") == FLAG_COLUMNS and FLAG_COLUMNS[-2:] == ["decision", "confidence"]
    assert first.endswith(",accept,0.73") and second.endswith(",,1.0")


def test_flags_xlsx_has_colours_filters_frozen_header_and_text_not_formulas(tmp_path):
    from openpyxl import load_workbook

    from align.io.excel import SHEET_COLUMNS, flags_xlsx

    pairs = _pairs()
    flags = [_flag(0), _flag(1, "numbers", "", "=1+1", Severity.MINOR, "=HYPERLINK(\"x\")")]
    path = tmp_path / "flags.xlsx"
    path.write_bytes(flags_xlsx(flags, [_flag(2)], pairs))
    book = load_workbook(path)
    sheet = book["flags"]
    assert [c.value for c in sheet[1]] == SHEET_COLUMNS  # flags.csv's, and the note
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:O3"
    severity = SHEET_COLUMNS.index("severity")
    assert sheet[2][severity].value == "major" and sheet[2][severity].fill.fgColor.rgb.endswith("FFC9C9")
    assert sheet[3][severity].fill.fgColor.rgb.endswith("FFE8B3")
    assert sheet[2][SHEET_COLUMNS.index("src_text")].value == ZH[0]
    assert sheet[3][SHEET_COLUMNS.index("tgt_span")].value == "=1+1"
    assert sheet[3][SHEET_COLUMNS.index("tgt_span")].data_type == "s"
    assert [c.value for c in book["dismissed"][2]][0] == flag_id(_flag(2), pairs[2])
    # the same flags give the same file, byte for byte (batch runs compare outputs)
    assert flags_xlsx(flags, [_flag(2)], pairs) == path.read_bytes()
