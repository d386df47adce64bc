"""A simulated Kramer Protocol 3000 matrix: routes, presets, and its error replies.

Options: ``inputs``, ``outputs`` (8 each), ``presets`` (16), ``compact=yes`` to answer errors
without spaces (``~01@VIDERR003``) as some models do.
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


class KramerSim(SimDevice):
    options = frozenset({"inputs", "outputs", "presets", "compact"})

    def reset(self) -> None:
        self.compact = self.endpoint.bool_option("compact")
        self.matrix = Matrix(self.endpoint, presets=16)

    def state(self) -> dict[str, Any]:
        return self.matrix.state()

    def handle(self, session: Session, command: str) -> None:
        session.write(f"~01@{self._answer(command.strip())}\r\n".encode())

    def _answer(self, text: str) -> str:
        match = _COMMAND.match(text)
        if match is None:
            return self._error("", SYNTAX)
        name, params = match.group(1).upper(), match.group(2).strip()
        if not name:
            return " OK"
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
            return f"INFO-PRST VID {self.matrix.presets},AUD 0"
        if name == "MODEL?":
            return f"MODEL {MODEL}"
        return self._error(name, NOT_AVAILABLE)

    def _route(self, name: str, params: str) -> str:
        if not _PAIRS.fullmatch(params.replace(" ", "")):
            return self._error(name, SYNTAX)
        pairs = [tuple(map(int, pair)) for pair in _PAIR.findall(params)]
        if not all(self.matrix.has_input(inp) and self.matrix.has_output(out) for inp, out in pairs):
            return self._error(name, OUT_OF_RANGE)
        for inp, out in pairs:
            self.matrix.tie(inp, out, video=name != "AUD", audio=name != "VID")
        return f"{name} {params} OK"

    def _preset(self, name: str, params: str) -> str:
        if not params.isdigit():
            return self._error(name, SYNTAX)
        number = int(params)
        if not self.matrix.has_preset(number):
            return self._error(name, OUT_OF_RANGE)
        if name == "PRST-STO":
            self.matrix.store(number)
        elif not self.matrix.recall(number):
            return self._error(name, OUT_OF_RANGE)    # P3000 has no "empty preset" code
        return f"{name} {number} OK"

    def _error(self, name: str, code: int) -> str:
        if self.compact:
            return f"{name}ERR{code:03d}"
        return f"{name} ERR {code:03d}" if name else f"ERR {code:03d}"
