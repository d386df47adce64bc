"""What is known about one camera: state, health counters, status polls and listeners.

The session reports what happened (a job accepted, finished, an answer); this class turns it
into an immutable ``CameraState`` and tells listeners about changes and finished actions.
Runs on the device loop; listeners must hand anything slow to another thread.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import logging
import time
from typing import Any

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices.records import ActionRecord, DeviceNotice, Link, Listener, Listeners
from devices.visca import answers, codec
from devices.visca.capabilities import CONFIGURED, PENDING, Capabilities
from devices.visca.drives import direction_of
from devices.visca.jobs import Axis, Job, JobKind, Poll, Timing
from devices.visca.profiles import FALLBACK, CameraProfile, get_profile
from devices.visca.state import CameraError, CameraState, Health, Motion

log = logging.getLogger(__name__)

ARRIVAL_TOLERANCE = 16
NO_PRESET = 0x7F  # position counts: about a third of a degree on Sony heads


class CameraStatus(Capabilities):
    def __init__(self, name: str, url: str, profile: CameraProfile | None, timing: Timing) -> None:
        """``profile`` None: ``model=auto``, learned from the version inquiry (docs/cameras.md)."""
        self.name = name
        self.auto = profile is None
        self.profile = profile or get_profile(FALLBACK)
        self.discovering = self.auto
        self._identified: list[concurrent.futures.Future] = []
        self.timing = timing
        self.state = CameraState(
            name=name, url=url, profile=self.profile.name, profile_source=PENDING if self.auto else CONFIGURED
        )
        self._counters: dict[str, int] = {f.name: 0 for f in dataclasses.fields(Health) if f.type == "int"}
        self._rtt: float | None = None
        self._last_seen: float | None = None
        self._listeners = Listeners(name)
        self._preset_positions: dict[int, tuple[int, int]] = {}
        self._verify_arrival = False
        self.still_since: float | None = None  # monotonic time the head was last seen moving
        self._drive_directions: dict[Axis, Any] = {}
        words = answers.INQUIRY_WORDS
        self.polls = [
            Poll(
                "power",
                words["power"],
                codec.power_inquiry(),
                lambda d: self.update(power=answers.decode_power(d)),
                1,
            ),
            Poll("position", words["position"], codec.pan_tilt_position_inquiry(), self._apply_position, 1),
            Poll(
                "zoom",
                words["zoom"],
                codec.zoom_position_inquiry(),
                lambda d: self.update(zoom=answers.decode_zoom(d)),
                1,
            ),
            Poll(
                "focus mode",
                words["focus mode"],
                codec.focus_mode_inquiry(),
                lambda d: self.update(focus_mode=answers.decode_focus_mode(d)),
                4,
            ),
            Poll(
                "focus",
                words["focus"],
                codec.focus_position_inquiry(),
                lambda d: self.update(focus=answers.decode_focus(d)),
                4,
            ),
            Poll(
                "last preset", words["last preset"], codec.last_preset_inquiry(), self._apply_last_preset, 4
            ),
            Poll("version", words["version"], codec.version_inquiry(), self._apply_version, 60),
        ]

    # ---- listeners -------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.add(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, item: Any) -> None:
        self._listeners.emit(item)

    def notice(self, notice: DeviceNotice) -> None:
        """Something the operator reads once (a warning in the notice bar and the log pane)."""
        log.warning("%s", notice.text)
        self._emit(notice)

    # ---- state -------------------------------------------------------------------------------
    @property
    def is_offline(self) -> bool:
        return self.state.link is Link.OFFLINE

    @property
    def online(self) -> bool:
        return self.state.link is Link.ONLINE

    def snapshot(self) -> CameraState:
        """The state with fresh counters (callable from any thread)."""
        return dataclasses.replace(self.state, health=self._health())

    def update(self, **changes: Any) -> None:
        new = dataclasses.replace(self.state, **changes)
        if new != self.state:
            self.state = new
            self._emit(new)

    def _health(self) -> Health:
        return Health(
            last_seen=self._last_seen,
            rtt_ms=None if self._rtt is None else self._rtt * 1000,
            **self._counters,
        )

    def count(self, counter: str, n: int = 1) -> None:
        self._counters[counter] += n
        if counter in ("timeouts", "errors", "buffer_full", "resets", "offline_count"):
            self.update(health=self._health())

    @property
    def rtt(self) -> float | None:
        return self._rtt

    def note_rtt(self, seconds: float) -> None:
        self._rtt = seconds if self._rtt is None else 0.8 * self._rtt + 0.2 * seconds

    def note_error(self, message: str) -> None:
        self.update(last_error=message)

    def set_link(self, link: Link, why: str = "") -> None:
        if link is Link.ONLINE:
            self._last_seen = time.time()
        if link is Link.OFFLINE and self.state.link is not Link.OFFLINE:
            self._counters["offline_count"] += 1
            log.warning("%s", why or f"{self.name} is offline")
        motion = Motion.IDLE if link is Link.OFFLINE else self.state.motion
        self.update(link=link, motion=motion, last_error=why or self.state.last_error, health=self._health())

    def seen(self) -> None:
        self._last_seen = time.time()
        self._counters["received"] += 1

    # ---- polls ----------------------------------------------------------------------------------
    def poll(self, name: str) -> Poll | None:
        return next((p for p in self.polls if p.name == name), None)

    def _asked(self) -> list[Poll]:
        return [p for p in self.polls if p.name not in self.state.unsupported]

    def due_poll(self, now: float, late_by: float = 0.0) -> Poll | None:
        """The most overdue poll that is at least ``late_by`` seconds late, not yet taken."""
        due = [p for p in self._asked() if now - p.due >= late_by]
        return min(due, key=lambda p: p.due) if due else None

    def inquiry_job(
        self,
        poll: Poll,
        future: concurrent.futures.Future | None = None,
        action: str = "",
        background: bool = True,
    ) -> Job:
        """A status poll or probe (``background``: given up after one timeout, steps aside for the
        operator), or an inquiry someone waits for (resent until answered, like a command)."""
        return Job(
            JobKind.INQUIRY,
            poll.message,
            action or f"inquiry {poll.name}",
            future,
            apply=poll.apply,
            background=background,
            inquiry=poll.name,
        )

    def poll_job(self, poll: Poll, now: float) -> Job:
        moving = self.state.motion is Motion.MOVING and poll.name == "position"
        poll.due = now + (
            self.timing.moving_poll_interval if moving else self.timing.poll_interval * poll.every
        )
        return self.inquiry_job(poll)

    def next_poll_time(self) -> float:
        return min((p.due for p in self._asked()), default=time.monotonic() + self.timing.poll_interval)

    def probe_job(self) -> Job:
        return self.inquiry_job((self._asked() or self.polls)[0], action="probe")

    def answered(self, job: Job, data: bytes) -> None:
        try:
            value = job.apply(data) if job.apply else data
        except answers.ViscaAnswerError as exc:
            self.count("garbage")
            problem = sentence_of(exc)
            self.note_error(
                QT_TRANSLATE_NOOP("Camera", "{camera}: unexpected answer to {action}: {problem}").format(
                    camera=self.name, action=job.action, problem=problem
                )
            )
            job.fail(self.error(job.action, "garbled answer", problem))
            return
        poll = self.poll(job.inquiry or "")
        if poll is not None and not job.background:  # asked by someone: it serves as the poll too
            poll.due = max(poll.due, time.monotonic() + self.timing.poll_interval * poll.every)
        job.resolve(value if value is not None else data)

    def _apply_last_preset(self, data: bytes) -> int | None:
        number: int | None = answers.decode_last_preset(data)
        if number == NO_PRESET and self.state.target_preset != NO_PRESET:
            number = None  # Sony cameras answer 7F before any preset was recalled
        if self.state.motion is not Motion.MOVING:
            self.update(last_preset=number)
        return number

    def _apply_position(self, data: bytes) -> tuple[int, int]:
        pan, tilt = answers.decode_pan_tilt(data, self.profile)
        if self.still_since is None or (pan, tilt) != (self.state.pan, self.state.tilt):
            self.still_since = time.monotonic()
        changes: dict[str, Any] = {"pan": pan, "tilt": tilt}
        if self._verify_arrival:
            self._verify_arrival = False
            changes["motion"] = Motion.ARRIVED
            preset = self.state.target_preset
            if preset is not None:
                expected = self._preset_positions.setdefault(preset, (pan, tilt))
                if max(abs(expected[0] - pan), abs(expected[1] - tilt)) > ARRIVAL_TOLERANCE:
                    changes["last_error"] = QT_TRANSLATE_NOOP(
                        "Camera", "{camera} stopped away from preset {preset}"
                    ).format(camera=self.name, preset=preset)
                    self._preset_positions[preset] = (pan, tilt)
        self.update(health=self._health(), **changes)
        return pan, tilt

    # ---- jobs --------------------------------------------------------------------------------------
    def error(self, action: str, result: str, detail: str = "") -> CameraError:
        return CameraError(self.name, action, result, detail or f"{self.name}: {action}: {result}")

    def accepted(self, job: Job) -> None:
        if job.motion and not job.superseded:  # a move stopped before its ACK came is being cancelled
            self._verify_arrival = False  # a newer move is running: an older completion proves nothing
            self.polls[1].due = time.monotonic() + self.timing.moving_poll_interval  # follow the move
            self.update(motion=Motion.MOVING, target_preset=job.preset)

    def drive_delivered(self, job: Job) -> None:
        """Record a drive in the audit trail when its direction changes, not every speed step."""
        axis = job.drive_axis
        if axis is Axis.PAN_TILT and job.value != (0, 0) and self.state.motion is not Motion.IDLE:
            self.update(motion=Motion.IDLE, target_preset=None)
        direction = direction_of(axis, job.value)
        if self._drive_directions.get(axis) != direction:
            self._drive_directions[axis] = direction
            self._emit(
                ActionRecord(
                    self.name, job.action, "completed", job.started, (time.time() - job.started) * 1000
                )
            )

    def finish(self, job: Job, result: str, detail: str = "") -> None:
        """A job ended: resolve its future, record the action, update motion state."""
        if job.motion and result == "completed":
            self._verify_arrival = True
            self.polls[1].due = 0.0
            self.update(last_preset=job.preset if job.preset is not None else self.state.last_preset)
        elif job.motion and self.state.motion is Motion.MOVING and result != "superseded":
            # stopped, refused or lost: the head is still, short of the target. Only a newer move
            # ("superseded") keeps the state moving, as that move reports its own progress.
            self.update(motion=Motion.IDLE, target_preset=None)
        if job.preset is not None and job.action.startswith("preset save") and result == "completed":
            self._preset_positions.pop(job.preset, None)
        duration_ms = (time.time() - job.started) * 1000
        record = ActionRecord(self.name, job.action, result, job.started, duration_ms)
        if result == "completed":
            job.resolve(record)
        else:
            if not job.background:
                self.update(last_error=detail or f"{self.name}: {job.action}: {result}")
            job.fail(self.error(job.action, result, detail))
        if not job.background and job.kind is not JobKind.DRIVE:
            self._emit(record)
