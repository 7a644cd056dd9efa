"""The negation check: correct translations that must not be flagged next to wrong ones that must."""

from __future__ import annotations

import pytest

from tests.helpers import flags_found


@pytest.mark.parametrize("zh, en, expected", [
    ("他没有去北京。", "He went to Beijing.", ["dropped"]),
    ("移民当局无法阻止难民提交申请。", "The authorities stop refugees from applying.", []),  # stop
    ("移民当局无法处理这些申请。", "The authorities handle these applications.", ["dropped"]),
    ("移民当局无法阻止难民提交申请。", "The authorities let refugees apply.", []),  # paraphrased
    ("他没有去北京。", "He did not go to Beijing.", []),
    ("他从未见过她。", "He had never seen her.", []),
    ("选举结果导致他不再担任总理。", "After the election he ceased to be prime minister.", []),
    ("经济不断发展。", "The economy keeps growing.", []),  # 不断: continuously
    ("我们不得不改变计划。", "We had to change the plan.", []),  # double negation
    ("汉斯·莫德罗离开了我们。", "Hans Modrow has left us.", []),  # 莫 in a name
    ("他去了北京。", "He did not go to Beijing.", ["added"]),
    ("他不仅去了北京，还去了上海。", "He went not only to Beijing but also to Shanghai.", []),
    ("他拒绝了邀请。", "He did not accept the invitation.", []),  # 拒绝: refuse
])
def test_negation(zh, en, expected):
    assert [kind for kind, _, _ in flags_found(zh, en, "negation")] == expected
