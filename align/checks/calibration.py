"""Confidence: the share of a rule's flags that were real errors on the development set.

The table (calibration.json, beside this module) is written by `bench/mqm.py --calibrate`
from the MQM news development split: for each rule (check/kind) and each check, how many of
its findings overlapped a professional annotation (see bench/mqm.py for the matching rules);
a finding is one term in one document, however many systems' translations raised it.
A check that never fires on that set (news MT rarely leaves a word in pinyin) is calibrated
instead on the `supplement`, written by `bench/blind.py --calibrate` from a hand-made set of
translations with planted errors (bench/blind/), and only for such checks. A rule the dev
set raises fewer than RARE times adds the findings of all the planted-error development
sets (`pooled`, written by `bench/blind.py --pool`).
Estimates are shrunk, so that a rule seen a few times says little on its own: the check's
rate is its share of right flags pulled towards a neutral prior by PSEUDO flags, and a rule's
rate is pulled towards its check's the same way.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..types import Flag

TABLE = Path(__file__).with_name("calibration.json")
PRIOR = 0.5  # a check never seen on the development set: as likely right as wrong
PSEUDO = 4  # weight of the prior, in flags
# the default minimum confidence never goes below this, whatever the dev set allows: a kind of
# flag wrong one time in three on the data it was tuned on does worse on text nobody has seen
FLOOR = 0.7


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, list[int]]]:
    try:
        return json.loads(TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# checks whose flags state the user's own rules (a glossary entry), not a guess: they are
# not calibrated and keep the confidence the check gives them
UNCALIBRATED = frozenset({"glossary"})


# a rule of a check the development set sees, but seen fewer times than this there (a new
# rule; a kind of error news MT seldom makes), adds the findings of the planted-error
# development sets (`pooled`, written by bench/blind.py --pool) to its own
RARE = 5


def confidence(rule: str, check: str) -> float:
    """The rule's share of right flags on the development set, shrunk towards its check's,
    which is shrunk towards PRIOR."""
    stats = _source(check)
    right, n = stats.get("checks", {}).get(check, (0, 0))
    rate = (right + PSEUDO * PRIOR) / (n + PSEUDO)
    if rule != check:
        right, n = stats.get("rules", {}).get(rule, (0, 0))
        if n < RARE and check in table().get("checks", {}):  # a check the dev set sees
            more, seen = table().get("pooled", {}).get("rules", {}).get(rule, (0, 0))
            right, n = right + more, n + seen
        rate = (right + PSEUDO * rate) / (n + PSEUDO)
    return round(rate, 3)


def tally(findings: dict[tuple, list]) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """The table's counts from findings keyed (rule, document, term) with their verdicts (1
    or True: right): per rule and per check, [right findings, findings], a finding's verdicts
    averaged (ten systems flagging one term are one piece of evidence, not ten)."""
    rules: dict[str, list[float]] = {}
    checks: dict[str, list[float]] = {}
    for (rule, _, _), verdicts in sorted(findings.items(), key=lambda x: str(x[0])):
        share = sum(verdicts) / len(verdicts)
        for counts, key in ((rules, rule), (checks, rule.split("/")[0])):
            row = counts.setdefault(key, [0.0, 0])
            row[0] = round(row[0] + share, 3)
            row[1] += 1
    return dict(sorted(rules.items())), dict(sorted(checks.items()))


def _source(check: str) -> dict:
    """The counts a check is calibrated on: the development set's, or for a check it never
    saw, the supplement's."""
    stats = table()
    supplement = stats.get("supplement", {})
    if check not in stats.get("checks", {}) and check in supplement.get("checks", {}):
        return supplement
    return stats


def default_min_confidence() -> float:
    """The threshold the calibration chose: the lowest at which the shown flags were right at
    least 85% of the time on the development set, each check at least 60%, and never below
    FLOOR."""
    return float(table().get("min_confidence", PRIOR))


def calibrated(flags: list[Flag]) -> list[Flag]:
    return [f if f.check in UNCALIBRATED else replace(f, confidence=confidence(f.rule, f.check))
            for f in flags]


def shown_by_default(check: str, floor: float) -> bool:
    """Whether any rule of the check reaches `floor`. A check the development set never saw
    keeps the prior and stays off, unless it states the user's own rules (the glossary) or
    there is no calibration at all."""
    if check in UNCALIBRATED or not table():
        return True
    stats = _source(check)
    pooled = table().get("pooled", {}).get("rules", {}) if check in table().get("checks", {}) else {}
    rules = [r for r in dict.fromkeys([*stats.get("rules", {}), *pooled]) if r.split("/")[0] == check]
    return confidence(check, check) >= floor or any(confidence(r, check) >= floor for r in rules)
