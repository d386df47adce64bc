"""The simulated OBS Studio behind the websocket: scenes and their sources, studio mode, the two
outputs, statistics, and the requests it answers as obs-websocket 5.1 does (codes and fields from
docs/protocols/obs-websocket.md).

    studio = SimStudio(emit, scenes={"Podium": ("Camera 1",), "Audience": ("Camera 2",)})
    studio.handle("SetCurrentProgramScene", {"sceneName": "Audience"})   # -> (code, comment, data)

Injected failures: ``refuse[request_type] = code`` answers that request with the code; ``stream.drop()``
(through the simulator) takes the stream into RECONNECTING.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from devices.obs.sim.messages import OBS_VERSION, RPC_VERSION, WEBSOCKET_VERSION, Intent, Status
from devices.obs.sim.outputs import FPS, Emit, SimRecord, SimStream

Answer = tuple[int, str | None, dict[str, Any] | None]  # (RequestStatus code, comment, responseData)
DEFAULT_SCENES = {"Podium": ("Podium camera",), "Audience": ("Audience camera",), "Screens": ("Slides",)}
OK: Answer = (Status.SUCCESS, None, None)


class SimStudio:
    def __init__(
        self,
        emit: Emit,
        scenes: Mapping[str, tuple[str, ...]] | None = None,
        *,
        studio_mode: bool = False,
        kbps: int = 2500,
        stream_to: tuple[str, int] | None = None,
        record_folder: Path | None = None,
    ) -> None:
        self._emit = emit
        self.scenes = dict(scenes or DEFAULT_SCENES)  # in OBS's order, top first
        self.program = next(iter(self.scenes))
        self.studio_mode = studio_mode
        self.preview: str | None = self.program if studio_mode else None
        self.stream = SimStream(emit, kbps, stream_to)
        self.record = SimRecord(emit, kbps, record_folder)
        self.refuse: dict[str, int] = {}  # request type → the error code it is answered with
        self.cpu = 2.5
        self._born = time.monotonic()
        self._handlers: dict[str, Callable[[dict[str, Any]], Answer]] = {
            "GetVersion": self._version,
            "GetStats": self._stats,
            "GetSceneList": self._scene_list,
            "GetCurrentProgramScene": lambda _: (100, None, {"currentProgramSceneName": self.program}),
            "SetCurrentProgramScene": lambda data: self._set_scene(data, preview=False),
            "SetCurrentPreviewScene": lambda data: self._set_scene(data, preview=True),
            "GetStudioModeEnabled": lambda _: (100, None, {"studioModeEnabled": self.studio_mode}),
            "SetStudioModeEnabled": self._set_studio_mode,
            "GetSceneItemList": self._scene_items,
            "GetStreamStatus": self._stream_status,
            "GetRecordStatus": self._record_status,
            "StartStream": lambda _: self._start(self.stream),
            "StopStream": lambda _: self._stop(self.stream),
            "StartRecord": lambda _: self._start(self.record),
            "StopRecord": self._stop_record,
        }

    def handle(self, kind: Any, data: Any) -> Answer:
        if not isinstance(kind, str):
            return Status.MISSING_REQUEST_TYPE, "Your request is missing a `requestType`", None
        if kind in self.refuse:
            return self.refuse[kind], "refused by the simulator (an injected failure)", None
        handler = self._handlers.get(kind)
        if handler is None:
            return Status.UNKNOWN_REQUEST_TYPE, f"Your request type is not valid: {kind}", None
        return handler(data if isinstance(data, dict) else {})

    # ---- general and scenes ------------------------------------------------------------------
    def _version(self, _data: dict[str, Any]) -> Answer:
        data = {
            "obsVersion": OBS_VERSION,
            "obsWebSocketVersion": WEBSOCKET_VERSION,
            "rpcVersion": RPC_VERSION,
            "availableRequests": sorted(self._handlers),
            "supportedImageFormats": [],
            "platform": "simulator",
            "platformDescription": "Smart Centre OBS simulator",
        }
        return Status.SUCCESS, None, data

    def _stats(self, _data: dict[str, Any]) -> Answer:
        rendered = int((time.monotonic() - self._born) * FPS)
        data = {
            "cpuUsage": self.cpu,
            "memoryUsage": 180.0,
            "availableDiskSpace": 50000.0,
            "activeFps": float(FPS),
            "averageFrameRenderTime": 0.8,
            "renderSkippedFrames": 0,
            "renderTotalFrames": rendered,
            "outputSkippedFrames": 0,
            "outputTotalFrames": self.stream.frames + self.record.frames,
            "webSocketSessionIncomingMessages": 0,
            "webSocketSessionOutgoingMessages": 0,
        }
        return Status.SUCCESS, None, data

    def _scene_list(self, _data: dict[str, Any]) -> Answer:
        count = len(self.scenes)
        # bottom first, as obs-websocket lists them; sceneIndex 0 is the lowest in OBS's list
        listed = [{"sceneIndex": count - 1 - i, "sceneName": name} for i, name in enumerate(self.scenes)]
        data = {
            "currentProgramSceneName": self.program,
            "currentPreviewSceneName": self.preview,
            "scenes": listed[::-1],
        }
        return Status.SUCCESS, None, data

    def _scene_named(self, data: dict[str, Any]) -> tuple[str | None, Answer | None]:
        name = data.get("sceneName")
        if name is None:
            return None, (
                Status.MISSING_REQUEST_FIELD,
                "Your request is missing the `sceneName` field.",
                None,
            )
        if not isinstance(name, str):
            return None, (
                Status.INVALID_REQUEST_FIELD_TYPE,
                "The field value of `sceneName` must be a string.",
                None,
            )
        if name not in self.scenes:
            return None, (Status.RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.", None)
        return name, None

    def _set_scene(self, data: dict[str, Any], preview: bool) -> Answer:
        if preview and not self.studio_mode:
            return Status.STUDIO_MODE_NOT_ACTIVE, None, None
        name, problem = self._scene_named(data)
        if problem is not None or name is None:
            return problem or OK
        if preview and name != self.preview:
            self.preview = name
            self._emit("CurrentPreviewSceneChanged", Intent.SCENES, {"sceneName": name})
        elif not preview and name != self.program:
            self.program = name
            self._emit("SceneTransitionStarted", Intent.TRANSITIONS, {"transitionName": "Cut"})
            self._emit("CurrentProgramSceneChanged", Intent.SCENES, {"sceneName": name})
            self._emit("SceneTransitionEnded", Intent.TRANSITIONS, {"transitionName": "Cut"})
        return OK

    def _set_studio_mode(self, data: dict[str, Any]) -> Answer:
        enabled = data.get("studioModeEnabled")
        if not isinstance(enabled, bool):
            return (
                Status.MISSING_REQUEST_FIELD,
                "Your request is missing the `studioModeEnabled` field.",
                None,
            )
        if enabled != self.studio_mode:
            self.studio_mode, self.preview = enabled, (self.program if enabled else None)
            self._emit("StudioModeStateChanged", Intent.UI, {"studioModeEnabled": enabled})
        return OK

    def _scene_items(self, data: dict[str, Any]) -> Answer:
        name, problem = self._scene_named(data)
        if problem is not None or name is None:
            return problem or OK
        sources = self.scenes[name]  # top first
        items = [
            {
                "sceneItemId": index + 1,
                "sceneItemIndex": len(sources) - 1 - index,  # 0 is the bottom item
                "sceneItemEnabled": True,
                "sourceName": source,
                "sourceType": "OBS_SOURCE_TYPE_SCENE" if source in self.scenes else "OBS_SOURCE_TYPE_INPUT",
                "isGroup": None if source in self.scenes else False,
                "inputKind": None if source in self.scenes else "color_source_v3",
            }
            for index, source in enumerate(sources)
        ]
        return Status.SUCCESS, None, {"sceneItems": items[::-1]}  # bottom first, as OBS lists them

    # ---- outputs -----------------------------------------------------------------------------
    def _stream_status(self, _data: dict[str, Any]) -> Answer:
        stream = self.stream
        data = {
            "outputActive": stream.running,
            "outputReconnecting": stream.state == "RECONNECTING",
            "outputTimecode": _timecode(stream.duration_ms()),
            "outputDuration": stream.duration_ms(),
            "outputCongestion": 0.0,
            "outputBytes": stream.sent,
            "outputSkippedFrames": stream.skipped,
            "outputTotalFrames": stream.frames,
        }
        return Status.SUCCESS, None, data

    def _record_status(self, _data: dict[str, Any]) -> Answer:
        record = self.record
        data = {
            "outputActive": record.running,
            "outputPaused": False,
            "outputTimecode": _timecode(record.duration_ms()),
            "outputDuration": record.duration_ms(),
            "outputBytes": record.sent,
        }
        return Status.SUCCESS, None, data

    def _start(self, output: SimStream | SimRecord) -> Answer:
        if output.busy:
            return Status.OUTPUT_RUNNING, None, None
        output.start()
        return OK

    def _stop(self, output: SimStream | SimRecord) -> Answer:
        if not output.active:
            return Status.OUTPUT_NOT_RUNNING, None, None
        output.stop()
        return OK

    def _stop_record(self, data: dict[str, Any]) -> Answer:
        code, comment, _ = self._stop(self.record)
        return code, comment, ({"outputPath": self.record.path} if code == Status.SUCCESS else None)


def _timecode(ms: int) -> str:
    seconds, milliseconds = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{milliseconds:03d}"
