"""The pinyin check: correct translations that must not be flagged next to wrong ones that must."""

from __future__ import annotations

import pytest

from align.checks import run_checks
from tests.helpers import check_context, flags_found


@pytest.mark.parametrize("zh, en, expected", [
    ("推动上海、南京“四城同创”。", 'Promote "Four Cities Tongchuang" of Shanghai and Nanjing.',
     ["Tongchuang"]),  # an abbreviation jieba knows: it has a meaning
    ("上海的弄堂很窄。", "The longtang of Shanghai are narrow.", ["longtang"]),  # 弄堂 lane
    ("深化沪苏浙皖合作。", "Deepen cooperation among Shanghai, Su Zhe and Anhui.", ["Su Zhe"]),
    ("土叙地震救灾夜以继日", "The tuxu earthquake relief work day and night", ["tuxu"]),
    # a capitalised word no dictionary knows may be a name: never flagged
    ("推动科创走廊建设。", "Promote the construction of the Kechuang corridor.", []),
    ("他住在清平镇。", "He lives in Qingping.", []),
    ("湘云笑道。", "Xiang-yun laughed.", []),
    ("高密东北乡。", "Northeast Gaomi Township.", []),
    # names are never errors
    ("龚正市长表示。", "Mayor Gong Zheng said.", []),
    ("合肥和张江合作。", "Hefei and Zhangjiang cooperate.", []),
    ("积极评价宋涛对夏立言所说。", "He praised what Song Tao told Xia Liyan.", []),
    ("报道引述中国天目新闻消息指。", "The report quoted China's Tianmu News.", []),
    ("钱老板说。", "Boss Qian said.", []),
    # a given name jieba cut from its surname (许|文静: "perhaps", "gentle"); the same word
    # with no surname before it is still pinyin left untranslated
    ("副研究员许文静回忆。", "Associate research fellow Xu Wenjing recalled.", []),
    ("她很文静。", "She is very wenjing.", ["wenjing"]),
    ("也许文静一点好。", "Perhaps Wenjing is better.", ["Wenjing"]),  # 许 of 也许 is no surname
    ("张也许文静。", "Zhang Xu Wenjing.", ["Wenjing"]),
    ("他在微博上发文。", "He posted on Weibo.", []),  # pinyin English has taken in
    ("今年高考报名人数达1342万人。", "A record 13.42 million students registered for the gaokao.", []),
    # a place's name before the kind of place it is (bench/blind6); "a" before it: a word
    ("苍南县桥墩镇24小时降雨量达到527毫米。", "Qiaodun town recorded 527 millimeters of rain in 24 hours.", []),
    ("这里将建成旅游岛。", "It will become a Lvyou island.", ["Lvyou"]),
])
def test_pinyin(zh, en, expected):
    assert [span for _, _, span in flags_found(zh, en, "pinyin")] == expected


@pytest.mark.parametrize("zh, en, expected", [
    ("报告由智库发布。", "The report was released by the zhiku.", [("untranslated", "zhiku")]),
    # capitalised, a word with a meaning may still be a name here (宝玉 is "precious jade"):
    # a kind of its own, calibrated on its own
    ("适才走过的这段土路很长。", "The dirt road Shicai walked is long.", [("capitalised", "Shicai")]),
    # one syllable alone is as likely a name as a place's abbreviation
    ("云姑娘来了。", "Miss Yun has come.", []),
])
def test_pinyin_kinds(zh, en, expected):
    assert [(kind, span) for kind, _, span in flags_found(zh, en, "pinyin")] == expected


def test_pinyin_the_translator_writes_again_and_again_is_a_choice():
    once = [("上海的弄堂很窄。", "The longtang of Shanghai are narrow.")]
    again = once + [("弄堂里很安静。", "The longtang is quiet."),
                    ("他走进弄堂。", "He walked into the longtang.")]
    assert [f.tgt_span for f in run_checks(check_context(once), ["pinyin"])] == ["longtang"]
    assert run_checks(check_context(again), ["pinyin"]) == []


def test_pinyin_of_an_abbreviation_the_text_spells_out_is_no_name():
    """科创 is in no dictionary, so "Kechuang" alone may be a name; where the document writes
    科技创新 too, 科创 is its short form, and the pinyin is left untranslated."""
    context = check_context([("强化科技创新策源功能。", "Strengthen the function of innovation."),
                             ("推动科创走廊建设。", "Promote the construction of the Kechuang corridor.")])
    assert context.abbreviations == {"科创": "科技创新"}
    flags = run_checks(context, ["pinyin"])
    assert [(f.src_term, f.tgt_span) for f in flags] == [("科创", "Kechuang")]
    assert flags[0].suggestion == "science and technology innovation"
    assert "short for 科技创新" in flags[0].message


def test_place_abbreviation_names_the_places():
    flags = run_checks(check_context([("深化沪苏浙皖合作。", "Deepen cooperation among Shanghai, Su Zhe and Anhui.")]),
                       ["pinyin"])
    assert flags[0].kind == "abbreviation" and flags[0].suggestion == "Jiangsu and Zhejiang"
