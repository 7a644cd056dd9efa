"""The omission check (omissions and additions): correct translations that must not be flagged next to wrong ones that must."""

from __future__ import annotations

import pytest

from align.checks import run_checks
from align.types import Sentence, Severity
from tests.helpers import check_context, flags_found

LINKED = ("欧盟领导人同意出台更严格的移民政策，以便驱逐非法移民，并加强外部边界。",
          "EU leaders agreed to introduce a stricter immigration policy to deport illegal "
          "immigrants and to strengthen the external borders.")


def test_clause_dropped_inside_a_pair_is_found(encoder):
    zh = "欧盟领导人同意出台更严格的移民政策，以便驱逐非法移民，并加强外部边界，但成员国就围栏费用争吵不休。"
    found = flags_found(zh, LINKED[1], "omission", encoder)
    assert [(kind, term) for kind, term, _ in found] == [("clause", "但成员国就围栏费用争吵不休")]


def test_sentence_merged_into_a_2_1_bead_is_found(encoder):
    zh = LINKED[0] + "然而，欧盟与各成员国就围栏费用支付等问题争吵不休。"
    found = flags_found(zh, LINKED[1], "omission", encoder)
    assert [(kind, term) for kind, term, _ in found] == [("clause", "欧盟与各成员国就围栏费用支付等问题争吵不休")]


def test_a_clause_the_encoder_finds_rendered_is_only_a_minor_finding(encoder):
    # the dictionary links nothing of 想跟着一起做美食, but the paraphrase carries it
    zh = "好多人对我家的食材感兴趣，想跟着一起做美食，销路就一下子打开了。"
    en = ("Many people were interested in our ingredients and wanted to cook along with us, "
          "and sales took off at once.")
    found = run_checks(check_context([(zh, en)]), ["omission"])  # no encoder: nothing confirmed
    assert all(f.severity == Severity.MINOR and f.kind == "unconfirmed" for f in found)


def test_a_clause_whose_ordinal_alone_is_rendered_is_still_an_omission():
    # MQM dev: "China's first" renders 第一 but not 打造 (annotated as a Major omission)
    found = flags_found("深圳：打造国内第一、世界领先的极速先锋城市", "Shenzhen: China's first "
                        "and world's leading ultra-fast pioneer city", "omission")
    assert [term for _, term, _ in found] == ["打造国内第一"]


def test_complete_translation_has_no_omission(encoder):
    assert flags_found(*LINKED, "omission", encoder) == []


def test_a_clause_whose_figure_is_rendered_is_no_omission():
    # bench/blind6: 占比 and 超过 have no dictionary link, but 六成 is rendered as "60%"
    zh = "不少年轻观众是看了电影后专程赶来的，“95后”“00后”占比超过六成。"
    en = ("Many young visitors came specifically after seeing the film, with those born in the "
          "late 1990s and the 2000s making up more than 60% of the total.")
    assert flags_found(zh, en, "omission") == []


def test_invented_sentence_inside_a_1_3_bead_is_found(encoder):
    en = LINKED[1] + " The weather in Paris was rainy and cold all week."
    found = flags_found(LINKED[0], en, "omission", encoder)
    assert [(kind, span) for kind, _, span in found] == \
        [("added-clause", "The weather in Paris was rainy and cold all week")]


QUARREL = ("然而，欧盟各成员国就边境围栏的费用由谁支付等问题争吵不休，会议一直开到深夜。",
           "However, the member states quarrelled over who should pay for the border fences, "
           "and the meeting went on late into the night.")
SUMMIT = ("意大利总理表示，这次峰会取得了重要成果。",
          "The Italian prime minister said the summit had achieved important results.")


def _omissions(pairs, encoder):
    context = check_context(pairs)
    context.embed = lambda texts: encoder.embed(texts).vectors
    return [(f.kind, f.severity) for f in run_checks(context, ["omission"])]


def test_a_dropped_sentence_is_major_unless_short_or_merged_into_its_neighbour(encoder):
    assert _omissions([LINKED, (QUARREL[0], ""), SUMMIT], encoder) == [("sentence", Severity.MAJOR)]
    # a short sentence is the kind a translator folds into the next one
    assert _omissions([LINKED, ("你道是谁？", ""), SUMMIT], encoder) == \
        [("short-sentence", Severity.MINOR)]
    # the translator joined it to the sentence before, which the aligner kept apart
    merged = [(LINKED[0], LINKED[1] + " " + QUARREL[1]), (QUARREL[0], ""), SUMMIT]
    assert _omissions(merged, encoder) == [("unconfirmed", Severity.MINOR)]


