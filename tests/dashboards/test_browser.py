"""The report in a real browser, driven over the DevTools protocol: every dropdown option
and every legend entry clicked with real mouse events changes its figure and raises no
error; at 375 px and 1400 px no title, legend, menu or panel title overlaps another or
runs off its chart, and the page itself never scrolls sideways."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cdp import Browser, chromium_path
from report_fixtures import REPORT_DAY

from dashboards.report import ReportResult, build_report

pytestmark = pytest.mark.slow

LEGEND_CLICK_WAIT_S = 0.7  # Plotly waits out its double-click delay (300 ms) first

STATE = "JSON.stringify(document.getElementById('fig-{name}')._fullData.map(t => t.visible))"
FIGURES = "Array.from(document.querySelectorAll('figure.figure')).map(f => f.dataset.figure)"
CENTER = """(() => {{
  const el = document.getElementById('fig-{name}').querySelectorAll('{selector}')[{index}];
  if (!el) return null;
  el.scrollIntoView({{block: 'center', inline: 'center'}});
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}})()"""
COUNT = "document.getElementById('fig-{name}').querySelectorAll('{selector}').length"
# Boxes of the text furniture of each chart; any two that intersect, or one that leaves the
# chart's own width, is a layout fault.
OVERLAPS = """(() => {
  const faults = [];
  for (const fig of document.querySelectorAll('figure.figure')) {
    const gd = fig.querySelector('.js-plotly-plot');
    const svg = gd.querySelector('svg.main-svg').getBoundingClientRect();
    const boxes = [];
    const add = (el, what) => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) boxes.push({what, r, text: el.textContent.slice(0, 40)});
    };
    gd.querySelectorAll('.gtitle').forEach(el => add(el, 'title'));
    gd.querySelectorAll('.legend .bg').forEach(el => add(el, 'legend'));
    gd.querySelectorAll('.updatemenu-header').forEach(el => add(el, 'menu'));
    gd.querySelectorAll('.infolayer .annotation-text-g, .annotation .annotation-text-g').forEach(
      el => { if (el.closest('.infolayer')) add(el, 'annotation'); });
    gd.querySelectorAll('.g-xtitle, .g-ytitle').forEach(el => add(el, 'axis title'));
    for (const b of boxes) {
      if (b.r.left < svg.left - 1 || b.r.right > svg.right + 1)
        faults.push(`${fig.dataset.figure}: ${b.what} "${b.text}" leaves the chart`);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r, b = boxes[j].r;
      const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      if (overlap) faults.push(`${fig.dataset.figure}: ${boxes[i].what} "${boxes[i].text}" overlaps ${boxes[j].what} "${boxes[j].text}"`);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    faults.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
  return faults;
})()"""


@pytest.fixture(scope="module")
def report(history_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    """The market with archive history: every figure drawn from data, History included."""
    from report_fixtures import open_reader

    from scrapers.sources import source_terms

    con = open_reader(history_warehouse)
    try:
        # With the sources' terms links, as the edges build it (long URLs in every kit).
        return build_report(
            con,
            tmp_path_factory.mktemp("browser"),
            report_date=REPORT_DAY,
            source_terms=source_terms(),
        )
    finally:
        con.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    if chromium_path() is None:
        pytest.skip("Debian's chromium is not installed (make chromium)")
    with Browser(tmp_path_factory.mktemp("profile")) as b:
        yield b


def click_each(browser: Browser, name: str, selector: str, index: int) -> bool:
    point = browser.js(CENTER.format(name=name, selector=selector, index=index))
    if point is None:
        return False
    browser.click(*point)
    return True


def exercise_dropdowns(browser: Browser, name: str) -> int:
    """Pick every option of the figure's dropdown; each must change what is visible."""
    clicked = 0
    if not browser.js(COUNT.format(name=name, selector=".updatemenu-header")):
        return 0
    active = browser.js(f"document.getElementById('fig-{name}')._fullLayout.updatemenus[0].active")
    options = len(
        browser.js(f"document.getElementById('fig-{name}').layout.updatemenus[0].buttons")
    )
    for option in [i for i in range(options) if i != active] + [active]:
        before = browser.js(STATE.format(name=name))
        assert click_each(browser, name, ".updatemenu-header", 0)
        browser.wait_until(COUNT.format(name=name, selector=".updatemenu-dropdown-button") + " > 0")
        assert click_each(browser, name, ".updatemenu-dropdown-button", option)
        browser.wait_until(
            f"document.getElementById('fig-{name}')._fullLayout.updatemenus[0].active == {option}"
        )
        after = browser.js(STATE.format(name=name))
        assert after != before, f"{name}: dropdown option {option} changed nothing"
        clicked += 1
    return clicked


def exercise_legend(browser: Browser, name: str) -> int:
    """Click every legend entry: it hides its traces; a second click brings them back."""
    entries = browser.js(COUNT.format(name=name, selector=".legend .traces .legendtoggle"))
    for index in range(entries):
        before = browser.js(STATE.format(name=name))
        assert click_each(browser, name, ".legend .traces .legendtoggle", index)
        time.sleep(LEGEND_CLICK_WAIT_S)
        hidden = browser.js(STATE.format(name=name))
        assert hidden != before, f"{name}: legend entry {index} changed nothing"
        assert click_each(browser, name, ".legend .traces .legendtoggle", index)
        time.sleep(LEGEND_CLICK_WAIT_S)
        assert browser.js(STATE.format(name=name)) == before, f"{name}: entry {index} stuck"
    return entries


@pytest.mark.parametrize("page", ["index", "claims"])
def test_every_dropdown_and_legend_entry_works(report: ReportResult, browser: Browser, page: str):
    browser.viewport(1400)
    browser.open(report.index_path.parent / f"{page}.html")
    names = browser.js(FIGURES)
    assert {"index": "history", "claims": "claims_booming"}[page] in names
    dropdowns = legends = 0
    for name in names:
        dropdowns += exercise_dropdowns(browser, name)
        legends += exercise_legend(browser, name)
    assert dropdowns > 0 and legends > 0  # the pages do have both
    assert browser.errors() == []


@pytest.mark.parametrize("width", [375, 1400])
@pytest.mark.parametrize("page", ["index", "claims", "brief"])
def test_nothing_overlaps_at_phone_and_desktop_widths(
    report: ReportResult, browser: Browser, page: str, width: int
):
    browser.viewport(width)
    browser.open(report.index_path.parent / f"{page}.html")
    assert browser.js(OVERLAPS) == []
    assert browser.errors() == []
