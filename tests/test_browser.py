"""End to end in headless Chromium (Selenium): an editor confirms one finding with the
keyboard, dismisses another, reloads, and the verdicts are still there; and the static HTML
report, at 3,400 findings, loads, searches, pages, filters and reloads in its URL state, and
still shows its first page with JavaScript off.

`CHECKER_REPORT_JSON=path/to/report.json` also times the page of that saved report (the
FA-KES report for the README); `CHECKER_SCREENSHOTS=docs` saves a screenshot of the report
page (of that saved report if one is given) as docs/report.png. The timings are printed to
the test log.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from review_corpus import fresh_index, live_server
from test_render import (
    EMOJI_SENTENCE,
    hostile_pair,
    quantity,
    report_of,
    sample_pairs,
    side,
)

from checker import render, review
from checker.models import KINDS, Pair, Report, ReportIncident
from checker.rendering import render_report
from checker.server.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Where the lead looks at the page after a run.
SHARED_SCREENSHOT = Path("/tmp/review_page.png")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason=f"headless Chromium not installed ({CHROMIUM}, {CHROMEDRIVER}); "
    "apt-get install chromium chromium-driver (.ci/run does)",
)


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def driver(tmp_path):
    browser = start_chromium(tmp_path / "chromium-profile")
    yield browser
    browser.quit()


@pytest.fixture
def driver_without_javascript(tmp_path):
    browser = start_chromium(tmp_path / "chromium-profile-no-js", javascript=False)
    yield browser
    browser.quit()


def start_chromium(profile: Path, *, javascript: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(30)
    return browser


def wait_for(browser, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, 15).until(condition)


def press(browser, key: str) -> None:
    from selenium.webdriver.common.by import By

    browser.find_element(By.TAG_NAME, "body").send_keys(key)


def test_confirm_with_the_keyboard_dismiss_another_and_reload(driver, tmp_path_factory, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    index_path = fresh_index(tmp_path_factory, tmp_path)
    review.sync(index_path=index_path)
    first, second = [f.id for f in review.list_findings(index_path=index_path)][:2]
    with live_server(create_app(index_path=index_path, reviewer="browser-editor")) as base_url:
        driver.get(f"{base_url}/")
        rows = driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
        assert len(rows) == 5
        assert "selected" in rows[0].get_attribute("class")
        press(driver, "j")
        assert "selected" in rows[1].get_attribute("class")
        press(driver, "k")
        press(driver, "o")
        wait_for(driver, lambda d: d.current_url.endswith(f"/findings/{first}"))
        assert driver.find_elements(By.CSS_SELECTOR, "mark.this")

        press(driver, "c")  # confirm; the page moves on to the next finding
        wait_for(driver, lambda d: f"/findings/{second}" in d.current_url)
        assert driver.find_element(By.ID, "status").get_attribute("data-status") == "open"

        press(driver, "n")  # note field takes the keys, not the shortcuts
        driver.switch_to.active_element.send_keys("same strike, different day counted")
        Select(driver.find_element(By.ID, "reason")).select_by_value("false-alarm")
        driver.find_element(By.ID, "dismiss").click()
        wait_for(driver, lambda d: f"/findings/{second}" not in d.current_url)

        driver.get(f"{base_url}/")
        driver.refresh()
        statuses = {
            int(row.get_attribute("data-id")): row.find_element(
                By.CSS_SELECTOR, "[data-status]"
            ).get_attribute("data-status")
            for row in driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
        }
        assert statuses[first] == "confirmed"
        assert statuses[second] == "dismissed"
        assert list(statuses.values()).count("open") == 3

        driver.get(f"{base_url}/findings/{second}")
        history = driver.find_element(By.ID, "history").text
        assert "browser-editor · dismissed · false-alarm" in history
        assert "same strike, different day counted" in history
        screenshot = tmp_path / "review_page.png"
        assert driver.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    shutil.copyfile(screenshot, SHARED_SCREENSHOT)

    current = review.show(index_path=index_path, finding=first).finding
    assert (current.status, current.reviewer) == ("confirmed", "browser-editor")


# A queue the size of a real corpus's (FA-KES gives 3,413 findings).
SCALE = 2000
DOCS_SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "review-queue.png"
# Set to refresh docs/review-queue.png from this run (scripts/review_screenshot.sh does).
DOCS_SCREENSHOT_ENV = "CHECKER_DOCS_SCREENSHOT"


def row_count(browser) -> int:
    """Rows on the queue page, asked in one round trip (timings stay the page's own)."""
    return browser.execute_script("return document.querySelectorAll('#queue tbody tr').length")


def rows_of(browser) -> list[int]:
    from selenium.webdriver.common.by import By

    return [
        int(row.get_attribute("data-id"))
        for row in browser.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
    ]


def text_of(browser, element_id: str) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, element_id).get_attribute("textContent")


