"""`python app.py obs URL ACTION …` — check and drive one OBS Studio from a script or a terminal.

    obs URL status                  one JSON object: version, streaming, recording, program_scene,
                                    preview_scene, scenes, kbps, dropped_frames, … (devices/obs/state.py)
    obs URL scene NAME [--preview]  cut to the scene (in studio mode it goes to preview unless --program)
    obs URL stream start|stop       waits until OBS reports the stream live / stopped
    obs URL record start|stop       waits until the recording runs / its file is closed (prints its path)

Exit codes as for `camera` and `wall`: 0 done; 2 bad arguments or URL (nothing sent); 1 OBS refused
(the password, a request — its reason named — or a scene it does not have, named); 3 no OBS there or
no answer in time.

The parser only; the work is ``obs_run.run``, imported when the command runs.
"""

from __future__ import annotations

import argparse
import functools

from devices.cli.arguments import later, seconds

TIMEOUT = seconds(0)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "obs",
        help="check and drive one OBS Studio (obs-websocket 5)",
        description="Send one command to OBS Studio and wait until it is done.",
        epilog="The password: obs://HOST?password_env=VARIABLE names the environment variable that holds it.",
    )
    p.add_argument(
        "url", help="OBS URL, e.g. obs://192.168.1.20 or obs://studio-pc:4455?password_env=OBS_PASSWORD"
    )
    p.add_argument(
        "--timeout",
        type=TIMEOUT,
        default=None,
        help="seconds to wait for OBS (default 3; 10 for a stream or a recording to start or stop)",
    )
    common = argparse.ArgumentParser(add_help=False)  # --timeout also after the action
    common.add_argument("--timeout", type=TIMEOUT, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = functools.partial(actions.add_parser, parents=[common])
    add("status", help="print one JSON object with what OBS is doing")
    scene = add("scene", help="scene NAME: cut to it")
    scene.add_argument("scene")
    where = scene.add_mutually_exclusive_group()
    where.add_argument("--preview", dest="to_preview", action="store_const", const=True, help="to preview")
    where.add_argument("--program", dest="to_preview", action="store_const", const=False, help="to program")
    for output in ("stream", "record"):
        verb = add(output, help=f"{output} start|stop")
        verb.add_argument("verb", choices=("start", "stop"))
    p.set_defaults(func=later("devices.cli.obs_run:run", url_problems))


def url_problems(url: str) -> list[str]:
    from devices.obs.urls import check_obs

    return check_obs(url)
