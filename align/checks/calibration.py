"""Confidence: the share of a rule's flags that were real errors on the development set.

The table (calibration.json, beside this module) is written by `bench/mqm.py --calibrate`
from the MQM news development split: for each rule (check/kind) and each check, how many of
its flags overlapped a professional annotation (see bench/mqm.py for the matching rules). A
rule with too few dev flags falls back to its check, a check with none to a neutral prior.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..types import Flag

TABLE = Path(__file__).with_name("calibration.json")
PRIOR = 0.5  # a rule never seen on the development set: as likely right as wrong
MIN_FLAGS = 8  # fewer dev flags than this say too little about a rule on their own


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, list[int]]]:
    try:
        return json.loads(TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def confidence(rule: str, check: str) -> float:
    """(right + 1) / (flags + 2) of the rule, or of its check when the rule is rare."""
    stats = table()
    for key, level in ((rule, "rules"), (check, "checks")):
        right, n = stats.get(level, {}).get(key, (0, 0))
        if n >= MIN_FLAGS:
            return round((right + 1) / (n + 2), 3)
    return PRIOR


def default_min_confidence() -> float:
    """The threshold the calibration chose: the lowest at which the shown flags were right at
    least 85% of the time on the development set, each check at least 60%."""
    return float(table().get("min_confidence", PRIOR))


def calibrated(flags: list[Flag]) -> list[Flag]:
    return [replace(f, confidence=confidence(f.rule, f.check)) for f in flags]