def test_a_queue_of_thousands_pages_searches_groups_and_undoes(
    driver, tmp_path_factory, tmp_path, capsys
):
    import time

    from review_corpus import scaled_pairs
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from checker.reporting import report

    index_path = fresh_index(tmp_path_factory, tmp_path)
    pairs = scaled_pairs(report(index_path, use_review=False).pairs, SCALE)
    assert review.sync_pairs(index_path=index_path, pairs=pairs).total == SCALE
    listed = "?status=open&kind=conflict"
    with live_server(create_app(index_path=index_path, reviewer="desk")) as base_url:
        started = time.perf_counter()
        driver.get(f"{base_url}/{listed}")
        wait_for(driver, lambda d: row_count(d) == 50)
        first_page = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        driver.get(f"{base_url}/{listed}")
        wait_for(driver, lambda d: row_count(d) == 50)
        again = (time.perf_counter() - started) * 1000
        with capsys.disabled():
            print(
                f"\ntime to first usable page ({SCALE} findings): {first_page:.0f} ms "
                f"(the browser's first page), {again:.0f} ms loaded again"
            )
        total = len(review.list_findings(index_path=index_path, status="open", kind="conflict"))
        assert text_of(driver, "range") == f"1–50 of {total} findings"
        page_one = rows_of(driver)

        driver.find_element(By.ID, "page-next").click()  # the pager
        wait_for(driver, lambda d: d.current_url == f"{base_url}/{listed}&page=2")
        assert text_of(driver, "range") == f"51–100 of {total} findings"
        assert not set(rows_of(driver)) & set(page_one)

        search = driver.find_element(By.ID, "search")
        search.send_keys("douma fighters", Keys.ENTER)  # the other filters stay
        wait_for(driver, lambda d: "q=douma+fighters" in d.current_url)
        searched = "?q=douma+fighters&status=open&kind=conflict"  # one URL per list
        assert driver.current_url == f"{base_url}/{searched}"
        found = review.list_findings(
            index_path=index_path, status="open", kind="conflict", search="douma fighters"
        )
        assert 0 < len(found) < total and rows_of(driver)[:50] == [f.id for f in found][:50]

        row = driver.find_element(By.CSS_SELECTOR, "#queue tbody tr.selected")
        group, count = row.get_attribute("data-group"), int(row.get_attribute("data-group-count"))
        press(driver, "D")  # one key for the whole group, then its confirmation
        dialog = driver.find_element(By.ID, "group-dialog")
        wait_for(driver, lambda d: dialog.get_attribute("open") is not None)
        question = text_of(driver, "group-question")
        assert question.startswith(f"Dismiss the {count} open findings of ")
        assert driver.save_screenshot(str(tmp_path / "group-dialog.png"))
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait_for(driver, lambda d: "dismissed (false-alarm)" in text_of(d, "flash"))
        assert text_of(driver, "flash").startswith(f"{count} of {count} findings dismissed")
        in_group = review.list_findings(index_path=index_path, incident=group)
        dismissed = {f.id for f in in_group if f.status == "dismissed"}
        assert dismissed == {f.id for f in found if f.group == group} and len(dismissed) == count
        assert len(in_group) > count  # the rest of the group was not in this list
        assert not dismissed & set(rows_of(driver))

        opened = rows_of(driver)[0]  # the selected row
        press(driver, "o")
        wait_for(driver, lambda d: f"/findings/{opened}?" in d.current_url)
        assert text_of(driver, "position").startswith("1 of ")
        press(driver, "c")  # confirm: the page moves on to the next finding
        wait_for(driver, lambda d: f"/findings/{opened}?" not in d.current_url)
        assert review.show(index_path=index_path, finding=opened).finding.status == "confirmed"
        landed = driver.current_url
        press(driver, "z")  # undo: the confirmation is taken back, the page stays
        wait_for(driver, lambda d: "Undid confirmed" in text_of(d, "flash"))
        assert driver.current_url == landed
        assert review.show(index_path=index_path, finding=opened).finding.status == "open"
        assert text_of(driver, "flash") == f"Undid confirmed: #{opened} restored"

        press(driver, "u")  # back to the filtered, searched list, not to every open finding
        wait_for(driver, lambda d: "/findings/" not in d.current_url)
        assert driver.current_url == f"{base_url}/{searched}"

        driver.get(f"{base_url}/?incident={group}&kind=conflict")
        driver.refresh()
        statuses = {
            int(row.get_attribute("data-id")): row.find_element(
                By.CSS_SELECTOR, "[data-status]"
            ).get_attribute("data-status")
            for row in driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
        }
        assert {statuses[finding] for finding in dismissed} == {"dismissed"}

        driver.get(f"{base_url}/?sort=incident")  # each group's findings together
        screenshot = tmp_path / "review-queue.png"
        assert driver.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 30_000
    if os.environ.get(DOCS_SCREENSHOT_ENV):
        shutil.copyfile(screenshot, DOCS_SCREENSHOT)
    assert {f.status for f in review.list_findings(index_path=index_path, incident=group)} >= {
        "dismissed"
    }


