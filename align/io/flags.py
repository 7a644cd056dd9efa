"""Flags as the reviewer reads them: stable flag ids and the flags.csv / flags.json rows.

Column order is fixed and `confidence` stays last; `flag_id` is a fingerprint of the finding.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import replace

from ..types import Flag, Pair
from .csv_format import csv_text

FLAG_COLUMNS = ["flag_id", "check", "category", "severity", "src_ids", "tgt_ids", "src_term",
                "tgt_span", "suggestion", "message", "src_text", "tgt_text", "decision",
                "confidence"]


def normalised(text: str) -> str:
    """Text as the fingerprint sees it: NFKC (full-width forms folded), case and runs of
    whitespace ignored, so re-wrapping a line or retyping a comma does not change an id."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def flag_id(flag: Flag, pair: Pair) -> str:
    """A finding's id: the one the pipeline numbered it with, else its fingerprint."""
    return flag.id or fingerprint(flag, pair)


def fingerprint(flag: Flag, pair: Pair) -> str:
    """A finding's fingerprint: check, category, source term, target span and both sentence
    texts. It depends on nothing else, so flags that come or go elsewhere never change it,
    and the same finding in the next run of the same text has the same id."""
    parts = (flag.check, flag.category, normalised(flag.src_term), normalised(flag.tgt_span),
             normalised(pair.source_text), normalised(pair.target_text))
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def numbered(flags: list[Flag], pairs: list[Pair]) -> list[Flag]:
    """Each flag with its id: the fingerprint, and for the second and later of identical
    findings (the same rendering twice in one sentence) the fingerprint with its occurrence
    number, so each can be decided on its own and the ids stay the same from run to run."""
    seen: dict[str, int] = {}
    out = []
    for flag in flags:
        base = fingerprint(flag, pairs[flag.bead])
        seen[base] = seen.get(base, 0) + 1
        ident = base if seen[base] == 1 else \
            hashlib.sha1(f"{base}#{seen[base]}".encode()).hexdigest()[:12]
        out.append(replace(flag, id=ident))
    return out


def flag_rows(flags: list[Flag], pairs: list[Pair],
              decisions: dict[str, str] | None = None) -> list[dict[str, object]]:
    """One row per flag; `decisions` maps a flag id to the reviewer's decision, if any."""
    rows = []
    for f in flags:
        pair = pairs[f.bead]
        ident = flag_id(f, pair)
        rows.append({
            "flag_id": ident,
            "check": f.check,
            "category": f.category,
            "severity": f.severity.value,
            "src_ids": " ".join(map(str, f.source_ids)),
            "tgt_ids": " ".join(map(str, f.target_ids)),
            "src_term": f.src_term,
            "tgt_span": f.tgt_span,
            "suggestion": f.suggestion,
            "message": f.message,
            "src_text": pair.source_text,
            "tgt_text": pair.target_text,
            "decision": (decisions or {}).get(ident, ""),
            "confidence": round(f.confidence, 2),
            "bead": f.bead,
            "places": [{"bead": place.bead, "tgt_span": place.tgt_span} for place in f.places],
        })
    return rows


def flags_csv(flags: list[Flag], pairs: list[Pair], decisions: dict[str, str] | None = None) -> str:
    rows = flag_rows(flags, pairs, decisions)
    return csv_text([[row[c] for c in FLAG_COLUMNS] for row in rows], FLAG_COLUMNS)


def flags_json(flags: list[Flag], pairs: list[Pair],
               decisions: dict[str, str] | None = None) -> list[dict[str, object]]:
    return flag_rows(flags, pairs, decisions)
