"""The ``shots:`` of an event: what F1–F12 do — recall a camera preset, cut the event's OBS output to a
scene, or both (docs/broadcast.md "Shots"). ``ShotReader`` is part of the configuration reader (parse.py).
"""

from __future__ import annotations

from yaml.nodes import Node

from common.wording import QT_TRANSLATE_NOOP, Phrase
from models.config.cameras import PRESET_NUMBER
from models.config.schema import CUT_ON_ARRIVAL, CUTS, PRESET_NUMBERS, SHOT_KEYS, Shot
from models.config.values import ValueReader

SHOT_FIELDS = ("camera", "preset", "scene", "cut")
NOTHING_TO_DO = QT_TRANSLATE_NOOP("Config", "a shot names a camera and preset, a scene, or both")


class ShotReader(ValueReader):
    camera_ids: dict[str, int]

    def shots(self, node: Node | None, field: str, cameras: tuple[str, ...]) -> dict[str, Shot]:
        shots: dict[str, Shot] = {}
        seen: set[str] = set()
        for key_node, value_node in self.pairs(node, field):
            key = key_node.value.upper()
            where = f"{field}.{key}"
            if key not in SHOT_KEYS:
                self.add(
                    key_node,
                    field,
                    QT_TRANSLATE_NOOP("Config", "unknown shot key {key}; use F1 to F12").format(
                        key=repr(key_node.value)
                    ),
                )
                continue
            if key in seen:
                self.add(
                    key_node, field, QT_TRANSLATE_NOOP("Config", "shot {key} appears twice").format(key=key)
                )
                continue
            seen.add(key)
            shot = self.shot(value_node, where, cameras)
            if shot is not None:
                shots[key] = shot
        return shots

    def shot(self, node: Node, where: str, cameras: tuple[str, ...]) -> Shot | None:
        """A camera preset, a scene, or both (docs/broadcast.md "Shots")."""
        before = len(self.problems)
        entries = self.mapping(node, where, SHOT_FIELDS, required=())
        if entries is None:
            return None
        camera = self.text(entries.get("camera"), f"{where}.camera", required=True)
        preset = self.whole_number(entries.get("preset"), f"{where}.preset", PRESET_NUMBERS, PRESET_NUMBER)
        scene = self.text(entries.get("scene"), f"{where}.scene", required=True)
        cut = self.shot_cut(entries.get("cut"), f"{where}.cut")
        if camera is not None and camera not in cameras:
            self.add(entries["camera"], f"{where}.camera", self.not_in_event(camera, cameras))
        if ("camera" in entries) != ("preset" in entries):
            missing = "preset" if "camera" in entries else "camera"
            self.add(node, where, QT_TRANSLATE_NOOP("Config", "missing {key}").format(key=repr(missing)))
        elif not entries:
            self.add(
                node, where, QT_TRANSLATE_NOOP("Config", "a shot names a camera and preset, a scene, or both")
            )
        if len(self.problems) > before:
            return None
        return Shot(camera, preset, scene, cut)

    def shot_cut(self, node: Node | None, field: str) -> str:
        cut = self.text(node, field, required=True)
        if node is None or cut is None:
            return CUT_ON_ARRIVAL
        if cut not in CUTS:
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "cut is {choices}, not {value}").format(
                    choices=" or ".join(CUTS), value=repr(cut)
                ),
            )
        return cut

    def not_in_event(self, camera: str, cameras: tuple[str, ...]) -> Phrase:
        if camera not in self.camera_ids:
            return no_camera(camera)
        return QT_TRANSLATE_NOOP(
            "Config", "camera {camera} is not one of this event's cameras ({cameras})"
        ).format(
            camera=repr(camera), cameras=", ".join(cameras) or QT_TRANSLATE_NOOP("Config", "none listed")
        )


def no_camera(camera: str) -> Phrase:
    return QT_TRANSLATE_NOOP("Config", "no camera with id {id}").format(id=repr(camera))
