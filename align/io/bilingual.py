"""Reading stage for files that are already aligned: XLIFF 1.2 / 2.x, TMX, and bilingual
CSV / TSV / XLSX → `Segment`s (a source and a target text per unit), with no alignment step.

XML is screened by defusedxml (entity expansion, external entities) before translate-toolkit
parses it; inline codes (<x/>, <ph>, <bpt>…) are left out of the checked text and handed on
beside it as `InlineCode`s, where they stand, for the tags check.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import FormatError, InputError
from ..types import InlineCode
from .read import MAX_BYTES, decode, normalize_space, parse_xml, read_bytes

XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".xlsx")
BILINGUAL_SUFFIXES = (*XLIFF_SUFFIXES, ".tmx", *TABLE_SUFFIXES)

# header names of the source and the target column of a bilingual table (case ignored)
SOURCE_COLUMNS = ("source", "src", "zh", "zh-cn", "zh_cn", "chinese", "中文", "原文", "source text")
TARGET_COLUMNS = ("target", "tgt", "en", "en-us", "en_us", "en-gb", "english", "英文", "译文",
                  "target text", "translation")

# inline elements whose content is text to check (<g>, <mrk>, <pc>, TMX <hi>); every other
# inline element (<x/>, <ph>, <bpt>, <ept>, <it>, <sc/>, <ec/>, <sm/>, <em/>, <ut>, <sub>)
# holds codes or text of another flow and is left out
_TEXT_ELEMENTS = {"g", "mrk", "pc", "hi"}
# of those, the ones that are formatting (a bold run) rather than annotation: kept as codes
_PAIRED_ELEMENTS = {"g", "pc"}
# codes that open or close a pair by themselves; an <ept>, <ex> or <ec> names its opener by
# rid / startRef where it has one
_OPENING = {"bpt", "bx", "sc"}
_CLOSING = {"ept", "ex", "ec"}
_STANDALONE = {"x", "ph", "it"}
_MARK = "\ue000"  # stands for a code while the text's spaces are normalised


@dataclass(frozen=True)
class Segment:
    """One source/target pair of a bilingual file; `position` counts every segment the file
    has, blank ones included, so the XLIFF writer can find it again."""

    source: str
    target: str
    unit: str  # the unit's id in the file: trans-unit id, unit id (and segment id), tuid, row
    position: int
    source_codes: tuple[InlineCode, ...] = ()  # inline codes, where they stand in the text
    target_codes: tuple[InlineCode, ...] = ()


@dataclass(frozen=True)
class BilingualDocument:
    path: Path
    format: str  # xliff-1.2 | xliff-2.0 | tmx | table
    segments: tuple[Segment, ...]  # those with text on at least one side
    raw: bytes
    warnings: tuple[str, ...] = ()  # what reading noticed (a table cut mid-character)


def is_bilingual(path: Path) -> bool:
    """By the name, or for a .xml file by its root: <xliff> or <tmx>."""
    suffix = path.suffix.lower()
    if suffix == ".xml" and path.is_file():
        with open(path, "rb") as handle:
            head = handle.read(4000).decode("utf-8", "replace")
        return bool(re.search(r"<(xliff|tmx)[\s>]", head))
    return suffix in BILINGUAL_SUFFIXES


def is_bilingual_file(path: Path) -> bool:
    """A file that holds both sides by its content, for a folder of many kinds of file: XLIFF
    or TMX by name or root, a table only when its header names a source and a target column
    (a stray notes.csv is no bilingual table)."""
    if not is_bilingual(path):
        return False
    if path.suffix.lower() not in TABLE_SUFFIXES:
        return True
    try:
        header = _table_header(path)
    except Exception:  # openpyxl and the decoder raise many kinds for a damaged file
        return False
    return any(h in SOURCE_COLUMNS for h in header) and any(h in TARGET_COLUMNS for h in header)


def _table_header(path: Path) -> list[str]:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            first = next(book.worksheets[0].iter_rows(max_row=1, values_only=True), ())
        finally:
            book.close()
        return [str(h or "").strip().lower() for h in first]
    with open(path, "rb") as handle:
        head = handle.read(8000).decode("utf-8-sig", "replace")
    line = head.splitlines()[0] if head else ""
    return [h.strip().strip('"').lower() for h in line.split(delimiter(line, path.suffix))]


def delimiter(header: str, suffix: str = ".csv") -> str:
    """The separator of a table by its header line: a comma, or the semicolon that a CSV saved
    by a European Excel uses, or a tab; .tsv and .tab files are tab-separated unless the
    header says otherwise."""
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    default = "\t" if suffix.lower() in (".tsv", ".tab") else ","
    best = max(counts, key=lambda sep: (counts[sep], sep == default))
    return best if counts[best] else default


def read_bilingual(path: Path, max_bytes: int = MAX_BYTES) -> BilingualDocument:
    """Read a bilingual file; raise `InputError` (unreadable) or `FormatError` (malformed,
    unsafe, or holding no segments) with a one-line reason."""
    raw = read_bytes(path, max_bytes)
    suffix = path.suffix.lower()
    warnings: tuple[str, ...] = ()
    if suffix in TABLE_SUFFIXES:
        fmt, (segments, warnings) = "table", _table_segments(path, raw)
    else:
        store, fmt = parse_xml_store(raw, str(path), suffix)
        segments = [Segment(_text(src), _text(tgt), unit, k, inline_codes(src), inline_codes(tgt))
                    for k, (_, unit, src, tgt) in enumerate(xml_segments(store, fmt))]
    kept = tuple(s for s in segments if s.source or s.target)
    if not kept:
        raise FormatError(f"{path}: no segments with text found")
    return BilingualDocument(path, fmt, kept, raw, warnings)


# ------------------------------------------------------------------------------ XML

def parse_xml_store(raw: bytes, name: str, suffix: str):
    """Screen (read.parse_xml), then parse with translate-toolkit; returns (store, format
    name)."""
    parse_xml(raw, name)
    from translate.storage import tmx, xliff, xliff2

    head = raw[:2000].decode("utf-8", "replace")
    try:
        if suffix == ".tmx" or re.search(r"<tmx[\s>]", head):
            return tmx.tmxfile.parsestring(raw), "tmx"
        if "urn:oasis:names:tc:xliff:document:2" in head or re.search(
                r"<xliff[^>]*\sversion=[\"']2", head):
            return xliff2.Xliff2File.parsestring(raw), "xliff-2.0"
        if "<xliff" not in head:
            raise FormatError(f"{name}: not an XLIFF or TMX file (no <xliff> or <tmx> root)")
        return xliff.xlifffile.parsestring(raw), "xliff-1.2"
    except FormatError:
        raise
    except Exception as exc:  # translate-toolkit raises ValueError, lxml errors and others
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FormatError(f"{name}: cannot read as XLIFF/TMX: {first[:160]}") from None


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name: str) -> list:
    return [] if element is None else [c for c in element if _local(c) == name]


def xml_segments(store, fmt: str) -> Iterator[tuple[object, str, object, object]]:
    """(element that takes notes, unit id, source element, target element) per segment, in
    file order. The same walk serves reading and writing notes, so position k is the same
    segment both times."""
    if fmt == "tmx":
        source_lang = (store.sourcelanguage or "zh").lower()
        for k, unit in enumerate(store.units):
            tu = unit.xmlelement
            by_lang: dict[str, object] = {}
            for tuv in _children(tu, "tuv"):
                lang = (tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or
                        tuv.get("lang") or "").lower()
                seg = next(iter(_children(tuv, "seg")), None)
                by_lang.setdefault(lang, seg)
            source = next((s for lang, s in by_lang.items() if lang.startswith("zh")),
                          by_lang.get(source_lang))
            target = next((s for lang, s in by_lang.items() if lang.startswith("en")), None)
            yield tu, tu.get("tuid") or str(k + 1), source, target
        return
    for unit in store.units:
        if unit.isheader() or not unit.istranslatable():
            continue
        element = unit.xmlelement
        if fmt == "xliff-2.0":  # translate-toolkit's unit is the <segment>; notes go on <unit>
            parent = element.getparent()
            unit_id = f"{parent.get('id', '')}/{element.get('id', '')}".rstrip("/")
            yield parent, unit_id, _first(element, "source"), _first(element, "target")
            continue
        seg_source = _first(element, "seg-source")
        marks = [m for m in seg_source.iter() if _local(m) == "mrk" and m.get("mtype") == "seg"] \
            if seg_source is not None else []
        if not marks:
            yield element, element.get("id", ""), _first(element, "source"), \
                _first(element, "target")
            continue
        target = _first(element, "target")
        target_marks = {m.get("mid"): m for m in (target.iter() if target is not None else [])
                        if _local(m) == "mrk" and m.get("mtype") == "seg"}
        for mark in marks:  # a segmented trans-unit (Trados, memoQ): one segment per <mrk>
            yield element, f"{element.get('id', '')}/{mark.get('mid', '')}", mark, \
                target_marks.get(mark.get("mid"))


def _first(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _text(element) -> str:
    """The translatable text of a source/target element, inline codes left out."""
    if element is None:
        return ""
    return normalize_space("".join(_text_parts(element)))


def inline_codes(element) -> tuple[InlineCode, ...]:
    """The inline codes of a source/target element in order, each at its character offset
    in `_text(element)` (a space the code stood between may shift it by one)."""
    if element is None:
        return ()
    found: list[tuple[str, str, str]] = []
    marked = normalize_space("".join(_text_parts(element, found)))
    codes = []
    for (name, ident, role), at in zip(found, _mark_offsets(marked)):
        codes.append(InlineCode(name, ident, at, role))
    return tuple(codes)


def _mark_offsets(marked: str) -> list[int]:
    offsets, seen = [], 0
    for k, char in enumerate(marked):
        if char == _MARK:
            offsets.append(k - seen)
            seen += 1
    plain = normalize_space(marked.replace(_MARK, ""))
    return [min(at, len(plain)) for at in offsets]


def _code(child, name: str) -> tuple[str, str, str] | None:
    ident = child.get("id", "")
    if name in _PAIRED_ELEMENTS:
        return name, ident, "open"
    if name in _OPENING:
        return name, ident, "open"
    if name in _CLOSING:
        return name, child.get("startRef") or child.get("rid") or ident, "close"
    if name in _STANDALONE:
        return name, ident, "standalone"
    return None


def _text_parts(element, codes: list[tuple[str, str, str]] | None = None) -> Iterator[str]:
    """The element's text pieces; where `codes` is given, each inline code is collected there
    and stands in the text as one _MARK."""
    yield element.text or ""
    for child in element:
        name = _local(child)
        code = _code(child, name) if codes is not None else None
        if code is not None:
            codes.append(code)
            yield _MARK
        if name in _TEXT_ELEMENTS:
            yield from _text_parts(child, codes)
            if code is not None:  # the closing half of <g>…</g>
                codes.append((name, code[1], "close"))
                yield _MARK
        elif name == "cp":  # XLIFF 2 code point element stands for one character
            try:
                yield chr(int(child.get("hex", ""), 16))
            except ValueError:
                pass
        yield child.tail or ""


# ---------------------------------------------------------------------------- tables

def _table_segments(path: Path, raw: bytes) -> tuple[list[Segment], tuple[str, ...]]:
    import pandas as pd

    name = str(path)
    warnings: tuple[str, ...] = ()
    try:
        if path.suffix.lower() == ".xlsx":
            table = pd.read_excel(io.BytesIO(raw), sheet_name=0, dtype=str, header=None,
                                  keep_default_na=False, engine="openpyxl")
        else:
            decoded = decode(raw, name=name)
            text, warnings = decoded.text, decoded.warnings
            sep = delimiter(text.lstrip("\ufeff").split("\n", 1)[0], path.suffix)
            table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, header=None,
                                keep_default_na=False, skip_blank_lines=True, quoting=0)
    except InputError:
        raise
    except Exception as exc:  # pandas and openpyxl raise many kinds for a damaged file
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FormatError(f"{name}: cannot read as a table: {first[:160]}") from None
    if table.empty:
        raise FormatError(f"{name}: the table is empty")
    header = [str(h).strip().lower() for h in table.iloc[0]]
    src = next((k for k, h in enumerate(header) if h in SOURCE_COLUMNS), None)
    tgt = next((k for k, h in enumerate(header) if h in TARGET_COLUMNS), None)
    if src is None or tgt is None:
        raise FormatError(f"{name}, line 1: a bilingual table needs a header naming its source "
                          f"and target columns (source/zh/中文 and target/en/译文; found "
                          f"{','.join(header)[:80]})")
    return [Segment(normalize_space(str(row[src])), normalize_space(str(row[tgt])), str(k + 2), k)
            for k, row in enumerate(table.iloc[1:].itertuples(index=False))], warnings
