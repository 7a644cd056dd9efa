"""The repetition check: correct translations that must not be flagged next to wrong ones that must."""

from __future__ import annotations

import pytest

from tests.helpers import flags_found


@pytest.mark.parametrize("zh, en, expected", [
    ("合肥是重要城市。", "Hefei Hefei is an important city.", ["Hefei Hefei"]),
    ("温度降到负120度，负120度！", "It fell to minus 120 degrees, minus 120 degrees!", []),
    ("它虽然小，但是它很重要。", "It is small, it, it matters a lot.", []),
])
def test_repetition(zh, en, expected):
    assert [span for _, _, span in flags_found(zh, en, "repetition")] == expected
