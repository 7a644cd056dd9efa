"""The consistency check: one finding with its places, dictionary synonyms and place names
left alone.
"""

from __future__ import annotations

from align.checks import run_checks
from tests.helpers import check_context


def test_consistency_is_one_finding_with_its_places():
    context = check_context([
        ("我们坐高铁去北京。", "We took the high-speed rail to Beijing."),
        ("我们坐高铁去北京。", "We took the high iron to Beijing."),
        ("高铁很快。", "The high-speed rail is fast."),
        ("高铁很快。", "The high iron is fast."),
    ])
    flags = run_checks(context, ["consistency"])
    assert len(flags) == 1
    flag = flags[0]
    assert (flag.src_term, flag.tgt_span, flag.bead) == ("高铁", "high iron", 1)
    assert [(p.bead, p.tgt_span) for p in flag.places] == [(3, "high iron")]
    assert flag.suggestion == "high-speed rail"


def test_consistency_leaves_dictionary_synonyms_alone():
    context = check_context([("欧盟峰会召开。", "The EU summit opened."),
                        ("欧盟峰会召开。", "The European Union summit opened.")])
    assert run_checks(context, ["consistency"]) == []


def test_consistency_follows_no_place_names():
    context = check_context([("长三角发展。", "The long triangle develops."),
                        ("长三角发展。", "The Yangtze River Delta develops.")])
    assert run_checks(context, ["consistency"]) == []
