"""Each check on the seed translation and on small fixtures, so a broken check fails here."""

from __future__ import annotations

import pytest

from align.checks import run_checks
from align.types import GlossaryEntry
from tests.helpers import check_context



def _spans(flags, check):
    return [f.tgt_span for f in flags if f.check == check]


@pytest.fixture(scope="module")
def seed_flags(seed_run):
    result, _ = seed_run
    return result.flags


@pytest.mark.parametrize("check, span", [
    ("literal", "long triangle"),
    ("repetition", "Hefei Hefei"), ("repetition", "General Secretary General Secretary"),
    ("repetition", "China, China, China"),
    ("omission", "Sharing let more people see recommendation reading."),
])
def test_seed_errors_are_flagged(seed_flags, check, span):
    assert span in _spans(seed_flags, check)


def test_seed_dropped_subheadline(seed_flags):
    assert any(f.check == "omission" and f.category == "accuracy/omission" and
               f.src_term.startswith("——访") for f in seed_flags)


@pytest.mark.parametrize("name", ["Gong Zheng", "Hefei", "Zhangjiang", "Hongqiao", "Xi Jinping",
                                  "Shanghai", "Nanjing", "Hangzhou", "Lingang"])
def test_seed_names_are_not_flagged(seed_flags, name):
    assert not any(f.check in ("pinyin", "literal") and name.split()[0] in f.tgt_span
                   for f in seed_flags)


@pytest.mark.parametrize("zh, en, expected", [
    ("五个城市参加。", "Four cities took part.", [("五", "Four")]),
    ("2018年11月5日宣布。", "It was announced on November 5, 2018.", []),
    ("增长了百分之三十。", "It grew by 30%.", []),
    ("三年来取得成效。", "In the past three years it worked.", []),
])
def test_numbers(zh, en, expected):
    flags = run_checks(check_context([(zh, en)]), ["numbers"])
    assert [(f.src_term, f.tgt_span) for f in flags] == expected


def test_repetition_ignores_allowed_doubles():
    flags = run_checks(check_context([("他说了。", "He said that that was fine, very very fine.")]),
                       ["repetition"])
    assert flags == []


def test_glossary_longest_match_and_forbidden():
    glossary = [GlossaryEntry("长三角", "Yangtze River Delta", "approved", forbidden=("long triangle",)),
                GlossaryEntry("长三角生态绿色一体化发展示范区",
                              "Yangtze River Delta Ecological Green Integrated Development Demonstration Zone",
                              "approved")]
    context = check_context([
        ("长三角生态绿色一体化发展示范区成立。",
         "The Yangtze River Delta Ecological Green Integrated Development Demonstration Zones were set up."),
        ("长三角发展。", "The long triangle develops."),
        ("长三角发展。", "The Yangtze-River-Delta's growth."),
        ("长三角发展。", "The Yangtze River Triangulation grows."),
        ("长三角发展。", "It grows."),
    ], glossary)
    flags = run_checks(context, ["glossary"])
    assert [(f.bead, f.tgt_span) for f in flags] == \
        [(1, "long triangle"), (3, "Yangtze River Triangulation"), (4, "")]
    assert "forbidden" in flags[0].message and 'not "Yangtze River Triangulation"' in flags[1].message


def test_omission_and_addition():
    flags = run_checks(check_context([("标题", ""), ("", "Editor: Wang"), ("正文。", "Body.")]),
                       ["omission"])
    assert [f.category for f in flags] == ["accuracy/omission", "accuracy/addition"]


def _embedded_context(encoder, pairs_text):
    context = check_context(pairs_text)
    context.source_vectors = encoder.embed([s.text for s in context.source]).vectors
    context.target_vectors = encoder.embed([s.text for s in context.target]).vectors
    context.embed = lambda texts: encoder.embed(texts).vectors
    return context


