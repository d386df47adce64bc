"""The camera's mechanics: pan, tilt, zoom and focus positions that change over time.

Nothing ticks. Each axis keeps a piecewise-linear path of (time, position) points and computes
its position from the clock when asked; whoever needs to know when a motion ends asks for its
arrival time and schedules one timer for that moment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import Any, Protocol

from devices.visca.profiles import CameraProfile

PAN, TILT, ZOOM, FOCUS = "pan", "tilt", "zoom", "focus"
PAN_TILT = frozenset((PAN, TILT))
ALL_AXES = frozenset((PAN, TILT, ZOOM, FOCUS))

LENS_SPEED_MAX = 7
LENS_STANDARD_SPEED = 4  # the "standard speed" of Tele/Wide/Far/Near without a speed nibble
LENS_FULL_RANGE_SECONDS = 3.0  # whole zoom or focus range at speed 7
LENS_SLOWDOWN_PER_STEP = 1.4  # each speed step below 7 is this much slower (speed 0: ≈32 s)
# speed 01 ≈ 1.1°/s on a 100°/s head (BRC-X400, docs/protocols/visca.md "Pan-tilt drive")
SLOWEST_FRACTION = 1 / 90
SPEED_CURVE_EXPONENT = 1.8


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class Clock(Protocol):
    """What the simulator needs from time; an asyncio event loop is one."""

    def time(self) -> float: ...

    def call_later(self, delay: float, callback: Callable[..., Any], *args: Any) -> Cancellable: ...


def speed_fraction(speed: int, speed_max: int) -> float:
    """Share of the top angular rate for a VISCA speed byte: 0 stops, 1 crawls, speed_max is full."""
    if speed <= 0:
        return 0.0
    x = (min(speed, speed_max) - 1) / max(speed_max - 1, 1)
    return SLOWEST_FRACTION + (1 - SLOWEST_FRACTION) * x**SPEED_CURVE_EXPONENT


class AxisTravel:
    def __init__(self, low: float, high: float, position: float) -> None:
        self.low = low
        self.high = high
        self._path: list[tuple[float, float]] = [(float("-inf"), position)]

    def position(self, now: float) -> float:
        path = self._path
        if now >= path[-1][0]:
            return path[-1][1]
        for (t0, p0), (t1, p1) in pairwise(path):
            if now < t1:
                return p0 if now <= t0 else p0 + (p1 - p0) * (now - t0) / (t1 - t0)
        return path[-1][1]

    def arrival(self) -> float:
        return self._path[-1][0]

    def moving(self, now: float) -> bool:
        return now < self.arrival()

    def go(self, now: float, waypoints: Iterable[float], rate: float) -> None:
        """Travel through the waypoints (clamped to the limits) at ``rate`` (> 0) units per second."""
        position = self.position(now)
        path = [(now, position)]
        for target in waypoints:
            target = min(max(target, self.low), self.high)
            now += abs(target - position) / rate
            path.append((now, target))
            position = target
        self._path = path

    def drive(self, now: float, direction: int, rate: float) -> None:
        """Run towards a limit until halted; direction −1, 0 (halt) or +1."""
        if direction == 0 or rate <= 0:
            self.halt(now)
        else:
            self.go(now, [self.high if direction > 0 else self.low], rate)

    def halt(self, now: float) -> None:
        self._path = [(now, self.position(now))]


class Mechanics:
    """The four axes of one camera, with the rates its profile allows."""

    def __init__(self, profile: CameraProfile, clock: Clock) -> None:
        self.profile = profile
        self.clock = clock
        self.axes = {
            PAN: AxisTravel(profile.pan_min, profile.pan_max, 0),
            TILT: AxisTravel(profile.tilt_min, profile.tilt_max, 0),
            ZOOM: AxisTravel(0, profile.zoom_max, 0),
            FOCUS: AxisTravel(profile.focus_min, profile.focus_max, profile.focus_min),
        }

    def now(self) -> float:
        return self.clock.time()

    def position(self, axis: str) -> int:
        return round(self.axes[axis].position(self.now()))

    def pan_rate(self, speed: int, speed_max: int | None = None) -> float:
        """Counts per second for a pan speed byte."""
        p = self.profile
        fraction = speed_fraction(speed, speed_max or p.pan_speed_max)
        return fraction * p.pan_deg_per_s_max * p.counts_per_degree

    def tilt_rate(self, speed: int, speed_max: int | None = None) -> float:
        p = self.profile
        fraction = speed_fraction(speed, speed_max or p.tilt_speed_max)
        return fraction * p.tilt_deg_per_s_max * p.counts_per_degree

    def lens_rate(self, axis: str, speed: int) -> float:
        span = self.axes[axis].high - self.axes[axis].low
        return span / (LENS_FULL_RANGE_SECONDS * LENS_SLOWDOWN_PER_STEP ** (LENS_SPEED_MAX - speed))

    def go(self, axis: str, waypoints: Sequence[float], rate: float) -> None:
        self.axes[axis].go(self.now(), waypoints, rate)

    def drive(self, axis: str, direction: int, rate: float) -> None:
        self.axes[axis].drive(self.now(), direction, rate)

    def halt(self, axes: Iterable[str]) -> None:
        now = self.now()
        for axis in axes:
            self.axes[axis].halt(now)

    def arrival(self, axes: Iterable[str]) -> float:
        return max((self.axes[axis].arrival() for axis in axes), default=self.now())

    def moving(self) -> bool:
        now = self.now()
        return any(axis.moving(now) for axis in self.axes.values())

    def set_pan_tilt_limit(self, upper_right: bool, pan: int | None, tilt: int | None) -> None:
        """Narrow one corner of the pan-tilt range; ``None`` restores the profile's limit."""
        p = self.profile
        pan_axis, tilt_axis = self.axes[PAN], self.axes[TILT]
        if upper_right:
            pan_axis.high = p.pan_max if pan is None else min(max(pan, p.pan_min), p.pan_max)
            tilt_axis.high = p.tilt_max if tilt is None else min(max(tilt, p.tilt_min), p.tilt_max)
        else:
            pan_axis.low = p.pan_min if pan is None else min(max(pan, p.pan_min), p.pan_max)
            tilt_axis.low = p.tilt_min if tilt is None else min(max(tilt, p.tilt_min), p.tilt_max)
