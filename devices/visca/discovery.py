"""Which profile a camera gets from its answer to the version inquiry (docs/cameras.md "Discovery").

Only pairs the project's sources tie to a profile's numbers are listed; anything else, or an
answer in another layout (PTZOptics), gets the generic profile.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.visca.answers import ViscaAnswerError, decode_version
from devices.visca.profiles import FALLBACK, SONY_VENDOR, CameraProfile, get_profile

# Sony model IDs (vendor 0001) by the command list their numbers come from.
_SRG300H_CLASS = (0x0511, 0x0513, 0x0516)  # SRG-120DH, SRG-300H, SRG-300SE/301SE/201SE
_H700_CLASS = (0x0501, 0x0502)  # BRC-H700, BRU-H700
_X400_CLASS = (
    0x051C,
    0x051D,  # BRC-X400, BRC-X401
    0x0617,
    0x0618,
    0x061A,
    0x061B,
    0x061C,  # SRG-X400, X120, 201M2, HD1M2, X402
    0x061F,
    0x0620,
    0x0621,
    0x0622,
)  # SRG-X40UH, H40UH, A40, A12
SONY_PROFILES = {
    **{model: "sony-srg300h" for model in _SRG300H_CLASS},
    **{model: "sony-brc-h700" for model in _H700_CLASS},
    **{model: "sony-brc-x400" for model in _X400_CLASS},
}


@dataclass(frozen=True)
class Identity:
    """What the version answer says, and the profile it leads to."""

    profile: CameraProfile
    known: bool  # False: generic, because the model is not one the console knows
    model: str
    vendor_id: int | None = None
    model_id: int | None = None
    rom_revision: int | None = None


def identify(data: bytes) -> Identity:
    """The profile for a version answer's data bytes (what follows `y0 50`)."""
    try:
        version = decode_version(data)
    except ViscaAnswerError:
        return Identity(get_profile(FALLBACK), False, f"unrecognised version answer {data.hex(' ')}")
    name = SONY_PROFILES.get(version.model_id) if version.vendor_id == SONY_VENDOR else None
    profile = get_profile(name or FALLBACK)
    return Identity(
        profile,
        name is not None,
        version.model_name,
        version.vendor_id,
        version.model_id,
        version.rom_version,
    )