POLICY = [("推动长三角更高质量一体化发展，加快建设现代化产业体系。",
           "Promote higher-quality integrated development of the Yangtze River Delta and build "
           "a modern industrial system."),
          ("各城市要加强区域合作，共同打造世界级城市群。",
           "Cities should strengthen regional cooperation to build a world-class city cluster."),
          ("上海要强化全球资源配置、科技创新策源、高端产业引领和开放枢纽门户四大功能。",
           "Shanghai should strengthen its four functions of global resource allocation, "
           "scientific and technological innovation, high-end industry leadership and opening-up."),
          ("我们将深化改革，扩大开放，服务国家战略。",
           "We will deepen reform, expand opening-up and serve the national strategy.")]


def test_sense_flags_faucet_for_leading_role(encoder):
    context = _embedded_context(encoder, POLICY + [
        ("上海要进一步发挥龙头带动作用，推动长三角一体化发展。",
         "Shanghai should play the role of a faucet in driving regional integrated development.")])
    flags = run_checks(context, ["sense"])
    assert [(f.src_term, f.tgt_span) for f in flags] == [("龙头", "faucet")]
    assert "leader" in flags[0].suggestion and flags[0].severity.value == "minor"


def test_sense_keeps_the_literal_sense_where_it_fits(encoder):
    context = _embedded_context(encoder, [
        ("厨房的龙头坏了，一直在漏水。", "The kitchen faucet is broken and keeps leaking water."),
        ("他叫来了水管工。", "He called a plumber.")])
    assert run_checks(context, ["sense"]) == []


LEADING = [("上海要发挥龙头带动作用。", "Shanghai should play a leading role."),
           ("当好长三角一体化发展的龙头。", "Be the leader of the integrated development of the Yangtze River Delta.")]


def test_sense_flags_a_sense_the_rest_of_the_document_does_not_use(encoder):
    """The seed's "faucet": two other places render 龙头 as "lead"; this one takes another,
    unrelated sense, which fits its sentence no better."""
    context = _embedded_context(encoder, POLICY + LEADING + [
        ("进一步发挥龙头带动作用。", "Further play the leading role of the faucet.")])
    flags = [f for f in run_checks(context, ["sense"]) if f.kind == "elsewhere"]
    assert [(f.src_term, f.tgt_span, f.severity.value) for f in flags] == [("龙头", "faucet", "major")]
    assert flags[0].suggestion == "leader"


def test_sense_leaves_one_sense_used_throughout_alone(encoder):
    context = _embedded_context(encoder, POLICY + LEADING + [
        ("进一步发挥龙头带动作用。", "Further play the role of a front-runner.")])
    assert [f for f in run_checks(context, ["sense"]) if f.kind == "elsewhere"] == []


TALKS = [("会谈在友好气氛中进行。", "The talks were held in a friendly atmosphere.")]


def test_sense_flags_a_fields_sense_in_a_text_of_another_field(encoder):
    """分歧 is 'difference; disagreement', and '(math.) bifurcation': in talks between two
    sides, where no other word is mathematics, the mathematical sense is the slip."""
    context = _embedded_context(encoder, TALKS + [
        ("双方在一些问题上存在分歧。", "The two sides have bifurcation on some issues.")])
    flags = [f for f in run_checks(context, ["sense"]) if f.kind == "field"]
    assert [(f.src_term, f.tgt_span, f.severity.value) for f in flags] == [("分歧", "bifurcation", "major")]


def test_sense_leaves_a_general_sense_alone(encoder):
    context = _embedded_context(encoder, TALKS + [
        ("双方在一些问题上存在分歧。", "The two sides have differences on some issues.")])
    assert [f for f in run_checks(context, ["sense"]) if f.kind == "field"] == []


def test_sense_reads_other_places_in_a_close_translation_only(encoder):
    """A free translation says "gate" here and "door" there on purpose: where few of the
    source's words are rendered word for word, the document's other places are no evidence."""
    free = [("她慢慢地走进了那扇旧门。", "Slowly she let herself in."),
            ("屋里一片寂静，只有钟声滴答作响。", "Nothing moved but the ticking of a clock.")]
    context = _embedded_context(encoder, free + LEADING + [
        ("进一步发挥龙头带动作用。", "Further play the leading role of the faucet.")])
    from align.checks.links import CLOSENESS
    assert context.linked_share() < CLOSENESS.word_level
    assert [f for f in run_checks(context, ["sense"]) if f.kind == "elsewhere"] == []


