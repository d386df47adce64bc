"""Starting a simulated camera from its URL.

    server = await start_simulator("visca+udp://127.0.0.1:0?model=sony-brc-x400")
    server.url        # what a client should use (actual port, or the pty path)
    await server.close()

From another thread: ``runtime.submit(start_simulator(url)).result()`` on a ``DeviceRuntime``.
"""

from __future__ import annotations

from devices.visca.sim.ip_servers import RawUdpServer, SonyUdpServer, TcpServer
from devices.visca.sim.pty_server import PtyServer
from devices.visca.sim.server import DeviceFactory, SimulatorServer
from devices.visca.urls import parse

DEFAULT_MODEL = "generic"

SERVERS: dict[str, type[SimulatorServer]] = {
    "visca+udp": SonyUdpServer,
    "visca+udpraw": RawUdpServer,
    "visca+tcp": TcpServer,
    "visca+serial": PtyServer,
}


async def start_simulator(
    url: str, *, model: str = DEFAULT_MODEL, device: DeviceFactory | None = None
) -> SimulatorServer:
    """Listen on ``url``; ``model`` is the profile used when the URL has no ``model=`` option;
    ``device`` plays the camera instead of the simulated one (``replay.replay_device``).

    Raises ``CameraUrlError`` for a bad URL or option and ``OSError`` when the address is taken.
    """
    endpoint = parse(url, listening=True)
    server = SERVERS[endpoint.scheme](endpoint, model, device)
    await server.start()
    return server
