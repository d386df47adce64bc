"""Cutting a device's byte stream into replies, and the Telnet layer some devices add.

``Framer`` ends a reply at any of its terminator bytes: CR or LF for Kramer, Extron and most
text protocols (``\\r\\n`` then gives one reply, not an empty one too), ``x`` for LG displays.
A prompt such as ``Password:`` ends without a terminator, so prompts the device may print are
recognised at the end of the buffer. Whitespace around a reply is dropped.
"""
from __future__ import annotations

MAX_REPLY = 4096          # a device that never sends a terminator must not grow the buffer forever

IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240


class Framer:
    def __init__(self, terminators: bytes = b"\r\n", prompts: tuple[bytes, ...] = ()) -> None:
        if not terminators:
            raise ValueError("a framer needs at least one terminator byte")
        self.terminators = terminators
        self.prompts = prompts
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        frames: list[bytes] = []
        for byte in data:
            if byte in self.terminators:
                self._flush(frames)
            else:
                self._buffer.append(byte)
                if len(self._buffer) >= MAX_REPLY or self._ends_with_prompt():
                    self._flush(frames)
        return frames

    def reset(self) -> None:
        self._buffer.clear()

    def _ends_with_prompt(self) -> bool:
        return any(self._buffer.endswith(prompt) for prompt in self.prompts)

    def _flush(self, frames: list[bytes]) -> None:
        frame = bytes(self._buffer).strip()
        self._buffer.clear()
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
        for byte in data:
            state = self._state
            if state == "data":
                if byte == IAC:
                    self._state = "iac"
                else:
                    text.append(byte)
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
                if byte == IAC:
                    self._state = "sub-iac"
            elif state == "sub-iac":
                self._state = "data" if byte == SE else "sub"
        return bytes(text), bytes(answers)
