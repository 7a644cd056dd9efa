"""Reviewer decisions: decisions.csv (exported from report.html) → which flags were accepted
as real errors and which dismissed as false alarms, by stable flag id.

A later run reads it back, hides the dismissed flags and marks the accepted ones.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import FormatError
from .read import decode, read_bytes
from .csv_format import cell_text, csv_text

DECISION_COLUMNS = ["id", "decision", "note", "reviewer", "time", "check", "src_term", "tgt_span"]
ACCEPT, DISMISS = "accept", "dismiss"


@dataclass(frozen=True)
class Decision:
    """A reviewer's verdict on one flag: `accept` (a real error) or `dismiss` (a false alarm)."""

    flag_id: str
    decision: str
    note: str = ""
    reviewer: str = ""
    time: str = ""
    # what the flag was about, so a person (or `glossary add`) can read the file on its own
    check: str = ""
    src_term: str = ""
    tgt_span: str = ""


def load_decisions(path: Path) -> dict[str, Decision]:
    """Read decisions.csv; the last decision for an id wins (the file is append-friendly)."""
    text = decode(read_bytes(path), name=str(path)).text
    reader = csv.DictReader(io.StringIO(text), strict=True)
    try:
        header = [h.strip().lower() for h in reader.fieldnames or []]
        if "id" not in header or "decision" not in header:
            raise FormatError(f"{path}, line 1: a decisions file needs the columns id,decision "
                              f"(found {','.join(header)[:80] or 'nothing'})")
        reader.fieldnames = header
        found: dict[str, Decision] = {}
        for row in reader:
            cells = {k: cell_text((v or "").strip()) for k, v in row.items() if k}
            if not cells.get("id"):
                continue
            verdict = cells.get("decision", "").lower()
            if verdict not in (ACCEPT, DISMISS, ""):
                raise FormatError(f"{path}, line {reader.line_num}: decision {verdict!r} is "
                                  f"neither {ACCEPT} nor {DISMISS}")
            if not verdict:
                found.pop(cells["id"], None)  # a decision taken back
                continue
            found[cells["id"]] = Decision(cells["id"], verdict, *(
                cells.get(c, "") for c in DECISION_COLUMNS[2:]))
    except csv.Error as exc:
        raise FormatError(f"{path}, line {reader.line_num}: {exc}") from None
    return found


def decisions_csv(decisions: list[Decision]) -> str:
    return csv_text([[d.flag_id, d.decision, d.note, d.reviewer, d.time, d.check, d.src_term,
                      d.tgt_span] for d in decisions], DECISION_COLUMNS)
