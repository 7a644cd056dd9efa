"""report.html pieces that need no browser."""

from __future__ import annotations

from align.report_html import _highlight, _spans


def test_a_span_flagged_twice_is_marked_with_its_worst_severity():
    rows = [{"severity": "minor", "tgt_span": "long triangle"},
            {"severity": "major", "tgt_span": "long triangle"}]
    marked = _highlight("the long triangle", _spans(rows, "tgt_span"))
    assert '<mark class="s-major">long triangle</mark>' in marked


def test_highlighted_text_is_escaped():
    marked = _highlight("<b>long triangle</b>", [("long triangle", "s-major")])
    assert marked == '&lt;b&gt;<mark class="s-major">long triangle</mark>&lt;/b&gt;'
