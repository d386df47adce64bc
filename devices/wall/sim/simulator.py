"""Starting a simulated wall device (a product feature: demo, training, tests).

    server = await start_wall_simulator("kramer", "tcp://127.0.0.1:0?inputs=16&outputs=8")
    server.url        # kramer+tcp://127.0.0.1:PORT — what a client uses
    await server.close()

From another thread: ``runtime.submit(start_wall_simulator(...)).result()`` on a ``DeviceRuntime``.
"""

from __future__ import annotations

import os
from typing import Protocol

from devices.endpoints import parse_endpoint
from devices.runtime import DeviceRuntime
from devices.wall.drivers import WallEndpoint
from devices.wall.sim.device import SimDevice
from devices.wall.sim.extron import ExtronSim
from devices.wall.sim.kramer import KramerSim
from devices.wall.sim.lg import LgSim
from devices.wall.sim.server import PTY_DEVICE, SERVER_OPTIONS, WallSimulator

SIMULATORS: dict[str, type[SimDevice]] = {"kramer": KramerSim, "extron": ExtronSim, "lg": LgSim}


class DeviceType(Protocol):
    """What plays the device: a ``SimDevice`` class, or a stand-in such as ``replay.WallReplay(capture)``."""

    options: frozenset[str]  # the URL options it reads

    def __call__(self, endpoint: WallEndpoint) -> SimDevice: ...


DEMO_LISTEN = "tcp://127.0.0.1:0?inputs=8&outputs=8"


async def start_wall_simulator(
    protocol: str, url: str, device_type: DeviceType | None = None
) -> WallSimulator:
    """Listen on ``url`` (``tcp://HOST:PORT`` or ``serial://pty?link=PATH``) as a ``protocol`` device;
    ``device_type`` plays it instead of the simulated one (``replay.WallReplay``).

    Raises ``ValueError`` (``WallUrlError``) for a bad URL or option, ``OSError`` when the address is taken.
    """
    if device_type is None and protocol not in SIMULATORS:
        raise ValueError(f"no simulator for {protocol!r}; choose {', '.join(SIMULATORS)}")
    endpoint = parse_endpoint(
        url, ("tcp", "serial"), {}, kind="simulator listening", endpoint_type=WallEndpoint, listening=True
    )
    play: DeviceType = device_type or SIMULATORS[protocol]
    if endpoint.is_serial:
        if os.name != "posix":
            raise endpoint.error(
                f"{url}: the serial simulator needs a pseudo-terminal (Linux or macOS); "
                "listen on tcp://127.0.0.1:PORT instead"
            )
        if endpoint.device != PTY_DEVICE:
            raise endpoint.error(f"{url}: the simulator serves serial lines only as serial://pty?link=PATH")
        endpoint.check_options(play.options | SERVER_OPTIONS | {"link", "baud"})
    else:
        endpoint.check_options(play.options | SERVER_OPTIONS)
    server = WallSimulator(protocol, play(endpoint), endpoint)
    await server.start()
    return server


def start_demo_wall(runtime: DeviceRuntime, protocol: str = "kramer", timeout: float = 10.0) -> WallSimulator:
    """Start a simulated matrix on ``runtime`` for demo mode; it closes when the runtime stops."""
    server = runtime.submit(start_wall_simulator(protocol, DEMO_LISTEN)).result(timeout)
    runtime.on_stop(server.close)
    return server
