"""Random URL options and numbers on the device command lines (issue #11): the answer is exit 2 with one
sentence, or — for what the configuration check accepts too — the device's silence after the tight
timeout given (exit 3); never a traceback, never a hang, never a bad value found out only by waiting.

The command lines run in this process (``app.main``) against a local port nothing listens on. What the
README's rules plainly refuse (``PLAINLY_BAD``: a port out of 1–65535, a local_port, address or baud
that is none, a timeout that is not a finite number of seconds, a host name label over 63 characters)
must be exit 2 whatever else the command line holds.
"""

from __future__ import annotations

import contextlib
import io
import socket
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app
from app import check_wall
from devices.visca.url_check import check_camera
from tests.support.ports import free_port

TIGHT = "0.2"
LONG_LABEL = "h" * 64
SECONDS_BAD = {"-1", "0", "nan", "inf", "-inf", "1e20", "1e400", "abc", "-0"}
PLAINLY_BAD = {  # option: values the rules refuse, whatever the device
    "local_port": {"-1", "abc", "nan", "inf", "65536", "70000", "1e20", "1e400", "yes", "é", "generic"},
    "address": {"0", "8", "-1", "abc", "nan", "inf", "65536", "70000", "9600", "yes", "é"},
    "baud": {"0", "1", "7", "8", "-1", "abc", "nan", "inf", "9601", "65535", "1e20", "0.01", "yes", "é"},
    **{
        name: {"nan", "inf", "-inf", "1e400", "abc", "yes", "é"}
        for name in ("timeout", "poll", "gap", "keepalive", "connect_wait")
    },
}
HANG = 15.0  # seconds: far beyond any answer here; only a hang (a FIFO, a DNS wait) takes this long
RANDOM = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


UDP_PORT, TCP_PORT = free_port(socket.SOCK_DGRAM), free_port()

values = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "1",
            "7",
            "8",
            "-1",
            "auto",
            "abc",
            "nan",
            "inf",
            "-inf",
            "1e20",
            "1e400",
            "0x10",
            "9600",
            "38400",
            "9601",
            "115200",
            "65535",
            "65536",
            "70000",
            "0.01",
            "1_000",
            " 5",
            "yes",
            "generic",
            "no-header",
            "sony-srg300h",
            "/nonexistent/profile.yaml",
            "%00",
            "é",
        ]
    ),
    st.integers(-(10**6), 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="&#="), max_size=12),
)
numbers = st.one_of(
    st.integers(-5, 300).map(str), st.sampled_from(["0x10", "1e3", "abc", "-0", "99999999999"])
)
timeouts = st.one_of(st.just(TIGHT), st.sampled_from(["-1", "0", "nan", "inf", "1e20", "abc", "1e-9"]))


def url_of(scheme: str, host: str, port: object, options: dict[str, str]) -> str:
    query = "&".join(f"{name}={value}" for name, value in options.items())
    where = "/dev/wtcli-no-such-port" if scheme.endswith("serial") else f"{host}:{port}"
    return f"{scheme}://{where}" + (f"?{query}" if query else "")


def plainly_bad(scheme: str, host: str, port: object, options: dict[str, str], seconds: list[str]) -> bool:
    network = not scheme.endswith("serial")
    return (
        any(value in SECONDS_BAD for value in seconds)
        or network
        and (host != "127.0.0.1" or port == "abc" or port != "" and not 0 < int(port) < 65536)
        or any(value in PLAINLY_BAD.get(name, ()) for name, value in options.items())
    )


def ports(closed: int):
    return st.one_of(st.just(closed), st.integers(-3, 70000), st.sampled_from(["", "abc", "0"]))


def options(names: list[str]):
    return st.dictionaries(
        st.one_of(st.sampled_from(names), st.from_regex(r"[a-z_]{1,8}", fullmatch=True)), values, max_size=3
    )


