"""Weak pairs: aligned pairs whose similarity is far below the document's own distribution.

Ranked by how far below; these are candidate mistranslations for a reviewer to read first.
"""

from __future__ import annotations

import numpy as np

from ..types import Flag, Severity
from . import CheckContext, register

Z_LIMIT = -2.5  # robust z-score (median and MAD) below which a pair is flagged
FAR = -4.0  # below this, a pair is reported as far below (calibrated apart)


@register("weak")
def check(context: CheckContext) -> list[Flag]:
    sims = context.similarities
    if len(sims) < 5:
        return []
    median = float(np.median(sims))
    mad = float(np.median(np.abs(sims - median))) * 1.4826 or 0.05
    z = (sims - median) / mad
    order = np.argsort(z)
    flags = []
    for rank, k in enumerate(k for k in order if z[k] < Z_LIMIT):
        pair = context.matched[k]
        flags.append(Flag("weak", "accuracy/mistranslation", Severity.MINOR, pair.index,
                          pair.source_ids, pair.target_ids,
                          message=f"similarity {sims[k]:.2f} is far below this document's "
                                  f"median {median:.2f} (z={z[k]:.1f}, weakest #{rank + 1}): "
                                  "possible mistranslation",
                          kind="far-below" if z[k] < FAR else "below"))
    return flags
