from __future__ import annotations

import pytest

from align.language.segment import split_chinese, split_english


@pytest.mark.parametrize("text, expected", [
    ("他说：“我们走吧！”然后离开了。", ["他说：“我们走吧！”", "然后离开了。"]),
    ("《关于加强。管理的意见》发布了。好吗？", ["《关于加强。管理的意见》发布了。", "好吗？"]),
    ("增长3.5%。下降了。", ["增长3.5%。", "下降了。"]),
    ("没有句号的标题", ["没有句号的标题"]),
])
def test_chinese(text, expected):
    assert split_chinese(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith went to Washington. He arrived at 5 p.m. The end.",
     ["Mr. Smith went to Washington.", "He arrived at 5 p.m.", "The end."]),
    ("The U.S. Senate met at No. 5 Main St. in the U.S. It was 3.5 degrees.",
     ["The U.S. Senate met at No. 5 Main St. in the U.S.", "It was 3.5 degrees."]),
    ("J. K. Rowling wrote it. Dr. Li spoke.", ["J. K. Rowling wrote it.", "Dr. Li spoke."]),
    ('He said "Go!" Then he left.', ['He said "Go!"', "Then he left."]),
    ("(Editor: Liu Shuzhen) Sharing is caring.", ["(Editor: Liu Shuzhen)", "Sharing is caring."]),
])
def test_english(text, expected):
    assert split_english(text) == expected
