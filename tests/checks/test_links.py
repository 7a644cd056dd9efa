"""The term alignment: a name's cues, pinyin read in context, one English word for one term,
and an abbreviation rendering the name it shortens.
"""

from __future__ import annotations

from align.language import lexicon
from align.checks.links import align_terms


def test_a_names_cues_are_the_name_not_its_description():
    # 长沙 'Changsha prefecture-level city and capital of Hunan province in south central China'
    alignment = align_terms("长沙和中国其他城市一样。", "Changsha is like other cities in China.")
    assert _rendered(alignment)["中国"] == "China"
    assert _rendered(alignment)["长沙"] == "Changsha"
    # ...while a name's own lower-case words stay: 商务部 'Ministry of Commerce'
    alignment = align_terms("商务部表示。", "The Ministry of Commerce said.")
    assert [(alignment.text_of(link), link.evidence) for link in alignment.links] == \
        [("Ministry of Commerce", "sense")]


def test_a_romanised_sense_keeps_its_bracketed_meaning():
    # 包子 'bao (steamed stuffed bun)': without its brackets the sense said only "bao", so
    # "buns" went unlinked and the clause read as dropped (MAC-Test 002's machine translation)
    alignment = align_terms("我把那一包包子都给了勒都。", "I gave Ledu all the buns.")
    assert _rendered(alignment)["包子"] == "buns"
    alignment = align_terms("炕上坐着一个老人。", "An old man sat on the heatable brick bed.")
    assert _rendered(alignment).get("炕上") == "heatable brick bed"
    # ...but a bracket that gives no meaning adds none: 'amen (loanword)'
    assert lexicon.senses("阿门") == ("amen (loanword)",)


def test_pinyin_read_a_character_at_a_time_is_pypinyin_in_context():
    # a word none of whose characters has two readings is spelled from the characters' own
    # readings (cached), without pypinyin's phrase search: the same pinyin for every such
    # word of CC-CEDICT (here a fifth of them)
    from pypinyin import Style, lazy_pinyin

    words = [w for w in lexicon.cedict() if lexicon.HAN_RUN.fullmatch(w)][::5]
    single = [w for w in words if all(len(lexicon.readings(c)) == 1 for c in w)]
    assert len(single) > 5000
    assert [lexicon.pinyin(w) for w in single] == \
        ["".join(lazy_pinyin(w, style=Style.NORMAL)).lower() for w in single]
    # ...and a word with a character read two ways is read in context
    assert (lexicon.pinyin("重庆"), lexicon.pinyin("银行"), lexicon.pinyin("长江")) == \
        ("chongqing", "yinhang", "changjiang")


def _rendered(alignment):
    """Source term → the English it is linked to."""
    return {"".join(alignment.units[u].text for u in link.units): alignment.text_of(link)
            for link in alignment.links}


def test_links_one_word_one_term_and_leftovers():
    alignment = align_terms("据欧盟委员会估计，欧盟的申根国家去年收到超92万份庇护申请。",
                            "According to the European Commission, Schengen countries in the EU "
                            "received over 920,000 asylum applications last year.")
    rendered = _rendered(alignment)
    assert rendered["欧盟委员会"] == "European Commission"
    assert rendered["去年"] == "last year"
    assert rendered["92万份"] == "920,000"
    assert rendered["申根"] == "Schengen"
    tokens = [k for link in alignment.links for k in range(link.first, link.end)]
    assert len(tokens) == len(set(tokens))  # one English word renders one source term


def test_links_take_the_part_of_a_run_another_word_claims():
    alignment = align_terms("如果台湾出现危机，美军可能会在菲律宾的基地发动行动。",
                            "If there is a crisis in Taiwan, the US military may launch "
                            "operations from bases in the Philippines.")
    rendered = _rendered(alignment)
    assert rendered["危机"] == "crisis" and rendered["台湾"] == "Taiwan"


def test_an_abbreviation_renders_the_name_it_shortens():
    # the initials of a dictionary sense ('United States', 'European Union'), in capitals:
    # MQM dev left 美国 unlinked beside "US" 119 times
    rendered = _rendered(align_terms("美国和欧盟在北约会议上对世卫组织表态。",
                                     "The U.S. and the EU spoke about WHO at the NATO meeting."))
    assert (rendered["美国"], rendered["欧盟"], rendered["北约"], rendered["世卫组织"]) == \
        ("U.S", "EU", "NATO", "WHO")
    # a description's acronym is no abbreviation of the word: 美联储 is not "US"
    assert _rendered(align_terms("美联储宣布加息。", "The US announced a rate hike.")).get("美联储") != "US"
    # the pronoun "us" is not the US
    assert "美国" not in _rendered(align_terms("美国告诉我们。", "It told us."))
