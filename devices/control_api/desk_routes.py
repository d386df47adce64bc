"""What the desk shows and the rest of what it does: the state lists, shots, the wall, OBS outputs."""

from __future__ import annotations

from devices.control_api.actions import Answer, Refused
from devices.control_api.camera_routes import number
from devices.control_api.table import Call, Field, Route

LISTS = ("cameras", "walls", "outputs", "events")
OBS_COMMANDS = {
    "start-stream": "start_stream",
    "stop-stream": "stop_stream",
    "start-record": "start_record",
    "stop-record": "stop_record",
}
SHOT_KEYS = tuple(f"F{n}" for n in range(1, 13))


async def whole_state(call: Call) -> Answer:
    return await call.console.state()


def one_list(name: str):  # noqa: ANN201 - a handler
    async def handler(call: Call) -> Answer:
        return {name: (await call.console.state())[name]}

    return handler


async def one_camera(call: Call) -> Answer:
    camera = call.path["camera"]
    found = [c for c in (await call.console.state())["cameras"] if c["id"] == camera]
    if not found:
        raise Refused(404, f"no camera '{camera}' (GET /api/cameras lists them)")
    return found[0]


async def fire_shot(call: Call) -> Answer:
    key = call.path["key"].upper()
    if key not in SHOT_KEYS:
        raise Refused(404, f"no shot key '{call.path['key']}' (F1–F12)")
    return await call.console.fire_shot(call.client, key)


async def wall_route(call: Call) -> Answer:
    return await call.console.wall_route(
        call.client, call.path["wall"], call.body["output"], call.body["input"]
    )


async def wall_layout(call: Call) -> Answer:
    return await call.console.wall_layout(call.client, call.path["wall"], number(call, "number", 1, 9999))


async def obs_scene(call: Call) -> Answer:
    return await call.console.obs_scene(call.client, call.path["output"], call.body["scene"])


async def obs_command(call: Call) -> Answer:
    command = OBS_COMMANDS.get(call.path["command"])
    if command is None:
        raise Refused(404, f"no output command '{call.path['command']}' ({', '.join(OBS_COMMANDS)})")
    confirmed = call.body["confirm"]
    return await call.console.obs_command(call.client, call.path["output"], command, confirmed)


DESK_ROUTES = (
    Route(
        "GET", "/api/state", "Cameras, walls, outputs and events with their state", whole_state, tag="state"
    ),
    *(
        Route("GET", f"/api/{name}", f"The {name} with their state", one_list(name), tag="state")
        for name in LISTS
    ),
    Route("GET", "/api/cameras/{camera}", "One camera with its state", one_camera, tag="state"),
    Route("POST", "/api/shots/{key}/fire", "Fire a shot (F1–F12) as its key does", fire_shot, tag="shots"),
    Route(
        "POST",
        "/api/walls/{wall}/route",
        "Show an input on one output (screen) of the wall",
        wall_route,
        (Field("output", "the output (screen) number", 1, 9999), Field("input", "the input number", 1, 9999)),
        tag="walls",
    ),
    Route("POST", "/api/walls/{wall}/layouts/{number}/recall", "Recall a layout", wall_layout, tag="walls"),
    Route(
        "POST",
        "/api/outputs/{output}/scene",
        "Cut an OBS output to a scene",
        obs_scene,
        (Field("scene", "the scene's name, as OBS lists it"),),
        tag="outputs",
    ),
    Route(
        "POST",
        "/api/outputs/{output}/{command}",
        "Start or stop the stream or the recording: start-stream, stop-stream, start-record, stop-record"
        ' (stopping a live stream takes {"confirm": true}, as the desk\'s second press)',
        obs_command,
        (Field("confirm", "true to stop a stream that is on air", required=False, default=False, flag=True),),
        tag="outputs",
    ),
)
