"""OBS outputs follow a saved configuration while the console runs, as cameras and walls do: an added
output is connected and gets its Broadcast tab, a removed one is disconnected and its tab goes, one
whose URL or password (the secrets file) changed is connected again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from devices.controller_factory import ControllerFactory
from devices.obs.sim.server import ObsSimulator, start_obs_simulator
from devices.obs.state import Connection
from devices.runtime import DeviceRuntime
from models.config.schema import BroadcastConfig, Config
from models.config.secrets import SECRETS_FILE
from models.desk.hotkeys import HotkeyMap
from ui.shell.console import Console

WAIT_MS = 10_000


def outputs(*listed: tuple[str, ObsSimulator]) -> Config:
    return Config(broadcast=tuple(BroadcastConfig(oid, oid.title(), sim.url) for oid, sim in listed))


def secrets(folder: Path, **passwords: str) -> None:
    lines = "".join(f"  {output}: {password}\n" for output, password in passwords.items())
    (folder / SECRETS_FILE).write_text(f"broadcast:\n{lines}", encoding="utf-8")


def clients(sims: DeviceRuntime, sim: ObsSimulator) -> int:
    async def count() -> int:
        return len(sim._sessions)

    return sims.submit(count()).result(5)


@pytest.fixture
def rig(tmp_path, qtbot):
    with DeviceRuntime("live-obs-sims") as sims, DeviceRuntime("live-obs-devices") as devices:
        studio, podcast, spare = (
            sims.submit(start_obs_simulator("ws://127.0.0.1:0", password)).result(5)
            for password in ("studio-pw", "podcast-pw", "studio-pw")
        )
        for sim in (studio, podcast, spare):
            sims.on_stop(sim.close)
        secrets(tmp_path, studio="studio-pw", podcast="podcast-pw")
        factory = ControllerFactory(devices, tmp_path)
        config = outputs(("studio", studio))
        console = Console(
            config,
            {},
            data_folder=tmp_path,
            settings=QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat),
            hotkeys=HotkeyMap.defaults(),
            obs={"studio": factory.obs("Studio", studio.url, "studio-pw")},
            factory=factory,
        )
        qtbot.addWidget(console.window)
        console.show()
        yield console, sims, (studio, podcast, spare), tmp_path
        console.window.close()
        console.shutdown()


def online(console: Console, output_id: str) -> bool:
    bridges = console.broadcast.desk.bridges
    return output_id in bridges and bridges[output_id].state.online


def test_outputs_added_changed_and_removed_apply_while_the_console_runs(rig, qtbot):
    console, sims, (studio, podcast, spare), folder = rig
    dock = console.broadcast.dock
    qtbot.waitUntil(lambda: online(console, "studio"), timeout=WAIT_MS)
    first = console.broadcast.desk.bridges["studio"].controller

    console.live.apply(outputs(("studio", studio), ("podcast", podcast)))  # added
    assert list(dock.panels) == ["studio", "podcast"]
    assert dock.tabs.tabText(1) == "Podcast"
    qtbot.waitUntil(lambda: online(console, "podcast"), timeout=WAIT_MS)
    assert console.broadcast.desk.bridges["studio"].controller is first  # unchanged: not reconnected

    console.live.apply(outputs(("studio", spare), ("podcast", podcast)))  # its URL changed
    qtbot.waitUntil(lambda: online(console, "studio"), timeout=WAIT_MS)
    moved = console.broadcast.desk.bridges["studio"].controller
    assert moved is not first
    qtbot.waitUntil(lambda: clients(sims, studio) == 0 and clients(sims, spare) == 1, timeout=WAIT_MS)

    secrets(folder, studio="studio-pw", podcast="a-new-password")  # its password changed
    console.live.apply(outputs(("studio", spare), ("podcast", podcast)))
    assert console.broadcast.desk.bridges["studio"].controller is moved
    podcast_bridge = console.broadcast.desk.bridges["podcast"]
    qtbot.waitUntil(lambda: podcast_bridge.state.connection is Connection.REFUSED, timeout=WAIT_MS)
    assert dock.panels["podcast"].on_air.text() == "OBS refused the password"

    console.live.apply(outputs(("studio", spare)))  # removed
    assert list(dock.panels) == ["studio"]
    assert dock.tabs.count() == 1
    assert "podcast" not in console.broadcast.desk.bridges
    qtbot.waitUntil(lambda: clients(sims, podcast) == 0, timeout=WAIT_MS)

    console.live.apply(outputs())  # none left: the dock says how to add one
    assert dock.panels == {}
    assert not dock.tabs.isVisibleTo(dock)
    assert dock.empty.isVisibleTo(dock)
    qtbot.waitUntil(lambda: clients(sims, spare) == 0, timeout=WAIT_MS)
