"""Wall device URLs on the shared endpoint parser, the transports they name, and demo mode."""

from __future__ import annotations

import pytest

from devices.endpoints import DeviceUrlError
from devices.transport.serialport import SerialPort
from devices.transport.tcp import TcpClient
from devices.visca.urls import CameraUrlError
from devices.wall import drivers
from devices.wall.controller import WallController
from devices.wall.sim.simulator import start_demo_wall


@pytest.mark.parametrize(
    ("url", "host", "port"),
    [
        ("kramer+tcp://192.168.1.39", "192.168.1.39", 5000),
        ("kramer+tcp://192.168.1.39:23", "192.168.1.39", 23),
        ("extron+tcp://10.0.0.2?password=x", "10.0.0.2", 23),
        ("lg+tcp://10.0.0.3?set_id=4", "10.0.0.3", 9761),
        ("generic+tcp://10.0.0.4:4001?profile=p.yaml", "10.0.0.4", 4001),
    ],
)
def test_network_urls_and_their_usual_ports(url, host, port):
    endpoint = drivers.parse(url)
    assert (endpoint.host, endpoint.port, endpoint.is_serial) == (host, port, False)


@pytest.mark.parametrize(
    ("url", "device", "baud"),
    [
        ("kramer+serial://COM3", "COM3", 115200),
        ("kramer+serial:///dev/ttyUSB0?baud=9600", "/dev/ttyUSB0", 9600),
        ("extron+serial://COM5", "COM5", 9600),
        ("lg+serial:///dev/ttyS1?set_id=2", "/dev/ttyS1", 9600),
    ],
)
def test_serial_urls_name_the_port_and_the_driver_default_speed(url, device, baud):
    endpoint = drivers.parse(url)
    transport = drivers.make_transport(endpoint, drivers.make_protocol(endpoint))
    assert isinstance(transport, SerialPort)
    assert (transport.device, transport.baud) == (device, baud)


def test_tcp_urls_get_a_reconnecting_client():
    endpoint = drivers.parse("kramer+tcp://10.0.0.1")
    assert isinstance(drivers.make_transport(endpoint, drivers.make_protocol(endpoint)), TcpClient)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("matrix+tcp://10.0.0.1", r"unknown wall device URL kind 'matrix\+tcp'; use one of kramer\+tcp"),
        ("kramer+tcp://", "missing host"),
        ("kramer+tcp://10.0.0.1?colour=red", "unknown option.*colour.*known:.*outputs"),
        ("kramer+tcp://10.0.0.1?baud=9600", "unknown option.*baud"),
        ("kramer+tcp://10.0.0.1?outputs=many", "outputs='many' is not a whole number"),
        ("kramer+tcp://10.0.0.1?timeout=99", "timeout=99.0 is out of range"),
        ("lg+tcp://10.0.0.1?set_id=5000", "set_id=5000 is out of range"),
        ("extron+tcp://10.0.0.1?canvases=11", "canvases=11 is out of range"),
        ("kramer+serial://", r"serial URL needs a port, e.g. kramer\+serial:///dev/ttyUSB0"),
    ],
)
def test_url_mistakes_are_named(runtime, url, message):
    with pytest.raises(drivers.WallUrlError, match=message):
        WallController(runtime, url)


def test_wall_and_camera_url_errors_share_one_base():
    assert issubclass(drivers.WallUrlError, DeviceUrlError)
    assert issubclass(CameraUrlError, DeviceUrlError)
    assert issubclass(DeviceUrlError, ValueError)


def test_demo_mode_starts_a_matrix(sim_runtime, wall):
    server = start_demo_wall(sim_runtime)
    assert server.url.startswith("kramer+tcp://127.0.0.1:")
    matrix = wall(server.url)
    assert matrix.route(2, 1).result(5).ok
    assert server.state()["video"][1] == 2
