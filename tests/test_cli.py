"""Bad input through the real command line: one line on stderr, a documented exit code."""

from __future__ import annotations

import csv
import subprocess
import sys
from xml.etree import ElementTree

import pytest

from conftest import DATA, SEED_EN, SEED_ZH

ZH = DATA / "zh3.txt"
EN = DATA / "en3.txt"


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def _file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


CASES = [
    ("missing", lambda t: (t / "nope.txt", EN), 3, "no such file"),
    ("empty", lambda t: (_file(t, "e.txt", b""), EN), 3, "empty"),
    ("whitespace", lambda t: (_file(t, "w.txt", "  \n\n \t\n"), EN), 3, "no text"),
    ("binary", lambda t: (_file(t, "b.bin", bytes(range(256)) * 50), EN), 3, "binary"),
    ("folder", lambda t: (t, EN), 3, "folder"),
    ("swapped", lambda t: (EN, ZH), 4, "swapped"),
    ("both chinese", lambda t: (ZH, ZH), 4, "target must be English"),
    ("both english", lambda t: (EN, EN), 4, "source must be Chinese"),
    ("html without text", lambda t: (_file(t, "h.html", "<div><script>x</script></div>"), EN), 3,
     "no text"),
    ("too large", lambda t: (_file(t, "big.txt", "长" * 3_000_000), EN), 3, "limit"),
]


@pytest.mark.parametrize("name, make, code, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, name, make, code, message):
    source, target = make(tmp_path)
    extra = ["--max-bytes", "1000000"] if name == "too large" else []
    if name != "html without text":
        extra.append("--presplit")
    result = _cli("run", source, target, "--out", tmp_path / "out", *extra)
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_unrelated_texts_finish_with_a_warning(tmp_path):
    unrelated = _file(tmp_path, "u.txt", "Stock markets fell sharply on Monday.\n"
                      "The weather in Paris was rainy.\nA new phone was released.\n")
    result = _cli("run", ZH, unrelated, "--presplit", "--out", tmp_path / "o")
    assert result.returncode == 0
    assert "do not look like translations" in result.stderr


def test_seed_run_outputs_agree(tmp_path):
    out = tmp_path / "seed"
    result = _cli("run", SEED_ZH, SEED_EN, "--out", out, "--no-cache", "--fail-on", "major")
    assert result.returncode == 1  # major flags exist on the seed translation
    rows = list(csv.DictReader(open(out / "alignment.csv", encoding="utf-8-sig")))
    beads = (out / "alignment.align").read_text().splitlines()
    tus = ElementTree.parse(out / "alignment.tmx").getroot().findall(".//tu")
    assert len(rows) == len(beads) == len(tus)
    for row, line in zip(rows, beads):
        src, tgt = line.split(":")
        assert src.strip("[]").replace(",", " ") == row["src_ids"]
        assert tgt.strip("[]").replace(",", " ") == row["tgt_ids"]
    flags = list(csv.DictReader(open(out / "flags.csv", encoding="utf-8-sig")))
    assert list(flags[0].keys()) == ["flag_id", "check", "category", "severity", "src_ids",
                                     "tgt_ids", "src_term", "tgt_span", "suggestion", "message",
                                     "src_text", "tgt_text"]


def test_score_command(tmp_path):
    gold = _file(tmp_path, "g.align", "[0]:[0]\n[1]:[1,2]\n")
    result = _cli("score", "--gold", gold, "--test", gold)
    assert result.returncode == 0 and "F1=1.000" in result.stdout
    bad = _file(tmp_path, "b.align", "[0]-[0]\n")
    result = _cli("score", "--gold", gold, "--test", bad)
    assert result.returncode == 7 and "line 1" in result.stderr
