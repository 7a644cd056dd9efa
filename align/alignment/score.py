"""Evaluation: strict and lax precision, recall and F1 of beads against a gold alignment.

Scored as Vecalign's score.py: strict = the bead equals a gold bead; lax = it shares at
least one sentence on both sides with a gold bead; beads with an empty side are left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..io.align_format import BeadIds, parse_align
from ..errors import FormatError, InputError


@dataclass(frozen=True)
class Scores:
    strict_precision: float
    strict_recall: float
    strict_f1: float
    lax_precision: float
    lax_recall: float
    lax_f1: float

    def lines(self) -> list[str]:
        return [f"strict  P={self.strict_precision:.3f}  R={self.strict_recall:.3f}  "
                f"F1={self.strict_f1:.3f}",
                f"lax     P={self.lax_precision:.3f}  R={self.lax_recall:.3f}  "
                f"F1={self.lax_f1:.3f}"]


def _counts(gold: list[BeadIds], test: list[BeadIds]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of `test` beads against `gold`."""
    gold_set = {b for b in gold if b[0] and b[1]}
    linked: dict[int, set[int]] = defaultdict(set)
    for src, tgt in gold_set:
        for s in src:
            linked[s].update(tgt)
    strict_hit = strict_miss = lax_hit = lax_miss = 0
    for bead in {b for b in test if b[0] and b[1]}:
        if bead in gold_set:
            strict_hit += 1
            lax_hit += 1
            continue
        strict_miss += 1
        partners = set().union(*(linked[s] for s in bead[0]))
        if partners & set(bead[1]):
            lax_hit += 1
        else:
            lax_miss += 1
    return strict_hit, strict_miss, lax_hit, lax_miss


def score(gold_docs: list[list[BeadIds]], test_docs: list[list[BeadIds]]) -> Scores:
    """Micro-averaged over documents, as Vecalign's `score_multiple`."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(gold_docs, test_docs):
        p = [x + y for x, y in zip(p, _counts(gold, test))]
        r = [x + y for x, y in zip(r, _counts(test, gold))]

    def ratio(hit: int, miss: int) -> float:
        return hit / (hit + miss) if hit + miss else 0.0

    def f1(prec: float, rec: float) -> float:
        return 2 * prec * rec / (prec + rec) if prec + rec else 0.0

    sp, sr = ratio(p[0], p[1]), ratio(r[0], r[1])
    lp, lr = ratio(p[2], p[3]), ratio(r[2], r[3])
    return Scores(sp, sr, f1(sp, sr), lp, lr, f1(lp, lr))


def score_paths(gold: Path, test: Path) -> Scores:
    """Score a file against a file, or every `.align` file of a folder against its namesake."""
    if gold.is_dir() != test.is_dir():
        raise FormatError("--gold and --test must both be files or both be folders")
    if gold.is_dir():
        names = sorted(p.name for p in gold.glob("*.align"))
        if not names:
            raise FormatError(f"{gold}: no .align files")
        missing = [n for n in names if not (test / n).exists()]
        if missing:
            raise InputError(f"{test}: missing {len(missing)} file(s), e.g. {missing[0]}")
        pairs = [(gold / n, test / n) for n in names]
    else:
        pairs = [(gold, test)]
    gold_docs, test_docs = [], []
    for g, t in pairs:
        gold_docs.append(parse_align(_align_text(g), str(g)))
        test_docs.append(parse_align(_align_text(t), str(t)))
    return score(gold_docs, test_docs)


def _align_text(path: Path) -> str:
    """An .align file's text; a missing or unreadable one is unreadable input, as for `run`."""
    if not path.is_file():
        raise InputError(f"{path}: {'is a folder, not a file' if path.exists() else 'no such file'}")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text (binary data?); an .align file is UTF-8 "
                         "lines of [source ids]:[target ids]") from None
