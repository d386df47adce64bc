"""The ``broadcast:`` section of the configuration file (the OBS Studios the console streams with), the
output an event streams on, what a shot cuts to, and the camera's tally settings.

    broadcast:
      - id: obs-rapat
        name: OBS Ruang Rapat
        url: obs://192.168.10.50?password_env=OBS_RAPAT_PASSWORD
    cameras:
      - id: cam1
        obs_source: Kamera Panggung     # the OBS source showing this camera (tally)
        tally_lamp: yes                 # light its own tally lamp while on program (default no)
    events:
      - id: rakor
        broadcast: obs-rapat
        shots:
          F1: {camera: cam1, preset: 1, scene: Podium}        # the cut waits for the camera
          F2: {camera: cam1, preset: 2, scene: Podium, cut: at-once}
          F5: {scene: Slides}                                  # cuts at once

``BroadcastReader`` is part of the configuration reader (parse.py); docs/broadcast.md.
"""

from __future__ import annotations

from yaml.nodes import Node

from common.wording import QT_TRANSLATE_NOOP
from models.config.schema import BroadcastCheck, BroadcastConfig
from models.config.values import ValueReader

BROADCAST_KEYS = ("id", "name", "url")
OUTPUT = QT_TRANSLATE_NOOP("Config", "broadcast output")


class BroadcastReader(ValueReader):
    broadcast_check: BroadcastCheck | None
    broadcast_ids: dict[str, int]  # id -> line, every output id seen

    def broadcast_output(self, node: Node, where: str) -> BroadcastConfig | None:
        before = len(self.problems)
        entries = self.mapping(node, where, BROADCAST_KEYS, required=BROADCAST_KEYS)
        if entries is None:
            return None
        output_id = self.identifier(entries.get("id"), f"{where}.id", OUTPUT, self.broadcast_ids)
        name = self.text(entries.get("name"), f"{where}.name", required=True)
        url = self.text(entries.get("url"), f"{where}.url", required=True)
        if url is not None and not url.strip().lower().startswith("obs://"):
            self.add(
                entries["url"],
                f"{where}.url",
                QT_TRANSLATE_NOOP(
                    "Config", "an OBS output's url starts with obs://, e.g. {example}, not {url}"
                ).format(example="obs://192.168.10.50?password_env=OBS_PASSWORD", url=repr(url)),
            )
        elif url is not None and self.broadcast_check is not None:
            for message in self.broadcast_check(url):
                self.add(entries["url"], f"{where}.url", message)
        if len(self.problems) > before or output_id is None or name is None or url is None:
            return None
        return BroadcastConfig(output_id, name, url)

    def event_broadcast(self, node: Node | None, field: str) -> str | None:
        output = self.text(node, field, required=True)
        if node is None or output is None:
            return None
        if output not in self.broadcast_ids:
            known = ", ".join(self.broadcast_ids) or QT_TRANSLATE_NOOP("Config", "none")
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "no broadcast output with id {id} (the outputs: {known})").format(
                    id=repr(output), known=known
                ),
            )
            return None
        return output
