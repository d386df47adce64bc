"""A daisy chain of simulated cameras on one serial line (docs/protocols/visca.md "Serial daisy chain").

The chain is a one-way ring: whatever no camera keeps (Address Set after the last camera,
broadcast IF_Clear, a packet for an address nobody has) comes back to the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.visca.profiles import CameraProfile
from devices.visca.sim.engine import FRAME, IF_CLEAR, ViscaDevice
from devices.visca.sim.framing import BROADCAST
from devices.visca.sim.motion import Clock
from devices.visca.sim.protocol import TERMINATOR, network_change

ADDRESS_SET = 0x30
MAX_CAMERAS = 7


class SerialChain:
    def __init__(
        self,
        profile: CameraProfile,
        count: int,
        write: Callable[[bytes], None],
        *,
        clock: Clock | None = None,
        latency: float = FRAME,
        refuse: frozenset[bytes] = frozenset(),
    ) -> None:
        if not 1 <= count <= MAX_CAMERAS:
            raise ValueError(f"a VISCA chain has 1–{MAX_CAMERAS} cameras, not {count}")
        self._write = write
        self.cameras = [
            ViscaDevice(profile, self._reply, address=n, clock=clock, latency=latency, refuse=refuse)
            for n in range(1, count + 1)
        ]

    def _reply(self, reply: bytes, origin: Any) -> None:
        self._write(reply)

    def receive(self, packet: bytes) -> None:
        """One complete packet from the controller."""
        header = packet[0]
        if header == BROADCAST:
            self._broadcast(packet)
        elif 0x81 <= header <= 0x87:
            camera = next((c for c in self.cameras if c.address == header & 0x07), None)
            if camera is None:
                self._write(packet)
            else:
                camera.handle(packet)

    def _broadcast(self, packet: bytes) -> None:
        if len(packet) == 4 and packet[1] == ADDRESS_SET:
            number = packet[2]
            for camera in self.cameras:
                camera.address = number
                number += 1
            self._write(bytes((BROADCAST, ADDRESS_SET, number, TERMINATOR)))
            return
        if packet[1:-1] == IF_CLEAR:
            for camera in self.cameras:
                camera.clear_sockets()
        self._write(packet)

    def announce(self) -> None:
        """Network Change from every camera, as at power-up: the controller should re-address."""
        for camera in self.cameras:
            self._write(network_change(camera.address))

    def restart(self) -> None:
        for camera in self.cameras:
            camera.restart()
        self.announce()

    def close(self) -> None:
        for camera in self.cameras:
            camera.close()
