"""What every simulator listener shares: URL options, network faults and the test handles.

Common URL options: ``model`` (camera profile), ``latency`` (seconds added to every reply),
``loss`` (fraction of incoming and of outgoing messages dropped), ``seed`` (for ``loss``) and
``refuse`` (inquiries answered with a syntax error, as OEM cameras do: ``refuse=last-preset,focus-mode``)
and ``state`` (a file that keeps the presets across restarts, ``memory.py``; ``memory_problem`` says
why a file there could not be used).
The latest messages the listener took in are kept, in order, for tests (``received()``).

The fault-injection methods may be called from any thread: off the simulator's loop they run
on it and return once applied. ``state()`` only reads, so it answers at once from anywhere.
"""

from __future__ import annotations

import asyncio
import collections
import random
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from common.wording import Phrase
from devices.sim_support import run_on_loop
from devices.visca.profiles import CameraProfile, get_profile
from devices.visca.sim.engine import ViscaDevice
from devices.visca.sim.inquiries import INQUIRIES
from devices.visca.sim.memory import CameraMemory
from devices.visca.sim.outbox import Outbox
from devices.visca.urls import CameraEndpoint, CameraUrlError

COMMON_OPTIONS = frozenset({"model", "latency", "loss", "seed", "refuse", "state"})
MAX_LATENCY = 60.0
KEEP_RECEIVED = 10_000  # a demo runs for days: the record of received messages must not grow without end
T = TypeVar("T")
Send = Callable[[bytes, Any], None]
DeviceFactory = Callable[[Send, int], Any]
"""``factory(send, address)``: a camera in place of ``ViscaDevice`` (``replay.ReplayCamera``); on a
serial line it stands for the whole chain (address 0) and answers every packet, broadcasts too."""


def model_profile(endpoint: CameraEndpoint, default_model: str) -> CameraProfile:
    try:
        return get_profile(endpoint.option("model", default_model) or default_model)
    except ValueError as exc:
        raise CameraUrlError(f"{endpoint.url}: {exc}") from None


def _memory(endpoint: CameraEndpoint, device: DeviceFactory | None) -> CameraMemory | None:
    path = endpoint.option("state")
    if not path:
        return None
    if device is not None:
        raise CameraUrlError(
            f"{endpoint.url}: state= keeps a simulated camera's presets; "
            "a camera played from a capture has none"
        )
    return CameraMemory(Path(path).expanduser())


def refused_inquiries(endpoint: CameraEndpoint) -> frozenset[bytes]:
    names = [name.strip() for name in (endpoint.option("refuse") or "").split(",") if name.strip()]
    unknown = [name for name in names if name not in INQUIRIES]
    if unknown:
        raise CameraUrlError(
            f"{endpoint.url}: refuse={','.join(unknown)} is not an inquiry; known: {', '.join(INQUIRIES)}"
        )
    return frozenset(INQUIRIES[name] for name in names)


