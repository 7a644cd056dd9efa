"""Punctuation a Chinese source leaves behind in English: full-width marks (，。：；！？（）)
in the English, brackets and quotes left unpaired, doubled spaces, a space before a comma, and
a sentence-final mark lost.

Curly quotes “” are English typography too, and are not full-width. Full-width marks inside
Chinese text left in the English are the `untranslated` check's, and a bracket or quote the
source leaves open as well is faithful; so is one left open where a neighbouring pair leaves
one open too (dialogue running over several segments, which a novel's translator regroups).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..types import Flag, Pair, Severity
from . import CheckContext, register

# full-width forms (！ to ～), the ideographic space and comma, the CJK brackets and marks
_FULL_WIDTH = regex.compile(r"[\uff01-\uff5e\u3000-\u3003\u3008-\u3011\u3014-\u301b]+")
_HAN = regex.compile(r"\p{Han}")
# brackets and double quotes that must pair, on either side: (opening, closing)
_PAIRS = (("(", ")"), ("[", "]"), ("（", "）"), ("“", "”"), ("「", "」"), ("『", "』"),
          ("《", "》"), ("【", "】"))
_DOUBLE_SPACE = regex.compile(r"(?<=\S) {2,}(?=\S)")
# (a spaced ellipsis ". . ." is a literary convention, not a stray space)
_SPACE_BEFORE = regex.compile(r"(?<=[\p{Latin}\d]) +[,;](?=\s|$)|(?<=[\p{Latin}]) +\.(?=\s|$)(?!\s\.)")
# a sentence end: . ! ? … and their full-width forms, maybe followed by closing quotes and
# brackets; a colon or a dash ends a lead-in, which English keeps as it likes
_FINAL = regex.compile(r"[.!?…。！？:：;；—–\-][\"'”’」』）)\]]*\s*$")
_SOURCE_FINAL = regex.compile(r"[。！？!?…][”’」』）)\"']*\s*$")


@dataclass(frozen=True)
class PunctuationSettings:
    # a full-width mark within this many characters of a Han character belongs to Chinese
    # text left in the English (the untranslated check's finding), not to the English
    han_reach: int = 2
    # the lost sentence-final mark is judged only on a target this long (characters): a short
    # one is a heading or a caption, which English writes without a full stop
    min_final: int = 30


SETTINGS = PunctuationSettings()


@register("punctuation")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for k, pair in enumerate(context.pairs):
        if not (pair.source_ids and pair.target_ids):
            continue
        neighbours = tuple(p.target_text for p in context.pairs[max(0, k - 1):k + 2]
                           if p is not pair)
        flags += _full_width(pair) + _unpaired(pair, neighbours) + _spacing(pair)
        kinds = {context.source[i].kind for i in pair.source_ids}  # headings end with no mark
        if kinds <= {"paragraph", "line", "item"}:
            flags += _final(pair)
    return flags


def _full_width(pair: Pair) -> list[Flag]:
    text, flags = pair.target_text, []
    reach = SETTINGS.han_reach
    for m in _FULL_WIDTH.finditer(text):
        if _HAN.search(text, max(0, m.start() - reach), min(len(text), m.end() + reach)):
            continue
        flags.append(_flag(pair, "full_width", m,
                           f"full-width 「{m.group()}」 in the English (use "
                           f"{_half(m.group())!r})", suggestion=_half(m.group())))
    return flags


def _half(marks: str) -> str:
    """The ASCII form of full-width marks; 、 is a comma, 。 a full stop."""
    plain = {"\u3000": " ", "、": ",", "。": ".", "〈": "<", "〉": ">", "《": '"', "》": '"',
             "【": "[", "】": "]", "「": '"', "」": '"', "『": '"', "』": '"', "〔": "(",
             "〕": ")"}
    return "".join(plain.get(c, chr(ord(c) - 0xfee0) if "\uff01" <= c <= "\uff5e" else c)
                   for c in marks)


def _unpaired(pair: Pair, neighbours: tuple[str, ...]) -> list[Flag]:
    """Brackets and quotes without a partner in the target, where the source pairs them and
    each neighbouring target pairs its own."""
    flags = []
    for opening, closing in _PAIRS:
        at = _unbalanced(pair.target_text, opening, closing)
        if at is None or _unbalanced(pair.source_text, *_source_marks(opening, closing)) \
                is not None or any(_unbalanced(n, opening, closing) is not None
                                   for n in neighbours):
            continue
        mark = pair.target_text[at]
        flags.append(Flag("punctuation", "fluency/punctuation", Severity.MINOR, pair.index,
                          pair.source_ids, pair.target_ids, tgt_span=mark, kind="unpaired",
                          message=f"「{mark}」 has no {'closing' if mark == opening else 'opening'}"
                                  f" partner in the target",
                          target_offsets=(at, at + 1)))
    if _stray_quote(pair, neighbours):
        at = pair.target_text.rfind('"')
        flags.append(Flag("punctuation", "fluency/punctuation", Severity.MINOR, pair.index,
                          pair.source_ids, pair.target_ids, tgt_span='"', kind="unpaired",
                          message='an odd number of " in the target: one quote is not closed',
                          target_offsets=(at, at + 1)))
    return flags


def _source_marks(opening: str, closing: str) -> tuple[str, str]:
    """The source's marks for an English pair: ( may render （, " may render “ or 「."""
    return {"(": ("（(", "）)"), "[": ("[【〔", "]】〕"), "“": ("“「『", "”」』")}.get(
        opening, (opening, closing))


