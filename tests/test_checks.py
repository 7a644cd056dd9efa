"""Each check on the seed translation and on small fixtures, so a broken check fails here."""

from __future__ import annotations

import pytest

from align.checks import CheckContext, run_checks
from align.types import Bead, GlossaryEntry, Pair, Sentence


def _context(pairs_text, glossary=None):
    pairs, source, target = [], [], []
    for k, (zh, en) in enumerate(pairs_text):
        src_ids = (len(source),) if zh else ()
        tgt_ids = (len(target),) if en else ()
        if zh:
            source.append(Sentence(len(source), zh, k))
        if en:
            target.append(Sentence(len(target), en, k))
        pairs.append(Pair(k, Bead(src_ids, tgt_ids, 0.5, 0.6 if zh and en else None), zh, en))
    return CheckContext(pairs, source, target, glossary)


def _spans(flags, check):
    return [f.tgt_span for f in flags if f.check == check]


@pytest.fixture(scope="module")
def seed_flags(seed_run):
    result, _ = seed_run
    return result.flags


@pytest.mark.parametrize("check, span", [
    ("literal", "long triangle"), ("pinyin", "Kechuang"), ("pinyin", "Tongchuang"),
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
    ("五个城市参加。", "Four cities took part.", 1),
    ("2018年11月5日宣布。", "It was announced on November 5, 2018.", 0),
    ("增长了百分之三十。", "It grew by 30%.", 0),
    ("三年来取得成效。", "In the past three years it worked.", 0),
])
def test_numbers(zh, en, expected):
    flags = run_checks(_context([(zh, en)]), ["numbers"])
    assert len(flags) >= expected and (expected or not flags)


def test_pinyin_flags_untranslated_but_not_names():
    flags = run_checks(_context([("推动科创走廊建设，合肥参与。",
                                  "Promote the Kechuang corridor, Hefei takes part.")]), ["pinyin"])
    assert [f.tgt_span for f in flags] == ["Kechuang"]


def test_repetition_ignores_allowed_doubles():
    flags = run_checks(_context([("他说了。", "He said that that was fine, very very fine.")]),
                       ["repetition"])
    assert flags == []


def test_glossary_longest_match_and_forbidden():
    glossary = [GlossaryEntry("长三角", "Yangtze River Delta", "approved", forbidden=("long triangle",)),
                GlossaryEntry("长三角生态绿色一体化发展示范区",
                              "Yangtze River Delta Ecological Green Integrated Development Demonstration Zone",
                              "approved")]
    context = _context([
        ("长三角生态绿色一体化发展示范区成立。",
         "The Yangtze River Delta Ecological Green Integrated Development Demonstration Zones were set up."),
        ("长三角发展。", "The long triangle develops."),
        ("长三角发展。", "The Yangtze-River-Delta's growth."),
    ], glossary)
    flags = run_checks(context, ["glossary"])
    assert [(f.bead, f.tgt_span) for f in flags] == [(1, "long triangle"), (1, "")]


def test_omission_and_addition():
    flags = run_checks(_context([("标题", ""), ("", "Editor: Wang"), ("正文。", "Body.")]),
                       ["omission"])
    assert [f.category for f in flags] == ["accuracy/omission", "accuracy/addition"]
