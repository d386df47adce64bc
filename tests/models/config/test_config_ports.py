"""Serial ports named by several devices: chains of VISCA cameras or of LG displays share a port;
anything else on one port is a configuration problem on the second device's url line."""

from __future__ import annotations

import pytest

from models.config.store import ConfigError, parse_config


def config_with(*devices: tuple[str, str]) -> str:
    """A file with ``(kind, url)`` devices, each on its own url line (camera or wall)."""
    cameras = [url for kind, url in devices if kind == "camera"]
    walls = [url for kind, url in devices if kind == "wall"]
    text = "cameras:\n" + "".join(
        f'  - {{id: cam{n}, name: Kamera {n}, url: "{url}"}}\n' for n, url in enumerate(cameras, 1)
    )
    return (
        text
        + "walls:\n"
        + "".join(f'  - {{id: wall{n}, name: Layar {n}, url: "{url}"}}\n' for n, url in enumerate(walls, 1))
    )


def problems(text: str) -> list[tuple[int | None, str, str]]:
    try:
        parse_config(text)
    except ConfigError as error:
        return [(p.line, p.field, str(p.message)) for p in error.problems]
    return []


def test_chains_of_cameras_and_of_lg_displays_share_their_port():
    assert (
        problems(
            config_with(
                ("camera", "visca+serial:///dev/ttyUSB0?address=1"),
                ("camera", "visca+serial:///dev/ttyUSB0?address=2"),
                ("wall", "lg+serial://COM4?set_id=1"),
                ("wall", "lg+serial://com4?set_id=2"),
                ("wall", "kramer+serial:///dev/ttyUSB1"),
                ("wall", "kramer+tcp://192.168.10.40"),
                ("wall", "kramer+tcp://192.168.10.40"),
            )
        )
        == []
    )


def test_two_protocols_on_one_port_are_refused_on_the_second_url():
    assert problems(
        config_with(
            ("camera", "visca+serial:///dev/ttyUSB0?address=1"), ("wall", "lg+serial:///dev/ttyUSB0?set_id=1")
        )
    ) == [
        (
            4,
            "walls[0].url",
            "port /dev/ttyUSB0 is already used by Kamera 1 (line 2) with another protocol; "
            "one serial line speaks one protocol",
        )
    ]


@pytest.mark.parametrize("url", ["kramer+serial://COM3", "extron+serial://com3?baud=9600"])
def test_a_matrix_has_its_line_to_itself(url):
    assert problems(config_with(("wall", "kramer+serial://COM3"), ("wall", url))) == [
        (
            4,
            "walls[1].url",
            "port COM3 is already used by Layar 1 (line 3); only VISCA cameras or LG displays "
            "can share a serial line"
            if url.startswith("kramer")
            else (
                "port com3 is already used by Layar 1 (line 3) with another protocol; "
                "one serial line speaks one protocol"
            ),
        )
    ]
