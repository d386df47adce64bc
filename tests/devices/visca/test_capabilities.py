"""What the console learns from a camera on connect: its profile from the version inquiry, and
which status inquiries it refuses (docs/cameras.md)."""

from __future__ import annotations

import threading
import time

import pytest

from devices.demo import start_demo_cameras
from devices.records import DeviceNotice, Link
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.state import CameraError
from tests.support.fake_camera import FakeTransport, polite_camera
from tests.support.waiting import wait_until

FAST_POLLS = "poll=0.1&timeout=0.2"


def test_a_refused_inquiry_is_no_longer_polled_and_said_once(simulator, camera):
    sim = simulator("visca+udpraw://127.0.0.1:0?refuse=focus-mode,last-preset")
    notices: list[DeviceNotice] = []
    cam = camera(f"{sim.url}?{FAST_POLLS}&name=Kamera Aula")
    cam.add_listener(lambda item: notices.append(item) if isinstance(item, DeviceNotice) else None)
    wait_until(lambda: cam.snapshot().health.errors >= 2, what="both refused")
    time.sleep(1.2)  # a dozen poll rounds: focus mode and last preset would be asked three more times
    state = cam.snapshot()
    assert state.health.errors == 2
    assert set(state.unsupported) == {"focus mode", "last preset"}
    assert state.online
    assert state.power is True
    assert state.zoom == 0
    assert [(n.device, n.level) for n in notices] == [("Kamera Aula", "warning")] * 2
    assert {str(n.text) for n in notices} == {
        "Kamera Aula does not answer the focus mode inquiry; it is no longer asked",
        "Kamera Aula does not answer the last preset inquiry; it is no longer asked",
    }
    assert state.to_json()["unsupported"] == list(state.unsupported)


def test_a_camera_that_comes_back_is_asked_everything_again(simulator, camera):
    sim = simulator("visca+udpraw://127.0.0.1:0?refuse=last-preset")
    cam = camera(f"{sim.url}?{FAST_POLLS}")
    wait_until(lambda: cam.snapshot().unsupported == ("last preset",), what="refused")
    sim.silence(True)
    wait_until(lambda: cam.snapshot().link is Link.OFFLINE, what="offline")
    assert cam.snapshot().unsupported == ("last preset",)
    sim.silence(False)
    wait_until(lambda: cam.snapshot().online, what="back online")
    wait_until(lambda: cam.snapshot().health.errors == 2, what="asked again after the reconnection")
    assert cam.snapshot().unsupported == ("last preset",)


@pytest.mark.parametrize(
    ("sim_model", "profile", "model"),
    [
        ("sony-brc-x400", "sony-brc-x400", "Sony BRC-X400"),
        ("sony-brc-h700", "sony-brc-h700", "Sony BRC-H700"),
        ("sony-srg300h", "sony-srg300h", "Sony SRG-300H"),
    ],
)
def test_the_version_inquiry_picks_the_profile(simulator, camera, sim_model, profile, model):
    sim = simulator(f"visca+udp://127.0.0.1:0?model={sim_model}")
    cam = camera(sim.url)
    state = cam.identified().result(3)
    assert (state.profile, state.profile_source, state.model, state.rom_revision) == (
        profile,
        "discovered",
        model,
        0x0100,
    )
    assert cam.profile.name == profile
    wait_until(lambda: cam.snapshot().pan == 0, what="position read in the profile's layout")
    assert cam.snapshot().health.garbage == 0


def test_an_explicit_model_wins_over_what_the_camera_says(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0?model=sony-brc-x400")
    cam = camera(f"{sim.url}?model=sony-srg300h")
    state = cam.identified().result(3)
    assert (state.profile, state.profile_source) == ("sony-srg300h", "configured")
    wait_until(lambda: cam.snapshot().model == "Sony BRC-X400", what="the version still read")
    assert cam.profile.name == "sony-srg300h"


@pytest.mark.parametrize(
    ("listen", "model"),
    [
        ("visca+tcp://127.0.0.1:0?refuse=version", None),
        ("visca+tcp://127.0.0.1:0?model=ptzoptics", "vendor 0102 model 0105"),  # PTZOptics' own layout
    ],
)
def test_unknown_or_refused_version_falls_back_to_generic(simulator, camera, listen, model):
    sim = simulator(listen)
    cam = camera(sim.url)
    state = cam.identified().result(3)
    assert (state.profile, state.profile_source, state.model) == ("generic", "fallback", model)
    assert state.unsupported == (() if model else ("version",))
    assert cam.snapshot().health.garbage == 0
    assert cam.recall_preset(3).result(3).ok


def h700_camera(packet: bytes) -> list[bytes]:
    if packet == bytes.fromhex("81 09 00 02 FF"):
        return [bytes.fromhex("90 50 00 01 05 01 01 00 02 FF")]
    return polite_camera(packet)


def test_commands_wait_for_the_model_and_are_built_for_it(camera):
    fake = FakeTransport(h700_camera)
    cam = camera("visca+udpraw://10.0.0.9?timeout=0.05&poll=60", transport=fake)
    done = cam.goto(0x1000, -0x100, speed=0x10)  # before anything was heard: checked as generic
    assert done.result(2).ok
    sent = [p.hex(" ") for p in fake.sent]
    assert sent[0] == "81 09 00 02 ff"
    # BRC-H700: one speed and 00, five pan nibbles (docs/cameras.md)
    assert "81 01 06 02 10 00 00 01 00 00 00 0f 0f 00 00 ff" in sent


def test_a_command_out_of_range_for_the_learned_profile_is_refused_unsent(camera):
    identified = threading.Event()  # the camera says what it is only once the recall is queued

    def srg300h_camera(packet: bytes) -> list[bytes]:
        if packet == bytes.fromhex("81 09 00 02 FF"):
            return [bytes.fromhex("90 50 00 01 05 13 01 00 02 FF")] if identified.is_set() else []
        return polite_camera(packet)

    fake = FakeTransport(srg300h_camera)
    cam = camera("visca+udpraw://10.0.0.9?timeout=0.05&poll=60", transport=fake)
    future = cam.recall_preset(40)  # fine for generic, not for a 16-preset SRG-300H
    identified.set()
    with pytest.raises(CameraError) as refused:
        future.result(2)
    assert refused.value.result == "out of range for this camera"
    assert "SRG-300H" in str(refused.value)
    assert not any(p.startswith(bytes.fromhex("81 01 04 3F")) for p in fake.sent)


def test_the_demo_cameras_show_discovery_and_an_oem_camera_that_refuses_inquiries():
    with DeviceRuntime("demo-sims") as sims, DeviceRuntime("demo-devices") as devices:
        demo = start_demo_cameras(sims)
        cameras = [CameraController(devices, f"{camera.url}&poll=0.2").start() for camera in demo]
        try:
            wait_until(
                lambda: all(c.snapshot().profile_source != "pending" for c in cameras), what="profiles"
            )
            wait_until(lambda: len(cameras[2].snapshot().unsupported) == 2, what="the OEM camera's refusals")
            states = [camera.snapshot() for camera in cameras]
            assert [(s.profile, s.profile_source) for s in states] == [
                ("sony-srg300h", "discovered"),
                ("sony-brc-x400", "discovered"),
                ("ptzoptics", "configured"),
                ("generic", "configured"),
            ]
            assert set(states[2].unsupported) == {"focus mode", "last preset"}
            assert not any(s.unsupported for s in (states[0], states[1], states[3]))
        finally:
            for camera in cameras:
                camera.close().result(5)
