"""Issue #16 item 3: the tablet remote in Debian's headless Chromium against the console of demo mode with
its operations log. Log in with a PIN (a wrong one refused with its reason, the lockout), recall a preset,
press-hold-release on the pad, a dropped connection, ALL STOP — the bytes at the simulated camera, exactly."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from models.oplog.staff import MAX_WRONG_PINS
from tests.support import oplog_console
from tests.support.oplog_world import PIN
from tests.support.remote_browser import browser, remote

pytestmark = pytest.mark.gui
site, rig, console_for = oplog_console.site, oplog_console.rig, oplog_console.console_for
__all__ = ["browser", "remote"]
WAIT_MS = 10_000
PAN_TILT = b"\x81\x01\x06\x01"
RIGHT_8 = PAN_TILT + b"\x08\x01\x02\x03\xff"  # the pad's → at the page's speed 8
STOP = PAN_TILT + b"\x01\x01\x03\x03\xff"
RECALL_2 = b"\x81\x01\x04\x3f\x02\x02\xff"
DEADMAN_BOUND = 0.5
RED = "rgba(214, 45, 45, 1)"  # remote.css --program


def drives(camera) -> list[bytes]:
    """The pan/tilt drives the camera took in: VISCA over IP's payloads, raw VISCA's packets."""
    received = camera.server.received()
    return [data for kind, data in received if kind in ("COMMAND", "VISCA") and data.startswith(PAN_TILT)]


def commands(camera) -> list[bytes]:
    return [data for kind, data in camera.server.received() if kind == "COMMAND"]


def text(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


def tap(driver, element) -> None:
    """A click as a finger does it: on the element in the middle of the screen."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def open_page(driver, base: str, qtbot) -> None:
    driver.get(base + "/remote")
    qtbot.waitUntil(lambda: bool(driver.find_elements(By.CSS_SELECTOR, "#staff option")), timeout=WAIT_MS)


def log_in(driver, qtbot, name: str, pin: str) -> None:
    for option in driver.find_elements(By.CSS_SELECTOR, "#staff option"):
        if option.text == name:
            option.click()
    driver.find_element(By.ID, "pin").send_keys(pin)
    driver.find_element(By.ID, "login-button").click()


def logged_in(driver, qtbot, base: str, name: str = "Budi Santoso") -> None:
    open_page(driver, base, qtbot)
    log_in(driver, qtbot, name, PIN)
    qtbot.waitUntil(lambda: bool(driver.find_elements(By.CSS_SELECTOR, ".preset")), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: "up" in driver.find_element(By.ID, "link").get_attribute("class"), timeout=WAIT_MS
    )


def holding_right(driver, qtbot, base: str, camera) -> int:
    """Logged in, cam1 chosen, the pad's → pressed and held until its drive reached ``camera``: how many
    drives the camera had taken in before."""
    logged_in(driver, qtbot, base)
    driver.find_element(By.CSS_SELECTOR, '.camera[data-camera="cam1"]').click()
    right = driver.find_element(By.CSS_SELECTOR, '.pad [data-pan="1"][data-tilt="0"]')
    before = len(drives(camera))
    ActionChains(driver).move_to_element(right).click_and_hold().perform()
    qtbot.waitUntil(lambda: RIGHT_8 in drives(camera)[before:], timeout=WAIT_MS)
    return before


def test_a_wrong_pin_is_refused_with_its_reason_and_the_fifth_locks_the_account(remote, browser, qtbot, site):
    _console, base = remote
    open_page(browser, base, qtbot)
    for left in range(MAX_WRONG_PINS - 1, 0, -1):
        log_in(browser, qtbot, "Dwi Rahmawati", "1111")
        expected = f"Wrong PIN for Dwi Rahmawati. {left} more wrong PIN(s) lock the account for 60 seconds."
        qtbot.waitUntil(lambda expected=expected: text(browser, "login-message") == expected, timeout=WAIT_MS)
    log_in(browser, qtbot, "Dwi Rahmawati", "1111")
    qtbot.waitUntil(lambda: "is locked after 5 wrong PINs" in text(browser, "login-message"), timeout=WAIT_MS)
    log_in(browser, qtbot, "Dwi Rahmawati", PIN)  # the right PIN, but the lock holds
    qtbot.waitUntil(lambda: "is locked after 5 wrong PINs" in text(browser, "login-message"), timeout=WAIT_MS)
    assert browser.find_element(By.ID, "control").is_displayed() is False
    assert site.scalar("SELECT failed_pins FROM staff WHERE id = :id", id=site.world.dwi) == MAX_WRONG_PINS


