"""Headless Chromium from the system packages (Debian: chromium, chromium-driver), driven by selenium.

No driver or browser is ever downloaded: the service is given
/usr/bin/chromedriver explicitly, and Selenium Manager (which would fetch
one) is made to fail if anything calls it. Each browser gets a fresh
profile folder and no network features.
"""

from __future__ import annotations

import os
import shutil
import tempfile

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,900",
)


def chromium_binary() -> str | None:
    return next((p for p in CHROMIUM_CANDIDATES if os.access(p, os.X_OK)), None)


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if chromium_binary() is None:
        return "chromium is not installed (Debian: apt-get install chromium chromium-driver)"
    if not os.access(CHROMEDRIVER, os.X_OK):
        return "chromedriver is not installed at /usr/bin/chromedriver (Debian: apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


class _NoManager:
    def binary_paths(self, *args, **kwargs):
        raise RuntimeError("Selenium Manager must not run: the driver is /usr/bin/chromedriver")


def start(window: tuple[int, int] = (1400, 900)):
    """A headless Chromium with a fresh profile; returns (driver, profile folder to remove)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common import driver_finder

    driver_finder.SeleniumManager = _NoManager  # nothing may download a driver or a browser
    os.environ["SE_OFFLINE"] = "true"  # and should anything reach Selenium Manager, it stays offline
    profile = tempfile.mkdtemp(prefix="triage-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={window[0]},{window[1]}")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    except Exception:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    return driver, profile


def stop(driver, profile: str) -> None:
    try:
        driver.quit()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def wait_ready(driver, timeout: float = 30.0) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.body && document.body.dataset.ready === '1'"))