def _unbalanced(text: str, opening: str, closing: str) -> int | None:
    """The position of the first mark without a partner, or None when all pair."""
    stack: list[int] = []
    for k, char in enumerate(text):
        if char in opening:
            stack.append(k)
        elif char in closing:
            if not stack:
                return k
            stack.pop()
    return stack[0] if stack else None


def _stray_quote(pair: Pair, neighbours: tuple[str, ...]) -> bool:
    """An odd number of straight double quotes in the target, judged only where the source
    quotes within the pair and pairs its quotes: a novel's dialogue runs over many segments,
    and a translator adds quotes where the source has none (她说：走吧). A source that is one
    whole quotation rendered with a quote at one end only was regrouped, not broken."""
    source, target = pair.source_text.strip(), pair.target_text.strip()
    if not target.count('"') % 2 or any(n.count('"') % 2 for n in neighbours):
        return False
    quotes = sum(source.count(c) for c in '“”「」『』"')
    if not quotes or _unbalanced(source, "“「『", "”」』") is not None or source.count('"') % 2:
        return False
    whole = source[:1] in '“「"' and regex.search(r'[”」"][。！？.!?]?$', source)
    return not (whole and target.count('"') == 1 and (target[0] == '"' or target[-1] == '"'))


def _spacing(pair: Pair) -> list[Flag]:
    flags = []
    for m in _DOUBLE_SPACE.finditer(pair.target_text):
        flags.append(_flag(pair, "spacing", m, "a doubled space in the target", suggestion=" "))
    for m in _SPACE_BEFORE.finditer(pair.target_text):
        flags.append(_flag(pair, "spacing", m, f"a space before 「{m.group().strip()}」",
                           suggestion=m.group().strip()))
    return flags


def _final(pair: Pair) -> list[Flag]:
    """The source ends a sentence with 。！？ and the English stops with no mark at all."""
    source, target = pair.source_text.strip(), pair.target_text.rstrip()
    if len(target) < SETTINGS.min_final or not _SOURCE_FINAL.search(source):
        return []
    if _FINAL.search(target) or not regex.search(r"[\p{L}\d]$", target):
        return []
    end = len(target)
    return [Flag("punctuation", "fluency/punctuation", Severity.MINOR, pair.index,
                 pair.source_ids, pair.target_ids, tgt_span=target[-1], kind="final_lost",
                 message=f"the source ends with 「{source[-1]}」; the English has no "
                         f"sentence-final mark", target_offsets=(end - 1, end))]


def _flag(pair: Pair, kind: str, m: regex.Match, message: str, suggestion: str = "") -> Flag:
    return Flag("punctuation", "fluency/punctuation", Severity.MINOR, pair.index,
                pair.source_ids, pair.target_ids, tgt_span=m.group(), suggestion=suggestion,
                message=message, kind=kind, target_offsets=m.span())
