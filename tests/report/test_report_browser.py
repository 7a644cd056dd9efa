"""report.html end to end in Debian's headless Chromium, driven by Playwright: it loads with
no console errors, filters, groups, the flagged-pairs toggle, keyboard navigation, decisions
and their export, the chart, tooltips, layout at 1,280 px, hostile input, and 20,000 pairs."""

from __future__ import annotations

import csv
import io
from collections import Counter
import shutil
import time

import pytest

from align.io.decisions import load_decisions
from align.alignment.encoders import ENCODERS
from align.io.flags import flag_id
from align.pipeline import RunOptions, default_signature, run, write_report
from align.report.report_html import render_report
from align.report.summary import summarise
from align.types import Bead, Flag, Pair, Place, Severity

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                 "(.ci/run installs Debian's with apt-get)")]

SHOWN = "+document.querySelector('#shown').textContent"
ROWS = "document.querySelectorAll('#rows tr.pair').length"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


class Page:
    """A page at 1,280 px that records every console error, warning and uncaught exception."""

    def __init__(self, browser, path, **context):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900},
                                           accept_downloads=True, **context)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"{m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"exception: {e}"))
        self.open(path)

    def open(self, path):
        started = time.perf_counter()
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("html[data-ready]")
        self.load_seconds = time.perf_counter() - started

    def js(self, expression):
        return self.page.evaluate(expression)

    def wait_for(self, expression, seconds=5.0):
        """Poll an expression (the page's CSP forbids the eval that wait_for_function uses)."""
        deadline = time.monotonic() + seconds
        while not self.js(expression):
            assert time.monotonic() < deadline, f"never true: {expression}"
            time.sleep(0.05)

    def choose(self, select, value):
        self.page.select_option(select, value)

    def close(self):
        self.context.close()


@pytest.fixture()
def seed_page(seed_run, browser):
    result, out = seed_run
    page = Page(browser, out / "report.html")
    yield result, page
    assert page.problems == []
    page.close()


def test_filters_and_search(seed_page):
    result, page = seed_page
    total = len(result.pairs)
    assert page.js(SHOWN) == page.js(ROWS) == total
    counts = Counter(f.check for f in result.flags)
    rare = min(counts, key=lambda c: (counts[c], c))  # the check with fewest flags
    page.choose("#f-check", rare)
    rare_beads = {b for f in result.flags if f.check == rare
                  for b in (f.bead, *(p.bead for p in f.places))}
    assert 0 < page.js(SHOWN) == page.js(ROWS) == len(rare_beads) < total
    assert page.js("[...document.querySelectorAll('li.group')].filter(g => !g.hidden)"
                   f".every(g => g.textContent.includes(' {rare} '))")
    page.choose("#f-check", "")
    page.choose("#f-severity", "major")
    assert page.js(SHOWN) == len({b for f in result.flags if f.severity.value == "major"
                                  for b in (f.bead, *(p.bead for p in f.places))})
    page.choose("#f-severity", "")
    page.page.fill("#f-search", "Kechuang")
    page.wait_for(f"{SHOWN} < {total}")
    assert page.js(SHOWN) > 0
    assert page.js("[...document.querySelectorAll('#rows tr.pair')].every(tr => "
                   "tr.textContent.includes('Kechuang'))")


def test_flags_are_grouped_by_problem_with_their_places(seed_page):
    result, page = seed_page
    groups = page.js("document.querySelectorAll('li.group').length")
    assert 0 < groups < len(result.flags)  # the seed renders 长三角 "long triangle" many times
    literal = [f for f in result.flags if f.check == "literal" and f.src_term == "长三角"
               and f.tgt_span.lower() == "long triangle"]
    assert len(literal) >= 2
    summary = page.page.locator("li.group summary", has_text="长三角 → long triangle").filter(
        has_text="literal")
    assert summary.count() == 1
    assert f"{len({f.bead for f in literal})} places" in summary.inner_text()
    summary.click()
    entries = page.page.locator("li.group details[open] li.entry")
    # the details element's toggle event, which fills the entries, fires after the click
    page.wait_for("document.querySelectorAll('li.group details[open] li.entry').length > 0")
    assert entries.count() == len(literal)
    # each entry names its pair and the flagged text, and jumps there
    first = entries.nth(1)
    assert first.locator("a").first.inner_text() == f"pair {literal[1].bead}"
    assert "long triangle" in first.inner_text()
    first.locator("a").first.click()
    assert page.js(f"document.getElementById('b{literal[1].bead}').classList.contains('target')")


