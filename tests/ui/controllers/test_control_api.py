"""Issue #16 item 2 at the console: the Control API on the demo console's simulated cameras — a recall
through the desk, audited "via API (client)", its moving and arrival pushed over the WebSocket, another
running event's camera refused (409, nothing sent)."""

from __future__ import annotations

import asyncio
import concurrent.futures

import aiohttp
import pytest
import requests

from tests.support import demo_console
from tests.support.ports import free_port
from ui.shell.control_api import attach_control_api

pytestmark = pytest.mark.gui
rig = demo_console.rig
RECALL = b"\x81\x01\x04\x3f\x02"


@pytest.fixture
def console(rig, qtbot):
    built = demo_console.make_console(rig, qtbot)
    yield built
    built.shutdown()


@pytest.fixture
def api(console, rig):
    port = free_port()
    service = attach_control_api(console, rig[1], rig[2], ("127.0.0.1", port))
    yield service, f"http://127.0.0.1:{port}"
    service.stop()


def off_the_gui_thread(qtbot, work):
    """Run ``work`` on another thread (the server waits for the GUI thread, which must keep running)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        future = pool.submit(work)
        qtbot.waitUntil(future.done, timeout=10_000)
        return future.result()


def recalls(camera) -> list[bytes]:
    return [data for _kind, data in camera.server.received() if data.startswith(RECALL)]


def log_lines(console) -> list[str]:
    return [console.log.index(row).data() for row in range(console.log.rowCount())]


def test_a_recall_goes_through_the_desk_is_audited_and_its_arrival_is_pushed(console, api, rig, qtbot):
    service, base = api
    qtbot.waitUntil(lambda: service.address is not None, timeout=5000)
    camera = rig[0][1]

    async def recall_and_watch() -> list[dict]:
        async with aiohttp.ClientSession() as session, session.ws_connect(base + "/api/ws") as socket:
            assert (await socket.receive_json())["type"] == "state"
            async with session.post(base + "/api/cameras/cam2/presets/2/recall") as answer:
                assert await answer.json() == {"ok": True, "camera": "cam2", "preset": 2}
            seen = []
            while not any(e.get("motion") == "arrived" for e in seen):
                event = await asyncio.wait_for(socket.receive_json(), 10)
                if event.get("camera") == "cam2":
                    seen.append(event)
            return seen

    seen = off_the_gui_thread(qtbot, lambda: asyncio.run(recall_and_watch()))
    assert [e["motion"] for e in seen if e["motion"] != "idle"][-2:] == ["moving", "arrived"]
    assert seen[-1]["preset"] == 2
    assert recalls(camera) == [RECALL + b"\x02\xff"]
    assert any("preset recall 2 via API (local)" in line for line in log_lines(console))


def test_a_camera_of_another_running_event_is_refused_with_the_reason_and_nothing_is_sent(
    console, api, rig, qtbot
):
    service, base = api
    qtbot.waitUntil(lambda: service.address is not None, timeout=5000)
    board = console.board
    podcast = next(e for e in board.events.values() if "cam3" in e.cameras)
    rakor = next(e for e in board.events.values() if "cam1" in e.cameras)
    board.start(podcast.id)
    board.start(rakor.id)
    board.active = rakor.id
    answer = off_the_gui_thread(
        qtbot, lambda: requests.post(base + "/api/cameras/cam3/presets/1/recall", timeout=5)
    )
    assert answer.status_code == 409
    assert (
        answer.json()["error"] == f"Kamera Studio belongs to {podcast.title} — take it over at the desk first"
    )
    assert recalls(rig[0][2]) == []
    assert not any("via API" in line for line in log_lines(console))
