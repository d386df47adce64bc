"""The simulated OBS's two outputs, with the state changes OBS announces (outputActive, outputState):

    stream: STARTING → STARTED … (RECONNECTING → RECONNECTED) … STOPPING → STOPPED
    record: STARTING → STARTED (outputPath) … STOPPING → STOPPED (outputPath)

The stream sends its bytes to a TCP sink when it has one (``stream_to``): a sink that is not there
fails the start as OBS's does (STARTING → STOPPED), one that closes drops the stream into
RECONNECTING until it can connect again. The recording writes a file when it has a folder.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from devices.obs.sim.messages import Intent

Emit = Callable[[str, int, dict[str, Any]], None]
PREFIX = "OBS_WEBSOCKET_OUTPUT_"
FPS = 30
TICK = 0.1  # seconds between chunks of output
START_DELAY, STOP_DELAY = 0.15, 0.1
RECONNECT_TRIES = 20


class SimOutput:
    event = ""

    def __init__(self, emit: Emit, kbps: int) -> None:
        self._emit = emit
        self.kbps = kbps
        self.state = "STOPPED"
        self.started: float | None = None  # time.monotonic() when it started
        self.sent = 0
        self.frames = 0
        self.skipped = 0
        self.drop_rate = 0.0  # share of frames dropped while it runs (an injected bad network)
        self._task: asyncio.Task | None = None

    @property
    def active(self) -> bool:
        return self.state in ("STARTED", "RECONNECTING", "RECONNECTED")

    @property
    def running(self) -> bool:
        """What a status request says (``obs_output_active``): true until the output has fully stopped."""
        return self.active or self.state == "STOPPING"

    @property
    def busy(self) -> bool:
        return self.state != "STOPPED"

    def duration_ms(self) -> int:
        return 0 if self.started is None else int((time.monotonic() - self.started) * 1000)

    def start(self) -> None:
        self.sent = self.frames = self.skipped = 0
        self._announce("STARTING")
        self._task = asyncio.create_task(self._run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._announce("STOPPING")
        asyncio.get_running_loop().call_later(STOP_DELAY, self._stopped)

    def halt(self) -> None:
        """Ends at once, saying nothing (OBS killed)."""
        if self._task is not None:
            self._task.cancel()
        self._close()
        self.state, self.started = "STOPPED", None

    def _stopped(self) -> None:
        self._close()
        self.started = None
        self._announce("STOPPED")

    async def _run(self) -> None:
        await asyncio.sleep(START_DELAY)
        if not await self._open():
            self._stopped()
            return
        self.started = time.monotonic()
        self._announce("STARTED")
        await self._flow()

    async def _flow(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            chunk = int(self.kbps * 125 * TICK)
            if not self._write(chunk):
                if not await self._reconnect(1.0):
                    return
                continue
            self.sent += chunk
            self.frames += int(FPS * TICK)
            self.skipped += round(FPS * TICK * self.drop_rate)

    async def _reconnect(self, wait: float) -> bool:
        """Like OBS: try again every ``wait`` seconds, give up (STOPPED) after RECONNECT_TRIES."""
        self._close()
        self._announce("RECONNECTING")
        for _ in range(RECONNECT_TRIES):
            await asyncio.sleep(wait)
            if await self._open():
                self._announce("RECONNECTED")
                return True
        self._stopped()
        return False

    def _announce(self, state: str, **extra: Any) -> None:
        self.state = state
        data = {"outputActive": self.active, "outputState": PREFIX + state, **extra}
        self._emit(self.event, Intent.OUTPUTS, data)

    # what each output does with its bytes
    async def _open(self) -> bool:
        return True

    def _write(self, chunk: int) -> bool:
        return True

    def _close(self) -> None:
        pass


class SimStream(SimOutput):
    event = "StreamStateChanged"

    def __init__(self, emit: Emit, kbps: int, stream_to: tuple[str, int] | None) -> None:
        super().__init__(emit, kbps)
        self.stream_to = stream_to
        self._sink: asyncio.StreamWriter | None = None

    def drop(self, seconds: float = 1.0) -> None:
        """The network fails: RECONNECTING, and back after ``seconds`` (when the sink, if any, answers)."""
        if self.state in ("STARTED", "RECONNECTED") and self._task is not None:
            self._task.cancel()
            self._task = asyncio.create_task(self._dropped(seconds))

    async def _dropped(self, seconds: float) -> None:
        if await self._reconnect(seconds):
            await self._flow()

    async def _open(self) -> bool:
        if self.stream_to is None:
            return True
        try:
            _reader, self._sink = await asyncio.open_connection(*self.stream_to)
        except OSError:
            return False
        return True

    def _write(self, chunk: int) -> bool:
        if self.stream_to is None:
            return True
        if self._sink is None or self._sink.is_closing():
            return False
        self._sink.write(bytes(chunk))
        return True

    def _close(self) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None


class SimRecord(SimOutput):
    event = "RecordStateChanged"

    def __init__(self, emit: Emit, kbps: int, folder: Path | None) -> None:
        super().__init__(emit, kbps)
        self.folder = folder
        self.path: str | None = None
        self._file: BinaryIO | None = None

    def _announce(self, state: str, **extra: Any) -> None:
        # OBS names the file when the recording has started and when it has stopped
        super()._announce(state, outputPath=self.path if state in ("STARTED", "STOPPED") else None)

    async def _open(self) -> bool:
        name = time.strftime("%Y-%m-%d %H-%M-%S") + ".mkv"
        if self.folder is None:
            self.path = f"(simulated) {name}"
            return True
        self.path = str(self.folder / name)
        return self._create()

    def _create(self) -> bool:
        """The file, kept open while the recording runs (a local file opens at once: no thread)."""
        try:
            self._file = open(self.path or "", "wb")  # noqa: SIM115 - closed by _close
        except OSError:
            return False
        return True

    def _write(self, chunk: int) -> bool:
        if self._file is not None:
            self._file.write(bytes(chunk))
        return True

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