def test_an_added_sentence_is_major_unless_short(encoder):
    invented = ("", "The ministers also agreed to double the budget of the border agency "
                    "before the end of the year, and to send two thousand more guards to the "
                    "eastern frontier by the spring.")
    assert _omissions([LINKED, invented, SUMMIT], encoder) == [("sentence", Severity.MAJOR)]
    # a short sentence is the kind a translator splits off a longer one or adds for the scene
    # (MAC-Test 007's human translation: "He sighed wistfully.")
    assert _omissions([LINKED, ("", "He sighed wistfully."), SUMMIT], encoder) == \
        [("short-sentence", Severity.MINOR)]


def test_a_dropped_sentence_next_to_an_added_one_is_only_minor(encoder):
    # MAC-Test 011: one line of dialogue rendered freely, which the encoder cannot match
    dropped = [(LINKED[0], LINKED[1]), (QUARREL[0], ""), SUMMIT]
    assert _omissions(dropped, encoder) == [("sentence", Severity.MAJOR)]
    facing = [LINKED, (QUARREL[0], ""), ("", "Nobody at the table wanted to be the one who "
                                                 "paid for the fences along the border."), SUMMIT]
    found = _omissions(facing, encoder)
    assert found == [("facing", Severity.MINOR), ("facing", Severity.MINOR)]
    # a dropped heading keeps its own finding
    context = check_context(facing)
    context.source[1] = Sentence(1, QUARREL[0], 1, kind="heading")
    kinds = sorted(f.kind for f in run_checks(context, ["omission"]))
    assert kinds == ["heading", "short-sentence"]


def test_a_clause_is_judged_only_where_the_rest_of_its_pair_is_rendered_word_for_word(encoder):
    # MAC-Test 003's human translation: 人特别混 is "very nutty", which the dictionary does
    # not link, in a pair where little else links word for word either
    pair = ("陈清扬说过，我天资中等，手很巧，人特别混。这都是有所指的。",
            "Chen Qingyang once said I was a man of average intelligence but with skillful "
            "hands, and very nutty, which all meant something.")
    assert all(severity == Severity.MINOR for _, severity in _omissions([pair, SUMMIT], encoder))


# a freely translated novel (MAC-Test's human translation of 007): few of its words link
FREE = [("他们知道了要打你，会规也不禁止，你岂不挨打吃亏？”",
         "They wouldn't find out,' said Trinket, grinning."),
        ("茅十八道：“久仰陈总舵主大名，当真如雷贯耳，今日得能拜见，就算……",
         "'Just hearing about the Helmsman has always been an inspiration to me, ' said Whiskers."),
        ("再说，只消做得几件坏事，师父你这手功夫便不能传授徒儿了。”",
         '\'Not "a few bad things"!\' said the Helmsman.'),
        ("老乌龟不是真的教我武功，他教我的都是假功夫。”",
         "What the Old Devil taught me wasn't real Martial Arts, it was just rubbish.'")]


def test_an_unlinked_clause_in_a_freely_translated_document_is_not_reported(encoder):
    # MAC-Test's human translations: 243 such minor flags, nearly all free renderings
    merged = (LINKED[0] + "然而，欧盟与各成员国就围栏费用支付等问题争吵不休。", LINKED[1])
    assert _omissions([merged, SUMMIT], encoder) == [("clause", Severity.MAJOR)]
    assert _omissions([merged, *FREE], encoder) == []


def test_an_unlinked_clause_in_a_loose_literary_rendering_is_only_minor(encoder):
    # MAC-Test's human translation: the target rewrites the sentence; "while exchanging
    # gossip" is the translator's, but in a pair this loosely rendered it is not a sure error
    pair = ("王琦瑶舀来自己做的乌梅汤给客人喝，一杯喝下去也不知喝的什么。",
            "Wang Qiyao would ladle out some of her chilled plum soup, which they sipped "
            "absentmindedly while exchanging gossip.")
    assert _omissions([pair, SUMMIT, LINKED], encoder) == [("unconfirmed", Severity.MINOR)]


