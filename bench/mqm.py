"""Flag precision and recall against professional MQM annotations of real news MT.

Run by hand: python bench/mqm.py [--split dev|held|all] [--min-confidence X] [--dump F.csv]

Every (system, document) of ../shared/benchmarks/mqm-news is run through `align run
--presplit` (one segment a line, no glossary) and its flags are compared with the annotated
error spans of the same segment, from any of the three raters:

- a flag with a target span is right when it overlaps an annotated target span; a flag with
  only a source span is right when it overlaps an annotated source span (omissions are marked
  in the source), else it counts as span-less; a span-less flag is right when its segment has
  a Major error;
- a Major error is found when a shown flag on its segment overlaps it (same side), or when a
  shown flag of its category group has no span on that side;
- a segment is flagged when a shown flag touches it, and positive when it has a Major error;
- system-level Kendall tau compares the mean per-segment penalty of the tool (severity weight
  × confidence) with MQM's (Major 5, Minor 1, minor punctuation 0.1, non-translation 25,
  averaged over raters).

Number errors are not an MQM category: a Major error counts as a number error when its span
holds a number (digits, or an English / Chinese numeral word; "one" is left out, as English
uses it as a pronoun) whose value is absent from the other side of the segment. The split: documents whose sha1 name digest is 0 mod 3 are held
out (9 of 26); thresholds and calibration are set on the rest (dev) only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "mqm-news" / "mqm_news_zhen_dev.tsv"

WEIGHTS = {"major": 5.0, "minor": 1.0, "critical": 10.0, "neutral": 0.0}
GROUPS = ("omission", "addition", "number", "terminology", "untranslated", "mistranslation")


@dataclass(frozen=True)
class Error:
    rater: str
    category: str
    severity: str
    side: str  # "target" or "source"
    start: int
    end: int
    text: str

    @property
    def group(self) -> str:
        c = self.category.lower()
        if "omission" in c:
            return "omission"
        if "addition" in c:
            return "addition"
        if c.startswith("terminology"):
            return "terminology"
        if "source language fragment" in c or c.startswith("non-translation"):
            return "untranslated"
        if c.startswith("accuracy"):
            return "mistranslation"
        return "other"


@dataclass
class Segment:
    system: str
    doc: str
    seg: int
    source: str
    target: str
    errors: list[Error] = field(default_factory=list)

    @property
    def major(self) -> bool:
        return any(e.severity == "Major" for e in self.errors)

    def mqm_score(self) -> float:
        raters: dict[str, float] = defaultdict(float)
        for e in self.errors:
            raters[e.rater] += _mqm_weight(e)
        for rater in self.raters:
            raters.setdefault(rater, 0.0)
        return sum(raters.values()) / max(1, len(raters))

    raters: set[str] = field(default_factory=set)


def _mqm_weight(e: Error) -> float:
    if e.severity == "Major":
        return 25.0 if e.category.startswith("Non-translation") else 5.0
    if e.severity == "Minor":
        return 0.1 if e.category == "Fluency/Punctuation" else 1.0
    return 0.0


def held_out(doc: str) -> bool:
    return hashlib.sha1(doc.encode()).digest()[0] % 3 == 0


def _marked(text: str) -> tuple[str, tuple[int, int] | None]:
    from align.io.read import normalize_space

    text = normalize_space(text)
    start = text.find("<v>")
    if start < 0:
        return text, None
    end = text.find("</v>", start)
    plain = text.replace("<v>", "").replace("</v>", "")
    return plain, (start, end - 3)


def load(path: Path) -> dict[tuple[str, str], list[Segment]]:
    """Segments per (system, doc), in order, each with its annotated errors."""
    segments: dict[tuple[str, str, int], Segment] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["category"] == "Found" or row["severity"] == "HOTW-test":
                continue
            source, src_span = _marked(row["source"])
            target, tgt_span = _marked(row["target"])
            key = (row["system"], row["doc"], int(row["docSegId"]))
            seg = segments.setdefault(key, Segment(*key, source, target))
            seg.raters.add(row["rater"])
            if row["category"] == "No-error":
                continue
            side, span, text = ("target", tgt_span, target) if tgt_span else ("source", src_span, source)
            if span is None:
                continue
            seg.errors.append(Error(row["rater"], row["category"], row["severity"], side,
                                    span[0], span[1], text[span[0]:span[1]]))
    docs: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for key in sorted(segments):
        docs[key[:2]].append(segments[key])
    return docs


# ------------------------------------------------------------------ number errors

_EN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|"
                        r"billion|dozen|half)\b", re.I)
_ZH_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[零〇二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿]*|"
                        r"一[零〇一二两三四五六七八九十百千万亿]+|半")
_WORD_VALUES = {w: v for v, w in enumerate("zero one two three four five six seven eight nine ten "
                                           "eleven twelve".split())}
_WORD_VALUES.update(twenty=20, thirty=30, forty=40, fifty=50, hundred=100, thousand=1000,
                    million=10**6, billion=10**9, dozen=12, half=0.5)


def _values(text: str, lang: str) -> set[float]:
    """Bare number values, independent of the tool's own parser."""
    values: set[float] = set()
    pattern = _ZH_NUMBER if lang == "zh" else _EN_NUMBER
    for m in pattern.finditer(text):
        token = m.group().lower()
        if token[0].isdigit():
            try:
                values.add(float(token.replace(",", "")))
            except ValueError:
                pass
        elif lang == "en":
            values.add(float(_WORD_VALUES[token]))
        elif token == "半":
            values.add(0.5)
        else:
            import cn2an
            try:
                values.add(float(cn2an.cn2an(token, "smart")))
            except Exception:  # noqa: BLE001 - a numeral cn2an cannot read is no value here
                pass
    return values


