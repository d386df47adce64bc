"""What the benchmarks share: timestamped simulators, the two clients, a paced loop, statistics.

Every client gets its own simulated camera (Sony VISCA over IP). Ours talks to simulators on
127.0.0.1. visca-over-ip's simulators listen on 127.0.0.2: that library sends inquiries from a
socket bound to ('', camera port), so the answer goes to <client ip>:<camera port>; with the
simulator on 127.0.0.1 that address is the simulator itself and no inquiry is ever answered.
On 127.0.0.2 the answer goes to 127.0.0.1:<port>, which only the library's socket matches, as
on a real network where camera and PC have different addresses.

Arrival times are taken with ``time.perf_counter`` inside the simulator's camera engine
(``ViscaDevice.handle``), on the simulator's own thread in this process, so they compare
directly with the calling thread's clock. Lost datagrams (``loss=``) never reach it.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import math
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from visca_over_ip import Camera  # noqa: E402

from devices.runtime import DeviceRuntime  # noqa: E402
from devices.visca.controller import CameraController  # noqa: E402
from devices.visca.sim import protocol  # noqa: E402
from devices.visca.sim.camera import Preset  # noqa: E402
from devices.visca.sim.motion import ALL_AXES, FOCUS, ZOOM  # noqa: E402
from devices.visca.sim.simulator import start_simulator  # noqa: E402
from devices.visca.state import CameraError, Link  # noqa: E402

# the controllers log a warning when a silent camera goes offline (scenario d): keep the tables readable
logging.basicConfig(level=logging.ERROR)

OURS_HOST = "127.0.0.1"
VOIP_HOST = "127.0.0.2"
RECALL = bytes.fromhex("81 01 04 3F 02")  # + preset number, FF
PAN_TILT_DRIVE = bytes.fromhex("81 01 06 01")  # + speeds, directions, FF
STOP_DIRECTIONS = b"\x03\x03\xff"


def is_stop(packet: bytes) -> bool:
    return packet.startswith(PAN_TILT_DRIVE) and packet.endswith(STOP_DIRECTIONS)


class Sim:
    """One simulated camera that records (perf_counter, packet) for every packet it handles."""

    def __init__(self, runtime: DeviceRuntime, server: Any) -> None:
        self.runtime = runtime
        self.server = server
        self.received: list[tuple[float, bytes]] = []
        self.buffer_full_sent = 0
        device = server.cameras[0]
        handle, error = device.handle, device._error

        def stamped_handle(packet: bytes, origin: Any = None) -> None:
            self.received.append((time.perf_counter(), bytes(packet)))
            handle(packet, origin)

        def counted_error(socket: int, code: int, origin: Any) -> None:
            self.buffer_full_sent += code == protocol.ERROR_BUFFER_FULL
            error(socket, code, origin)

        device.handle = stamped_handle
        device._error = counted_error

    @property
    def address(self) -> tuple[str, int]:
        return self.server.address

    def state(self) -> dict[str, Any]:
        return self.server.state()

    def silence(self) -> None:
        self.server.silence(True)

    def arrivals(self, match: Callable[[bytes], bool], since: float = 0.0) -> list[tuple[float, bytes]]:
        return [(t, p) for t, p in list(self.received) if t >= since and match(p)]

    def store_presets(self, presets: dict[int, tuple[int, int]]) -> None:
        """Presets at these (pan, tilt) positions, lens where it is, set directly in the simulator."""
        camera = self.server.cameras[0].camera

        async def store() -> None:
            zoom, focus = camera.mechanics.position(ZOOM), camera.mechanics.position(FOCUS)
            for number, (pan, tilt) in presets.items():
                camera.presets[number] = Preset(pan, tilt, zoom, focus)

        self.runtime.submit(store()).result(5)

    def halt(self) -> None:
        """Stop the simulated head directly (clean-up after a stop that a client lost)."""

        async def halt() -> None:
            self.server.cameras[0].camera.mechanics.halt(ALL_AXES)

        self.runtime.submit(halt()).result(5)

    def wait_for(self, condition: Callable[[dict[str, Any]], bool], timeout: float) -> float | None:
        """perf_counter when ``condition(state)`` first held (polled every ms), None on timeout."""
        deadline = time.perf_counter() + timeout
        while True:
            now = time.perf_counter()
            if condition(self.state()):
                return now
            if now > deadline:
                return None
            time.sleep(0.001)


@contextlib.contextmanager
def simulators() -> Iterator[Callable[..., Sim]]:
    """``start(host, options="")`` starts a simulator on its own device thread."""
    with DeviceRuntime("simulators") as runtime:
        servers: list[Any] = []

        def start(host: str, options: str = "") -> Sim:
            url = f"visca+udp://{host}:0" + (f"?{options}" if options else "")
            server = runtime.submit(start_simulator(url)).result(5)
            servers.append(server)
            return Sim(runtime, server)

        try:
            yield start
        finally:
            for server in servers:
                runtime.submit(server.close()).result(5)


@contextlib.contextmanager
def our_cameras(sims: Sequence[Sim], options: str = "") -> Iterator[list[CameraController]]:
    """Controllers for ``sims`` on one device runtime, as the application runs them."""
    with DeviceRuntime("devices") as runtime:
        suffix = f"?{options}" if options else ""
        cameras = [CameraController(runtime, sim.server.url + suffix).start() for sim in sims]
        try:
            yield cameras
        finally:
            for camera in cameras:
                camera.close().result(5)


def wait_online(cameras: Sequence[CameraController], settle: float = 1.0) -> None:
    """Until every controller is online, then ``settle`` s for its first round of status polls."""
    deadline = time.monotonic() + 5
    while any(c.snapshot().link is not Link.ONLINE for c in cameras):
        if time.monotonic() > deadline:
            raise RuntimeError("a controller did not come online")
        time.sleep(0.01)
    time.sleep(settle)


@contextlib.contextmanager
def voip_camera(sim: Sim) -> Iterator[Camera]:
    camera = Camera(*sim.address)
    try:
        yield camera
    finally:
        camera.close_connection()


def paced(rate_hz: float, seconds: float, lateness: list[float]) -> Iterator[float]:
    """Yield at ``rate_hz`` for ``seconds`` (elapsed time each tick); append each tick's lateness.

    A tick that starts more than a period late re-anchors the schedule: missed ticks are
    dropped, not rushed through, and one stall is counted once.
    """
    period = 1.0 / rate_hz
    start = due = time.perf_counter()
    while due - start < seconds - period / 2:
        now = time.perf_counter()
        if now < due:
            time.sleep(due - now)
            now = time.perf_counter()
        lateness.append(now - due)
        if now - due > period:
            due = now
        yield now - start
        due += period


def timed(fn: Callable[..., Any], *args: Any) -> tuple[float, Any, BaseException | None]:
    """(seconds the call blocked, its result, the exception it raised)."""
    start = time.perf_counter()
    try:
        result, error = fn(*args), None
    except Exception as exc:  # the benchmark counts failures, it does not stop on them
        result, error = None, exc
    return time.perf_counter() - start, result, error


def outcome(future: concurrent.futures.Future) -> str:
    """How a controller future ended: "completed", the CameraError's result, or "pending"."""
    if not future.done():
        return "pending"
    error = future.exception()
    if error is None:
        return future.result().result
    return error.result if isinstance(error, CameraError) else type(error).__name__


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.2f}"


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [list(map(str, headers))] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    print(f"\n{title}")
    for n, row in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