# --- the static HTML report -----------------------------------------------------------------

# Fifteen outlets, as many as FA-KES has; copies of the real sample pairs rotate through them.
OUTLETS = (
    "ahram", "alaraby", "aljazeera", "asharqalawsat", "dailysabah", "etilaf", "jordantimes",
    "middleeasteye", "naharnet", "presstv", "reuters", "rt", "sana", "sputnik", "trt",
)  # fmt: skip
PLACES = ("Idlib (Idlib)", "Aleppo (Aleppo)", "Douma (Rif Dimashq)", None)
INCIDENTS = 263  # as many as the FA-KES report has
# Budgets that keep the page usable on a busy two-core machine (measured well under them).
LOAD_BUDGET_S = 5.0
ACTION_BUDGET_S = 2.0


def emoji_pair() -> Pair:
    """A figure after two astral characters: the script must mark it by UTF-16 offsets."""
    divergent = next(pair for pair in sample_pairs() if pair.kind == "divergent")
    q9 = quantity(EMOJI_SENTENCE, "9 civilians", "exact", 9, 9)
    emoji_side = side("emoji-1", "etilaf", None, EMOJI_SENTENCE, 0, source="x", quantities=[q9])
    return divergent.model_copy(
        update={"a": emoji_side, "compared": (q9, divergent.compared[1]), "fingerprint": "e"}
    )


