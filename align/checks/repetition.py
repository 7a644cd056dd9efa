"""Repetition: doubled words and phrases ("Hefei Hefei", "China, China, China") and repeated
target sentences whose source is not repeated.

A doubling the source has too (负120度，负120度; G60 G60) is faithful, and a pronoun or
function word on both sides of a comma ("it, it") is two clauses, not a stutter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from ..language.english import JOINED_WORD, STOPWORDS
from ..types import Flag, Severity
from . import CheckContext, register

# a run of two or more characters said again at once, maybe after a comma or a filler:
# 负120度，负120度; 聊一聊，呃，聊一聊
_FILLER = r"(?:[，、,\s…—]*(?:呃|嗯|啊|那个)[，、,\s…—]*)?"
_SOURCE_REPEAT = regex.compile(rf"(.{{2,12}}?)[，、,\s…—]*{_FILLER}\1")
# ...or one character said again across a comma (对，对; 破了长，长了破), three times in a row
# (对对对, 好好好), or twice as a clause of its own (等等，你说什么？ "Wait, wait"): speech,
# where a reduplicated word inside a clause (常常, 慢慢来) is none
_SOURCE_REPEAT_ONE = regex.compile(r"(\p{Han})(?:[，、,\s…—]+\1|\1\1)"
                                   r"|(?:^|[，。！？；：“”「」\s])(\p{Han})\2(?=[，。！？；：…—”」\s]|$)")

_WITHIN = regex.compile(r"\s+")  # between the words of one phrase
_BETWEEN = regex.compile(r"\s*,\s*|\s+")  # between a phrase and its repeat


@dataclass(frozen=True)
class RepetitionSettings:
    max_phrase: int = 4  # longest doubled phrase looked for, in words
    min_sentence: int = 20  # a repeated sentence shorter than this (characters) may be a refrain
    # a repeated target sentence whose source shares this share of its two-character pieces
    # with the first one's source is a speaker's refrain rendered twice, not a slip
    # (为什么呢 and 这是为什么呢 share all; 我们去了北京 and 他们去了上海 two of five)
    same_source: float = 0.6


SETTINGS = RepetitionSettings()
# doubles that English allows
_ALLOWED = {"that", "had", "is", "bye", "very", "so", "no", "yes", "ha", "many", "more", "far",
            "again", "step by", "day by", "by"}


@register("repetition")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    # a target sentence: where it was first said (sentence, pair) and the source it rendered
    seen: dict[str, tuple[int, int, str]] = {}
    for pair in context.pairs:
        if not pair.target_ids:
            continue
        for phrase, span in doubled(pair.target_text):
            if phrase.lower() in _ALLOWED or phrase.isdigit():
                continue
            if _doubled_in_source(phrase, pair.source_text):
                continue
            if phrase.lower() in STOPWORDS and "," in span:
                continue  # "it, it": two clauses
            flags.append(Flag("repetition", "fluency/repetition", Severity.MINOR, pair.index,
                              pair.source_ids, pair.target_ids, tgt_span=span,
                              suggestion=phrase, message=f'"{phrase}" is repeated', kind="words"))
        for j in pair.target_ids:
            key = " ".join(context.target[j].text.lower().split())
            if len(key) < SETTINGS.min_sentence:
                continue
            if key in seen and pair.source_ids and \
                    not _said_again(seen[key][1:], pair.index, pair.source_text):
                flags.append(Flag("repetition", "fluency/repetition", Severity.MINOR,
                                  pair.index, pair.source_ids, (j,),
                                  tgt_span=context.target[j].text,
                                  message=f"sentence repeats target sentence {seen[key][0]}",
                                  kind="sentence"))
            seen.setdefault(key, (j, pair.index, pair.source_text))
    return flags


def _said_again(first: tuple[int, str], pair_index: int, source: str) -> bool:
    """Whether a source says again what an earlier one said: a speaker's refrain (“每一件都很
    难。” twice, lines apart), or one source said twice over within a pair (its target sentence
    twice). Alike when most of the shorter's two-character pieces are in the other."""
    index, earlier = first
    if index == pair_index:
        return _SOURCE_REPEAT.search(source) is not None

    def pieces(text: str) -> Counter[str]:
        han = "".join(regex.findall(r"\p{Han}", text))
        return Counter(han[k:k + 2] for k in range(len(han) - 1))

    a, b = pieces(earlier), pieces(source)
    shorter = min(sum(a.values()), sum(b.values()))
    return shorter > 0 and sum((a & b).values()) >= SETTINGS.same_source * shorter


def _doubled_in_source(phrase: str, source: str) -> bool:
    """A doubling the source has too is faithful: Latin text (G60 G60), or any Chinese run
    said twice in a row (负120度，负120度)."""
    if phrase.lower() in source.lower() and (phrase + " " + phrase).lower() in source.lower():
        return True
    return any(regex.search(r"[\p{Han}\d]", m.group(1)) for m in _SOURCE_REPEAT.finditer(source)) \
        or _SOURCE_REPEAT_ONE.search(source) is not None


def doubled(text: str) -> list[tuple[str, str]]:
    """(phrase, whole repeated span) for each run of a 1-4 word phrase said twice or more in a
    row, with spaces or a comma between: "Hefei Hefei", "China, China, China"."""
    words = list(JOINED_WORD.finditer(text))
    lower = [w.group().lower() for w in words]

    def gap(k: int) -> str:  # the text between word k and word k+1
        return text[words[k].end():words[k + 1].start()]

    found = []
    i = 0
    while i < len(words):
        for n in range(SETTINGS.max_phrase, 0, -1):
            if lower[i:i + n] != lower[i + n:i + 2 * n] or len(lower[i + n:i + 2 * n]) < n:
                continue
            if not all(_WITHIN.fullmatch(gap(k)) for k in range(i, i + n - 1)):
                continue
            end = i + n  # index of the first word after the last repeat
            while lower[end - n:end] == lower[end:end + n] and len(lower[end:end + n]) == n \
                    and _BETWEEN.fullmatch(gap(end - 1)) \
                    and all(_WITHIN.fullmatch(gap(k)) for k in range(end, end + n - 1)):
                end += n
            if end == i + n:
                continue
            phrase = text[words[i].start():words[i + n - 1].end()]
            found.append((phrase, text[words[i].start():words[end - 1].end()]))
            i = end - 1
            break
        i += 1
    return found
