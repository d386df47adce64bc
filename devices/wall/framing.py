"""Cutting a device's byte stream into replies, and the Telnet layer some devices add.

``Framer`` ends a reply at any of its terminator bytes: CR or LF for Kramer, Extron and most
text protocols (``\\r\\n`` then gives one reply, not an empty one too), ``x`` for LG displays.
A prompt such as ``Password:`` ends without a terminator, so prompts the device may print are
recognised at the end of the buffer. Whitespace around a reply is dropped.

Both layers do their work in C (``re.split``, ``bytes.find``) plus a constant per reply or Telnet
command, so a line full of garbage costs O(bytes) and never grows a buffer past MAX_REPLY.
"""

from __future__ import annotations

import re

MAX_REPLY = 4096  # a device that never sends a terminator must not grow the buffer forever

IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
_IAC = bytes((IAC,))


class Framer:
    def __init__(self, terminators: bytes = b"\r\n", prompts: tuple[bytes, ...] = ()) -> None:
        if not terminators:
            raise ValueError("a framer needs at least one terminator byte")
        self.terminators = terminators
        self.prompts = prompts
        self._ends = re.compile(b"[" + re.escape(terminators) + b"]")
        self._buffer = b""

    def feed(self, data: bytes) -> list[bytes]:
        frames: list[bytes] = []
        *lines, rest = self._ends.split(self._buffer + bytes(data))
        for line in lines:
            self._flush(self._cut(line, frames), frames)
        self._buffer = self._cut(rest, frames)
        return frames

    def reset(self) -> None:
        self._buffer = b""

    def _cut(self, text: bytes, frames: list[bytes]) -> bytes:
        """Frames ended inside ``text`` (which holds no terminator): after a prompt, or MAX_REPLY bytes
        without an end; returns the rest."""
        while True:
            ends = [at + len(prompt) for prompt in self.prompts if (at := text.find(prompt)) >= 0]
            end = min([*ends, MAX_REPLY]) if ends or len(text) >= MAX_REPLY else None
            if end is None:
                return text
            self._flush(text[:end], frames)
            text = text[end:]

    @staticmethod
    def _flush(text: bytes, frames: list[bytes]) -> None:
        frame = text.strip()
        if frame:
            frames.append(frame)


class TelnetFilter:
    """Removes Telnet commands from a stream and refuses every option the server offers.

    Extron units speak Telnet on port 23; most send no negotiation at all, but a client must not
    take ``IAC`` sequences for reply text. Answers (``IAC DONT``/``IAC WONT``) go back at once.
    """

    def __init__(self) -> None:
        self._state = "data"
        self._command = 0

    def reset(self) -> None:
        self._state = "data"

    def feed(self, data: bytes) -> tuple[bytes, bytes]:
        """Returns (text without Telnet commands, answers to send to the server)."""
        text = bytearray()
        answers = bytearray()
        position, size = 0, len(data)
        while position < size:
            if self._state in ("data", "sub"):  # skip to the next IAC in C
                found = data.find(_IAC, position)
                end = size if found < 0 else found
                if self._state == "data":
                    text += data[position:end]
                position = end
                if found < 0:
                    break
            byte = data[position]
            position += 1
            state = self._state
            if state == "data":
                self._state = "iac"
            elif state == "iac":
                if byte == IAC:
                    text.append(IAC)
                    self._state = "data"
                elif byte in (WILL, WONT, DO, DONT):
                    self._command = byte
                    self._state = "option"
                elif byte == SB:
                    self._state = "sub"
                else:
                    self._state = "data"
            elif state == "option":
                if self._command == WILL:
                    answers += bytes((IAC, DONT, byte))
                elif self._command == DO:
                    answers += bytes((IAC, WONT, byte))
                self._state = "data"
            elif state == "sub":
                self._state = "sub-iac"
            elif state == "sub-iac":
                self._state = "data" if byte == SE else "sub"
        return bytes(text), bytes(answers)
