"""Properties over random documents run through the whole pipeline and written out:
nothing is lost or duplicated, the three alignment files agree, and runs are deterministic.

Documents are random draws of real sentences from the seed pair (so the language checks pass
and the encoder sees real text), with random paragraph breaks, blank lines, deletions and
insertions. The real embedded encoder is used, registered once under a test name so the
model is not loaded again for every example.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest
import regex
from hypothesis import HealthCheck, given, settings, strategies as st

from align.alignment.encoders import ENCODERS
from align.pipeline import RunOptions, load_side, run, write_report
from align.io.align_format import parse_align
from align.io.csv_format import cell_text

from tests.helpers import SEED_EN, SEED_ZH

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def pools(encoder):
    ENCODERS["session-use"] = lambda _arg: encoder
    zh = [s.text for s in load_side(SEED_ZH, "zh", RunOptions())[0]]
    en = [s.text for s in load_side(SEED_EN, "en", RunOptions())[0]]
    return zh, en


def _document(draw, pool: list[str], joiner: str) -> str:
    picks = draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=18))
    parts = []
    for k in picks:
        parts.append(pool[k])
        parts.append(draw(st.sampled_from([joiner, "\n", "\n\n", "\n\n\n", "\r\n"])))
    return "".join(parts)


@st.composite
def documents(draw, pools):
    zh, en = pools
    return _document(draw, zh, ""), _document(draw, en, " "), draw(st.booleans())


def _squeeze(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def _run(tmp: Path, zh_text: str, en_text: str, presplit: bool, out: str = "out"):
    (tmp / "zh.txt").write_text(zh_text, encoding="utf-8")
    (tmp / "en.txt").write_text(en_text, encoding="utf-8")
    options = RunOptions(model="session-use", presplit=presplit, cache=False)
    result = run(tmp / "zh.txt", tmp / "en.txt", options)
    write_report(result, tmp / out, "zh.txt", "en.txt")
    return result, tmp / out


def _read_outputs(out: Path):
    rows = list(csv.DictReader(io.StringIO((out / "alignment.csv").read_text("utf-8-sig"))))
    beads = parse_align((out / "alignment.align").read_text())
    tus = ET.parse(out / "alignment.tmx").getroot().find("body").findall("tu")
    return rows, beads, tus


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_nothing_lost_and_outputs_agree(pools, tmp_path, data):
    zh_text, en_text, presplit = data.draw(documents(pools))
    result, out = _run(tmp_path, zh_text, en_text, presplit)
    source, target = result.alignment.source, result.alignment.target
    # nothing lost: the sentences hold exactly the input's text, in order
    assert _squeeze("".join(s.text for s in source)) == _squeeze(zh_text)
    assert _squeeze("".join(s.text for s in target)) == _squeeze(en_text)
    rows, beads, tus = _read_outputs(out)
    # every sentence in exactly one bead, in order
    assert [i for src, _ in beads for i in src] == list(range(len(source)))
    assert [j for _, tgt in beads for j in tgt] == list(range(len(target)))
    # the three files describe the same beads with the same text; the TMX leaves out the
    # beads with an empty side
    assert len(rows) == len(beads)
    tu_of = {int(tu.get("tuid")): tu for tu in tus}
    assert sorted(tu_of) == [k for k, (src, tgt) in enumerate(beads) if src and tgt]
    for k, (row, (src, tgt)) in enumerate(zip(rows, beads)):
        assert [int(i) for i in row["src_ids"].split()] == list(src)
        assert [int(j) for j in row["tgt_ids"].split()] == list(tgt)
        assert row["type"] == f"{len(src)}-{len(tgt)}"
        if k not in tu_of:
            continue
        segs = {tuv.get(XML_LANG): tuv.findtext("seg") or "" for tuv in tu_of[k].findall("tuv")}
        assert cell_text(row["src_text"]) == segs["zh-CN"] == "".join(source[i].text for i in src)
        assert cell_text(row["tgt_text"]) == segs["en"] == " ".join(target[j].text for j in tgt)


def test_two_runs_are_identical_apart_from_timings(pools, tmp_path):
    zh, en = pools
    zh_text, en_text = "\n".join(zh[:20]), "\n\n".join(en[:22])
    _run(tmp_path, zh_text, en_text, False, "first")
    _run(tmp_path, zh_text, en_text, False, "second")
    first, second = tmp_path / "first", tmp_path / "second"
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        if name.endswith(".xlsx"):  # binary, and reproducible byte for byte
            assert (first / name).read_bytes() == (second / name).read_bytes(), name
            continue
        a, b = (first / name).read_text("utf-8"), (second / name).read_text("utf-8")
        if name == "summary.json":
            a, b = (_without_timings(json.loads(x)) for x in (a, b))
        elif name == "report.html":
            a, b = (regex.sub(r'"timings_s":\s*\{[^}]*\}|\d+\.\d+ s\b', "", x) for x in (a, b))
        assert a == b, name


def _without_timings(summary: dict) -> dict:
    summary.pop("timings_s")
    return summary
