"""The literal check: correct translations that must not be flagged next to wrong ones that must."""

from __future__ import annotations

import pytest

from align.checks import run_checks
from tests.helpers import check_context, flags_found


@pytest.mark.parametrize("zh, en, expected", [
    ("推动长三角一体化。", "Promote the integration of the long triangle.", [("dictionary", "long triangle")]),
    ("推动长三角一体化。", "Promote the integration of the Yangtze River Delta.", []),
    ("建设临港新片区。", "Build the Lingang new film area.", [("characters", "film area")]),
    ("建设临港新片区。", "Build the Lingang New Area.", []),
    ("强化科技创新策源功能。", "Strengthen the policy source function of innovation.",
     [("characters", "policy source")]),
    ("以示范区为先手棋和突破口。", "Take the demonstration zone as the first chess and breakthrough.",
     [("characters", "first chess")]),
    ("使之成为我国发展的增长极。", "It becomes the growth pole of my country.", [("possessive", "my country")]),
    # a title in 《》 is the translator's to render (MAC-Test: 《三体》 "Three Body", not trisomy)
    ("《三体》仅仅是个游戏吗？", "Is Three Body just a game?", []),
    ("三体综合征很罕见。", "Three body syndrome is rare.", [("dictionary", "Three body")]),
    # a place's or a person's name that is also an ordinary phrase (大山: Dashan, a stage name)
    ("它像一座在陆地上移动的大山。", "It is like a large mountain moving on land.", []),
    ("推动长三角发展。", "Promote the development of the long triangle.",
     [("dictionary", "long triangle")]),  # a region's name: no such ordinary phrase
    # a rendering that spells the meaning out (MAC-Test's human translations): 半圆 is a
    # semicircle, 平面 'plane (flat surface)'; "long triangle" above shares nothing with
    # 'Yangtze River Delta'
    ("他在地上画了一个半圆。", "He drew a half circle on the ground.", []),
    ("这个大平面上布满了山脉。", "The flat surface was covered with mountain ranges.", []),
    # a colour named by its parts is that colour (MAC-Test: 茶色 'dark brown' in the human
    # translation, 黄褐色 'tan' in the machine one)...
    ("那里还装着茶色玻璃。", "The windows were glazed with tea-colored panes.", []),
    ("黄褐色的小芦苇缨子在颤栗着。", "The yellow-brown reed tassels trembled.", []),
    # ...but a 色 word that is no colour still is a mistake, and so is a colour rendered as
    # something else
    ("这是上海的特色。", "This is the special color of Shanghai.", [("dictionary", "special color")]),
    # a compound's modifier taken character by character before its rightly rendered head
    # (bench/blind2 and bench/blind4, written blind to the code), and the same compound
    # rendered by meaning, or with a modifier that is a sense of its own
    ("数十家龙头企业设立了研发中心。", "Dozens of dragon head enterprises set up R&D centers.",
     [("dictionary", "dragon head enterprises")]),
    ("数十家龙头企业设立了研发中心。", "Dozens of leading enterprises set up R&D centers.", []),
    ("数十家龙头企业设立了研发中心。", "Dozens of leading key enterprises set up R&D centers.", []),
    ("数十家龙头企业设立了研发中心。", "Dozens of dragon head companies set up R&D centers.",
     [("dictionary", "dragon head companies")]),
    ("数十家龙头企业设立了研发中心。", "Dozens of front-runner enterprises set up R&D centers.", []),
    ("数十家龙头企业设立了研发中心。", "Dozens of leading companies set up R&D centers.", []),
    ("外资企业增加了。", "Foreign-funded enterprises increased.", []),
    ("深化国有企业改革。", "Deepen the reform of state-run enterprises.", []),
    # the dictionary's meaning is an English compound of a part's meaning: 中西部 'midwest'
    # (中西 "west") is rendered by meaning as "central and western China" (bench/blind5)
    ("公司计划向中西部地区捐赠一万台平板。",
     "The company plans to donate 10,000 tablets to central and western China.", []),
])
def test_literal(zh, en, expected):
    assert [(kind, span) for kind, _, span in flags_found(zh, en, "literal")] == expected


