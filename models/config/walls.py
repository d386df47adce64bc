"""The ``walls:`` section of the configuration file, and the wall outputs that events own.

    walls:
      - id: smart-wall
        name: Layar Lebar Smart Centre
        url: kramer+tcp://192.168.10.40
        sources: {1: Kamera Panggung, 2: PC Presentasi, 3: Zoom/Conference}
        outputs: {1: Layar Kiri, 2: Layar Tengah, 3: Layar Kanan, 4: Monitor Podium}
        rows: 1                     # optional: the grid the console draws the outputs in
        cols: 4
        layouts: {1: Rapat Penuh, 2: Presentasi}
        capture: captures/smart-wall.jsonl   # optional: record every frame (docs/captures.md)
    events:
      - id: rakor
        wall_outputs: [smart-wall:1, smart-wall:2]

On a wall processor the outputs are the windows of ``canvas`` (default 1); a display names its
input codes under ``inputs`` (``{"90": HDMI 1}``). ``WallReader`` is part of the configuration
reader (parse.py).
"""

from __future__ import annotations

from yaml.nodes import Node

from common.wording import QT_TRANSLATE_NOOP, Phrase
from models.config.schema import GRID_SIZES, WALL_NUMBERS, WallCheck, WallConfig, wall_output_id
from models.config.values import ValueReader

WALL_KEYS = (
    "id",
    "name",
    "url",
    "sources",
    "outputs",
    "canvas",
    "rows",
    "cols",
    "layouts",
    "inputs",
    "capture",
)
CANVAS_NUMBERS = range(1, 100)
OUTPUT_EXAMPLE = "smart-wall:3"
# what a wall's numbered names are: the name of their number, and the problem of a number named twice
SOURCES = (
    QT_TRANSLATE_NOOP("Config", "input number"),
    QT_TRANSLATE_NOOP("Config", "input {number} is named twice"),
)
OUTPUTS = (
    QT_TRANSLATE_NOOP("Config", "output number"),
    QT_TRANSLATE_NOOP("Config", "output {number} is named twice"),
)
LAYOUTS = (
    QT_TRANSLATE_NOOP("Config", "layout number"),
    QT_TRANSLATE_NOOP("Config", "layout {number} is named twice"),
)


