"""Numbers as people say them: English idioms that hold a number ("nineteen to the dozen",
"fifty-fifty"), ordinals that only mark a list ("Second, ..."), and figures a speaker corrects
(三十个，不对，四十个). Handed to the numbers check, which leaves these unflagged.
"""

from __future__ import annotations

import regex

from .quantity import Quantity

# English idioms whose number counts nothing: rendered for a manner, a degree or a time, not
# for a figure in the source
_EN_IDIOMS = regex.compile(
    r"(?i)\bnineteen\s+to\s+the\s+dozen\b|\bfifty[\s/-]+fifty\b|\btwenty[\s-]*four[\s/-]+seven\b"
    r"|\b24\s*/\s*7\b|\bon\s+cloud\s+nine\b|\bat\s+sixes\s+and\s+sevens\b"
    r"|\b(?:my|his|her|your|our|their)\s+two\s+cents\b|\b(?:one|a\s+chance)\s+in\s+a\s+million\b"
    r"|\bin\s+a\s+million\s+years\b|\b(?:a|one)\s+(?:thousand|million)\s+times\b"
    r"|\bsecond\s+to\s+none\b|\bsecond\s+thoughts?\b|\bthe\s+whole\s+nine\s+yards\b"
    r"|\bto\s+the\s+nines\b|\bseventh\s+heaven\b|\bat\s+the\s+eleventh\s+hour\b"
    r"|\bin\s+two\s+minds\b|\bkill\s+two\s+birds\b|\bsix\s+of\s+one\b|\bcatch[\s-]22\b"
    r"|\bnine\s+times\s+out\s+of\s+ten\b")

# an ordinal that opens a sentence or a clause as a list marker: "Second, ...", "Third and
# finally, ...", "First of all" (其次, 再者, 还有, 最后 say the same without a number)
_LIST_MARKER_AFTER = regex.compile(r"(?i)\s*(?:,|:|\s+and\s+(?:finally|lastly|last)\b|\s+of\s+all\b)")
_LIST_MARKER_BEFORE = regex.compile(r"(?:^|[.;:!?—–\"“]\s*|\n)\s*(?:And\s+|and\s+)?$")

# what a speaker says to take a figure back: 三十个，不对，四十个; 五十个，呃，六十个
_CORRECTION = regex.compile(r"^\p{Han}{0,2}?[，、,\s…—]*(?:不对|不是|哦不|不|呃|嗯|啊|我说错了|说错了|"
                            r"应该是|准确地说|确切地说|准确来说|确切来说)[，、,\s…—]*"
                            r"(?:应该是|是|大概|差不多)?$")


def in_idiom(text: str, q: Quantity) -> bool:
    """Whether an English number sits inside an idiom that counts nothing."""
    return any(m.start() <= q.start and q.end <= m.end() for m in _EN_IDIOMS.finditer(text))


def list_marker(text: str, q: Quantity) -> bool:
    """An English ordinal that opens a sentence or clause as a list marker ("Second, we ...")."""
    return q.kind == "ordinal" and _LIST_MARKER_BEFORE.search(text[:q.start]) is not None \
        and _LIST_MARKER_AFTER.match(text, q.end) is not None


def corrected(source: str, q: Quantity, others: list[Quantity]) -> bool:
    """A source figure the speaker takes back for the next one (三十个，不对，四十个): a
    translation may give only the figure meant."""
    return any(o.start > q.end and _CORRECTION.match(source[q.end:o.start]) is not None
               for o in others)
