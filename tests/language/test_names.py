"""Names: which source words are names (never errors to leave in pinyin), and place
abbreviations.
"""

from __future__ import annotations

import pytest

from align.language.names import abbreviation_of, is_name


@pytest.mark.parametrize("word, tag, before, after, before_tag, expected", [
    ("合肥", "ns", "", "", "", True),  # a place in CC-CEDICT
    ("郑永刚", "nr", "", "", "", True),  # a person jieba knows
    ("钱", "n", "", "老板说", "", True),  # a surname before a title: "Boss Qian"
    ("立言", "n", "夏", "与宋涛", "nr", True),  # the given name after a surname
    ("天目湖", "ns", "", "", "", True),
    ("阿斯麦", "", "", "", "", True),  # a transliteration
    ("顾问", "nr", "", "", "", False),  # jieba's person tag on a common word
    ("科创", "n", "", "走廊", "", False),  # an abbreviation with a meaning
    ("同创", "j", "", "", "", False),
    ("片区", "n", "", "", "", False),  # a word the dictionaries know
    ("钱", "n", "花", "", "", False),  # money
])
def test_is_name(word, tag, before, after, before_tag, expected):
    assert is_name(word, tag, before, after, before_tag) is expected


def test_place_abbreviations():
    assert [abbreviation_of(c) for c in "苏浙沪"] == ["Jiangsu", "Zhejiang", "Shanghai"]
    assert abbreviation_of("我") == ""
