"""A simulated Kramer Protocol 3000 matrix: routes, presets, what it says it is, and its error replies.

Options: ``inputs``, ``outputs`` (8 each), ``presets`` (16); how the unit answers
(docs/protocols/kramer-p3000.md "Device message forms"):
``compact=yes`` errors without spaces (``~01@VIDERR003``); ``sender_id=no`` no ``01@`` after the
``~`` (``~OK``, ``~VID 1>2 OK``), as older units' tables print it; ``lowercase=yes`` ``ok`` / ``err``
as the VS-44H2A manual prints them; ``video_only=yes`` a video-only matrix: ``#AV``, ``#AUD`` and
``#AUD?`` are answered ``ERR 002``; ``lacks=MODEL?,VERSION?`` other commands the unit does not
have (answered ``ERR 002``); ``model=NAME`` what ``#MODEL?`` says.
"""

from __future__ import annotations

import re
from typing import Any

from devices.wall.sim.device import Matrix, Session, SimDevice

SYNTAX, NOT_AVAILABLE, OUT_OF_RANGE = 1, 2, 3
_COMMAND = re.compile(r"#(?:\d+@)?\s*(\S*)\s*(.*)$")
_PAIR = re.compile(r"(\d+)>(\d+)")
_PAIRS = re.compile(r"\d+>\d+(?:,\d+>\d+)*")
MODEL = "VS-88UT (simulated)"
VERSION = "1.12.0003"
AUDIO_COMMANDS = frozenset({"AV", "AUD", "AUD?", "AV?"})


class KramerSim(SimDevice):
    options = frozenset(
        {"inputs", "outputs", "presets", "compact", "sender_id", "lowercase", "video_only", "lacks", "model"}
    )

    def reset(self) -> None:
        e = self.endpoint
        self.compact = e.bool_option("compact")
        self.sender = "01@" if e.bool_option("sender_id", True) else ""
        self.lowercase = e.bool_option("lowercase")
        lacks = {name.strip().upper() for name in (e.option("lacks") or "").split(",") if name.strip()}
        self.lacks = lacks | (AUDIO_COMMANDS if e.bool_option("video_only") else set())
        self.model = e.option("model") or MODEL
        self.matrix = Matrix(e, presets=16)

    def state(self) -> dict[str, Any]:
        return self.matrix.state()

    def handle(self, session: Session, command: str) -> None:
        session.write(f"~{self.sender}{self._answer(command.strip())}\r\n".encode())

    def _answer(self, text: str) -> str:
        match = _COMMAND.match(text)
        if match is None:
            return self._error("", SYNTAX)
        name, params = match.group(1).upper(), match.group(2).strip()
        if not name:
            return self._ok(" " if self.sender else "")
        if name in self.lacks:
            return self._error(name, NOT_AVAILABLE)
        if name in ("VID", "AUD", "AV"):
            return self._route(name, params)
        if name in ("VID?", "AUD?", "AV?"):
            table = self.matrix.audio if name == "AUD?" else self.matrix.video
            pairs = ",".join(f"{table[out]}>{out}" for out in sorted(table))
            return f"{name[:-1]} {pairs}"
        if name in ("PRST-STO", "PRST-RCL"):
            return self._preset(name, params)
        if name == "INFO-IO?":
            return f"INFO-IO IN {self.matrix.inputs},OUT {self.matrix.outputs}"
        if name == "INFO-PRST?":
            return (
                f"INFO-PRST VID {self.matrix.presets},AUD {0 if 'AUD' in self.lacks else self.matrix.presets}"
            )
        if name == "MODEL?":
            return f"MODEL {self.model}"
        if name == "VERSION?":
            return f"VERSION {VERSION}"
        return self._error(name, NOT_AVAILABLE)

    def _route(self, name: str, params: str) -> str:
        if not _PAIRS.fullmatch(params.replace(" ", "")):
            return self._error(name, SYNTAX)
        pairs = [tuple(map(int, pair)) for pair in _PAIR.findall(params)]
        if not all(self.matrix.has_input(inp) and self.matrix.has_output(out) for inp, out in pairs):
            return self._error(name, OUT_OF_RANGE)
        for inp, out in pairs:
            self.matrix.tie(inp, out, video=name != "AUD", audio=name != "VID")
        return self._ok(f"{name} {params} ")

    def _preset(self, name: str, params: str) -> str:
        if not params.isdigit():
            return self._error(name, SYNTAX)
        number = int(params)
        if not self.matrix.has_preset(number):
            return self._error(name, OUT_OF_RANGE)
        if name == "PRST-STO":
            self.matrix.store(number)
        elif not self.matrix.recall(number):
            return self._error(name, OUT_OF_RANGE)  # P3000 has no "empty preset" code
        return self._ok(f"{name} {number} ")

    def _ok(self, echo: str) -> str:
        return echo + ("ok" if self.lowercase else "OK")

    def _error(self, name: str, code: int) -> str:
        err = "err" if self.lowercase else "ERR"
        if self.compact:
            return f"{name}{err}{code:03d}"
        return f"{name} {err} {code:03d}" if name else f"{err} {code:03d}"
