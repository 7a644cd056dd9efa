"""What a reviewer sees and decides: flags under the confidence floor listed apart (never
hidden without a word), checks asked for by name, unique flag ids, notes and names."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from align.io.flags import fingerprint, flag_id, numbered
from align.pipeline import RunOptions, check_alignment
from align.types import Bead, Flag, Pair, Severity
from tests.helpers import SEED_EN, SEED_ZH


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def seed_cli(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed_cli")
    done = _cli("run", SEED_ZH, SEED_EN, "--out", out)
    assert done.returncode == 0, done.stderr
    return done, out


def test_the_terminal_line_counts_the_flags_under_the_floor(seed_cli):
    done, out = seed_cli
    import json

    summary = json.loads((out / "summary.json").read_text("utf-8"))
    below = summary["flags_hidden_below_confidence"]
    assert below > 0
    assert f"{summary['flags']} flags, {below} more under the confidence floor" in done.stdout


def test_the_report_lists_the_flags_under_the_floor_collapsed(seed_cli):
    _done, out = seed_cli
    import json

    summary = json.loads((out / "summary.json").read_text("utf-8"))
    html = (out / "report.html").read_text("utf-8")
    below = summary["flags_hidden_below_confidence"]
    assert f"Worth a look: {below} more under the confidence floor" in html
    assert '<details id="below-box">' in html


def test_the_workbook_has_a_sheet_of_flags_under_the_floor(seed_cli):
    _done, out = seed_cli
    import json

    from openpyxl import load_workbook

    summary = json.loads((out / "summary.json").read_text("utf-8"))
    book = load_workbook(out / "flags.xlsx")
    sheet = book["under confidence floor"]
    assert sheet.max_row - 1 == summary["flags_hidden_below_confidence"]
    assert [c.value for c in sheet[1]][12:14] == ["decision", "note"]


def test_a_check_named_shows_all_it_finds_unless_a_floor_is_given():
    assert RunOptions(checks=("sense",)).floor == 0.0
    assert RunOptions(checks=("sense",), min_confidence=0.7).floor == 0.7
    assert RunOptions().floor > 0.5


def test_checks_named_on_the_command_line_show_their_findings(tmp_path):
    done = _cli("run", SEED_ZH, SEED_EN, "--out", tmp_path / "s", "--checks", "sense")
    assert done.returncode == 0, done.stderr
    assert " 0 flags" not in done.stdout and "0 flags;" not in done.stdout


def test_help_names_the_checks_on_and_off_by_default():
    text = " ".join(_cli("run", "--help").stdout.split())
    assert "(default: all)" not in text
    on, off = text.split("On by default: ")[1].split(" --skip-checks")[0].split("off unless named: ")
    # what the calibration decides today (sense: all its findings fall under the floor)
    assert "literal" in on and "numbers" in on and "sense" not in on
    assert "sense" in off and "negation" in off and "literal" not in off


@pytest.mark.parametrize("value", ["2", "-0.1", "x"])
def test_min_confidence_must_be_a_share(value, tmp_path):
    done = _cli("run", SEED_ZH, SEED_EN, "--out", tmp_path, "--min-confidence", value)
    assert done.returncode == 2 and "--min-confidence" in done.stderr


def test_fail_on_says_why_it_fails(tmp_path):
    done = _cli("run", SEED_ZH, SEED_EN, "--out", tmp_path / "o", "--fail-on", "minor")
    assert done.returncode == 1
    assert "at or above minor" in done.stderr and done.stderr.count("\n") == 1


def _pair() -> Pair:
    return Pair(0, Bead((0,), (0,), 0.5, 0.6), "长三角和长三角。", "long triangle and long triangle.")


def test_identical_flags_get_their_own_stable_ids():
    pair = _pair()
    twin = Flag("literal", "accuracy/mistranslation", Severity.MAJOR, 0, (0,), (0,),
                "长三角", "long triangle")
    first, second = numbered([twin, twin], [pair])
    assert flag_id(first, pair) == fingerprint(twin, pair)  # earlier decisions still match
    assert flag_id(first, pair) != flag_id(second, pair)
    assert [f.id for f in numbered([twin, twin], [pair])] == [first.id, second.id]


def test_the_workbook_shows_the_note_of_a_decision(tmp_path):
    from openpyxl import load_workbook

    from align.io.decisions import Decision
    from align.io.excel import SHEET_COLUMNS, flags_xlsx

    pair = _pair()
    flag = numbered([Flag("literal", "accuracy/mistranslation", Severity.MAJOR, 0, (0,), (0,),
                          "长三角", "long triangle")], [pair])[0]
    note = Decision(flag.id, "dismiss", "the client's own name for it", "Li Wei")
    path = tmp_path / "f.xlsx"
    path.write_bytes(flags_xlsx([], [flag], [pair], {flag.id: "dismiss"}, (), {flag.id: note}))
    row = [c.value for c in load_workbook(path)["dismissed"][2]]
    assert row[SHEET_COLUMNS.index("note")] == "the client's own name for it"


def test_xliff_out_keeps_the_file_byte_for_byte_outside_the_notes(tmp_path):
    from tests.helpers import DATA

    source = DATA / "declared_single_quotes.xlf"
    written = tmp_path / "out.xlf"
    done = _cli("run", source, "--out", tmp_path / "r", "--xliff-out", written)
    assert done.returncode == 0, done.stderr
    kept = [line for line in written.read_bytes().splitlines(keepends=True)
            if b'<note from="align"' not in line]
    assert b"".join(kept) == source.read_bytes()  # declaration, root attributes, final newline
    assert written.read_bytes().count(b'<note from="align"') >= 1


@pytest.mark.parametrize("gold, test", [
    ("", b"\x7fELF\x02\x01\x01\x00\x00\xff\xfe\x00\x00\x03\x00>\x00"),  # empty gold, binary test
    (None, b"[0]:[0]\n"),  # missing gold
])
def test_score_says_in_one_line_what_is_wrong_with_an_input(gold, test, tmp_path):
    gold_path = tmp_path / "gold.align"
    if gold is not None:
        gold_path.write_text(gold, encoding="utf-8")
    test_path = tmp_path / "test.dat"
    test_path.write_bytes(test)
    done = _cli("score", "--gold", gold_path, "--test", test_path)
    assert done.returncode == 3  # unreadable input, as for `align run`
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_glossary_build_suggests_no_option_it_lacks(tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_bytes(bytes(range(128, 256)) * 8)
    done = _cli("glossary", "build", "--corpus", odd, "--out", tmp_path / "g.csv")
    assert done.returncode == 3 and "--encoding" not in done.stderr, done.stderr


def test_a_forced_wrong_encoding_is_not_said_to_read_as_english(tmp_path):
    done = _cli("run", SEED_ZH, SEED_EN, "--out", tmp_path, "--encoding", "latin-1")
    assert done.returncode == 4
    assert "English" not in done.stderr and "--encoding" in done.stderr


def test_a_long_glossary_note_is_not_pasted_whole_into_each_message():
    from align.types import GlossaryEntry
    from tests.helpers import check_context
    from align.checks import run_checks

    note = "Approved by the client in 2019 after a long discussion; " * 15
    entry = GlossaryEntry("长三角", "Yangtze River Delta", "approved", note=note)
    context = check_context([("长三角的经济很好。", "The long triangle economy is good.")],
                            [entry])
    flags = run_checks(context, ["glossary"])
    assert flags and all(len(f.message) < 200 for f in flags)
    assert "glossary note: Approved by the client" in flags[0].message


def test_one_also_per_check_when_findings_fold():
    from align.checks import one_per_problem

    def flag(check, message):
        return Flag(check, "accuracy/mistranslation", Severity.MAJOR, 0, (0,), (0,), "长三角",
                    "long triangle", message=message, target_offsets=(4, 17))

    folded = one_per_problem([flag("glossary", "use Yangtze River Delta"),
                              flag("literal", "renders it word by word"),
                              flag("literal", "renders it word by word")])
    assert len(folded) == 1 and folded[0].message.count("(also literal:") == 1


@pytest.mark.parametrize("zh, en, shown", [
    ("增长了百分之一。", "It grew by 2%.", "source says 百分之一 (1%), target says 2%"),
    ("浓度为百万分之五。", "The concentration is 6 ppm.", "百万分之五 (5 ppm)"),
    ("比例为千分之三。", "The ratio is low.", "千分之三 (0.3%)"),
    ("增长了12.5%。", "It grew by 12%.", "source says 12.5%, target says 12%"),
])
def test_numbers_are_shown_as_a_reader_writes_them(zh, en, shown):
    from align.checks import run_checks
    from tests.helpers import check_context

    messages = [f.message for f in run_checks(check_context([(zh, en)]), ["numbers"])]
    assert any(shown in m for m in messages), messages
    assert not any("e-0" in m or "(1)" in m for m in messages)


@pytest.mark.parametrize("zh, en", [
    ("宇宙背景温度为2.726K。", "The background temperature is 2.7255 K."),
    ("长度为2.73米。", "It is 2.7255 m long."),
])
def test_a_rounding_of_the_same_quantity_is_no_flag(zh, en):
    from align.checks import run_checks
    from tests.helpers import check_context

    assert run_checks(check_context([(zh, en)]), ["numbers"]) == []


def test_ignore_rules_are_read_and_match_by_check_term_and_rendering(tmp_path):
    from align.errors import FormatError
    from align.io.decisions import ignored_by, load_decisions, rule_id

    path = tmp_path / "project.csv"
    path.write_text("id,decision,note,reviewer,time,check,src_term,tgt_span,scope\n"
                    "ignore:literal:大山,dismiss,a name here,,,literal,大山,,term\n"
                    f"{rule_id('sense', '龙头', 'head')},dismiss,,,,sense,龙头,Head,rendering\n",
                    encoding="utf-8")
    decisions = load_decisions(path)
    assert rule_id("sense", "龙头", "head") == "ignore:sense:龙头=head"
    assert ignored_by(decisions, "literal", "大山", "big mountain").note == "a name here"
    assert ignored_by(decisions, "sense", "龙头", " HEAD ") is not None
    assert ignored_by(decisions, "sense", "龙头", "leader") is None
    assert ignored_by(decisions, "numbers", "大山", "") is None
    path.write_text("id,decision,check,src_term,scope\nx,dismiss,literal,大山,everything\n",
                    encoding="utf-8")
    with pytest.raises(FormatError, match="scope"):
        load_decisions(path)


def test_an_ignore_list_passed_to_batch_dismisses_the_term_in_every_pair(tmp_path):
    import csv

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.zh.txt").write_bytes(SEED_ZH.read_bytes())
        (corpus / f"{name}.en.txt").write_bytes(SEED_EN.read_bytes())
    plain = _cli("batch", corpus, "--out", tmp_path / "plain", "--quiet")
    assert plain.returncode == 0, plain.stderr
    with open(tmp_path / "plain" / "flags.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    target = next(r for r in rows if r["check"] == "literal" and r["src_term"])
    ignore = tmp_path / "project.csv"
    ignore.write_text("id,decision,note,reviewer,time,check,src_term,tgt_span,scope\n"
                      f"ignore:literal:{target['src_term']},dismiss,house style,,,literal,"
                      f"{target['src_term']},,term\n", encoding="utf-8")
    done = _cli("batch", corpus, "--out", tmp_path / "ignored", "--quiet", "--decisions", ignore)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "ignored" / "flags.csv", encoding="utf-8-sig") as handle:
        left = list(csv.DictReader(handle))
    assert not [r for r in left if r["check"] == "literal" and r["src_term"] == target["src_term"]]
    assert len(left) < len(rows)
