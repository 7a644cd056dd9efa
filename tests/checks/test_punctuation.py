"""The punctuation check: marks a Chinese source leaves behind in English, right and wrong
renderings side by side."""

from __future__ import annotations

import pytest

from tests.helpers import flags_found


@pytest.mark.parametrize("zh, en, expected", [
    # full-width marks carried into the English
    ("他说：“我们明天去北京。”", "He said： “We are going to Beijing tomorrow。”",
     [("full_width", "："), ("full_width", "。")]),
    ("他说：“我们明天去北京。”", "He said: “We are going to Beijing tomorrow.”", []),
    ("合肥、南京和杭州（长三角）都在增长！", "Hefei，Nanjing and Hangzhou （the Yangtze Delta） grow！",
     [("full_width", "，"), ("full_width", "（"), ("full_width", "）"), ("full_width", "！")]),
    ("合肥、南京和杭州（长三角）都在增长！", "Hefei, Nanjing and Hangzhou (the Yangtze Delta) grow!", []),
    # Chinese left in the English is the untranslated check's, its marks with it
    ("打开“经济观察网”。", "Open 经济观察网，专业财经新闻网站.", []),
    # curly quotes are English typography, not full-width
    ("她问：“你好吗？”", "She asked, “How are you?”", []),
])
def test_full_width_marks(zh, en, expected):
    assert [(kind, span) for kind, _, span in flags_found(zh, en, "punctuation")
            if kind == "full_width"] == expected


@pytest.mark.parametrize("zh, en, expected", [
    ("他很高兴（真的）。", "He was very happy (really.", ["("]),
    ("他很高兴（真的）。", "He was very happy (really).", []),
    ("她说：“走吧。”", "She said, “Let’s go.", ["“"]),
    ("她说：“走吧。”", "She said, “Let’s go.”", []),
    ("她说：“走吧。”", 'She said, "Let’s go.', ['"']),
    # a quote the source leaves open too (dialogue over several segments) is faithful
    ("她说：“走吧。", "She said, “Let’s go.", []),
    # MAC-Test: quotes the translator adds where the source has none, and a whole quotation
    # whose closing quote the alignment put in the next segment
    ("蒋丽莉大了声说：天下女人都死光了吗？", 'She raised her voice, "What, are all the women dead?',
     []),
    ("“没关系，我已经没有放射性了。”", '"I\'m not radioactive anymore.', []),
    # MQM dev (GPT4-5shot): the closing quote of the outlet's name became an apostrophe
    ("美国升级“芯片战”重创全球半导体产业-中新网", '"US Escalates \'Chip War\', Severely Damaging Industry',
     ['"']),
])
def test_unpaired_brackets_and_quotes(zh, en, expected):
    assert [span for kind, _, span in flags_found(zh, en, "punctuation")
            if kind == "unpaired"] == expected


@pytest.mark.parametrize("zh, en, expected", [
    ("这是一个相当长的句子，结尾有一个句号。", "This is a fairly long sentence that lost its full stop",
     ["final_lost"]),
    ("这是一个相当长的句子，结尾有一个句号。", "This is a fairly long sentence that kept its full stop.",
     []),
    ("长三角一体化", "Yangtze River Delta integration", []),  # a heading: no mark on either side
    ("他走了。", "He left", []),  # too short to judge: a caption
    ("他们说，这是一个好的开始，值得庆祝。", "They said it was a good start ,  worth celebrating.",
     ["spacing", "spacing"]),
    ("他们说，这是一个好的开始，值得庆祝。", "They said it was a good start, worth celebrating.", []),
])
def test_spacing_and_final_mark(zh, en, expected):
    assert [kind for kind, _, _ in flags_found(zh, en, "punctuation")] == expected


def test_a_quote_running_over_two_segments_is_not_unpaired():
    from align.checks import run_checks
    from tests.helpers import check_context

    context = check_context([("他说：“我们明天去北京。", 'He said, "We are going to Beijing tomorrow.'),
                             ("那里很冷。”", 'It is cold there."'),
                             ("我们走了。", "We left."),
                             ("她说：“走吧。”", 'She said, "Let’s go.')])
    assert [(f.bead, f.kind) for f in run_checks(context, ["punctuation"])] == [(3, "unpaired")]
