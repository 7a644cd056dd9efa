"""The verbatim check: addresses, handles and model numbers that must come through a
translation unchanged, right and wrong renderings side by side."""

from __future__ import annotations

import pytest

from tests.helpers import flags_found


@pytest.mark.parametrize("zh, en, expected", [
    ("详情见www.example.cn。", "See www.example.com for details.", [("url", "www.example.cn")]),
    ("详情见www.example.cn。", "See www.example.cn for details.", []),
    ("详情见https://www.gov.cn/zhengce/。", "See gov.cn/zhengce/ for details.", []),
    ("请联系info@example.cn。", "Please write to info@example.com.", [("email", "info@example.cn")]),
    ("请联系info@example.cn。", "Please write to info@example.cn.", []),
    ("话题#ChinaTravel火了。", "The topic #ChinaTrip went viral.", [("handle", "#ChinaTravel")]),
    ("话题#ChinaTravel火了。", "The topic #ChinaTravel went viral.", []),
    # model numbers: spaces, hyphens and case may differ, the characters may not
    ("沃尔沃S60和G60科创走廊。", "The Volvo S90 and the G60 corridor.", [("code", "S60")]),
    ("沃尔沃S60和G60科创走廊。", "The Volvo S 60 and the g60 corridor.", []),
    ("PM2.5浓度下降，5G基站增加。", "PM 2.5 levels fell and 5G base stations grew.", []),
    ("PM2.5浓度下降，5G基站增加。", "Fine particle levels fell and 4G base stations grew.",
     [("code", "PM2.5")]),
    # MAC-Test: a digit and one letter is a unit as often as a name (28G, 3K), and l922 is
    # 1922 mistyped
    ("审问者：很多，约28G。", "INTERROGATOR: Yes, about twenty-eight gigabytes.", []),
    ("那是l922年11月l3日上午。", "The morning of November 13, 1922.", []),
    ("杉杉股份（600884.SH）上市。", "Shanshan (600884.SZ) went public.", [("code", "600884.SH")]),
    # a number with a unit may be written out; a bare number is the numbers check's
    ("时速100km，重5kg。", "At 100 kilometres an hour, weighing five kilograms.", []),
    ("增长了5.8%。", "It grew by 5.9%.", []),
])
def test_tokens_kept(zh, en, expected):
    assert [(kind, term) for kind, term, _ in flags_found(zh, en, "verbatim")] == expected
