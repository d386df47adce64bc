"""Third-party clients drive the wall simulators: what they send must get what a real unit answers."""

from __future__ import annotations

import asyncio

import pytest

from tests.devices.wall.third_party import ExtronPeer, load_lg_rs232_tv
from tests.support.sim_urls import sent


def test_pyextron_ties_on_the_extron_simulator(wall_sim):
    sim = wall_sim("extron", "tcp://127.0.0.1:0?inputs=8&outputs=8")
    peer = ExtronPeer(sim.url)  # reads the copyright message's three lines first
    try:
        peer.call(peer.amp.set_source, 2, 3)  # "03*2!\r\n"
        peer.call(peer.amp.set_source, 5, 7)
    finally:
        peer.close()
    state = sim.state()
    assert (state["video"][2], state["audio"][2], state["video"][5], state["audio"][5]) == (3, 3, 7, 7)
    assert [text for text in sent(sim) if text.endswith("!")] == ["03*2!", "07*5!"]


@pytest.fixture(scope="module")
def lg_rs232_tv():
    return load_lg_rs232_tv()


@pytest.mark.posix
@pytest.mark.parametrize("set_id", [1, 2])
def test_lg_rs232_tv_powers_and_switches_the_lg_simulator_over_a_pty(wall_sim, tmp_path, lg_rs232_tv, set_id):
    link = tmp_path / "lg0"
    sim = wall_sim("lg", f"serial://pty?link={link}&set_ids=1,2")

    async def session() -> tuple:
        tv = lg_rs232_tv.LGTV(str(link), set_id=set_id)  # serialx opens the pty
        await tv.connect()  # a power query: ka 0N ff
        try:
            first = await tv.query_power()
            await tv.power_off()
            off = await tv.query_power()
            await tv.select_input_source(lg_rs232_tv.InputSource.HDMI2)
            source = await tv.query_input_source()
            with pytest.raises(lg_rs232_tv.CommandRejected):
                await tv.select_input_source(lg_rs232_tv.InputSource.RGB_PC)  # 60: not on this display
        finally:
            await tv.disconnect()
        return first, off, source

    first, off, source = asyncio.run(asyncio.wait_for(session(), 20))
    PowerState, InputSource = lg_rs232_tv.PowerState, lg_rs232_tv.InputSource
    assert (first, off, source) == (PowerState.ON, PowerState.OFF, InputSource.HDMI2)
    display = sim.state()[set_id]
    assert display["power"] is False
    assert display["input"] == "91"
    assert f"ka 0{set_id} 00" in sent(sim)
    assert f"xb 0{set_id} 91" in sent(sim)
