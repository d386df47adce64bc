"""Command messages (`01 …`) decoded into plans the engine runs
(docs/protocols/visca.md "Commands the console and the simulator use").

Decoding checks every parameter against the camera's profile and raises ``NotUnderstood`` for
anything a camera would answer with a syntax error; it changes nothing. The engine decides
about sockets, standby and focus mode, then calls ``Plan.run``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from devices.visca.sim.camera import VirtualCamera
from devices.visca.sim.motion import ALL_AXES, FOCUS, LENS_SPEED_MAX, LENS_STANDARD_SPEED, PAN_TILT, ZOOM
from devices.visca.sim.protocol import NotUnderstood, signed_from_nibbles, unsigned_from_nibbles

ON, OFF, TOGGLE = 0x02, 0x03, 0x10
LEFT_OR_UP, RIGHT_OR_DOWN, STOP = 0x01, 0x02, 0x03
STOPPED_AXIS_BYTE_MAX = 0x7F  # any data byte


@dataclass(frozen=True)
class Plan:
    run: Callable[[], frozenset[str]]  # starts the action; returns the axes to wait for
    takes: frozenset[str] = frozenset()  # axes taken from a command still running on them
    in_standby: bool = False  # allowed while the camera is in standby
    manual_focus: bool = False  # "not executable" while auto focus is on


def decode_command(message: bytes, camera: VirtualCamera) -> Plan:
    # patterns use literals: on 02, off 03, toggle 10 (bare names would be capture patterns)
    match tuple(message[1:]):
        case (0x04, 0x00, 0x02 | 0x03 as mode):
            return Plan(
                partial(camera.set_power, mode == ON),
                takes=ALL_AXES if mode == OFF else frozenset(),
                in_standby=True,
            )
        case (0x04, 0x07, code):
            return _lens_drive(camera, ZOOM, code, tele_or_far=1)
        case (0x04, 0x47, *position) if len(position) in (4, 8):
            return _lens_direct(camera, position)
        case (0x04, 0x06, 0x02 | 0x03):
            return Plan(camera.accept)
        case (0x04, 0x08, code):
            plan = _lens_drive(camera, FOCUS, code, tele_or_far=-1)
            return Plan(plan.run, plan.takes, manual_focus=code != 0x00)
        case (0x04, 0x48, *position) if len(position) == 4:
            target = _in_range(
                unsigned_from_nibbles(position), camera.profile.focus_min, camera.profile.focus_max
            )
            return Plan(
                partial(camera.move_lens, {FOCUS: target}), takes=frozenset((FOCUS,)), manual_focus=True
            )
        case (0x04, 0x38, 0x02 | 0x03 | 0x10 as mode):
            return Plan(
                partial(camera.set_autofocus, None if mode == TOGGLE else mode == ON),
                takes=frozenset((FOCUS,)),
            )
        case (0x04, 0x18, 0x01):
            return Plan(camera.accept)
        case (0x04, 0x18, 0x02):
            infinity = {FOCUS: camera.profile.focus_min}
            return Plan(partial(camera.move_lens, infinity), takes=frozenset((FOCUS,)), manual_focus=True)
        case (0x04, 0x28, *limit) if len(limit) == 4:
            unsigned_from_nibbles(limit)
            return Plan(camera.accept)
        case (0x04, 0x58, 0x02 | 0x03):
            return Plan(camera.accept)
        case (0x04, 0x22, *value) if len(value) == 4:
            return Plan(partial(camera.set_camera_id, unsigned_from_nibbles(value)))
        case (0x04, 0x3F, action, number) if action in (0x00, 0x01, 0x02):
            return _memory(camera, action, _preset(camera, number))
        case (0x7E, 0x01, 0x0B, number, speed):
            speed = _preset_speed(camera, speed, camera.profile.preset_speed_max)
            return Plan(partial(camera.set_preset_speed, _preset(camera, number), speed))
        case (0x7E, 0x01, 0x0A, 0x00, 0x02 | 0x03 as lamp) if camera.profile.tally_lamp:
            return Plan(partial(camera.set_tally, lamp == ON), in_standby=True)
        case (0x06, 0x01, speed):  # PTZOptics: one recall speed for every preset, 01–18h
            return Plan(partial(camera.set_preset_speed, None, _preset_speed(camera, speed, 0x18)))
        case (0x06, 0x01, pan_speed, tilt_speed, pan_dir, tilt_dir):
            return _pan_tilt_drive(camera, pan_speed, tilt_speed, pan_dir, tilt_dir)
        case (0x06, 0x02 | 0x03 as code, pan_speed, tilt_speed, *position):
            return _pan_tilt_position(camera, code == 0x03, pan_speed, tilt_speed, position)
        case (0x06, 0x04):
            return Plan(camera.home, takes=PAN_TILT)
        case (0x06, 0x05):
            return Plan(camera.reset_pan_tilt, takes=PAN_TILT)
        case (0x06, 0x07, 0x00 | 0x01 as clear, 0x00 | 0x01 as corner, *position):
            return _pan_tilt_limit(camera, clear == 0x01, corner == 0x01, position)
    raise NotUnderstood(f"unknown command {message.hex(' ')}")


def _in_range(value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        raise NotUnderstood(f"{value} outside {low}..{high}")
    return value


def _lens_speed(code: int) -> tuple[int, int]:
    """Direction (+1 tele/far code group 2, −1 wide/near group 3, 0 stop) and speed of a drive byte."""
    if code == 0x00:
        return 0, 0
    if code in (0x02, 0x03):
        return (1 if code == 0x02 else -1), LENS_STANDARD_SPEED
    group, speed = code >> 4, code & 0x0F
    if group not in (2, 3) or speed > LENS_SPEED_MAX:
        raise NotUnderstood(f"bad zoom/focus drive byte {code:02X}")
    return (1 if group == 2 else -1), speed


def _lens_drive(camera: VirtualCamera, axis: str, code: int, tele_or_far: int) -> Plan:
    """Zoom tele runs towards zoom_max; focus far towards focus_min (infinity), hence ``tele_or_far``."""
    direction, speed = _lens_speed(code)
    return Plan(partial(camera.drive_lens, axis, direction * tele_or_far, speed), takes=frozenset((axis,)))


def _lens_direct(camera: VirtualCamera, position: list[int]) -> Plan:
    p = camera.profile
    targets = {ZOOM: _in_range(unsigned_from_nibbles(position[:4]), 0, p.zoom_max)}
    if len(position) == 8:
        targets[FOCUS] = _in_range(unsigned_from_nibbles(position[4:]), p.focus_min, p.focus_max)
    return Plan(partial(camera.move_lens, targets), takes=frozenset(targets))


def _preset(camera: VirtualCamera, number: int) -> int:
    p = camera.profile
    if not p.preset_min <= number <= p.preset_max or number in p.preset_reserved:
        raise NotUnderstood(f"preset {number} not available on {p.name}")
    return number


def _preset_speed(camera: VirtualCamera, speed: int, speed_max: int) -> int:
    return _in_range(speed, 1, speed_max)


def _memory(camera: VirtualCamera, action: int, number: int) -> Plan:
    if action == 0x00:
        return Plan(partial(camera.clear_preset, number))
    if action == 0x01:
        return Plan(partial(camera.store_preset, number))
    return Plan(partial(camera.recall_preset, number), takes=ALL_AXES)


def _axis_direction(code: int, speed: int, speed_max: int, left_or_up: int) -> int:
    if code == STOP:
        # a stopped axis has no speed: its byte is not checked against the maximum, so a stop
        # always stops (docs/cameras.md "Stop speed bytes")
        _in_range(speed, 0, STOPPED_AXIS_BYTE_MAX)
        return 0
    if code not in (LEFT_OR_UP, RIGHT_OR_DOWN):
        raise NotUnderstood(f"bad pan-tilt direction {code:02X}")
    _in_range(speed, 1, speed_max)
    return left_or_up if code == LEFT_OR_UP else -left_or_up


def _pan_tilt_drive(
    camera: VirtualCamera, pan_speed: int, tilt_speed: int, pan_code: int, tilt_code: int
) -> Plan:
    p = camera.profile
    # left runs towards pan_min (BRC-X400 table), or towards pan_max where the left end is the
    # positive one (BRC-H700); up towards tilt_max (docs/cameras.md "Which way is left")
    left = 1 if p.pan_left_positive else -1
    pan_dir = _axis_direction(pan_code, pan_speed, p.pan_speed_max, left_or_up=left)
    tilt_dir = _axis_direction(tilt_code, tilt_speed, p.tilt_speed_max, left_or_up=1)
    return Plan(partial(camera.drive_pan_tilt, pan_dir, tilt_dir, pan_speed, tilt_speed), takes=PAN_TILT)


def _pan_tilt_position(
    camera: VirtualCamera, relative: bool, pan_speed: int, tilt_speed: int, position: list[int]
) -> Plan:
    p = camera.profile
    if len(position) != p.pan_nibbles + p.tilt_nibbles:
        raise NotUnderstood(f"{p.name} expects {p.pan_nibbles}+{p.tilt_nibbles} position nibbles")
    _in_range(pan_speed, 1, p.pan_speed_max)
    if p.single_speed:
        _in_range(tilt_speed, 0, 0)
    else:
        _in_range(tilt_speed, 1, p.tilt_speed_max)
    pan = signed_from_nibbles(position[: p.pan_nibbles])
    tilt = signed_from_nibbles(position[p.pan_nibbles :])
    move = camera.move_pan_tilt_by if relative else camera.move_pan_tilt
    return Plan(partial(move, pan, tilt, pan_speed, None if p.single_speed else tilt_speed), takes=PAN_TILT)


def _pan_tilt_limit(camera: VirtualCamera, clear: bool, upper_right: bool, position: list[int]) -> Plan:
    p = camera.profile
    if len(position) != p.pan_nibbles + p.tilt_nibbles:
        raise NotUnderstood(f"{p.name} expects {p.pan_nibbles}+{p.tilt_nibbles} limit nibbles")
    pan = signed_from_nibbles(position[: p.pan_nibbles])
    tilt = signed_from_nibbles(position[p.pan_nibbles :])
    if clear:
        return Plan(partial(camera.set_pan_tilt_limit, upper_right, None, None))
    return Plan(partial(camera.set_pan_tilt_limit, upper_right, pan, tilt))
