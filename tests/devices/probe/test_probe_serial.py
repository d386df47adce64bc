"""`probe SERIAL-PORT` on a pseudo-terminal: one protocol and baud at a time, the first that answers wins."""

from __future__ import annotations

import os

import pytest

from tests.devices.probe.probing import camera_untouched, probe, probe_json, wall_untouched

pytestmark = pytest.mark.posix
FAST = ("--timeout", "0.3")


def test_a_camera_chain_is_numbered_and_each_address_found(simulator, tmp_path, capsys):
    link = tmp_path / "visca0"
    chain = simulator(f"visca+serial://pty?link={link}&cameras=3&model=sony-srg300h")
    before = [chain.state(n) for n in (1, 2, 3)]
    code, report = probe_json(capsys, str(link), *FAST)
    assert code == 0
    assert report["wiring"] == "serial"
    assert report["urls"] == [f"visca+serial://{link}?baud=9600&address={n}" for n in (1, 2, 3)]
    assert {finding["model"] for finding in report["findings"]} == {"Sony SRG-300H"}
    assert camera_untouched(chain)
    assert [chain.state(n) for n in (1, 2, 3)] == before
    assert [data for _kind, data in chain.received()][:2] == [
        bytes.fromhex("88 30 01 FF"),
        bytes.fromhex("88 01 00 01 FF"),
    ]


@pytest.mark.parametrize(
    ("protocol", "options", "urls", "tried"),
    [
        ("kramer", "", ["?baud=115200"], 3),
        ("extron", "", ["?baud=9600"], 5),
        ("lg", "&set_ids=1,2", ["?baud=9600&set_id=1", "?baud=9600&set_id=2"], 6),
    ],
)
def test_each_wall_protocol_is_found_after_the_ones_before_it(
    wall_sim, tmp_path, capsys, protocol, options, urls, tried
):
    link = tmp_path / "wall0"
    sim = wall_sim(protocol, f"serial://pty?link={link}{options}")
    before = sim.state()
    code, report = probe_json(capsys, str(link), *FAST)
    assert code == 0
    assert report["urls"] == [f"{protocol}+serial://{link}{query}" for query in urls]
    tries = [finding["where"] for finding in report["findings"] if not finding["found"]]
    assert len(tries) == tried - 1, tries  # every try before this protocol, none after it
    assert wall_untouched(sim)
    assert sim.state() == before


def test_the_table_names_each_baud_rate_tried(wall_sim, tmp_path, capsys):
    link = tmp_path / "wall0"
    wall_sim("kramer", f"serial://pty?link={link}")
    code, out, _err = probe(capsys, str(link), *FAST)
    assert code == 0
    assert (
        f"probing serial port {link}, one at a time until one answers: visca 9600, visca 38400, kramer 115200"
        in out
    )
    rows = [line.split() for line in out.splitlines() if line.startswith(("visca+serial", "kramer+serial"))]
    assert [(row[0], row[2], row[4]) for row in rows[:3]] == [
        ("visca+serial", "9600", "no"),
        ("visca+serial", "38400", "no"),
        ("kramer+serial", "115200", "answered"),
    ]
    assert f'url: "kramer+serial://{link}?baud=115200"' in out


def test_an_empty_line_answers_nothing(tmp_path, capsys):
    import tty

    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        code, report = probe_json(capsys, os.ttyname(slave), "--timeout", "0.1")
    finally:
        os.close(master)
        os.close(slave)
    assert code == 3
    assert [finding["result"] for finding in report["findings"]] == ["no answer"] * 6
