"""A transport-independent VISCA camera: one complete packet in, replies out
(docs/protocols/visca.md "Replies, sockets and cancel", "Framing a byte stream").

``handle(packet, origin)`` takes one packet (header … FF). Replies go to ``send(reply, origin)``
with the ``origin`` of the packet they answer, so a server can route them (UDP sender and
sequence number, TCP client); a completion that comes seconds later still carries it.

Two sockets. A command gets ACK `z0 4s FF` then completion `z0 5s FF`; moves that take time
(preset recall, absolute/relative, home, reset, zoom/focus direct) hold their socket until the
axes arrive, with one timer for that moment. A new command on the same axes supersedes a
running one, whose socket completes at that moment.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from devices.visca.profiles import CameraProfile
from devices.visca.sim import protocol
from devices.visca.sim.camera import VirtualCamera
from devices.visca.sim.commands import decode_command
from devices.visca.sim.inquiries import answer_inquiry
from devices.visca.sim.motion import Cancellable, Clock
from devices.visca.sim.outbox import Outbox
from devices.visca.sim.protocol import NotUnderstood

FRAME = 1 / 59.94  # Sony answers within one video frame (docs/protocols/visca.md "The camera's pace")
SOCKETS = (1, 2)
IF_CLEAR = b"\x01\x00\x01"

Send = Callable[[bytes, Any], None]


@dataclass(eq=False)
class _Job:
    socket: int
    origin: Any
    axes: frozenset[str]
    timer: Cancellable


class ViscaDevice:
    def __init__(
        self,
        profile: CameraProfile,
        send: Send,
        *,
        address: int = 1,
        clock: Clock | None = None,
        latency: float = FRAME,
        refuse: frozenset[bytes] = frozenset(),
    ) -> None:
        self.clock: Clock = clock or asyncio.get_running_loop()
        self.address = address
        self.refuse = refuse  # inquiry messages answered with a syntax error, like an OEM camera
        self.camera = VirtualCamera(profile, self.clock)
        self._outbox: Outbox[bytes, object] = Outbox(self.clock, send, latency)
        self._jobs: dict[int, _Job] = {}

    @property
    def latency(self) -> float:
        return self._outbox.delay

    @latency.setter
    def latency(self, seconds: float) -> None:
        self._outbox.delay = seconds

    def state(self) -> dict[str, Any]:
        return self.camera.snapshot()

    def handle(self, packet: bytes, origin: Any = None) -> None:
        message = packet[1:-1]
        if len(packet) < 3 or packet[-1] != protocol.TERMINATOR:
            self._error(0, protocol.ERROR_SYNTAX, origin)
        elif len(message) > protocol.MAX_MESSAGE:
            self._error(0, protocol.ERROR_LENGTH, origin)
        elif len(message) == 1 and message[0] >> 4 == 0x2:
            self._cancel(message[0] & 0x0F, origin)
        elif message[0] == 0x09:
            self._inquiry(message, origin)
        elif message == IF_CLEAR:
            self.clear_sockets()
            self._outbox.post(protocol.answer(self.address, b""), origin)
        elif message[0] == 0x01:
            self._command(message, origin)
        else:
            self._error(0, protocol.ERROR_SYNTAX, origin)

    def clear_sockets(self) -> None:
        """IF_Clear: forget both sockets; their commands never complete (motions go on)."""
        for job in self._jobs.values():
            job.timer.cancel()
        self._jobs.clear()

    def restart(self) -> None:
        """Power cycle: sockets, pending replies and motion forgotten; back powered on."""
        self.clear_sockets()
        self._outbox.clear()
        self.camera.power_up()

    def close(self) -> None:
        self.clear_sockets()
        self._outbox.clear()

    # --- message kinds ----------------------------------------------------------------------

    def _inquiry(self, message: bytes, origin: Any) -> None:
        try:
            if message in self.refuse:
                raise NotUnderstood(f"this camera does not know {message.hex(' ')}")
            data = answer_inquiry(message, self.camera)
        except NotUnderstood:
            self._error(0, protocol.ERROR_SYNTAX, origin)
            return
        self._outbox.post(protocol.answer(self.address, data), origin)

    def _command(self, message: bytes, origin: Any) -> None:
        try:
            plan = decode_command(message, self.camera)
        except NotUnderstood:
            self._error(0, protocol.ERROR_SYNTAX, origin)
            return
        socket = next((s for s in SOCKETS if s not in self._jobs), None)
        if socket is None:
            self._error(0, protocol.ERROR_BUFFER_FULL, origin)
            return
        if (not self.camera.power and not plan.in_standby) or (plan.manual_focus and self.camera.autofocus):
            self._error(socket, protocol.ERROR_NOT_EXECUTABLE, origin)
            return
        for job in [job for job in self._jobs.values() if job.axes & plan.takes]:
            self._complete(job)
        self._outbox.post(protocol.ack(self.address, socket), origin)
        waits = plan.run()
        delay = self.camera.mechanics.arrival(waits) - self.clock.time()
        if not waits or delay <= 0:
            self._outbox.post(protocol.completion(self.address, socket), origin)
            return
        timer = self.clock.call_later(delay, self._arrived, socket)
        self._jobs[socket] = _Job(socket, origin, waits, timer)

    def _arrived(self, socket: int) -> None:
        self._complete(self._jobs[socket])

    def _complete(self, job: _Job) -> None:
        job.timer.cancel()
        del self._jobs[job.socket]
        self._outbox.post(protocol.completion(self.address, job.socket), job.origin)

    def _cancel(self, socket: int, origin: Any) -> None:
        job = self._jobs.pop(socket, None)
        if job is None:
            self._error(socket, protocol.ERROR_NO_SOCKET, origin)
            return
        job.timer.cancel()
        self.camera.mechanics.halt(job.axes)
        self._error(socket, protocol.ERROR_CANCELED, origin)

    def _error(self, socket: int, code: int, origin: Any) -> None:
        self._outbox.post(protocol.error(self.address, socket, code), origin)