def test_a_preset_tapped_on_the_grid_is_recalled_on_the_chosen_camera(remote, browser, qtbot, rig):
    console, base = remote
    cam1 = rig[0][0]
    logged_in(browser, qtbot, base)
    browser.find_element(By.CSS_SELECTOR, '.camera[data-camera="cam1"]').click()
    card = browser.find_element(By.CSS_SELECTOR, '.preset[data-number="2"]')
    assert card.find_element(By.TAG_NAME, "img").get_attribute("src").startswith("data:image/png;base64,")
    assert card.find_element(By.CSS_SELECTOR, ".label span").text == "Meja Pimpinan"
    tap(browser, card)
    qtbot.waitUntil(lambda: RECALL_2 in commands(cam1), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: cam1.state()["last_preset"] == 2, timeout=WAIT_MS)
    lines = oplog_console.log_lines(console)
    assert any("preset recall 2 via API (remote: Budi Santoso)" in line for line in lines)


def test_holding_the_pad_moves_the_camera_and_releasing_it_stops(remote, browser, qtbot, rig):
    _console, base = remote
    cam1 = rig[0][0]
    before = holding_right(browser, qtbot, base, cam1)
    qtbot.wait(600)  # held past the dead-man: the heartbeats keep it going
    assert drives(cam1)[before:] == [RIGHT_8]
    ActionChains(browser).release().perform()
    qtbot.waitUntil(lambda: drives(cam1)[before:] == [RIGHT_8, STOP], timeout=WAIT_MS)


def test_sliding_off_the_pad_stops_the_camera(remote, browser, qtbot, rig):
    _console, base = remote
    cam1 = rig[0][0]
    before = holding_right(browser, qtbot, base, cam1)
    ActionChains(browser).move_to_element(browser.find_element(By.ID, "presets-title")).perform()
    qtbot.waitUntil(lambda: drives(cam1)[before:] == [RIGHT_8, STOP], timeout=WAIT_MS)
    ActionChains(browser).release().perform()


@pytest.mark.parametrize("drop", ["close the browser", "heartbeats stop"])
def test_a_dropped_connection_stops_the_held_camera_within_half_a_second(remote, qtbot, rig, drop):
    from tests.support.remote_browser import open_browser

    _console, base = remote
    cam1 = rig[0][0]
    session = open_browser()
    driver = next(session)
    try:
        before = holding_right(driver, qtbot, base, cam1)
        if drop == "heartbeats stop":  # the tablet's Wi-Fi gone: the socket stays open, silent
            driver.execute_script("WebSocket.prototype.send = function () {};")
        else:
            session.close()  # the browser quits with the button still held
        dropped = time.monotonic()
        qtbot.waitUntil(lambda: drives(cam1)[before:] == [RIGHT_8, STOP], timeout=WAIT_MS)
        assert time.monotonic() - dropped <= DEADMAN_BOUND
    finally:
        session.close()


def test_all_stop_stops_every_camera_and_is_audited(remote, browser, qtbot, rig):
    console, base = remote
    logged_in(browser, qtbot, base)
    before = [len(drives(camera)) for camera in rig[0]]
    browser.find_element(By.ID, "all-stop").click()
    for camera, count in zip(rig[0], before, strict=True):
        qtbot.waitUntil(lambda camera=camera, count=count: STOP in drives(camera)[count:], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: text(browser, "status") == "ALL STOP sent to every camera", timeout=WAIT_MS)
    assert any("ALL STOP via API (remote: Budi Santoso)" in line for line in oplog_console.log_lines(console))


def test_a_cut_in_obs_turns_the_on_air_cameras_dot_red(site, rig, console_for, browser, qtbot, tmp_path):
    from devices.obs.controller import ObsController
    from devices.obs.sim.server import start_demo_obs
    from models.config.demo import DEMO_SCENES
    from tests.support.oplog_console import ready
    from tests.support.remote_browser import start_api

    obs = {output: start_demo_obs(rig[1], tmp_path, scenes=scenes) for output, scenes in DEMO_SCENES.items()}
    console = console_for(site.url, obs_urls={output: sim.url for output, sim in obs.items()})
    ready(console.oplog, qtbot)
    service, base = start_api(console, rig[1], rig[2], qtbot)
    other = ObsController(rig[1], obs["obs-rapat"].url, "another client").start()
    try:
        logged_in(browser, qtbot, base)

        def dot(camera: str) -> str:
            selector = f'.camera[data-camera="{camera}"] .tally'
            return browser.find_element(By.CSS_SELECTOR, selector).value_of_css_property("background-color")

        qtbot.waitUntil(lambda: dot("cam1") == RED, timeout=WAIT_MS)  # Podium: Kamera Panggung on air
        other.ready().result(5)
        other.cut("Pendopo").result(5)
        qtbot.waitUntil(lambda: dot("cam2") == RED, timeout=WAIT_MS)
        assert dot("cam1") != RED
    finally:
        other.close().result(5)
        service.stop()
