"""The serial daisy chain simulator driven by an independent client, pyvisca 0.1.9, over a
pseudo-terminal: address set, commands and inquiries on three addresses, byte by byte.

pyvisca sends whatever hex it is given (``command``/``comm``) and its PTZ methods always address
camera 1; ``inq`` clears the input, sends, and reads until an FF arrives — with no timeout, so it
runs on a helper thread here. Its stop is ``81 01 06 01 15 15 03 03 FF``: tilt byte 15h on a head
whose tilt maximum is 14h, which a real head obeys (docs/cameras.md "Stop speed bytes").
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from devices.visca.sim.pty_server import PtyServer
from tests.support.waiting import wait_for

pytestmark = pytest.mark.posix
TIMEOUT = 3.0
SETTLE = 0.15  # replies come one video frame after each command; let them all arrive


@pytest.fixture
def sim(simulator, tmp_path: Path) -> PtyServer:
    return simulator(f"visca+serial://pty?link={tmp_path / 'visca0'}&cameras=3&refuse=last-preset")


@pytest.fixture
def ptz(sim: PtyServer) -> Iterator[Any]:
    from pyvisca.visca import PTZ

    client = PTZ(output=str(sim.address))
    try:
        yield client
    finally:
        client.close()


def within(call: Callable[[], Any]) -> Any:
    """pyvisca's reads never time out: give up on them after TIMEOUT."""
    pool = concurrent.futures.ThreadPoolExecutor(1)
    try:
        return pool.submit(call).result(TIMEOUT)
    finally:
        pool.shutdown(wait=False)


def read_reply(ptz: Any) -> str:
    deadline = time.monotonic() + TIMEOUT
    received = ""
    while not received.endswith("ff"):
        assert time.monotonic() < deadline, f"no complete reply, got {received!r}"
        received += ptz.read()
        time.sleep(0.01)
    return received


def test_address_set_and_inquiries_on_every_address(sim: PtyServer, ptz: Any) -> None:
    time.sleep(SETTLE)
    ptz.reset_input_buffer()  # the chain's power-up network change messages
    ptz.command("883001FF")
    assert read_reply(ptz) == "883004ff"  # three cameras: the number comes back as 4
    ptz.command("88010001FF")
    assert read_reply(ptz) == "88010001ff"  # broadcast IF_Clear travels round the ring
    assert within(lambda: ptz.get_power()) == 1
    assert within(lambda: ptz.inq("82090400FF")) == "a05002ff"
    assert within(lambda: ptz.inq("83090612FF")) == "b0500000000000000000ff"
    assert within(lambda: ptz.inq("83090002FF")) == "b05000000000010002ff"  # generic: vendor and model 0000
    assert within(lambda: ptz.inq("8109043FFF")) == "906002ff"  # refused, as an OEM camera does


def test_commands_on_several_addresses(sim: PtyServer, ptz: Any) -> None:
    ptz.command("883001FF")
    time.sleep(SETTLE)
    ptz.left(10)  # 81 01 06 01 0A 15 01 03 FF
    moving = wait_for(lambda: sim.state(1), lambda s: s["moving"] and s["pan"] < -20, TIMEOUT)
    assert moving["tilt"] == 0
    ptz.stop()  # 81 01 06 01 15 15 03 03 FF
    stopped = wait_for(lambda: sim.state(1), lambda s: not s["moving"], TIMEOUT)
    time.sleep(SETTLE)
    assert sim.state(1)["pan"] == stopped["pan"] < 0
    assert within(lambda: ptz.get_pan()) == stopped["pan"] & 0xFFFF

    ptz.zoom_in(7)
    wait_for(lambda: sim.state(1), lambda s: s["zoom"] > 0x400, TIMEOUT)
    ptz.zoom_stop()
    zoom = wait_for(lambda: sim.state(1), lambda s: not s["moving"], TIMEOUT)["zoom"]
    ptz.preset_set(5)
    wait_for(lambda: sim.state(1), lambda s: 5 in s["presets"], TIMEOUT)
    ptz.home()
    wait_for(lambda: sim.state(1), lambda s: (s["pan"], s["tilt"]) == (0, 0), TIMEOUT)
    ptz.preset_recall(5)
    recalled = wait_for(
        lambda: sim.state(1), lambda s: not s["moving"] and s["pan"] == stopped["pan"], TIMEOUT
    )
    assert (recalled["zoom"], recalled["last_preset"]) == (zoom, 5)

    ptz.comm("8201040003FF")  # camera 2 to standby
    wait_for(lambda: sim.state(2), lambda s: s["power"] is False, TIMEOUT)
    time.sleep(SETTLE)
    assert within(lambda: ptz.inq("82090400FF")) == "a05003ff"
    assert within(lambda: ptz.inq("82010604FF")) == "a06141ff"  # standby: not executable
    ptz.comm("8301044702000000FF")  # camera 3: zoom to 2000h
    assert wait_for(lambda: sim.state(3), lambda s: not s["moving"] and s["zoom"] == 0x2000, TIMEOUT)
    time.sleep(SETTLE)
    assert within(lambda: ptz.inq("83090447FF")) == "b05002000000ff"
    assert sim.state(1)["power"]
    assert sim.state(3)["power"]
