"""Bilingual input (XLIFF 1.2 / 2.0, TMX, CSV/TSV/XLSX) checked without alignment, and the
XLIFF written back with a note per flag: schema-valid, inline tags intact, ids stable."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from lxml import etree

from align.io.bilingual import read_bilingual
from align.alignment.encoders import ENCODERS
from align.errors import FormatError
from align.io.flags import flag_id
from align.pipeline import RunOptions, run_bilingual, write_report
from align.io.xliff_out import NOTE_SOURCE, xliff_with_notes

from tests.helpers import DATA

SCHEMAS = DATA / "schemas"
XLIFF_12 = DATA / "review-1.2.xlf"
XLIFF_20 = DATA / "review-2.0.xlf"
SEGMENTED = DATA / "review-segmented-1.2.xlf"
TMX = DATA / "review.tmx"


class _LocalXmlSchema(etree.Resolver):
    """Both XLIFF schemas import the xml: attributes schema from w3.org: use the copy here."""

    def resolve(self, url, public_id, context):
        if url.endswith("xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        return None


def _schema(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlSchema())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name), parser))


SCHEMA_FOR = {XLIFF_12: "xliff-core-1.2-strict.xsd", XLIFF_20: "xliff-core-2.0.xsd",
              SEGMENTED: "xliff-core-1.2-strict.xsd"}


@pytest.fixture(scope="module")
def options(encoder):
    ENCODERS["session-use"] = lambda _arg: encoder
    return RunOptions(model="session-use", cache=False)


# ------------------------------------------------------------------------ reading

@pytest.mark.parametrize("path, expected", [
    (XLIFF_12, [("上海推动长三角更高质量一体化发展。",
                 "Shanghai promotes higher-quality integration of the long triangle."),
                ("2023年，合肥的GDP增长了5.8%。", "In 2022, Hefei's GDP grew by 5.8%."),
                ("南京加强区域合作，共建“一带一路”。",
                 "Nanjing strengthens regional cooperation and the Belt and Road."),
                ("杭州发展数字经济（见附件）。", "")]),  # translate="no" unit left out
    (XLIFF_20, [("上海推动长三角更高质量一体化发展。",
                 "Shanghai promotes higher-quality integration of the long triangle."),
                ("2023年，合肥的GDP增长了5.8%。", "In 2022, Hefei's GDP grew by 5.8%."),
                ("南京加强区域合作，共建“一带一路”—。",  # <cp hex="2014"/> is a character
                 "Nanjing strengthens regional cooperation and the Belt and Road."),
                ("杭州发展数字经济（见附件）。", "")]),
    (SEGMENTED, [("上海推动长三角一体化。", "Shanghai promotes long triangle integration."),
                 ("合肥参与建设。", "Hefei takes part.")]),
    (TMX, [("上海推动长三角一体化发展。", "Shanghai promotes long triangle integration."),
           ("合肥参与科创走廊建设。", "Hefei joins the Kechuang corridor.")]),
])
def test_segments_are_read_with_inline_codes_left_out(path, expected):
    document = read_bilingual(path)
    assert [(s.source, s.target) for s in document.segments] == expected
    assert not any("<" in s.source + s.target for s in document.segments)


def _table(tmp_path, name, rows):
    path = tmp_path / name
    if name.endswith(".xlsx"):
        import pandas as pd
        pd.DataFrame(rows[1:], columns=rows[0]).to_excel(path, index=False)
    else:
        out = io.StringIO()
        csv.writer(out, delimiter="\t" if name.endswith(".tsv") else ",").writerows(rows)
        path.write_text("\ufeff" + out.getvalue(), encoding="utf-8")
    return path


TABLE = [["ID", "中文", "译文"], ["1", "上海推动长三角一体化发展，合肥参与建设。",
                                  "Shanghai promotes long triangle integration, with Hefei."],
         ["2", "南京加强区域合作。", ""]]


@pytest.mark.parametrize("name", ["pairs.csv", "pairs.tsv", "pairs.xlsx"])
def test_bilingual_tables_by_column_name(tmp_path, name):
    document = read_bilingual(_table(tmp_path, name, TABLE))
    assert [(s.source, s.target, s.unit) for s in document.segments] == [
        (TABLE[1][1], TABLE[1][2], "2"), (TABLE[2][1], "", "3")]


@pytest.mark.parametrize("name, content, message", [
    ("no-columns.csv", "a,b\n上海,Shanghai\n", "needs a header naming"),
    ("empty.xlf", '<?xml version="1.0"?><xliff version="1.2" '
     'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="zh" '
     'datatype="plaintext"><body/></file></xliff>', "no segments"),
    ("broken.xlf", '<xliff version="1.2"><file><body><trans-unit>', "malformed XML"),
    ("laughs.xlf", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
     '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xliff version="1.2"><file><body>'
     '<trans-unit id="1"><source>&b;</source></trans-unit></body></file></xliff>', "unsafe XML"),
    ("xxe.tmx", '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh"><seg>&x;</seg>'
     '</tuv></tu></body></tmx>', "unsafe XML"),
    ("not-xliff.xlf", "<html><body>上海</body></html>", "not an XLIFF"),
])
def test_malformed_and_hostile_files_are_refused(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        read_bilingual(path)


# ------------------------------------------------------------------- checking

def test_xliff_is_checked_segment_by_segment(options):
    result = run_bilingual(XLIFF_12, options)
    assert [p.bead.type for p in result.pairs] == ["1-1", "1-1", "1-1", "1-0"]
    assert result.summary.format == "xliff-1.2"
    found = {(f.check, f.bead, f.tgt_span) for f in result.flags}
    assert ("literal", 0, "long triangle") in found
    assert ("numbers", 1, "2022") in found
    # the untranslated segment is found (shown, or kept below the confidence threshold)
    assert any(f.check == "omission" and f.bead == 3 for f in result.flags + result.hidden)
    # the translated sentence about Nanjing is right: nothing but at most a minor remark
    assert not [f for f in result.flags if f.bead == 2 and f.severity.rank >= 2]
    assert all(p.bead.similarity is not None for p in result.pairs[:3])


def test_flag_ids_are_the_same_across_runs_and_with_more_checks(options):
    first = run_bilingual(XLIFF_12, options)
    second = run_bilingual(XLIFF_12, options)
    ids = [flag_id(f, first.pairs[f.bead]) for f in first.flags]
    assert ids == [flag_id(f, second.pairs[f.bead]) for f in second.flags]
    fewer = run_bilingual(XLIFF_12, RunOptions(model=options.model, cache=False,
                                                skip_checks=("numbers",)))
    fewer_ids = {flag_id(f, fewer.pairs[f.bead]) for f in fewer.flags}
    assert fewer_ids and fewer_ids < set(ids)


# --------------------------------------------------------------- XLIFF out

@pytest.mark.parametrize("path", [XLIFF_12, XLIFF_20, SEGMENTED])
def test_xliff_out_is_valid_keeps_inline_tags_and_carries_every_flag(options, path):
    schema = _schema(SCHEMA_FOR[path])
    original = etree.parse(str(path))
    assert schema.validate(original), schema.error_log  # the fixture itself is valid
    result = run_bilingual(path, options)
    written = xliff_with_notes(result.bilingual, result.flags, result.pairs)
    tree = etree.fromstring(written)
    assert schema.validate(tree), schema.error_log
    notes = [n for n in tree.iter("{*}note")
             if NOTE_SOURCE in (n.get("from"), n.get("category"))]
    assert len(notes) == len(result.flags) > 0
    assert {n.text.rsplit("flag ", 1)[1] for n in notes} == \
        {flag_id(f, result.pairs[f.bead]) for f in result.flags}
    # every source and target, inline tags and all, is byte for byte as it was
    def sides(root):
        return [etree.tostring(e, with_tail=False) for e in root.iter("{*}source", "{*}target")]
    assert sides(tree) == sides(original.getroot())
    # take the notes away again and the file is the one that was read
    for note in notes:
        parent = note.getparent()
        parent.remove(note)
        if etree.QName(parent).localname == "notes" and len(parent) == 0:
            parent.getparent().remove(parent)
    assert etree.tostring(tree, method="c14n2", strip_text=True) == \
        etree.tostring(original, method="c14n2", strip_text=True)


def test_xliff_out_puts_a_notes_element_where_2_0_wants_it(options):
    result = run_bilingual(XLIFF_20, options)
    tree = etree.fromstring(xliff_with_notes(result.bilingual, result.flags, result.pairs))
    units = {u.get("id"): u for u in tree.iter("{*}unit")}
    # u1 had none: its notes come before <originalData>; u2 keeps its one <notes>
    assert [etree.QName(c).localname for c in units["u1"]][:2] == ["notes", "originalData"]
    assert len(units["u2"].findall("{*}notes")) == 1
    assert units["u2"].find("{*}notes/{*}note").get("category") == "translator"
    literal = next(n for n in units["u1"].iter("{*}note") if "literal" in n.text)
    assert literal.get("priority") == "2" and literal.get("appliesTo") == "target"


# ------------------------------------------------------------------ command line

def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def test_cli_round_trip_with_decisions(tmp_path):
    out, xliff = tmp_path / "out", tmp_path / "reviewed.xlf"
    done = _cli("run", XLIFF_12, "--out", out, "--xliff-out", xliff, "--no-cache",
                "--fail-on", "major")
    assert done.returncode == 1, done.stderr  # major flags exist
    assert "wrote" in done.stdout and xliff.exists()
    flags = list(csv.DictReader(open(out / "flags.csv", encoding="utf-8-sig")))
    assert len(flags) == len(etree.parse(str(xliff)).findall(".//{*}note[@from='align']"))
    # dismiss every major flag: --fail-on passes, the notes go, the dismissed are counted
    decisions = tmp_path / "decisions.csv"
    with open(decisions, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "decision", "note", "reviewer", "time"])
        for row in flags:
            if row["severity"] in ("major", "critical"):
                writer.writerow([row["flag_id"], "dismiss", "house style", "Li", "2024-05-01"])
    again = _cli("run", XLIFF_12, "--out", out, "--xliff-out", xliff, "--no-cache",
                 "--fail-on", "major", "--decisions", decisions)
    assert again.returncode == 0, again.stderr
    summary = json.loads((out / "summary.json").read_text())
    majors = sum(r["severity"] in ("major", "critical") for r in flags)
    assert summary["flags_dismissed"] == majors and summary["flags"] == len(flags) - majors
    assert len(etree.parse(str(xliff)).findall(".//{*}note[@from='align']")) == len(flags) - majors


@pytest.mark.parametrize("args, code, message", [
    (["run", DATA / "zh3.txt"], 2, "give the English translation too"),
    (["run", DATA / "zh3.txt", DATA / "en3.txt", "--xliff-out", "x.xlf"], 2,
     "--xliff-out needs one XLIFF"),
    (["run", TMX, "--xliff-out", "x.xlf"], 2, "--xliff-out needs one XLIFF"),
    (["run", XLIFF_12, "--checks", "glossary"], 2, "--checks glossary needs --glossary"),
    (["run", XLIFF_12, "--decisions", DATA / "en3.txt"], 7, "needs the columns id,decision"),
])
def test_cli_refusals(tmp_path, args, code, message):
    done = _cli(*args, "--out", tmp_path / "o", cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists() and not (tmp_path / "x.xlf").exists()


def test_report_of_a_bilingual_file(options, tmp_path):
    result = run_bilingual(TMX, options)
    write_report(result, tmp_path, TMX.name, TMX.name)
    rows = list(csv.DictReader(open(tmp_path / "alignment.csv", encoding="utf-8-sig")))
    assert [(r["src_text"], r["tgt_text"]) for r in rows] == \
        [(s.source, s.target) for s in read_bilingual(TMX).segments]
    assert [r["score"] for r in rows] == [str(round(p.bead.score, 4)) for p in result.pairs]


def test_an_xml_file_is_recognised_by_its_root(tmp_path):
    from align.io.bilingual import is_bilingual

    xliff, tmx, html = tmp_path / "job.xml", tmp_path / "memory.xml", tmp_path / "page.xml"
    xliff.write_bytes(XLIFF_20.read_bytes())
    tmx.write_bytes(TMX.read_bytes())
    html.write_text("<html><body><p>上海推动长三角一体化。</p></body></html>", encoding="utf-8")
    assert is_bilingual(xliff) and is_bilingual(tmx) and not is_bilingual(html)
    done = _cli("run", xliff, "--out", tmp_path / "o", "--xliff-out", tmp_path / "r.xml", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert _schema("xliff-core-2.0.xsd").validate(etree.parse(str(tmp_path / "r.xml")))
    refused = _cli("run", tmx, "--out", tmp_path / "p", "--xliff-out", tmp_path / "s.xml")
    assert refused.returncode == 2 and "is not XLIFF" in refused.stderr
    assert not (tmp_path / "p").exists() and not (tmp_path / "s.xml").exists()
