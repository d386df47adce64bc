"""Preset recall through the Control API vs the keyboard, in the same run: from the request (an HTTP
client on its own thread, keep-alive) or the key press (Ctrl+1/2 delivered to the console's window
through the hotkey filter) to the recall packet at the simulated camera.

Both go through the desk (``OperatorDesk.recall_preset``) on the GUI thread; the API adds the HTTP
request and answer, the device loop and the hop to the GUI thread and back. Offscreen Qt, one simulated
Sony camera over VISCA over IP (our controller's default options), presets 1 and 2 a small move apart,
alternated; each recall waits for the head to stop before the next.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import requests  # noqa: E402
from PySide6.QtCore import QObject, Qt, Signal, Slot  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from benchmarks import harness as h  # noqa: E402
from devices.control_api.server import ControlApi, Listen  # noqa: E402
from devices.control_api.tokens import TokenStore  # noqa: E402
from devices.visca.controller import CameraController  # noqa: E402
from devices.visca.state import Motion  # noqa: E402
from models.config.schema import Config  # noqa: E402
from models.desk.hotkeys import HotkeyMap  # noqa: E402
from models.desk.ownership import EventBoard  # noqa: E402
from ui.common.bridge import CameraBridge  # noqa: E402
from ui.controllers.api_bridge import ApiBridge  # noqa: E402
from ui.controllers.api_state import ConsoleView  # noqa: E402
from ui.desk.camera_model import CameraListModel  # noqa: E402
from ui.desk.operator_desk import OperatorDesk  # noqa: E402
from ui.hotkeys.key_filter import CONSOLE_WINDOW, HotkeyFilter  # noqa: E402

KEYS = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2}


class NoDevices(QObject):
    """No wall and no OBS output: the wall desk's and the broadcast desk's parts the API reads."""

    layoutChanged = Signal(str)
    outputChanged = Signal(str, object)
    walls: dict = {}
    bridges: dict = {}
    names: dict = {}
    active_layouts: dict = {}


class Keyboard(QObject):
    press = Signal(int)
    done = Signal()  # the client thread has finished: the GUI thread's loop ends

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.pressed_at = 0.0
        self.press.connect(self._press, Qt.ConnectionType.QueuedConnection)
        self.done.connect(QApplication.quit, Qt.ConnectionType.QueuedConnection)

    @Slot(int)
    def _press(self, number: int) -> None:
        self.pressed_at = time.perf_counter()
        QTest.keyClick(self.window, KEYS[number], Qt.KeyboardModifier.ControlModifier)


def arrival(sim: h.Sim, since: float) -> float:
    deadline = time.perf_counter() + 5
    while not (found := sim.arrivals(lambda p: p.startswith(h.RECALL), since)):
        if time.perf_counter() > deadline:
            raise RuntimeError("no recall reached the camera")
        time.sleep(0.0005)
    return found[0][0]


def settle(sim: h.Sim, controller: CameraController) -> None:
    """The head still and the controller done with the recall (its completion and the position read
    back), so the next recall is sent at once, not queued behind this one."""
    sim.wait_for(lambda s: not s["moving"], timeout=5)
    deadline = time.perf_counter() + 5
    while controller.snapshot().motion is Motion.MOVING and time.perf_counter() < deadline:
        time.sleep(0.001)
    time.sleep(0.05)


def run(
    count: int, sim: h.Sim, controller: CameraController, base: str, keyboard: Keyboard
) -> tuple[list, list]:
    try:
        return measure(count, sim, controller, base, keyboard)
    finally:
        keyboard.done.emit()


def measure(
    count: int, sim: h.Sim, controller: CameraController, base: str, keyboard: Keyboard
) -> tuple[list, list]:
    api, keys = [], []
    with requests.Session() as session:
        for turn in range(count):
            number = 1 + turn % 2
            began = time.perf_counter()
            answer = session.post(f"{base}/api/cameras/cam1/presets/{number}/recall", timeout=5)
            answer.raise_for_status()
            api.append(arrival(sim, began) - began)
            settle(sim, controller)
            number = 3 - number
            since = time.perf_counter()
            keyboard.press.emit(number)
            keys.append(arrival(sim, since) - keyboard.pressed_at)
            settle(sim, controller)
    return api, keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="recalls by each path")
    args = parser.parse_args()
    app = QApplication([])
    with h.simulators() as start:
        sim = start(h.OURS_HOST)
        sim.store_presets({1: (0, 0), 2: (40, 0)})
        with h.our_cameras([sim]) as cameras:
            h.wait_online(cameras)
            controller = cameras[0]
            desk = OperatorDesk(EventBoard())
            bridge = CameraBridge("cam1", controller)
            desk.add_camera("cam1", "Kamera 1", bridge)
            models = CameraListModel()
            models.add_camera("cam1", "Kamera 1", "", bridge)
            nothing = NoDevices()
            view = ConsoleView(desk, models, nothing, nothing, Config)
            window = QWidget()
            window.setProperty(CONSOLE_WINDOW, True)
            window.show()
            window.activateWindow()
            hotkeys = HotkeyFilter(HotkeyMap.defaults())
            hotkeys.actionPressed.connect(desk.press)
            app.installEventFilter(hotkeys)
            server = ControlApi(
                controller.runtime,
                ApiBridge(view, lambda _record: None),
                TokenStore(Path(os.devnull)),
                Listen("127.0.0.1", 0),
            )
            host, port = server.start().result(5)
            results: list = []
            keyboard = Keyboard(window)  # of the GUI thread: its presses are delivered there
            client = threading.Thread(
                target=lambda: results.extend(
                    run(args.count, sim, controller, f"http://{host}:{port}", keyboard)
                )
            )
            client.start()
            app.exec()
            client.join()
            server.stop().result(5)
    api, keys = results
    rows = [
        (name, len(values), *(h.ms(h.percentile(values, p)) for p in (50, 99)), h.ms(max(values)))
        for name, values in (("API (HTTP POST)", api), ("keyboard (Ctrl+1/2)", keys))
    ]
    h.table("preset recall → packet at the camera", ("path", "recalls", "p50", "p99", "max"), rows)


if __name__ == "__main__":
    main()
