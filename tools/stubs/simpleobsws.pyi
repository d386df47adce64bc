# Types for the part of simpleobsws 1.4 that devices/obs/session.py uses (the package ships none).
# Kept by hand: compare with the installed package's __init__.py when its version changes.
import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from websockets.asyncio.client import ClientConnection

@dataclass
class IdentificationParameters:
    ignoreNonFatalRequestChecks: bool | None = None
    eventSubscriptions: int | None = None

@dataclass
class Request:
    requestType: str
    requestData: dict[str, Any] | None = None
    inputVariables: dict[str, Any] | None = None
    outputVariables: dict[str, Any] | None = None

@dataclass
class RequestStatus:
    result: bool = False
    code: int = 0
    comment: str | None = None

@dataclass
class RequestResponse:
    requestType: str = ""
    requestStatus: RequestStatus = ...
    responseData: dict[str, Any] | None = None
    def has_data(self) -> bool: ...
    def ok(self) -> bool: ...

class MessageTimeout(Exception): ...
class EventRegistrationError(Exception): ...
class NotIdentifiedError(Exception): ...

class WebSocketClient:
    url: str
    password: str
    ws: ClientConnection | None
    ws_open: bool
    identified: bool
    recv_task: asyncio.Task[None] | None
    hello_message: dict[str, Any] | None
    def __init__(
        self, url: str = ..., password: str = ..., identification_parameters: IdentificationParameters = ...
    ) -> None: ...
    async def connect(self) -> bool: ...
    async def wait_until_identified(self, timeout: float = 10) -> bool: ...
    async def disconnect(self) -> bool: ...
    async def call(self, request: Request, timeout: float = 15) -> RequestResponse: ...
    async def emit(self, request: Request) -> None: ...
    def register_event_callback(
        self, callback: Callable[..., Awaitable[None]], event: str | None = None
    ) -> None: ...
    def deregister_event_callback(
        self, callback: Callable[..., Awaitable[None]], event: str | None = None
    ) -> None: ...
    def is_identified(self) -> bool: ...
