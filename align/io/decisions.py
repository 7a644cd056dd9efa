"""Reviewer decisions: decisions.csv (exported from report.html) → which flags were accepted
as real errors and which dismissed as false alarms, by stable flag id.

A later run reads it back, hides the dismissed flags and marks the accepted ones. A row
with a `scope` is an ignore rule, as Xbench's ignore lists: `term` dismisses every flag of
its check on its source term, `rendering` those on the term rendered as its target span, in
whatever document the file is passed to.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import FormatError
from .read import decode, read_bytes
from .csv_format import cell_text, csv_text
from .flags import normalised

DECISION_COLUMNS = ["id", "decision", "note", "reviewer", "time", "check", "src_term", "tgt_span",
                    "scope"]
ACCEPT, DISMISS = "accept", "dismiss"
TERM, RENDERING = "term", "rendering"  # the scopes of an ignore rule


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
    scope: str = ""  # "": this flag only; term | rendering: an ignore rule (see the module)

    @property
    def rule(self) -> tuple[str, str, str] | None:
        """What an ignore rule matches: (check, source term, target span or "" for any)."""
        if self.scope not in (TERM, RENDERING) or self.decision != DISMISS:
            return None
        return (self.check, normalised(self.src_term),
                normalised(self.tgt_span) if self.scope == RENDERING else "")


def rule_id(check: str, src_term: str, tgt_span: str = "") -> str:
    """The id an ignore rule is written under: readable, and one per rule."""
    return f"ignore:{check}:{normalised(src_term)}" + (f"={normalised(tgt_span)}" if tgt_span else "")


def ignored_by(decisions: dict[str, Decision], check: str, src_term: str,
               tgt_span: str) -> Decision | None:
    """The ignore rule among `decisions` that dismisses a flag of `check` on this term and
    rendering, if any: a rendering rule before a term rule."""
    rules = {d.rule: d for d in decisions.values() if d.rule}
    if not rules or not src_term:
        return None
    term = normalised(src_term)
    return rules.get((check, term, normalised(tgt_span))) or rules.get((check, term, ""))

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
            scope = cells.get("scope", "").lower()
            if scope not in ("", TERM, RENDERING):
                raise FormatError(f"{path}, line {reader.line_num}: scope {scope!r} is none of "
                                  f"{TERM}, {RENDERING} (or empty: this flag only)")
            if scope and not (cells.get("check") and cells.get("src_term")):
                raise FormatError(f"{path}, line {reader.line_num}: an ignore rule (scope "
                                  f"{scope}) needs its check and src_term")
            if verdict not in (ACCEPT, DISMISS, ""):
                raise FormatError(f"{path}, line {reader.line_num}: decision {verdict!r} is "
                                  f"neither {ACCEPT} nor {DISMISS}")
            if not verdict:
                found.pop(cells["id"], None)  # a decision taken back
                continue
            found[cells["id"]] = Decision(cells["id"], verdict, *(
                cells.get(c, "") for c in DECISION_COLUMNS[2:-1]), scope=scope)
    except csv.Error as exc:
        raise FormatError(f"{path}, line {reader.line_num}: {exc}") from None
    return found


def decisions_csv(decisions: list[Decision]) -> str:
    return csv_text([[d.flag_id, d.decision, d.note, d.reviewer, d.time, d.check, d.src_term,
                      d.tgt_span, d.scope] for d in decisions], DECISION_COLUMNS)
