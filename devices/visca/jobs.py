"""The units of work a camera session sends: jobs, and the settings that time them."""

from __future__ import annotations

import concurrent.futures
import enum
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from devices.visca.profiles import PROFILES, CameraProfile
from devices.visca.state import CameraError


class JobKind(enum.Enum):
    COMMAND = "command"  # ACK, then completion (or an error)
    INQUIRY = "inquiry"  # one answer, no ACK
    CANCEL = "cancel"  # `6s 04` or `6s 05`
    DRIVE = "drive"  # a continuous pan-tilt / zoom / focus speed: latest value wins
    RESET = "reset"  # VISCA-over-IP sequence reset


class Axis(enum.Enum):
    PAN_TILT = "pan-tilt"
    ZOOM = "zoom"
    FOCUS = "focus"


STOPPED: dict[Axis, Any] = {Axis.PAN_TILT: (0, 0), Axis.ZOOM: (0, None), Axis.FOCUS: (0, None)}
UNKNOWN = object()  # what the camera last accepted on an axis is not known


@dataclass(eq=False)
class Job:
    kind: JobKind
    message: bytes
    action: str
    future: concurrent.futures.Future | None = None
    motion: bool = False  # a move that a newer move supersedes and a stop cancels
    apply: Callable[[bytes], Any] | None = None  # decodes an inquiry answer into the state
    axis: Axis | None = None
    value: Any = None  # the axis value this drive message carries
    preset: int | None = None
    seq: int | None = None
    tries: int = 0
    accepted_at: float = 0.0  # loop time of the ACK
    resends: int = 0  # asked again after its completion went missing
    superseded: str = ""  # why it is being cancelled: "superseded" (a newer move) or "stopped"
    on_wire: bool = False  # transmitted at least once without a local error
    socket: int | None = None
    sent_at: float = 0.0  # loop time of the first transmission
    last_sent: float = 0.0  # … and of the latest
    deadline: float = 0.0  # loop time by which the completion is due
    started: float = field(default_factory=time.time)
    background: bool = False  # polls and probes: not operator actions
    attempts: int = 1  # background: transmissions before it is given up
    timeout: float | None = None  # first-reply timeout, if not the camera's usual
    inquiry: str | None = None  # the status inquiry this asks ("focus mode" …)
    build: Callable[[CameraProfile], bytes] | None = None  # message for the profile known at send time

    @functools.cached_property
    def independent(self) -> bool:
        """Whether every profile builds these very bytes: then the command need not wait until the camera
        says what it is (docs/cameras.md "Before the model is known"). Worked out on the device thread,
        only while the camera is being identified, so that the caller's call stays short."""
        if self.build is None or self.kind is not JobKind.COMMAND:
            return False
        try:
            return all(self.build(profile) == self.message for profile in PROFILES.values())
        except ValueError:
            return False

    @property
    def drive_axis(self) -> Axis:
        """The axis a DRIVE job moves: every drive names one (``CameraSession._drive_job``)."""
        assert self.axis is not None, f"{self.action}: not a drive"
        return self.axis

    @property
    def is_command(self) -> bool:
        return self.kind in (JobKind.COMMAND, JobKind.DRIVE)

    def resolve(self, result: Any) -> None:
        if self.future is not None and not self.future.done():
            self.future.set_result(result)

    def fail(self, error: CameraError) -> None:
        if self.future is not None and not self.future.done():
            self.future.set_exception(error)


@dataclass(frozen=True)
class Timing:
    """How patient a session is with one camera (camera URL options in brackets)."""

    ack_timeout: float = 0.25  # [timeout] wait for the first reply before resending
    poll_interval: float = 1.0  # [poll] status inquiries while idle
    moving_poll_interval: float = 0.25
    offline_after: float = 1.0  # unanswered time that makes a camera offline (after ≤ 1 s poll gap: ≤ 2 s)
    probe_backoff: tuple[float, ...] = (0.25, 0.5, 1.0, 1.5)
    command_completion: float = 3.0  # completion due after the ACK of an ordinary command
    motion_completion: float = 60.0  # completion due after the ACK of a preset recall or move
    buffer_full_wait: float = 0.5  # wait for a completion after "buffer full", then retry


class Poll:
    """A status inquiry asked every ``every`` rounds; ``apply`` takes its answer."""

    def __init__(
        self, name: str, words: str, message: bytes, apply: Callable[[bytes], Any], every: int
    ) -> None:
        self.name, self.words, self.message, self.apply, self.every = name, words, message, apply, every
        self.due = time.monotonic()  # due now, but not late: the operator's first command goes first
