"""What the UI and the audit trail see of a wall device: immutable snapshots plus action records.

``WallStatus`` lives on the device loop and replaces its snapshot on every change; readers on
any thread get the latest one. Action records are the camera's ``ActionRecord`` (its ``camera``
field holds the device name) so that one audit trail takes both.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from common.wording import QT_TRANSLATE_NOOP
from devices.records import ActionRecord, DeviceNotice, Link, Listener, Listeners
from devices.wall.protocol import Reply, Route, Size, layer_feature

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Health:
    last_seen: float | None = None  # time.time() of the last reply
    rtt_ms: float | None = None  # smoothed time from sending to the answer
    sent: int = 0
    received: int = 0
    retries: int = 0
    timeouts: int = 0
    errors: int = 0  # error replies from the device
    garbage: int = 0  # replies that meant nothing here
    offline_count: int = 0
    keepalives: int = 0


@dataclass(frozen=True)
class WallState:
    name: str
    url: str
    protocol: str
    capabilities: tuple[str, ...]
    layers: tuple[str, ...]
    link: Link = Link.CONNECTING
    inputs: int | None = None
    outputs: int | None = None
    presets: int | None = None
    routes: dict[int, int] = field(default_factory=dict)  # video: output → input (0 = none)
    audio_routes: dict[int, int] = field(default_factory=dict)
    windows: dict[tuple[int, int], int] = field(default_factory=dict)  # (canvas, window) → input
    layouts: dict[int, int] = field(default_factory=dict)  # canvas → last layout recalled
    last_preset: int | None = None
    power: bool | None = None
    input: str | None = None
    tile: tuple[int, int] | None = None  # (rows, columns)
    # What the device said it is, and what it refused on this connection (docs/walls.md)
    model: str | None = None
    part_number: str | None = None
    firmware: str | None = None
    unsupported: tuple[str, ...] = ()
    last_error: str | None = None
    health: Health = field(default_factory=Health)

    @property
    def online(self) -> bool:
        return self.link is Link.ONLINE

    @property
    def profile(self) -> str | None:
        """What the device says it is: its model, or else its part number."""
        return self.model or self.part_number

    def to_json(self) -> dict:
        data = asdict(self)
        data.update(
            link=self.link.value,
            online=self.online,
            profile=self.profile,
            routes={str(o): i for o, i in sorted(self.routes.items())},
            audio_routes={str(o): i for o, i in sorted(self.audio_routes.items())},
            windows={f"{c}.{w}": i for (c, w), i in sorted(self.windows.items())},
            layouts={str(c): p for c, p in sorted(self.layouts.items())},
        )
        return data


class WallError(Exception):
    """A command the device refused or never answered; ``result`` is the audit wording
    ("timeout", "offline" or the device's error in plain words, a Phrase)."""

    def __init__(self, device: str, action: str, result: str, detail: str = "") -> None:
        self.device = device
        self.action = action
        self.result = result
        super().__init__(
            QT_TRANSLATE_NOOP("Wall", "{device}: {action}: {problem}").format(
                device=device, action=action, problem=detail or result
            )
        )


class WallStatus:
    def __init__(self, initial: WallState, configured: Size, defaults: Size) -> None:
        self._state = initial
        self._configured = configured
        self._defaults = defaults
        self._reported = Size()
        self._layers = initial.layers
        self._listeners = Listeners(initial.name)
        self._apply_size()

    def snapshot(self) -> WallState:
        return self._state

    @property
    def size(self) -> Size:
        state = self._state
        return Size(state.inputs, state.outputs, state.presets)

    @property
    def configured(self) -> Size:
        return self._configured

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

    def _set(self, **changes: Any) -> None:
        state = replace(self._state, **changes)
        if state != self._state:
            self._state = state
            self._emit(state)

    def set_link(self, link: Link, why: str | None = None) -> None:
        changes: dict[str, Any] = {"link": link}
        if link is Link.OFFLINE and self._state.link is not Link.OFFLINE:
            changes["health"] = replace(
                self._state.health, offline_count=self._state.health.offline_count + 1
            )
        if why:
            changes["last_error"] = why
        self._set(**changes)

    def set_error(self, why: str) -> None:
        self._set(last_error=why)

    @property
    def unsupported(self) -> tuple[str, ...]:
        return self._state.unsupported

    def learn_unsupported(self, feature: str) -> None:
        """The device refused ``feature``: listed, and its layer no longer offered, for this connection."""
        if feature not in self._state.unsupported:
            log.info("%s: the device does not support %s", self._state.name, feature)
            self._learned(self._state.unsupported + (feature,))

    def new_connection(self) -> None:
        """A new connection may be to another unit: what it refused is asked again."""
        self._learned(())

    def _learned(self, unsupported: tuple[str, ...]) -> None:
        layers = tuple(layer for layer in self._layers if layer_feature(layer) not in unsupported)
        self._set(unsupported=unsupported, layers=layers)

    def count(self, **increments: int) -> None:
        health = self._state.health
        self._set(health=replace(health, **{k: getattr(health, k) + v for k, v in increments.items()}))

    def heard(self, meaningful: bool) -> None:
        health = self._state.health
        counts = {"received": health.received + 1} if meaningful else {"garbage": health.garbage + 1}
        self._set(health=replace(health, last_seen=time.time(), **counts))

    def round_trip(self, seconds: float) -> None:
        health = self._state.health
        rtt_ms = seconds * 1000 if health.rtt_ms is None else 0.8 * health.rtt_ms + 200 * seconds
        self._set(health=replace(health, rtt_ms=rtt_ms))

    def apply(self, routes: tuple[Route, ...], facts: dict[str, Any]) -> None:
        """Record what a reply reported or what an accepted command did."""
        state = self._state
        video, audio = dict(state.routes), dict(state.audio_routes)
        for layer, output, source in routes:
            if layer in ("av", "video"):
                video[output] = source
            if layer in ("av", "audio"):
                audio[output] = source
        changes: dict[str, Any] = {
            "routes": dict(sorted(video.items())),
            "audio_routes": dict(sorted(audio.items())),
        }
        if "preset" in facts:
            changes["last_preset"] = facts["preset"]
        for name in ("power", "input", "tile", "model", "part_number", "firmware"):
            if name in facts:
                changes[name] = facts[name]
        if "window" in facts:
            canvas, window, source = facts["window"]
            changes["windows"] = {**state.windows, (canvas, window): source}
        if "layout" in facts:
            canvas, preset = facts["layout"]
            changes["layouts"] = {**state.layouts, canvas: preset}
        reported = {k: facts[k] for k in ("inputs", "outputs", "presets") if isinstance(facts.get(k), int)}
        if reported:
            self._reported = replace(self._reported, **reported)
        self._set(**changes)
        if reported:
            self._apply_size()

    def apply_reply(self, reply: Reply) -> None:
        self.apply(reply.routes, reply.facts)

    def _apply_size(self) -> None:
        """The URL's numbers first, then what the device reports, then the driver's defaults."""

        def pick(name: str) -> int | None:
            for source in (self._configured, self._reported, self._defaults):
                if getattr(source, name) is not None:
                    return getattr(source, name)
            return None

        self._set(inputs=pick("inputs"), outputs=pick("outputs"), presets=pick("presets"))

    def record(self, action: str, result: str, started: float) -> ActionRecord:
        record = ActionRecord(self._state.name, action, result, started, (time.time() - started) * 1000)
        self._emit(record)
        return record
