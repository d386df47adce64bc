"""A chain of cameras on a pseudo-terminal: ``visca+serial://pty?link=PATH&cameras=N&baud=9600``.

POSIX only. The client opens the slave side (``url`` / ``address`` name it, or the symlink at
``link`` when given) like any serial port. ``unplug()`` closes the pty and removes the symlink;
``replug()`` makes a fresh pty and points the symlink at it, to exercise a driver's reopen logic.
"""

from __future__ import annotations

import os
from typing import Any

from devices.sim_support import PseudoTerminal
from devices.visca.sim.framing import PacketSplitter
from devices.visca.sim.serial_chain import MAX_CAMERAS, SerialChain
from devices.visca.sim.server import COMMON_OPTIONS, DeviceFactory, SimulatorServer
from devices.visca.urls import CameraEndpoint, CameraUrlError

PTY_DEVICE = "pty"


class PtyServer(SimulatorServer):
    known_options = COMMON_OPTIONS | {"link", "cameras", "baud"}

    def __init__(
        self, endpoint: CameraEndpoint, default_model: str, device: DeviceFactory | None = None
    ) -> None:
        if os.name != "posix":
            raise CameraUrlError(
                f"{endpoint.url}: the serial simulator uses a pseudo-terminal, which needs Linux or macOS; "
                "on this system simulate a network camera (visca+udp, visca+udpraw or visca+tcp) instead"
            )
        if endpoint.device != PTY_DEVICE:
            raise CameraUrlError(
                f"{endpoint.url}: the simulator serves serial lines only as "
                "visca+serial://pty?link=PATH&cameras=N"
            )
        super().__init__(endpoint, default_model, device)
        # a pty has no line speed; baud is checked so that a URL shared with the client stays valid
        endpoint.int_option("baud", 9600, 50, 4_000_000)
        count = endpoint.int_option("cameras", 1, 1, MAX_CAMERAS)
        if device is None:
            self.chain = SerialChain(self.profile, count, self._write_line, refuse=self.refuse)
        else:
            self.chain = device(self._send, 0)
        self._use_cameras(self.chain.cameras)
        self.pty = PseudoTerminal(self._loop, endpoint.option("link"), self._received)
        self._splitter = PacketSplitter()

    @property
    def slave_path(self) -> str:
        return self.pty.slave_path

    async def start(self) -> None:
        self._plug()
        self.chain.announce()

    def _plug(self) -> None:
        self.pty.plug()
        self.address = self.pty.path
        self.url = f"visca+serial://{self.address}"

    def _unplug(self) -> None:
        self.pty.unplug()
        self._splitter = PacketSplitter()

    def unplug(self) -> None:
        self._on_loop(self._unplug)

    def replug(self) -> None:
        self._on_loop(self._replug)

    def _replug(self) -> None:
        if not self.pty.plugged:
            self._plug()

    def _restart(self) -> None:
        self.chain.restart()

    def _received(self, data: bytes) -> None:
        for packet in self._splitter.feed(data):
            if self._accepts_incoming():
                self._record("VISCA", packet)
                self.chain.receive(packet)

    def _write_line(self, data: bytes) -> None:
        self._send(data, None)

    def _transmit(self, data: bytes, destination: Any) -> None:
        self.pty.write(data)

    async def _close_transport(self) -> None:
        self._unplug()
