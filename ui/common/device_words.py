"""Device actions and results in the operator's language.

The device layer speaks English (it is also the audit trail's wording); this module turns its
small, fixed vocabulary into translated text for notices and the log pane. Anything else is
said as the device layer wrote it: a Phrase (a wall's error meaning, a take-over) in the
interface language, plain text as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from devices.records import ActionRecord
from ui.common.wording import said


def _results() -> dict[str, str]:
    return {
        "completed": QCoreApplication.translate("DeviceWords", "completed"),
        "timeout": QCoreApplication.translate("DeviceWords", "no answer in time"),
        "offline": QCoreApplication.translate("DeviceWords", "offline"),
        "superseded": QCoreApplication.translate("DeviceWords", "superseded by a newer command"),
        "stopped": QCoreApplication.translate("DeviceWords", "stopped"),
        "closed": QCoreApplication.translate("DeviceWords", "closed"),
        "garbled answer": QCoreApplication.translate("DeviceWords", "garbled answer"),
        "too many commands waiting": QCoreApplication.translate("DeviceWords", "too many commands waiting"),
        "message length error": QCoreApplication.translate("DeviceWords", "message too long"),
        "syntax error": QCoreApplication.translate("DeviceWords", "command not understood"),
        "command buffer full": QCoreApplication.translate("DeviceWords", "camera busy"),
        "command canceled": QCoreApplication.translate("DeviceWords", "command cancelled"),
        "no socket": QCoreApplication.translate("DeviceWords", "nothing to cancel"),
        "not executable": QCoreApplication.translate(
            "DeviceWords", "not possible in the camera's current mode"
        ),
        "out of range for this camera": QCoreApplication.translate(
            "DeviceWords", "out of range for this camera"
        ),
    }


def _actions() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(r"preset recall (\d+)"), QCoreApplication.translate("DeviceWords", "preset recall %1")),
        (re.compile(r"preset save (\d+)"), QCoreApplication.translate("DeviceWords", "preset save %1")),
        (re.compile(r"preset clear (\d+)"), QCoreApplication.translate("DeviceWords", "preset clear %1")),
        (re.compile(r"power on"), QCoreApplication.translate("DeviceWords", "power on")),
        (re.compile(r"power off"), QCoreApplication.translate("DeviceWords", "standby")),
        (re.compile(r"home"), QCoreApplication.translate("DeviceWords", "home position")),
        (
            re.compile(r"goto (-?\d+) (-?\d+)"),
            QCoreApplication.translate("DeviceWords", "go to pan %1 tilt %2"),
        ),
        (re.compile(r"zoom to (\d+)"), QCoreApplication.translate("DeviceWords", "zoom to %1")),
        (
            re.compile(r"focus (auto|manual|toggle|one-push)"),
            QCoreApplication.translate("DeviceWords", "focus %1"),
        ),
        (re.compile(r"pan-tilt stop"), QCoreApplication.translate("DeviceWords", "pan/tilt stop")),
        (re.compile(r"pan-tilt (.+)"), QCoreApplication.translate("DeviceWords", "pan/tilt %1")),
        (re.compile(r"zoom stop"), QCoreApplication.translate("DeviceWords", "zoom stop")),
        (re.compile(r"zoom (in|out).*"), QCoreApplication.translate("DeviceWords", "zoom %1")),
        (re.compile(r"focus stop"), QCoreApplication.translate("DeviceWords", "focus stop")),
        (re.compile(r"focus (far|near).*"), QCoreApplication.translate("DeviceWords", "focus %1")),
        (
            re.compile(r"route (\d+)→(\d+) \((\w+)\)"),
            QCoreApplication.translate("DeviceWords", "route input %1 to output %2 (%3)"),
        ),
        (
            re.compile(r"window (\d+)\.(\d+) ← input (\d+)"),
            QCoreApplication.translate("DeviceWords", "window %1.%2 ← input %3"),
        ),
        (
            re.compile(r"layout (\d+) on canvas (\d+)"),
            QCoreApplication.translate("DeviceWords", "layout %1 on canvas %2"),
        ),
        (re.compile(r"tile mode (\d+)×(\d+)"), QCoreApplication.translate("DeviceWords", "tile mode %1×%2")),
        (
            re.compile(r"cut to (.+) \(preview\)"),
            QCoreApplication.translate("DeviceWords", "scene %1 to preview"),
        ),
        (re.compile(r"cut to (.+)"), QCoreApplication.translate("DeviceWords", "cut to scene %1")),
        (re.compile(r"stream start"), QCoreApplication.translate("DeviceWords", "start the stream")),
        (re.compile(r"stream stop"), QCoreApplication.translate("DeviceWords", "stop the stream")),
        (re.compile(r"record start"), QCoreApplication.translate("DeviceWords", "start recording")),
        (re.compile(r"record stop"), QCoreApplication.translate("DeviceWords", "stop recording")),
        (re.compile(r"tally on"), QCoreApplication.translate("DeviceWords", "tally lamp on")),
        (re.compile(r"tally off"), QCoreApplication.translate("DeviceWords", "tally lamp off")),
    ]


def action_text(action: str) -> str:
    for pattern, text in _actions():
        match = pattern.fullmatch(action)
        if match:
            for number, value in enumerate(match.groups(), start=1):
                text = text.replace(f"%{number}", value)
            return text
    return said(action)


def result_text(result: str) -> str:
    return _results().get(result) or said(result)


def record_text(record: ActionRecord) -> str:
    """``Kamera Panggung: preset recall 3 — completed`` in the interface language."""
    return f"{record.device}: {action_text(record.action)} — {result_text(record.result)}"
