"""Demo mode: simulated cameras started in the background, so the console runs without hardware.

Two Sony VISCA-over-IP cameras, one raw-TCP camera and one serial camera on a pseudo-terminal
(where the OS has them; elsewhere a third VISCA-over-IP camera takes its place). They show what a
site sees: the Sony cameras are recognised by their answer to the version inquiry (``model=auto``),
and the PTZOptics-class camera refuses two status inquiries, as OEM cameras do (docs/cameras.md).

The named presets of the demo configuration (models/config/demo.py) are stored positions that
frame something in the hall the synthetic picture shows, so a recall moves the head and arrives.
The cameras keep their presets in a state folder across restarts: the demo presets are stored
at the first start (or when a camera's file is unusable), and what an operator saves, overwrites
or clears afterwards stays so.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from common.wording import Phrase
from devices.runtime import DeviceRuntime
from devices.video.base import Size, SourceError
from devices.video.synthetic import load_panorama, position_for
from devices.visca.profiles import CameraProfile
from devices.visca.sim.simulator import start_simulator

log = logging.getLogger(__name__)

# (what the simulator plays, the model option the console's URL gets)
DEMO_LISTENERS = (
    ("visca+udp://127.0.0.1:0?model=sony-srg300h", "auto"),
    ("visca+udp://127.0.0.1:0?model=sony-brc-x400", "auto"),
    ("visca+tcp://127.0.0.1:0?model=ptzoptics&refuse=last-preset,focus-mode", "ptzoptics"),
    (
        "visca+serial://pty?model=generic" if os.name == "posix" else "visca+udp://127.0.0.1:0?model=generic",
        "generic",
    ),
)

# What each camera's named presets frame in resources/demo/panorama.jpg (drawn by make_panorama.py):
# centre x, centre y and width of the view, in panorama pixels.
DEMO_SHOTS: tuple[dict[int, tuple[float, float, float]], ...] = (
    {
        1: (2050, 500, 440),  # Kamera Panggung: Podium, close
        2: (1740, 678, 700),  # Meja Pimpinan: the front row of tables below the stage
        3: (1300, 678, 1228),
    },  # Peserta Rapat: both rows of the audience, wide
    {
        1: (2050, 480, 1000),  # Kamera Pendopo: Panggung Pendopo, the stage between its flags
        2: (3100, 678, 800),  # Tamu Undangan: the guests' tables on the right
        3: (1000, 420, 1228),
    },  # Suasana Pendopo: the hall, wide
    {
        1: (2850, 450, 520),  # Kamera Studio: Pembawa Acara, at the Smart Centre screen
        2: (1250, 450, 520),  # Narasumber, at the welcome screen
        3: (1800, 470, 700),
    },  # Dua Orang: flag and podium
    {
        1: (3420, 480, 700),  # Kamera Mobil Liputan: Reporter, at the Command Center
        2: (670, 400, 800),
    },  # Suasana Jalan: the windows
)


@dataclass(frozen=True)
class DemoCamera:
    url: str  # what the console connects to
    profile: CameraProfile
    state: Callable[[], dict[str, Any]]  # the simulator's state, for the synthetic picture
    server: Any
    problem: Phrase | None = None  # why the camera's saved presets could not be used (they are ignored)


def start_demo_cameras(
    runtime: DeviceRuntime, timeout: float = 10.0, *, state_folder: Path | None = None
) -> list[DemoCamera]:
    """Start the simulators on ``runtime`` (their own device thread) and return how to reach them.

    ``state_folder``: where the cameras keep their presets (``camera1.json`` …); without it they
    start with the demo presets every time and write nothing.
    """
    panorama = _panorama_size()
    cameras = []
    for number, ((listen, model), shots) in enumerate(zip(DEMO_LISTENERS, DEMO_SHOTS, strict=True), start=1):
        if state_folder is not None:
            listen = _with_option(listen, "state=" + quote(str(Path(state_folder) / f"camera{number}.json")))
        server = runtime.submit(start_simulator(listen)).result(timeout)
        runtime.on_stop(server.close)
        if panorama is not None and (server.memory is None or not server.memory.loaded):
            server.store_presets(
                {n: position_for(*shot, server.profile, panorama) for n, shot in shots.items()}
            )
        cameras.append(
            DemoCamera(
                _with_option(server.url, f"model={model}"),
                server.profile,
                server.state,
                server,
                server.memory_problem,
            )
        )
    return cameras


def _panorama_size() -> Size | None:
    try:
        panorama = load_panorama()
    except SourceError as exc:  # the previews say so too; the cameras work without demo presets
        log.warning("no demo presets: %s", exc)
        return None
    return panorama.shape[1], panorama.shape[0]


def _with_option(url: str, option: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{option}"