def copied_report(count: int) -> Report:
    """A report of `count` distinct findings made from the real sample pairs (and a hostile
    and an emoji one): each copy has its own documents, outlets, score, date gap, place and
    incident, so that search, facets and sorts have something to tell apart."""
    originals = [hostile_pair(), emoji_pair(), *sample_pairs()]
    pairs = []
    for number in range(count):
        original = originals[number % len(originals)]
        a = original.a.model_copy(
            update={"doc_id": f"{original.a.doc_id}-{number}", "outlet": OUTLETS[number % 15]}
        )
        b = original.b.model_copy(update={"outlet": OUTLETS[(number * 7 + 3) % 15]})
        pairs.append(original.model_copy(update={
            "a": a, "b": b, "fingerprint": f"{number:016x}",
            "score": round(original.score - (number % 40) / 1000, 4),
            "days_apart": (number // len(originals)) % 9 if number % 10 else None,
            "place": PLACES[number % len(PLACES)],
            "incident": f"inc-{number % INCIDENTS:04d}" if number % 3 else None,
        }))  # fmt: skip
    incidents = [
        ReportIncident(id=f"inc-{number:04d}", event="attack", means=["air"],
                       outlets=["ahram", "trt"], stories=2, figures=[],
                       discrepancies=number % 5, severity=1 - number / INCIDENTS)
        for number in range(INCIDENTS)
    ]  # fmt: skip
    return report_of(pairs).model_copy(update={"incidents": incidents})


def write_page(report: Report, folder: Path) -> Path:
    page = folder / "report.html"
    page.write_text(render_report(report, "html"), encoding="utf-8")
    return page


def showing(browser) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, "showing").text


def card_texts(browser) -> list[str]:
    from selenium.webdriver.common.by import By

    return [card.text for card in browser.find_elements(By.CSS_SELECTOR, "#cards article")]


def last_render_ms(browser) -> float:
    return browser.execute_script(
        "const m = performance.getEntriesByName('report-render'); return m[m.length - 1].duration;"
    )


def load(browser, url: str) -> dict[str, float]:
    """Open the page and time it: DOMContentLoaded, the script done, first paint (from the
    page's own clock), and the wall-clock until the first cards are on screen."""
    from selenium.webdriver.common.by import By

    started = time.perf_counter()
    browser.get(url)
    wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#cards article").is_displayed())
    wall = time.perf_counter() - started
    marks = browser.execute_script(
        "const nav = performance.getEntriesByType('navigation')[0];"
        "const ready = performance.getEntriesByName('report-ready')[0];"
        "const paint = performance.getEntriesByName('first-contentful-paint')[0];"
        "return [nav.domContentLoadedEventEnd, ready ? ready.startTime : -1,"
        " paint ? paint.startTime : -1];"
    )
    return {
        "domcontentloaded_s": marks[0] / 1000,
        "script_ready_s": marks[1] / 1000,
        "first_contentful_paint_s": marks[2] / 1000,
        "first_cards_visible_s": wall,
    }


def timed(browser, act, until) -> float:
    """Seconds from `act()` until `until(browser)` holds."""
    started = time.perf_counter()
    act()
    wait_for(browser, until)
    return time.perf_counter() - started


def report_timings(capsys, label: str, size: int, timings: dict[str, float]) -> None:
    """The page's size and timings, printed to the test log even when output is captured."""
    shown = " · ".join(f"{name} {seconds:.3f}" for name, seconds in timings.items())
    with capsys.disabled():
        print(f"\n[{label}] {size:,} bytes · {shown}")


def exercise(browser, page: Path, term: str) -> dict[str, float]:
    """Load the page at #findings, search `term`, go to page 2, click the first outlet,
    reload, go back: the timings of each, and checks that hold on any report."""
    from selenium.webdriver.common.by import By

    timings = load(browser, page.as_uri() + "#findings")
    total = showing(browser)
    assert total.startswith("1–25 of ")
    assert len(card_texts(browser)) == 25

    search = browser.find_element(By.ID, "search")
    timings["search_s"] = timed(browser, lambda: search.send_keys(term),
                                lambda d: showing(d) != total)  # fmt: skip
    timings["search_render_ms"] = last_render_ms(browser)
    assert f"q={term}" in browser.current_url
    searched = showing(browser)

    step = browser.find_element(By.CSS_SELECTOR, "#pager a[rel=next]")
    timings["page_2_s"] = timed(browser, step.click, lambda d: showing(d).startswith("26–"))
    assert "page=2" in browser.current_url
    page_two = card_texts(browser)

    outlet = browser.find_element(By.CSS_SELECTOR, "#facet-outlet li:nth-child(2) a")
    name = outlet.find_element(By.CLASS_NAME, "label").text
    timings["facet_s"] = timed(browser, outlet.click, lambda d: showing(d).startswith("1–"))
    assert "outlet=" in browser.current_url and "page=" not in browser.current_url
    outlets = browser.find_elements(By.CSS_SELECTOR, "#cards article")
    assert all(name in card.text for card in outlets)
    faceted, url = showing(browser), browser.current_url

    timings["reload_s"] = timed(browser, browser.refresh, lambda d: showing(d) == faceted)
    assert browser.current_url == url
    assert browser.find_element(By.ID, "search").get_attribute("value") == term
    browser.back()
    wait_for(browser, lambda d: showing(d) == searched.replace("1–25", "26–50", 1))
    assert card_texts(browser) == page_two
    return timings


