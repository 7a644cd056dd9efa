"""Bad input through the real command line: one line on stderr, a documented exit code."""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from xml.etree import ElementTree

import pytest

from tests.helpers import DATA, SEED_EN, SEED_ZH, drain_pty

ZH = DATA / "zh3.txt"
EN = DATA / "en3.txt"


def _cli(*args, cwd=None, umask=None, **options):
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300, umask=umask or -1,
                          **options)


def _file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


ZH_TEXT = ZH.read_text(encoding="utf-8")
EN_TEXT = EN.read_text(encoding="utf-8")
GLOSSARY_OK = "zh,en,status\n云南,Yunnan,approved\n"
BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">'
                  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                  '<tbx><text><body><termEntry><langSet xml:lang="zh"><tig><term>&c;</term></tig>'
                  '</langSet></termEntry></body></text></tbx>')
XXE = ('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       '<tbx><text><body><termEntry><langSet xml:lang="zh"><tig><term>&x;</term></tig>'
       '</langSet></termEntry></body></text></tbx>')
TMX = ('<?xml version="1.0"?><tmx version="1.4"><header srclang="zh"/><body><tu><tuv xml:lang="zh">'
       '<seg>云南</seg></tuv></tu></body></tmx>')


def _sparse(path, size):
    with open(path, "wb") as handle:  # a 50 MB file without writing 50 MB
        handle.write("长".encode() * 1000)
        handle.truncate(size)
    return path


def _glossary(t, content):
    return ["--glossary", _file(t, "g" + (".tbx" if content.lstrip().startswith("<") else ".csv"), content)]


