"""Capture: every frame a device link sends and receives, written as JSON Lines (docs/captures.md).

    recorder = Recorder(path, url=url, kind="camera", tool="app.py camera")   # OSError: cannot write
    transport = recorder.tap(transport, ends=b"\\xff")                         # before or after the link
    …
    recorder.end(exit=0, output={…})       # what the command line printed, for the regression test
    recorder.wait()                        # by its creator, once the device runtime has stopped

The device loop never waits for the disk: records go through a queue to one writer thread, which
flushes whenever the queue runs dry. The tap (capture_tap.py) records sent bytes as one frame per
``send()``; received bytes on a stream (TCP, serial) are cut after each terminator in ``ends`` (VISCA
``FF``, a wall protocol's line end), with a CR and the LF right after it kept together; datagrams
are one frame each (``ends=b""``). Passwords (``secrets``) are replaced by ``****`` wherever they appear.
"""

from __future__ import annotations

import datetime
import json
import logging
import queue
import socket
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from common.wording import QT_TRANSLATE_NOOP, Phrase
from devices.capture_tap import CapturingTransport
from devices.secrets import mask_url, masked, url_password
from devices.transport.base import ByteTransport

log = logging.getLogger(__name__)

FORMAT = 1  # the header's "capture" field: the version of this format
MASK = b"****"


def cannot_write(path: str | Path, exc: OSError) -> Phrase:
    return QT_TRANSLATE_NOOP("Capture", "cannot write the capture file {path}: {reason}").format(
        path=str(path), reason=exc.strerror or str(exc)
    )


def for_device(path: Path, *, name: str, url: str, kind: str) -> tuple[Recorder | None, Phrase | None]:
    """The console's recorder for a device's ``capture:`` file, or why there is none (the device works
    without it). The file of the last run is kept as ``NAME.previous.jsonl``."""
    try:
        if path.exists():
            path.replace(path.with_name(f"{path.stem}.previous{path.suffix}"))
        return Recorder(
            path,
            url=url,
            kind=kind,
            tool="app.py console",
            text=kind == "wall",
            secrets=[url_password(url) or ""],
        ), None
    except OSError as exc:
        return None, QT_TRANSLATE_NOOP("Capture", "{device}: {problem}; it works without a capture").format(
            device=name, problem=cannot_write(path, exc)
        )


def hex_of(data: bytes) -> str:
    return data.hex(" ").upper()


def tool_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("smartcentre-console")
    except metadata.PackageNotFoundError:
        return "unknown"


class Recorder:
    """One capture file: the header at once (so a path that cannot be written fails here), then
    records from any thread, written by a daemon thread."""

    def __init__(
        self,
        path: str | Path,
        *,
        url: str,
        kind: str,
        tool: str,
        run: list[str] | None = None,
        text: bool = False,
        secrets: Iterable[str] = (),
    ) -> None:
        self.path = Path(path)
        self.error: str | None = None
        self._text = text
        self._secrets = [s.encode("latin-1", "replace") for s in secrets if s]
        self._start = time.monotonic()
        self._queue: queue.SimpleQueue[dict | None] = queue.SimpleQueue()
        started = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        header: dict[str, Any] = {
            "capture": FORMAT,
            "kind": kind,
            "protocol": urlsplit(url).scheme.lower() or kind,
            "url": mask_url(url),
            "tool": tool,
            "version": tool_version(),
            "source": f"recorded by {tool} on {socket.gethostname() or 'this PC'} at {started.isoformat()}",
        }
        if run is not None:
            header["run"] = run
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("w", encoding="utf-8", newline="\n")
        try:
            self._file.write(json.dumps(header, ensure_ascii=False) + "\n")
            self._file.flush()
        except OSError:
            self._file.close()
            raise
        self._closed = False
        self._thread = threading.Thread(
            target=self._write_forever, name=f"capture {self.path.name}", daemon=True
        )
        self._thread.start()

    # --- what is recorded ---------------------------------------------------------------------
    def frame(self, direction: str, data: bytes, at: float | None = None, via: str | None = None) -> None:
        """One frame, ``direction`` ``"tx"`` (to the device) or ``"rx"``; ``at``: its ``time.monotonic()``;
        ``via`` names the connection where one capture holds several (``probe`` tries many at once)."""
        masked = False
        for secret in self._secrets:
            if secret in data:
                data, masked = data.replace(secret, MASK), True
        record: dict[str, Any] = {"t": self._seconds(at), "dir": direction, "hex": hex_of(data)}
        if via is not None:
            record["via"] = via
        if self._text:
            record["text"] = data.decode("latin-1")
        if masked:
            record["masked"] = True
        self._put(record)

    def event(self, name: str, **details: Any) -> None:
        """``up``, ``down`` (with ``why``) of the link, or ``end`` of a command (``exit``, ``output``,
        ``error``)."""
        details = {key: self._masked(value) for key, value in details.items() if value is not None}
        self._put({"t": self._seconds(None), "event": name, **details})

    def _masked(self, value: Any) -> Any:
        """``value`` (JSON data) with every secret in its text replaced by ``****``."""
        return masked(value, [secret.decode("latin-1") for secret in self._secrets])

    def end(self, exit: int, output: Any = None, error: str | None = None) -> None:
        self.event("end", exit=exit, output=output, error=None if error is None else str(error))

    def tap(self, transport: ByteTransport, ends: bytes = b"", via: str | None = None) -> CapturingTransport:
        return CapturingTransport(transport, self, ends, via)

    def _seconds(self, at: float | None) -> float:
        return round((time.monotonic() if at is None else at) - self._start, 6)

    def _put(self, record: dict) -> None:
        if not self._closed:
            self._queue.put(record)

    # --- the writer thread ----------------------------------------------------------------------
    def close(self) -> None:
        """Returns at once; the writer finishes what is queued, then closes the file."""
        if not self._closed:
            self._closed = True
            self._queue.put(None)

    def wait(self, timeout: float = 5.0) -> str | None:
        """Close and wait until the file is complete; the write error, if there was one."""
        self.close()
        self._thread.join(timeout)
        return self.error

    def _write_forever(self) -> None:
        with self._file:
            while True:
                record = self._queue.get()
                lines = []
                while record is not None:
                    lines.append(json.dumps(record, ensure_ascii=False))
                    try:
                        record = self._queue.get_nowait()
                    except queue.Empty:
                        break
                if lines and self.error is None:
                    try:
                        self._file.write("\n".join(lines) + "\n")
                        self._file.flush()
                    except OSError as exc:  # disk full, share gone: the device goes on without it
                        self.error = f"{self.path}: {exc.strerror or exc}"
                        log.warning("capture stopped: %s", self.error)
                if record is None:
                    return
