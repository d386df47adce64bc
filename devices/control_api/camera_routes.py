"""The cameras' endpoints: select, move for a while, stop, presets, and ALL STOP."""

from __future__ import annotations

from devices.control_api.actions import Answer, Refused
from devices.control_api.table import Call, Field, Route

MOVE_MS_MAX = 10_000  # a move with a duration ends within ten seconds, whatever a script asks
SPEED_MAX = 24  # the widest pan speed of any camera (0x18); each camera's own limits are checked too
ZOOM_MAX = 7

MOVE_FIELDS = (
    Field("pan", "signed pan speed: < 0 left, > 0 right", -SPEED_MAX, SPEED_MAX, required=False, default=0),
    Field("tilt", "signed tilt speed: < 0 down, > 0 up", -SPEED_MAX, SPEED_MAX, required=False, default=0),
    Field(
        "zoom",
        "signed zoom speed: < 0 out (wide), > 0 in (tele)",
        -ZOOM_MAX,
        ZOOM_MAX,
        required=False,
        default=0,
    ),
)


def number(call: Call, name: str, low: int = 0, high: int = 255) -> int:
    """A number in the path, checked against the widest range; the camera's own range is the console's."""
    text = call.path[name]
    if not text.isdigit():
        raise Refused(400, f"{name} must be a whole number, not '{text}'")
    value = int(text)
    if not low <= value <= high:
        raise Refused(422, f"{name} must be {low}–{high}, not {value}")
    return value


def describe_move(pan: int, tilt: int, zoom: int) -> str:
    parts = [
        f"{'right' if pan > 0 else 'left'} {abs(pan)}" if pan else "",
        f"{'up' if tilt > 0 else 'down'} {abs(tilt)}" if tilt else "",
        f"zoom {'in' if zoom > 0 else 'out'} {abs(zoom)}" if zoom else "",
    ]
    return "move " + " ".join(p for p in parts if p)


async def start_move(call: Call, owner: object | None = None) -> Answer:
    """Check the move, ask the desk for the camera, set it moving and arm its end (a duration, or the
    dead-man of ``owner``'s hold)."""
    camera = call.path["camera"]
    pan, tilt, zoom = (call.body[f.name] for f in MOVE_FIELDS)
    if not (pan or tilt or zoom):
        raise Refused(400, "a move needs pan, tilt or zoom (POST .../stop stops a camera)")
    what = describe_move(pan, tilt, zoom)
    mover = await call.console.mover(call.client, camera, what)
    try:
        mover.move(pan, tilt, zoom)
    except ValueError as exc:
        raise Refused(422, f"{camera}: {exc}") from None
    if owner is None:
        call.holds.timed(camera, mover, call.body["for"] / 1000)
    else:
        call.holds.held(camera, mover, owner)
    return {"ok": True, "camera": camera, "move": what}


async def select(call: Call) -> Answer:
    return await call.console.select(call.client, call.path["camera"])


async def move(call: Call) -> Answer:
    answer = await start_move(call)
    return {**answer, "for": call.body["for"]}


async def stop(call: Call) -> Answer:
    call.holds.forget(call.path["camera"])
    return await call.console.stop(call.client, call.path["camera"])


async def all_stop(call: Call) -> Answer:
    call.holds.forget()
    return await call.console.all_stop(call.client)


async def recall(call: Call) -> Answer:
    return await call.console.recall_preset(call.client, call.path["camera"], number(call, "number"))


async def save(call: Call) -> Answer:
    return await call.console.save_preset(call.client, call.path["camera"], number(call, "number"))


CAMERA = "/api/cameras/{camera}"
CAMERA_ROUTES = (
    Route(
        "POST",
        f"{CAMERA}/select",
        "Select the camera on the desk (as the keys 1–9 do)",
        select,
        tag="cameras",
    ),
    Route(
        "POST",
        f"{CAMERA}/move",
        "Move for a while: pan, tilt and zoom speeds, stopped after 'for' milliseconds",
        move,
        (*MOVE_FIELDS, Field("for", "milliseconds until the camera stops by itself", 1, MOVE_MS_MAX)),
        tag="cameras",
    ),
    Route("POST", f"{CAMERA}/stop", "Stop the camera's pan, tilt, zoom and preset move", stop, tag="cameras"),
    Route("POST", f"{CAMERA}/presets/{{number}}/recall", "Recall a preset", recall, tag="cameras"),
    Route(
        "POST",
        f"{CAMERA}/presets/{{number}}/save",
        "Store where the camera is as a preset",
        save,
        tag="cameras",
    ),
    Route("POST", "/api/stop-all", "ALL STOP: every camera stops", all_stop, tag="cameras"),
)
