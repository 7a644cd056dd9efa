"""Negation: a 不/没/未/非/无 the translation drops, or a "not/no/never/without" it adds.

A flipped negation inverts the meaning, so either is a major finding. Only explicit negators
count (jieba words such as 不, 没有, 未能, 无法, 并非); words that merely contain one (不断
continuously, 不少 many, 非常 very, 无论 no matter) do not, nor does a double negation
(不得不 must). An English negation may be a word (not, never, without, unable, fail to) or a
prefix (unclear, impossible, illegal, dissatisfied).
"""

from __future__ import annotations

import regex

from ..language import lexicon
from ..language.english import tokens
from .links import TermAlignment
from ..types import Flag, Severity
from . import CheckContext, register

NEGATORS = frozenset("""不 没 没有 未 未能 未曾 尚未 仍未 从未 从不 并不 并未 并非 绝不 决不 毫不
无法 无从 不能 不会 不再 不要 不得 不可 不必 不用 不是 别 勿 莫 非 否 没能 未必 不曾 不准 不肯
不愿 不敢 不让""".split())
# double negations and rhetorical questions read as affirmatives
_AFFIRMATIVE = regex.compile(r"不得不|不能不|不会不|不可不|没有不|无.{0,2}不|非.{1,3}不可|何尝不|难道不|"
                             r"莫不|未尝不|忍不住|不由得|不禁|不免|不觉|不久|不一会")
# characters that make a source word negative in meaning (拒绝 refuse, 缺乏 lack, 禁止 ban):
# a translation may then say "not" without adding a negation
_NEGATIVE_CHARS = frozenset("不没未无非否别勿莫拒禁缺难少失免绝停止反否阻防杜抵")

_EN_NEGATION = regex.compile(
    r"\b(?:not|no|never|neither|nor|none|nobody|nothing|nowhere|without|cannot|unable|"
    r"fail(?:s|ed|ing|ure)?|refus(?:e|es|ed|ing|al)|lack(?:s|ed|ing)?|absen(?:ce|t)|"
    r"den(?:y|ies|ied)|reject(?:s|ed|ing|ion)?|hardly|barely|rarely|seldom|instead|"
    r"prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|stop(?:s|ped|ping)?|ban(?:s|ned)?|"
    r"ceas(?:e|es|ed|ing)|halt(?:s|ed)?|quit(?:s)?|beyond|impossible|unless)\b"
    r"|n['’]t\b", regex.I)
_EN_EXPLICIT = regex.compile(r"\b(?:not|no|never|neither|nor|none|nobody|nothing|nowhere|"
                             r"without|cannot)\b|n['’]t\b", regex.I)
_NEGATIVE_PREFIX = regex.compile(r"^(?:un|non)(?=[a-z]{3,})")
# in-/im-/il-/ir-/dis- also open many positive words (increase, discuss): only these negate
_NEGATIVE_WORDS = frozenset("""impossible illegal illegally irregular inability incapable
insufficient invalid inaccurate incorrect incomplete inadequate ineffective independent
independence inevitable disagree disagreed dislike dissatisfied disapprove disapproved
indifferent insignificant immoral improper irrelevant irresponsible inappropriate""".split())


@register("negation")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.matched:
        alignment = context.links(pair)
        # a one-character negator must read as an adverb or verb (莫 of 莫德罗 Modrow does
        # not); jieba's tags for the longer ones vary (无法 comes out as a noun)
        negators = [u for u in alignment.units if u.text in NEGATORS and not u.name
                    and (len(u.text) > 1 or u.tag[:1] in ("d", "v"))]
        negated = [u for u in negators if _predicate_rendered(alignment, u)]
        if negated and not _AFFIRMATIVE.search(pair.source_text) and \
                not _negated(pair.target_text):
            u = negated[0]
            flags.append(Flag("negation", "accuracy/mistranslation", Severity.MAJOR, pair.index,
                              pair.source_ids, pair.target_ids, src_term=u.text,
                              source_offsets=(u.start, u.end), kind="dropped",
                              message=f"the source negates with {u.text} but the target "
                                      "says nothing negative: the meaning may be inverted"))
        elif not negators and not _negative_source(alignment):
            found = _EN_EXPLICIT.search(pair.target_text)
            if found and not _idiomatic(pair.target_text, found):
                flags.append(Flag("negation", "accuracy/mistranslation", Severity.MAJOR,
                                  pair.index, pair.source_ids, pair.target_ids,
                                  tgt_span=found.group(), target_offsets=found.span(),
                                  kind="added",
                                  message=f'the target negates ("{found.group()}") but the '
                                          "source has no negation: the meaning may be inverted"))
    return flags


def _predicate_rendered(alignment: TermAlignment, negator) -> bool:
    """The word the negator governs (the next content word) is rendered: the translation says
    the thing, so it should say it negated. A clause paraphrased as a whole proves nothing."""
    k = alignment.units.index(negator)
    following = [j for j in range(k + 1, min(len(alignment.units), k + 4))
                 if alignment.units[j].content]
    return bool(following) and alignment.link_of(following[0]) is not None


def _negated(text: str) -> bool:
    if _EN_NEGATION.search(text):
        return True
    vocabulary = lexicon.english_vocabulary()
    for word in (t.bare for t in tokens(text)):
        if word in _NEGATIVE_WORDS:
            return True
        prefix = _NEGATIVE_PREFIX.match(word)
        if prefix and word in vocabulary and word[prefix.end():] in vocabulary:
            return True  # unclear, unable, nonprofit
    return False


def _negative_source(alignment: TermAlignment) -> bool:
    return any(c in _NEGATIVE_CHARS for u in alignment.units if u.han for c in u.text)


def _idiomatic(text: str, found: regex.Match) -> bool:
    """English uses that negate nothing in the source's sense: "not only", "no longer than",
    "no. 5", "whether or not", "nothing but"."""
    after = text[found.end():found.end() + 12].lower()
    before = text[max(0, found.start() - 10):found.start()].lower()
    word = found.group().lower()
    return (word == "not" and after.startswith((" only", " just", " least", " to mention"))) or \
        (word == "no" and (after.startswith((".", " matter", " doubt", " less", " more than"))
                           or before.endswith(("or ",)))) or \
        (word == "not" and before.endswith(("whether or ", "or "))) or \
        (word == "nothing" and after.startswith(" but"))
