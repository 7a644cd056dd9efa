"""Glossary files: CSV (zh,en,status,variants,forbidden,note,frequency,source) and TBX-Basic.

Loading validates (file, line, problem), merges duplicate terms and detects a reversed file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from ..language import lexicon
from ..errors import GlossaryError
from ..io.read import decode, parse_xml, read_bytes
from ..types import GlossaryEntry
from ..io.csv_format import CSV_BOM

COLUMNS = ["zh", "en", "status", "variants", "forbidden", "note", "frequency", "source"]
STATUSES = ("candidate", "approved", "admitted", "forbidden")
_TBX_STATUS = {"approved": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
               "forbidden": "deprecatedTerm-admn-sts", "candidate": ""}


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


@dataclass(frozen=True)
class Glossary:
    """A glossary file as read: its entries (duplicate terms merged) and what was noticed."""

    entries: tuple[GlossaryEntry, ...]
    warnings: tuple[str, ...] = ()


def load_glossary(path: Path) -> Glossary:
    decoded = decode(read_bytes(path), name=str(path))
    text = decoded.text
    if str(path).lower().endswith((".tbx", ".xml")) or text.lstrip().startswith("<"):
        entries = parse_tbx(text, str(path))
    else:
        entries = parse_csv(text, str(path))
    merged, merges = merge_duplicates(entries, str(path))
    return Glossary(tuple(merged), decoded.warnings + tuple(merges))


def parse_csv(text: str, name: str) -> list[GlossaryEntry]:
    reader = csv.reader(io.StringIO(text.removeprefix(CSV_BOM)), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise GlossaryError(f"{name}: the glossary is empty") from None
    except csv.Error as exc:
        raise GlossaryError(f"{name}, line 1: {exc}") from None
    if "zh" not in header or "en" not in header:
        raise GlossaryError(f"{name}, line 1: header must name at least the columns zh,en "
                            f"(found {','.join(header)[:80]})")
    entries: list[GlossaryEntry] = []
    reversed_rows = 0
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise GlossaryError(f"{name}, line {line}: {len(row)} cells, header has "
                                    f"{len(header)} (a comma inside an unquoted cell?)")
            cells = dict(zip(header, (c.strip() for c in row)))
            zh, en = cells.get("zh", ""), cells.get("en", "")
            if not zh:
                raise GlossaryError(f"{name}, line {line}: the zh cell is empty")
            if not lexicon.HAN.search(zh) and lexicon.HAN.search(en):
                reversed_rows += 1
            status = (cells.get("status") or "candidate").lower()
            if status not in STATUSES:
                raise GlossaryError(f"{name}, line {line}: status {status!r} is not one of "
                                    f"{', '.join(STATUSES)}")
            frequency = cells.get("frequency") or "0"
            if not frequency.isdigit():
                raise GlossaryError(f"{name}, line {line}: frequency {frequency!r} is not a number")
            entries.append(GlossaryEntry(zh, en, status, _split(cells.get("variants", "")),
                                         _split(cells.get("forbidden", "")),
                                         cells.get("note", ""), int(frequency),
                                         cells.get("source", "")))
    except csv.Error as exc:
        raise GlossaryError(f"{name}, line {reader.line_num}: {exc}") from None
    if entries and reversed_rows > len(entries) / 2:
        raise GlossaryError(f"{name}: the zh column holds English and the en column Chinese "
                            "in most rows: the glossary is in the wrong direction")
    return entries


def merge_duplicates(entries: list[GlossaryEntry],
                     name: str) -> tuple[list[GlossaryEntry], list[str]]:
    """One entry per term, and a warning for each term that had several."""
    merged: dict[str, GlossaryEntry] = {}
    warnings: list[str] = []
    for entry in entries:
        old = merged.get(entry.zh)
        if old is None:
            merged[entry.zh] = entry
            continue
        warnings.append(f"{name}: term {entry.zh} appears more than once; entries merged")
        variants = tuple(dict.fromkeys(v for v in (*old.variants, entry.en, *entry.variants)
                                       if v and v != old.en))
        merged[entry.zh] = GlossaryEntry(
            old.zh, old.en or entry.en, old.status if old.status != "candidate" else entry.status,
            variants, tuple(dict.fromkeys(old.forbidden + entry.forbidden)),
            "; ".join(n for n in (old.note, entry.note) if n),
            old.frequency + entry.frequency, old.source or entry.source)
    return list(merged.values()), warnings


def glossary_csv(entries: list[GlossaryEntry]) -> str:
    """The glossary CSV, with a BOM so that spreadsheet programs show the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in entries:
        writer.writerow([e.zh, e.en, e.status, "|".join(e.variants), "|".join(e.forbidden),
                         e.note, e.frequency, e.source])
    return CSV_BOM + out.getvalue()