def test_flagged_pairs_only_toggle(seed_page):
    result, page = seed_page
    flagged = {b for f in result.flags for b in (f.bead, *(p.bead for p in f.places))}
    assert len(flagged) < len(result.pairs)
    page.page.check("#f-flagged")
    assert page.js(SHOWN) == page.js(ROWS) == len(flagged)
    assert page.js("[...document.querySelectorAll('#rows tr.pair')].every(tr => "
                   "+tr.dataset.flags > 0)")
    page.page.keyboard.press("Escape")  # leave the checkbox: keys typed into a control are its own
    page.page.keyboard.press("f")  # the same toggle from the keyboard
    assert page.js(SHOWN) == len(result.pairs)


def test_keyboard_moves_from_flag_to_flag(seed_page):
    result, page = seed_page
    in_order = sorted(range(len(result.flags)), key=lambda k: (result.flags[k].bead, k))
    page.page.keyboard.press("j")
    first = result.flags[in_order[0]]
    assert page.js("document.querySelector('li.entry.current').dataset.id") == \
        flag_id(first, result.pairs[first.bead])
    assert page.js(f"document.getElementById('b{first.bead}').classList.contains('target')")
    for _ in range(3):
        page.page.keyboard.press("j")
    fourth = result.flags[in_order[3]]
    assert page.js("document.querySelector('li.entry.current').dataset.id") == \
        flag_id(fourth, result.pairs[fourth.bead])
    page.page.keyboard.press("k")
    third = result.flags[in_order[2]]
    assert page.js("document.querySelector('li.entry.current').dataset.id") == \
        flag_id(third, result.pairs[third.bead])
    assert page.js("document.querySelectorAll('li.entry.current').length") == 1
    # keys typed into the search box are text, not commands
    page.page.fill("#f-search", "jk")
    assert page.js("document.querySelector('li.entry.current').dataset.id") == \
        flag_id(third, result.pairs[third.bead])


def test_decisions_are_kept_exported_and_hide_flags_on_the_next_run(seed_run, browser, tmp_path,
                                                                   encoder):
    result, out = seed_run
    page = Page(browser, out / "report.html")
    page.page.fill("#reviewer", "Li Wei")
    page.page.dispatch_event("#reviewer", "change")
    page.page.keyboard.press("Escape")  # out of the name box, so keys are commands again
    page.page.keyboard.press("j")
    page.page.keyboard.press("d")  # dismiss the first flag
    page.page.keyboard.press("j")
    page.page.keyboard.press("a")  # accept the second
    current = page.page.locator("li.entry.current")
    current.locator("input").fill("=SUM(A1) real error")  # formula-like notes stay text
    current.locator("input").dispatch_event("change")
    assert "1 accepted · 1 dismissed" in page.js("document.querySelector('#decided').textContent")
    assert page.js("document.querySelectorAll('li.entry.dismiss').length") == 1
    # kept in the browser: a reload shows the same decisions
    page.open(out / "report.html")
    assert "1 accepted · 1 dismissed" in page.js("document.querySelector('#decided').textContent")
    with page.page.expect_download() as download:
        page.page.click("#export")
    assert download.value.suggested_filename == "decisions.csv"
    saved = tmp_path / "decisions.csv"
    download.value.save_as(saved)
    assert page.problems == []
    page.close()

    rows = list(csv.DictReader(io.StringIO(saved.read_text("utf-8-sig"))))
    assert [r["decision"] for r in rows].count("dismiss") == 1
    assert {r["reviewer"] for r in rows} == {"Li Wei"}
    decisions = load_decisions(saved)
    accepted = next(d for d in decisions.values() if d.decision == "accept")
    assert accepted.note == "=SUM(A1) real error"
    dismissed_id = next(k for k, d in decisions.items() if d.decision == "dismiss")

    ENCODERS["session-use"] = lambda _arg: encoder
    from tests.helpers import SEED_EN, SEED_ZH
    again = run(SEED_ZH, SEED_EN, RunOptions(model="session-use", cache=False,
                                             decisions=saved))
    ids = [flag_id(f, again.pairs[f.bead]) for f in again.flags]
    assert dismissed_id not in ids
    assert [flag_id(f, again.pairs[f.bead]) for f in again.dismissed] == [dismissed_id]
    assert again.summary.flags_dismissed == 1 and again.summary.flags_accepted == 1
    assert len(again.flags) == len(result.flags) - 1
    write_report(again, tmp_path / "again", SEED_ZH.name, SEED_EN.name)
    flags_csv = list(csv.DictReader(open(tmp_path / "again" / "flags.csv", encoding="utf-8-sig")))
    assert [r["decision"] for r in flags_csv].count("accept") == 1
    page = Page(browser, tmp_path / "again" / "report.html")
    assert page.js("document.querySelectorAll('#dismissed li').length") == 1
    assert page.js("document.querySelector('#dismissed li').dataset.id") == dismissed_id
    assert page.js("document.querySelectorAll('#groups li.group').length") > 0
    for group in page.page.locator("#groups li.group summary").all():
        group.click()
    # each group's entries are filled by its toggle event, which fires after the click
    page.wait_for("[...document.querySelectorAll('#groups li.group details')].every("
                  "d => d.open && d.querySelector('li.entry'))")
    listed = page.js("[...document.querySelectorAll('#groups li.entry')].map(li => li.dataset.id)")
    assert len(listed) == len(again.flags) and dismissed_id not in listed
    assert page.problems == []
    page.close()


