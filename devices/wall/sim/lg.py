"""A simulated LG signage display: power, input and tile mode, answering ``a 01 OK01x`` / ``NG00x``.

Options: ``set_id`` (1; commands for other IDs are ignored, ID 0 is obeyed without an answer),
``input_codes`` (comma-separated hex codes it accepts; default 90,91,92,93,C0,E0).
"""
from __future__ import annotations

import re
from typing import Any

from devices.wall.sim.device import Session, SimDevice

_COMMAND = re.compile(r"([a-z])([a-z])\s+([0-9A-Fa-f]{1,3})\s+([0-9A-Fa-f]{2})$")
DEFAULT_CODES = "90,91,92,93,C0,E0"
READ = "FF"


class LgSim(SimDevice):
    options = frozenset({"set_id", "input_codes"})
    line_ends = "\r"

    def reset(self) -> None:
        self.set_id = self.endpoint.int_option("set_id", 1, 1, 0x3E8)
        codes = self.endpoint.option("input_codes", DEFAULT_CODES) or DEFAULT_CODES
        self.input_codes = {code.strip().upper() for code in codes.split(",")}
        self.power = True
        self.input = "90"
        self.tile = "00"       # columns digit, rows digit; 00 = tile mode off

    def state(self) -> dict[str, Any]:
        return {"power": self.power, "input": self.input, "tile": self.tile, "set_id": self.set_id}

    def handle(self, session: Session, command: str) -> None:
        match = _COMMAND.match(command.strip())
        if match is None:
            return                      # not a command: a display stays silent
        cmd1, cmd2, set_id, data = match.groups()
        target = int(set_id, 16)
        if target not in (0, self.set_id):
            return
        verdict, value = self._apply(cmd1 + cmd2, data.upper())
        if target != 0:
            session.write(f"{cmd2} {self.set_id:02X} {verdict}{value}x".encode())

    def _apply(self, command: str, data: str) -> tuple[str, str]:
        if command == "ka":
            if data != READ:
                if data not in ("00", "01"):
                    return "NG", "00"
                self.power = data == "01"
            return "OK", "01" if self.power else "00"
        if command == "xb":
            if data != READ:
                if data not in self.input_codes:
                    return "NG", "00"
                self.input = data
            return "OK", self.input
        if command == "dd":
            if data != READ:
                self.tile = data
            return "OK", self.tile
        return "NG", "00"
