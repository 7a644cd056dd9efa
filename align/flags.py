"""Flags as the reviewer reads them: flags.csv and flags.json rows.

Column order is fixed; `flag_id` is the flag's position in document order.
"""

from __future__ import annotations

from .types import Flag, Pair
from .write import csv_text

FLAG_COLUMNS = ["flag_id", "check", "category", "severity", "src_ids", "tgt_ids", "src_term",
                "tgt_span", "suggestion", "message", "src_text", "tgt_text", "confidence"]


def flag_rows(flags: list[Flag], pairs: list[Pair]) -> list[dict[str, object]]:
    return [{
        "flag_id": k,
        "check": f.check,
        "category": f.category,
        "severity": f.severity.value,
        "src_ids": " ".join(map(str, f.source_ids)),
        "tgt_ids": " ".join(map(str, f.target_ids)),
        "src_term": f.src_term,
        "tgt_span": f.tgt_span,
        "suggestion": f.suggestion,
        "message": f.message,
        "src_text": pairs[f.bead].source_text,
        "tgt_text": pairs[f.bead].target_text,
        "confidence": round(f.confidence, 2),
        "bead": f.bead,
    } for k, f in enumerate(flags)]


def flags_csv(flags: list[Flag], pairs: list[Pair]) -> str:
    rows = flag_rows(flags, pairs)
    return csv_text([[row[c] for c in FLAG_COLUMNS] for row in rows], FLAG_COLUMNS)


def flags_json(flags: list[Flag], pairs: list[Pair]) -> list[dict[str, object]]:
    return flag_rows(flags, pairs)