CAMERA_OPTIONS = ["model", "quirks", "timeout", "poll", "local_port", "baud", "address", "name"]
WALL_OPTIONS = [
    "name",
    "inputs",
    "outputs",
    "presets",
    "timeout",
    "gap",
    "keepalive",
    "connect_wait",
    "baud",
    "password",
    "canvases",
    "set_id",
    "profile",
]
camera_actions = st.one_of(
    st.just(["status"]),
    st.just(["power", "on"]),
    st.tuples(st.just("preset"), st.sampled_from(["recall", "save"]), numbers).map(list),
    st.tuples(
        st.just("move"),
        st.sampled_from(["left", "up"]),
        st.just("--speed"),
        numbers,
        st.just("--for"),
        st.sampled_from(["0.05", "-1", "nan", "1e400", "inf", "abc"]),
    ).map(list),
    st.tuples(st.just("zoom"), st.just("to"), numbers).map(list),
)
wall_actions = st.one_of(
    st.just(["status"]),
    st.tuples(st.just("route"), numbers, numbers).map(list),
    st.tuples(st.just("preset"), st.just("recall"), numbers).map(list),
)


def run(argv: list[str]) -> tuple[int, str, float]:
    """(exit code, stderr, seconds) of ``app.py ARGV`` run here; an exception escaping ``main`` fails the
    test."""
    err = io.StringIO()
    started = time.monotonic()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = app.main(argv)
        except SystemExit as exc:  # argparse: a value it refuses
            code = exc.code
    return code, err.getvalue(), time.monotonic() - started


def check(code: int, err: str, seconds: float, accepted_by_configuration_check: bool, bad: bool) -> None:
    assert "Traceback" not in err, err
    assert seconds < HANG, f"{seconds:.1f} s: {err}"
    assert code in (2, 3), (code, err)
    assert code == 2 or not bad, f"a plainly bad value found out only by waiting: {err}"
    if code == 2:
        assert err.strip(), "exit 2 without saying why"
        assert len([line for line in err.splitlines() if "error:" in line]) == 1, err
    else:  # the device's silence: only for what passed every check, and after the tight timeout
        assert accepted_by_configuration_check, (
            f"refused by the configuration check, found out by waiting: {err}"
        )


hosts = st.sampled_from(["127.0.0.1", "127.0.0.1", f"{LONG_LABEL}.example", "cam..example"])


@RANDOM
@given(
    scheme=st.sampled_from(["visca+udp", "visca+udpraw", "visca+tcp", "visca+serial"]),
    host=hosts,
    port=st.data(),
    chosen=options(CAMERA_OPTIONS),
    action=camera_actions,
    timeout=timeouts,
)
def test_random_camera_command_lines_exit_two_or_time_out_cleanly(
    scheme, host, port, chosen, action, timeout
):
    at = port.draw(ports(TCP_PORT if scheme == "visca+tcp" else UDP_PORT))
    url = url_of(scheme, host, at, chosen)
    code, err, seconds = run(["camera", url, *action, "--timeout", timeout])
    bad = plainly_bad(
        scheme,
        host,
        at,
        chosen,
        [timeout, *action[action.index("--for") + 1 :][:1]] if "--for" in action else [timeout],
    )
    check(code, err, seconds, not check_camera(url, None), bad)


@RANDOM
@given(
    family=st.sampled_from(["kramer", "extron", "lg", "generic"]),
    wire=st.sampled_from(["tcp", "serial"]),
    host=hosts,
    port=st.data(),
    chosen=options(WALL_OPTIONS),
    action=wall_actions,
    timeout=timeouts,
)
def test_random_wall_command_lines_exit_two_or_time_out_cleanly(
    family, wire, host, port, chosen, action, timeout
):
    at = port.draw(ports(TCP_PORT))
    url = url_of(f"{family}+{wire}", host, at, chosen)
    code, err, seconds = run(["wall", url, *action, "--timeout", timeout])
    check(
        code, err, seconds, not check_wall(url), plainly_bad(f"{family}+{wire}", host, at, chosen, [timeout])
    )
