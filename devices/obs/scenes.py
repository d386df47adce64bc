"""Which sources each scene shows, for tally: a camera is on air while its source is in the program scene.

The items of every scene are read once on connect (``GetSceneItemList``, groups with
``GetGroupSceneItemList``) and again for one scene when OBS says its items changed, so that a cut
updates the program's sources at once from what is known, without a request on the way.
Nested scenes and groups count with what they show; hidden items do not.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

Request = Callable[[str, dict[str, Any]], Awaitable[Mapping[str, Any]]]
ITEM_EVENTS = frozenset({"SceneItemCreated", "SceneItemRemoved", "SceneItemEnableStateChanged"})
DEEPEST = 8  # nesting followed at most this deep (a scene that contains itself ends here)


@dataclass(frozen=True)
class Item:
    source: str
    enabled: bool
    nested: bool  # a scene or a group: its own items count too
    group: bool


class SceneSources:
    def __init__(self) -> None:
        self._items: dict[str, tuple[Item, ...]] = {}

    def clear(self) -> None:
        self._items.clear()

    async def load_all(self, request: Request, scenes: tuple[str, ...]) -> None:
        self._items.clear()
        for scene in scenes:
            await self.load(request, scene)

    async def load(self, request: Request, scene: str, group: bool = False) -> None:
        kind = "GetGroupSceneItemList" if group else "GetSceneItemList"
        answer = await request(kind, {"sceneName": scene})
        listed = [raw for raw in answer.get("sceneItems", []) if isinstance(raw, Mapping)]
        listed.sort(key=lambda raw: raw.get("sceneItemIndex", 0), reverse=True)  # OBS lists the bottom first
        items = (_item(raw) for raw in listed)
        self._items[scene] = tuple(item for item in items if item is not None)
        for item in self._items[scene]:
            if item.group and item.source not in self._items:
                await self.load(request, item.source, group=True)

    def sources(self, scene: str | None) -> tuple[str, ...]:
        """Every source ``scene`` shows (its own and those of nested scenes and groups), top first."""
        found: list[str] = []
        self._collect(scene, found, 0)
        return tuple(dict.fromkeys(found))

    def _collect(self, scene: str | None, found: list[str], depth: int) -> None:
        if scene is None or depth > DEEPEST:
            return
        for item in self._items.get(scene, ()):
            if item.enabled:
                found.append(item.source)
                if item.nested:
                    self._collect(item.source, found, depth + 1)


def _item(raw: Mapping[str, Any]) -> Item | None:
    source = raw.get("sourceName")
    if not isinstance(source, str):
        return None
    group = bool(raw.get("isGroup"))
    nested = group or raw.get("sourceType") == "OBS_SOURCE_TYPE_SCENE"
    return Item(source, raw.get("sceneItemEnabled", True) is not False, nested, group)
