"""Weak pairs: aligned pairs whose similarity is far below the document's own distribution.

Ranked by how far below; these are candidate mistranslations for a reviewer to read first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..types import Flag, Severity
from . import CheckContext, register

@dataclass(frozen=True)
class WeakSettings:
    z_limit: float = -2.5  # robust z-score (median and MAD) below which a pair is flagged
    far: float = -4.0  # below this, a pair is reported as far below (calibrated apart)
    min_pairs: int = 5  # fewer matched pairs give no distribution to stand out from
    min_spread: float = 0.05  # the MAD used when all pairs score alike (a spread of zero)


SETTINGS = WeakSettings()


@register("weak")
def check(context: CheckContext) -> list[Flag]:
    sims = context.similarities
    if len(sims) < SETTINGS.min_pairs:
        return []
    median = float(np.median(sims))
    mad = float(np.median(np.abs(sims - median))) * 1.4826 or SETTINGS.min_spread
    z = (sims - median) / mad
    order = np.argsort(z)
    flags = []
    for rank, k in enumerate(k for k in order if z[k] < SETTINGS.z_limit):
        pair = context.matched[k]
        flags.append(Flag("weak", "accuracy/mistranslation", Severity.MINOR, pair.index,
                          pair.source_ids, pair.target_ids,
                          message=f"similarity {sims[k]:.2f} is far below this document's "
                                  f"median {median:.2f} (z={z[k]:.1f}, weakest #{rank + 1}): "
                                  "possible mistranslation",
                          kind="far-below" if z[k] < SETTINGS.far else "below"))
    return flags