@pytest.mark.parametrize("zh, en, expected", [
    ("（德国之声中文网）拜登政府本周五将六个中国实体列入黑名单。",
     "The Biden administration blacklisted six Chinese entities on Friday.", ["德国之声中文网"]),
    ("（德国之声中文网）拜登政府本周五将六个中国实体列入黑名单。",
     "(Deutsche Welle Chinese) The Biden administration blacklisted six Chinese entities on Friday.", []),
    ("中新网2月11日电 深圳市工业和信息化局近日印发行动计划。",
     "The Shenzhen Bureau of Industry and Information Technology recently issued an action plan.",
     ["中新网2月11日电"]),
    # the date rendered is not the credit rendered (MQM dev: GPT4-5shot, ONLINE-W "(Xinhua)")
    ("中新网2月11日电 据深圳工信微信公众号消息，深圳市工业和信息化局近日印发行动计划。",
     "On February 11, according to the WeChat account of Shenzhen Industry and Information, the "
     "Shenzhen Bureau of Industry and Information Technology recently issued an action plan.",
     ["中新网2月11日电"]),
    ("中新网2月11日电 据深圳工信微信公众号消息，深圳市工业和信息化局近日印发行动计划。",
     "Beijing, Feb. 11 (China News Service) -- According to the WeChat account of Shenzhen "
     "Industry and Information, the Shenzhen Bureau of Industry and Information Technology "
     "recently issued an action plan.", []),
    # a bracketed remark with a date, rendered by its date, is no dateline (a cold review)
    ("截至目前，共有五千人报名（数据截至3月5日）。",
     "So far, five thousand people have signed up (as of March 5).", []),
    # an outlet's credit with a date: the date rendered is not the outlet rendered
    ("（《人民日报》2023年05月03日 04版）拜登政府将六个中国实体列入黑名单。",
     "(May 3, 2023) The Biden administration blacklisted six Chinese entities.",
     ["《人民日报》2023年05月03日 04版"]),
    # a conversion in brackets, rendered by its number (not a credit with a date)
    ("股价一度急挫，市值蒸发1100亿美元（约4765亿令吉），截至周五闭市报94.57美元。",
     "Shares plunged, wiping $110 billion (RM476.5 billion) off its market value, closing at "
     "$94.57 on Friday.", []),
    # a character's sense is no rendering of a name: 中 of 中新网 is not "hit"
    ("美国升级“芯片战”重创全球半导体产业-中新网",
     'U.S. upgrades "chip war" to severely hit the global semiconductor industry', ["中新网"]),
    # a reporter's credit, a cited report and a picture's source, each left out (MQM news)
    ("经济观察网记者郑淯心2月11日，杉杉控股发布讣告。",
     "On February 11, Shanshan Holdings issued an obituary.", ["经济观察网记者郑淯心"]),
    ("经济观察网记者郑淯心2月11日，杉杉控股发布讣告。",
     "Economic Observer reporter Zheng Yuxin, February 11: Shanshan Holdings issued an obituary.",
     []),
    ("根据《路透社》报道，谷歌在社交媒体发布了宣传短片。",
     "Google posted a promotional video on social media.", ["根据《路透社》报道"]),
    ("根据《路透社》报道，谷歌在社交媒体发布了宣传短片。",
     "According to Reuters, Google posted a promotional video on social media.", []),
    # a bracketed remark, not a credit (MAC-Test 014)
    ("爷爷找到了方七和另一个叫“痨痨四”的队员（他排行四，小时得过肺痨病），痨痨四已昏迷过去。",
     "Granddad found Fang Seven and another man called Consumptive Four, who had passed out.",
     []),
    # a bracket of adjectives names no outlet: a web page's font-size widget
    ("字号：（大中小）北京市政府今天发布了新的交通规划，明确了未来五年的建设重点。",
     "The Beijing municipal government released a new transport plan today, setting out "
     "construction priorities for the next five years.", []),
    # a place's dictionary description names another place: 河内 'Hanoi, capital of Vietnam'
    # does not render "Vietnamese", which is 越南's (MQM dev, vietnam_plus)
    ("越通社河内——越通社特派记者报道，越南政府总理范明政和夫妇对新加坡和文莱进行正式访问已圆满成功。",
     "The official visit of Vietnamese government minister of state, Mr. Van Minh Dung, and the "
     "couple to Singapore and Brunei has been a success.", ["越通社河内——越通社特派记者报道"]),
    ("越通社河内——越通社特派记者报道，越南政府总理范明政和夫妇对新加坡和文莱进行正式访问已圆满成功。",
     "HANOI (VNA) - The official visit of Vietnamese Prime Minister Pham Minh Chinh and his wife to "
     "Singapore and Brunei has been a success.", []),
])
def test_dropped_credit_or_dateline(zh, en, expected):
    found = flags_found(zh, en, "omission")
    assert [term for kind, term, _ in found if kind == "attribution"] == expected
