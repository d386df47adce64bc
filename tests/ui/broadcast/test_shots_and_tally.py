"""Shots that switch scenes (the preset first, the cut once the camera has arrived), tally borders on the
right tiles after a cut, and the camera's own tally lamp on the wire only where configured."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from devices.visca.state import Motion
from ui.desk.camera_model import Role, Tally
from ui.desk.camera_tile import TALLY_COLOURS

LAMP_ON = bytes.fromhex("81 01 7E 01 0A 00 02 FF")
LAMP_OFF = bytes.fromhex("81 01 7E 01 0A 00 03 FF")


WAIT_MS = 10_000


def tally(console, camera_id: str) -> Tally | None:
    """What the camera's tile in the bank shows around its picture: its border's colour, as a tally."""
    bank = console.window.bank
    corner = bank.tile_rects()[camera_id].topLeft() + QPoint(2, 2)
    colour = bank.viewport().grab().toImage().pixelColor(corner)
    shown = next((kind for kind, each in TALLY_COLOURS.items() if each == colour), Tally.NONE)
    return shown if shown is tally_role(console, camera_id) else None


def tally_role(console, camera_id: str) -> Tally:
    row = list(console.desk.bridges).index(camera_id)
    return console.cameras.index(row, 0).data(Role.TALLY)


def lamp_commands(camera) -> list[bytes]:
    return [data for _kind, data in camera.server.received() if data[1:5] == LAMP_ON[1:5]]


def test_a_shot_recalls_the_preset_then_cuts_when_the_camera_has_arrived(studio, qtbot):
    console = studio.console
    broadcast = console.broadcast.desk
    qtbot.waitUntil(lambda: console.desk.bridges["cam2"].state.online, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: broadcast.state("obs-rapat").program_scene == "Podium", timeout=WAIT_MS)
    at_cut = []

    def watch(output: str, state) -> None:
        if output == "obs-rapat" and state.program_scene == "Pendopo" and not at_cut:
            at_cut.append(console.desk.bridges["cam2"].state)

    broadcast.outputChanged.connect(watch)
    console.window.activateWindow()
    qtbot.keyClick(console.window, Qt.Key.Key_F4)  # Rakor F4: cam2 preset 2, scene Pendopo
    qtbot.waitUntil(lambda: console.desk.bridges["cam2"].state.motion is Motion.MOVING, timeout=WAIT_MS)
    assert studio.program("obs-rapat") == "Podium", "cut before the camera arrived"
    qtbot.waitUntil(lambda: studio.program("obs-rapat") == "Pendopo", timeout=20_000)
    qtbot.waitUntil(lambda: bool(at_cut), timeout=WAIT_MS)
    assert at_cut[0].motion is Motion.ARRIVED
    assert at_cut[0].target_preset == 2


def test_a_shot_with_only_a_scene_cuts_at_once(studio, qtbot):
    console = studio.console
    qtbot.waitUntil(lambda: console.broadcast.desk.state("obs-rapat").online, timeout=WAIT_MS)
    console.window.activateWindow()
    qtbot.keyClick(console.window, Qt.Key.Key_F5)  # Rakor F5: scene Presentasi
    qtbot.waitUntil(lambda: studio.program("obs-rapat") == "Presentasi", timeout=WAIT_MS)


def test_tally_borders_follow_program_and_preview(studio, qtbot):
    console = studio.console
    broadcast = console.broadcast.desk
    qtbot.waitUntil(lambda: broadcast.state("obs-rapat").program_scene == "Podium", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tally(console, "cam1") is Tally.PROGRAM, timeout=WAIT_MS)
    assert tally(console, "cam2") is Tally.NONE
    broadcast.cut("obs-rapat", "Pendopo")
    qtbot.waitUntil(lambda: tally(console, "cam2") is Tally.PROGRAM, timeout=WAIT_MS)
    assert tally(console, "cam1") is Tally.NONE
    assert tally(console, "cam3") is Tally.PROGRAM  # on air in the Podcast's OBS ("Studio")
    studio.sims.submit(_studio_mode(studio.obs["obs-rapat"])).result(5)
    qtbot.waitUntil(lambda: broadcast.state("obs-rapat").studio_mode, timeout=WAIT_MS)
    broadcast.cut("obs-rapat", "Podium")  # in studio mode: to preview
    qtbot.waitUntil(lambda: tally(console, "cam1") is Tally.PREVIEW, timeout=WAIT_MS)
    assert tally(console, "cam2") is Tally.PROGRAM


async def _studio_mode(sim) -> None:
    sim.studio.handle("SetStudioModeEnabled", {"studioModeEnabled": True})


def test_the_tally_lamp_is_sent_only_where_configured(studio, qtbot):
    console = studio.console
    broadcast = console.broadcast.desk
    cam1, cam2 = studio.cameras[0], studio.cameras[1]  # cam2 (a BRC-X400) has tally_lamp: yes
    qtbot.waitUntil(lambda: console.desk.bridges["cam2"].state.online, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: broadcast.state("obs-rapat").program_scene == "Podium", timeout=WAIT_MS)
    assert lamp_commands(cam2) == []
    broadcast.cut("obs-rapat", "Pendopo")
    qtbot.waitUntil(lambda: lamp_commands(cam2) == [LAMP_ON], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: cam2.state()["tally"] is True, timeout=WAIT_MS)
    broadcast.cut("obs-rapat", "Podium")
    qtbot.waitUntil(lambda: lamp_commands(cam2) == [LAMP_ON, LAMP_OFF], timeout=WAIT_MS)
    assert cam2.state()["tally"] is False
    assert lamp_commands(cam1) == [], "cam1 has no tally_lamp: yes, yet its lamp was sent"
