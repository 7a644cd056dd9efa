"""The run's signature: what it records, its one-line form read back field for field, and
where it appears (summary.json, the report footer, `align --version`)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from tests.helpers import DATA
from align.alignment.sides import AlignSettings
from align.checks import settings
from align.errors import FormatError
from align.pipeline import default_signature
from align.io.read import ReadSettings
from align.language.terms import TermSettings
from align.report.signature import Signature, content_hash, make_signature, parse_signature

ODD = Signature(
    "0.1.0", "st:La|BSE", "/data/models 2/La|BSE%20", (("jieba", "0.42.1"), ("nltk", "3.9")),
    "0123456789abcdef", 0.5, "fedcba9876543210", ("glossary", "weak"), True, "rules-1",
    (("x.text", "a|b,c(d)%e"), ("x.looks_like_a_number", "8"), ("x.looks_like_yes", "yes"),
     ("x.parenthesised", "(n)"), ("x.tags", ("n", "j,k", "8")), ("x.none", ()),
     ("x.small", 1e-12), ("x.negative", -2.5), ("x.whole", 3_000_000), ("x.off", False),
     ("x.float_one", 1.0), ("x.unicode", "长三角")))


@pytest.mark.parametrize("signature", [ODD, None], ids=["odd values", "defaults"])
def test_the_one_line_form_reads_back_into_the_same_fields(signature):
    signature = signature or default_signature()
    line = str(signature)
    assert "\n" not in line and line.startswith("version:")
    assert parse_signature(line) == signature
    assert parse_signature(line).fields() == signature.fields()  # the order too


def test_every_setting_of_the_aligner_checks_and_links_is_recorded():
    fields = dict(default_signature().settings)
    for field in AlignSettings.__dataclass_fields__:
        assert f"align.{field}" in fields
    for prefix, group in (("read", ReadSettings), ("terms", TermSettings)):
        for field in group.__dataclass_fields__:
            assert f"{prefix}.{field}" in fields
    found = settings()
    assert {"links", "links.literal", "check.omission", "check.numbers"} <= set(found)
    for name, group in found.items():
        for field in group.__dataclass_fields__:
            assert f"{name}.{field}" in fields, (name, field)
    changed = make_signature("m", "s", None, 0.5, ["weak"], False, AlignSettings(window=12))
    assert dict(changed.settings)["align.window"] == 12


def test_the_short_form_names_the_full_one_by_its_hash():
    signature = default_signature()
    short = signature.short()
    assert short.startswith(f"version:{signature.tool_version}|model:{signature.model}|")
    assert len(short) < 120 < len(str(signature))
    assert parse_signature(str(signature)).short() == short  # read back, the same hash
    for changed in (replace(signature, min_confidence=0.5),
                    replace(signature, settings=signature.settings[:-1]),
                    replace(signature, resources=(("jieba", "0.0"),))):
        assert changed.short() != short
    with pytest.raises(FormatError, match="short form"):
        parse_signature(short)


def test_the_glossary_is_named_by_its_content_not_its_file_name(tmp_path):
    first, second, edited = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    first.write_text("zh,en,status\n长三角,Yangtze River Delta,approved\n", encoding="utf-8")
    second.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    edited.write_text("zh,en,status\n长三角,Yangtze Delta,approved\n", encoding="utf-8")
    assert content_hash(first) == content_hash(second) != content_hash(edited)
    assert content_hash(None) == "none"


@pytest.mark.parametrize("line, problem", [
    ("version:0.1.0|model:x", "no model_source"),
    ("garbage", "not key:value"),
    (str(ODD).replace("min_confidence:0.5", "min_confidence:high"), "not a number"),
    (str(ODD).replace("presplit:yes", "presplit:maybe"), "not yes or no"),
])
def test_a_malformed_line_is_named(line, problem):
    with pytest.raises(FormatError, match=problem):
        parse_signature(line)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True,
                          text=True, timeout=300)


def test_summary_footer_and_version_carry_the_signature(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("zh,en,status\n云南,Yunnan,approved\n", encoding="utf-8")
    out = tmp_path / "o"
    done = _cli("run", DATA / "zh3.txt", DATA / "en3.txt", "--presplit", "--glossary", glossary,
                "--min-confidence", "0.3", "--out", out)
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    signature = parse_signature(summary["signature"])
    assert signature.glossary == content_hash(glossary)
    assert (signature.min_confidence, signature.presplit) == (0.3, True)
    assert summary["settings"] == signature.as_dict()
    assert summary["signature_short"] == signature.short()
    page = (out / "report.html").read_text(encoding="utf-8")
    assert f"<code>{summary['signature']}</code>" in page
    assert f"<code>{summary['signature_short']}</code>" in page
    version = _cli("--version")
    assert version.returncode == 0
    lines = version.stdout.splitlines()
    default = parse_signature(lines[2].removeprefix("full signature: "))
    assert lines[1] == f"signature: {default.short()}"
    assert default == replace(signature, glossary="none", min_confidence=default.min_confidence,
                              presplit=False, checks=default.checks)
    shown = _cli("signature", summary["signature"])
    assert f"glossary\t{content_hash(glossary)}" in shown.stdout.splitlines()
    bad = _cli("signature", "garbage")
    assert bad.returncode == 7 and len(bad.stderr.strip().splitlines()) == 1