def is_number_error(error: Error, seg: Segment) -> bool:
    if error.severity != "Major":
        return False
    if error.side == "target":
        mine, other = _values(error.text, "en"), _values(seg.source, "zh") | _values(seg.source, "en")
    else:
        mine, other = _values(error.text, "zh"), _values(seg.target, "en")
    return bool(mine - other)


# ------------------------------------------------------------------ running the tool

@dataclass(frozen=True)
class Placed:
    """A flag placed on one segment, with its spans there (None: no span on that side)."""

    check: str
    rule: str
    category: str
    severity: str
    confidence: float
    doc: tuple[str, str]
    seg: int  # index into the document's segment list
    target: tuple[int, int] | None
    source: tuple[int, int] | None
    segments: tuple[int, ...]  # every segment the flag's bead covers
    message: str
    tgt_span: str
    src_term: str

    @property
    def group(self) -> str:
        c = self.category
        if c.endswith("omission"):
            return "omission"
        if c.endswith("addition"):
            return "addition"
        if c.startswith("locale/number"):
            return "number"
        if c.startswith("terminology"):
            return "terminology"
        if c.endswith("untranslated"):
            return "untranslated"
        return "mistranslation"


def _locate(span: str, texts: list[tuple[int, str]]) -> tuple[int, tuple[int, int]] | None:
    if not span:
        return None
    for seg, text in texts:
        at = text.find(span)
        if at >= 0:
            return seg, (at, at + len(span))
    return None


def run_tool(docs: dict[tuple[str, str], list[Segment]], checks: tuple[str, ...] | None,
             min_confidence: float) -> tuple[list[Placed], float]:
    from align.alignment.encoders import load_encoder
    from align.pipeline import RunOptions, run

    encoder = load_encoder("use")
    options = RunOptions(presplit=True, checks=checks, cache=False, min_confidence=min_confidence)
    placed: list[Placed] = []
    spent = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for (system, doc), segments in docs.items():
            src, tgt = Path(tmp) / "src.txt", Path(tmp) / "tgt.txt"
            src.write_text("\n".join(s.source for s in segments) + "\n", encoding="utf-8")
            tgt.write_text("\n".join(s.target for s in segments) + "\n", encoding="utf-8")
            started = time.perf_counter()
            result = run(src, tgt, options, encoder)
            spent += time.perf_counter() - started
            for flag in result.flags:
                placed.append(_place(flag, (system, doc), segments))
    return placed, spent


