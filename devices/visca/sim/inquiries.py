"""Inquiry messages (`09 …`): the data bytes of the `z0 50 … FF` answer
(docs/protocols/visca.md "Inquiries and their answers")."""

from __future__ import annotations

from devices.visca.sim.camera import VirtualCamera
from devices.visca.sim.motion import FOCUS, PAN, TILT, ZOOM
from devices.visca.sim.protocol import NO_PRESET, NotUnderstood, to_nibbles

ROM_REVISION = 0x0100
MAX_SOCKET = 0x02
# PTZOptics answers in its own layout (docs/cameras.md): factory code 01 (MR), hardware
# version 02, ARM version 0105, FPGA version 0200, camera type 02 (M type).
PTZOPTICS_VERSION = bytes.fromhex("01 02 01 05 02 00 02")

# What the `refuse=` simulator option names (the console's names for its status polls).
INQUIRIES = {
    "power": b"\x09\x04\x00",
    "position": b"\x09\x06\x12",
    "zoom": b"\x09\x04\x47",
    "focus": b"\x09\x04\x48",
    "focus-mode": b"\x09\x04\x38",
    "last-preset": b"\x09\x04\x3f",
    "version": b"\x09\x00\x02",
    "max-speed": b"\x09\x06\x11",
}


def answer_inquiry(message: bytes, camera: VirtualCamera) -> bytes:
    p, m = camera.profile, camera.mechanics
    match tuple(message[1:]):
        case (0x00, 0x02) if p.name == "ptzoptics":
            return PTZOPTICS_VERSION
        case (0x00, 0x02):
            return (
                p.vendor_id.to_bytes(2, "big")
                + p.model_id.to_bytes(2, "big")
                + ROM_REVISION.to_bytes(2, "big")
                + bytes((MAX_SOCKET,))
            )
        case (0x04, 0x00):
            return bytes((0x02 if camera.power else 0x03,))
        case (0x04, 0x47):
            return to_nibbles(m.position(ZOOM), 4)
        case (0x04, 0x48):
            return to_nibbles(m.position(FOCUS), 4)
        case (0x04, 0x38):
            return bytes((0x02 if camera.autofocus else 0x03,))
        case (0x06, 0x12):
            return to_nibbles(m.position(PAN), p.pan_nibbles) + to_nibbles(m.position(TILT), p.tilt_nibbles)
        case (0x06, 0x11):
            return bytes((p.pan_speed_max, p.tilt_speed_max))
        case (0x04, 0x3F):
            return bytes((NO_PRESET if camera.last_preset is None else camera.last_preset,))
        case (0x04, 0x22):
            return to_nibbles(camera.camera_id, 4)
        case (0x7E, 0x01, 0x0B, number) if p.preset_min <= number <= p.preset_max:
            return bytes((camera.preset_speeds.get(number, camera.recall_speed),))
    raise NotUnderstood(f"unknown inquiry {message.hex(' ')}")