class WallReader(ValueReader):
    wall_check: WallCheck | None
    wall_ids: dict[str, int]  # id -> line, every wall id seen
    wall_outputs: dict[str, tuple[int, ...]]  # wall id -> its output numbers, for the events

    def wall(self, node: Node, where: str) -> WallConfig | None:
        before = len(self.problems)
        entries = self.mapping(node, where, WALL_KEYS, required=("id", "name", "url"))
        if entries is None:
            return None
        wall_id = self.identifier(
            entries.get("id"), f"{where}.id", QT_TRANSLATE_NOOP("Config", "wall"), self.wall_ids
        )
        name = self.text(entries.get("name"), f"{where}.name", required=True)
        url = self.text(entries.get("url"), f"{where}.url", required=True)
        if url is not None and self.wall_check is not None:
            for message in self.wall_check(url):
                self.add(entries["url"], f"{where}.url", message)
        if url is not None:
            self.serial_port(entries["url"], f"{where}.url", url, name or wall_id or where)
            self.doubt_url(entries["url"], f"{where}.url", url)
        sources = self.named_numbers(entries.get("sources"), f"{where}.sources", SOURCES)
        outputs = self.named_numbers(entries.get("outputs"), f"{where}.outputs", OUTPUTS)
        if wall_id is not None:
            self.wall_outputs[wall_id] = tuple(outputs)
        canvas = self.whole_number(
            entries.get("canvas"),
            f"{where}.canvas",
            CANVAS_NUMBERS,
            QT_TRANSLATE_NOOP("Config", "the canvas number"),
        )
        rows = self.whole_number(entries.get("rows"), f"{where}.rows", GRID_SIZES, "rows")
        cols = self.whole_number(entries.get("cols"), f"{where}.cols", GRID_SIZES, "cols")
        if rows is not None and cols is not None and rows * cols < len(outputs):
            self.add(
                entries["cols"],
                f"{where}.cols",
                QT_TRANSLATE_NOOP(
                    "Config", "a {rows}×{cols} grid has room for {room} outputs, not {count}"
                ).format(rows=rows, cols=cols, room=rows * cols, count=len(outputs)),
            )
        layouts = self.named_numbers(entries.get("layouts"), f"{where}.layouts", LAYOUTS)
        inputs = self.input_codes(entries.get("inputs"), f"{where}.inputs")
        capture = self.capture_file(entries.get("capture"), f"{where}.capture", name or wall_id or where)
        if len(self.problems) > before or wall_id is None or name is None or url is None:
            return None  # (a required value that is None has its problem already)
        return WallConfig(wall_id, name, url, sources, outputs, canvas, rows, cols, layouts, inputs, capture)

    def named_numbers(self, node: Node | None, field: str, kind: tuple[Phrase, Phrase]) -> dict[int, str]:
        """``kind``: ``SOURCES``, ``OUTPUTS`` or ``LAYOUTS``."""
        what, named_twice = kind
        named: dict[int, str] = {}
        seen: set[int] = set()
        for key_node, value_node in self.pairs(node, field):
            number = self.whole_number(key_node, field, WALL_NUMBERS, what)
            name = self.text(value_node, f"{field}.{key_node.value}", required=True)
            if number in seen:
                self.add(key_node, field, named_twice.format(number=number))
            elif number is not None and name is not None:
                named[number] = name
            if number is not None:
                seen.add(number)
        return named

    def input_codes(self, node: Node | None, field: str) -> dict[str, str]:
        codes: dict[str, str] = {}
        for key_node, value_node in self.pairs(node, field):
            code = key_node.value.strip()
            name = self.text(value_node, f"{field}.{key_node.value}", required=True)
            if not code:
                self.add(key_node, field, QT_TRANSLATE_NOOP("Config", "an input code must not be empty"))
            elif code in codes:
                self.add(
                    key_node,
                    field,
                    QT_TRANSLATE_NOOP("Config", "input code {code} is named twice").format(code=code),
                )
            elif name is not None:
                codes[code] = name
        return codes

    def event_wall_outputs(self, node: Node | None, field: str) -> tuple[str, ...]:
        found: list[str] = []

        def read(item: Node, _where: str) -> None:
            text = self.text(item, field, required=True)
            if text is None:
                return
            wall, colon, number = text.strip().rpartition(":")
            if not colon or not wall or not number.isdigit():
                self.add(
                    item,
                    field,
                    QT_TRANSLATE_NOOP(
                        "Config", "write a wall output as WALL-ID:NUMBER, e.g. {example}, not {text}"
                    ).format(example=OUTPUT_EXAMPLE, text=repr(text)),
                )
            elif wall not in self.wall_outputs:
                self.add(
                    item, field, QT_TRANSLATE_NOOP("Config", "no wall with id {id}").format(id=repr(wall))
                )
            elif int(number) not in self.wall_outputs[wall]:
                named = ", ".join(map(str, self.wall_outputs[wall])) or QT_TRANSLATE_NOOP("Config", "none")
                self.add(
                    item,
                    field,
                    QT_TRANSLATE_NOOP(
                        "Config", "wall {id} has no output {number} (its outputs: {outputs})"
                    ).format(id=repr(wall), number=int(number), outputs=named),
                )
            elif wall_output_id(wall, int(number)) in found:
                self.add(
                    item,
                    field,
                    QT_TRANSLATE_NOOP("Config", "{output} is listed twice").format(
                        output=wall_output_id(wall, int(number))
                    ),
                )
            else:
                found.append(wall_output_id(wall, int(number)))

        self.items(node, field, read)
        return tuple(found)