def _place(flag, doc: tuple[str, str], segments: list[Segment]) -> Placed:
    """The flag's segment and its spans there: from its offsets in the pair's joined text
    (sentences joined by a space on the English side, by nothing on the Chinese side), else
    by finding its span text."""
    covered = tuple(sorted(set(flag.source_ids) | set(flag.target_ids)))
    target = _from_offsets(flag.target_offsets, [(j, segments[j].target) for j in flag.target_ids], 1)
    if target is None and flag.target_offsets is None:
        target = _locate(flag.tgt_span, [(j, segments[j].target) for j in flag.target_ids])
    source = None
    if not target:
        source = _from_offsets(flag.source_offsets,
                               [(i, segments[i].source) for i in flag.source_ids], 0)
        if source is None and flag.source_offsets is None:
            source = _locate(flag.src_term, [(i, segments[i].source) for i in flag.source_ids])
    seg = target[0] if target else source[0] if source else covered[0]
    return Placed(flag.check, flag.rule, flag.category, flag.severity.value,
                  flag.confidence, doc, seg,
                  target[1] if target else None, source[1] if source else None, covered,
                  flag.message, flag.tgt_span, flag.src_term)


def _from_offsets(offsets, texts: list[tuple[int, str]], gap: int):
    """(segment, span within it) for offsets in the texts joined with `gap` characters."""
    if offsets is None:
        return None
    at = 0
    for seg, text in texts:
        if at <= offsets[0] < at + len(text) or (offsets[0] == at and not text):
            return seg, (offsets[0] - at, min(offsets[1], at + len(text)) - at)
        at += len(text) + gap
    return None


# ------------------------------------------------------------------ scoring

def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def flag_is_right(flag: Placed, docs) -> bool:
    segments = docs[flag.doc]
    errors = segments[flag.seg].errors
    if flag.target:
        return any(e.side == "target" and _overlaps(flag.target, (e.start, e.end)) for e in errors)
    if flag.source and any(e.side == "source" and _overlaps(flag.source, (e.start, e.end))
                           for e in errors):
        return True
    return any(segments[s].major for s in flag.segments)


def error_found(error: Error, doc, seg: int, flags: list[Placed]) -> bool:
    for f in flags:
        if f.doc != doc or seg not in f.segments:
            continue
        span = f.target if error.side == "target" else f.source
        if span is not None and f.seg == seg and _overlaps(span, (error.start, error.end)):
            return True
        group = "number" if error.group == "number" else error.group
        if span is None and f.group == group:
            return True
    return False


def kendall_tau(a: list[float], b: list[float]) -> float:
    concordant = discordant = ties_a = ties_b = 0
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            x, y = a[i] - a[j], b[i] - b[j]
            if x == 0 and y == 0:
                continue
            if x == 0:
                ties_a += 1
            elif y == 0:
                ties_b += 1
            elif (x > 0) == (y > 0):
                concordant += 1
            else:
                discordant += 1
    denom = ((concordant + discordant + ties_a) * (concordant + discordant + ties_b)) ** 0.5
    return (concordant - discordant) / denom if denom else 0.0