class SimulatorServer:
    """Base of the listeners; subclasses fill ``cameras`` and implement start/transmit/close."""

    known_options: frozenset[str] = COMMON_OPTIONS

    def __init__(
        self, endpoint: CameraEndpoint, default_model: str, device: DeviceFactory | None = None
    ) -> None:
        endpoint.check_options(set(self.known_options))
        self.endpoint = endpoint
        self.profile = model_profile(endpoint, default_model)
        self.refuse = refused_inquiries(endpoint)
        self.url = ""  # what a client should use, known after start()
        self.address: Any = None  # (host, port) or the serial device path
        self.cameras: list[ViscaDevice] = []
        self._loop = asyncio.get_running_loop()
        self._loss = endpoint.float_option("loss", 0.0, 0.0, 1.0)
        self._random = random.Random(endpoint.option("seed"))
        self._silent = False
        self._messages_in: collections.deque[tuple[str, bytes]] = collections.deque(maxlen=KEEP_RECEIVED)
        self._outbox: Outbox[bytes, Any] = Outbox(
            self._loop, self._transmit, endpoint.float_option("latency", 0.0, 0.0, MAX_LATENCY)
        )
        self._device_factory = device
        self.memory = _memory(endpoint, device)
        self.memory_problem: Phrase | None = None

    def _use_cameras(self, cameras: Sequence[Any]) -> None:
        """The listener's cameras (``ViscaDevice``, or a stand-in from the device factory), with the
        presets the state file kept; every later change to a preset is written back to it."""
        self.cameras = list(cameras)
        if self.memory is None:
            return
        self.memory_problem = self.memory.restore([camera.camera for camera in self.cameras])
        for camera in self.cameras:
            camera.camera.presets_changed = self._save_presets

    def _save_presets(self) -> None:
        assert self.memory is not None
        self.memory.save([camera.camera for camera in self.cameras])

    def _device(self, send: Send, address: int) -> Any:
        if self._device_factory is not None:
            return self._device_factory(send, address)
        return ViscaDevice(self.profile, send, address=address, refuse=self.refuse)

    async def start(self) -> None:
        raise NotImplementedError

    def _transmit(self, data: bytes, destination: Any) -> None:
        raise NotImplementedError

    async def _close_transport(self) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        for camera in self.cameras:
            camera.close()
        self._outbox.clear()
        await self._close_transport()

    # --- the wire ---------------------------------------------------------------------------

    def _lost(self) -> bool:
        return self._loss > 0 and self._random.random() < self._loss

    def _accepts_incoming(self) -> bool:
        return not self._silent and not self._lost()

    def _record(self, kind: str, data: bytes) -> None:
        self._messages_in.append((kind, bytes(data)))

    def _send(self, data: bytes, destination: Any) -> None:
        if not self._silent and not self._lost():
            self._outbox.post(data, destination)

    # --- fault injection and inspection -----------------------------------------------------

    def state(self, camera: int = 1) -> dict[str, Any]:
        """Snapshot of camera ``camera`` (1-based position on a serial chain)."""
        return self.cameras[camera - 1].state()

    def received(self) -> list[tuple[str, bytes]]:
        """The messages taken in (the latest ``KEEP_RECEIVED``), as ``(kind, bytes)``: ``("VISCA", packet)``
        on the raw and serial listeners; on Sony VISCA over IP the payload type (``"INQUIRY"``, ``"COMMAND"``,
        ``"CONTROL"``…) and the payload, or ``("UNFRAMED", datagram)`` for a datagram without a valid
        header."""
        return self._on_loop(lambda: list(self._messages_in))

    def silence(self, on: bool = True) -> None:
        """Stop answering entirely (incoming ignored, nothing sent); the cameras keep their state."""
        self._on_loop(setattr, self, "_silent", on)

    def set_loss(self, fraction: float) -> None:
        if not 0.0 <= fraction <= 1.0:
            raise ValueError(f"loss must be a fraction 0–1, not {fraction}")
        self._on_loop(setattr, self, "_loss", fraction)

    def set_latency(self, seconds: float) -> None:
        if not 0.0 <= seconds <= MAX_LATENCY:
            raise ValueError(f"latency must be 0–{MAX_LATENCY} s, not {seconds}")
        self._on_loop(setattr, self._outbox, "delay", seconds)

    def store_presets(self, positions: Mapping[int, Mapping[str, int]], camera: int = 1) -> None:
        """Give camera ``camera`` presets at these positions (``{number: {"pan", "tilt", "zoom"}}``)
        without moving it, as if they had been saved there; the state file keeps them."""
        device = self.cameras[camera - 1].camera
        for number, position in positions.items():
            self._on_loop(device.store_preset_at, number, position["pan"], position["tilt"], position["zoom"])

    def restart(self) -> None:
        """Power cycle: sockets, sequence state and motion forgotten, cameras back on."""
        self._on_loop(self._restart)

    def _restart(self) -> None:
        for camera in self.cameras:
            camera.restart()

    def _on_loop(self, fn: Callable[..., T], *args: Any) -> T:
        return run_on_loop(self._loop, fn, *args)
