"""``probe``: what answers at a host or on a serial port, and the URL to configure it with.

Network: every protocol at once, each on its own port (docs/probe.md). Serial: one protocol and
baud rate at a time — a line carries one kind of device — stopping at the first that answers in its
own form. Returns data only; ``devices/cli/probe.py`` prints it.
"""

from __future__ import annotations

import asyncio

from devices.capture import Recorder
from devices.probe.cameras import probe_network_camera, probe_serial_cameras
from devices.probe.findings import Finding, Place
from devices.probe.target import Settings, Target
from devices.probe.walls import probe_wall


async def probe(
    target: Target, settings: Settings = Settings(), capture: Recorder | None = None
) -> list[Finding]:
    """Every try, in order, with what it found; ``capture`` records every try's frames, each named
    by the URL it tried."""
    if target.is_serial:
        return await _serial(target.device, settings, capture)
    return await _network(target.host, settings, capture)


async def _network(host: str, settings: Settings, capture: Recorder | None) -> list[Finding]:
    tries = []
    for scheme, port in settings.network():
        family, place = scheme.split("+")[0], Place(host=host, port=port)
        tries.append(
            probe_network_camera(scheme, place, settings.timeout, capture)
            if family == "visca"
            else probe_wall(family, place, settings.timeout, capture)
        )
    return [finding for found in await asyncio.gather(*tries) for finding in found]


async def _serial(device: str, settings: Settings, capture: Recorder | None) -> list[Finding]:
    findings: list[Finding] = []
    for family, baud in settings.serial():
        place = Place(device=device, baud=baud)
        found = await (
            probe_serial_cameras(place, settings.timeout, capture)
            if family == "visca"
            else probe_wall(family, place, settings.timeout, capture)
        )
        findings += found
        if any(finding.found for finding in found):
            break
    return findings
