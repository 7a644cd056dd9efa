"""The weak check: the pair far below the document's others, and silence without one."""

from __future__ import annotations

import pytest

from align.checks import CheckContext, run_checks
from align.types import Bead, Pair, Sentence


def _with_similarities(similarities):
    pairs = [Pair(k, Bead((k,), (k,), 0.5, sim), f"句子{k}。", f"Sentence {k}.")
             for k, sim in enumerate(similarities)]
    return CheckContext(pairs, [Sentence(k, p.source_text, k) for k, p in enumerate(pairs)],
                        [Sentence(k, p.target_text, k) for k, p in enumerate(pairs)])


def test_weak_flags_the_pair_far_below_the_document():
    sims = [0.70, 0.74, 0.66, 0.72, 0.68, 0.71, 0.69, 0.30, 0.73, 0.58]
    flags = run_checks(_with_similarities(sims), ["weak"])
    assert [(f.bead, f.kind) for f in flags] == [(7, "far-below"), (9, "below")]
    assert "weakest #1" in flags[0].message


@pytest.mark.parametrize("sims", [[0.7] * 10, [0.7, 0.1, 0.7, 0.7]])  # alike; too few pairs
def test_weak_is_silent_without_an_outlier_or_a_distribution(sims):
    assert run_checks(_with_similarities(sims), ["weak"]) == []