@pytest.mark.parametrize("zh, en, expected", [
    # part of the rendering gives the meaning, the rest a character's sense where the meaning
    # has a word of its own (the seed's "Yangtze River Triangulation"; issue 23's blatant five)
    ("推动长三角一体化发展。", "Promote the integrated development of the Yangtze River Triangulation.",
     [("partial", "Yangtze River Triangulation")]),
    ("推动长三角一体化发展。", "Promote the integrated development of the Yangtze River Delta.", []),
    ("银保监会发布新规。", "The Bank Insurance Supervision Meeting issued new rules.",
     [("partial", "Insurance Supervision Meeting")]),
    ("保监会发布新规。", "The China Insurance Regulatory Commission issued new rules.", []),
    # an abbreviation CC-CEDICT lists only under its full form ('abbr. to 深交所')
    ("深交所发布公告。", "The Deep Exchange issued an announcement.", [("partial", "Deep Exchange")]),
    ("深交所发布公告。", "The Shenzhen Stock Exchange issued an announcement.", []),
    ("人工耳蜗价格下降。", "The price of the artificial snail implant fell.",
     [("partial", "artificial snail implant")]),
    ("人工耳蜗价格下降。", "The price of the cochlear implant fell.", []),
    # every word from the characters, none of the meaning, though the meaning is built from
    # the term's parts (国务 'affairs of state' + 院)
    ("国务院发布通知。", "The country affairs court issued a notice.",
     [("unrelated", "country affairs court")]),
    ("国务院发布通知。", "The State Council issued a notice.", []),
    ("勇当科技和产业创新开路先锋。", "Be a brave open road of science and industry.",
     [("unrelated", "open road")]),
    ("勇当科技和产业创新开路先锋。", "Be a brave pioneer of science and industry.", []),
    # a character's other sense that the meaning also has is no slip: 区 is "area" and
    # "zone", 国 is "country" and "state"; a meaning with two wordings ('key enterprises;
    # leading enterprises') is rendered when either is
    ("建设示范区。", "Build a demonstration area.", []),
    ("加强生态环境保护。", "Strengthen ecological environment protection.", []),
    # a verb's rendering is free ("increase efforts" for 加大力度 'to try harder'); so is an
    # idiom's picture; a word of the span that renders another word of the sentence is no
    # character of this one ("study" is 研究's)
    ("进一步加大力度。", "Further increase efforts.", []),
    ("她小鸟依人地靠着他。", "She leaned on him like a young bird.", []),
    ("杉杉开始研究企业转型。", "Shanshan began to study enterprise transformation.", []),
    # every word of the meaning there, and a character's sense in the middle of it
    # (bench/blind8); a hyphen before the head is no such word
    ("严厉打击内幕交易。", "Crack down hard on inside-curtain trading.",
     [("partial", "inside-curtain trading")]),
    ("严厉打击内幕交易。", "Crack down hard on insider trading.", []),
    # a character that stands for a place, named (中 "China" in 中欧 'Sino-European'); a
    # meaning that describes rather than names ('person in charge of a train station')
    ("中欧班列已开行逾四千列。", "China-Europe freight trains have made over 4,000 trips.", []),
    ("站长说。", "The station chief said.", []),
])
def test_literal_by_meaning(zh, en, expected):
    assert [(kind, span) for kind, _, span in flags_found(zh, en, "literal")] == expected


def test_word_level_literal_is_judged_in_close_translations_only():
    """A literary translator who rewrites freely picks words on purpose: a rendering partly
    from the characters is reported only where the document follows its source closely."""
    from align.checks.links import CLOSENESS

    close = check_context([("推动长三角一体化发展。",
                            "Promote the integrated development of the Yangtze River Triangulation.")])
    assert close.linked_share() >= CLOSENESS.word_level
    assert [f.kind for f in run_checks(close, ["literal"])] == ["partial"]
    loose = check_context([("推动长三角一体化发展。",
                            "Promote the integrated development of the Yangtze River Triangulation."),
                           ("月光洒在静静的河面上，远处传来几声犬吠。",
                            "Silver light lay on the quiet water and somewhere a dog barked.")])
    assert loose.linked_share() < CLOSENESS.word_level
    assert [f.kind for f in run_checks(loose, ["literal"])] == []


@pytest.mark.parametrize("zh, en, expected", [
    # renderings the encoder reads as the dictionary's meaning (MAC-Test's human translations)
    ("第一缕阳光照在山墙上。", "The first rays of light shine on the gable walls.", []),
    ("这一切都在宁静中流逝。", "All of it passed by, quiet and peaceful.", []),
    # still mistaken, with the encoder asked too
    ("推动长三角一体化。", "Promote the integration of the long triangle.", ["long triangle"]),
    ("他们都在谈论新冠。", "They were all talking about the new crown.", ["new crown"]),
])
def test_a_literal_rendering_the_encoder_reads_as_the_meaning_is_a_paraphrase(zh, en, expected,
                                                                               encoder):
    found = [span for kind, _, span in flags_found(zh, en, "literal", encoder)
             if kind == "dictionary"]
    without = [span for kind, _, span in flags_found(zh, en, "literal") if kind == "dictionary"]
    assert found == expected
    assert len(without) == 1  # the dictionary alone takes each for literal


def test_a_titles_words_are_the_translators_anywhere_in_the_document():
    pairs = [("《三体》仅仅是个游戏吗？", "Is Three Body just a game?"),
             ("三体信息也被切割了。", "The three-body information was cut too.")]
    assert run_checks(check_context(pairs), ["literal"]) == []
    # without the title, 三体 is trisomy
    assert [f.tgt_span for f in run_checks(check_context(pairs[1:]), ["literal"])] == ["three-body"]
