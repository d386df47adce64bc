"""Camera profiles: the per-model numbers the codec and the simulator need (docs/protocols/visca.md
"Commands the console and the simulator use", "Model and client differences"; the headings below are there).

Positions are signed counts (two's complement over the profile's nibble widths, "Nibble fields and
signed positions").
Preset numbers are the `pp` byte sent on the wire; on BRC-X cameras `pp` = preset number − 1 ("Presets").
Which end is "left" and how fast a preset recall may be differ by model: docs/cameras.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from common.wording import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class CameraProfile:
    name: str
    label: str
    pan_speed_max: int
    tilt_speed_max: int
    pan_nibbles: int
    tilt_nibbles: int
    single_speed: bool
    preset_min: int
    preset_max: int
    preset_reserved: frozenset[int]
    zoom_max: int
    focus_min: int
    focus_max: int
    pan_min: int
    pan_max: int
    tilt_min: int
    tilt_max: int
    counts_per_degree: float
    vendor_id: int
    model_id: int
    pan_deg_per_s_max: float
    tilt_deg_per_s_max: float
    pan_left_positive: bool = False  # BRC-H700: the left end is the positive one (docs/cameras.md)
    preset_speed_max: int = 0x18  # `7E 01 0B pp qq` recall speed; BRC-X400 family 01–19h
    tally_lamp: bool = False  # `7E 01 0A 00 0p` lights its tally lamp (docs/protocols/visca.md "Tally")


SONY_VENDOR = 0x0001

# SRG-300H / BRC-X400 position table ("Absolute and relative position"): pan DE00..2200 = ±170°,
# tilt FC00..1200 = −20°..+90°.
_SONY_PAN = (-0x2200, 0x2200)
_SONY_TILT = (-0x0400, 0x1200)
_SONY_COUNTS_PER_DEGREE = 0x2200 / 170

# BRC-H700 ("Absolute and relative position"): pan 08A58 (left, positive) .. F75A8 (right),
# tilt 493D (up) .. E796 (down).
# These match ±170° pan and +90°/−30° tilt at the same scale.
_H700_PAN = (-0x08A58, 0x08A58)
_H700_TILT = (0xE796 - 0x10000, 0x493D)

_PROFILE_LIST = (
    CameraProfile(
        name="generic",
        label="Generic VISCA camera",
        pan_speed_max=0x18,
        tilt_speed_max=0x14,
        pan_nibbles=4,
        tilt_nibbles=4,
        single_speed=False,
        preset_min=0,
        preset_max=254,
        preset_reserved=frozenset(),
        zoom_max=0x4000,
        focus_min=0x1000,
        focus_max=0xF000,
        pan_min=_SONY_PAN[0],
        pan_max=_SONY_PAN[1],
        tilt_min=_SONY_TILT[0],
        tilt_max=_SONY_TILT[1],
        counts_per_degree=_SONY_COUNTS_PER_DEGREE,
        vendor_id=0x0000,
        model_id=0x0000,
        pan_deg_per_s_max=100.0,
        tilt_deg_per_s_max=90.0,
    ),
    CameraProfile(
        name="sony-srg300h",
        label="Sony SRG-300H",
        pan_speed_max=0x18,
        tilt_speed_max=0x17,
        pan_nibbles=4,
        tilt_nibbles=4,
        single_speed=False,
        preset_min=0,
        preset_max=15,
        preset_reserved=frozenset(),
        zoom_max=0x4000,
        focus_min=0x1000,
        focus_max=0xF000,
        pan_min=_SONY_PAN[0],
        pan_max=_SONY_PAN[1],
        tilt_min=_SONY_TILT[0],
        tilt_max=_SONY_TILT[1],
        counts_per_degree=_SONY_COUNTS_PER_DEGREE,
        vendor_id=SONY_VENDOR,
        model_id=0x0513,
        pan_deg_per_s_max=101.0,
        tilt_deg_per_s_max=91.0,
    ),
    CameraProfile(
        name="sony-brc-x400",
        label="Sony BRC-X400",
        pan_speed_max=0x18,
        tilt_speed_max=0x17,
        pan_nibbles=4,
        tilt_nibbles=4,
        single_speed=True,
        preset_min=0,
        preset_max=99,
        preset_reserved=frozenset(),
        zoom_max=0x4000,
        focus_min=0x1000,
        focus_max=0xF000,
        pan_min=_SONY_PAN[0],
        pan_max=_SONY_PAN[1],
        tilt_min=_SONY_TILT[0],
        tilt_max=_SONY_TILT[1],
        counts_per_degree=_SONY_COUNTS_PER_DEGREE,
        vendor_id=SONY_VENDOR,
        model_id=0x051C,
        pan_deg_per_s_max=101.0,
        tilt_deg_per_s_max=91.0,
        preset_speed_max=0x19,
        tally_lamp=True,
    ),
    CameraProfile(
        name="sony-brc-h700",
        label="Sony BRC-H700",
        pan_speed_max=0x18,
        tilt_speed_max=0x18,
        pan_nibbles=5,
        tilt_nibbles=4,
        single_speed=True,
        preset_min=0,
        preset_max=15,
        preset_reserved=frozenset(),
        zoom_max=0x4000,
        focus_min=0x1000,
        focus_max=0xF000,
        pan_min=_H700_PAN[0],
        pan_max=_H700_PAN[1],
        tilt_min=_H700_TILT[0],
        tilt_max=_H700_TILT[1],
        counts_per_degree=0x08A58 / 170,
        vendor_id=SONY_VENDOR,
        model_id=0x0501,
        pan_deg_per_s_max=100.0,
        tilt_deg_per_s_max=90.0,
        pan_left_positive=True,
        tally_lamp=True,
    ),
    CameraProfile(
        name="ptzoptics",
        label="PTZOptics",
        pan_speed_max=0x18,
        tilt_speed_max=0x14,
        pan_nibbles=4,
        tilt_nibbles=4,
        single_speed=False,
        preset_min=0,
        preset_max=254,
        preset_reserved=frozenset(range(90, 100)),
        zoom_max=0x4000,
        focus_min=0x1000,
        focus_max=0xF000,
        pan_min=_SONY_PAN[0],
        pan_max=_SONY_PAN[1],
        tilt_min=_SONY_TILT[0],
        tilt_max=_SONY_TILT[1],
        counts_per_degree=_SONY_COUNTS_PER_DEGREE,
        vendor_id=0x0000,
        model_id=0x0000,
        pan_deg_per_s_max=100.0,
        tilt_deg_per_s_max=90.0,
    ),
)

PROFILES: dict[str, CameraProfile] = {profile.name: profile for profile in _PROFILE_LIST}


AUTO = "auto"  # model=auto (the default): the version inquiry chooses (docs/cameras.md)
FALLBACK = "generic"  # the profile of a camera not (yet) known


def configured_profile(name: str | None) -> CameraProfile | None:
    """The profile a ``model=``/``profile:`` setting names; None for ``auto`` or no setting."""
    return None if name in (None, "", AUTO) else get_profile(name)


def get_profile(name: str) -> CameraProfile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(
            QT_TRANSLATE_NOOP("Camera", "unknown camera profile {name}; known: {known}").format(
                name=repr(name), known=", ".join(PROFILES)
            )
        ) from None