# (name, make(tmp) -> (source, target, extra args), exit code, text expected on stderr)
# exit code 0 means: a correct result is expected, checked against the sentence counts
CASES = [
    ("missing", lambda t: (t / "nope.txt", EN, []), 3, "no such file"),
    ("empty", lambda t: (_file(t, "e.txt", b""), EN, []), 3, "empty"),
    ("whitespace", lambda t: (_file(t, "w.txt", "  \n\n \t\n"), EN, []), 3, "no text"),
    ("binary", lambda t: (_file(t, "b.bin", bytes(range(256)) * 50), EN, []), 3, "binary"),
    ("png image", lambda t: (_file(t, "i.png", b"\x89PNG\r\n\x1a\n" + bytes(300)), EN, []), 3,
     "binary"),
    ("folder", lambda t: (t, EN, []), 3, "folder"),
    ("undecodable bytes", lambda t: (_file(t, "u.txt", b"\xfd\xfd" * 3 + b"\x81\x20" * 50), EN, []),
     3, "unknown encoding"),
    ("swapped", lambda t: (EN, ZH, []), 4, "swapped"),
    ("both chinese", lambda t: (ZH, _file(t, "zh2.txt", ZH_TEXT), []), 4, "target must be English"),
    ("both english", lambda t: (EN, _file(t, "en2.txt", EN_TEXT), []), 4, "source must be Chinese"),
    ("same file twice", lambda t: (ZH, ZH, []), 3, "same file"),
    ("japanese source", lambda t: (_file(t, "ja.txt", "私は二十一歳のとき、雲南にいました。\n"
                                          "これはテストです。\n"), EN, []), 4, "Japanese"),
    ("french target", lambda t: (ZH, _file(t, "fr.txt", "À vingt et un ans, je suis dans une équipe de "
                                            "production au Yunnan.\nCette année-là, Chen Qingyang "
                                            "avait vingt-six ans et elle était médecin là où je "
                                            "travaillais.\nJe suis dans la quatorzième équipe, en bas de "
                                            "la montagne, et elle est dans la quinzième.\n"), []), 4,
     "other than English"),
    ("html without text", lambda t: (_file(t, "h.html", "<div><script>x</script></div>"), EN, []), 3,
     "no text"),
    ("50 MB input", lambda t: (_sparse(t / "big.txt", 50 * 2**20), EN, []), 3, "limit"),
    ("over --max-bytes", lambda t: (_file(t, "m.txt", "长" * 400_000), EN, ["--max-bytes", "1000000"]), 3,
     "limit"),
    ("unknown encoding name", lambda t: (ZH, EN, ["--encoding", "klingon"]), 3, "unknown encoding"),
    ("wrong forced encoding", lambda t: (ZH, EN, ["--encoding", "utf-16"]), 3, ""),
    ("unknown model", lambda t: (ZH, EN, ["--model", "word2vec"]), 5, "unknown model"),
    ("missing st model folder", lambda t: (ZH, EN, ["--model", "st:"]), 5, "needs a model"),
    ("unknown check", lambda t: (ZH, EN, ["--checks", "spelling"]), 2, "unknown check"),
    ("bad --fail-on", lambda t: (ZH, EN, ["--fail-on", "fatal"]), 2, "invalid choice"),
    ("output is a file", lambda t: (ZH, EN, ["--out", _file(t, "taken", "x")]), 3, "not a folder"),
    ("glossary missing", lambda t: (ZH, EN, ["--glossary", t / "none.csv"]), 3, "no such file"),
    ("glossary empty", lambda t: (ZH, EN, _glossary(t, "")), 3, "empty"),
    ("glossary bad row", lambda t: (ZH, EN, _glossary(t, "zh,en\n云南,Yunnan,x,y\n")), 6, "line 2"),
    ("glossary bad status", lambda t: (ZH, EN, _glossary(t, "zh,en,status\n云南,Yunnan,ok\n")), 6,
     "status"),
    ("glossary reversed", lambda t: (ZH, EN, _glossary(t, "zh,en\nYunnan,云南\ndoctor,医生\n")), 6,
     "wrong direction"),
    ("glossary unterminated quote", lambda t: (ZH, EN, _glossary(t, 'zh,en\n"云南,Yunnan\n')), 6, "line"),
    ("glossary malformed tbx", lambda t: (ZH, EN, _glossary(t, "<tbx><text><body></tbx>")), 6,
     "malformed XML"),
    ("glossary billion laughs", lambda t: (ZH, EN, _glossary(t, BILLION_LAUGHS)), 7, "unsafe XML"),
    ("glossary xxe", lambda t: (ZH, EN, _glossary(t, XXE)), 7, "unsafe XML"),
    ("glossary is a tmx", lambda t: (ZH, EN, _glossary(t, TMX)), 6, "no term entries"),
    # correct results
    ("utf-8 with bom", lambda t: (_file(t, "bom.txt", b"\xef\xbb\xbf" + ZH_TEXT.encode()), EN, []), 0, ""),
    ("utf-16 le", lambda t: (_file(t, "u16.txt", ZH_TEXT.encode("utf-16")), EN, []), 0, ""),
    ("utf-16 be no bom", lambda t: (_file(t, "u16be.txt", ZH_TEXT.encode("utf-16-be")), EN, []), 0, ""),
    ("gb18030", lambda t: (_file(t, "gb.txt", ZH_TEXT.encode("gb18030")), EN, []), 0, ""),
    ("mixed line endings", lambda t: (_file(t, "mixed.txt", ZH_TEXT.replace("\n", "\r\n", 1)
                                             .replace("队。\n我", "队。\r我")), EN, []), 0, ""),
    ("truncated utf-8", lambda t: (ZH, _file(t, "cut.txt", EN_TEXT.encode() + "é".encode()[:1]), []), 0,
     "cut.txt: the file ends in the middle of a character"),
    ("glossary term twice", lambda t: (ZH, EN, _glossary(t, GLOSSARY_OK + "云南,Yun-nan,approved\n")),
     0, "term 云南 appears more than once; entries merged"),
    ("html with script", lambda t: (_file(t, "p.html", "<html><body><script>alert(1)</script><p>" +
                                           ZH_TEXT.replace("\n", "</p><p>") + "</p></body></html>"),
                                     EN, []), 0, ""),
    ("source much longer", lambda t: (_file(t, "long.txt", ZH_TEXT * 12), EN, []), 0, "no counterpart"),
]


