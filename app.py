"""Smart Centre console — the composition root.

python app.py [--demo] [--config FILE] [--data-dir DIR] [--api [HOST:]PORT]   the operator console
python app.py camera URL ACTION …                        test and script one camera
python app.py wall URL ACTION …                          test and script a video wall / matrix
python app.py obs URL ACTION …                           check and drive OBS Studio (stream, record, scenes)
python app.py probe HOST|SERIAL-PORT                     find out what a new device is, and its URL
python app.py simulate camera|wall|obs …                 run simulated devices
python app.py report handover|monthly … -o FILE          handover report, monthly statistics (PDF, CSV)
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from devices.runtime import DeviceRuntime

# Each sub-command's parser lives in its module; only the module of the command being run is imported
# (a camera command never loads the database, the GUI or the simulators: docs/benchmarks.md "CLI start").
COMMANDS = {
    "camera": "devices.cli.camera",
    "wall": "devices.cli.wall",
    "obs": "devices.cli.obs",
    "probe": "devices.cli.probe",
    "db": "models.oplog.cli",
    "report": "ui.reports.cli",
    "simulate": "devices.cli.simulate",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``command``, only that sub-command's parser (and only its module imported)."""
    parser = argparse.ArgumentParser(prog="app.py", description=__doc__.splitlines()[0])
    _add_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        if command in (None, name):
            importlib.import_module(module).add_parser(commands)
    return parser


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-v", "--verbose", action="store_true", help="log device decisions")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start simulated cameras and use a demo configuration (no hardware needed)",
    )
    parser.add_argument("--config", type=Path, help="configuration file (default: in the user's data folder)")
    parser.add_argument("--data-dir", type=Path, help="per-workstation files: settings, hotkeys, thumbnails")
    parser.add_argument("--lang", choices=("id", "en"), help="user interface language (default: system)")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="operations log database, any SQLAlchemy URL "
        "(default: $SMARTCENTRE_DB or a SQLite file in the user's data folder)",
    )
    parser.add_argument(
        "--api",
        metavar="[HOST:]PORT",
        help="serve the Control API for this run (docs/control-api.md; HOST 127.0.0.1 unless given; "
        "any other address needs a token)",
    )


class _Scan(argparse.ArgumentParser):
    def error(self, message: str):  # the full parser says it, in its own words
        raise ValueError(message)


