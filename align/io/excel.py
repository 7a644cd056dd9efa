"""Report stage for spreadsheets: flags → flags.xlsx, the sheet a reviewer works in.

Same columns as flags.csv and the reviewer's note, one row per flag with its sentence pair,
the severity as a fill colour, filters on every column, the header frozen; dismissed flags
and those under the confidence floor on sheets of their own.
"""

from __future__ import annotations

import datetime
import io

from .decisions import Decision
from .flags import FLAG_COLUMNS, flag_rows
from ..types import Flag, Pair

# the reviewer's note on a decision sits next to the decision
SHEET_COLUMNS = [*FLAG_COLUMNS[:FLAG_COLUMNS.index("decision") + 1], "note",
                 *FLAG_COLUMNS[FLAG_COLUMNS.index("decision") + 1:]]

SEVERITY_FILLS = {"critical": "#E1BEE7", "major": "#FFC9C9", "minor": "#FFE8B3",
                  "neutral": "#E2E6EA"}
# characters wide; long texts wrap inside these
COLUMN_WIDTHS = {"flag_id": 14, "check": 12, "category": 22, "severity": 10, "src_ids": 8,
                 "tgt_ids": 8, "src_term": 16, "tgt_span": 20, "suggestion": 24, "message": 48,
                 "src_text": 48, "tgt_text": 60, "decision": 10, "note": 30, "confidence": 11}
# a fixed creation time (xlsxwriter fixes the zip's own): the same flags give the same file
CREATED = datetime.datetime(2000, 1, 1)


def flags_xlsx(flags: list[Flag], dismissed: list[Flag], pairs: list[Pair],
               decisions: dict[str, str] | None = None, below: list[Flag] = (),
               notes: dict[str, Decision] | None = None) -> bytes:
    """The workbook; `notes` are the reviewer's decisions by flag id, for their notes."""
    import xlsxwriter

    out = io.BytesIO()
    # strings are never turned into formulas, numbers or links: input text stays text
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                     "strings_to_numbers": False, "strings_to_urls": False})
    book.set_properties({"title": "align flags", "created": CREATED})
    header = book.add_format({"bold": True, "bottom": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    fills = {name: book.add_format({"bg_color": colour, "valign": "top"})
             for name, colour in SEVERITY_FILLS.items()}
    severity_column = SHEET_COLUMNS.index("severity")
    for title, chosen in (("flags", flags), ("dismissed", dismissed),
                          ("under confidence floor", below)):
        if title != "flags" and not chosen:
            continue
        sheet = book.add_worksheet(title)
        sheet.write_row(0, 0, SHEET_COLUMNS, header)
        rows = flag_rows(list(chosen), pairs, decisions)
        for r, row in enumerate(rows, start=1):
            decided = (notes or {}).get(str(row["flag_id"]))
            row["note"] = decided.note if decided else ""
            for c, column in enumerate(SHEET_COLUMNS):
                value = row[column]
                style = fills.get(str(value), wrap) if c == severity_column else wrap
                if isinstance(value, str):
                    sheet.write_string(r, c, value, style)
                else:
                    sheet.write_number(r, c, value, style)
        for c, column in enumerate(SHEET_COLUMNS):
            sheet.set_column(c, c, COLUMN_WIDTHS.get(column, 12))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(1, len(rows)), len(SHEET_COLUMNS) - 1)
    book.close()
    return out.getvalue()
