"""The tablet remote under test: the console with its operations log and the Control API on a free port of
127.0.0.1, and Debian's headless Chromium driven through selenium (chromium + chromium-driver; nothing is
downloaded at test time). Without Chromium the tests skip on a developer's machine and fail in CI.

The test's thread is the console's GUI thread, which the API hops to: never block it on the page — ask
selenium short questions inside ``qtbot.waitUntil`` (``until``), so that Qt runs between them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.ports import free_port
from ui.controllers.api_service import ApiService
from ui.shell.control_api import attach_control_api

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromedriver")
WAIT_MS = 10_000


def chromium_paths() -> tuple[str, str]:
    found = [shutil.which(Path(p).name) or (p if Path(p).exists() else None) for p in CHROMIUM]
    if all(found):
        return found[0], found[1]  # type: ignore[return-value]
    message = "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def start_api(console, runtime, folder: Path, qtbot) -> tuple[ApiService, str]:
    """The Control API of ``console`` on a free loopback port, open to this computer (no token)."""
    service = attach_control_api(console, runtime, folder, ("127.0.0.1", free_port()))
    qtbot.waitUntil(lambda: service.address is not None or bool(service.problem), timeout=WAIT_MS)
    assert service.address is not None, service.problem
    host, port = service.address
    return service, f"http://{host}:{port}"


def open_browser(width: int = 390, height: int = 844, lang: str = "en") -> Iterator:
    """A headless Chromium with a window of ``width`` × ``height`` CSS pixels (a phone by default)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver_path = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--lang={lang}",
    ):
        options.add_argument(argument)
    options.add_argument(f"--window-size={width},{height}")
    options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        yield driver
    finally:
        driver.quit()


def in_background(qtbot, work: Callable[[], object], timeout_ms: int = WAIT_MS) -> object:
    """``work()`` on another thread while Qt runs here (an HTTP request the console answers through
    its GUI thread); its result, or its exception raised."""
    with ThreadPoolExecutor(1) as pool:
        done: Future = pool.submit(work)
        qtbot.waitUntil(done.done, timeout=timeout_ms)
        return done.result()


@pytest.fixture
def remote(site, rig, console_for, qtbot):
    """``(console, base URL)``: the console on the demo cameras with the site's operations log (ready) and
    its Control API with the remote, on a free port of 127.0.0.1."""
    from tests.support.oplog_console import ready

    console = console_for(site.url)
    ready(console.oplog, qtbot)
    service, base = start_api(console, rig[1], rig[2], qtbot)
    yield console, base
    service.stop()


@pytest.fixture
def browser():
    yield from open_browser()
