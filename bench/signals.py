"""How far the signals the tool has can go towards MQM's segment-level and word-level errors.

Run by hand: python bench/signals.py

Issue 9 asks for segment-level recall 0.5 at precision 0.8 and for Major omission recall 0.4
on the MQM news dev split. This measures, on the same runs as bench/mqm.py (presplit, no
glossary), what the tool's own signals can reach if each were turned into a flag:

1. Per aligned segment: the encoder's source-target similarity, the term alignment's unlinked
   source words and target words (count and share), the length ratio, and the sentence's
   length itself (a prior, not a finding: a long sentence has more room for an error). For
   each, the ROC AUC against "the segment has a Major error" and the precision at recall 0.5
   when segments are flagged from the highest score down; then a logistic regression of the
   adequacy signals (length left out), fitted on dev and scored on the held-out split, and
   the same with the length signals in.
2. Per unlinked content word (the dictionary could have linked it, and nothing links it): the
   share that sits on an annotated omission, and the precision of the words the encoder
   ranks highest (the source with the word taken out reads no less like the target).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mqm  # noqa: E402  (the benchmark's loader and split)


def _runs(docs):
    from align.alignment.encoders import load_encoder
    from align.pipeline import RunOptions, run

    encoder = load_encoder("use")
    options = RunOptions(presplit=True, cache=False, min_confidence=0.0)
    with tempfile.TemporaryDirectory() as tmp:
        for (system, doc), segments in docs.items():
            src, tgt = Path(tmp) / "src.txt", Path(tmp) / "tgt.txt"
            src.write_text("\n".join(s.source for s in segments) + "\n", encoding="utf-8")
            tgt.write_text("\n".join(s.target for s in segments) + "\n", encoding="utf-8")
            yield doc, segments, run(src, tgt, options, encoder), encoder


def collect(docs):
    from align.checks.omission import _linkable

    segment_rows, word_rows, encoder = [], [], None
    for doc, segments, result, encoder in _runs(docs):
        context = result.context
        for pair in context.matched:
            if len(pair.source_ids) != 1 or len(pair.target_ids) != 1:
                continue
            seg = segments[pair.source_ids[0]]
            alignment = context.links(pair)
            units = [k for k, u in enumerate(alignment.units) if u.content]
            tokens = [k for k, t in enumerate(alignment.tokens) if t.content]
            unlinked_units = alignment.unlinked_units()
            unlinked_tokens = alignment.unlinked_tokens()
            segment_rows.append(dict(
                held=mqm.held_out(doc), major=seg.major,
                similarity=pair.bead.similarity or 0.0,
                unlinked_source=len(unlinked_units), unlinked_target=len(unlinked_tokens),
                unlinked_source_share=len(unlinked_units) / max(1, len(units)),
                unlinked_target_share=len(unlinked_tokens) / max(1, len(tokens)),
                length_ratio=abs(np.log((len(seg.target) + 1) / (3 * len(seg.source) + 1))),
                source_words=len(units), source_chars=len(seg.source)))
            for k in unlinked_units:
                if not _linkable(alignment, k):
                    continue
                u = alignment.units[k]
                on = [e for e in seg.errors if e.side == "source" and e.start < u.end and u.start < e.end]
                word_rows.append(dict(held=mqm.held_out(doc), right=bool(on), source=seg.source,
                                      target=seg.target, start=u.start, end=u.end))
    return segment_rows, word_rows, encoder


def auc(score: np.ndarray, y: np.ndarray) -> float:
    ranks = np.empty(len(score))
    ranks[np.argsort(score, kind="stable")] = np.arange(len(score))
    positive = y == 1
    n1, n0 = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - n1 * (n1 - 1) / 2) / (n1 * n0))


def precision_at_recall(score: np.ndarray, y: np.ndarray, recall: float = 0.5) -> float:
    order = np.argsort(-score, kind="stable")
    hits = np.cumsum(y[order])
    n = int(np.searchsorted(hits, recall * y.sum()))
    return float(hits[n] / (n + 1))


def logistic(x: np.ndarray, y: np.ndarray, steps: int = 3000, rate: float = 0.1) -> np.ndarray:
    """Weights of a logistic regression (features standardised, plain gradient descent)."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * x.T @ (p - y) / len(y)
    return w


ADEQUACY = ("similarity", "unlinked_source", "unlinked_target", "unlinked_source_share",
            "unlinked_target_share", "length_ratio")
LENGTH = ("source_words", "source_chars")
HIGHER_IS_WORSE = {"similarity": False}


def main() -> int:
    docs = mqm.load(mqm.DATA)
    segment_rows, word_rows, encoder = collect(docs)
    print("1. segments (1-1 pairs) against 'has a Major error'")
    for split in (False, True):
        rows = [r for r in segment_rows if r["held"] == split]
        y = np.array([r["major"] for r in rows], dtype=float)
        print(f"  {'held-out' if split else 'dev'}: {len(rows)} segments, {y.mean():.2f} with a Major error")
        for name in ADEQUACY + LENGTH:
            s = np.array([r[name] for r in rows], dtype=float)
            s = s if HIGHER_IS_WORSE.get(name, True) else -s
            print(f"    {name:24s} AUC {auc(s, y):.3f}   precision at recall 0.5: "
                  f"{precision_at_recall(s, y):.3f}")
    dev = [r for r in segment_rows if not r["held"]]
    held = [r for r in segment_rows if r["held"]]
    for label, names in (("adequacy signals", ADEQUACY), ("adequacy + length", ADEQUACY + LENGTH)):
        xd = np.array([[r[n] for n in names] for r in dev], dtype=float)
        mean, std = xd.mean(0), xd.std(0) + 1e-9
        w = logistic((xd - mean) / std, np.array([r["major"] for r in dev], dtype=float))
        for split, rows in (("dev", dev), ("held-out", held)):
            x = (np.array([[r[n] for n in names] for r in rows], dtype=float) - mean) / std
            s = np.hstack([x, np.ones((len(x), 1))]) @ w
            y = np.array([r["major"] for r in rows], dtype=float)
            print(f"  logistic, {label:18s} {split:8s}: AUC {auc(s, y):.3f}, precision at "
                  f"recall 0.5: {precision_at_recall(s, y):.3f}")
    print("2. unlinked linkable source words against an annotated omission (dev)")
    words = [r for r in word_rows if not r["held"]]
    y = np.array([r["right"] for r in words], dtype=float)
    print(f"  {len(words)} words, {y.mean():.3f} on an annotated omission")

    def unit(texts):
        v = np.asarray(encoder.embed(texts).vectors, dtype=float)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    src = unit([r["source"] for r in words])
    tgt = unit([r["target"] for r in words])
    cut = unit([r["source"][:r["start"]] + r["source"][r["end"]:] for r in words])
    gain = (cut * tgt).sum(1) - (src * tgt).sum(1)
    order = np.argsort(-gain, kind="stable")
    for n in (25, 50, 100, 200):
        print(f"  the {n} the encoder ranks highest: precision {y[order[:n]].mean():.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
