"""Continuous moves: the VISCA message and the audit wording for an axis value."""

from __future__ import annotations

from typing import Any

from devices.visca import codec
from devices.visca.jobs import STOPPED, Axis
from devices.visca.profiles import CameraProfile


def drive_message(axis: Axis, value: Any, profile: CameraProfile) -> bytes:
    """The VISCA message for a continuous-move value; validates it (ViscaParameterError).

    Pan-tilt values are signed speeds ``(pan, tilt)``; zoom and focus are ``(direction, speed)``.
    """
    if axis is Axis.PAN_TILT:
        pan, tilt = value
        return codec.pan_tilt_drive(pan, tilt, profile)
    direction, speed = value
    if axis is Axis.ZOOM:
        return (
            codec.zoom_stop()
            if direction == 0
            else (codec.zoom_tele(speed) if direction > 0 else codec.zoom_wide(speed))
        )
    return (
        codec.focus_stop()
        if direction == 0
        else (codec.focus_far(speed) if direction > 0 else codec.focus_near(speed))
    )


def limited(axis: Axis, value: Any, profile: CameraProfile) -> Any:
    """A pan-tilt value within the profile's speed maxima: a held move checked against one profile
    goes on at the top speed of another learned meanwhile (docs/cameras.md)."""
    if axis is not Axis.PAN_TILT:
        return value  # zoom and focus speeds 0–7 are the same on every camera
    pan, tilt = value
    return (
        max(-profile.pan_speed_max, min(pan, profile.pan_speed_max)),
        max(-profile.tilt_speed_max, min(tilt, profile.tilt_speed_max)),
    )


def describe_drive(axis: Axis, value: Any) -> str:
    if value == STOPPED[axis]:
        return "stop"
    if axis is Axis.PAN_TILT:
        pan, tilt = value
        words = [
            f"{'right' if pan > 0 else 'left'} {abs(pan)}" if pan else "",
            f"{'up' if tilt > 0 else 'down'} {abs(tilt)}" if tilt else "",
        ]
        return " ".join(w for w in words if w)
    direction, speed = value
    names = ("in", "out") if axis is Axis.ZOOM else ("far", "near")
    return f"{names[0] if direction > 0 else names[1]}" + (f" speed {speed}" if speed is not None else "")


def direction_of(axis: Axis, value: Any) -> Any:
    """Which way an axis goes, without its speed (the audit trail records direction changes)."""
    if axis is Axis.PAN_TILT:
        return tuple((v > 0) - (v < 0) for v in value)
    return value[0]
