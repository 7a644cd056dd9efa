"""Report stage for spreadsheets: flags → flags.xlsx, the sheet a reviewer works in.

Same columns as flags.csv, one row per flag with its sentence pair, the severity as a fill
colour, filters on every column, the header frozen; dismissed flags on a second sheet.
"""

from __future__ import annotations

import datetime
import io

from .flags import FLAG_COLUMNS, flag_rows
from ..types import Flag, Pair

SEVERITY_FILLS = {"critical": "#E1BEE7", "major": "#FFC9C9", "minor": "#FFE8B3",
                  "neutral": "#E2E6EA"}
# characters wide; long texts wrap inside these
COLUMN_WIDTHS = {"flag_id": 14, "check": 12, "category": 22, "severity": 10, "src_ids": 8,
                 "tgt_ids": 8, "src_term": 16, "tgt_span": 20, "suggestion": 24, "message": 48,
                 "src_text": 48, "tgt_text": 60, "decision": 10, "confidence": 11}
# a fixed creation time (xlsxwriter fixes the zip's own): the same flags give the same file
CREATED = datetime.datetime(2000, 1, 1)


def flags_xlsx(flags: list[Flag], dismissed: list[Flag], pairs: list[Pair],
               decisions: dict[str, str] | None = None) -> bytes:
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
    severity_column = FLAG_COLUMNS.index("severity")
    for title, chosen in (("flags", flags), ("dismissed", dismissed)):
        if title == "dismissed" and not dismissed:
            continue
        sheet = book.add_worksheet(title)
        sheet.write_row(0, 0, FLAG_COLUMNS, header)
        rows = flag_rows(chosen, pairs, decisions)
        for r, row in enumerate(rows, start=1):
            for c, column in enumerate(FLAG_COLUMNS):
                value = row[column]
                style = fills.get(str(value), wrap) if c == severity_column else wrap
                if isinstance(value, str):
                    sheet.write_string(r, c, value, style)
                else:
                    sheet.write_number(r, c, value, style)
        for c, column in enumerate(FLAG_COLUMNS):
            sheet.set_column(c, c, COLUMN_WIDTHS.get(column, 12))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(1, len(rows)), len(FLAG_COLUMNS) - 1)
    book.close()
    return out.getvalue()
