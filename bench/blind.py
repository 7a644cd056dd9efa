"""Flags on the blind planted-error set (bench/blind/, written by a helper that never saw the
checker's code): how many planted errors are found, and how many flags fall on clean lines.

Run by hand: python bench/blind.py [--min-confidence X] [--show]

Each document is run with `--presplit` (one sentence a line) and no glossary. A flag belongs
to the lines its pair covers; it is right when one of them holds a planted error (of any
kind: a number flag on a line whose planted error is an omission still points the reviewer
at a real problem), and wrong on clean lines. A planted error is found when a flag on its
line overlaps its span (the English span; the Chinese one for an omission) or has no span on
that side. These figures come from 100 lines and 48 planted errors: a check with a handful of
flags here says little on its own.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

BLIND = Path(__file__).resolve().parent / "blind"
MIN_FINDINGS = 5  # a check calibrated on the supplement needs at least this many findings there


def main() -> int:
    from align.alignment.encoders import load_encoder
    from align.pipeline import RunOptions, run

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--show", action="store_true", help="print every flag and every miss")
    parser.add_argument("--checks", help="comma-separated checks (default: the tool's default)")
    parser.add_argument("--data", type=Path, default=BLIND, help="the set (default bench/blind)")
    parser.add_argument("--calibrate", action="store_true",
                        help="write the calibration supplement: every check's flags on this set, "
                             "kept for the checks the MQM dev set never saw")
    parser.add_argument("--pool", type=Path, nargs="+", metavar="SET",
                        help="write the calibration table's pooled evidence from these sets "
                             "(the development sets, never a held-out one): every rule's "
                             "findings, borrowed by the rules the MQM dev set sees too rarely")
    args = parser.parse_args()
    if args.pool:
        pool(args.pool)
        return 0
    data = args.data
    planted: dict[tuple[str, int], dict] = {}
    for line in (data / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            planted[(a["doc"], a["line"] - 1)] = a
    encoder = load_encoder("use")
    checks = tuple(args.checks.split(",")) if args.checks else None
    if args.calibrate:
        from align.checks import CHECKS, _load_all

        _load_all()
        checks = tuple(sorted(set(CHECKS) - {"glossary"}))
    options = RunOptions(presplit=True, cache=False, checks=checks)
    if args.min_confidence is not None or args.calibrate:
        options = RunOptions(presplit=True, cache=False, checks=checks,
                             min_confidence=-1.0 if args.calibrate else args.min_confidence)
    right: dict[str, list[bool]] = defaultdict(list)
    found: dict[tuple[str, int], bool] = {key: False for key in planted}
    lines = 0
    verdicts: list[tuple[str, object, bool]] = []  # (doc, flag, on a line with an error)
    for zh in sorted(data.glob("*.zh.txt")):
        doc = zh.name.split(".")[0]
        en_lines = (data / f"{doc}.en.txt").read_text(encoding="utf-8").splitlines()
        zh_lines = zh.read_text(encoding="utf-8").splitlines()
        lines += len(zh_lines)
        result = run(zh, data / f"{doc}.en.txt", options, encoder)
        for f in result.flags:
            covered = sorted(set(f.source_ids) | set(f.target_ids))
            hits = [(doc, i) for i in covered if (doc, i) in planted]
            right[f.check].append(bool(hits))
            verdicts.append((doc, f, bool(hits)))
            for key in hits:
                a = planted[key]
                omission = a["kind"] == "omission"
                span = a["zh_span"] if omission else a["en_span"]
                text = (zh_lines if omission else en_lines)[key[1]]
                offsets = f.source_offsets if omission else f.target_offsets
                mine = _line_offsets(offsets, f.source_ids if omission else f.target_ids,
                                     zh_lines if omission else en_lines, key[1], 0 if omission else 1)
                at = text.find(span) if span else -1
                if mine is None or at < 0 or (mine[0] < at + len(span) and at < mine[1]):
                    found[key] = True
            if args.show:
                where = ",".join(str(i + 1) for i in covered)
                kinds = ",".join(planted[k]["kind"] for k in hits) or "CLEAN"
                print(f"  {doc}:{where:6s} {kinds:14s} {f.rule:24s} {f.severity.value:5s} "
                      f"{f.confidence:.2f} {f.message[:110]}")
    if args.calibrate:
        supplement(verdicts)
    flags = sum(len(v) for v in right.values())
    ok = sum(sum(v) for v in right.values())
    print(f"blind set: {lines} lines, {len(planted)} planted errors; minimum confidence "
          f"{options.floor}")
    print(f"flags {flags}, on a line with a planted error {ok} "
          f"(precision {ok / flags if flags else float('nan'):.2f})")
    for check, v in sorted(right.items()):
        print(f"  {check:12s} {sum(v):3d} / {len(v):3d}")
    by_kind = Counter(a["kind"] for a in planted.values())
    hit = Counter(planted[k]["kind"] for k, v in found.items() if v)
    print("planted errors found:")
    for kind, n in sorted(by_kind.items()):
        print(f"  {kind:15s} {hit[kind]} / {n}")
    if args.show:
        print("missed:")
        for key, v in sorted(found.items()):
            if not v:
                a = planted[key]
                print(f"  {key[0]}:{key[1] + 1} {a['kind']:14s} {a['zh_span']} | {a['en_span']}")
    return 0


def supplement(verdicts) -> None:
    """Write the calibration table's supplement: right findings / findings per rule and check
    (a finding: one rule, one document, one term), for the checks the MQM dev table lacks."""
    from align.checks import calibration

    stats = calibration.table()
    findings: dict[tuple, list[bool]] = defaultdict(list)
    for doc, f, ok in verdicts:
        if f.check in stats.get("checks", {}) or f.check in calibration.UNCALIBRATED:
            continue
        findings[(f.rule, doc, f.src_term or f.tgt_span.lower() or f.bead)].append(ok)
    rules, checks = calibration.tally(findings)
    # fewer findings than this are no estimate: such a check keeps the prior (and stays off)
    enough = {c for c, (_, n) in checks.items() if n >= MIN_FINDINGS}
    rules = {r: v for r, v in rules.items() if r.split("/")[0] in enough}
    checks = {c: v for c, v in checks.items() if c in enough}
    stats = dict(stats)
    stats["supplement"] = {
        "dataset": "bench/blind (a helper's translations of seeds 001 and 002 with planted "
                   "errors, written blind to the code): 100 lines; for the checks the MQM dev "
                   f"set never saw, with at least {MIN_FINDINGS} findings there; counts are "
                   "right findings / findings",
        "rules": rules, "checks": checks}
    calibration.TABLE.write_text(json.dumps(stats, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    calibration.table.cache_clear()
    print(f"wrote the supplement of {calibration.TABLE}: {dict(checks)}")


def pool(sets: list[Path]) -> None:
    """Write the calibration table's `pooled` evidence: right findings / findings per rule on
    the given planted-error sets, every check on and nothing hidden. A rule the MQM dev set
    raises fewer than calibration.RARE times (a new rule, a kind of error news MT seldom
    makes) borrows these counts; rules with enough dev evidence and checks the dev set never
    sees are calibrated as before."""
    from align.alignment.encoders import load_encoder
    from align.checks import CHECKS, _load_all, calibration
    from align.pipeline import RunOptions, run

    _load_all()
    options = RunOptions(presplit=True, cache=False, min_confidence=-1.0,
                         checks=tuple(sorted(set(CHECKS) - calibration.UNCALIBRATED)))
    encoder = load_encoder("use")
    findings: dict[tuple, list[bool]] = defaultdict(list)
    for data in sets:
        planted = {(a["doc"], a["line"] - 1) for a in map(json.loads, (data / "annotations.jsonl")
                   .read_text(encoding="utf-8").splitlines()) if a}
        for zh in sorted(data.glob("*.zh.txt")):
            doc = zh.name.split(".")[0]
            for f in run(zh, data / f"{doc}.en.txt", options, encoder).flags:
                ok = any((doc, i) in planted for i in set(f.source_ids) | set(f.target_ids))
                term = f.src_term or f.tgt_span.lower() or f.bead
                findings[(f.rule, f"{data.name}/{doc}", term)].append(ok)
    rules, _ = calibration.tally(findings)
    stats = dict(calibration.table())
    stats["pooled"] = {
        "dataset": f"planted-error sets {', '.join(d.name for d in sets)} (bench/, each written "
                   "blind to the code; development data, read while tuning): every rule's "
                   "findings; borrowed by rules with fewer than calibration.RARE findings on "
                   "the MQM dev set; counts are right findings / findings",
        "rules": rules}
    calibration.TABLE.write_text(json.dumps(stats, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    calibration.table.cache_clear()
    print(f"wrote the pooled evidence of {calibration.TABLE}:")
    for rule, (right, n) in sorted(rules.items()):
        print(f"  {rule:28s} {right:6.2f} / {n:3d}")


def _line_offsets(offsets, ids, texts: list[str], line: int, gap: int):
    """The flag's span within `line`, from offsets in its pair's joined text; None when the
    flag has no span on that side or its span lies on another line."""
    if offsets is None:
        return None
    at = 0
    for i in ids:
        if i == line:
            return offsets[0] - at, offsets[1] - at
        at += len(texts[i]) + gap
    return None


if __name__ == "__main__":
    sys.exit(main())
