"""The public face of one OBS Studio (a broadcast output): thread-safe, non-blocking.

    obs = ObsController(runtime, "obs://10.0.0.5?password_env=OBS_PASSWORD", name="Studio").start()
    obs.add_listener(callback)     # ObsState on every change, ActionRecord per command, DeviceNotice
    obs.cut("Podium")              # program scene, or the preview in studio mode
    obs.start_stream(); obs.stop_stream(); obs.start_record(); obs.stop_record()

Every command returns a ``concurrent.futures.Future`` at once; it resolves to the command's
``ActionRecord`` when OBS has done it — the scene is on program (or preview), the stream is live or
stopped, the recording runs or is closed — or raises ``ObsError`` (``result``: "unknown-scene",
"refused", "timeout", "offline"). Listeners are called on the device thread.
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Awaitable, Callable, Mapping

from common.wording import QT_TRANSLATE_NOOP
from devices.obs.session import ObsSession, Timing
from devices.obs.state import REASONS, ObsError, ObsState, OnAir, Recording
from devices.obs.status import ObsStatus
from devices.obs.urls import obs_endpoint
from devices.obs.watch import Watch
from devices.records import ActionRecord, Listener
from devices.runtime import DeviceRuntime
from devices.secrets import mask_url

OUTPUT_WAIT = 10.0  # seconds for a stream or a recording to start or stop once OBS has been asked
OUTPUT_RUNNING, OUTPUT_NOT_RUNNING, NOT_FOUND = 500, 501, 600  # obs-websocket RequestStatus codes
OUTPUTS = {  # the snapshot's field, and its values once running and once stopped
    "stream": ("on_air", OnAir.LIVE, OnAir.READY),
    "record": ("recording", Recording.RECORDING, Recording.STOPPED),
}
NOT_STARTED = {
    "stream": QT_TRANSLATE_NOOP("Obs", "OBS could not start the stream; check its stream server and key"),
    "record": QT_TRANSLATE_NOOP("Obs", "OBS could not start the recording; check its recording folder"),
}


class ObsController:
    def __init__(
        self,
        runtime: DeviceRuntime,
        url: str,
        name: str | None = None,
        *,
        secret: str | None = None,
        environ: Mapping[str, str] | None = None,
        timing: Timing = Timing(),
    ) -> None:
        """``secret``: the secrets file's password for this output (used when the URL has no
        ``password_env``). Raises ``ObsUrlError`` (a ``ValueError``) for a bad URL."""
        self.endpoint = obs_endpoint(url, secret, environ)
        self.runtime = runtime
        self.url = url
        self.name = name or self.endpoint.label
        self._status = ObsStatus(ObsState(self.name, mask_url(url)))
        self._session = ObsSession(self.endpoint, self._status, timing)

    # ---- lifecycle ---------------------------------------------------------------------------
    def start(self) -> ObsController:
        """Connect in the background, and again whenever the connection is lost."""
        self.runtime.call(self._session.start)
        self.runtime.on_stop(self._session.close)
        return self

    def close(self) -> concurrent.futures.Future:
        return self.runtime.submit(self._session.close())

    def ready(self, patient: bool = True) -> concurrent.futures.Future:
        """Resolves with the state once OBS is online. Raises ``ObsError`` when OBS refuses the
        password and, unless ``patient``, when the first connection fails (the command line)."""

        async def wait() -> ObsState:
            return await self._session.when_online(patient)

        return self.runtime.submit(wait())

    def refresh(self) -> concurrent.futures.Future:
        """Polls the statistics now; resolves with the fresh state."""

        async def poll() -> ObsState:
            await self._session.poll()
            return self._status.snapshot()

        return self.runtime.submit(poll())

    # ---- state -------------------------------------------------------------------------------
    def snapshot(self) -> ObsState:
        return self._status.snapshot()

    def add_listener(self, listener: Listener) -> None:
        """``listener(ObsState | ActionRecord | DeviceNotice)`` — called on the device thread."""
        self.runtime.call(self._status.add_listener, listener)

    def remove_listener(self, listener: Listener) -> None:
        self.runtime.call(self._status.remove_listener, listener)

    # ---- commands ----------------------------------------------------------------------------
    def cut(
        self, scene: str, *, to_preview: bool | None = None, timeout: float | None = None
    ) -> concurrent.futures.Future:
        """Put ``scene`` on program — or, in studio mode (unless ``to_preview`` says otherwise), on
        preview. Resolves once OBS reports the scene there."""
        if not isinstance(scene, str) or not scene.strip():
            raise ValueError(QT_TRANSLATE_NOOP("Obs", "name the scene to cut to"))

        async def cut() -> None:
            state = self._status.snapshot()
            self._require_online(state)
            if scene not in state.scenes:
                raise unknown_scene(scene, state.scenes)
            preview = state.studio_mode if to_preview is None else to_preview
            kind = "SetCurrentPreviewScene" if preview else "SetCurrentProgramScene"
            with Watch(
                self._status, lambda s: (s.preview_scene if preview else s.program_scene) == scene
            ) as w:
                try:
                    await self._session.request(kind, {"sceneName": scene}, timeout)
                except ObsError as exc:
                    raise (unknown_scene(scene, state.scenes) if exc.code == NOT_FOUND else exc) from None
                await w.wait(timeout or self.endpoint.timeout)

        return self._act(f"cut to {scene}" + (" (preview)" if to_preview else ""), cut)

    def start_stream(self, timeout: float | None = None) -> concurrent.futures.Future:
        return self._output("stream", True, timeout)

    def stop_stream(self, timeout: float | None = None) -> concurrent.futures.Future:
        return self._output("stream", False, timeout)

    def start_record(self, timeout: float | None = None) -> concurrent.futures.Future:
        return self._output("record", True, timeout)

    def stop_record(self, timeout: float | None = None) -> concurrent.futures.Future:
        """Resolves when OBS has closed the file (its path: ``snapshot().record_path``)."""
        return self._output("record", False, timeout)

    # ---- plumbing ----------------------------------------------------------------------------
    def _output(self, output: str, start: bool, timeout: float | None) -> concurrent.futures.Future:
        kind = ("Start" if start else "Stop") + output.capitalize()
        field, running, stopped = OUTPUTS[output]
        wanted = running if start else stopped

        def done(state: ObsState) -> bool:
            return getattr(state, field) is wanted

        def dropped(state: ObsState) -> bool:
            return getattr(state, field) is stopped

        async def act() -> None:
            self._require_online(self._status.snapshot())
            began = (lambda s: not dropped(s)) if start else None
            failure = NOT_STARTED[output]
            with Watch(
                self._status, done, fails=dropped if start else None, after=began, failure=failure
            ) as w:
                try:
                    await self._session.request(kind, timeout=timeout)
                except ObsError as exc:
                    if exc.code != (OUTPUT_RUNNING if start else OUTPUT_NOT_RUNNING):
                        raise
                    return  # it already was as asked
                await w.wait(timeout or OUTPUT_WAIT)

        return self._act(f"{output} {'start' if start else 'stop'}", act)

    def _require_online(self, state: ObsState) -> None:
        if not state.online:
            result = "refused" if state.connection == "refused" else "offline"
            raise ObsError(result, state.error or REASONS["offline"])

    def _act(self, action: str, work: Callable[[], Awaitable[None]]) -> concurrent.futures.Future:
        async def run() -> ActionRecord:
            started, clock = time.time(), time.monotonic()
            try:
                await work()
            except ObsError as exc:
                result = exc.result if exc.result in ("timeout", "offline") else str(exc)
                self._status.emit(ActionRecord(self.name, action, result, started, _ms(clock)))
                raise
            record = ActionRecord(self.name, action, "completed", started, _ms(clock))
            self._status.emit(record)
            return record

        return self.runtime.submit(run())


def unknown_scene(scene: str, scenes: tuple[str, ...]) -> ObsError:
    message = QT_TRANSLATE_NOOP("Obs", "OBS has no scene {scene}; its scenes: {scenes}")
    return ObsError("unknown-scene", message.format(scene=repr(scene), scenes=", ".join(scenes) or "-"))


def _ms(since: float) -> float:
    return round((time.monotonic() - since) * 1000, 1)
