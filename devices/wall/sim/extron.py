"""A simulated Extron SIS unit: a matrix with global presets, plus Quantum canvases and windows.

Options: ``inputs``, ``outputs`` (8 each), ``presets`` (32), ``canvases`` (2), ``windows`` (16 per
canvas), ``layouts`` (8 stored window layouts per canvas), ``password`` (asked after the Telnet
banner), ``iac=yes`` (start with Telnet option negotiation, as some firmware does), ``refuse=E30:2``
(every tie, preset and window command answered with that error, e.g. a unit with a failed board;
the codes are listed in docs/protocols/extron-sis.md "Error responses").
Commands need no terminator; each ends at its command character (``! % $ & . ,``), at
``I``/``Q``/``N``, or, for ``Esc`` commands, at ``CV`` or a carriage return.
"""

from __future__ import annotations

import re
from typing import Any

from devices.wall.sim.device import Matrix, Session, SimDevice

# The copyright message as the manuals print it: a CR LF before it and after each line.
PART_NUMBER = "60-0000-01"
BANNER = (
    f"\r\n(c) Copyright 2026, Extron Electronics, DXP 88 HDMI (simulated), V1.00, {PART_NUMBER}\r\n"
    "Tue, 01 Dec 2026 08:00:00\r\n"
)
TELNET_NEGOTIATION = bytes((255, 251, 1, 255, 251, 3))  # IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD
TIE_NAMES = {"!": "All", "%": "Vid", "&": "RGB", "$": "Aud"}
ENDS = set("!%$&.,IQN")
_TIE = re.compile(r"(\d+)\*(\d+)([!%$&])")
_READ = re.compile(r"(\d+)([!%$&])")
_WINDOW = re.compile(r"(\d+)\*(\d+)\*(\d+)!")
_LAYOUT = re.compile(r"([13])\*(\d+)\*(\d+)\.")
_PRESET = re.compile(r"(\d+)([.,])")
_VERBOSE = re.compile(r"\x1b(\d)CV")
_ERROR_CODE = re.compile(r"E\d\d(?::\d+)?")


class ExtronSim(SimDevice):
    options = frozenset(
        {"inputs", "outputs", "presets", "canvases", "windows", "layouts", "password", "iac", "refuse"}
    )

    def reset(self) -> None:
        e = self.endpoint
        self.matrix = Matrix(e, presets=32)
        self.canvases = e.int_option("canvases", 2, 0, 10)
        self.windows = e.int_option("windows", 16, 1, 999)
        self.layouts = e.int_option("layouts", 8, 0, 128)
        self.password = e.option("password")
        self.refuse = e.option("refuse")
        if self.refuse is not None and not _ERROR_CODE.fullmatch(self.refuse):
            raise e.error(f"refuse={self.refuse}: name an SIS error code such as E30:2 or E27")
        self.window_sources: dict[tuple[int, int], int] = {}
        self.canvas_layouts: dict[int, int] = {}

    def state(self) -> dict[str, Any]:
        return {
            **self.matrix.state(),
            "windows": dict(self.window_sources),
            "layouts": dict(self.canvas_layouts),
        }

    # --- the wire ----------------------------------------------------------------------------------
    def connect(self, session: Session) -> None:
        super().connect(session)
        session.settings["verbose"] = 0 if session.network else 1
        session.settings["logged_in"] = not (session.network and self.password)
        if session.network:
            if self.endpoint.bool_option("iac"):
                session.write(TELNET_NEGOTIATION)
            session.write(BANNER.encode())
            if self.password:
                session.write(b"\r\nPassword:")

    def receive(self, session: Session, data: bytes) -> None:
        for char in data.decode("latin-1"):
            if not 32 <= ord(char) < 127 and char not in "\r\n\x1b":
                continue  # Telnet answers and other control bytes
            if not session.settings["logged_in"]:
                self._password(session, char)
            elif char in "\r\n":
                if session.buffer:
                    self.command(session, session.buffer)
                session.buffer = ""
            else:
                session.buffer += char
                escape = session.buffer.startswith("\x1b")
                if (escape and session.buffer.endswith("CV")) or (not escape and char in ENDS):
                    self.command(session, session.buffer)
                    session.buffer = ""

    def _password(self, session: Session, char: str) -> None:
        if char not in "\r\n":
            session.buffer += char
            return
        if not session.buffer:
            return
        if session.buffer == self.password:
            session.settings["logged_in"] = True
            session.write(b"\r\nLogin Administrator\r\n")
        else:
            session.write(b"\r\nPassword:")
        session.buffer = ""

    def handle(self, session: Session, command: str) -> None:
        session.write(f"{self._answer(session, command)}\r\n".encode())

    # --- commands ------------------------------------------------------------------------------------
    def _answer(self, session: Session, text: str) -> str:
        if match := _VERBOSE.fullmatch(text):
            session.settings["verbose"] = int(match.group(1))
            return f"Vrb{match.group(1)}"
        if text == "I":
            size = f"{self.matrix.inputs}X{self.matrix.outputs}"
            return f"V{size} A{size}"
        if text == "Q":
            return "1.00"
        if text == "N":
            return PART_NUMBER
        changes = (_WINDOW, _LAYOUT, _TIE, _PRESET)
        if self.refuse and any(pattern.fullmatch(text) for pattern in changes):
            return self.refuse
        if match := _WINDOW.fullmatch(text):
            return self._window(*map(int, match.groups()))
        if match := _LAYOUT.fullmatch(text):
            return self._layout(int(match.group(2)), int(match.group(3)))
        if match := _TIE.fullmatch(text):
            return self._tie(session, int(match.group(1)), int(match.group(2)), match.group(3))
        if match := _READ.fullmatch(text):
            output = int(match.group(1))
            if not self.matrix.has_output(output):
                return "E12"
            return f"{(self.matrix.audio if match.group(2) == '$' else self.matrix.video)[output]:02d}"
        if match := _PRESET.fullmatch(text):
            return self._preset(int(match.group(1)), save=match.group(2) == ",")
        return "E10"

    def _tie(self, session: Session, source: int, output: int, kind: str) -> str:
        if not self.matrix.has_input(source):
            return "E01"
        if not self.matrix.has_output(output):
            return "E12"
        self.matrix.tie(source, output, video=kind != "$", audio=kind in "!$")
        answer = f"Out{output:02d} In{source:02d} {TIE_NAMES[kind]}"
        self.broadcast(
            f"{answer}\r\n".encode(), besides=session, wants=lambda s: s.settings["verbose"] in (1, 3)
        )
        return answer

    def _preset(self, number: int, save: bool) -> str:
        if not self.matrix.has_preset(number):
            return "E11"
        if save:
            self.matrix.store(number)
            return f"Spr{number:02d}"
        return (
            f"Rpr{number:02d}" if self.matrix.recall(number) else "E11"
        )  # E11 also for a preset never saved

    def _window(self, canvas: int, window: int, source: int) -> str:
        if not 1 <= canvas <= self.canvases or not 1 <= window <= self.windows:
            return "E13"
        if not (self.matrix.has_input(source) or 1000 <= source <= 9999):
            return "E01"
        self.window_sources[(canvas, window)] = source
        return f"Cnv{canvas:02d} Win{window:03d} In{source:04d}"

    def _layout(self, canvas: int, preset: int) -> str:
        if not 0 <= canvas <= self.canvases:
            return "E13"
        if not 1 <= preset <= self.layouts:
            return "E11"
        for each in range(1, self.canvases + 1) if canvas == 0 else (canvas,):
            self.canvas_layouts[each] = preset
        return f"Rpr{canvas:02d}*{preset:03d}"
