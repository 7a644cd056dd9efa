"""Glossary proposals: never the machine translation's literal rendering."""

from __future__ import annotations

import pytest

from tests.helpers import flags_found


def test_glossary_never_proposes_the_mt_literal_rendering():
    from align.glossary.mine import mine_renderings, propose

    pairs = [("建设临港新片区。", "Build the Lingang new film area."),
             ("临港新片区发展很快。", "The Lingang new film area develops fast."),
             ("推动长三角一体化。", "Promote the integration of the long triangle."),
             ("长三角发展很快。", "The long triangle develops fast.")]
    found = mine_renderings(["临港新片区", "长三角"], pairs)
    lingang = propose("临港新片区", found["临港新片区"], "")
    assert "film area" in lingang.forbidden and "film" not in lingang.en.lower()
    delta = propose("长三角", found["长三角"], "")
    assert "long triangle" in delta.forbidden and delta.en == "Yangtze River Delta"


# the seed pair's own sentences (seeds/000 and its machine translation seeds/003)
LONGTOU = [
    ("当好长三角更高质量一体化发展龙头（权威访谈）",
     "When the long triangle is higher quality integrated development lead (authoritative interview)"),
    ("记者：推动长三角更高质量一体化发展，上海在进一步发挥龙头带动作用上取得了哪些成效？",
     "Reporter: Promote the higher quality and integration of the long triangle, Shanghai has "
     "achieved what results in further playing the leading role of the faucet?"),
    ("上海深入贯彻落实习近平总书记重要讲话和重要指示批示精神，积极发挥龙头带动作用。",
     "Shanghai in-depth implementation of the important instructions, actively play the lead "
     "driving effect."),
    ("龚正：我们必须发挥龙头带动作用，强化“四大功能”。",
     "GONG Zheng: We must play the lead to drive, strengthen the \"four functions\"."),
]
SYMPOSIUM = [
    ("去年8月20日，总书记在安徽合肥主持召开扎实推进长三角一体化发展座谈会。",
     "On August 20, last year, General Secretary held a solid development symposium in Hefei, "
     "Anhui."),
]
CLUSTERS = [("第三，强化高端产业引领功能，共同打造世界级产业集群。",
             "Third, strengthen high-end industry leadership and jointly build world-class "
             "industrial clusters.")]
FREE_TRADE = [
    ("记者：虹桥国际开放枢纽、上海自贸试验区临港新片区怎样协同发展？",
     "Reporter: Hongqiao International Open Hub, China’s Free Trade Test Area, how to develop?"),
]


@pytest.mark.parametrize("term, pairs, expected, why", [
    # wrong sense: one "faucet" among four places that mean "leader": no sound proposal
    ("龙头", LONGTOU, "", "several senses"),
    # right sense, as the pairs have it (the dictionary's first meaning is "conference")
    ("座谈会", SYMPOSIUM, "symposium", "the sense the pairs use"),
    # a rendering that leaves a word out (自, free) is a fragment, not the term's name
    ("自贸试验区", FREE_TRADE, "", "no rendering"),
    # a right rendering the dictionary lacks, proposed as the pairs have it
    ("世界级产业集群", CLUSTERS, "world-class industrial clusters", "most frequent rendering"),
])
def test_proposal_takes_the_pairs_sense_only_where_it_is_sound(term, pairs, expected, why):
    from align.glossary.mine import mine_renderings, propose

    proposal = propose(term, mine_renderings([term], pairs)[term], "")
    assert proposal.en == expected and proposal.why.startswith(why)


def test_compound_is_composed_of_its_words_not_of_the_literal_rendering():
    """长三角一体化: the MT's "Yangtze River Triangulation" is literal, so the compound is
    composed of 长三角's meaning and 一体化's form in the pairs; 高质量发展 likewise."""
    from align.glossary.compose import Composer
    from align.glossary.mine import mine_renderings

    pairs = [("目前，长三角一体化各项工作全面提速。",
              "At present, the work of the Yangtze River Triangulation is fully accelerated."),
             ("推动长三角一体化。", "Promote the integration of the long triangle.")]
    terms = ["长三角一体化", "高质量发展"]
    composer = Composer(pairs, "", mine_renderings(terms, pairs))
    integration = composer.proposal("长三角一体化")
    assert integration.en == "Yangtze River Delta integration"
    assert "triangulation" not in integration.en.lower()
    assert composer.proposal("高质量发展").en == "high-quality development"


@pytest.mark.parametrize("term, rendering, flagged", [
    ("长三角", "long triangle", True),
    ("长三角", "Yangtze River Triangulation", True),
    ("长三角", "Yangtze River Delta", False),
    ("先手棋", "first chess", True),
    ("座谈会", "symposium", False),
])
def test_literal_test_of_a_proposal(term, rendering, flagged):
    from align.glossary.mine import literal

    assert literal(term, rendering) is flagged


CORPUS = ("长三角科技创新共同体建设顺利启动。加快建设长三角G60科创走廊，推动科技创新和产业创新融合。"
          "科创板为科技创新企业服务。")


@pytest.mark.parametrize("term, corpus, expected", [
    ("科创", CORPUS, "科技创新"),  # 科(技) + 创(新), the corpus has it three times
    ("科创", "科学创造。科技创新。", ""),  # two spellings, neither clearly first
    ("新元", "迎接新纪元。", ""),  # a dictionary word of its own (the Singapore dollar)
    ("科创", "没有全称。", ""),
])
def test_an_abbreviation_is_spelled_out_only_by_the_corpus(term, corpus, expected):
    from align.glossary.compose import spelled_out

    assert spelled_out(term, corpus) == expected


def test_a_name_with_a_code_is_composed_of_its_code_and_words():
    """G60科创走廊: the MT left 科创 in pinyin ("Kechuang"); the proposal keeps G60 and
    spells 科创 out from the corpus, never the pinyin."""
    from align.glossary.compose import Composer
    from align.glossary.mine import mine_renderings

    pairs = [("加快建设长三角G60科创走廊。", "Accelerate the construction of G60 Kechuang Corridor.")]
    composer = Composer(pairs, CORPUS, mine_renderings(["G60科创走廊"], pairs))
    proposal = composer.proposal("G60科创走廊")
    assert proposal.en == "G60 science and technology innovation corridor"
    assert "Kechuang" in proposal.forbidden


@pytest.mark.parametrize("term, pairs, expected, forbidden", [
    # one word cannot stand for two parts: "International" is 国际's, not also 博览会's
    ("中国国际进口博览会", [("第四届中国国际进口博览会在上海举办。",
                             "The fourth China International Import was held in Shanghai.")],
     "", ()),
    # a name's English is its pinyin: "Shanghai" is no pinyin left untranslated
    ("上海", [("上海在进一步发挥龙头带动作用。", "Shanghai plays a leading role.")], "Shanghai", ()),
    ("科创", [("建设G60科创走廊。", "Build the G60 Kechuang Corridor.")], "", ("Kechuang",)),
])
def test_fragments_and_names(term, pairs, expected, forbidden):
    from align.glossary.mine import mine_renderings, propose

    proposal = propose(term, mine_renderings([term], pairs)[term], "")
    assert proposal.en == expected and proposal.forbidden == forbidden