def test_report_page_at_3400_findings_loads_searches_pages_filters_and_reloads(
    driver, tmp_path, capsys
):
    report = copied_report(3400)
    page = write_page(report, tmp_path)
    timings = exercise(driver, page, "aleppo")
    report_timings(capsys, "3,400 copied findings", page.stat().st_size, timings)

    expected = [
        pair for pair in report.pairs
        if "aleppo" in " ".join([pair.a.text, pair.b.text, pair.a.outlet, pair.b.outlet,
                                 pair.place or ""]).lower()
    ]  # fmt: skip
    driver.get(page.as_uri() + "#q=aleppo")
    wait_for(driver, lambda d: showing(d) == f"1–25 of {len(expected):,} findings")
    assert timings["domcontentloaded_s"] < LOAD_BUDGET_S
    assert timings["first_cards_visible_s"] < LOAD_BUDGET_S
    for action in ("search_s", "page_2_s", "facet_s", "reload_s"):
        assert timings[action] < ACTION_BUDGET_S, action
    if not os.environ.get("CHECKER_REPORT_JSON"):  # a real report makes the better picture
        save_screenshot(driver, page)


def save_screenshot(browser, page: Path) -> None:
    """CHECKER_SCREENSHOTS/report.png (a relative folder is the repository's: docs) when
    CHECKER_SCREENSHOTS is set: the conflicts that name Idlib, at the head of the list."""
    folder = os.environ.get("CHECKER_SCREENSHOTS")
    if not folder:
        return
    browser.set_window_size(1360, 1100)
    browser.get(page.as_uri() + "#kind=conflict&q=idlib")
    wait_for(browser, lambda d: "of " in showing(d))
    browser.execute_script("document.getElementById('findings').scrollIntoView()")
    target = Path(folder) if Path(folder).is_absolute() else REPO / folder
    target.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(target / "report.png"))


def test_report_page_of_a_saved_report_is_timed_when_one_is_given(driver, tmp_path, capsys):
    saved = os.environ.get("CHECKER_REPORT_JSON")
    if not saved or not Path(saved).is_file():
        pytest.skip("set CHECKER_REPORT_JSON to a saved JSON report to time its page")
    page = tmp_path / "saved.html"
    page.write_text(render(saved, "html"), encoding="utf-8")
    timings = exercise(driver, page, os.environ.get("CHECKER_REPORT_SEARCH", "idlib"))
    report_timings(capsys, Path(saved).name, page.stat().st_size, timings)
    assert timings["domcontentloaded_s"] < LOAD_BUDGET_S
    save_screenshot(driver, page)


def test_report_page_without_javascript_shows_its_first_page(driver_without_javascript, tmp_path):
    from selenium.webdriver.common.by import By

    browser = driver_without_javascript
    browser.get(write_page(copied_report(400), tmp_path).as_uri())
    cards = browser.find_elements(By.CSS_SELECTOR, "#cards article")
    assert len(cards) == 25 and all(card.is_displayed() for card in cards)
    assert "first 25 of 400 findings" in browser.find_element(By.CLASS_NAME, "noscript").text
    assert showing(browser) == "1–25 of 400 findings"
    assert not browser.find_element(By.ID, "search").is_displayed()
    assert not browser.find_element(By.ID, "pager").is_displayed()


