"""What a camera is and which status inquiries it answers (docs/cameras.md). Mixed into ``CameraStatus``.

On (re)connection the version inquiry picks the profile (``model=auto``); an inquiry the camera
refuses is dropped from polling until it reconnects, and the operator is told once.
"""

from __future__ import annotations

import concurrent.futures
import logging
import time
from typing import Any, Protocol

from common.wording import QT_TRANSLATE_NOOP
from devices.records import DeviceNotice
from devices.visca.discovery import Identity, identify
from devices.visca.jobs import Job, Poll, Timing
from devices.visca.profiles import FALLBACK, CameraProfile, get_profile
from devices.visca.state import CameraError, CameraState

log = logging.getLogger(__name__)

DISCOVERY_TRIES = 2  # transmissions of the version inquiry before the generic profile is taken
# where the profile in use came from (CameraState.profile_source)
CONFIGURED, PENDING, DISCOVERED, FALLBACK_SOURCE = "configured", "pending", "discovered", "fallback"


class StatusParts(Protocol):
    """What the methods of ``Capabilities`` use of ``CameraStatus``: they take ``self: StatusParts``, so
    mypy checks each name they use against this list and, wherever the status calls one of them,
    that ``CameraStatus`` has all of it (mypy's way for mixins; a Protocol is not a base class)."""

    name: str
    auto: bool
    discovering: bool
    profile: CameraProfile
    timing: Timing
    state: CameraState
    polls: list[Poll]
    _identified: list[concurrent.futures.Future]

    def poll(self, name: str) -> Poll | None: ...
    def inquiry_job(
        self,
        poll: Poll,
        future: concurrent.futures.Future | None = None,
        action: str = "",
        background: bool = True,
    ) -> Job: ...
    def update(self, **changes: Any) -> None: ...
    def snapshot(self) -> CameraState: ...
    def _emit(self, item: Any) -> None: ...
    def _learned(self, profile: CameraProfile, source: str, **found: Any) -> None: ...


class Capabilities:
    """Uses of ``CameraStatus`` what ``StatusParts`` lists."""

    def discovery_job(self: StatusParts) -> Job:
        job = self.inquiry_job(self.poll("version"))  # type: ignore[arg-type]  # every status polls the version
        job.attempts = DISCOVERY_TRIES  # the same message again: on a slow link its answer may be late
        return job

    def _apply_version(self: StatusParts, data: bytes) -> Identity:
        identity = identify(data)
        found = {
            "model": identity.model,
            "vendor_id": identity.vendor_id,
            "model_id": identity.model_id,
            "rom_revision": identity.rom_revision,
        }
        if self.discovering:  # the profile changes only at (re)connection, never under a running session
            self._learned(identity.profile, DISCOVERED if identity.known else FALLBACK_SOURCE, **found)
        else:
            self.update(**found)
        return identity

    def discovery_unanswered(self: StatusParts) -> None:
        if self.discovering:
            self._learned(get_profile(FALLBACK), FALLBACK_SOURCE)

    def _learned(self: StatusParts, profile: CameraProfile, source: str, **found: Any) -> None:
        self.discovering = False
        self.profile = profile
        version = self.poll("version")
        if version is not None:  # just asked: the next one comes with the slow polls
            version.due = time.monotonic() + self.timing.poll_interval * version.every
        self.update(profile=profile.name, profile_source=source, **found)
        log.info(
            "%s: %s, profile %s (%s)", self.name, found.get("model") or "model unknown", profile.name, source
        )
        for future in self._identified:
            if not future.done():
                future.set_result(self.snapshot())
        self._identified.clear()

    def when_identified(self: StatusParts, future: concurrent.futures.Future) -> None:
        if self.discovering:
            self._identified.append(future)
        elif not future.done():
            future.set_result(self.snapshot())

    def fail_identified(self: StatusParts, error: CameraError) -> None:
        for future in self._identified:
            if not future.done():
                future.set_exception(error)
        self._identified.clear()

    def refused(self: StatusParts, inquiry: str) -> None:
        """The camera answered the inquiry with a syntax error: it does not know it. It is no longer
        asked until the camera reconnects, and the operator is told once."""
        poll = self.poll(inquiry)
        if poll is None or inquiry in self.state.unsupported:
            return
        self.update(unsupported=(*self.state.unsupported, inquiry))
        if inquiry == "version" and self.discovering:
            self._learned(get_profile(FALLBACK), FALLBACK_SOURCE)
        text = QT_TRANSLATE_NOOP(
            "Camera", "{camera} does not answer the {inquiry} inquiry; it is no longer asked"
        ).format(camera=self.name, inquiry=poll.words)
        log.warning("%s", text)
        self._emit(DeviceNotice(self.name, "warning", text))

    def reconnected(self: StatusParts) -> None:
        """Back from silence, a restart or a new connection: ask everything again, learn the model again."""
        now = time.monotonic()
        for poll in self.polls:
            poll.due = now  # all due, none late: what the operator waits for goes first
        changes: dict[str, Any] = {"unsupported": ()}
        if self.auto:
            self.discovering = True
            changes["profile_source"] = PENDING
        self.update(**changes)
