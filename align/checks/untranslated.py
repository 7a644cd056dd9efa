"""Chinese left in the English target: text the translation carried over in Chinese script
(an outlet's name "经济观察网", an account "@芳芳一人食", a sentence copied over untranslated).

Romanised Chinese is the `pinyin` check's; this one reads the script itself. A bracketed gloss
after English words ("Tongchuang (同创)", "the hutong (胡同)") is the translator's choice of
showing the original, not a slip, and is left alone.
"""

from __future__ import annotations

import regex

from ..types import Flag, Pair, Severity
from . import CheckContext, register

# a stretch of Chinese: characters, with Chinese punctuation, digits, spaces and dashes
# between them ("经济观察网 - 专业财经新闻网站" is one stretch)
_CHINESE = regex.compile(r"\p{Han}(?:[\p{Han}\u3000-\u303f\uff01-\uff5e\d\s·\-–—]*\p{Han})?")
# a bracketed gloss after English words: "Tongchuang (同创)", "Co., Ltd. (深圳同创科技有限公司)",
# "(“共同富裕”)", "(胡同, hútòng)"
_GLOSS_BEFORE = regex.compile(r"(?:[\p{Latin}\d]|(?:Ltd|Co|Inc|Corp|Jr|St|No|\b\p{Lu})\.)[\s\"'”’]*"
                           r"[(（\[]\s*[\"“‘'「《]*\s*$")
_GLOSS_AFTER = regex.compile(r"\s*[”’\"'」》]*\s*(?:[,，;；:]\s*[^)）\]]{0,30})?[)）\]]")
# a character named as such: "the character 福", "the word 人"
_CHARACTER_NAMED = regex.compile(r"(?i)\b(?:characters?|the\s+word|glyph|ideograms?)\s*[\"“‘'「]?\s*$")
_LOOKBACK = 60  # characters before a stretch searched for a gloss's opening


@register("untranslated")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.pairs:
        if not pair.target_ids:
            continue
        for m in _CHINESE.finditer(pair.target_text):
            if _glossed(pair.target_text, m):
                continue
            flags.append(_flag(pair, m))
    return flags


def _glossed(text: str, m: regex.Match) -> bool:
    """The Chinese is a bracketed gloss of the English just before it, or a character or
    two the English names as such ("the character 福 pasted upside down")."""
    before = max(0, m.start() - _LOOKBACK)
    if len(m.group()) <= 2 and _CHARACTER_NAMED.search(text, before, m.start()):
        return True
    return bool(_GLOSS_BEFORE.search(text, before, m.start()) and _GLOSS_AFTER.match(text, m.end()))


def _flag(pair: Pair, m: regex.Match) -> Flag:
    text = m.group()
    at = pair.source_text.find(text) if pair.source_ids else -1
    return Flag("untranslated", "accuracy/untranslated", Severity.MAJOR, pair.index,
                pair.source_ids, pair.target_ids, src_term=text if at >= 0 else "",
                tgt_span=text, kind="chinese",
                message=f"Chinese text 「{text}」 is left untranslated in the target",
                source_offsets=(at, at + len(text)) if at >= 0 else None,
                target_offsets=m.span())
