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
        missing = [q for q in src if src_left[q.value] > 0]
        extra = [q for q in tgt if tgt_left[q.value] > 0]
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
                flags.append(Flag("numbers", "locale/number", Severity.MINOR, pair.index,
                                  pair.source_ids, pair.target_ids, tgt_span=q.text,
                                  message=f"number {q.text} in the target is not in the source"))
    return flags


def _plain(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) and value >= 10000 else f"{value:g}"
