"""Report stage for spreadsheets: flags → flags.xlsx, the sheet a reviewer works in.

Same columns as flags.csv, one row per flag with its sentence pair, the severity as a fill
colour, filters on every column, the header frozen; dismissed flags on a second sheet.
"""

from __future__ import annotations

import io

from .flags import FLAG_COLUMNS, flag_rows
from .types import Flag, Pair

SEVERITY_FILLS = {"critical": "E1BEE7", "major": "FFC9C9", "minor": "FFE8B3", "neutral": "E2E6EA"}
# characters wide; long texts wrap inside these
COLUMN_WIDTHS = {"flag_id": 14, "check": 12, "category": 22, "severity": 10, "src_ids": 8,
                 "tgt_ids": 8, "src_term": 16, "tgt_span": 20, "suggestion": 24, "message": 48,
                 "src_text": 48, "tgt_text": 60, "decision": 10, "confidence": 11}


def flags_xlsx(flags: list[Flag], dismissed: list[Flag], pairs: list[Pair],
               decisions: dict[str, str] | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheets = [(book.active, "flags", flags)]
    if dismissed:
        sheets.append((book.create_sheet(), "dismissed", dismissed))
    for sheet, title, chosen in sheets:
        sheet.title = title
        sheet.append(FLAG_COLUMNS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in flag_rows(chosen, pairs, decisions):
            sheet.append([row[c] for c in FLAG_COLUMNS])
            cells = sheet[sheet.max_row]
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # input text is never a formula
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            fill = SEVERITY_FILLS.get(str(row["severity"]))
            if fill:
                cells[FLAG_COLUMNS.index("severity")].fill = PatternFill("solid", fgColor=fill)
        for k, column in enumerate(FLAG_COLUMNS):
            sheet.column_dimensions[chr(ord("A") + k)].width = COLUMN_WIDTHS.get(column, 12)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
