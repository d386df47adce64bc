"""Serial port (pyserial) that reopens itself when a USB-serial adapter is unplugged and back.

pyserial blocks, so a small reader thread per port only moves bytes into the device loop;
writes go through one writer thread so the loop never waits on the wire.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
from collections.abc import Callable

import serial

from common.wording import QT_TRANSLATE_NOOP
from devices.transport.base import Backoff, ByteTransport
from devices.transport.noise import NoiseWatch

log = logging.getLogger(__name__)

# serial_for_url is typed to return SerialBase, which does not declare in_waiting and
# reset_input_buffer; every port class it returns has them (hence two type: ignore below).
Opener = Callable[[], serial.SerialBase]


def default_opener(device: str, baud: int) -> Opener:
    def open_port() -> serial.SerialBase:
        port = serial.serial_for_url(
            device,
            baudrate=baud,
            bytesize=8,
            parity="N",
            stopbits=1,
            timeout=0.05,
            write_timeout=1.0,
            xonxoff=False,
            rtscts=False,
            dsrdtr=False,
            do_not_open=True,
        )
        port.dtr = True  # Sony VISCA wants DTR asserted while controlling
        port.open()
        return port

    return open_port


class SerialPort(ByteTransport):
    reliable = True

    def __init__(
        self, device: str, baud: int = 9600, *, opener: Opener | None = None, backoff: Backoff | None = None
    ) -> None:
        super().__init__(f"serial:{device}@{baud}")
        self.device = device
        self.baud = baud
        self._opener = opener or default_opener(device, baud)
        self._backoff = backoff or Backoff(0.25, 2.0)
        self._port: serial.SerialBase | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._writer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=f"{self.name}-tx")
        self.opens = 0
        self.noise = NoiseWatch()
        self._hold: tuple[float, str] | None = None  # (seconds, why): stop reading (why: close too)

    async def open(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._thread = threading.Thread(target=self._read_forever, name=f"{self.name}-rx", daemon=True)
        self._thread.start()

    def _read_forever(self) -> None:
        while not self._stop.is_set():
            if self._hold is not None:
                self._held(*self._hold)
                continue
            port = self._port
            if port is None:
                if not self._try_open():
                    self._stop.wait(self._backoff.next())
                continue
            try:
                data = port.read(max(1, port.in_waiting))  # type: ignore[attr-defined]  # see Opener
            except (serial.SerialException, OSError, TypeError, AttributeError) as exc:
                # TypeError/AttributeError: pyserial's POSIX read after the fd vanished
                self._lost(port, f"{exc}")
                continue
            if data:
                self._post(self._take_in, bytes(data))

    def _held(self, seconds: float, why: str) -> None:
        """Reader thread: rest the port (closed, for a babbling line) or pause reading (rate limit)."""
        self._hold = None
        port = self._port
        if why and port is not None:
            self._close(port, why)
        self._stop.wait(seconds)
        port = self._port
        if not why and port is not None:
            with contextlib.suppress(serial.SerialException, OSError):
                port.reset_input_buffer()  # type: ignore[attr-defined]  # piled-up noise; see Opener

    def _try_open(self) -> bool:
        try:
            port = self._opener()
        except (serial.SerialException, OSError, ValueError) as exc:
            self._post(
                self._set_up,
                False,
                QT_TRANSLATE_NOOP("Transport", "cannot open {port}: {reason}").format(
                    port=self.device, reason=str(exc)
                ),
            )
            return False
        self._port = port
        self.opens += 1
        self._backoff.reset()
        self._post(self._set_up, True, "")
        return True

    def _lost(self, port: serial.SerialBase, why: str) -> None:
        self._close(
            port, QT_TRANSLATE_NOOP("Transport", "{port} lost: {reason}").format(port=self.device, reason=why)
        )

    def _close(self, port: serial.SerialBase, why: str) -> None:
        self._port = None
        with contextlib.suppress(Exception):  # the device is gone already; nothing more to release
            port.close()
        if not self._stop.is_set():
            self._post(self._set_up, False, why)

    def _pause(self, seconds: float) -> None:
        self._hold = (seconds, "")

    def _rest(self, seconds: float, why: str) -> None:
        self._hold = (seconds, why)

    def _post(self, fn: Callable, *args: object) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # loop closed while we were reading
                loop.call_soon_threadsafe(fn, *args)

    def send(self, data: bytes) -> bool:
        port = self._port
        if port is None:
            return False
        future = self._writer.submit(self._write, port, data)
        future.add_done_callback(self._check_write)
        self.bytes_sent += len(data)
        return True

    @staticmethod
    def _write(port: serial.SerialBase, data: bytes) -> None:
        port.write(data)

    def _check_write(self, future: concurrent.futures.Future) -> None:
        exc = future.exception()
        if exc is not None:
            log.warning("%s: write failed: %s", self.name, exc)

    async def close(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None:
            await asyncio.get_running_loop().run_in_executor(None, thread.join, 2.0)
        port = self._port
        self._port = None
        if port is not None:
            port.close()
        self._writer.shutdown(wait=False)
        self._set_up(False, "closed")
