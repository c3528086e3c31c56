"""End to end in headless Chromium (Selenium): an editor confirms one finding with the
keyboard, dismisses another, reloads, and the verdicts are still there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from review_corpus import fresh_index, live_server

from checker import review
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


@pytest.fixture
def driver(tmp_path):
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
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


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
