"""The ``cameras:`` section of the configuration file: each camera's id, name, device URL and profile,
location, previews (``preview:`` the tile's stream, ``preview_hd:`` the main stream for large views:
an RTSP or HTTP address, a video file, a capture device number or ``demo``; docs/video.md), named
presets and capture file. ``CameraReader`` is part of the configuration reader (parse.py).
"""

from __future__ import annotations

import re

from yaml.nodes import Node, ScalarNode

from common.wording import QT_TRANSLATE_NOOP
from models.config.schema import DEMO_PREVIEW, PRESET_NUMBERS, PREVIEW_SCHEMES, CameraCheck, CameraConfig
from models.config.values import INT_TAG, ValueReader

CAMERA_KEYS = (
    "id",
    "name",
    "url",
    "profile",
    "location",
    "preview",
    "preview_hd",
    "presets",
    "capture",
    "obs_source",
    "tally_lamp",
)
URL_PATTERN = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://(.*)")
DEVICE_NUMBERS = range(0, 100)
CAMERA = QT_TRANSLATE_NOOP("Config", "camera")
PRESET_NUMBER = QT_TRANSLATE_NOOP("Config", "a preset number")
CAPTURE_DEVICE_NUMBER = QT_TRANSLATE_NOOP("Config", "a capture device number")


class CameraReader(ValueReader):
    camera_check: CameraCheck | None
    camera_ids: dict[str, int]  # id -> line, every id seen (even of a faulty camera)

    def camera(self, node: Node, where: str) -> CameraConfig | None:
        before = len(self.problems)
        entries = self.mapping(node, where, CAMERA_KEYS, required=("id", "name", "url"))
        if entries is None:
            return None
        camera_id = self.identifier(entries.get("id"), f"{where}.id", CAMERA, self.camera_ids)
        name = self.text(entries.get("name"), f"{where}.name", required=True)
        url = self.text(entries.get("url"), f"{where}.url", required=True)
        profile = self.text(entries.get("profile"), f"{where}.profile", required=True)
        if url is not None and self.camera_check is not None:
            for key, message in self.camera_check(url, profile):
                self.add(entries.get(key, entries["url"]), f"{where}.{key}", message)
        if url is not None:
            self.serial_port(entries["url"], f"{where}.url", url, name or camera_id or where)
            self.doubt_url(entries["url"], f"{where}.url", url)
        location = self.text(entries.get("location"), f"{where}.location")
        preview = self.preview(entries.get("preview"), f"{where}.preview")
        preview_hd = self.preview(entries.get("preview_hd"), f"{where}.preview_hd")
        if "preview_hd" in entries and "preview" not in entries:
            self.add(
                entries["preview_hd"],
                f"{where}.preview_hd",
                QT_TRANSLATE_NOOP(
                    "Config",
                    "preview_hd is the main stream for large views; the tile needs preview: (the substream) too",  # noqa: E501
                ),
            )
        presets = self.presets(entries.get("presets"), f"{where}.presets")
        capture = self.capture_file(entries.get("capture"), f"{where}.capture", name or camera_id or where)
        obs_source = self.text(entries.get("obs_source"), f"{where}.obs_source", required=True)
        tally_lamp = self.flag(entries.get("tally_lamp"), f"{where}.tally_lamp", "tally_lamp")
        if len(self.problems) > before or camera_id is None or name is None or url is None:
            return None  # (a required value that is None has its problem already)
        return CameraConfig(
            camera_id,
            name,
            url,
            profile,
            location,
            preview,
            presets,
            capture,
            preview_hd,
            obs_source,
            tally_lamp,
        )

    # ---- parts of a camera -----------------------------------------------------------------
    def preview(self, node: Node | None, field: str) -> str | int | None:
        if isinstance(node, ScalarNode) and node.tag == INT_TAG:
            return self.whole_number(node, field, DEVICE_NUMBERS, CAPTURE_DEVICE_NUMBER)
        value = self.text(node, field, required=True)
        if node is None or value is None or value == DEMO_PREVIEW:
            return value
        url = URL_PATTERN.match(value)
        if url is None:
            return value  # a video file; it may live on another machine, so it is not looked for here
        if url.group(1).lower() not in PREVIEW_SCHEMES:
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP(
                    "Config",
                    "unsupported preview address {address}; use rtsp://, http://, https://, "
                    "a file path, a device number or {demo}",
                ).format(address=repr(value), demo=repr(DEMO_PREVIEW)),
            )
        elif not url.group(2).split("/", 1)[0]:
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "preview address {address} has no host name").format(
                    address=repr(value)
                ),
            )
        return value

    def presets(self, node: Node | None, field: str) -> dict[int, str]:
        presets: dict[int, str] = {}
        seen: set[int] = set()
        for key_node, value_node in self.pairs(node, field):
            number = self.whole_number(key_node, field, PRESET_NUMBERS, PRESET_NUMBER)
            name = self.text(value_node, f"{field}.{key_node.value}", required=True)
            if number in seen:
                self.add(
                    key_node,
                    field,
                    QT_TRANSLATE_NOOP("Config", "preset {number} is named twice").format(number=number),
                )
            elif number is not None and name is not None:
                presets[number] = name
            if number is not None:
                seen.add(number)
        return presets
