"""Decoders for inquiry answers (docs/protocols/visca.md "Inquiries and their answers").

Each decoder takes the answer's data bytes: what follows `y0 50`, without the FF terminator.
"""

from __future__ import annotations

from dataclasses import dataclass

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices.visca.packet import from_nibbles, from_signed_nibbles
from devices.visca.profiles import SONY_VENDOR, CameraProfile


class ViscaAnswerError(ValueError):
    """An inquiry answer that does not have the documented shape."""


# Sony model IDs for vendor 0001 ("Version inquiry"; docs/cameras.md).
SONY_MODEL_NAMES = {
    0x0501: "BRC-H700",
    0x0502: "BRU-H700",
    0x0505: "BRC-Z700",
    0x0511: "SRG-120DH",
    0x0513: "SRG-300H",
    0x0516: "SRG-300SE/301SE/201SE",
    0x0519: "BRC-X1000",
    0x051A: "BRC-H800",
    0x051B: "BRC-H780",
    0x051C: "BRC-X400",
    0x051D: "BRC-X401",
    0x051E: "ILME-FR7",
    0x051F: "BRC-AM7",
    0x0604: "SRG-360SHE",
    0x0605: "SRG-280SHE",
    0x0617: "SRG-X400",
    0x0618: "SRG-X120",
    0x061A: "SRG-201M2",
    0x061B: "SRG-HD1M2",
    0x061C: "SRG-X402",
    0x061F: "SRG-X40UH",
    0x0620: "SRG-H40UH",
    0x0621: "SRG-A40",
    0x0622: "SRG-A12",
}


# Vendor IDs seen in version answers ("Version inquiry"). 0001 is named only with a known Sony model: a
# PTZOptics answer (factory code 00, hardware 01) starts with the same bytes (docs/cameras.md).
VENDOR_NAMES = {
    0x0020: "Sony FCB",
    0x0003: "Everet",
    0x0010: "HuddleCam",
    0x0109: "BirdDog",
    0x0220: "GlowStream",
    0x2574: "AVer",
}


@dataclass(frozen=True)
class Version:
    vendor_id: int
    model_id: int
    rom_version: int
    max_socket: int

    @property
    def model_name(self) -> str:
        if self.vendor_id == SONY_VENDOR and self.model_id in SONY_MODEL_NAMES:
            return f"Sony {SONY_MODEL_NAMES[self.model_id]}"
        vendor = VENDOR_NAMES.get(self.vendor_id, f"vendor {self.vendor_id:04X}")
        return f"{vendor} model {self.model_id:04X}"


# What each answer is, as the messages name it.
POWER = QT_TRANSLATE_NOOP("Camera", "power")
ZOOM = QT_TRANSLATE_NOOP("Camera", "zoom position")
FOCUS = QT_TRANSLATE_NOOP("Camera", "focus position")
FOCUS_MODE = QT_TRANSLATE_NOOP("Camera", "focus mode")
PAN_TILT = QT_TRANSLATE_NOOP("Camera", "pan-tilt position")
LAST_PRESET = QT_TRANSLATE_NOOP("Camera", "last preset")
VERSION = QT_TRANSLATE_NOOP("Camera", "version")
# The console's status inquiries by name (CameraState.unsupported), as an operator reads them.
INQUIRY_WORDS = {
    "power": POWER,
    "position": PAN_TILT,
    "zoom": ZOOM,
    "focus mode": FOCUS_MODE,
    "focus": FOCUS,
    "last preset": LAST_PRESET,
    "version": VERSION,
}


def answer_fits(inquiry: str, data: bytes, profile: CameraProfile) -> bool:
    """Whether ``data`` has the shape of an answer to the status inquiry ``inquiry``: its length and,
    where the answer is one of a few values or nibbles, those (True when the inquiry is not known here)."""
    one_of = {"power": b"\x02\x03\x04", "focus mode": b"\x02\x03"}
    if inquiry in one_of:
        return len(data) == 1 and data[0] in one_of[inquiry]
    nibbles = {"zoom": 4, "focus": 4, "position": profile.pan_nibbles + profile.tilt_nibbles}
    if inquiry in nibbles:
        return len(data) == nibbles[inquiry] and all(byte < 0x10 for byte in data)
    length = {"last preset": 1, "version": 7}.get(inquiry)
    return length is None or len(data) == length


def _hex(data: bytes) -> str:
    return repr(data.hex(" "))


def _expect_length(what: str, data: bytes, length: int) -> None:
    if len(data) != length:
        raise ViscaAnswerError(
            QT_TRANSLATE_NOOP(
                "Camera", "{what} answer must have {length} data bytes, got {count}: {data}"
            ).format(what=what, length=length, count=len(data), data=_hex(data))
        )


def _nibble_value(what: str, data: bytes, signed: bool = False) -> int:
    try:
        return from_signed_nibbles(data) if signed else from_nibbles(data)
    except ValueError as exc:
        raise ViscaAnswerError(
            QT_TRANSLATE_NOOP("Camera", "{what} answer {data}: {problem}").format(
                what=what, data=_hex(data), problem=sentence_of(exc)
            )
        ) from None


def _one_of(what: str, data: bytes, meanings: dict[int, str]) -> str:
    _expect_length(what, data, 1)
    if data[0] not in meanings:
        raise ViscaAnswerError(
            QT_TRANSLATE_NOOP("Camera", "{what} answer {value} is not one of {known}").format(
                what=what, value=f"{data[0]:02X}", known=", ".join(f"{k:02X}" for k in meanings)
            )
        )
    return meanings[data[0]]


def decode_power(data: bytes) -> bool:
    """True = on (02), False = standby (03)."""
    if data == b"\x04":
        raise ViscaAnswerError(
            QT_TRANSLATE_NOOP("Camera", "camera reports an internal power-circuit error (power answer 04)")
        )
    return _one_of(POWER, data, {0x02: "on", 0x03: "standby"}) == "on"


def decode_zoom(data: bytes) -> int:
    _expect_length(ZOOM, data, 4)
    return _nibble_value(ZOOM, data)


def decode_focus(data: bytes) -> int:
    _expect_length(FOCUS, data, 4)
    return _nibble_value(FOCUS, data)


def decode_focus_mode(data: bytes) -> str:
    """'auto' (02) or 'manual' (03)."""
    return _one_of(FOCUS_MODE, data, {0x02: "auto", 0x03: "manual"})


def decode_pan_tilt(data: bytes, profile: CameraProfile) -> tuple[int, int]:
    """Signed (pan, tilt) in the profile's nibble widths."""
    _expect_length(PAN_TILT, data, profile.pan_nibbles + profile.tilt_nibbles)
    pan = _nibble_value(PAN_TILT, data[: profile.pan_nibbles], signed=True)
    tilt = _nibble_value(PAN_TILT, data[profile.pan_nibbles :], signed=True)
    return pan, tilt


def decode_last_preset(data: bytes) -> int:
    """The `pp` byte as sent in CAM_Memory (BRC-X400 answers 7F when none was recalled)."""
    _expect_length(LAST_PRESET, data, 1)
    return data[0]


def decode_version(data: bytes) -> Version:
    """`GG GG HH HH JJ JJ KK`: vendor, model, ROM version, max socket ("Version inquiry")."""
    _expect_length(VERSION, data, 7)
    return Version(
        vendor_id=int.from_bytes(data[0:2], "big"),
        model_id=int.from_bytes(data[2:4], "big"),
        rom_version=int.from_bytes(data[4:6], "big"),
        max_socket=data[6],
    )
