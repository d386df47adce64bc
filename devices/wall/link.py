"""One wall device's connection: transport, Telnet layer and framer, and the greeting.

When the transport comes up the link is *ready* at once, unless the driver speaks Telnet on the
network: then it first lets the banner pass, answers ``Password:`` from the URL's ``password``
option and waits for the login to be confirmed. Replies after that go to ``on_reply``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from common.wording import QT_TRANSLATE_NOOP
from devices.transport.base import ByteTransport
from devices.wall.framing import TelnetFilter
from devices.wall.protocol import Reply, ReplyKind, Timing, WallProtocol

log = logging.getLogger(__name__)


def _ignore_reply(_reply: Reply) -> None:
    pass


def _ignore_ready(_ready: bool, _why: str) -> None:
    pass


class WallLink:
    def __init__(
        self, transport: ByteTransport, protocol: WallProtocol, timing: Timing, password: str | None = None
    ) -> None:
        self.transport = transport
        self.protocol = protocol
        self._timing = timing
        self._password = password
        self._framer = protocol.framer()
        self._telnet = TelnetFilter() if protocol.greets else None
        self._phase = "down"  # down → greeting → (login →) ready; "refused" stays until reconnect
        self._timer: asyncio.TimerHandle | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.on_reply: Callable[[Reply], None] = _ignore_reply
        self.on_ready: Callable[[bool, str], None] = _ignore_ready
        transport.on_data = self._on_data
        transport.on_state = self._on_state

    @property
    def ready(self) -> bool:
        return self._phase == "ready"

    @property
    def refused(self) -> bool:
        """The device refused the login (or asked for a password the URL lacks) on this connection."""
        return self._phase == "refused"

    async def open(self) -> None:
        self._loop = asyncio.get_running_loop()
        await self.transport.open()

    async def close(self) -> None:
        self._cancel_timer()
        await self.transport.close()

    def send(self, data: bytes) -> bool:
        return self.transport.send(data)

    def turn(self, gap: float) -> contextlib.AbstractAsyncContextManager[None]:
        """Held for one exchange; devices sharing the line wait for it, and ``gap`` after it."""
        return self.transport.turn(gap)

    # --- transport events -----------------------------------------------------------------------
    def _on_state(self, up: bool, why: str) -> None:
        self._framer.reset()
        if self._telnet is not None:
            self._telnet.reset()
        self._cancel_timer()
        if not up:
            self._phase = "down"
            self.on_ready(False, why or QT_TRANSLATE_NOOP("Wall", "connection lost"))
        elif self.protocol.greets:
            self._phase = "greeting"
            self._arm(self._timing.greeting_wait, self._become_ready)
        else:
            self._become_ready()

    def _on_data(self, data: bytes) -> None:
        if self._telnet is not None:
            data, answers = self._telnet.feed(data)
            if answers:
                self.transport.send(answers)
        for frame in self._framer.feed(data):
            reply = self.protocol.read(frame)
            if reply.kind is not ReplyKind.NOISE:
                self.transport.understood(len(frame) + 1)  # for the noise watch (devices/transport/noise.py)
            if self._phase in ("greeting", "login") or reply.kind is ReplyKind.PROMPT:
                self._greeting(reply)
            elif self._phase == "ready":
                self.on_reply(reply)

    # --- greeting and login ----------------------------------------------------------------------
    def _greeting(self, reply: Reply) -> None:
        if self._phase == "refused":
            return  # no more guesses until the next connection
        if reply.kind is ReplyKind.PROMPT:
            if self._password is None:
                self._refuse(
                    QT_TRANSLATE_NOOP("Wall", "the device asks for a password; add password=… to the URL")
                )
            elif self._phase == "login":
                self._refuse(QT_TRANSLATE_NOOP("Wall", "the device refused the password"))
            else:
                if self._phase == "ready":  # the device logged us out: hold commands until back in
                    self.on_ready(False, QT_TRANSLATE_NOOP("Wall", "the device asks for the password again"))
                self._phase = "login"
                self.transport.send(self.protocol.login(self._password))
                self._arm(self._timing.timeout, self._become_ready)  # some units confirm nothing
        elif reply.kind is ReplyKind.LOGIN:
            self._become_ready()
        elif reply.kind is ReplyKind.ERROR and self._phase == "login":
            self._refuse(
                QT_TRANSLATE_NOOP("Wall", "the device refused the password ({reason})").format(
                    reason=reply.error
                )
            )
        elif self._phase == "greeting":
            if reply.facts:
                self.on_reply(reply)  # a banner that names the unit
            self._arm(self._timing.greeting_quiet, self._become_ready)  # banner text: wait for its end

    def _refuse(self, why: str) -> None:
        self._cancel_timer()
        self._phase = "refused"
        log.warning("%s: %s", self.transport.name, why)
        self.on_ready(False, why)

    def _become_ready(self) -> None:
        self._cancel_timer()
        if self._phase != "ready":
            self._phase = "ready"
            self.on_ready(True, "")

    def _arm(self, delay: float, action: Callable[[], None]) -> None:
        self._cancel_timer()
        assert self._loop is not None
        self._timer = self._loop.call_later(delay, action)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
