"""The tablet remote's part of the Control API (docs/control-api.md "Tablet remote"): its page at /remote
(plain files of resources/remote), the login with a staff PIN that opens a session (remote_sessions.py),
and what the page shows besides the API's state: a camera's presets with their thumbnails and the shots
of the operator's event.

The login is an ordinary route of the table, so the API's rule for tokens holds for it: on a bind that
needs a token, only a request with a valid bearer token may even try a PIN. The PIN itself is checked by
the console (``RemoteConsole.log_in``) under the rules of its own login: the same lockout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from devices.control_api.actions import Answer, Refused
from devices.control_api.remote_sessions import ENDED, RemoteSessions
from devices.control_api.server import ControlApi
from devices.control_api.table import Call, Field, Route
from devices.control_api.tokens import TokenStore

PAGE_PREFIX = "/remote"
PAGE_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "remote"
PIN_CHARS = 16  # longer is not a PIN (a PIN is 4–8 digits); shorter ones are counted as the console does


class RemoteConsole(Protocol):
    async def staff(self) -> list[dict[str, Any]]:
        """The staff who may log in: ``{"id", "name"}`` each, by name."""

    async def log_in(self, staff_id: int, pin: str) -> tuple[int, str]:
        """The staff member's id and name if ``pin`` is theirs; else raises ``Refused`` with a ``code``
        (``wrong_pin`` with ``attempts_left``, ``locked`` with ``seconds`` and ``wrong``, ``inactive``,
        ``unknown``, ``no_log``) for the page to say in its language. Wrong PINs count towards the lockout."""

    async def presets(self, camera: str) -> Answer:
        """``{"camera", "presets": [{"number", "name", "thumbnail"}]}``, a thumbnail a data: URL or None."""

    async def shots(self) -> Answer:
        """``{"event", "shots": [{"key", "camera", "camera_name", "preset", "preset_name", "scene"}]}``."""


def remote_routes(remote: RemoteConsole, sessions: RemoteSessions) -> tuple[Route, ...]:
    async def staff(_call: Call) -> Answer:
        return {"staff": await remote.staff()}

    async def login(call: Call) -> Answer:
        pin = call.body["pin"]
        if len(pin) > PIN_CHARS:
            raise Refused(400, "a PIN is 4 to 8 digits", {"code": "wrong_pin_format"})
        staff_id, name = await remote.log_in(call.body["staff"], pin)
        return {"session": sessions.open(staff_id, name, call.client), "staff": staff_id, "name": name}

    async def me(call: Call) -> Answer:
        session = sessions.by_client(call.client.key)
        if session is None:
            raise Refused(401, "not logged in on the remote", {"code": ENDED})
        return {"staff": session.staff_id, "name": session.name}

    async def logout(call: Call) -> Answer:
        sessions.close(call.client.key)
        return {"ok": True}

    async def presets(call: Call) -> Answer:
        return await remote.presets(call.path["camera"])

    async def shots(_call: Call) -> Answer:
        return await remote.shots()

    return (
        Route("GET", "/api/remote/staff", "The staff who may log in on the remote", staff, tag="remote"),
        Route(
            "POST",
            "/api/remote/login",
            "Log in on the remote with a staff PIN (the console's lockout): a session for X-Remote-Session",
            login,
            (
                Field("staff", "the staff member's number (GET /api/remote/staff)", 1, 2**31 - 1),
                Field("pin", "the staff member's PIN"),
            ),
            tag="remote",
            answers=(400, 401, 403, 404, 423, 429),
        ),
        Route("GET", "/api/remote/me", "Who the remote's session names", me, tag="remote"),
        Route("POST", "/api/remote/logout", "End the remote's session", logout, tag="remote"),
        Route(
            "GET",
            "/api/cameras/{camera}/presets",
            "The camera's presets: number, name and thumbnail (a data: URL)",
            presets,
            tag="cameras",
        ),
        Route("GET", "/api/shots", "The shots (F1–F12) of the operator's event", shots, tag="shots"),
    )


def mount_remote(
    api: ControlApi,
    remote: RemoteConsole,
    sessions: RemoteSessions,
    tokens: TokenStore,
    folder: Path = PAGE_FOLDER,
) -> None:
    """The remote on ``api`` (a ``ControlApi`` not yet started): its routes, its sessions, its page."""

    def still_let_in(via: str) -> bool:
        if via.startswith("token:"):
            return any(t.id == via.removeprefix("token:") and t.active for t in tokens.tokens())
        return not api.listen.needs_token  # this computer, while its bind is open to it

    api.add_routes(remote_routes(remote, sessions))
    api.add_authenticator(sessions.authenticator(still_let_in))
    api.mount_static(PAGE_PREFIX, folder)
