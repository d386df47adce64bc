"""``probe(...)`` runs the command in this process; whether a probe left a device as it found it."""

from __future__ import annotations

import json
import re

import app

CAMERA_INQUIRY = 0x09
CHAIN_HANDSHAKES = (bytes.fromhex("88 30 01 FF"), bytes.fromhex("88 01 00 01 FF"))  # Address Set, IF_Clear
KRAMER_QUERIES = {"#", "#MODEL?", "#VERSION?", "#INFO-IO?", "#INFO-PRST?"}
EXTRON_CHANGES = re.compile(r"\d+\*\d+[!%$&]|\d+[.,]|\x1b")  # ties, presets, Esc settings
LG_COMMAND = re.compile(r"([a-z]{2})\s+([0-9A-Fa-f]{1,3})\s+([0-9A-Fa-f]{2})$")


def probe(capsys, *args: str) -> tuple[int, str, str]:
    """``python app.py probe …`` in this process: exit code, stdout, stderr."""
    code = app.main(["probe", *args])
    out, err = capsys.readouterr()
    return code, out, err


def probe_json(capsys, *args: str) -> tuple[int, dict]:
    code, out, _err = probe(capsys, *args, "--json")
    return code, json.loads(out)


def camera_untouched(server) -> bool:
    """Only inquiries and handshakes arrived: RESET (Sony), Address Set and IF_Clear (serial chain)."""
    for kind, data in server.received():
        if kind == "CONTROL":
            if data != b"\x01":
                return False
        elif not (len(data) > 2 and data[1] == CAMERA_INQUIRY) and data not in CHAIN_HANDSHAKES:
            return False
    return True


def wall_untouched(server) -> bool:
    """Only queries arrived: no Kramer route or preset, no Extron tie, preset or setting, no LG change."""
    for _time, text in server.received():
        if server.protocol == "kramer" and text.startswith("#") and text not in KRAMER_QUERIES:
            return False
        if server.protocol == "extron" and EXTRON_CHANGES.search(text):
            return False
        if (
            server.protocol == "lg"
            and (command := LG_COMMAND.match(text))
            and command.group(3).upper() != "FF"
        ):
            return False
    return True
