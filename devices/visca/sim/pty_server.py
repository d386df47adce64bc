"""A chain of cameras on a pseudo-terminal: ``visca+serial://pty?link=PATH&cameras=N&baud=9600``.

POSIX only. The client opens the slave side (``url`` / ``address`` name it, or the symlink at
``link`` when given) like any serial port. ``unplug()`` closes the pty and removes the symlink;
``replug()`` makes a fresh pty and points the symlink at it, to exercise a driver's reopen logic.
"""
from __future__ import annotations

import os
from typing import Any

from devices.visca.sim.framing import PacketSplitter
from devices.visca.sim.serial_chain import MAX_CAMERAS, SerialChain
from devices.visca.sim.server import COMMON_OPTIONS, SimulatorServer
from devices.visca.urls import CameraUrlError, Endpoint

PTY_DEVICE = "pty"
READ_SIZE = 1024


class PtyServer(SimulatorServer):
    known_options = COMMON_OPTIONS | {"link", "cameras", "baud"}

    def __init__(self, endpoint: Endpoint, default_model: str) -> None:
        if os.name != "posix":
            raise CameraUrlError(
                f"{endpoint.url}: the serial simulator uses a pseudo-terminal, which needs Linux or macOS; "
                "on this system simulate a network camera (visca+udp, visca+udpraw or visca+tcp) instead")
        if endpoint.device != PTY_DEVICE:
            raise CameraUrlError(f"{endpoint.url}: the simulator serves serial lines only as "
                                 "visca+serial://pty?link=PATH&cameras=N")
        super().__init__(endpoint, default_model)
        link = endpoint.option("link")
        self._link = os.path.abspath(link) if link else None
        # a pty has no line speed; baud is checked so that a URL shared with the client stays valid
        endpoint.int_option("baud", 9600, 50, 4_000_000)
        count = endpoint.int_option("cameras", 1, 1, MAX_CAMERAS)
        self.chain = SerialChain(self.profile, count, self._write_line)
        self.cameras = self.chain.cameras
        self.slave_path = ""
        self._master: int | None = None
        self._slave: int | None = None
        self._splitter = PacketSplitter()

    async def start(self) -> None:
        self._plug()
        self.chain.announce()

    def _plug(self) -> None:
        import tty  # POSIX-only module

        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        # keeping our own slave descriptor open spares the master EIO while no client is attached
        self._master, self._slave = master, slave
        self.slave_path = os.ttyname(slave)
        if self._link:
            temporary = f"{self._link}.{os.getpid()}.tmp"
            os.symlink(self.slave_path, temporary)
            os.replace(temporary, self._link)
        self._loop.add_reader(master, self._readable)
        self.address = self._link or self.slave_path
        self.url = f"visca+serial://{self.address}"

    def _unplug(self) -> None:
        if self._master is None or self._slave is None:
            return
        self._loop.remove_reader(self._master)
        os.close(self._master)
        os.close(self._slave)
        self._master = self._slave = None
        self._splitter = PacketSplitter()
        if self._link and os.path.islink(self._link):
            os.unlink(self._link)

    def unplug(self) -> None:
        self._on_loop(self._unplug)

    def replug(self) -> None:
        self._on_loop(self._replug)

    def _replug(self) -> None:
        if self._master is None:
            self._plug()

    def _restart(self) -> None:
        self.chain.restart()

    def _readable(self) -> None:
        assert self._master is not None
        try:
            data = os.read(self._master, READ_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        for packet in self._splitter.feed(data):
            if self._accepts_incoming():
                self.chain.receive(packet)

    def _write_line(self, data: bytes) -> None:
        self._send(data, None)

    def _transmit(self, data: bytes, destination: Any) -> None:
        if self._master is None:
            return
        try:
            os.write(self._master, data)
        except BlockingIOError:
            pass  # nobody reads and the pty buffer is full: bytes fall on the floor, as on a real line

    async def _close_transport(self) -> None:
        self._unplug()
