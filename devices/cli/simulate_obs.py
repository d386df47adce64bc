"""`python app.py simulate obs --listen ws://127.0.0.1:PORT [--password PW] …`: a simulated OBS Studio
(obs-websocket 5) until Ctrl+C; prints the URL a client uses."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from common.command_line import EXIT_OK, EXIT_USAGE
from devices.cli.arguments import fail, seconds
from devices.endpoints import Endpoint, parse_endpoint

EXAMPLES = """examples:
  simulate obs --listen ws://127.0.0.1:4455 --password secret
  simulate obs --listen ws://0.0.0.0:4455 --scenes "Podium=Camera 1+Title,Audience=Camera 2,Slides"
  simulate obs --listen ws://127.0.0.1:4455 --stream-to tcp://127.0.0.1:1935 --record-dir /tmp/rec
  simulate obs --listen ws://127.0.0.1:4455 --refuse StartStream --drop-stream-after 30
failures: --refuse TYPE[=CODE],… answers those requests with an error (code 205 unless given);
  --drop-stream-after S drops the stream S seconds after it goes live (reconnecting for 2 s);
  --silent-after S stops answering anything after S seconds (the connection stays open)"""


def add_simulate_parser(devices: argparse._SubParsersAction) -> None:
    """Adds ``obs`` to the sub-commands of ``simulate``."""
    sim = devices.add_parser(
        "obs",
        help="a simulated OBS Studio (obs-websocket 5)",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sim.add_argument("--listen", required=True, metavar="URL", help="ws://HOST:PORT (0 = any free port)")
    sim.add_argument("--password", help="the obs-websocket password clients must give (default: none)")
    sim.add_argument("--scenes", type=scene_list, help="NAME[=SOURCE+SOURCE],… in OBS's order, top first")
    sim.add_argument("--studio-mode", action="store_true", help="start in studio mode (cuts go to preview)")
    sim.add_argument("--kbps", type=int, default=2500, help="the stream's and recording's bitrate")
    sim.add_argument(
        "--stream-to", metavar="tcp://HOST:PORT", help="send the stream's bytes to this TCP sink"
    )
    sim.add_argument("--record-dir", type=Path, help="write recordings (filler bytes) into this folder")
    sim.add_argument("--refuse", type=refusals, default={}, metavar="TYPE[=CODE],…", help="requests refused")
    sim.add_argument(
        "--drop-stream-after", type=seconds(0), metavar="S", help="drop the live stream after S s"
    )
    sim.add_argument("--silent-after", type=seconds(0, zero=True), metavar="S", help="go silent after S s")
    sim.set_defaults(func=run_obs_simulator)


def scene_list(text: str) -> dict[str, tuple[str, ...]]:
    scenes: dict[str, tuple[str, ...]] = {}
    for part in text.split(","):
        name, _, sources = part.partition("=")
        if not name.strip():
            raise argparse.ArgumentTypeError(f"{text!r}: a scene without a name")
        scenes[name.strip()] = tuple(s.strip() for s in sources.split("+") if s.strip()) or (
            f"{name.strip()} source",
        )
    return scenes


def refusals(text: str) -> dict[str, int]:
    refused: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        kind, _, code = part.partition("=")
        if code and not code.isdecimal():
            raise argparse.ArgumentTypeError(f"{part!r}: the code must be a number, e.g. {kind}=702")
        refused[kind] = int(code or 205)
    return refused


def run_obs_simulator(args: argparse.Namespace) -> int:
    sink = None
    if args.stream_to:
        try:
            endpoint: Endpoint = parse_endpoint(args.stream_to, ("tcp",), {}, kind="stream sink")
        except ValueError as exc:
            return fail(EXIT_USAGE, f"simulate: {exc}")
        sink = (endpoint.host, endpoint.port)
    try:
        return asyncio.run(_serve(args, sink))
    except KeyboardInterrupt:
        return EXIT_OK


async def _serve(args: argparse.Namespace, sink: tuple[str, int] | None) -> int:
    from devices.obs.sim.server import start_obs_simulator

    settings = {"scenes": args.scenes, "studio_mode": args.studio_mode, "kbps": args.kbps}
    try:
        sim = await start_obs_simulator(
            args.listen, args.password, stream_to=sink, record_folder=args.record_dir, **settings
        )
    except ValueError as exc:
        return fail(EXIT_USAGE, f"simulate: {exc}")
    except OSError as exc:
        return fail(EXIT_USAGE, f"simulate: {args.listen}: {exc.strerror or exc}")
    sim.studio.refuse.update(args.refuse)
    print(f"OBS simulator listening: {sim.url}", flush=True)
    try:
        if args.silent_after is not None:
            asyncio.get_running_loop().call_later(args.silent_after, setattr, sim, "silent", True)
        while True:
            await asyncio.sleep(0.5)
            live = sim.studio.stream.duration_ms() / 1000
            if (
                args.drop_stream_after is not None
                and args.drop_stream_after <= live < args.drop_stream_after + 0.5
            ):
                sim.drop_stream(2.0)
    finally:
        await sim.close()
