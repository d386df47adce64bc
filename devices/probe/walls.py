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
from typing import Callable

from devices.probe.findings import Finding, Place, Result, shown
from devices.probe.wires import TextWire, connected, is_text_form
from devices.wall import drivers, extron, kramer, lg
from devices.wall.protocol import Command, Reply, ReplyKind

QUIET = 0.1               # a reply to the lone CR, or the end of a banner, has arrived by then
MAX_SET_IDS = 25          # LG Set IDs asked in turn, from 1, while displays answer
PASSWORD_PLACEHOLDER = "…"
KRAMER_QUERIES = (("model", b"#MODEL?\r", "MODEL"), ("version", b"#VERSION?\r", "VERSION"),
                  ("size", kramer.size_query(), "INFO-IO"), ("presets", kramer.preset_count_query(), "INFO-PRST"))
EXTRON_QUERIES = (("firmware", extron.firmware_query(), ("Q",)), ("part number", b"N", ()),
                  ("size", extron.size_query(), ("I",)))
_EXTRON_BANNER = re.compile(r"(?i)extron")
_EXTRON_MODEL = re.compile(r"(?i)extron electronics\s*,\s*([^,]+)")
_EXTRON_VERSION = re.compile(r"^(?:Ver\d*\*)?")



async def probe_wall(family: str, place: Place, timeout: float) -> list[Finding]:
    """``family`` at ``place``: over TCP, or on a serial port at its baud rate."""
    scheme, where = place.scheme(family), str(place)
    endpoint = drivers.parse(place.url(scheme))
    protocol = drivers.make_protocol(endpoint)
    transport = drivers.make_transport(endpoint, protocol)
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


def _answering(*keys: str) -> Callable[[Reply], bool]:
    """A reply that answers a query with these keys, or an error (the driver's own rule)."""
    return Command(b"", "", keys).answered_by


async def _ask_all(wire: TextWire, queries, timeout: float) -> tuple[dict[str, Reply], list[str], list[str]]:
    """Answers by name, and the names refused and unanswered."""
    answers, refused, silent = {}, [], []
    for name, data, wanted in queries:
        reply, _rtt = await wire.ask(data, wanted, timeout)
        if reply is None:
            silent.append(name)
        elif reply.kind is ReplyKind.ERROR:
            refused.append(name)
        else:
            answers[name] = reply
    return answers, refused, silent


# --- Kramer Protocol 3000 -------------------------------------------------------------------------

async def _kramer(wire: TextWire, place: Place, timeout: float) -> list[Finding] | None:
    handshake, rtt = await wire.ask(kramer.handshake(), is_text_form, timeout)
    if handshake is None:
        return None
    queries = [(name, data, _answering(key, f"{key}?")) for name, data, key in KRAMER_QUERIES]
    answers, refused, silent = await _ask_all(wire, queries, timeout)
    facts = {}
    for reply in answers.values():
        facts.update({k: v for k, v in reply.facts.items() if k in ("inputs", "outputs", "presets")})
    scheme = place.scheme("kramer")
    return [Finding(scheme, str(place), Result.ANSWERED, place.url(scheme), _kramer_value(answers, "model"),
                    _kramer_value(answers, "version"), rtt, tuple(refused), tuple(silent), facts)]


def _kramer_value(answers: dict[str, Reply], name: str) -> str | None:
    """``~01@MODEL VS-88UT`` → ``VS-88UT``."""
    reply = answers.get(name)
    match = reply and re.search(rf"(?i){name}\s+(.+?)\s*$", reply.text)
    return match.group(1) if match else None


# --- Extron SIS -----------------------------------------------------------------------------------

def _extron_form(reply: Reply) -> bool:
    return reply.kind is ReplyKind.ERROR or reply.key in ("Q", "I")


async def _extron(wire: TextWire, place: Place, timeout: float) -> list[Finding] | None:
    scheme = place.scheme("extron")
    if not place.serial:                                   # Telnet: a banner, maybe a password prompt
        if await wire.listen(lambda reply: True, timeout) is not None:
            await wire.settle(QUIET, timeout)
    banner = next((reply.text for reply in wire.replies if _EXTRON_BANNER.search(reply.text)), None)
    model_match = _EXTRON_MODEL.search(banner or "")
    model = model_match.group(1).strip() if model_match else None
    if any(reply.kind is ReplyKind.PROMPT for reply in wire.replies):
        if banner is None:
            return None                                    # some other device's login
        return [Finding(scheme, str(place), Result.PASSWORD, place.url(scheme, password=PASSWORD_PLACEHOLDER),
                        model, note="the device asks for a password; put it in the URL")]
    queries = [(name, data, _extron_form if keys else lambda reply: reply.kind is not ReplyKind.NOISE)
               for name, data, keys in EXTRON_QUERIES]
    first, rtt = await wire.ask(queries[0][1], _extron_form, timeout)
    if first is None and banner is None:
        return None
    answers, refused, silent = await _ask_all(wire, queries[1:], timeout)
    if first is None:
        silent.insert(0, "firmware")
    elif first.kind is ReplyKind.ERROR:
        refused.insert(0, "firmware")
    firmware = _EXTRON_VERSION.sub("", first.text) if first is not None and first.key == "Q" else None
    facts = dict(answers["size"].facts) if "size" in answers else {}
    if "part number" in answers:
        facts["part_number"] = answers["part number"].text
        model = model or f"part {answers['part number'].text}"
    return [Finding(scheme, str(place), Result.ANSWERED, place.url(scheme), model, firmware, rtt,
                    tuple(refused), tuple(silent), facts)]


# --- LG displays ------------------------------------------------------------------------------------

async def _lg(wire: TextWire, place: Place, timeout: float) -> list[Finding] | None:
    """Set ID 1, 2, 3, … while each answers: one display per Set ID."""
    scheme = place.scheme("lg")
    found = []
    for set_id in range(1, MAX_SET_IDS + 1):
        url = place.url(scheme, set_id=set_id)
        reads = drivers.make_protocol(drivers.parse(url)).status_queries(None)   # power, input, tile mode: data FF
        queries = [(command.action.removeprefix("read "), command.data, _from_set_id(command, set_id))
                   for command in reads]
        power, rtt = await wire.ask(queries[0][1], queries[0][2], timeout)
        if power is None:
            break
        answers, refused, silent = await _ask_all(wire, queries[1:], timeout)
        if power.kind is ReplyKind.ERROR:
            refused.insert(0, "power")
        facts = {"set_id": set_id, **power.facts}
        for reply in answers.values():
            facts.update(reply.facts)
        found.append(Finding(scheme, f"{place}, Set ID {set_id}", Result.ANSWERED, url, "LG display", None, rtt,
                             tuple(refused), tuple(silent), facts))
    return found or None


def _from_set_id(command: Command, set_id: int) -> Callable[[Reply], bool]:
    return lambda reply: command.answered_by(reply) and lg.reply_set_id(reply.text.encode("latin-1")) == set_id


QUESTIONS = {"kramer": _kramer, "extron": _extron, "lg": _lg}
