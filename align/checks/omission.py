"""Omission and addition: sentences with no counterpart, and pairs whose target is far shorter.

Dropped headings and appended boilerplate (credits, sharing prompts) are named as such.
"""

from __future__ import annotations

import numpy as np
import regex

from ..types import Flag, Severity
from . import CheckContext, register

_BOILERPLATE = regex.compile(r"(?i)\b(editor|edited by|reporter|source|share|sharing|copyright|"
                             r"recommend\w*|read more|responsible|app|download|scan)\b")


@register("omission")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    ratio = _length_ratio(context)
    for pair in context.pairs:
        if pair.source_ids and not pair.target_ids:
            kinds = {context.source[i].kind for i in pair.source_ids}
            heading = bool(kinds & {"title", "heading"}) or len(pair.source_text) < 30
            what = "heading" if heading else "sentence"
            flags.append(Flag("omission", "accuracy/omission", Severity.MAJOR, pair.index,
                              pair.source_ids, (), src_term=pair.source_text[:40],
                              message=f"source {what} has no translation"))
        elif pair.target_ids and not pair.source_ids:
            text = pair.target_text
            duplicate = any(text.strip() == context.target[j].text.strip()
                            for j in range(len(context.target)) if j not in pair.target_ids)
            if duplicate:
                message, severity = "target repeats another sentence that has no second source", Severity.MINOR
            elif _BOILERPLATE.search(text):
                message, severity = "target adds boilerplate (credit, sharing prompt) not in the source", Severity.MINOR
            else:
                message, severity = "target sentence has no source: added or misplaced", Severity.MAJOR
            flags.append(Flag("omission", "accuracy/addition", severity, pair.index, (),
                              pair.target_ids, tgt_span=text, message=message))
        elif pair.source_ids and pair.target_ids and ratio:
            expected = len(pair.source_text) / ratio
            if len(pair.source_text) >= 40 and len(pair.target_text) < 0.45 * expected:
                flags.append(Flag(
                    "omission", "accuracy/omission", Severity.MINOR, pair.index,
                    pair.source_ids, pair.target_ids,
                    message=f"target is {len(pair.target_text) / expected:.0%} of the expected "
                            "length: part of the source may be missing"))
    return flags


def _length_ratio(context: CheckContext) -> float:
    """Source characters per target character over the matched pairs (robust: a median)."""
    ratios = [len(p.source_text) / max(1, len(p.target_text)) for p in context.matched
              if len(p.source_text) >= 10]
    return float(np.median(ratios)) if ratios else 0.0
