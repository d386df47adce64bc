"""The public face of one camera: thread-safe, non-blocking calls for the GUI and the CLI.

Every method validates its arguments on the caller's thread (``ValueError`` before anything
is queued), hands the work to the device loop and returns at once; commands return a
``concurrent.futures.Future`` that resolves to an ``ActionRecord`` or raises ``CameraError``.

With ``model=auto`` (the default) the profile is learned from the camera on connect; until then
arguments are checked against the generic profile, and every command is checked again, and its
bytes built, with the profile known when it is sent (docs/cameras.md "Before the model is known").
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Callable
from typing import Any

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices.capture import Recorder
from devices.endpoints import url_problem
from devices.records import ActionRecord
from devices.records import Link as LinkState
from devices.runtime import DeviceRuntime
from devices.secrets import mask_url
from devices.transport.base import ByteTransport
from devices.transport.tcp import TcpClient
from devices.transport.udp import UdpChannel
from devices.visca import codec, packet, urls
from devices.visca.camera_status import CameraStatus
from devices.visca.drives import drive_message
from devices.visca.jobs import Axis, Job, JobKind, Timing
from devices.visca.links import Link, Quirks, RawLink, SonyIpLink
from devices.visca.profiles import CameraProfile, configured_profile
from devices.visca.session import CameraSession
from devices.visca.state import CameraState

log = logging.getLogger(__name__)
PACKET_END = bytes((packet.TERMINATOR,))


def make_link(
    shared: dict,
    endpoint: urls.CameraEndpoint,
    quirks: Quirks,
    transport: ByteTransport | None = None,
    capture: Recorder | None = None,
    via: str | None = None,
) -> Link:
    """The link a camera URL names; ``transport`` replaces the real socket or port (tests);
    ``capture`` records what passes (on a daisy chain: the whole line), naming it ``via`` where one
    capture holds several connections."""
    if endpoint.is_serial:
        from devices.visca.serial_bus import SerialLink, open_bus  # pyserial only for serial cameras

        baud, address = urls.serial_line(endpoint)
        bus = open_bus(shared, endpoint.device, baud, transport)
        if capture is not None:
            bus.port = capture.tap(bus.port, ends=PACKET_END, via=via)
        return SerialLink(bus, address)
    if transport is None:
        transport = _network_transport(shared, endpoint)
    if capture is not None:  # a datagram is one frame; a TCP stream is cut after each FF
        transport = capture.tap(
            transport, ends=PACKET_END if endpoint.scheme == "visca+tcp" else b"", via=via
        )
    if endpoint.scheme == "visca+udp" and not quirks.no_header:
        return SonyIpLink(transport, quirks)
    return RawLink(transport)


def _network_transport(shared: dict, endpoint: urls.CameraEndpoint) -> ByteTransport:
    if endpoint.scheme == "visca+tcp":
        return TcpClient(endpoint.host, endpoint.port)
    local_port, listen = urls.local_ports(endpoint)
    return UdpChannel(shared, endpoint.host, endpoint.port, local_port=local_port, listen_port=listen)


class CameraController:
    def __init__(
        self,
        runtime: DeviceRuntime,
        url: str,
        name: str | None = None,
        *,
        profile: CameraProfile | None = None,
        timing: Timing | None = None,
        transport: ByteTransport | None = None,
    ) -> None:
        endpoint = urls.parse(url)
        urls.check(endpoint)
        self.runtime = runtime
        self.url = url
        self.name = name or endpoint.option("name") or endpoint.host or endpoint.device
        try:
            configured = profile or configured_profile(endpoint.option("model"))
        except ValueError as exc:
            raise urls.CameraUrlError(url_problem(url, sentence_of(exc))) from None
        try:
            quirks = Quirks.parse(endpoint.option("quirks"))
        except ValueError as exc:
            raise urls.CameraUrlError(url_problem(url, sentence_of(exc))) from None
        self.timing = timing or Timing(  # ack_timeout: the resend timeout until a round trip is measured
            ack_timeout=urls.resend_timeout(endpoint, Timing.ack_timeout),
            poll_interval=urls.poll_interval(endpoint, Timing.poll_interval),
        )
        self._status = CameraStatus(self.name, mask_url(url), configured, self.timing)
        self._endpoint = endpoint
        self._quirks = quirks
        self._transport = transport
        self._early: list[Callable[[CameraSession], None]] = []
        self._session: CameraSession | None = None
        self._task: asyncio.Task | None = None

    # ---- lifecycle ---------------------------------------------------------------------------
    def start(self, capture: Recorder | None = None) -> CameraController:
        """Open the link and start talking to the camera, in the background; ``capture`` records
        every frame (its creator closes it)."""
        self.runtime.call(self._create_session, capture)
        return self

    def _create_session(self, capture: Recorder | None) -> None:
        try:
            link = make_link(self.runtime.shared, self._endpoint, self._quirks, self._transport, capture)
        except (ValueError, OSError) as exc:
            self._status.set_link(LinkState.OFFLINE, _about(self.name, exc))
            return
        self._session = CameraSession(link, self._status, self.timing, self._quirks)
        for early in self._early:
            early(self._session)
        self._early.clear()
        self.runtime.on_stop(self._session.close)
        self._task = self.runtime.loop.create_task(self._session.run(), name=f"camera {self.name}")
        self._task.add_done_callback(self._on_session_end)

    def _on_session_end(self, task: asyncio.Task) -> None:
        exc = None if task.cancelled() else task.exception()
        if exc is not None:
            log.error("%s: camera control stopped: %s", self.name, exc, exc_info=exc)
            self._status.set_link(LinkState.OFFLINE, _about(self.name, exc))

    def close(self) -> concurrent.futures.Future:
        async def close() -> None:
            if self._session is not None:
                await self._session.close()

        return self.runtime.submit(close())

    # ---- state ---------------------------------------------------------------------------------
    @property
    def profile(self) -> CameraProfile:
        """The profile in use now: configured, learned from the camera, or generic until known."""
        return self._status.profile

    def snapshot(self) -> CameraState:
        return self._status.snapshot()

    def identified(self) -> concurrent.futures.Future:
        """Resolves to the ``CameraState`` once the profile is known (at once when configured);
        fails with ``CameraError`` if the camera goes offline first."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._on_loop(lambda s: s.status.when_identified(future))
        return future

    def add_listener(self, listener: Callable[[Any], None]) -> None:
        """``listener(CameraState | ActionRecord)`` — called on the device thread."""
        self.runtime.call(self._status.add_listener, listener)

    def remove_listener(self, listener: Callable[[Any], None]) -> None:
        self.runtime.call(self._status.remove_listener, listener)

    # ---- continuous moves: latest value wins -----------------------------------------------
    def drive(self, pan: int, tilt: int) -> None:
        """Pan/tilt at signed speeds (pan < 0 left, tilt > 0 up); (0, 0) stops."""
        self._set_axis(Axis.PAN_TILT, (int(pan), int(tilt)))

    def zoom(self, direction: int, speed: int | None = None) -> None:
        """direction > 0 tele (in), < 0 wide (out), 0 stop; speed 0–7 or None for standard."""
        self._set_axis(Axis.ZOOM, (_sign(direction), None if direction == 0 else speed))

    def focus(self, direction: int, speed: int | None = None) -> None:
        """direction > 0 far, < 0 near, 0 stop."""
        self._set_axis(Axis.FOCUS, (_sign(direction), None if direction == 0 else speed))

    def _set_axis(self, axis: Axis, value: Any) -> None:
        drive_message(axis, value, self.profile)  # raises ViscaParameterError on a bad speed
        self._on_loop(lambda s: s.set_axis(axis, value))

    def settled(self) -> concurrent.futures.Future:
        """Resolves once the camera has acknowledged the latest wanted speed on every axis."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._on_loop(lambda s: s.when_settled(future))
        return future

    def stop(self) -> None:
        """Stop pan, tilt, zoom and focus, and any preset or position move under way."""
        self._on_loop(lambda s: s.stop_all())

    # ---- discrete commands ----------------------------------------------------------------
    def power(self, on: bool) -> concurrent.futures.Future:
        return self._command(lambda p: codec.power(on), f"power {'on' if on else 'off'}")

    def recall_preset(self, n: int) -> concurrent.futures.Future:
        return self._command(lambda p: codec.memory_recall(n, p), f"preset recall {n}", motion=True, preset=n)

    def save_preset(self, n: int) -> concurrent.futures.Future:
        return self._command(lambda p: codec.memory_set(n, p), f"preset save {n}", preset=n)

    def clear_preset(self, n: int) -> concurrent.futures.Future:
        return self._command(lambda p: codec.memory_reset(n, p), f"preset clear {n}")

    def tally(self, on: bool) -> concurrent.futures.Future:
        """Light (or put out) the camera's own tally lamp; raises ``ValueError`` on a model whose
        command list does not have it (``CameraProfile.tally_lamp``)."""

        def build(p: CameraProfile) -> bytes:
            if not p.tally_lamp:
                raise ValueError(
                    QT_TRANSLATE_NOOP("Camera", "{camera} has no tally lamp command").format(camera=p.label)
                )
            return codec.tally(on)

        return self._command(build, f"tally {'on' if on else 'off'}")

    def home(self) -> concurrent.futures.Future:
        return self._command(lambda p: codec.pan_tilt_home(), "home", motion=True)

    def goto(self, pan: int, tilt: int, speed: int | None = None) -> concurrent.futures.Future:
        """One speed for both axes; tilt is limited to what the head can do."""

        def build(p: CameraProfile) -> bytes:
            tilt_speed = None if speed is None else min(speed, p.tilt_speed_max)
            return codec.pan_tilt_absolute(pan, tilt, p, speed, tilt_speed)

        return self._command(build, f"goto {pan} {tilt}", motion=True)

    def zoom_to(self, position: int) -> concurrent.futures.Future:
        return self._command(lambda p: codec.zoom_direct(position, p), f"zoom to {position}")

    def focus_mode(self, mode: str) -> concurrent.futures.Future:
        builders = {
            "auto": codec.focus_auto,
            "manual": codec.focus_manual,
            "toggle": codec.focus_toggle,
            "one-push": codec.focus_one_push,
        }
        if mode not in builders:
            raise ValueError(f"focus mode must be one of {', '.join(builders)}, not {mode!r}")
        return self._command(lambda p: builders[mode](), f"focus {mode}")

    def inquire(self, what: str) -> concurrent.futures.Future:
        """Ask the camera now: power, position, zoom, focus, focus mode, last preset or version.

        Fails with ``CameraError`` (result "syntax error") when the camera refuses the inquiry;
        the inquiry is then listed in ``CameraState.unsupported`` and no longer polled."""
        poll = self._status.poll(what)
        if poll is None:
            raise ValueError(f"unknown inquiry {what!r}")
        future: concurrent.futures.Future = concurrent.futures.Future()
        job = self._status.inquiry_job(poll, future, background=False)
        self._on_loop(lambda s: s.submit(job))
        return future

    def _command(
        self,
        build: Callable[[CameraProfile], bytes],
        action: str,
        *,
        motion: bool = False,
        preset: int | None = None,
    ) -> concurrent.futures.Future:
        message = build(self.profile)  # raises ValueError before anything is queued
        future: concurrent.futures.Future[ActionRecord] = concurrent.futures.Future()
        job = Job(JobKind.COMMAND, message, action, future, motion=motion, preset=preset, build=build)
        self._on_loop(lambda s: s.submit(job))
        return future

    def _on_loop(self, fn: Callable[[CameraSession], None]) -> None:
        def run() -> None:
            if self._session is not None:
                fn(self._session)
            else:  # called before start(): kept, in order, for when the session exists
                self._early.append(fn)

        self.runtime.call(run)


def _about(camera: str, error: BaseException) -> str:
    return QT_TRANSLATE_NOOP("Camera", "{camera}: {problem}").format(
        camera=camera, problem=sentence_of(error)
    )


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)
