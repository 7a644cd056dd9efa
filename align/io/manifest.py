"""Batch input stage: a manifest CSV or a folder of NAME.zh.EXT / NAME.en.EXT files and of
bilingual files (XLIFF, TMX, bilingual tables) → `Corpus`.

Hands on one `PairSpec` per document pair or bilingual file, with the id that names its
output folder;
`report_folders` reads a batch's pairs.csv back as the folders of the pairs that came out ok.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from ..errors import FormatError, InputError
from .bilingual import SOURCE_COLUMNS, TARGET_COLUMNS, delimiter, is_bilingual, is_bilingual_file
from .csv_format import cell_text

MATCHING_RULE = (
    "A folder is read as pairs matched by name: NAME.zh.EXT is the Chinese document and "
    "NAME.en.EXT its English translation (EXT may differ: x.zh.html with x.en.md); the pair's "
    "id is NAME. The language tags zh and en are matched without regard to case. A Chinese file "
    "with no English file (or the reverse) or with two candidates is recorded as a failed pair; "
    "a bilingual file (.xlf .xliff .sdlxliff .mqxliff .tmx, or a .csv/.tsv/.xlsx table whose "
    "header names its source and target columns) is checked as it stands, its id its NAME; "
    "other files and subfolders are listed as ignored; hidden files (.name) are not looked at. "
    "A manifest is a CSV file (comma, semicolon or tab separated) with the columns source,target "
    "(or src,tgt, zh,en, 原文,译文 as a bilingual table names them) and optionally id, or with one "
    "column file listing bilingual files; paths are relative to the manifest's folder and the "
    "id defaults to the file's NAME.")
# the header of a manifest's one column of bilingual files
FILE_COLUMNS = ("file", "bilingual", "path", "xliff")

LANGUAGE_SUFFIX = regex.compile(r"^(?P<name>.+)\.(?P<lang>zh|en)\.(?P<ext>[^.]+)$", regex.I)
# the corpus-level files and the batch's own folder live beside the pair folders
RESERVED_IDS = frozenset({"index.html", "pairs.csv", "flags.csv", "flags.parquet",
                          "corpus_consistency.csv", "summary.json"})
MAX_ID_BYTES = 150  # leaves room under the usual 255-byte file-name limit for temp suffixes
MANIFEST_MAX_BYTES = 50_000_000
_ID_BAD_CHARS = regex.compile(r"[/\\\p{Cc}\p{Cs}]")


@dataclass(frozen=True)
class PairSpec:
    """One document pair of a corpus; `problem` says why it cannot run (unmatched file)."""

    id: str
    source: Path
    target: Path
    source_name: str  # as shown in the reports: relative to the corpus folder where inside it
    target_name: str
    problem: str = ""
    # one file holding both sides (XLIFF, TMX, a bilingual table): source and target are it
    bilingual: bool = False


@dataclass(frozen=True)
class Corpus:
    root: Path  # the manifest's folder, or the folder of pairs
    pairs: tuple[PairSpec, ...]  # in id order
    ignored: tuple[str, ...] = ()  # files of a folder that fit no pair, by name
    input: Path | None = None  # what the user named: the manifest file, or the folder


def load_corpus(path: Path, skip: Path | None = None) -> Corpus:
    """A manifest CSV (a file) or a folder of pairs; `skip` is a folder not to look into
    (the batch's own output folder, when it lies inside the input folder)."""
    if not path.exists():
        raise InputError(f"{path}: no such manifest file or folder")
    corpus = load_folder(path, skip) if path.is_dir() else load_manifest(path)
    check_ids(corpus.pairs, str(path))
    return dataclasses.replace(corpus, input=path)


def pair_id(file_name: str) -> str:
    """The id a file name gives its pair: x.zh.txt → x, x.txt → x."""
    match = LANGUAGE_SUFFIX.match(file_name)
    if match:
        return match["name"]
    return file_name.rsplit(".", 1)[0] if "." in file_name[1:] else file_name


def load_folder(folder: Path, skip: Path | None = None) -> Corpus:
    sides: dict[str, dict[str, list[Path]]] = {}
    ignored: list[str] = []
    bilingual: list[PairSpec] = []
    skip_resolved = skip.resolve() if skip is not None else None
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if skip_resolved is None or entry.resolve() != skip_resolved:
                ignored.append(entry.name + "/")
            continue
        match = LANGUAGE_SUFFIX.match(entry.name)
        if _bilingual_entry(entry, match is not None):
            bilingual.append(PairSpec(pair_id(entry.name), entry, entry, entry.name, entry.name,
                                      bilingual=True))
            continue
        if not match:
            ignored.append(entry.name)
            continue
        sides.setdefault(match["name"], {"zh": [], "en": []})[match["lang"].lower()].append(entry)
    pairs = []
    for name, found in sorted(sides.items()):
        zh, en = found["zh"], found["en"]
        problem = ""
        if len(zh) != 1 or len(en) != 1:
            listed = ", ".join(p.name for p in zh + en)
            problem = (f"no English file NAME.en.EXT for {listed}" if not en else
                       f"no Chinese file NAME.zh.EXT for {listed}" if not zh else
                       f"more than one file for one side: {listed}")
        source = zh[0] if zh else folder / f"{name}.zh"
        target = en[0] if en else folder / f"{name}.en"
        pairs.append(PairSpec(name, source, target, source.name if zh else "",
                              target.name if en else "", problem))
    return Corpus(folder, tuple(sorted(pairs + bilingual, key=lambda p: p.id)), tuple(ignored))


def _bilingual_entry(entry: Path, named_as_side: bool) -> bool:
    """XLIFF and TMX hold both sides whatever their name (x.zh.xlf too); a table named as one
    side (x.zh.csv) is that side, another one bilingual when its header says so."""
    if is_bilingual(entry) and entry.suffix.lower() not in (".csv", ".tsv", ".tab", ".xlsx"):
        return True
    return not named_as_side and is_bilingual_file(entry)


def load_manifest(path: Path) -> Corpus:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc.strerror or exc})") from None
    if len(raw) > MANIFEST_MAX_BYTES:
        raise InputError(f"{path}: the manifest is larger than {MANIFEST_MAX_BYTES} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(f"{path}: the manifest is not UTF-8 text") from None
    if "\x00" in text:
        raise FormatError(f"{path}: the manifest is not a CSV file (binary content)")
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(first, path.suffix),
                        strict=True)
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise FormatError(f"{path} line {reader.line_num}: malformed CSV ({exc})") from None
    rows = [(line, row) for line, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise FormatError(f"{path}: the manifest is empty (needs a header source,target[,id])")
    header = [cell.strip().lower() for cell in rows[0][1]]
    column = _columns(header)
    if "file" not in column:
        missing = [c for c in ("source", "target") if c not in column]
        if missing:
            raise FormatError(f"{path}: the manifest has no {' and no '.join(missing)} column "
                              f"(header: {','.join(rows[0][1])}; needs source,target[,id], or "
                              f"one column file of bilingual files)")
    root = path.parent
    pairs, absent = [], []
    for line, row in rows[1:]:
        cells = {name: (row[k].strip() if k < len(row) else "") for name, k in column.items()}
        if "file" in column:
            pairs.append(_bilingual_row(path, line, cells, absent))
            continue
        for side in ("source", "target"):
            if not cells[side]:
                raise FormatError(f"{path} line {line}: the {side} cell is empty")
        source, target = root / cells["source"], root / cells["target"]
        for side, file in (("source", source), ("target", target)):
            if not file.is_file():
                absent.append(f"line {line}: {side} {cells[side]}")
        ident = cells.get("id") or pair_id(Path(cells["source"]).name)
        pairs.append(PairSpec(ident, source, target, _shown(cells["source"]),
                              _shown(cells["target"])))
    if absent:
        more = f" and {len(absent) - 5} more" if len(absent) > 5 else ""
        raise InputError(f"{path}: {len(absent)} file(s) named in the manifest do not exist: "
                         f"{'; '.join(absent[:5])}{more}")
    if not pairs:
        raise FormatError(f"{path}: the manifest names no pairs (only a header)")
    return Corpus(root, tuple(sorted(pairs, key=lambda p: p.id)))


def _columns(header: list[str]) -> dict[str, int]:
    """Where the manifest's columns are: source and target by any name a bilingual table may
    give them (src,tgt; zh,en; 原文,译文), or one column of bilingual files."""
    names = {"source": SOURCE_COLUMNS, "target": TARGET_COLUMNS, "id": ("id",)}
    if not any(h in SOURCE_COLUMNS for h in header):
        names["file"] = FILE_COLUMNS
    return {name: next(k for k, h in enumerate(header) if h in aliases)
            for name, aliases in names.items() if any(h in aliases for h in header)}


def _bilingual_row(path: Path, line: int, cells: dict[str, str], absent: list[str]) -> PairSpec:
    if not cells["file"]:
        raise FormatError(f"{path} line {line}: the file cell is empty")
    file = path.parent / cells["file"]
    if not file.is_file():
        absent.append(f"line {line}: file {cells['file']}")
    elif not is_bilingual(file):
        raise FormatError(f"{path} line {line}: {cells['file']} is not a bilingual file (.xlf "
                          f".xliff .sdlxliff .mqxliff .tmx .csv .tsv .xlsx); a pair of documents "
                          f"needs the columns source,target")
    return PairSpec(cells.get("id") or pair_id(file.name), file, file, _shown(cells["file"]),
                    _shown(cells["file"]), bilingual=True)


def _shown(cell: str) -> str:
    return Path(cell).as_posix()


def check_ids(pairs: tuple[PairSpec, ...], where: str) -> None:
    """Ids name output folders: they must be safe file names, unique even where the file
    system ignores case or Unicode normal form."""
    for spec in pairs:
        problem = id_problem(spec.id)
        if problem:
            raise FormatError(f"{where}: pair id {spec.id!r} {problem}")
    folded = Counter(_folded(spec.id) for spec in pairs)
    duplicates = sorted({spec.id for spec in pairs if folded[_folded(spec.id)] > 1})
    if duplicates:
        shown = ", ".join(repr(d) for d in duplicates[:8])
        more = f" and {len(duplicates) - 8} more" if len(duplicates) > 8 else ""
        raise FormatError(f"{where}: duplicate pair ids (ignoring case): {shown}{more}; "
                          "give each pair its own id (manifest column id)")


def id_problem(ident: str) -> str:
    """Why an id cannot name a folder, or '' if it can."""
    if not ident.strip():
        return "is empty"
    if ident in (".", "..") or ident.startswith("."):
        return "starts with a dot"
    if _ID_BAD_CHARS.search(ident):
        return "contains a slash, a backslash or a control character"
    if ident.lower() in RESERVED_IDS:
        return "is the name of a corpus-level output file"
    if len(ident.encode("utf-8")) > MAX_ID_BYTES:
        return f"is longer than {MAX_ID_BYTES} bytes"
    return ""


def _folded(ident: str) -> str:
    return unicodedata.normalize("NFC", ident).casefold()


def report_folders(batch_out: Path) -> list[Path]:
    """The pair folders of a batch output folder whose pair came out ok, in pairs.csv order."""
    try:
        text = (batch_out / "pairs.csv").read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{batch_out / 'pairs.csv'}: cannot read ({exc.__class__.__name__})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not {"pair", "status", "report"} <= set(reader.fieldnames):
        raise InputError(f"{batch_out / 'pairs.csv'}: not the pairs.csv of align batch "
                         "(needs the columns pair, status and report)")
    folders = []
    for row in reader:
        report = cell_text(row.get("report") or "")
        if cell_text(row.get("status") or "") == "ok" and report:
            folders.append(batch_out / cell_text(row["pair"]))
    return folders
