"""A saved configuration's OBS outputs apply at once, like its cameras and walls (``LiveConfig``).

Outputs are matched with the running ones by id: one that is gone is disconnected and its tab leaves the
Broadcast dock; a new one is connected and gets its tab; one whose URL, name or password changed (the
secrets file beside the configuration, or the variable ``password_env`` names) is connected again. The
operations log follows each output it logs, and audits its commands, the same way.
"""

from __future__ import annotations

from typing import Protocol

from devices.controller_factory import ControllerFactory
from devices.obs.urls import obs_endpoint
from models.config.schema import BroadcastConfig, Config
from models.config.secrets import load_secrets
from ui.broadcast.compose import Broadcast
from ui.desk.operator_desk import OperatorDesk
from ui.oplog.docks import OplogDocks


class BroadcastParts(Protocol):
    broadcast: Broadcast
    oplog: OplogDocks | None
    desk: OperatorDesk


def apply_outputs(console: BroadcastParts, factory: ControllerFactory, old: Config, new: Config) -> None:
    # the secrets file lies beside the configuration, as the capture files' folder does
    secrets, problems = load_secrets(factory.capture_folder)
    running = console.broadcast.desk.bridges
    after = {output.id: output for output in new.broadcast}
    for output in old.broadcast:
        if output.id in running and _changed(output, after.get(output.id), secrets, running):
            _retire(console, output.id)
    for output in new.broadcast:
        if output.id not in running:
            _start(console, factory, output, secrets.get(output.id))
    for problem in problems:
        console.desk.notice.emit("error", problem)


def _changed(
    old: BroadcastConfig, new: BroadcastConfig | None, secrets: dict[str, str], running: dict
) -> bool:
    if new is None or (old.url, old.name) != (new.url, new.name):
        return True
    try:
        password = obs_endpoint(new.url, secrets.get(new.id)).password
    except ValueError:
        return True  # its password variable is gone: the new controller says so
    return password != running[new.id].controller.endpoint.password


def _retire(console: BroadcastParts, output_id: str) -> None:
    if console.oplog is not None:
        console.oplog.broadcast_logs.remove(output_id)
    console.broadcast.remove_output(output_id).close()


def _start(
    console: BroadcastParts, factory: ControllerFactory, output: BroadcastConfig, secret: str | None
) -> None:
    problems = len(factory.problems)
    controller = factory.obs(output.name, output.url, secret)
    for problem in factory.problems[problems:]:
        console.desk.notice.emit("error", problem)
    if controller is None:
        return
    bridge = console.broadcast.add_output(output, controller)
    if console.oplog is not None:
        console.oplog.broadcast_logs.add(output.id, bridge)
        console.oplog.feed.attach_output(controller)
