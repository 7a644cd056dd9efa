"""Glossary: term extraction, rendering mining, proposals, curation across rebuilds, the CSV
and TBX formats (lossless round trip), malformed files and a reversed glossary."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from align.errors import FormatError, GlossaryError
from align.glossary.curate import build
from align.glossary.extract import extract_terms
from align.glossary.io import (Glossary, glossary_csv, glossary_tbx, load_glossary, parse_csv,
                               parse_tbx)
from align.glossary.mine import coverage, mine_renderings, propose
from align.language.terms import dictionary_meaning
from align.types import GlossaryEntry

from tests.helpers import SEEDS

CORPUS = [SEEDS / f"{name}.txt" for name in
          ("000_91fa2b82305ae014", "001_628a9ab5b27ceb38", "002_ee36ff66a312e937", "004_1a64511fa196d808")]


@pytest.fixture(scope="module")
def seed_terms():
    from align.glossary.extract import corpus_sentences

    return extract_terms(corpus_sentences(CORPUS), top=50)


def test_seed_corpus_terms_include_multiword_terms_and_abbreviations(seed_terms):
    top = [t.term for t in seed_terms]
    for term in ("长三角", "长三角生态绿色一体化发展示范区", "虹桥国际开放枢纽", "G60科创走廊", "临港新片区", "科创"):
        assert term in top, term
    # general-language words and transliterated place names are not terms
    for word in ("发展", "上海", "合肥", "我们", "工作"):
        assert word not in top, word


def test_nested_fragments_are_dropped(seed_terms):
    top = [t.term for t in seed_terms]
    assert "生态绿色一体化发展示范区" not in top  # only ever inside the full name
    assert all(t.cvalue > 0 for t in seed_terms)


def test_extraction_on_a_small_corpus_of_my_own():
    sentences = [("a", "自由贸易试验区建设取得进展。"), ("a", "推进自由贸易试验区改革。"),
                 ("b", "自由贸易试验区的制度创新。"), ("b", "我们今天开会。")]
    terms = [t.term for t in extract_terms(sentences)]
    assert terms[0] == "自由贸易试验区"
    assert "今天" not in terms


def test_term_meaning_follows_abbreviations_and_trims_names():
    assert dictionary_meaning("长三角") == "Yangtze River Delta"
    assert dictionary_meaning("自贸区") == "free trade zone"  # abbr. for 自由贸易区
    assert dictionary_meaning("虹桥") == "Hongqiao"
    # an idiom's meaning is what follows "fig.", not the picture ("lit. fish and dragons ...")
    assert dictionary_meaning("鱼龙混杂") == "crooks mixed in with the honest folk"


PAIRS = [("推动长三角一体化。", "Promote the integration of the long triangle."),
         ("长三角发展很快。", "The Yangtze River Delta grows fast."),
         ("长三角是增长极。", "The Yangtze River Delta is a growth pole."),
         ("科创走廊建设。", "Building the Kechuang corridor.")]


def test_renderings_are_mined_with_counts_and_literal_ones_marked():
    found = mine_renderings(["长三角", "科创"], PAIRS)
    assert found["长三角"].seen["Yangtze River Delta"] == 2
    assert found["长三角"].literal["long triangle"] == 1
    assert found["科创"].pinyin["Kechuang"] == 1
    proposal = propose("长三角", found["长三角"], "")
    assert proposal.en == "Yangtze River Delta" and "long triangle" in proposal.forbidden
    assert propose("科创", found["科创"], "").forbidden == ("Kechuang",)


def test_proposal_from_full_form_in_the_corpus_and_coverage():
    assert coverage("长三角一体化", "Yangtze River Delta integration") == 1.0
    assert coverage("长三角一体化", "Yangtze River") == 0.5


def test_rebuild_keeps_reviewer_decisions():
    entries, added = build(CORPUS[:2], [], [], top=30)
    assert added == len(entries) == 30
    decided = [replace(entries[0], en="REVIEWED", status="approved", note="mine"),
               replace(entries[1], status="forbidden")] + entries[2:]
    again, added = build(CORPUS, [], decided, top=40)
    by_term = {e.zh: e for e in again}
    assert by_term[entries[0].zh].en == "REVIEWED" and by_term[entries[0].zh].status == "approved"
    assert by_term[entries[0].zh].note.startswith("mine")
    assert by_term[entries[1].zh].status == "forbidden"
    assert added > 0 and len(again) == 30 + added  # new terms appended as candidates
    assert all(e.status == "candidate" for e in again[30:])


def test_starter_glossary_is_curated_and_loads():
    entries = load_glossary(SEEDS / "glossary.csv").entries
    approved = [e for e in entries if e.status == "approved"]
    assert len(approved) >= 40
    assert all(e.note for e in approved if e.zh in ("虹桥国际开放枢纽", "临港新片区", "中国国际进口博览会"))
    by_term = {e.zh: e for e in entries}
    assert "long triangle" in by_term["长三角"].forbidden and "faucet" in by_term["龙头"].forbidden


def test_starter_glossary_flags_seed_errors_and_not_correct_renderings(seed_run, tmp_path):
    from align.checks import CheckContext, run_checks

    result, _ = seed_run
    context = CheckContext(result.pairs, result.alignment.source, result.alignment.target,
                           list(load_glossary(SEEDS / "glossary.csv").entries))
    flags = run_checks(context, ["glossary"])
    spans = {f.tgt_span for f in flags}
    for wrong in ("long triangle", "faucet", "G60 Kechuang Corridor", "Tongchuang", "new film area",
                  "first chess", "my country", "double cycle", "Free Trade Test Zone"):
        assert wrong in spans, wrong
    for right in ("Yangtze River Delta", "China International Import Expo", "growth poles",
                  "world-class industrial clusters", "symposium"):
        assert right not in spans, right


# ---------------------------------------------------------------------- formats

ENTRIES = [GlossaryEntry("长三角", "Yangtze River Delta", "approved", ("YRD",), ("long triangle",),
                         "note with, comma & <b>", 12, "curated"),
           GlossaryEntry("龙头", "leader", "admitted", ("leading role",), ("faucet", "tap"), "", 3, ""),
           GlossaryEntry("科创", "", "candidate", (), ("Kechuang",), "", 0, "extracted"),
           GlossaryEntry("牛鼻子", "cow nose", "forbidden", (), (), "literal", 1, "")]


def test_csv_and_tbx_round_trip_losslessly(tmp_path):
    assert parse_csv(glossary_csv(ENTRIES), "g.csv") == ENTRIES
    assert parse_tbx(glossary_tbx(ENTRIES), "g.tbx") == ENTRIES
    (tmp_path / "g.csv").write_text(glossary_csv(ENTRIES), encoding="utf-8")
    cli = [sys.executable, "-m", "align", "glossary"]
    subprocess.run([*cli, "export", str(tmp_path / "g.csv"), "--out", str(tmp_path / "g.tbx")], check=True)
    subprocess.run([*cli, "import", str(tmp_path / "g.tbx"), "--out", str(tmp_path / "back.csv")], check=True)
    assert load_glossary(tmp_path / "back.csv") == Glossary(tuple(ENTRIES))
    assert "administrativeStatus\">deprecatedTerm-admn-sts" in (tmp_path / "g.tbx").read_text()


@pytest.mark.parametrize("text, problem", [
    ("zh,en\n长三角,Yangtze River Delta,extra,cells\n", "line 2"),
    ("zh,en,status\n长三角,Yangtze River Delta,maybe\n", "status 'maybe'"),
    ("term,translation\n长三角,YRD\n", "header"),
    ("zh,en\n,Yangtze River Delta\n", "zh cell is empty"),
    ("zh,en,frequency\n长三角,YRD,many\n", "frequency"),
    ("", "empty"),
    ('zh,en\n"长三角,YRD\n', "line"),
])
def test_malformed_csv_names_file_line_and_problem(text, problem):
    with pytest.raises(GlossaryError) as info:
        parse_csv(text, "bad.csv")
    assert "bad.csv" in str(info.value) and problem in str(info.value)


def test_malformed_tbx_names_line():
    with pytest.raises(GlossaryError, match=r"bad.tbx, line 3"):
        parse_tbx('<?xml version="1.0"?>\n<tbx>\n<text><body></tbx>', "bad.tbx")


def test_reversed_glossary_is_detected():
    with pytest.raises(GlossaryError, match="wrong direction"):
        parse_csv("zh,en\nYangtze River Delta,长三角\nleader,龙头\n", "rev.csv")


def test_duplicates_merge_with_a_warning(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("zh,en,variants\n长三角,Yangtze River Delta,\n长三角,YRD,the Delta\n"
                    "临港新片区,Lingang Special Area,\n", encoding="utf-8")
    glossary = load_glossary(path)
    assert [e.zh for e in glossary.entries] == ["长三角", "临港新片区"]
    assert glossary.entries[0].variants == ("YRD", "the Delta")
    assert glossary.warnings == (f"{path}: term 长三角 appears more than once; entries merged",)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<tbx><text><body><termEntry><langSet xml:lang="zh"><tig><term>&lol3;</term></tig></langSet></termEntry></body></text></tbx>"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tbx><text><body><termEntry><langSet xml:lang="zh"><tig><term>&xxe;</term></tig></langSet></termEntry></body></text></tbx>"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_hostile_xml_is_refused(payload):
    with pytest.raises(FormatError, match="unsafe XML"):
        parse_tbx(payload, "evil.tbx")


def test_a_rendering_is_found_across_the_gaps_between_its_words():
    from align.glossary.match import find_rendering

    assert find_rendering("Xi'an", "flights to Xi’an resumed")
    assert find_rendering("pilot zone", "the Pilot-Zones' rules")
    assert find_rendering("β-blocker", "a β blocker was given")
    assert not find_rendering("β-blocker", "a beta blocker was given")
    assert not find_rendering("Xi'an", "Xian Electric")


def test_the_dictionary_vocabulary_keeps_a_word_seen_only_as_a_possessive():
    from align.language.lexicon import english_vocabulary

    assert {"brewer", "midwest"} <= english_vocabulary()
    assert "Beijing" not in english_vocabulary() and "beijing" not in english_vocabulary()


def test_a_meaning_that_is_an_english_compound_of_a_part_is_compositional():
    from align.language.terms import is_compositional

    assert is_compositional("中西部")  # 'midwest': 中西 'west' + 'mid'
    assert not is_compositional("长三角")  # 'Yangtze River Delta'
    assert not is_compositional("出水")  # 'discharge' is no 'dis' + 'charge'

