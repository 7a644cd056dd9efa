"""Untranslated pinyin: romanised Chinese left in the target ("Kechuang" for 科创).

A word is flagged only when it spells the pinyin of characters in the paired source and
those characters are not a person, place or organisation name (Hefei, Gong Zheng pass).
"""

from __future__ import annotations

import regex

from .. import lexicon
from ..types import Flag, Severity
from . import CheckContext, register

_NAME_TAGS = ("nr", "ns", "nt", "nrt", "nrfg")


@register("pinyin")
def check(context: CheckContext) -> list[Flag]:
    vocabulary = lexicon.english_vocabulary()
    flags: list[Flag] = []
    for pair in context.matched:
        for token in context.target_tokens(pair):
            word = token.lower
            if len(word) < 4 or not word.isalpha() or not word.isascii() or word in vocabulary:
                continue
            han = _spelled_in(word, pair.source_text)
            if han is None or _is_name(han, pair.source_text, pair.target_text, token.start):
                continue
            flags.append(Flag("pinyin", "accuracy/untranslated", Severity.MAJOR, pair.index,
                              pair.source_ids, pair.target_ids, src_term=han,
                              tgt_span=token.text, suggestion=_suggest(han),
                              message=f'"{token.text}" is the pinyin of {han}, left untranslated'))
    return flags


def _spelled_in(word: str, source: str) -> str | None:
    """The Han substring of `source` (1-4 characters) whose toneless pinyin is `word`."""
    wanted = (word, word.replace("u", "v"))
    for run in lexicon.HAN_RUN.finditer(source):
        text = run.group()
        syllables = lexicon.syllables(text)  # in context, so polyphones read as in the run
        for size in (2, 3, 4, 1):
            for i in range(len(text) - size + 1):
                if "".join(syllables[i:i + size]).replace("ü", "v") in wanted:
                    return text[i:i + size]
    return None


def _is_name(han: str, source: str, target: str, at: int) -> bool:
    if lexicon.is_proper_name(han):
        return True
    # "Gong Zheng": a surname then a given name, both capitalised pinyin
    before = regex.search(r"([A-Z][a-z]+)\s+$", target[:at])
    index = source.find(han)
    if index > 0 and source[index - 1] in lexicon.SURNAMES and before and \
            lexicon.pinyin(source[index - 1]) == before.group(1).lower():
        return True
    # the costliest test last: jieba's part-of-speech tags for names
    return any(han in word and (flag in _NAME_TAGS or lexicon.is_proper_name(word))
               for word, flag in lexicon.tagged_words(source))


def _suggest(han: str) -> str:
    own = lexicon.senses(han)
    if own:
        return "; ".join(own[:2])
    pieces = [lexicon.senses(c)[:1] for c in han]
    return " + ".join(f"{c}: {p[0]}" for c, p in zip(han, pieces) if p)
