"""Smart Centre console — the composition root.

    python app.py [--demo] [--config FILE] [--data-dir DIR]   the operator console
    python app.py camera URL ACTION …                        test and script one camera
    python app.py wall URL ACTION …                          test and script a video wall / matrix
    python app.py probe HOST|SERIAL-PORT                     find out what a new device is, and its URL
    python app.py simulate camera|wall …                     run simulated devices
    python app.py report handover|monthly … -o FILE          handover report, monthly statistics (PDF, CSV)
"""
from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from devices.cli import camera as camera_cli
from devices.cli import probe as probe_cli
from devices.cli import simulate as simulate_cli
from devices.cli import wall as wall_cli
from devices.runtime import DeviceRuntime
from models import db_cli
from models.wording import sentence_of
from ui import report_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="app.py", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log device decisions")
    parser.add_argument("--demo", action="store_true",
                        help="start simulated cameras and use a demo configuration (no hardware needed)")
    parser.add_argument("--config", type=Path, help="configuration file (default: in the user's data folder)")
    parser.add_argument("--data-dir", type=Path, help="per-workstation files: settings, hotkeys, thumbnails")
    parser.add_argument("--lang", choices=("id", "en"), help="user interface language (default: system)")
    parser.add_argument("--db", metavar="URL", help="operations log database, any SQLAlchemy URL "
                        "(default: $SMARTCENTRE_DB or a SQLite file in the user's data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    camera_cli.add_parser(commands)
    wall_cli.add_parser(commands)
    probe_cli.add_parser(commands)
    db_cli.add_parser(commands)
    report_cli.add_parser(commands)
    simulate_cli.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)   # what a capture's header repeats (--capture)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        return run_console(args)
    return args.func(args) or 0


def run_console(args: argparse.Namespace) -> int:
    """The GUI; Qt is imported only here so the command line works on machines without a display."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from devices.demo import start_demo_cameras
    from devices.visca.controller import CameraController
    from devices.visca.profiles import configured_profile
    from devices.visca.url_check import check_camera
    from devices.wall.controller import WallController
    from devices.wall.sim.simulator import start_demo_wall
    from models.config import ConfigStore, demo_config
    from models.database import default_url
    from models.hotkeys import load_hotkeys
    from models.user_files import default_folder
    from ui.console import Console, SimulatedPicture
    from ui.language import install_translator
    from ui.oplog_worker import demo_url, opener

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("Diskominfo Trenggalek")
    app.setApplicationName("Smart Centre Console")
    data = args.data_dir or default_folder()
    settings = QSettings(str(data / "console.ini"), QSettings.Format.IniFormat)
    install_translator(app, args.lang or settings.value("ui/language", None))
    with DeviceRuntime("devices") as runtime, DeviceRuntime("simulators") as simulators:
        simulated: dict[str, SimulatedPicture] = {}
        store = None
        if args.demo:
            demo = start_demo_cameras(simulators, state_folder=data / "demo-cameras")
            wall = start_demo_wall(simulators)
            store_demo_layouts(simulators, wall.url)
            config, errors = demo_config([d.url for d in demo], check_camera, wall_url=wall.url,
                                         wall_check=check_wall), [d.problem for d in demo if d.problem]
            simulated = {c.id: SimulatedPicture(d.state, d.profile) for c, d in zip(config.cameras, demo)}
        else:
            store = ConfigStore(args.config or data / "config.yaml", camera_check=check_camera, wall_check=check_wall)
            config, errors = store.load()
        captures, capture_errors = open_captures(config, store.path.parent if store else data)
        errors = [*errors, *capture_errors]
        controllers = {
            c.id: CameraController(runtime, c.url, c.name, profile=configured_profile(c.profile))
            .start(capture=captures.get(("camera", c.id)))
            for c in config.cameras}
        walls = {w.id: WallController(runtime, w.url, w.name).start(capture=captures.get(("wall", w.id)))
                 for w in config.walls}
        hotkeys, hotkey_errors = load_hotkeys(data / "hotkeys.json")
        console = Console(config, controllers, data_folder=data, settings=settings, hotkeys=hotkeys,
                          config_errors=[*errors, *hotkey_errors], simulated=simulated, config_store=store,
                          walls=walls, oplog=opener(args.db or (demo_url(data) if args.demo else default_url()),
                                                    demo=args.demo and not args.db))
        console.show()
        QTimer.singleShot(0, gc.freeze)   # once shown: start-up objects leave the collector's full passes
        code = app.exec()
        console.shutdown()
    for recorder in captures.values():     # the devices have closed: every frame is queued
        recorder.wait()
    return code


def open_captures(config, folder: Path) -> tuple[dict, list]:
    """Recorders for the devices with a ``capture:`` file (relative to ``folder``, the configuration
    file's), keyed by ("camera" | "wall", id); and the sentences for files that cannot be written."""
    from devices.capture import for_device

    recorders, problems = {}, []
    for kind, devices in (("camera", config.cameras), ("wall", config.walls)):
        for device in devices:
            if device.capture:
                recorder, problem = for_device(folder / Path(device.capture).expanduser(), name=device.name,
                                               url=device.url, kind=kind)
                if recorder is None:
                    problems.append(problem)
                else:
                    recorders[kind, device.id] = recorder
    return recorders, problems


def check_wall(url: str) -> list[str]:
    """What is wrong with a wall device URL, for the configuration checks (nothing when it can be used).

    The problem is listed under the ``url`` field already, so the URL is not repeated in front of it.
    """
    from devices.endpoints import without_url
    from devices.wall import drivers

    try:
        drivers.make_protocol(drivers.parse(url))
    except ValueError as exc:
        return [without_url(sentence_of(exc))]
    return []


def store_demo_layouts(runtime: DeviceRuntime, url: str, timeout: float = 10.0) -> None:
    """Demo mode: store the demo layouts as the simulated matrix's presets, then show the first one."""
    from devices.wall.controller import WallController
    from models.config_demo import DEMO_LAYOUTS

    setup = WallController(runtime, f"{url}?gap=0", name="demo wall setup").start()
    steps = []
    for number, routes in DEMO_LAYOUTS.items():
        steps += [setup.route(input, output) for output, input in routes.items()]
        steps.append(setup.save_preset(number))
    steps.append(setup.recall_preset(1))
    for step in steps:
        step.result(timeout)
    setup.close().result(timeout)


if __name__ == "__main__":
    sys.exit(main())
