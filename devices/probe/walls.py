"""Looking for matrix switchers and displays: Kramer Protocol 3000, Extron SIS, LG displays.

Each protocol gets one identifying question, and only a reply of that protocol's own form counts
(parsed by the wall driver): Kramer answers ``#`` with ``~01@ OK``, Extron greets with its copyright
banner and answers ``Q`` with a firmware number or ``E10``, an LG display answers ``ka 01 FF`` with
``a 01 OK01x``. Then a few queries describe what was found. Nothing that routes, recalls, stores or
switches is ever sent; on a serial line each try starts with a lone CR, which ends whatever an
earlier try left in the device's input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from devices.capture import Recorder
from devices.probe.findings import Finding, Place, Result, shown
from devices.probe.wires import TextWire, connected, is_text_form
from devices.wall import drivers, extron, kramer, lg
from devices.wall.protocol import Command, Reply, ReplyKind

QUIET = 0.1  # a reply to the lone CR, or the end of a banner, has arrived by then
MAX_SET_IDS = 25  # LG Set IDs asked in turn, from 1, while displays answer
PASSWORD_PLACEHOLDER = "…"
_EXTRON_BANNER = re.compile(r"(?i)extron")

Wanted = Callable[[Reply], bool]
Query = tuple[str, bytes, Wanted]  # name, bytes to send, the reply that answers it


async def probe_wall(
    family: str, place: Place, timeout: float, capture: Recorder | None = None
) -> list[Finding]:
    """``family`` at ``place``: over TCP, or on a serial port at its baud rate."""
    scheme, where, url = place.scheme(family), str(place), place.url(place.scheme(family))
    endpoint = drivers.parse(url)
    protocol = drivers.make_protocol(endpoint)
    transport = drivers.make_transport(endpoint, protocol)
    if capture is not None:
        transport = capture.tap(transport, ends=protocol.framer().terminators, via=url)
    wire = TextWire(transport, protocol, telnet=protocol.greets)
    try:
        await transport.open()
        why = await connected(transport, timeout)
        if why:
            return [Finding(scheme, where, Result.NO_CONNECTION, note=why)]
        if place.serial:
            transport.send(b"\r")
            await wire.settle(QUIET, timeout)
        found = await QUESTIONS[family](wire, place, timeout)
    finally:
        await transport.close()
    if found:
        return found
    if wire.heard:
        return [Finding(scheme, where, Result.OTHER, heard=shown(bytes(wire.heard)))]
    return [Finding(scheme, where, Result.SILENT)]


@dataclass
class _Asked:
    answers: dict[str, Reply] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)
    rtt: float | None = None  # the round trip of the first reply

    def facts(self, *names: str) -> dict:
        return {
            key: value
            for reply in self.answers.values()
            for key, value in reply.facts.items()
            if not names or key in names
        }

    def finding(
        self,
        scheme: str,
        where: str,
        url: str,
        model: str | None,
        firmware: str | None = None,
        **facts: object,
    ) -> Finding:
        return Finding(
            scheme,
            where,
            Result.ANSWERED,
            url,
            model,
            firmware,
            self.rtt,
            tuple(self.refused),
            tuple(self.silent),
            facts,
        )


async def _ask(
    wire: TextWire, queries: Sequence[Query], timeout: float, asked: _Asked | None = None
) -> _Asked:
    """Each query in turn; what answered, what was refused, what got no answer."""
    asked = asked or _Asked()
    for name, data, wanted in queries:
        reply, rtt = await wire.ask(data, wanted, timeout)
        if reply is None:
            asked.silent.append(name)
            continue
        asked.rtt = asked.rtt if asked.rtt is not None else rtt
        if reply.kind is ReplyKind.ERROR:
            asked.refused.append(name)
        else:
            asked.answers[name] = reply
    return asked


def _answering(*keys: str) -> Wanted:
    """A reply that answers a query with these keys, or an error (the driver's own rule)."""
    return Command(b"", "", keys).answered_by


# --- Kramer Protocol 3000 -------------------------------------------------------------------------

KRAMER_QUERIES: tuple[Query, ...] = tuple(
    (name, data, _answering(key, f"{key}?"))
    for name, data, key in (
        ("model", kramer.model_query(), "MODEL"),
        ("version", kramer.version_query(), "VERSION"),
        ("size", kramer.size_query(), "INFO-IO"),
        ("presets", kramer.preset_count_query(), "INFO-PRST"),
    )
)


async def _kramer(wire: TextWire, place: Place, timeout: float) -> list[Finding] | None:
    handshake, rtt = await wire.ask(kramer.handshake(), is_text_form, timeout)
    if handshake is None:
        return None
    asked = await _ask(wire, KRAMER_QUERIES, timeout, _Asked(rtt=rtt))
    scheme = place.scheme("kramer")
    said = asked.facts("model", "firmware")
    return [
        asked.finding(
            scheme,
            str(place),
            place.url(scheme),
            said.get("model"),
            said.get("firmware"),
            **asked.facts("inputs", "outputs", "presets"),
        )
    ]


# --- Extron SIS -----------------------------------------------------------------------------------


def _extron_form(reply: Reply) -> bool:
    return reply.kind is ReplyKind.ERROR or reply.key in ("Q", "I")


EXTRON_QUERIES: tuple[Query, ...] = (
    ("firmware", extron.firmware_query(), _extron_form),
    ("part number", extron.part_number_query(), is_text_form),  # asked once Q or the banner showed an Extron
    ("size", extron.size_query(), _extron_form),
)


async def _extron(wire: TextWire, place: Place, timeout: float) -> list[Finding] | None:
    scheme = place.scheme("extron")
    # Telnet: a banner, maybe a password prompt
    if not place.serial and await wire.listen(lambda reply: True, timeout) is not None:
        await wire.settle(QUIET, timeout)
    banner = next((reply.text for reply in wire.replies if _EXTRON_BANNER.search(reply.text)), None)
    model = next((reply.facts["model"] for reply in wire.replies if "model" in reply.facts), None)
    if any(reply.kind is ReplyKind.PROMPT for reply in wire.replies):
        if banner is None:
            return None  # some other device's login
        return [
            Finding(
                scheme,
                str(place),
                Result.PASSWORD,
                place.url(scheme, password=PASSWORD_PLACEHOLDER),
                model,
                note="the device asks for a password; put it in the URL",
            )
        ]
    asked = await _ask(wire, EXTRON_QUERIES[:1], timeout)
    if asked.rtt is None and banner is None:
        return None
    await _ask(wire, EXTRON_QUERIES[1:], timeout, asked)
    part = asked.answers.get("part number")
    part_number = part and part.facts.get("part_number", part.text)
    facts = {**asked.facts("inputs", "outputs"), **({"part_number": part_number} if part else {})}
    return [
        asked.finding(
            scheme,
            str(place),
            place.url(scheme),
            model or (f"part {part_number}" if part else None),
            asked.facts("firmware").get("firmware"),
            **facts,
        )
    ]


# --- LG displays ------------------------------------------------------------------------------------


async def _lg(wire: TextWire, place: Place, timeout: float) -> list[Finding] | None:
    """Set ID 1, 2, 3, … while each answers: one display per Set ID."""
    scheme, found = place.scheme("lg"), []
    for set_id in range(1, MAX_SET_IDS + 1):
        url = place.url(scheme, set_id=set_id)
        reads = drivers.make_protocol(drivers.parse(url)).status_queries(
            None
        )  # power, input, tile mode: data FF
        queries = [
            (read.action.removeprefix("read "), read.data, _from_set_id(read, set_id)) for read in reads
        ]
        asked = await _ask(wire, queries[:1], timeout)
        if asked.rtt is None:
            break
        await _ask(wire, queries[1:], timeout, asked)
        found.append(
            asked.finding(
                scheme, f"{place}, Set ID {set_id}", url, "LG display", set_id=set_id, **asked.facts()
            )
        )
    return found or None


def _from_set_id(command: Command, set_id: int) -> Wanted:
    return lambda reply: (
        command.answered_by(reply) and lg.reply_set_id(reply.text.encode("latin-1")) == set_id
    )


QUESTIONS = {"kramer": _kramer, "extron": _extron, "lg": _lg}
