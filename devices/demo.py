"""Demo mode: simulated cameras started in the background, so the console runs without hardware.

Two Sony VISCA-over-IP cameras, one raw-TCP camera and one serial camera on a pseudo-terminal
(where the OS has them; elsewhere a third VISCA-over-IP camera takes its place). They show what a
site sees: the Sony cameras are recognised by their answer to the version inquiry (``model=auto``),
and the PTZOptics-class camera refuses two status inquiries, as OEM cameras do (docs/cameras.md).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from devices.runtime import DeviceRuntime
from devices.visca.profiles import CameraProfile
from devices.visca.sim.simulator import start_simulator

# (what the simulator plays, the model option the console's URL gets)
DEMO_LISTENERS = (
    ("visca+udp://127.0.0.1:0?model=sony-srg300h", "auto"),
    ("visca+udp://127.0.0.1:0?model=sony-brc-x400", "auto"),
    ("visca+tcp://127.0.0.1:0?model=ptzoptics&refuse=last-preset,focus-mode", "ptzoptics"),
    ("visca+serial://pty?model=generic" if os.name == "posix" else "visca+udp://127.0.0.1:0?model=generic",
     "generic"),
)


@dataclass(frozen=True)
class DemoCamera:
    url: str                      # what the console connects to
    profile: CameraProfile
    state: Callable[[], dict[str, Any]]   # the simulator's state, for the synthetic picture
    server: Any


def start_demo_cameras(runtime: DeviceRuntime, timeout: float = 10.0) -> list[DemoCamera]:
    """Start the simulators on ``runtime`` (their own device thread) and return how to reach them."""
    cameras = []
    for listen, model in DEMO_LISTENERS:
        server = runtime.submit(start_simulator(listen)).result(timeout)
        runtime.on_stop(server.close)
        cameras.append(DemoCamera(_client_url(server.url, model), server.profile, server.state, server))
    return cameras


def _client_url(server_url: str, model: str) -> str:
    separator = "&" if "?" in server_url else "?"
    return f"{server_url}{separator}model={model}"
