"""Looking for VISCA cameras: Sony VISCA over IP, raw VISCA over UDP and TCP, a serial daisy chain.

Only inquiries go out — the version inquiry, then the status inquiries the console polls — plus
the handshakes the wiring needs: RESET for Sony VISCA over IP; Address Set and IF_Clear on a serial
line, which also tell how many cameras the chain has. A camera is found when it answers one of them
in VISCA form; one that refuses an inquiry (``y0 60 02 FF``) lists it as unsupported.
"""

from __future__ import annotations

import asyncio

from devices.capture import Recorder
from devices.probe.findings import Finding, Place, Result, shown
from devices.probe.wires import POLL, ViscaWire, connected, overhear
from devices.visca import urls
from devices.visca.camera_status import CameraStatus
from devices.visca.controller import PACKET_END, make_link
from devices.visca.discovery import identify
from devices.visca.jobs import Timing
from devices.visca.links import LinkEvent, Quirks
from devices.visca.profiles import get_profile
from devices.visca.replies import Reply, ReplyKind
from devices.visca.serial_bus import SerialBus, SerialLink, open_bus

SONY = "visca+udp"


def _inquiries() -> list[tuple[str, bytes]]:
    """The console's own status polls (name, message), the version inquiry first."""
    polls = CameraStatus("probe", "", get_profile("generic"), Timing()).polls
    return [(poll.name, poll.message) for poll in sorted(polls, key=lambda poll: poll.name != "version")]


INQUIRIES = _inquiries()


async def probe_network_camera(
    scheme: str, place: Place, timeout: float, capture: Recorder | None = None
) -> list[Finding]:
    """One camera URL kind at ``place``, from a UDP socket of its own (two kinds may try one port)."""
    where, url = str(place), place.url(scheme)
    link = make_link({}, urls.parse(url), Quirks(), capture=capture, via=url)
    wire = ViscaWire(link)
    try:
        await link.open()
        assert link.transport is not None
        why = await connected(link.transport, timeout)
        if why:
            return [Finding(scheme, where, Result.NO_CONNECTION, note=why)]
        answers = await _question(wire, timeout, sony=scheme == SONY)
    except (OSError, ValueError) as exc:  # no address for the host, the local port taken
        return [Finding(scheme, where, Result.NO_CONNECTION, note=str(exc))]
    finally:
        await link.close()
    if answers is None:
        return [_unknown(scheme, where, wire.heard)]
    quirks = "any-address" if wire.foreign_address is not None else None
    return [_finding(scheme, where, place.url(scheme, quirks=quirks), answers)]


async def probe_serial_cameras(
    place: Place, timeout: float, capture: Recorder | None = None
) -> list[Finding]:
    """A daisy chain on a serial port: Address Set, then every address it counted."""
    scheme, where = "visca+serial", str(place)
    bus = open_bus(
        {}, place.device, place.baud
    )  # numbers the chain (Address Set, IF_Clear) once the port is open
    if capture is not None:
        bus.port = capture.tap(bus.port, ends=PACKET_END, via=place.url(scheme))
    heard = bytearray()
    overhear(bus.port, heard)
    try:
        await bus.open()
        why = await connected(bus.port, timeout)
        if why:
            return [Finding(scheme, where, Result.NO_CONNECTION, note=why)]
        count = await _chain_length(bus, timeout)
        if not count:
            note = "the line sends back what it gets, with no camera on it" if count == 0 else None
            return [_unknown(scheme, where, heard, note)]
        findings = []
        for address in range(1, count + 1):
            answers = await _question(ViscaWire(SerialLink(bus, address)), timeout, sony=False)
            at = f"{where}, address {address}"
            findings.append(
                _finding(scheme, at, place.url(scheme, address=address), answers)
                if answers
                else Finding(scheme, at, Result.SILENT, note="counted by Address Set, silent since")
            )
        return findings
    finally:
        await bus.close()


async def _chain_length(bus: SerialBus, timeout: float) -> int | None:
    """The number of cameras the Address Set answer counts; None without an answer."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while bus.cameras is None and loop.time() < deadline:  # noqa: ASYNC110 - the bus sets no event for it
        await asyncio.sleep(POLL)
    return bus.cameras


Answers = dict[str, "Reply | LinkEvent | None"]


async def _question(wire: ViscaWire, timeout: float, sony: bool) -> tuple[Answers, float] | None:
    """Every inquiry's outcome and the first round trip; None when nothing answered in VISCA form."""
    first_rtt = None
    asked = 0
    if sony:
        _event, first_rtt = await wire.reset(timeout)
        asked = 1
    answers: Answers = {}
    for name, message in INQUIRIES:
        answers[name], rtt = await wire.ask(message, timeout)
        asked += 1
        first_rtt = first_rtt if first_rtt is not None else rtt
        if first_rtt is None and asked >= 2:
            return None  # two chances (RESET or power, and the version inquiry): not a VISCA camera
    assert first_rtt is not None
    return answers, first_rtt


def _finding(scheme: str, where: str, url: str, answered: tuple[Answers, float]) -> Finding:
    answers, rtt = answered
    refused = tuple(name for name, a in answers.items() if isinstance(a, Reply) and a.kind is ReplyKind.ERROR)
    silent = tuple(name for name, a in answers.items() if not isinstance(a, Reply))
    model = firmware = None
    facts = {}
    version = answers.get("version")
    if isinstance(version, Reply) and version.kind is ReplyKind.ANSWER:
        identity = identify(version.data)  # the profile model=auto will choose
        model, facts["profile"] = identity.model, identity.profile.name
        if identity.vendor_id is not None:
            firmware = f"{identity.rom_revision:04X}"
            facts.update(vendor_id=f"{identity.vendor_id:04X}", model_id=f"{identity.model_id:04X}")
    return Finding(scheme, where, Result.ANSWERED, url, model, firmware, rtt, refused, silent, facts)


def _unknown(scheme: str, where: str, heard: bytes | bytearray, note: str | None = None) -> Finding:
    if heard:
        return Finding(scheme, where, Result.OTHER, heard=shown(heard), note=note)
    return Finding(scheme, where, Result.SILENT, note=note)
