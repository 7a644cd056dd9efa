"""The tool's CSV: UTF-8 with a BOM, CRLF rows, and cells guarded against running as
spreadsheet formulas.

Written by the output stage (alignment.csv, flags.csv, pairs.csv, decisions.csv, glossaries)
and read back by the stages that take those files as input (decisions, glossaries, corpora).
"""

from __future__ import annotations

import csv
import io

CSV_BOM = "\ufeff"  # spreadsheet programs read a CSV as UTF-8 only when it starts with one

# a cell starting with one of these would run as a formula in a spreadsheet
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(rows: list[list[object]], columns: list[str]) -> str:
    """CSV with a BOM so spreadsheet programs read the Chinese as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return CSV_BOM + out.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in _FORMULA_START:
        return "'" + value
    return value


def cell_text(cell: str) -> str:
    """The text of a cell this module wrote: the formula guard's quote taken off again."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in _FORMULA_START else cell
