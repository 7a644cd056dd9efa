"""report.html end to end in real headless Chromium: it loads with no console errors, the
filters and the search change what is shown, and hostile input text never runs."""

from __future__ import annotations

import json

import pytest

from align.encoders import ENCODERS
from align.pipeline import RunOptions, run, write_report

from browser import CHROMIUM, Browser

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                "(.ci/run installs it with apt-get)")

VISIBLE_ROWS = "document.querySelectorAll('tr.pair:not(.hidden)').length"
VISIBLE_FLAGS = "Array.from(document.querySelectorAll('li.flag')).filter(l => l.style.display !== 'none').length"


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


def _choose(browser, select: str, value: str) -> None:
    browser.evaluate(f"(() => {{ const s = document.querySelector('{select}'); s.value = {json.dumps(value)};"
                     " s.dispatchEvent(new Event('change')); })()")


def test_seed_report_loads_and_filters(seed_run, browser):
    result, out = seed_run
    browser.events.clear()
    browser.open(out / "report.html")
    assert browser.problems() == []
    total = len(result.pairs)
    assert browser.evaluate(VISIBLE_ROWS) == total
    assert browser.evaluate(VISIBLE_FLAGS) == len(result.flags)

    _choose(browser, "#f-check", "pinyin")
    pinyin_beads = {f.bead for f in result.flags if f.check == "pinyin"}
    assert browser.evaluate(VISIBLE_ROWS) == len(pinyin_beads) < total
    assert browser.evaluate(VISIBLE_FLAGS) == sum(f.check == "pinyin" for f in result.flags)
    assert browser.evaluate("document.querySelector('#shown').textContent") == str(len(pinyin_beads))

    _choose(browser, "#f-check", "")
    _choose(browser, "#f-severity", "major")
    assert browser.evaluate(VISIBLE_FLAGS) == sum(f.severity.value == "major" for f in result.flags)
    _choose(browser, "#f-severity", "")
    assert browser.evaluate(VISIBLE_ROWS) == total

    browser.evaluate("(() => { const i = document.querySelector('#f-search'); i.value = 'Kechuang';"
                     " i.dispatchEvent(new Event('input')); })()")
    shown = browser.evaluate(VISIBLE_ROWS)
    assert 0 < shown < total
    assert browser.evaluate("Array.from(document.querySelectorAll('tr.pair:not(.hidden)'))"
                            ".every(tr => tr.textContent.includes('Kechuang'))")

    # a flag jumps to its pair
    browser.evaluate("document.querySelector('li.flag a').click()")
    first = result.flags[0].bead
    assert browser.evaluate(f"document.getElementById('b{first}').classList.contains('target')")
    assert browser.problems() == []


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
    html = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert "glossary note: &lt;img" in html  # the note is shown, escaped
    browser.events.clear()
    browser.open(tmp_path / "out" / "report.html")
    # click every link and flag, then look for any trace of the payloads
    browser.evaluate("document.querySelectorAll('a').forEach(a => a.click())")
    assert browser.evaluate("typeof window.__xss") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img, iframe, svg[onload], a[href^=\"javascript\"]').length") == 0
    assert browser.evaluate("document.scripts.length") == 2  # the report's data and its own code
    text = browser.evaluate("document.body.innerText")
    assert "<script>window.__xss = 1</script>" in text and 'onerror="window.__xss = 6"' in text
    assert browser.problems() == []

