"""A session recorded against the live camera simulator, replayed: the same client steps get the same
answers from the replay as from the live simulator — for visca-over-ip 0.5.2 and for our command line."""

from __future__ import annotations

import json
import selectors
import socket
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from visca_over_ip import Camera

from devices.capture import Recorder
from devices.replay import load
from devices.visca.sim.replay import replay_device
from tests.devices.capture.captures import records
from tests.support.commands import run_app

NOT_COMPARED = {"health", "url", "name", "last_error"}  # they name the address, which differs
# visca-over-ip binds its inquiry socket to ('', camera port) and the simulator answers the sender: with
# the camera on 127.0.0.2 the answers go to 127.0.0.1, i.e. to the client (the whole of 127/8 is loopback
# on Linux only).
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="needs the loopback address 127.0.0.2")
CAMERA_HOST = "127.0.0.2"


class RecordingRelay:
    """Stands between a client and a camera at ``upstream``, recording every datagram both ways."""

    def __init__(self, upstream: tuple[str, int], recorder: Recorder) -> None:
        self.recorder = recorder
        self.upstream = upstream
        self.front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.front.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.front.bind((CAMERA_HOST, 0))
        self.back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.back.bind(("127.0.0.1", 0))
        self.clients: dict[bytes, Any] = {}  # sequence number -> the client socket that used it
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._relay, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return self.front.getsockname()[1]

    def _relay(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self.front, selectors.EVENT_READ)
            selector.register(self.back, selectors.EVENT_READ)
            while not self._stop.is_set():
                for key, _ in selector.select(0.05):
                    data, sender = key.fileobj.recvfrom(100)
                    if key.fileobj is self.front:
                        self.recorder.frame("tx", data)
                        self.clients[data[4:8]] = sender
                        self.back.sendto(data, self.upstream)
                    elif data[4:8] in self.clients:
                        self.recorder.frame("rx", data)
                        self.front.sendto(data, self.clients[data[4:8]])

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.front.close()
        self.back.close()


def client_steps(camera: Camera, settle: Callable[[str], None]) -> list:
    """What visca-over-ip answers along one session; ``settle(what)`` waits for the head where it moves."""
    answers = [camera.get_focus_mode(), camera.get_zoom_position(), camera.get_pantilt_position()]
    camera.set_focus_mode("manual")
    answers.append(camera.get_focus_mode())  # asked before: the replay gives the later answer now
    camera.zoom_to(0.25)
    settle("zoom")
    answers.append(camera.get_zoom_position())
    camera.pantilt(24, 20, 0x300, 0x100)
    settle("pan-tilt")
    answers.append(camera.get_pantilt_position())
    camera.save_preset(4)
    camera.pantilt_home()
    settle("home")
    answers.append(camera.get_pantilt_position())
    camera.recall_preset(4)
    settle("preset")
    answers.append(camera.get_pantilt_position())
    return answers


def live_settle(sim) -> Callable[[str], None]:
    targets = {
        "zoom": lambda s: s["zoom"] > 0,
        "pan-tilt": lambda s: (s["pan"], s["tilt"]) == (0x300, 0x100),
        "home": lambda s: (s["pan"], s["tilt"]) == (0, 0),
        "preset": lambda s: s["last_preset"] == 4,
    }

    def settle(what: str) -> None:
        deadline = time.monotonic() + 10
        while not (targets[what](state := sim.state()) and not state["moving"]):
            assert time.monotonic() < deadline, f"the simulator did not settle ({what}): {state}"
            time.sleep(0.02)

    return settle


@linux_only
def test_visca_over_ip_gets_the_same_answers_from_the_replay(simulator, tmp_path):
    live = simulator(f"visca+udp://{CAMERA_HOST}:0")
    path = tmp_path / "voip.jsonl"
    recorder = Recorder(path, url=live.url, kind="camera", tool="tests: visca-over-ip through a relay")
    relay = RecordingRelay(live.address, recorder)
    client = Camera(CAMERA_HOST, relay.port)
    try:
        live_answers = client_steps(client, live_settle(live))
    finally:
        client.close_connection()
        relay.close()
        recorder.wait()
    assert live_answers[:4] == ["auto", 0, (0, 0), "manual"]
    assert live_answers[5:] == [
        (0x300, 0x100),
        (0, 0),
        (0x300, 0x100),
    ]
    replay = simulator(f"visca+udp://{CAMERA_HOST}:0", device=replay_device(load(path)))
    client = Camera(CAMERA_HOST, replay.address[1])
    try:
        replay_answers = client_steps(client, lambda what: None)
    finally:
        client.close_connection()
    assert replay_answers == live_answers
    assert replay.state()["unknown"] == []


def test_our_command_line_gets_the_same_answers_from_the_replay(simulator, tmp_path):
    live = simulator("visca+tcp://127.0.0.1:0")
    steps = [
        ("goto", "0x200", "-100", "--speed", "20"),
        ("zoom", "to", "0x1000"),
        ("preset", "save", "7"),
        ("home",),
        ("preset", "recall", "7"),
        ("status",),
    ]
    live_results = []
    for n, step in enumerate(steps):
        result = run_app("camera", live.url, *step, "--capture", tmp_path / f"{n}.jsonl")
        live_results.append((result.returncode, comparable(result.stdout)))
    assert [code for code, _ in live_results] == [0] * len(steps)
    assert live_results[-1][1]["pan"] == 0x200
    assert live_results[-1][1]["last_preset"] == 7
    for n, step in enumerate(steps):
        capture = load(tmp_path / f"{n}.jsonl")
        assert capture.header["run"] == ["camera", "{url}", *step]
        replay = simulator("visca+tcp://127.0.0.1:0", device=replay_device(capture))
        result = run_app("camera", replay.url, *step)
        assert (result.returncode, comparable(result.stdout)) == live_results[n], f"{step}: {result.stderr}"
        assert records(tmp_path / f"{n}.jsonl")[-1]["exit"] == live_results[n][0]


def comparable(stdout: str) -> dict | None:
    if not stdout.strip():
        return None
    return {k: v for k, v in json.loads(stdout).items() if k not in NOT_COMPARED}
