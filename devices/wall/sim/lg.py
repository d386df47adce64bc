"""Simulated LG signage displays: power, input, tile mode and software version (``fz FF``),
answering ``a 01 OK01x`` / ``NG00x``.

Options: ``set_id`` (1; commands for other IDs are ignored, ID 0 is obeyed without an answer),
``set_ids`` (e.g. ``1,2,3,4``: a daisy chain of displays on one line, each answering only for its
own Set ID; replaces ``set_id``), ``input_codes`` (comma-separated hex codes they accept; default
90,91,92,93,C0,E0). The state of one display is its settings; that of a chain is keyed by Set ID.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from devices.wall.sim.device import Session, SimDevice

_COMMAND = re.compile(r"([a-z])([a-z])\s+([0-9A-Fa-f]{1,3})\s+([0-9A-Fa-f]{2})$")
DEFAULT_CODES = "90,91,92,93,C0,E0"
SOFTWARE_VERSION = "031015"
MAX_SET_ID = 0x3E8
READ = "FF"


@dataclass
class Display:
    power: bool = True
    input: str = "90"
    tile: str = "00"  # columns digit, rows digit; 00 = tile mode off


class LgSim(SimDevice):
    options = frozenset({"set_id", "set_ids", "input_codes"})
    line_ends = "\r"

    def reset(self) -> None:
        self.displays = {set_id: Display() for set_id in self._set_ids()}
        codes = self.endpoint.option("input_codes", DEFAULT_CODES) or DEFAULT_CODES
        self.input_codes = {code.strip().upper() for code in codes.split(",")}

    def _set_ids(self) -> list[int]:
        listed = self.endpoint.option("set_ids")
        if listed is None:
            return [self.endpoint.int_option("set_id", 1, 1, MAX_SET_ID)]
        try:
            set_ids = [int(part) for part in listed.split(",")]
        except ValueError:
            set_ids = []
        if not set_ids or not all(1 <= set_id <= MAX_SET_ID for set_id in set_ids):
            raise self.endpoint.error(f"set_ids={listed}: list Set IDs 1–{MAX_SET_ID}, e.g. 1,2,3,4")
        return set_ids

    def state(self) -> dict[Any, Any]:
        states = {
            set_id: {"power": d.power, "input": d.input, "tile": d.tile, "set_id": set_id}
            for set_id, d in self.displays.items()
        }
        return next(iter(states.values())) if len(states) == 1 else states

    def handle(self, session: Session, command: str) -> None:
        match = _COMMAND.match(command.strip())
        if match is None:
            return  # not a command: a display stays silent
        cmd1, cmd2, set_id, data = match.groups()
        target = int(set_id, 16)
        for number, display in self.displays.items():
            if target in (0, number):
                verdict, value = self._apply(display, cmd1 + cmd2, data.upper())
                if target != 0:
                    session.write(f"{cmd2} {number:02X} {verdict}{value}x".encode())

    def _apply(self, display: Display, command: str, data: str) -> tuple[str, str]:
        if command == "ka":
            if data != READ:
                if data not in ("00", "01"):
                    return "NG", "00"
                display.power = data == "01"
            return "OK", "01" if display.power else "00"
        if command == "xb":
            if data != READ:
                if data not in self.input_codes:
                    return "NG", "00"
                display.input = data
            return "OK", display.input
        if command == "fz" and data == READ:
            return "OK", SOFTWARE_VERSION
        if command == "dd":
            if data != READ:
                display.tile = data
            return "OK", display.tile
        return "NG", "00"