def chosen_command(argv: list[str]) -> str | None:
    """The sub-command ``argv`` names, found without importing any; None for the console, for help
    and for a command line the full parser must explain."""
    scan = _Scan(prog="app.py", add_help=False)
    _add_options(scan)
    try:
        _known, rest = scan.parse_known_args(argv)
    except ValueError:
        return None
    first = next((arg for arg in rest if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    from devices.secrets import MaskingFilter

    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(chosen_command(argv)).parse_args(argv)
    args.argv = argv  # what a capture's header repeats (--capture)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    for handler in logging.getLogger().handlers:
        if not any(isinstance(each, MaskingFilter) for each in handler.filters):
            handler.addFilter(MaskingFilter())
    if args.command is None:
        return run_console(args)
    return args.func(args) or 0


def run_console(args: argparse.Namespace) -> int:
    """The GUI; Qt is imported only here so the command line works on machines without a display."""
    from devices.control_api.server import parse_listen

    try:
        api_override = parse_listen(args.api) if args.api else None
    except ValueError as exc:
        build_parser().error(str(exc))  # exit 2, nothing started
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from common.user_files import default_folder, private_folder
    from devices.controller_factory import ControllerFactory
    from devices.demo import start_demo_cameras
    from devices.obs.sim.server import start_demo_obs
    from devices.obs.urls import check_obs
    from devices.port_check import port_warnings
    from devices.runtime import DeviceRuntime
    from devices.visca.url_check import check_camera
    from devices.wall.sim.simulator import start_demo_wall
    from models.config.demo import DEMO_SCENES
    from models.config.secrets import load_secrets
    from models.config.store import DEMO_CONFIG_FILE, DEMO_LAST_GOOD_FILE, ConfigStore, demo_config_text
    from models.desk.hotkeys import load_hotkeys
    from models.oplog.database import default_url
    from models.oplog.opening import demo_url, opener
    from ui.common.language import install_translator, saved_language
    from ui.controllers.console_stick import start_joystick
    from ui.shell.console import Console
    from ui.shell.control_api import attach_control_api
    from ui.shell.garbage_collector import collect_garbage_on_gui_thread
    from ui.shell.preview_sources import SimulatedPicture, simulated_pictures

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("Diskominfo Trenggalek")
    app.setApplicationName("Smart Centre Console")
    collect_garbage_on_gui_thread(app)
    data = private_folder(args.data_dir or default_folder())  # settings, config: this user's only
    settings = QSettings(str(data / "console.ini"), QSettings.Format.IniFormat)
    install_translator(app, args.lang or saved_language(settings))
    # the devices stop before the simulators they talk to (no "connection lost" on the way out)
    with DeviceRuntime("simulators") as simulators, DeviceRuntime("devices") as runtime:
        simulated: dict[str, SimulatedPicture] = {}
        checked_store = partial(
            ConfigStore,
            camera_check=check_camera,
            wall_check=check_wall,
            url_warnings=port_warnings,
            broadcast_check=check_obs,
        )
        if args.demo:
            demo = start_demo_cameras(simulators, state_folder=data / "demo-cameras")
            wall = start_demo_wall(simulators)
            store_demo_layouts(simulators, wall.url)
            # the demo's own file, written afresh at each start (the simulators' addresses change), editable
            store = checked_store(data / DEMO_CONFIG_FILE, data / DEMO_LAST_GOOD_FILE, demo=True)
            recordings = data / "demo-recordings"
            recordings.mkdir(exist_ok=True)
            obs_urls = {
                output: start_demo_obs(simulators, recordings, scenes=scenes).url
                for output, scenes in DEMO_SCENES.items()
            }
            store.save(demo_config_text([d.url for d in demo], wall_url=wall.url, obs_urls=obs_urls))
        else:
            store = checked_store(args.config or data / "config.yaml")
        config, errors = store.load()
        if args.demo:
            simulated = simulated_pictures(config.cameras, demo)
            errors = [*errors, *(d.problem for d in demo if d.problem)]
        factory = ControllerFactory(runtime, store.path.parent)
        controllers = {c.id: factory.camera(c) for c in config.cameras}
        walls = {w.id: factory.wall(w) for w in config.walls}
        secrets, secret_problems = load_secrets(store.path.parent)
        errors = [*errors, *secret_problems]
        started = {o.id: factory.obs(o.name, o.url, secrets.get(o.id)) for o in config.broadcast}
        obs = {output: controller for output, controller in started.items() if controller is not None}
        hotkeys, hotkey_errors = load_hotkeys(data / "hotkeys.json")
        joystick, joystick_problems = start_joystick()
        console = Console(
            config,
            controllers,
            data_folder=data,
            settings=settings,
            hotkeys=hotkeys,
            config_errors=[*errors, *factory.problems, *hotkey_errors, *joystick_problems],
            simulated=simulated,
            config_store=store,
            walls=walls,
            obs=obs,
            factory=factory,
            joystick=joystick,
            oplog=opener(
                args.db or (demo_url(data) if args.demo else default_url()), demo=args.demo and not args.db
            ),
        )
        api = attach_control_api(console, runtime, data, api_override)
        console.show()
        QTimer.singleShot(0, gc.freeze)  # once shown: start-up objects leave the collector's full passes
        code = app.exec()
        api.stop()
        console.shutdown()
    factory.wait()  # the devices have closed: every frame is queued
    return code


def check_wall(url: str) -> list[str]:
    """What is wrong with a wall device URL, for the configuration checks (``devices.wall.url_check``)."""
    from devices.wall.url_check import check_wall as check

    return check(url)


def store_demo_layouts(runtime: DeviceRuntime, url: str, timeout: float = 10.0) -> None:
    """Demo mode: store the demo layouts as the simulated matrix's presets, then show the first one."""
    from devices.wall.controller import WallController
    from models.config.demo import DEMO_LAYOUTS

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
