"""Cutting a byte stream (TCP, serial line, raw datagram) into VISCA packets
(docs/protocols/visca.md "Framing a byte stream")."""

from __future__ import annotations

from devices.visca.sim.protocol import TERMINATOR

BROADCAST = 0x88
MAX_PACKET = 32  # room for the length error (> 16 bytes); anything longer without FF is noise


class PacketSplitter:
    """Skips bytes until a header (bit 7 set), ends a packet at FF; keeps a partial packet."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        packets: list[bytes] = []
        buffer = self._buffer
        for byte in data:
            if not buffer and (not byte & 0x80 or byte == TERMINATOR):
                continue
            buffer.append(byte)
            if byte == TERMINATOR:
                packets.append(bytes(buffer))
                buffer.clear()
            elif len(buffer) > MAX_PACKET:
                buffer.clear()
        return packets


def split_packets(datagram: bytes) -> list[bytes]:
    return PacketSplitter().feed(datagram)
