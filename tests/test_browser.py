"""End to end in headless Chromium (Selenium): an editor confirms one finding with the
keyboard, dismisses another, reloads, and the verdicts are still there."""

from __future__ import annotations

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
