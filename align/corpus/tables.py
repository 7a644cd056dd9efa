"""Corpus stage: every pair's report folder and outcome → the corpus tables (pandas): one row
per pair, every flag with its pair, the terms rendered differently across documents; then
pairs.csv, flags.csv, flags.parquet, corpus_consistency.csv, summary.json and index.html.

The tables are built from the files on disk, so a pair reused from an earlier run and one
run just now give the same rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import __version__
from .batch import RENDERINGS_FILE, PairOutcome
from .corpus_terms import RENDERING_COLUMNS, corpus_consistency
from ..io.csv_format import cell_text, csv_text
from ..io.files import write_atomic
from ..io.manifest import Corpus
from ..report.signature import parse_signature
from ..io.write import json_text

SEVERITIES = ["critical", "major", "minor", "neutral"]
PAIR_COLUMNS = ["pair", "status", "reason", "exit_code", "error", "source", "target",
                "source_chars", "source_sentences", "target_sentences", "beads",
                "unmatched_sentences", "mean_similarity", "flags", "flags_per_1k_chars",
                *SEVERITIES, "warnings", "report"]
_COUNTS = ["exit_code", "source_chars", "source_sentences", "target_sentences", "beads",
           "unmatched_sentences", "flags", *SEVERITIES]
CORPUS_FILES = ("pairs.csv", "flags.csv", "flags.parquet", "corpus_consistency.csv",
                "summary.json", "index.html")


@dataclass(frozen=True)
class CorpusTables:
    pairs: pd.DataFrame  # PAIR_COLUMNS, one row per pair in id order
    flags: pd.DataFrame  # pair, then flags.csv's columns; pairs that came out ok
    consistency: pd.DataFrame  # corpus_terms.CONSISTENCY_COLUMNS
    summary: dict[str, object]


def collect(corpus: Corpus, outcomes: dict[str, PairOutcome], out: Path,
            settings: dict[str, object], run: dict[str, object]) -> CorpusTables:
    from ..io.flags import FLAG_COLUMNS

    pair_rows, flag_rows, rendering_rows = [], [], []
    signature = ""
    for spec in corpus.pairs:
        outcome = outcomes[spec.id]
        row: dict[str, object] = {
            "pair": spec.id, "status": outcome.status, "reason": outcome.reason,
            "exit_code": outcome.exit_code, "error": outcome.error,
            "source": spec.source_name, "target": spec.target_name}
        if outcome.has_report:
            folder = out / spec.id
            summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
            signature = signature or str(summary.get("signature", ""))
            row.update(_figures(summary))
            row["report"] = f"{spec.id}/report.html"
            if outcome.ok:
                flags = json.loads((folder / "flags.json").read_text(encoding="utf-8"))
                flag_rows += [{"pair": spec.id, **{c: f.get(c, "") for c in FLAG_COLUMNS}}
                              for f in flags]
                rendering_rows += [{"pair": spec.id, **r} for r in _renderings(folder)]
        pair_rows.append(row)
    pairs = pd.DataFrame(pair_rows, columns=PAIR_COLUMNS)
    pairs[_COUNTS] = pairs[_COUNTS].astype("Int64")
    pairs[["mean_similarity", "flags_per_1k_chars"]] = \
        pairs[["mean_similarity", "flags_per_1k_chars"]].astype("Float64")
    for column in ("reason", "error", "warnings", "report"):
        pairs[column] = pairs[column].fillna("")
    flags = pd.DataFrame(flag_rows, columns=["pair", *FLAG_COLUMNS])
    renderings = pd.DataFrame(rendering_rows, columns=["pair", *RENDERING_COLUMNS])
    consistency = corpus_consistency(renderings)
    summary = _summary(corpus, pairs, flags, consistency, signature, settings, run)
    return CorpusTables(pairs, flags, consistency, summary)


def _figures(summary: dict) -> dict[str, object]:
    batch = summary.get("batch", {})
    chars = int(batch.get("source_chars", 0))
    by_severity = summary.get("flags_by_severity", {})
    flags = int(summary.get("flags", 0))
    return {
        "source_chars": chars,
        "source_sentences": summary.get("source_sentences"),
        "target_sentences": summary.get("target_sentences"),
        "beads": summary.get("beads"),
        "unmatched_sentences": batch.get("unmatched_sentences"),
        "mean_similarity": summary.get("mean_similarity"),
        "flags": flags,
        "flags_per_1k_chars": round(flags * 1000 / chars, 2) if chars else None,
        **{s: int(by_severity.get(s, 0)) for s in SEVERITIES},
        "warnings": " | ".join(str(w) for w in summary.get("warnings", [])),
    }


def _renderings(folder: Path) -> list[dict[str, object]]:
    text = (folder / RENDERINGS_FILE).read_text(encoding="utf-8-sig")
    return [{column: int(r[column]) if column in ("bead", "backed") else cell_text(r[column] or "")
             for column in RENDERING_COLUMNS}
            for r in csv.DictReader(io.StringIO(text, newline=""))]


def _summary(corpus: Corpus, pairs: pd.DataFrame, flags: pd.DataFrame,
             consistency: pd.DataFrame, signature: str, settings: dict[str, object],
             run: dict[str, object]) -> dict[str, object]:
    ok = pairs[pairs["status"] == "ok"]
    chars = int(ok["source_chars"].sum())
    similarity = ok["mean_similarity"].dropna()
    return {
        "kind": "align batch",
        "tool_version": __version__,
        "input": str(corpus.input or corpus.root),  # the manifest's name, not its folder
        "pairs": len(pairs),
        "ok": len(ok),
        "failed": int((pairs["status"] != "ok").sum()),
        "failed_by_reason": dict(sorted(Counter(pairs.loc[pairs["status"] != "ok", "reason"]).items())),
        "source_chars": chars,
        "flags": len(flags),
        "flags_per_1k_chars": round(len(flags) * 1000 / chars, 2) if chars else None,
        "flags_by_severity": {s: int((flags["severity"] == s).sum()) for s in SEVERITIES
                              if (flags["severity"] == s).any()},
        "flags_by_check": dict(sorted(Counter(flags["check"]).items())),
        "mean_similarity": round(float(similarity.mean()), 4) if len(similarity) else None,
        "unmatched_sentences": int(ok["unmatched_sentences"].sum()),
        "terms_rendered_differently": int(consistency["term"].nunique()),
        "ignored_files": list(corpus.ignored),
        "signature": signature,
        "signature_short": parse_signature(signature).short() if signature else "",
        "settings": settings,
        "run": run,  # how this invocation went: differs from run to run
    }


def write_corpus(tables: CorpusTables, out: Path) -> list[Path]:
    """Write the corpus-level files beside the pair folders, each whole or not at all."""
    from ..report.corpus_report import render_index

    pairs, flags, consistency = tables.pairs, tables.flags, tables.consistency
    joined = consistency.assign(
        variants=consistency["variants"].map(" | ".join),
        pairs=consistency["pairs"].map(" | ".join))
    parquet = io.BytesIO()
    flags.to_parquet(parquet, index=False)
    files: dict[str, str | bytes] = {
        "pairs.csv": _csv(pairs),
        "flags.csv": _csv(flags),
        "flags.parquet": parquet.getvalue(),
        "corpus_consistency.csv": _csv(joined),
        "index.html": render_index(pairs, consistency, tables.summary),
        "summary.json": json_text(tables.summary),
    }
    written = []
    for name, content in files.items():
        write_atomic(out / name, content)
        written.append(out / name)
    return written


def _csv(table: pd.DataFrame) -> str:
    """Through the project's CSV writer (BOM, formula guard); missing values as empty cells."""
    cells = table.astype(object).where(table.notna(), "")
    return csv_text(cells.values.tolist(), list(table.columns))
