"""A camera that answers as a capture shows (``simulate camera --replay FILE``; docs/captures.md).

``ReplayCamera`` stands in for the simulated ``ViscaDevice`` in the listeners of ``ip_servers``
(and for the whole ``SerialChain`` on a pseudo-terminal): one VISCA packet in, the recorded
replies out after their recorded delays. Requests are VISCA packets whatever the wiring, so a
capture made over one kind of network replays on another; on Sony VISCA over IP the listener
keeps doing RESET, sequence numbers and the sequence-error notice itself.

Pairing replies with requests: Sony datagrams by sequence number. Header-less VISCA by what each
reply is (docs/protocols/visca.md "Replies and errors"): an ACK answers the oldest unanswered
command and names its socket; a completion or error with that socket ends it; an inquiry answer goes
to the oldest unanswered inquiry; anything else (a network change) to the request sent last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from devices.replay import Capture, Exchange, Player, Script
from devices.visca import ipframe
from devices.visca.sim import protocol
from devices.visca.sim.framing import BROADCAST, split_packets

Send = Callable[[bytes, Any], None]
COMMAND, INQUIRY = 0x01, 0x09


def script_for(capture: Capture) -> Script:
    if capture.kind != "camera":
        raise ValueError(f"{capture.path.name} is a {capture.kind} capture, not a camera's")
    tx = [frame for frame in capture.frames if frame.direction == "tx"]
    if capture.protocol == "visca+udp" and tx and all(ipframe.unpack(frame.data) for frame in tx):
        return _pair_sony(capture)
    return _pair_raw(capture)


def _pair_sony(capture: Capture) -> Script:
    script = Script()
    by_seq: dict[int, Exchange] = {}
    for frame in capture.frames:
        datagram = ipframe.unpack(frame.data)
        if datagram is None:
            continue
        if frame.direction == "tx" and datagram.payload_type in (
            ipframe.PayloadType.COMMAND,
            ipframe.PayloadType.INQUIRY,
            ipframe.PayloadType.DEVICE_SETTING,
        ):
            known = by_seq.get(datagram.seq)
            if known is None or known.request != datagram.payload or known.replies:  # else a resend
                by_seq[datagram.seq] = script.add(Exchange(datagram.payload, frame.t))
        elif frame.direction == "rx" and datagram.payload_type == ipframe.PayloadType.REPLY:
            exchange = by_seq.get(datagram.seq)
            if exchange is not None:
                exchange.add(frame.t, datagram.payload)
    return script


def _pair_raw(capture: Capture) -> Script:
    script = Script()
    waiting: list[Exchange] = []  # no reply yet, oldest first
    sockets: dict[int, Exchange] = {}  # acknowledged commands, by socket
    last: Exchange | None = None
    start = capture.ups[0] if capture.ups else 0.0
    for frame in capture.frames:
        for packet in split_packets(frame.data):
            if frame.direction == "tx":
                last = script.add(Exchange(packet, frame.t))
                waiting.append(last)
                continue
            owner = _owner(packet, waiting, sockets) or last
            if owner is None:
                script.greeting.append((max(0.0, frame.t - start), packet))
            else:
                owner.add(frame.t, packet)
    return script


def _owner(reply: bytes, waiting: list[Exchange], sockets: dict[int, Exchange]) -> Exchange | None:
    kind, socket = reply[1] & 0xF0, reply[1] & 0x0F
    if reply[0] == BROADCAST:  # Address Set answer, IF_Clear coming round the chain
        return _take(waiting, lambda e: e.request[0] == BROADCAST)
    if reply in (e.request for e in waiting):  # a packet for nobody comes back round the chain
        return _take(waiting, lambda e: e.request == reply)
    if kind == 0x40:
        owner = _take(waiting, lambda e: e.request[1] == COMMAND)
        if owner is not None:
            sockets[socket] = owner
        return owner
    if kind in (0x50, 0x60) and socket and socket in sockets:
        return sockets.pop(socket)
    if kind == 0x50:
        return _take(waiting, lambda e: e.request[1] == INQUIRY) or _take(waiting, lambda e: True)
    if kind == 0x60:
        return _take(waiting, lambda e: True)
    return None


def _take(waiting: list[Exchange], wanted: Callable[[Exchange], bool]) -> Exchange | None:
    for exchange in waiting:
        if wanted(exchange):
            waiting.remove(exchange)
            return exchange
    return None


class ReplayCamera:
    """One packet in, the capture's answer out; stands in for ``ViscaDevice`` or a ``SerialChain``."""

    def __init__(self, script: Script, send: Send, address: int = 1) -> None:
        self.script = script
        self.address = address
        self.received: list[bytes] = []
        self.unknown: list[bytes] = []
        self._send = send
        self._player = Player()

    @property
    def cameras(self) -> list[ReplayCamera]:
        return [self]

    def handle(self, packet: bytes, origin: Any = None) -> None:
        self.received.append(packet)
        exchange = self.script.answer(packet)
        if exchange is not None:
            self._player.play(exchange.replies, lambda reply: self._send(reply, origin))
            return
        self.unknown.append(packet)
        if packet[0] == BROADCAST:
            self._send(packet, origin)  # nobody on the chain takes it: it comes back
        else:
            self._send(protocol.error(packet[0] & 0x07 or self.address, 0, protocol.ERROR_SYNTAX), origin)

    def receive(self, packet: bytes) -> None:
        """A packet from the serial line (the chain's entry point)."""
        self.handle(packet)

    def announce(self) -> None:
        """What the capture shows the line saying before the first request (a network change)."""
        self._player.play(self.script.greeting, lambda data: self._send(data, None))

    def state(self) -> dict[str, Any]:
        return {
            "replayed": len(self.received) - len(self.unknown),
            "unknown": [p.hex(" ") for p in self.unknown],
        }

    def clear_sockets(self) -> None:
        pass

    def restart(self) -> None:
        self._player.clear()

    def close(self) -> None:
        self._player.clear()


def replay_device(capture: Capture) -> Callable[[Send, int], ReplayCamera]:
    """What ``start_simulator(url, device=…)`` builds its camera (or chain) with."""
    script = script_for(capture)
    return lambda send, address: ReplayCamera(script, send, address or 1)