def test_sense_is_silent_without_an_encoder():
    context = check_context([("上海要发挥龙头带动作用。", "Shanghai should play a faucet role.")])
    assert run_checks(context, ["sense"]) == []


def test_consistency_is_silent_when_one_rendering_is_used():
    context = check_context([
        ("长三角一体化发展取得成效。", "The integration of the Yangtze River Delta has made progress."),
        ("长三角是重要的增长极。", "The Yangtze River Delta is an important growth pole.")])
    assert run_checks(context, ["consistency"]) == []


@pytest.mark.parametrize("text, expected", [
    ("Hefei Hefei is big", [("Hefei", "Hefei Hefei")]),
    ("the General Secretary General Secretary said", [("General Secretary",
                                                        "General Secretary General Secretary")]),
    ("China, China, China and the world", [("China", "China, China, China")]),
    ("New York. New York is big", []),
    ("no repeat here", []),
])
def test_doubled_phrases(text, expected):
    from align.checks.repetition import doubled
    assert doubled(text) == expected


@pytest.fixture(scope="module")
def seed_everything():
    """The seed pair with every check on and nothing hidden: all the tool can find."""
    from align.pipeline import RunOptions, run

    from tests.helpers import SEED_EN, SEED_ZH

    return run(SEED_ZH, SEED_EN, RunOptions(cache=False, min_confidence=0.0)).flags


@pytest.mark.parametrize("check, term, span", [
    # what the first checks found on the seed is still found
    ("literal", "长三角", "long triangle"), ("literal", "长三角", "Long Triangle"),
    ("literal", "长三角", "long triangular"), ("literal", "我国", "my country"),
    ("sense", "龙头", "faucet"), ("pinyin", "同创", "Tongchuang"),
    ("repetition", "", "Hefei Hefei"), ("repetition", "", "China, China, China"),
    ("repetition", "", "General Secretary General Secretary"),
    ("numbers", "五", ""), ("numbers", "四", ""), ("numbers", "两", ""), ("numbers", "三", ""),
    ("numbers", "", "2021"), ("numbers", "", "2023"),
    ("omission", "", "(Editor: Liu Shuzhen, Xiao Xin)"),
    # and the compositional literal renderings CC-CEDICT does not list
    ("literal", "片区", "film area"), ("literal", "策源", "policy source"),
    ("literal", "先手棋", "first chess"), ("pinyin", "苏浙", "Su Zhe"),
])
def test_seed_findings(seed_everything, check, term, span):
    assert any(f.check == check and (not term or f.src_term == term) and (not span or f.tgt_span == span)
               for f in seed_everything)


def test_seed_names_and_place_names_are_left_alone(seed_everything):
    assert not any(f.check == "consistency" and f.src_term == "长三角" for f in seed_everything)
    assert not any(f.check == "pinyin" and f.tgt_span in ("Hefei", "Zhangjiang", "Lingang",
                                                          "Hongqiao", "Gong Zheng")
                   for f in seed_everything)


def test_numbers_repeated_in_target_says_so_once():
    flags = run_checks(check_context([("行动计划（2021—2023年）。",
                                  "The plan (2021-2023) is developed (2021-2023).")]), ["numbers"])
    assert [f.tgt_span for f in flags] == ["2021", "2023"]
    assert all("repeated" in f.message for f in flags)


@pytest.mark.parametrize("zh, en, flagged", [
    ("使之成为我国发展的增长极。", "It becomes the growth pole of my country.", "my country"),
    ("我市将加快建设。", "My city will speed up construction.", "My city"),
    ("我爱我的国家。", "I love my country.", None),  # 我的国家: a person speaking, not 我国
])
def test_literal_flags_my_country_for_wo_guo(zh, en, flagged):
    flags = run_checks(check_context([(zh, en)]), ["literal"])
    assert [f.tgt_span for f in flags] == ([flagged] if flagged else [])
