"""What the UI and the log see of a camera: an immutable snapshot plus events."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field

from devices.records import Link


class Motion(enum.Enum):
    IDLE = "idle"
    MOVING = "moving"  # a preset recall or absolute move is running
    ARRIVED = "arrived"  # completion received and a fresh position read back


@dataclass(frozen=True)
class Health:
    last_seen: float | None = None  # time.time() of the last valid reply
    rtt_ms: float | None = None  # smoothed round-trip time of first replies
    sent: int = 0
    received: int = 0
    retries: int = 0
    timeouts: int = 0
    errors: int = 0  # error replies from the camera (any kind)
    buffer_full: int = 0
    resets: int = 0  # VISCA-over-IP sequence resets
    offline_count: int = 0
    garbage: int = 0  # replies that matched nothing or did not parse


@dataclass(frozen=True)
class CameraState:
    name: str
    url: str
    link: Link = Link.CONNECTING
    motion: Motion = Motion.IDLE
    power: bool | None = None
    pan: int | None = None
    tilt: int | None = None
    zoom: int | None = None
    focus: int | None = None
    focus_mode: str | None = None
    model: str | None = None
    last_preset: int | None = None
    target_preset: int | None = None
    last_error: str | None = None
    health: Health = field(default_factory=Health)
    # what the console learned about the camera (docs/cameras.md "Discovery")
    profile: str | None = None  # name of the profile in use (limits, layouts)
    profile_source: str = "pending"  # configured | pending | discovered | fallback
    vendor_id: int | None = None  # from the version inquiry
    model_id: int | None = None
    rom_revision: int | None = None  # firmware (ROM) revision
    unsupported: tuple[str, ...] = ()  # status inquiries the camera refused: no longer asked

    @property
    def online(self) -> bool:
        return self.link is Link.ONLINE

    def to_json(self) -> dict:
        data = asdict(self)
        data["link"] = self.link.value
        data["motion"] = self.motion.value
        data["online"] = self.online
        data["unsupported"] = list(self.unsupported)
        return data


class CameraError(Exception):
    """A command the camera refused or never finished; ``result`` is the audit wording."""

    def __init__(self, camera: str, action: str, result: str, detail: str = "") -> None:
        self.camera = camera
        self.action = action
        self.result = result
        super().__init__(detail or f"{camera}: {action}: {result}")