NAVIGATION = ("cards", "facet-kind", "facet-outlet", "facet-incident", "showing", "pager")


def drawn(browser) -> dict[str, str]:
    """The navigation and cards as the browser holds them, whitespace between tags dropped."""
    return {
        part: re.sub(r">\s+<", "><", browser.execute_script(
            f"return document.getElementById('{part}').innerHTML").strip())
        for part in NAVIGATION
    }  # fmt: skip


def renders(browser) -> str:
    """How many times the page's script has drawn the findings."""
    return browser.execute_script("return document.body.dataset.renders || '0'")


@pytest.mark.parametrize("count", [9, 60])  # every original on one page; three pages
def test_script_draws_the_first_page_as_the_server_did(
    driver, driver_without_javascript, tmp_path, count
):
    page = write_page(copied_report(count), tmp_path)
    driver_without_javascript.get(page.as_uri())
    by_server = drawn(driver_without_javascript)

    driver.get(page.as_uri() + "#kind=update")
    wait_for(driver, lambda d: renders(d) == "1")
    assert drawn(driver) != by_server
    driver.execute_script("location.hash = '#findings'")
    wait_for(driver, lambda d: renders(d) == "2")
    assert drawn(driver) == by_server


def test_report_page_keeps_article_text_inert(driver, tmp_path):
    from selenium.webdriver.common.by import By

    report = copied_report(40)
    hostile = [pair for pair in report.pairs if "Officials said" in pair.a.text]
    driver.get(write_page(report, tmp_path).as_uri() + "#q=officials")
    wait_for(driver, lambda d: showing(d) == f"1–{len(hostile)} of {len(hostile)} findings")
    assert driver.execute_script("return document.scripts.length") == 2
    quotes = driver.find_elements(By.CSS_SELECTOR, "#cards blockquote")
    assert "<script>alert(1)</script>" in quotes[0].text
    compared = [mark.text for mark in driver.find_elements(By.CSS_SELECTOR, "mark.compared")]
    assert compared[:2] == ["12 people", "23 civilians"]
    driver.get(driver.current_url.replace("#q=officials", "#q=residents"))
    wait_for(driver, lambda d: "emoji-1" in d.find_element(By.ID, "cards").text)
    marks = driver.find_elements(By.CSS_SELECTOR, "#cards mark.compared")
    assert [mark.text for mark in marks][:2] == ["9 civilians", "at least 20 children"]


def test_report_page_sorts_filters_by_kind_and_follows_incident_links(driver, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver.get(write_page(copied_report(300), tmp_path).as_uri() + "#kind-update")
    wait_for(driver, lambda d: d.find_element(By.ID, "kind-definition").text)
    assert driver.find_element(By.ID, "kind-definition").text == KINDS["update"].definition
    cards = driver.find_elements(By.CSS_SELECTOR, "#cards article")
    assert all("kind-update" in card.get_attribute("class") for card in cards)

    Select(driver.find_element(By.ID, "sort")).select_by_value("gap")
    wait_for(driver, lambda d: "sort=gap" in d.current_url)
    days = [day.text for day in driver.find_elements(By.CSS_SELECTOR, "#cards .days")]
    assert days[0] == "8 days apart" and days[-1] != "undated"
    assert "kind=update" in driver.current_url

    driver.find_element(By.CSS_SELECTOR, "#facet-kind a.chip.selected").click()  # kind off
    wait_for(driver, lambda d: "kind=" not in d.current_url)
    driver.find_element(By.CSS_SELECTOR, "#cards .incident-link").click()
    wait_for(driver, lambda d: "incident=inc-" in d.current_url)
    incident = re.search(r"incident=(inc-\d+)", driver.current_url).group(1)
    links = driver.find_elements(By.CSS_SELECTOR, "#cards .incident-link")
    assert {link.text for link in links} == {f"incident {incident}"}
    assert driver.current_url.endswith(f"#incident={incident}")  # a fresh view of the incident
