"""The tags check: XLIFF inline codes and printf / ICU placeholders a target must keep, right
and wrong renderings side by side, in code and through a real XLIFF file."""

from __future__ import annotations

import pytest

from align.checks import CheckContext, run_checks
from align.types import Bead, InlineCode, Pair, Sentence
from tests.helpers import flags_found


@pytest.mark.parametrize("zh, en, expected", [
    ("请输入%s，共%d项。", "Enter %s, %d items in all.", []),
    ("请输入%s，共%d项。", "Enter the name, %d items in all.", [("missing", "%s", "")]),
    ("已完成{0}，剩余{name}。", "{0} done, {name} left.", []),
    ("已完成{0}，剩余{name}。", "{0} done, {1} left.", [("missing", "{name}", ""),
                                                    ("added", "", "{1}")]),
    ("增长了5.5%。", "It grew by 5.5%%.", [("added", "", "%%")]),
    ("增长了5.5%。", "It grew by 5.5%.", []),
    ("50%的份额。", "A 50% share.", []),  # "% s" is no placeholder
    # unnumbered printf placeholders fill by position; numbered ones may move
    ("%s的%s", "%s of %s", []),
    ("%s在%d", "%d in %s", [("reordered", "", "%d in %s")]),
    ("{0}的{1}", "{1} of {0}", []),
    ("共{count, plural, other {#项}}。", "{count, plural, other {# items}} in all.", []),
])
def test_placeholders(zh, en, expected):
    assert flags_found(zh, en, "tags") == expected


def _context(source_codes, target_codes) -> CheckContext:
    zh, en = "上海推动长三角更高质量一体化发展。", "Shanghai promotes the integration of the delta."
    source = [Sentence(0, zh, 0, codes=tuple(source_codes))]
    target = [Sentence(0, en, 0, codes=tuple(target_codes))]
    return CheckContext([Pair(0, Bead((0,), (0,), 1.0, 0.9), zh, en)], source, target)


G_OPEN, G_CLOSE = InlineCode("g", "1", 4, "open"), InlineCode("g", "1", 7, "close")
X = InlineCode("x", "2", 17)


@pytest.mark.parametrize("source, target, expected", [
    ([G_OPEN, G_CLOSE, X], [G_OPEN, G_CLOSE, X], []),
    ([G_OPEN, G_CLOSE, X], [X, G_OPEN, G_CLOSE], []),  # a plain code may move
    ([G_OPEN, G_CLOSE, X], [G_OPEN, G_CLOSE], ["missing"]),
    ([G_OPEN, G_CLOSE], [G_OPEN, G_CLOSE, X], ["added"]),
    ([G_OPEN, G_CLOSE, X], [G_CLOSE, X, G_OPEN], ["reordered"]),
])
def test_inline_codes(source, target, expected):
    assert [f.kind for f in run_checks(_context(source, target), ["tags"])] == expected
