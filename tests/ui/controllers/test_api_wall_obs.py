"""The Control API's wall and OBS endpoints, and its tally push, against the demo console's simulators (as
``python app.py --demo --api PORT``): what the wall simulator received, byte for byte; what the simulated
OBS did; what the WebSocket pushed after a cut made in OBS itself; and every curl recipe of
docs/control-api.md, parsed out of the document and run with the real curl as written."""

from __future__ import annotations

import asyncio
import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import aiohttp
import pytest
import requests

from devices.obs.controller import ObsController
from tests.support.api_console import WAIT_MS, demo, in_background, run_async

pytestmark = pytest.mark.gui
__all__ = ["demo"]
DOC = Path(__file__).resolve().parents[3] / "docs" / "control-api.md"
RECIPES = re.compile(r"^## Recipes with curl\n(.*?)^## ", re.M | re.S)


def post(qtbot, url: str, **options) -> requests.Response:
    return in_background(qtbot, lambda: requests.post(url, timeout=10, **options))


def test_a_route_reaches_the_wall_as_one_kramer_command(demo, qtbot):
    before = len(demo.wall_received())
    answer = post(qtbot, demo.base + "/api/walls/smart-wall/route", json={"output": 1, "input": 2})
    assert answer.json() == {"ok": True, "wall": "smart-wall", "output": 1, "input": 2}
    qtbot.waitUntil(lambda: len(demo.wall_received()) > before, timeout=WAIT_MS)
    qtbot.wait(300)  # anything more would have arrived by now
    assert demo.wall_received()[before:] == ["#AV 2>1"]  # one command (the simulator drops its CR)


def test_a_layout_over_another_events_screens_is_refused_and_nothing_reaches_the_wall(demo, qtbot):
    qtbot.wait(300)  # the wall's start-up queries are done
    before = demo.wall_received()
    answer = post(qtbot, demo.base + "/api/walls/smart-wall/layouts/2/recall")
    podcast = demo.event("cam3").title
    assert answer.status_code == 409
    assert answer.json() == {
        "error": f"Layar Kanan, Monitor Podium belongs to {podcast} — take it over at the desk first"
    }
    screen = post(qtbot, demo.base + "/api/walls/smart-wall/route", json={"output": 3, "input": 1})
    assert screen.status_code == 409
    qtbot.wait(300)
    assert demo.wall_received() == before


def test_a_scene_cut_and_the_stream_started_and_stopped_in_the_simulated_obs(demo, qtbot):
    base = demo.base + "/api/outputs/obs-rapat"
    assert post(qtbot, base + "/scene", json={"scene": "Pendopo"}).json() == {
        "ok": True,
        "output": "obs-rapat",
        "scene": "Pendopo",
    }
    qtbot.waitUntil(lambda: demo.program("obs-rapat") == "Pendopo", timeout=WAIT_MS)
    assert post(qtbot, base + "/scene", json={"scene": "Panggung"}).status_code == 404
    assert post(qtbot, base + "/start-stream").json()["ok"]
    qtbot.waitUntil(lambda: demo.streaming("obs-rapat"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: demo.console.broadcast.desk.state("obs-rapat").streaming, timeout=WAIT_MS)
    # as the desk's second press of Stop stream: a live stream stops only when the request confirms it
    refused = post(qtbot, base + "/stop-stream")
    assert refused.status_code == 409
    assert (
        refused.json()["error"]
        == 'OBS Ruang Rapat is on air: stopping it takes {"confirm": true} in the body'
    )
    qtbot.wait(300)
    assert demo.streaming("obs-rapat")
    assert post(qtbot, base + "/stop-stream", json={"confirm": "yes"}).status_code == 400
    assert post(qtbot, base + "/stop-stream", json={"confirm": True}).json() == {
        "ok": True,
        "output": "obs-rapat",
        "command": "stop_stream",
    }
    qtbot.waitUntil(lambda: not demo.streaming("obs-rapat"), timeout=WAIT_MS)
    assert post(qtbot, demo.base + "/api/outputs/obs-podcast/start-stream").status_code == 409
    qtbot.wait(300)
    assert not demo.streaming("obs-podcast")


def test_a_cut_made_in_obs_pushes_the_tally_of_the_camera_on_air(demo, qtbot):
    other = ObsController(demo.devices, demo.obs["obs-rapat"].url, "another client").start()
    other.ready().result(5)

    async def cut_and_watch() -> list[dict]:
        async with aiohttp.ClientSession() as session, session.ws_connect(demo.base + "/api/ws") as socket:
            first = await socket.receive_json()
            assert first["type"] == "state"
            await asyncio.wrap_future(other.cut("Pendopo"))
            seen: list[dict] = []
            while not any(e.get("camera") == "cam2" and e.get("tally") == "program" for e in seen):
                seen.append(await asyncio.wait_for(socket.receive_json(), 10))
            return seen

    try:
        seen = run_async(qtbot, cut_and_watch)
    finally:
        other.close().result(5)
    cam2 = [e for e in seen if e.get("camera") == "cam2"]
    assert cam2[-1]["type"] == "camera"
    assert cam2[-1]["tally"] == "program"
    cam1 = [e for e in seen if e.get("camera") == "cam1" and "tally" in e]
    assert cam1, "Kamera Panggung's tally was not pushed"
    assert cam1[-1]["tally"] != "program"  # it left the program


def recipes() -> list[str]:
    """The curl lines of the document's "Recipes with curl" section, in order."""
    section = RECIPES.search(DOC.read_text(encoding="utf-8"))
    assert section is not None, "docs/control-api.md has no 'Recipes with curl' section"
    return [line for line in section.group(1).splitlines() if line.startswith("curl ")]


def test_every_curl_recipe_of_the_doc_works_as_written(demo, qtbot):
    if shutil.which("curl") is None:
        pytest.fail("curl is needed (apt-get install curl)")
    found = recipes()
    assert len(found) >= 8
    answers = []
    for recipe in found:
        command = shlex.split(recipe.replace("http://127.0.0.1:8765", demo.base))  # the test's own port
        done = in_background(
            qtbot, lambda c=command: subprocess.run(c, capture_output=True, text=True, timeout=10)
        )
        assert done.returncode == 0, (recipe, done.stderr)
        answer = json.loads(done.stdout)
        assert "error" not in answer, (recipe, answer)
        answers.append(answer)
    assert [c["id"] for c in answers[0]["cameras"]] == ["cam1", "cam2", "cam3", "cam4"]
    assert answers[1] == {"ok": True, "camera": "cam1", "preset": 2}
    assert "#AV 2>1" in demo.wall_received()
