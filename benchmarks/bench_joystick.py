"""A 120 Hz virtual SDL stick drives a simulated camera through JoystickDriver.

Reported: (1) a stick swept for ``--seconds`` (pan and tilt on sines, new speeds nearly every poll):
polls, driver calls and pan/tilt packets on the wire per second; (2) stop latency over ``--count``
releases (stick back to centre) and ``--count`` unplugs (the virtual stick detached while held):
from the call on the benchmark's thread to the stop packet reaching the camera — it includes the
wait for the next poll (0–8.3 ms at 120 Hz).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import harness as h  # noqa: E402
from devices.joystick.driver import JoystickDriver  # noqa: E402
from devices.joystick.poller import JoystickPoller  # noqa: E402
from devices.joystick.virtual import VirtualStick  # noqa: E402


def sweep(sim: h.Sim, poller: JoystickPoller, driver: JoystickDriver, seconds: float) -> None:
    stick = VirtualStick(poller)
    wait(lambda: driver.stick == stick.id)
    polls, calls, began = poller.polls, driver.calls, time.perf_counter()
    for elapsed in h.paced(120, seconds, []):
        stick.set_axis(0, math.sin(2 * math.pi * 0.3 * elapsed))
        stick.set_axis(1, math.cos(2 * math.pi * 0.2 * elapsed))
    took = time.perf_counter() - began
    packets = len(sim.arrivals(lambda p: p.startswith(h.PAN_TILT_DRIVE), since=began))
    rates = ((poller.polls - polls) / took, (driver.calls - calls) / took, packets / took)
    print(
        "swept {:.0f} s: {:.0f} polls/s, {:.0f} driver calls/s, {:.1f} drive packets/s".format(
            seconds, *rates
        )
    )
    stick.detach().result(5)
    sim.wait_for(lambda s: not s["moving"], timeout=3)


def stop_latencies(
    sim: h.Sim, poller: JoystickPoller, driver: JoystickDriver, count: int, unplug: bool
) -> list[float]:
    latencies = []
    stick = VirtualStick(poller)
    for turn in range(count):
        wait(lambda stick=stick: driver.stick == stick.id)
        stick.set_axis(0, 0.8 if turn % 2 else -0.8).result(5)  # to and fro: the head never reaches its end
        if sim.wait_for(lambda s: s["moving"], timeout=3) is None:
            raise RuntimeError("the camera did not move")
        time.sleep(0.05)
        released = time.perf_counter()
        (stick.detach() if unplug else stick.set_axis(0, 0.0)).result(5)
        # the stop packet itself: "the head is still" held at once at the pan end, before the next
        # poll had read the release, and its stop was looked for too soon
        wait(lambda since=released: sim.arrivals(h.is_stop, since=since), "no stop reached the camera")
        stopped = sim.wait_for(lambda s: not s["moving"], timeout=3)
        stops = sim.arrivals(h.is_stop, since=released)
        if stopped is None:
            raise RuntimeError("the camera did not stop")
        latencies.append(stops[0][0] - released)
        if unplug:
            stick = VirtualStick(poller)
    stick.detach().result(5)
    return latencies


def wait(condition, failure: str = "the stick was not taken") -> None:
    deadline = time.monotonic() + 5
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(failure)
        time.sleep(0.001)


def summary(name: str, values: list[float]) -> None:
    ms = sorted(v * 1000 for v in values)
    p99 = ms[min(len(ms) - 1, math.ceil(0.99 * len(ms)) - 1)]
    print(f"{name}: n={len(ms)} p50 {statistics.median(ms):.1f} ms, p99 {p99:.1f} ms, max {ms[-1]:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args()
    with h.simulators() as start:
        sim = start(h.OURS_HOST)
        with h.our_cameras([sim]) as (camera,), JoystickPoller() as poller:
            h.wait_online([camera])
            driver = JoystickDriver(poller, camera).attach()
            sweep(sim, poller, driver, args.seconds)
            summary(
                "release → stop on the wire", stop_latencies(sim, poller, driver, args.count, unplug=False)
            )
            summary("unplug → stop on the wire", stop_latencies(sim, poller, driver, args.count, unplug=True))
            driver.detach()


if __name__ == "__main__":
    main()
