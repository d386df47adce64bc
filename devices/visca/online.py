"""Whether a camera is online: what it is asked completes (docs/transports.md "Online"). Mixed into
``CameraSession``.

A reply counts only when it completes something the session asked: an inquiry's answer, a
command's completion or error, a drive's or cancel's first reply (a command's ACK too, while its
completions have been coming).
Anything else the camera sends — an answer with another sequence number, an ACK never followed by
its completion, a reply whose bytes dribbled in over seconds — is heard (health, "last seen") but
keeps nobody online: a camera that sends only that is offline with the reason, as a silent one is.
"""

from __future__ import annotations

from common.wording import QT_TRANSLATE_NOOP
from devices.records import DeviceNotice
from devices.records import Link as LinkState
from devices.transport.noise import GARBAGE
from devices.visca.jobs import STOPPED, UNKNOWN, Axis
from devices.visca.session_parts import SessionParts

SLOW_REPLY = 0.5  # seconds from a reply's first byte to its FF beyond which it answers nothing


class OnlineState:
    """Uses of ``CameraSession`` what ``SessionParts`` lists (session_parts.py)."""

    def _alive(self: SessionParts) -> None:
        """A reply completed something the session asked. Amid garbage that brings no camera back: random
        bytes at line speed now and then hold a poll's answer; the first clean second does."""
        self.liveness.answered(self.link.heard)
        if self.status.is_offline and self.link.noisy:
            return
        if not self.status.online:
            if self.status.is_offline:
                self._recover()
            self.status.set_link(LinkState.ONLINE)
            self._said_garbage = False

    def _stray(self: SessionParts) -> None:
        """A reply that completes nothing: heard, but no sign that commands work."""
        self.status.count("garbage")
        if self.echoes.heard():  # the last answer to a resent copy came: the line may go on
            self.wake()

    def _recover(self: SessionParts) -> None:
        """Back from silence or a restart: stop every axis first, resynchronise sequence numbers."""
        self.wants = dict(STOPPED)
        self.sent = {axis: UNKNOWN for axis in Axis}
        self._needs_reset = self.link.sequenced
        self.status.reconnected()

    def _check_offline(self: SessionParts, now: float) -> bool:
        if not self.status.is_offline and self.liveness.gone(now):
            camera, seconds = self.status.name, f"{self.liveness.silence(now):.1f}"
            if self.link.noisy:
                self._garbage()
            elif self.link.heard > self.liveness.heard_mark:  # bytes came, but nothing completed
                self._go_offline(
                    QT_TRANSLATE_NOOP(
                        "Camera",
                        "{camera} answers, but nothing it was asked completed for {seconds} s "
                        "(replies that match no command, or a line too slow)",
                    ).format(camera=camera, seconds=seconds)
                )
            else:
                self._go_offline(
                    QT_TRANSLATE_NOOP("Camera", "{camera} did not answer for {seconds} s").format(
                        camera=camera, seconds=seconds
                    )
                )
        return self.status.is_offline

    def _line_down(self: SessionParts, why: str) -> None:
        if why == GARBAGE:
            self._garbage()
        else:
            self._go_offline(
                QT_TRANSLATE_NOOP("Camera", "{camera}: connection lost").format(camera=self.status.name)
            )

    def _garbage(self: SessionParts) -> None:
        """Offline (or still offline) for garbage on the line; the operator is told once."""
        why = QT_TRANSLATE_NOOP("Camera", "{camera}: {problem}").format(
            camera=self.status.name, problem=GARBAGE
        )
        if not self._said_garbage:
            self._said_garbage = True
            self.status.notice(DeviceNotice(self.status.name, "warning", why))
        if self.status.is_offline:
            self.status.set_link(LinkState.OFFLINE, why)  # a better reason than silence
        else:
            self._go_offline(why)

    def _go_offline(self: SessionParts, why: str) -> None:
        if self.status.is_offline:
            return
        for job in [*self.queue, *self.running.clear()]:
            self.status.finish(job, "offline")
        self.queue.clear()
        for future in self._settle_waiters:
            if not future.done():
                future.set_exception(self.status.error("move", "offline", why))
        self._settle_waiters.clear()
        self.status.fail_identified(self.status.error("identify", "offline", why))
        self.wants = dict(STOPPED)
        self.sent = {axis: UNKNOWN for axis in Axis}
        self.liveness.went_offline()
        self.status.set_link(LinkState.OFFLINE, why)
        self.wake()
