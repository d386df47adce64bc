"""Third-party clients of the wall protocols, made safe to use as test peers of the simulators.

- pyextron 0.0.1 (Extron SIS over Telnet) always dials port 23 and reads without a timeout (it
  spins on ``read_very_eager`` until a CR LF comes). ``ExtronPeer`` hands it a Telnet that dials the
  simulator's port, and runs every call in a thread with a deadline: past it the socket is shut
  down, which ends the read (EOFError) and the thread, and the test fails instead of hanging.
- lg-rs232-tv 1.3.1 (LG RS-232, asyncio, on serialx) declares Requires-Python >=3.12, so pip
  will not install it on 3.10/3.11 although its code runs there (it is pure Python). On 3.12+ the
  ``test`` extra installs it; below that ``load_lg_rs232_tv`` fetches the same pinned wheel with
  ``pip download``, checks its SHA-256 and imports it from the wheel file (a zip on sys.path).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import socket
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import platformdirs

DEADLINE = 5.0
LG_WHEEL = "lg_rs232_tv-1.3.1-py3-none-any.whl"
LG_WHEEL_SHA256 = "a38175e6f43f4e2e618be7fb5dcdcf550be8503ba88cd56a22f1e6739fcd97b8"


def load_lg_rs232_tv() -> ModuleType:
    try:
        return importlib.import_module("lg_rs232_tv")
    except ImportError:
        if sys.version_info >= (3, 12):
            raise  # the test extra installs it: a missing one is a broken install, not a skip
    folder = Path(platformdirs.user_cache_dir("smartcentre-console")) / "test-peers"
    wheel = folder / LG_WHEEL
    if not wheel.exists() or _sha256(wheel) != LG_WHEEL_SHA256:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--only-binary=:all:",
                "--python-version",
                "3.12",
                "--dest",
                str(folder),
                "lg-rs232-tv==1.3.1",
            ],
            check=True,
            timeout=180,
        )
    if _sha256(wheel) != LG_WHEEL_SHA256:
        raise RuntimeError(f"{wheel} is not the lg-rs232-tv 1.3.1 wheel (SHA-256 differs)")
    sys.path.insert(0, str(wheel))
    return importlib.import_module("lg_rs232_tv")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class ExtronPeer:
    """pyextron's synchronous controller (``mav88``), connected to ``url`` (``extron+tcp://HOST:PORT``)."""

    def __init__(self, url: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # telnetlib, deprecated since 3.11
            import telnetlib

            import pyextron
        parts = urlsplit(url)
        self._telnets: list[Any] = []
        peer = self

        class SimulatorTelnet(telnetlib.Telnet):
            def __init__(self, _host: str) -> None:
                super().__init__()
                peer._telnets.append(self)

            def open(self, _host: str, _port: int = 0, timeout: float = DEADLINE) -> None:
                super().open(parts.hostname, parts.port, DEADLINE)

        self._module = pyextron
        self._original = pyextron.Telnet
        pyextron.Telnet = SimulatorTelnet
        try:
            self.amp = self.call(pyextron.get_amp_controller, "mav88", parts.hostname)
        finally:
            pyextron.Telnet = self._original

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in a thread; fails the test after ``DEADLINE`` seconds, never hangs it."""
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                outcome["result"] = fn(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the test thread
                outcome["error"] = exc

        thread = threading.Thread(target=run, name="pyextron", daemon=True)
        thread.start()
        thread.join(DEADLINE)
        if thread.is_alive():
            self.close()
            thread.join(DEADLINE)
            raise AssertionError(
                f"pyextron: {getattr(fn, '__name__', fn)} got no complete answer within {DEADLINE:g} s"
            )
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("result")

    def close(self) -> None:
        for telnet in self._telnets:
            if telnet.sock is not None:
                with contextlib.suppress(OSError):
                    telnet.sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked in select()
            telnet.close()