def test_layout_tooltips_chart_and_scores(seed_page):
    result, page = seed_page
    assert page.js("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    # the hovered or focused mark shows its flag's message
    mark = page.page.locator("#rows mark").first
    tip = mark.get_attribute("data-tip")
    assert tip and any(f.message in tip for f in result.flags)
    mark.focus()
    shown = page.js("getComputedStyle(document.querySelector('#rows mark:focus'), '::after')"
                    ".content")
    first_message = tip.split("\n")[0]
    assert first_message.replace('"', '\\"') in shown  # CSS quotes its content
    # a tooltip near the right edge opens leftwards: still no sideways scroll
    page.page.locator("#rows td.tgt mark").last.hover()
    assert page.js("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    # each pair's score is labelled and is the number alignment.csv has
    rows = page.js("[...document.querySelectorAll('#rows tr.pair')].map(tr => "
                   "[tr.id, tr.querySelector('.score').textContent])")
    assert all(text == f"score {round(result.pairs[int(i[1:])].bead.score, 4)}"
               for i, text in rows)
    # the chart: labelled axes, flagged pairs marked, a click jumps to that part
    assert page.js("document.querySelector('#chart').textContent").count("similarity") >= 1
    assert "pair number" in page.js("document.querySelector('#chart').textContent")
    assert page.js("document.querySelectorAll('#chart line.tick').length") > 0
    page.page.locator("#chart").scroll_into_view_if_needed()
    box = page.page.locator("#chart").bounding_box()
    left, right = (page.js(f"+document.querySelector('#chart').dataset.{k}") for k in ("left", "right"))
    x = box["x"] + box["width"] * (left + 0.75 * (right - left)) / 900
    page.page.mouse.click(x, box["y"] + box["height"] / 2)
    target = page.js("document.querySelector('tr.target').id")
    assert abs(int(target[1:]) - 0.75 * (len(result.pairs) - 1)) <= 1.5
    # CJK fonts for Windows, macOS and Linux are in the stack
    family = page.js("getComputedStyle(document.body).fontFamily")
    assert all(name in family for name in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"))


HOSTILE_ZH = """上海推动长三角一体化发展<script>window.__xss = 1</script>。
合肥参与科创走廊建设<img src=x onerror="window.__xss = 2">。
南京加强区域合作<a href="javascript:window.__xss=3">链接</a>。
杭州发展数字经济"><svg onload="window.__xss=4">。
"""
HOSTILE_EN = """Shanghai promotes the integration of the long triangle<script>window.__xss = 5</script>.
Hefei joins the Kechuang corridor <img src=x onerror="window.__xss = 6">.
Nanjing strengthens regional cooperation <a href="javascript:window.__xss=7">link</a>.
Hangzhou develops the digital economy "'><iframe src="javascript:window.top.__xss=8"></iframe>.
"""
HOSTILE_GLOSSARY = """zh,en,status,variants,forbidden,note,frequency,source
长三角,Yangtze River Delta,approved,,long triangle,"<img src=x onerror=""window.__xss=9""> <script>window.__xss=10</script>",1,test
"""


def test_hostile_input_is_shown_as_text_and_never_runs(encoder, browser, tmp_path):
    ENCODERS["session-use"] = lambda _arg: encoder
    (tmp_path / "zh.txt").write_text(HOSTILE_ZH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(HOSTILE_EN, encoding="utf-8")
    (tmp_path / "glossary.csv").write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    options = RunOptions(model="session-use", cache=False, presplit=True,
                         glossary=tmp_path / "glossary.csv")
    result = run(tmp_path / "zh.txt", tmp_path / "en.txt", options)
    write_report(result, tmp_path / "out", "zh<script>.txt", "en.txt")
    page = Page(browser, tmp_path / "out" / "report.html")
    for group in page.page.locator("li.group summary").all():
        group.click()
    page.js("document.querySelectorAll('a').forEach(a => a.click())")
    assert page.js("typeof window.__xss") == "undefined"
    assert page.js("document.querySelectorAll('img, iframe, svg[onload], "
                   "a[href^=\"javascript\"]').length") == 0
    assert page.js("document.scripts.length") == 2  # the report's data and its own code
    text = page.js("document.body.innerText")
    assert "<script>window.__xss = 1</script>" in text and 'onerror="window.__xss = 6"' in text
    assert "glossary note: <img" in text  # the note is shown, as text
    assert page.problems == []
    page.close()


# ----------------------------------------------------------------- 20,000 pairs

ZH = "上海推动长三角一体化发展，建设科创走廊，2023年合肥的GDP增长了5.8%（第{k}句）。"
EN = ("Shanghai promotes the integration of the long triangle and builds the Kechuang "
      "corridor; in 2022 Hefei's GDP grew by 8.5% (sentence {k}).")


def synthetic(n: int) -> tuple[list[Pair], list[Flag]]:
    """n pairs with a literal flag on every fourth and a number flag on every twelfth."""
    pairs = [Pair(k, Bead((k,), (k,), 0.5 + (k % 7) / 20, 0.6 + (k % 5) / 20),
                  ZH.format(k=k), EN.format(k=k)) for k in range(n)]
    flags = []
    for k in range(0, n, 4):
        flags.append(Flag("literal", "accuracy/mistranslation", Severity.MAJOR, k, (k,), (k,),
                          "长三角", "long triangle", "Yangtze River Delta",
                          '"long triangle" renders 长三角 character by character', 0.9))
        if k % 12 == 0:
            flags.append(Flag("numbers", "locale/number", Severity.MAJOR, k, (k,), (k,), "2023",
                              "2022", "2023", "source says 2023, target says 2022", 0.95))
    flags.append(Flag("consistency", "terminology/inconsistent", Severity.MINOR, 1, (1,), (1,),
                      "科创走廊", "Kechuang corridor", "", "科创走廊 rendered 3 ways", 0.7,
                      places=tuple(Place(b, "Kechuang corridor") for b in range(5, n, 997))))
    return sorted(flags, key=lambda f: f.bead), pairs


def test_twenty_thousand_pairs_are_interactive_within_two_seconds(browser, tmp_path):
    flags, pairs = synthetic(20_000)
    summary = summarise("zh.txt", "en.txt", 20_000, 20_000, [p.bead for p in pairs], flags, [],
                        False, {}, default_signature())
    path = tmp_path / "report.html"
    path.write_text(render_report(pairs, flags, summary), encoding="utf-8")
    page = Page(browser, path)
    started = time.perf_counter()
    page.page.keyboard.press("j")  # interactive: the first flag is one key away
    page.page.wait_for_selector("li.entry.current")
    interactive = page.load_seconds + time.perf_counter() - started
    print(f"\n20,000 pairs, {len(flags)} flags, {path.stat().st_size / 1e6:.1f} MB: "
          f"ready in {page.load_seconds:.2f} s, interactive in {interactive:.2f} s")
    assert interactive <= 2.0
    assert page.js(ROWS) < 1000  # rows are built as they are needed
    assert page.js(SHOWN) == 20_000
    # a jump far down the document builds the rows up to it
    page.page.locator("li.group summary", has_text="Kechuang corridor").click()
    page.page.locator("li.group details[open] li.entry a", has_text="pair 19945").click()
    assert page.js("document.querySelector('tr.target').id") == "b19945"
    page.page.check("#f-flagged")
    assert page.js(SHOWN) == len({b for f in flags for b in (f.bead, *(p.bead for p in f.places))})
    assert page.problems == []
    page.close()


def test_a_name_typed_after_deciding_signs_every_exported_decision(seed_run, browser, tmp_path):
    _result, out = seed_run
    page = Page(browser, out / "report.html")
    page.page.evaluate("localStorage.clear()")
    page.open(out / "report.html")
    page.page.keyboard.press("j")
    page.page.keyboard.press("d")  # decided before any name is typed
    page.page.fill("#reviewer", "Wang Fang")
    with page.page.expect_download() as download:
        page.page.click("#export")
    saved = tmp_path / "decisions.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text("utf-8-sig"))))
    assert rows and {r["reviewer"] for r in rows} == {"Wang Fang"}
    assert page.problems == []
    page.close()


def test_flags_under_the_floor_are_listed_collapsed_and_can_be_decided(seed_run, browser):
    result, out = seed_run
    assert result.hidden
    page = Page(browser, out / "report.html")
    assert page.js("document.querySelector('#below-box').open") is False
    page.page.click("#below-box summary")
    page.wait_for("document.querySelectorAll('#below li.entry').length > 0")
    entries = page.js("[...document.querySelectorAll('#below li.entry')].map(li => li.textContent)")
    assert len(entries) == len(result.hidden) and all("confidence" in e for e in entries)
    ids = page.js("[...document.querySelectorAll('#below li.entry')].map(li => li.dataset.id)")
    assert ids == [flag_id(f, result.pairs[f.bead]) for f in result.hidden]
    page.page.locator("#below li.entry button.dismiss").first.click()
    assert "1 dismissed" in page.js("document.querySelector('#decided').textContent")
    # the main list and keyboard steps hold the shown flags only
    assert page.js("document.querySelectorAll('#groups li.entry').length") == 0
    assert page.problems == []
    page.close()


def test_a_note_shows_in_the_dismissed_list(seed_run, browser, tmp_path, encoder):
    result, _out = seed_run
    first = result.flags[0]
    ident = flag_id(first, result.pairs[first.bead])
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(f"id,decision,note,reviewer\n{ident},dismiss,our house style,Li\n",
                         encoding="utf-8")
    ENCODERS["session-use"] = lambda _arg: encoder
    from tests.helpers import SEED_EN, SEED_ZH
    again = run(SEED_ZH, SEED_EN, RunOptions(model="session-use", cache=False,
                                             decisions=decisions))
    write_report(again, tmp_path / "r", SEED_ZH.name, SEED_EN.name)
    page = Page(browser, tmp_path / "r" / "report.html")
    assert "our house style" in page.js("document.querySelector('#dismissed').textContent")
    assert page.problems == []
    page.close()


def test_an_ignore_rule_made_in_the_report_hides_the_false_alarm_in_another_file(
        seed_run, browser, tmp_path, encoder):
    result, out = seed_run
    target = next(f for f in result.flags if f.src_term and f.tgt_span)
    same = [f for f in result.flags if f.check == target.check and f.src_term == target.src_term]
    page = Page(browser, out / "report.html")
    page.page.evaluate("localStorage.clear()")
    page.open(out / "report.html")
    k = result.flags.index(target)
    for group in page.page.locator("#groups li.group summary").all():
        group.click()
    page.wait_for(f"document.querySelector('li.entry[data-flag=\"{k}\"] button.ignore-term')")
    page.page.click(f"li.entry[data-flag='{k}'] button.ignore-term")
    dismissed = page.js("document.querySelector('#decided').textContent")
    assert f"{len(same)} dismissed" in dismissed
    page.page.fill("#reviewer", "Li Wei")
    with page.page.expect_download() as download:
        page.page.click("#export")
    saved = tmp_path / "decisions.csv"
    download.value.save_as(saved)
    assert page.problems == []
    page.close()
    rows = list(csv.DictReader(io.StringIO(saved.read_text("utf-8-sig"))))
    assert [(r["check"], r["src_term"], r["scope"]) for r in rows] == \
        [(target.check, target.src_term, "term")]

    # another file: the sentence alone, in documents of their own
    pair = result.pairs[target.bead]
    zh, en = tmp_path / "other.zh.txt", tmp_path / "other.en.txt"
    zh.write_text(pair.source_text + "\n", encoding="utf-8")
    en.write_text(pair.target_text + "\n", encoding="utf-8")
    ENCODERS["session-use"] = lambda _arg: encoder
    plain = run(zh, en, RunOptions(model="session-use", cache=False, presplit=True))
    assert any(f.check == target.check and f.src_term == target.src_term for f in plain.flags)
    ignored = run(zh, en, RunOptions(model="session-use", cache=False, presplit=True,
                                     decisions=saved))
    assert not any(f.check == target.check and f.src_term == target.src_term
                   for f in ignored.flags)
    assert any(f.src_term == target.src_term for f in ignored.dismissed)
