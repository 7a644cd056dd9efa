"""index.html of align batch in Debian's headless Chromium, driven by Playwright: it loads with
no console errors, sorts by each figure (worst first, then back), every pair's link opens its
report, and file names made of HTML and URL syntax are shown as text and linked correctly."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest

import align
from align.pipeline import RunOptions

from tests.helpers import DATA

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                 "(.ci/run installs Debian's with apt-get)")]

CORPUS = DATA / "batch"
HOSTILE = '<img src=x onerror=alert(1)> & "q" #1 ?x=%41'  # a pair that comes out ok
HOSTILE_FAILED = "<svg onload=alert(2)>'"  # a swapped pair: fails, its error names the file
# column key → (position, heading)
SORTABLE = {"flags_per_1k_chars": (2, "flags per 1,000 characters"), "major": (3, "major"),
            "flags": (4, "flags"), "mean_similarity": (5, "mean similarity"),
            "unmatched_sentences": (6, "unmatched sentences")}


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-corpus")
    copies = {f"{HOSTILE}.zh.txt": "golden-age.zh.txt", f"{HOSTILE}.en.txt": "golden-age.en.txt",
              f"{HOSTILE_FAILED}.zh.txt": "swapped.zh.txt",
              f"{HOSTILE_FAILED}.en.txt": "swapped.en.txt"}
    for name in ("deer.zh.txt", "deer.en.md", "drop.zh.txt", "drop.en.txt", "delta-2023.zh.txt",
                 "delta-2023.en.txt", "delta-2024.zh.txt", "delta-2024.en.txt",
                 "unrelated.zh.txt", "unrelated.en.txt"):
        copies[name] = name
    for name, original in copies.items():
        shutil.copy(CORPUS / original, folder / name)
    result = align.run_corpus(folder, tmp_path_factory.mktemp("hostile-out"),
                              RunOptions(cache=False))
    assert HOSTILE in set(result.pairs["pair"]) and HOSTILE_FAILED in result.failed
    return result


@pytest.fixture(scope="module")
def page(corpus_out):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.problems = []
        page.on("console", lambda m: page.problems.append(f"{m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: page.problems.append(f"exception: {e}"))
        page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto(corpus_out.index.resolve().as_uri())
        yield page
        browser.close()


def _column(page, col: int) -> list[str]:
    return page.evaluate(f"Array.from(document.querySelectorAll('#pairs tbody tr'))"
                         f".map(tr => tr.cells[{col}].dataset.sort)")


def _numbers_in_order(values: list[str], descending: bool) -> bool:
    numbers = [float(v) for v in values if v != ""]
    blanks_last = all(v == "" for v in values[len(numbers):])
    return blanks_last and numbers == sorted(numbers, reverse=descending)


def test_index_loads_clean_and_lists_every_pair(page, corpus_out):
    assert page.problems == []
    assert page.evaluate("document.querySelectorAll('#pairs tbody tr').length") == len(corpus_out.pairs)
    csp = page.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def test_hostile_names_are_text_and_their_links_are_right(page, corpus_out):
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object').length") == 0
    link = page.evaluate(f"(() => {{ const tr = Array.from(document.querySelectorAll('#pairs tbody tr'))"
                         f".find(r => r.dataset.pair === {HOSTILE!r}); const a = tr.querySelector('a');"
                         f" return [a.textContent, a.getAttribute('href')]; }})()")
    assert link == [HOSTILE, quote(HOSTILE, safe="") + "/report.html"]
    failed = page.evaluate(f"Array.from(document.querySelectorAll('#pairs tbody tr'))"
                           f".find(r => r.dataset.pair === {HOSTILE_FAILED!r}).textContent")
    assert f"{HOSTILE_FAILED}.zh.txt" in failed and "swapped" in failed
    assert page.evaluate(f"Array.from(document.querySelectorAll('#pairs tbody tr'))"
                         f".find(r => r.dataset.pair === {HOSTILE_FAILED!r}).querySelector('a')") is None
    assert page.problems == []


@pytest.mark.parametrize("key", SORTABLE)
def test_sorting_by_each_figure(page, key):
    col, heading = SORTABLE[key]
    button = page.locator(f"#pairs th[data-key={key}] button")
    assert button.inner_text() == heading
    button.click()
    header = f"document.querySelectorAll('#pairs thead th')[{col}].getAttribute('aria-sort')"
    assert page.evaluate(header) == "descending"
    assert _numbers_in_order(_column(page, col), descending=True)
    button.click()
    assert page.evaluate(header) == "ascending"
    assert _numbers_in_order(_column(page, col), descending=False)
    values = [v for v in _column(page, col) if v]
    assert len(set(values)) > 1  # the corpus has different figures, so the order means something
    assert page.problems == []


def test_sorting_by_name(page, corpus_out):
    page.locator("#pairs th[data-key=pair] button").click()
    assert _column(page, 0) == sorted(corpus_out.pairs["pair"])
    page.locator("#pairs th[data-key=pair] button").click()
    assert _column(page, 0) == sorted(corpus_out.pairs["pair"], reverse=True)


def test_every_link_opens_its_pair_report(page, corpus_out):
    index = corpus_out.index.resolve().as_uri()
    names = page.evaluate("Array.from(document.querySelectorAll('#pairs tbody a')).map(a => a.textContent)")
    with_report = sorted(corpus_out.pairs.loc[corpus_out.pairs["report"] != "", "pair"])
    assert sorted(names) == with_report
    for name in names:
        page.goto(index)
        page.locator("#pairs tbody a", has_text=name).first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(quote(name, safe="") + "/report.html")
        assert "Alignment report" in page.title()
    page.goto(index)
    assert page.problems == []


def test_term_section_links_both_documents(page, corpus_out):
    page.goto(corpus_out.index.resolve().as_uri())
    row = page.locator("table.terms tr", has_text="开发区")
    assert row.count() == 1
    links = row.locator("a").evaluate_all("as => as.map(a => a.textContent)")
    assert sorted(links) == ["delta-2023", "delta-2024"]
