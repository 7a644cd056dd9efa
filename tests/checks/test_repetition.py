"""The repetition check: correct translations that must not be flagged next to wrong ones that must."""

from __future__ import annotations

import pytest

from align.checks import run_checks
from tests.helpers import check_context, flags_found


@pytest.mark.parametrize("zh, en, expected", [
    ("合肥是重要城市。", "Hefei Hefei is an important city.", ["Hefei Hefei"]),
    ("温度降到负120度，负120度！", "It fell to minus 120 degrees, minus 120 degrees!", []),
    ("它虽然小，但是它很重要。", "It is small, it, it matters a lot.", []),
    # speech: a speaker's own doubling, said again in English, is faithful; a doubling the
    # source does not have is not
    ("对对对，就是这样。", "Right, right, right, that's it.", []),
    ("对，对，您说得对。", "Right, right, you're right.", []),
    ("您说得对。", "Right, right, you're right.", ["Right, right"]),
    ("好好好，我知道了。", "OK, OK, OK, I got it.", []),
    ("我知道了。", "OK, OK, OK, I got it.", ["OK, OK, OK"]),
    ("我们聊一聊，呃，聊一聊这个。", "Let's talk, talk about this.", []),
    ("我们聊一聊这个。", "Let's talk, talk about this.", ["talk, talk"]),
    ("这个非常非常重要。", "This is really, really important.", []),
    ("这个真正难。", "This is really, really hard.", ["really, really"]),
    ("等等，你说什么？", "Wait, wait, what did you say?", []),
    ("你常常等我。", "You wait, wait for me often.", ["wait, wait"]),
    ("袜子破了长，长了破。", "The blisters burst and grow back, grow back and burst again.", []),
    ("袜子破了又长。", "The blisters burst and grow back, grow back.", ["grow back, grow back"]),
])
def test_repetition(zh, en, expected):
    assert [span for _, _, span in flags_found(zh, en, "repetition")] == expected


def _sentence_flags(pairs):
    return [f.kind for f in run_checks(check_context(pairs), ["repetition"])]


def test_a_refrain_the_speaker_says_again_is_no_repeated_sentence():
    # a talk says “每一件都很难。” twice, lines apart: the English says it twice too
    said_twice = [("每一件事都很难。", "Every single thing was hard to do."),
                  ("我们还是坚持下来了。", "We kept going anyway."),
                  ("真的，每一件事都很难。", "Every single thing was hard to do.")]
    assert _sentence_flags(said_twice) == []


def test_a_sentence_repeated_for_another_source_is_flagged():
    copied = [("我们去年去了北京。", "We went to Beijing last year."),
              ("他们今年去了上海。", "We went to Beijing last year.")]
    assert _sentence_flags(copied) == ["sentence"]