@pytest.mark.parametrize("name, make, code, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, name, make, code, message):
    source, target, extra = make(tmp_path)
    out = tmp_path / "out"
    if "--out" not in extra:
        extra = [*extra, "--out", out]
    result = _cli("run", source, target, *extra)
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if code:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert not out.exists()
        return
    summary = json.loads((out / "summary.json").read_text())
    expected_source = 36 if name == "source much longer" else 3
    assert (summary["source_sentences"], summary["target_sentences"]) == (expected_source, 3)
    beads = [line for line in (out / "alignment.align").read_text().splitlines()]
    assert len(beads) == summary["beads"]


def test_table_has_at_least_thirty_cases():
    assert len(CASES) >= 30


def test_rerun_into_an_existing_folder_replaces_every_file(tmp_path):
    out = tmp_path / "out"
    assert _cli("run", ZH, EN, "--presplit", "--out", out).returncode == 0
    (out / "stale.tmp").write_text("x")
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    longer = _file(tmp_path, "zh4.txt", ZH_TEXT + "后来我们一起去了山上。\n")
    assert _cli("run", longer, EN, "--presplit", "--out", out).returncode == 0
    second = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(second) == set(first)
    assert json.loads(second["summary.json"])["source_sentences"] == 4
    assert all(second[name] != first[name] for name in ("alignment.csv", "alignment.tmx", "report.html"))
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left


def test_unrelated_texts_finish_with_a_warning(tmp_path):
    unrelated = _file(tmp_path, "u.txt", "Stock markets fell sharply on Monday.\n"
                      "The weather in Paris was rainy.\nA new phone was released.\n")
    result = _cli("run", ZH, unrelated, "--presplit", "--out", tmp_path / "o")
    assert result.returncode == 0
    assert "do not look like translations" in result.stderr


def test_seed_run_outputs_agree(tmp_path):
    out = tmp_path / "seed"
    result = _cli("run", SEED_ZH, SEED_EN, "--out", out, "--no-cache", "--fail-on", "major",
                  umask=0o022)
    assert result.returncode == 1  # major flags exist on the seed translation
    rows = list(csv.DictReader(open(out / "alignment.csv", encoding="utf-8-sig")))
    beads = (out / "alignment.align").read_text().splitlines()
    tus = ElementTree.parse(out / "alignment.tmx").getroot().findall(".//tu")
    assert len(rows) == len(beads)
    # the memory holds the matched beads only: no empty segments
    assert [int(tu.get("tuid")) for tu in tus] == [k for k, r in enumerate(rows)
                                                   if r["type"] not in ("1-0", "0-1")]
    assert len(tus) < len(rows)
    assert all(seg.text for seg in ElementTree.parse(out / "alignment.tmx").iter("seg"))
    for row, line in zip(rows, beads):
        src, tgt = line.split(":")
        assert src.strip("[]").replace(",", " ") == row["src_ids"]
        assert tgt.strip("[]").replace(",", " ") == row["tgt_ids"]
    flags = list(csv.DictReader(open(out / "flags.csv", encoding="utf-8-sig")))
    assert list(flags[0].keys()) == ["flag_id", "check", "category", "severity", "src_ids",
                                     "tgt_ids", "src_term", "tgt_span", "suggestion", "message",
                                     "src_text", "tgt_text", "decision", "confidence"]
    # every file readable by the group, as the umask (022 here) allows
    assert {oct(p.stat().st_mode & 0o777) for p in out.iterdir()} == {"0o644"}


def test_score_command(tmp_path):
    gold = _file(tmp_path, "g.align", "[0]:[0]\n[1]:[1,2]\n")
    result = _cli("score", "--gold", gold, "--test", gold)
    assert result.returncode == 0 and "F1=1.000" in result.stdout
    bad = _file(tmp_path, "b.align", "[0]-[0]\n")
    result = _cli("score", "--gold", gold, "--test", bad)
    assert result.returncode == 7 and "line 1" in result.stderr


# ------------------------------------------------------------------ the interface itself

def _actions(parser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from ((f"{name} {a}", h) for a, h in _actions(sub))
        elif not isinstance(action, argparse._HelpAction):
            yield "/".join(action.option_strings) or action.dest, action.help


def test_every_option_has_help_and_help_lists_exit_codes_and_checks():
    from align.checks import CHECKS
    from align.cli import _parser

    missing = [name for name, text in _actions(_parser()) if not text]
    assert missing == []
    top = _cli("--help").stdout
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "6 ", "7 ", "130 ", "141 "):
        assert f"\n  {code}" in top, code
    run_help = " ".join(_cli("run", "--help").stdout.split())
    assert "exit codes:" in run_help
    assert all(name in run_help for name in CHECKS) and len(CHECKS) >= 9
    readme = (SEED_ZH.parents[1] / "README.md").read_text("utf-8")
    assert "141" in readme and "130" in readme


def test_default_output_folder_is_named_after_both_files(tmp_path):
    other = _file(tmp_path, "en-v2.txt", EN_TEXT.replace("Yunnan", "Yun-nan"))
    for target in (EN, other):
        assert _cli("run", ZH, target, "--presplit", cwd=tmp_path).returncode == 0
    folders = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert folders == sorted([f"{ZH.stem}__{EN.stem}", f"{ZH.stem}__en-v2"])


def test_files_follow_the_umask(tmp_path):
    assert _cli("run", ZH, EN, "--presplit", "--out", tmp_path / "o", umask=0o077).returncode == 0
    assert {oct(p.stat().st_mode & 0o777) for p in (tmp_path / "o").iterdir()} == {"0o600"}
    assert _cli("run", ZH, EN, "--presplit", "--out", tmp_path / "p", umask=0o002).returncode == 0
    assert {oct(p.stat().st_mode & 0o777) for p in (tmp_path / "p").iterdir()} == {"0o664"}


def test_a_closed_pipe_ends_quietly(tmp_path):
    glossary = _file(tmp_path, "g.csv", "zh,en,status\n" + "".join(
        f"术语{k},term {k},candidate\n" for k in range(20000)))
    pipe = subprocess.run(f"{sys.executable} -m align glossary review {glossary} | head -2",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert pipe.stdout.splitlines()[0].startswith("术语0\tterm 0")
    assert len(pipe.stdout.splitlines()) == 2
    assert pipe.stderr == ""


def test_an_absent_sentence_transformers_model_fails_at_once_offline(tmp_path):
    pytest.importorskip("sentence_transformers")
    started = time.monotonic()
    done = _cli("run", ZH, EN, "--model", "st:no-such-org/no-such-model", "--out", tmp_path / "o",
                env={**os.environ, "HF_HOME": str(tmp_path / "hf")})
    assert done.returncode == 5 and "not on disk" in done.stderr and "--allow-download" in done.stderr
    assert time.monotonic() - started < 10  # no minute of hub retries, no torch import
    assert len(done.stderr.strip().splitlines()) == 1


def test_progress_is_shown_on_a_terminal_only(tmp_path):
    import fcntl
    import pty
    import struct
    import termios
    import threading

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    shown = bytearray()

    reader = threading.Thread(target=drain_pty, args=(leader, shown.extend))
    reader.start()
    with_tty = subprocess.run([sys.executable, "-m", "align", "run", str(ZH), str(EN),
                               "--presplit", "--out", str(tmp_path / "a")],
                              stderr=follower, stdout=subprocess.PIPE, timeout=300)
    os.close(follower)
    reader.join(timeout=10)
    os.close(leader)
    assert with_tty.returncode == 0
    assert b"align: embedding" in shown and b"stages" in shown
    without = _cli("run", ZH, EN, "--presplit", "--out", tmp_path / "b")
    assert without.stderr == ""


def test_glossary_add_and_approve_with_english(tmp_path):
    glossary = tmp_path / "g.csv"
    done = _cli("glossary", "add", glossary, "临港新片区=Lingang Special Area", "长三角=Yangtze River Delta")
    assert done.returncode == 0, done.stderr
    assert glossary.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel shows the Chinese
    rows = list(csv.DictReader(open(glossary, encoding="utf-8-sig")))
    assert [(r["zh"], r["en"], r["status"]) for r in rows] == [
        ("临港新片区", "Lingang Special Area", "approved"), ("长三角", "Yangtze River Delta", "approved")]
    _file(tmp_path, "g.csv", "\ufeffzh,en,status\n科创走廊,Kechuang Corridor,candidate\n聚力,,candidate\n")
    done = _cli("glossary", "review", glossary, "--approve", "科创走廊=Science and Technology "
                "Innovation Corridor", "--reject", "聚力")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(open(glossary, encoding="utf-8-sig")))
    assert [(r["zh"], r["en"], r["status"]) for r in rows] == [
        ("科创走廊", "Science and Technology Innovation Corridor", "approved")]
    assert _cli("glossary", "add", glossary, "长三角").returncode == 2


def test_tbx_export_marks_candidates_unreviewed_and_has_no_empty_language_section(tmp_path):
    glossary = _file(tmp_path, "g.csv", "zh,en,status,forbidden\n长三角,Yangtze River Delta,approved,"
                     "long triangle\n聚力,,candidate,\n一体化,integration,candidate,\n")
    assert _cli("glossary", "export", glossary, "--out", tmp_path / "g.tbx").returncode == 0
    root = ElementTree.parse(tmp_path / "g.tbx").getroot()
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    entries = root.findall(".//t:conceptEntry", ns)
    lang_secs = [[ls.get("{http://www.w3.org/XML/1998/namespace}lang")
                  for ls in e.findall("t:langSec", ns)] for e in entries]
    assert lang_secs == [["zh", "en"], ["zh"], ["zh", "en"]]
    def notes(entry, kind):
        return [n.text for n in entry.iter("{urn:iso:std:iso:30042:ed-2}termNote")
                if n.get("type") == kind]
    assert notes(entries[0], "administrativeStatus") == ["preferredTerm-admn-sts",
                                                         "deprecatedTerm-admn-sts"]
    assert set(notes(entries[0], "processStatus")) == {"finalized"}
    assert notes(entries[2], "administrativeStatus") == []
    assert set(notes(entries[2], "processStatus")) == {"unprocessed"}
    assert _cli("glossary", "import", tmp_path / "g.tbx", "--out", tmp_path / "back.csv").returncode == 0
    assert list(csv.DictReader(open(tmp_path / "back.csv", encoding="utf-8-sig")))[2]["status"] == \
        "candidate"


def test_renderings_dismissed_again_and_again_are_promoted_to_the_glossary(tmp_path):
    decisions = _file(tmp_path, "decisions.csv", "\ufeffid,decision,note,reviewer,time,check,"
                      "src_term,tgt_span\n" + "".join(
                          f"a{k},dismiss,house style,Li,2024-05-0{k},consistency,临港新片区,"
                          f"Lingang Special Area\n" for k in range(1, 4)) +
                      "b1,dismiss,,Li,,literal,长三角,long triangle\n"
                      "c1,accept,,Li,,pinyin,科创,Kechuang\nc2,accept,,Li,,pinyin,科创,Kechuang\n"
                      "c3,accept,,Li,,pinyin,科创,Kechuang\n")
    glossary = tmp_path / "g.csv"
    done = _cli("glossary", "add", glossary, "--from-decisions", decisions)
    assert done.returncode == 0, done.stderr
    assert "临港新片区=Lingang Special Area\tdismissed 3 times" in done.stdout
    rows = list(csv.DictReader(open(glossary, encoding="utf-8-sig")))
    # once dismissed is not a habit, and accepted flags are real errors: neither is promoted
    assert [(r["zh"], r["en"], r["status"]) for r in rows] == [
        ("临港新片区", "Lingang Special Area", "approved")]
    again = _cli("glossary", "add", tmp_path / "h.csv", "--from-decisions", decisions,
                 "--min-count", "4")
    assert again.returncode == 2 and "nothing to add" in again.stderr