def figures(docs, flags: list[Placed]) -> dict[str, object]:
    right = [flag_is_right(f, docs) for f in flags]
    by_check: dict[str, list[bool]] = defaultdict(list)
    for f, ok in zip(flags, right):
        by_check[f.check].append(ok)
    # recall of Major errors, one per distinct (segment, side, span, group)
    distinct: dict[tuple, tuple[Error, tuple[str, str], int]] = {}
    for doc, segments in docs.items():
        for k, seg in enumerate(segments):
            for e in seg.errors:
                if e.severity != "Major":
                    continue
                groups = {e.group} | ({"number"} if is_number_error(e, seg) else set())
                for g in groups:
                    if g in GROUPS:
                        distinct.setdefault((doc, k, e.side, e.start, e.end, g),
                                            (Error(e.rater, g if g == "number" else e.category,
                                                   e.severity, e.side, e.start, e.end, e.text), doc, k))
    by_doc: dict[tuple[str, str], list[Placed]] = defaultdict(list)
    for f in flags:
        by_doc[f.doc].append(f)
    recall: dict[str, list[bool]] = defaultdict(list)
    for (doc, k, _side, _s, _e, group), (error, _, _) in distinct.items():
        if group == "number":
            error = Error(error.rater, "number", error.severity, error.side, error.start,
                          error.end, error.text)
        recall[group].append(error_found(error, doc, k, by_doc[doc]))
    # segment level
    flagged: set[tuple[tuple[str, str], int]] = set()
    penalty: dict[tuple[tuple[str, str], int], float] = defaultdict(float)
    for f in flags:
        touched = (f.seg,) if (f.target or f.source) else f.segments
        for s in touched:
            flagged.add((f.doc, s))
            penalty[(f.doc, s)] += WEIGHTS.get(f.severity, 1.0) * f.confidence / len(touched)
    tp = fp = fn = 0
    systems: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for doc, segments in docs.items():
        for k, seg in enumerate(segments):
            hit = (doc, k) in flagged
            tp += hit and seg.major
            fp += hit and not seg.major
            fn += (not hit) and seg.major
            systems[doc[0]].append((penalty[(doc, k)], seg.mqm_score()))
    names = sorted(systems)
    tool = [sum(p for p, _ in systems[s]) / len(systems[s]) for s in names]
    mqm = [sum(m for _, m in systems[s]) / len(systems[s]) for s in names]
    return {
        "flags": len(flags),
        "precision": sum(right) / len(right) if right else float("nan"),
        "by_check": {c: (sum(v) / len(v), len(v)) for c, v in sorted(by_check.items())},
        "recall": {g: (sum(v) / len(v) if v else float("nan"), len(v)) for g, v in
                   ((g, recall.get(g, [])) for g in GROUPS)},
        "segment_precision": tp / (tp + fp) if tp + fp else float("nan"),
        "segment_recall": tp / (tp + fn) if tp + fn else float("nan"),
        "segments": sum(len(s) for s in docs.values()),
        "systems": list(zip(names, tool, mqm)),
        "tau": kendall_tau(tool, mqm),
    }


def print_figures(title: str, f: dict[str, object]) -> None:
    print(f"\n== {title}")
    print(f"flags {f['flags']}, precision {f['precision']:.3f}")
    for check, (p, n) in f["by_check"].items():
        print(f"  {check:12s} precision {p:.3f}  (n={n})")
    print("recall of Major errors:")
    for group, (r, n) in f["recall"].items():
        print(f"  {group:15s} {r:.3f}  (n={n})")
    print(f"segments {f['segments']}: precision {f['segment_precision']:.3f}, "
          f"recall {f['segment_recall']:.3f}")
    print(f"system-level Kendall tau {f['tau']:.3f}")
    for name, tool, mqm in sorted(f["systems"], key=lambda x: x[2]):
        print(f"  {name:15s} tool {tool:6.3f}   MQM {mqm:6.3f}")


def dump(path: Path, docs, flags: list[Placed]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["system", "doc", "seg", "check", "category", "severity", "confidence",
                      "right", "src_term", "tgt_span", "message", "source", "target", "errors"])
        for f in flags:
            seg = docs[f.doc][f.seg]
            errors = " || ".join(f"{e.severity} {e.category}: {e.side[0]}:{e.text}" for e in seg.errors)
            out.writerow([f.doc[0], f.doc[1], seg.seg, f.check, f.category, f.severity,
                          f"{f.confidence:.2f}", int(flag_is_right(f, docs)), f.src_term,
                          f.tgt_span, f.message, seg.source, seg.target, errors])


