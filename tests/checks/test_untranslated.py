"""The untranslated check (Chinese left in the target): correct translations that must not be flagged next to wrong ones that must."""

from __future__ import annotations

import pytest

from tests.helpers import flags_found


@pytest.mark.parametrize("zh, en, expected", [
    # MQM dev: an outlet's name and an account left in Chinese (ONLINE-W, ONLINE-B)
    ("杉杉创始人郑永刚去世 - 经济观察网 - 专业财经新闻网站",
     "Shanshan founder Zheng Yonggang dies - 经济观察网 - 专业财经新闻网站",
     ["经济观察网 - 专业财经新闻网站"]),
    ("打开@芳芳一人食的抖音账号。", "Open the Douyin account of @芳芳一人食.", ["芳芳一人食"]),
    ("他住在胡同里。", "他住在胡同里。", ["他住在胡同里"]),  # a sentence copied over
    # a bracketed gloss after the English is the translator's choice
    ("推动四城同创。", "Promote the Four Cities Tongchuang (同创).", []),
    ("他住在胡同里。", "He lives in a hutong (胡同).", []),
    ("他住在胡同里。", "He lives in a hutong.", []),
    # glosses a cold review found flagged: after a full stop, in quotes, with pinyin; a
    # character named as such
    ("深圳同创科技有限公司成立于2015年。",
     "Shenzhen Tongchuang Technology Co., Ltd. (深圳同创科技有限公司) was founded in 2015.", []),
    ("推进共同富裕。", "Promote common prosperity (“共同富裕”).", []),
    ("胡同文化", "The hutong (胡同, hútòng) culture", []),
    ("福字倒着贴。", "The character 福 was pasted upside down.", []),
    ("他吃了饺子。", "He ate 饺子 and went to bed.", ["饺子"]),
    ("拜登政府周五将六个实体列入黑名单。（完）", "The Biden administration blacklisted six entities on Friday. (完)", ["完"]),
    ("他说了最后几个字：再见。", "He said his last words 再见.", ["再见"]),
])
def test_chinese_left_in_the_target(zh, en, expected):
    assert [span for _, _, span in flags_found(zh, en, "untranslated")] == expected