def glossary_tbx(entries: list[GlossaryEntry]) -> str:
    """TBX-Basic: one conceptEntry per term, zh and en langSecs, status as
    administrativeStatus. An unreviewed candidate's terms carry processStatus unprocessed
    and no administrativeStatus (nobody has admitted them yet); a side with no term gets no
    langSec at all."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
             '  <tbxHeader><fileDesc><sourceDesc><p>align glossary</p></sourceDesc></fileDesc>'
             '</tbxHeader>', '  <text><body>']
    for k, e in enumerate(entries):
        lines.append(f'    <conceptEntry id="c{k}">')
        if e.note:
            lines.append(f'      <descrip type="definition">{escape(e.note)}</descrip>')
        lines.append(f'      <admin type="x-frequency">{e.frequency}</admin>')
        if e.source:
            lines.append(f'      <admin type="source">{escape(e.source)}</admin>')
        process = "unprocessed" if e.status == "candidate" else "finalized"
        lines.append('      <langSec xml:lang="zh"><termSec>'
                     f'<term>{escape(e.zh)}</term>'
                     f'<termNote type="x-status">{e.status}</termNote>'
                     f'<termNote type="processStatus">{process}</termNote></termSec></langSec>')
        terms = [(e.en, _TBX_STATUS[e.status] if e.status != "forbidden" else
                  "preferredTerm-admn-sts", "en")] if e.en else []
        terms += [(v, "admittedTerm-admn-sts", "variant") for v in e.variants]
        terms += [(f, "deprecatedTerm-admn-sts", "forbidden") for f in e.forbidden]
        if terms:
            lines.append('      <langSec xml:lang="en">')
        for term, status, role in terms:
            admin = "" if e.status == "candidate" and role != "forbidden" else \
                f'<termNote type="administrativeStatus">{status}</termNote>'
            lines.append(f'        <termSec><term>{escape(term)}</term>{admin}'
                         f'<termNote type="processStatus">{process}</termNote>'
                         f'<termNote type="x-role">{role}</termNote></termSec>')
        if terms:
            lines.append('      </langSec>')
        lines.append('    </conceptEntry>')
    lines += ['  </body></text>', '</tbx>', '']
    return "\n".join(lines)


def parse_tbx(text: str, name: str) -> list[GlossaryEntry]:
    """Read TBX (TBX-Basic, the 2019 and the older termEntry/langSet/tig forms), safely."""
    root = parse_xml(text.encode("utf-8"), name, GlossaryError)

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    def lang_of(element) -> str:
        return (element.get("{http://www.w3.org/XML/1998/namespace}lang") or
                element.get("lang") or "").lower()

    entries: list[GlossaryEntry] = []
    for concept in (el for el in root.iter() if local(el.tag) in ("conceptEntry", "termEntry")):
        zh, status, note, source, frequency = "", "candidate", "", "", 0
        en, variants, forbidden = "", [], []
        for child in concept.iter():
            tag = local(child.tag)
            if tag == "descrip" and child.get("type") == "definition":
                note = child.text or ""
            elif tag == "admin" and child.get("type") == "source":
                source = child.text or ""
            elif tag == "admin" and child.get("type") == "x-frequency":
                frequency = int(child.text) if (child.text or "").isdigit() else 0
        for lang_set in (el for el in concept if local(el.tag) in ("langSec", "langSet")):
            lang = lang_of(lang_set)
            for term_sec in (el for el in lang_set.iter() if local(el.tag) in ("termSec", "tig", "ntig")):
                term = next((el.text or "" for el in term_sec.iter() if local(el.tag) == "term"), "")
                notes = {el.get("type"): (el.text or "") for el in term_sec.iter()
                         if local(el.tag) == "termNote"}
                admin = notes.get("administrativeStatus", "")
                if lang.startswith("zh"):
                    zh = term.strip()
                    status = notes.get("x-status", status)
                elif lang.startswith("en"):
                    role = notes.get("x-role") or ("forbidden" if admin.startswith("deprecated")
                                                   else "variant" if en or admin.startswith("admitted")
                                                   else "en")
                    if role == "forbidden":
                        forbidden.append(term.strip())
                    elif role == "variant":
                        variants.append(term.strip())
                    else:
                        en = term.strip()
        if not zh:
            raise GlossaryError(f"{name}: a term entry has no Chinese (zh) term")
        if status not in STATUSES:
            status = "candidate"
        entries.append(GlossaryEntry(zh, en, status, tuple(variants), tuple(forbidden), note,
                                     frequency, source))
    if not entries:
        raise GlossaryError(f"{name}: no term entries found (is this a TBX file?)")
    return entries