def calibrate(docs, flags: list[Placed], target: float = 0.85, per_check: float = 0.6) -> None:
    """Write the calibration table: right / flags per rule and per check on this split, and
    the lowest confidence threshold at which the shown flags reach `target` precision with
    every check that still shows flags at `per_check` or more."""
    import json

    from align.checks import calibration

    # one finding, counted once: the same term flagged in the same document by ten systems
    # is one piece of evidence about a rule, not ten (their verdicts are averaged). A flag
    # with no term (a weak pair) judges one system's sentence: it counts on its own.
    findings: dict[tuple, list[int]] = defaultdict(list)
    for f in flags:
        term = f.src_term or f.tgt_span.lower()
        key = (f.rule, f.doc[1], term) if term else (f.rule, f.doc, f.seg)
        findings[key].append(int(flag_is_right(f, docs)))
    rules, checks = calibration.tally(findings)
    data = {"dataset": "MQM news zh-en dev split (bench/mqm.py): "
                       f"{len(docs)} (system, document) runs, {len(flags)} flags, "
                       f"{len(findings)} distinct findings (rule, document, term); counts are "
                       "right findings / findings",
            "rules": rules, "checks": checks}
    for kept in ("supplement", "pooled"):  # bench/blind.py's: for checks this set never
        if kept in calibration.table():  # sees, and for rules it sees too rarely
            data[kept] = calibration.table()[kept]
    calibration.TABLE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    calibration.table.cache_clear()
    scored = recalibrated(flags)
    for threshold in sorted({f.confidence for f in scored}):
        shown = [f for f in scored if f.confidence >= threshold]
        right = [flag_is_right(f, docs) for f in shown]
        by_check: dict[str, list[bool]] = defaultdict(list)
        for f, ok in zip(shown, right):
            by_check[f.check].append(ok)
        if right and sum(right) / len(right) >= target and \
                all(sum(v) / len(v) >= per_check for v in by_check.values()):
            data["min_confidence"] = max(threshold, calibration.FLOOR)
            break
    calibration.TABLE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    calibration.table.cache_clear()
    print(f"wrote {calibration.TABLE}; default minimum confidence {data.get('min_confidence')}")


def recalibrated(flags: list[Placed]) -> list[Placed]:
    from dataclasses import replace

    from align.checks.calibration import confidence

    return [replace(f, confidence=confidence(f.rule, f.check)) for f in flags]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", choices=["dev", "held", "all"], default="dev")
    parser.add_argument("--checks", help="comma-separated checks (default: the tool's default)")
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="hide flags below this (default: the tool's default)")
    parser.add_argument("--systems", nargs="*")
    parser.add_argument("--dump", type=Path, help="write every flag with its verdict to a CSV")
    parser.add_argument("--reuse", type=Path,
                        help="keep the run's flags in this file and read them from it next "
                             "time (re-scoring without re-running the pipeline)")
    parser.add_argument("--calibrate", action="store_true",
                        help="write align/checks/calibration.json from this split (dev only)")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"no MQM data at {args.data}")
    docs = load(args.data)
    docs = {k: v for k, v in docs.items()
            if (args.split == "all" or held_out(k[1]) == (args.split == "held"))
            and (not args.systems or k[0] in args.systems)}
    checks = tuple(args.checks.split(",")) if args.checks else None
    if args.calibrate and args.split != "dev":
        raise SystemExit("calibrate on the dev split only: the held-out part stays unseen")
    if args.reuse and args.reuse.exists():
        import pickle
        flags, spent = pickle.loads(args.reuse.read_bytes())
        flags = recalibrated(flags)
    else:
        flags, spent = run_tool(docs, checks, -1.0)  # every flag, hidden ones too
        if args.reuse:
            import pickle
            args.reuse.write_bytes(pickle.dumps((flags, spent)))
    if args.calibrate:
        calibrate(docs, flags)
        flags = recalibrated(flags)
    from align.checks.calibration import default_min_confidence
    minimum = default_min_confidence() if args.min_confidence is None else args.min_confidence
    shown = [f for f in flags if f.confidence >= minimum]
    print(f"MQM news zh→en, split {args.split}: {len(docs)} (system, document) runs, "
          f"{len({d for _, d in docs})} documents; pipeline {spent:.1f} s")
    print_figures(f"flags shown at confidence >= {minimum}", figures(docs, shown))
    print("\nper rule, all flags (right / flags, confidence):")
    by_rule: dict[str, list[Placed]] = defaultdict(list)
    for f in flags:
        by_rule[f.rule].append(f)
    for rule, found in sorted(by_rule.items()):
        right = sum(flag_is_right(f, docs) for f in found)
        print(f"  {rule:28s} {right:4d} / {len(found):4d}  = {right / len(found):.2f}   "
              f"confidence {found[0].confidence:.2f}")
    if args.dump:
        dump(args.dump, docs, flags)
    return 0


if __name__ == "__main__":
    sys.exit(main())
