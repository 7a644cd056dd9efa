"""align batch on a delivery of bilingual files: a folder or a manifest of XLIFF files runs in
one batch, each written back with its flags as notes; manifests take the headers bilingual
tables take (src,tgt; 原文,译文) and semicolon-separated CSV; index.html names a manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

import align
from align.cli import main
from align.io.bilingual import read_bilingual
from align.io.manifest import load_corpus
from align.io.xliff_out import NOTE_SOURCE
from align.pipeline import RunOptions

from tests.helpers import DATA

CORPUS = DATA / "batch"
OPTIONS = RunOptions(cache=False, min_confidence=0.0)
XLIFF = (DATA / "review-1.2.xlf", DATA / "review-2.0.xlf")


def _delivery(tmp_path: Path) -> Path:
    folder = tmp_path / "delivery"
    folder.mkdir()
    for path in XLIFF:
        shutil.copy(path, folder / path.name)
    (folder / "notes.csv").write_text("what,when\nsent,today\n", encoding="utf-8")
    return folder


def _tool_notes(path: Path) -> list[str]:
    return [n.text for n in etree.parse(str(path)).iter("{*}note")
            if NOTE_SOURCE in (n.get("from"), n.get("category"))]


def test_a_folder_of_xliff_files_runs_in_one_batch_with_notes(tmp_path, capsys):
    folder = _delivery(tmp_path)
    code = main(["batch", str(folder), "--out", str(tmp_path / "out"), "--xliff-out",
                 "--min-confidence", "0", "--quiet"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "notes.csv" in err  # a table that names no source and target column is ignored
    for path in XLIFF:
        pair = tmp_path / "out" / path.stem
        assert (pair / "report.html").is_file()
        reviewed = pair / path.name
        notes = _tool_notes(reviewed)
        assert notes and any("long triangle" in n for n in notes)
        # the file written back is the delivered one with notes added, segment for segment
        assert [(s.source, s.target) for s in read_bilingual(reviewed).segments] == \
            [(s.source, s.target) for s in read_bilingual(path).segments]


def test_without_xliff_out_nothing_is_written_back(tmp_path):
    result = align.run_corpus(_delivery(tmp_path), tmp_path / "out", OPTIONS)
    assert list(result.pairs["status"]) == ["ok", "ok"]
    assert not (tmp_path / "out" / "review-1.2" / "review-1.2.xlf").exists()


@pytest.mark.parametrize("text", [
    "file\n{a}\n{b}\n",
    "file;id\n{a};first\n{b};second\n",
])
def test_a_manifest_lists_bilingual_files_in_one_column(tmp_path, text):
    manifest = tmp_path / "delivery.csv"
    manifest.write_text(text.format(a=XLIFF[0], b=XLIFF[1]), encoding="utf-8")
    result = align.run_corpus(manifest, tmp_path / "out", OPTIONS, xliff_out=True)
    assert list(result.pairs["status"]) == ["ok", "ok"]
    ids = list(result.pairs["pair"])
    assert _tool_notes(tmp_path / "out" / ids[0] / "review-1.2.xlf")
    # the corpus report names the manifest, not only its folder
    assert f"Input: {manifest}" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("header, sep", [("src,tgt", ","), ("source;target", ";"),
                                         ("原文\t译文", "\t"), ("zh,en,id", ",")])
def test_manifest_headers_and_separators_of_bilingual_tables(tmp_path, header, sep):
    manifest = tmp_path / "manifest.csv"
    row = sep.join([str(CORPUS / "golden-age.zh.txt"), str(CORPUS / "golden-age.en.txt")])
    manifest.write_text(f"{header}\n{row}{sep + 'chapter' if 'id' in header else ''}\n",
                        encoding="utf-8")
    corpus = load_corpus(manifest)
    assert [(p.id, p.source.name, p.target.name) for p in corpus.pairs] == \
        [("chapter" if "id" in header else "golden-age", "golden-age.zh.txt",
          "golden-age.en.txt")]


def test_a_manifest_file_that_is_not_bilingual_is_one_line(tmp_path, capsys):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"file\n{CORPUS / 'golden-age.zh.txt'}\n", encoding="utf-8")
    code = main(["batch", str(manifest), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 7 and "not a bilingual file" in err and len(err.strip().splitlines()) == 1


def test_a_semicolon_separated_bilingual_table_is_read(tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("原文;译文\n上海推动长三角一体化。;Shanghai promotes Delta integration.\n"
                     "合肥，南京；杭州。;\"Hefei, Nanjing; Hangzhou.\"\n", encoding="utf-8")
    assert [(s.source, s.target) for s in read_bilingual(table).segments] == [
        ("上海推动长三角一体化。", "Shanghai promotes Delta integration."),
        ("合肥，南京；杭州。", "Hefei, Nanjing; Hangzhou.")]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(table, folder / "table.csv")
    assert [(p.id, p.bilingual) for p in load_corpus(folder).pairs] == [("table", True)]
