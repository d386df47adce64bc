"""Fixtures for the operations-log tests of the console: a small Smart Centre in a SQLite file
(staff with fast PIN hashes, a shift running now, an event today), the console on the demo
simulators with that database, and helpers to log in and wait for the database thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import create_engine, text

from devices.demo import start_demo_cameras
from devices.obs.controller import ObsController
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from models.config.store import ConfigStore, demo_config, dump_config
from models.desk.hotkeys import HotkeyMap
from models.oplog.clock import utc_now
from models.oplog.database import open_database
from models.oplog.opening import open_oplog
from models.oplog.schedule import Place, schedule_event
from models.oplog.shifts import plan_shift, start_shift
from models.oplog.tables import EventMode
from tests.support.oplog_world import PIN, World, build_world
from tests.support.waiting import wait_answering
from ui.oplog.docks import OplogDocks
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures

WAIT_MS = 10_000
EVENT_TITLE = "Rapat Koordinasi Percepatan Penurunan Stunting"


@dataclass(frozen=True)
class Site:
    url: str
    path: Path
    world: World
    shift: int  # running now, led by Budi, with Agus (admin)
    next_shift: int  # planned after it, led by Dwi
    event: int  # scheduled today with Kamera Panggung at the Ruang Rapat Utama

    def scalar(self, sql: str, **params):
        """The first value of ``sql`` run straight on the file (the test's own connection, committed)."""
        found = self._run(sql, params)
        return found[0][0] if found else None

    def rows(self, sql: str, **params) -> list[tuple]:
        """Every row of ``sql``, as tuples, run the same way."""
        return self._run(sql, params)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Another program holds the SQLite file's write lock meanwhile."""
        holder = sqlite3.connect(self.path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()

    def _run(self, sql: str, params: dict) -> list[tuple]:
        engine = create_engine(self.url)
        try:
            with engine.begin() as connection:
                return [tuple(row) for row in connection.execute(text(sql), params)]
        finally:
            engine.dispose()


@pytest.fixture
def site(tmp_path) -> Site:
    return make_site(tmp_path)


def make_site(folder: Path, started: bool = True, url: str | None = None) -> Site:
    """The small Smart Centre in ``folder`` (or at ``url``, e.g. a PostgreSQL schema); Budi's shift has
    ``started`` two hours ago, else is due now."""
    path = folder / "oplog.sqlite"
    url = url or f"sqlite:///{path}"
    database = open_database(url)
    world = build_world(database)
    now = utc_now()
    with database.transaction() as session:
        budi, dwi, admin = (world.staff(session, i) for i in (world.budi, world.dwi, world.admin))
        shift = plan_shift(session, "Pagi", now - timedelta(hours=2), now + timedelta(hours=6), budi, [admin])
        if started:
            start_shift(session, shift, budi, now - timedelta(hours=2))
        after = plan_shift(session, "Siang", now + timedelta(hours=6), now + timedelta(hours=14), dwi)
        event = schedule_event(
            session,
            budi,
            EVENT_TITLE,
            "Dinas Kesehatan",
            EventMode.CAMPURAN,
            now + timedelta(minutes=1),
            now + timedelta(hours=2),
            [Place("Ruang Rapat Utama", 40)],
            operators=[budi],
            devices=["Kamera Panggung"],
        )
        session.flush()
        ids = shift.id, after.id, event.id
    database.close()
    return Site(url, path, world, *ids)


@pytest.fixture
def rig(tmp_path):
    with DeviceRuntime("oplog-sims") as sims, DeviceRuntime("oplog-devices") as devices:
        yield start_demo_cameras(sims), devices, tmp_path


@pytest.fixture
def console_for(rig, qtbot):
    """``console_for(url)`` builds the console of demo mode with the operations log at ``url``; a second one
    (another desk) gets a device thread of its own, as on its own PC. ``editable=True``: with a
    configuration file (config.yaml in the test's folder) to edit; ``obs_urls``: the demo's OBS outputs
    (``DEMO_SCENES``), each at its (simulated) OBS, the cameras' tally following their cuts."""
    built: list[Console] = []
    runtimes = ExitStack()

    def build(
        url: str, busy_timeout_ms: int = 5000, editable: bool = False, obs_urls: dict[str, str] | None = None
    ) -> Console:
        demo, devices, folder = rig
        if built:
            devices = runtimes.enter_context(DeviceRuntime(f"oplog-desk-{len(built)}"))
        config = demo_config([d.url + "&timeout=0.1&poll=0.5" for d in demo], check_camera, obs_urls=obs_urls)
        outputs = {o.id: ObsController(devices, o.url, o.name).start() for o in config.broadcast}
        controllers = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
        for camera in config.cameras:  # connected (see tests/support/demo_console.py)
            # a serial line belongs to one PC: the first desk's, whose controller reads its answers
            if built and camera.url.startswith("visca+serial"):
                continue
            wait_answering(controllers[camera.id], timeout=WAIT_MS / 1000)
        settings = QSettings(str(folder / f"console-{len(built)}.ini"), QSettings.Format.IniFormat)
        simulated = simulated_pictures(config.cameras, demo)
        store = None
        if editable:
            store = ConfigStore(folder / "config.yaml", camera_check=check_camera)
            assert store.save(dump_config(config)) == []
        console = Console(
            config,
            controllers,
            data_folder=folder,
            settings=settings,
            hotkeys=HotkeyMap.defaults(),
            simulated=simulated,
            oplog=lambda: open_oplog(url, busy_timeout_ms=busy_timeout_ms),
            config_store=store,
            obs=outputs,
        )
        qtbot.addWidget(console.window)
        console.show()
        qtbot.waitExposed(console.window)
        built.append(console)
        return console

    yield build
    for console in built:
        console.shutdown()
    runtimes.close()


def ready(ops: OplogDocks, qtbot) -> None:
    """Wait until the database is open and the first snapshot is shown."""
    qtbot.waitUntil(lambda: ops.state.snapshot is not None, timeout=WAIT_MS)


def settle(ops: OplogDocks, qtbot) -> None:
    """Wait until every job handed to the database thread so far has come back to the GUI thread."""
    marker: list[bool] = []
    ops.worker.run(lambda: None, lambda _none: marker.append(True))
    qtbot.waitUntil(lambda: bool(marker), timeout=WAIT_MS)


def log_in(ops: OplogDocks, qtbot, staff_id: int, pin: str = PIN) -> None:
    """Choose the name, type the PIN, press Enter in the login panel; wait for the answer."""
    panel = ops.login
    panel.staff.setCurrentIndex(panel.staff.findData(staff_id))
    panel.pin.setText(pin)
    panel.pin.returnPressed.emit()
    qtbot.waitUntil(lambda: panel.login_button.isEnabled(), timeout=WAIT_MS)
    settle(ops, qtbot)


def log_lines(console: Console) -> list[str]:
    return [console.log.index(row).data() for row in range(console.log.rowCount())]
