"""Numbers and dates: values on one side of a pair that the other side does not have.

五 vs "four" is flagged; 2018年11月5日 = "November 5, 2018" is not.
"""

from __future__ import annotations

from collections import Counter

from ..numbers import quantities
from ..types import Flag, Severity
from . import CheckContext, register


@register("numbers")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.matched:
        src = quantities(pair.source_text, "zh")
        tgt = quantities(pair.target_text, "en")
        src_left = Counter(q.value for q in src) - Counter(q.value for q in tgt)
        tgt_left = Counter(q.value for q in tgt) - Counter(q.value for q in src)
        if not src_left and not tgt_left:
            continue
        missing = _leftover(src, src_left)
        extra = _leftover(tgt, tgt_left)
        in_source = Counter(q.value for q in src)
        in_target = Counter(q.value for q in tgt)
        if missing and extra:
            for q_src, q_tgt in zip(missing, extra):
                flags.append(Flag("numbers", "locale/number", Severity.MAJOR, pair.index,
                                  pair.source_ids, pair.target_ids, src_term=q_src.text,
                                  tgt_span=q_tgt.text, suggestion=_plain(q_src.value),
                                  message=f"source says {q_src.text} ({_plain(q_src.value)}), "
                                          f"target says {q_tgt.text}"))
        elif missing:
            for q in missing:
                flags.append(Flag("numbers", "locale/number", Severity.MAJOR, pair.index,
                                  pair.source_ids, pair.target_ids, src_term=q.text,
                                  suggestion=_plain(q.value),
                                  message=f"number {q.text} ({_plain(q.value)}) is missing "
                                          "from the target"))
        else:
            for q in extra:
                message = (f"number {q.text} is in the target {in_target[q.value]} times but in "
                           f"the source {in_source[q.value]} time(s): repeated?"
                           if in_source[q.value] else
                           f"number {q.text} in the target is not in the source")
                flags.append(Flag("numbers", "locale/number", Severity.MINOR, pair.index,
                                  pair.source_ids, pair.target_ids, tgt_span=q.text,
                                  message=message))
    return flags


def _leftover(found: list, left: Counter) -> list:
    """The last occurrences of each value, as many as the other side lacks."""
    out, budget = [], Counter(left)
    for q in reversed(found):
        if budget[q.value] > 0:
            budget[q.value] -= 1
            out.append(q)
    return out[::-1]


def _plain(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) and value >= 10000 else f"{value:g}"
