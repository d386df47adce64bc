"""What the OBS tests drive, the same for the simulator and for the real OBS Studio
(``obs_studio.RealObs``): its URL and password, its recording folder, a sink that counts the stream's
bytes, and a way to kill it and start it again."""

from __future__ import annotations

import asyncio
from pathlib import Path

from devices.obs.sim.server import ObsSimulator, start_obs_simulator
from devices.obs.sim.studio import DEFAULT_SCENES
from devices.runtime import DeviceRuntime

PASSWORD_ENV = "SMARTCENTRE_TEST_OBS_PASSWORD"


class ObsTarget:
    kind = ""
    scenes = ("Podium", "Audience", "Screens")  # top first, as OBS lists them
    sources: dict[str, str] = {}  # each scene's one source (a camera's ``obs_source``, for tally)

    def __init__(self, folder: Path, password: str, port: int) -> None:
        self.folder = folder
        self.password = password
        self.port = port
        self.record_dir = folder / "recordings"
        self.record_dir.mkdir(parents=True, exist_ok=True)

    @property
    def url(self) -> str:
        return f"obs://127.0.0.1:{self.port}?password_env={PASSWORD_ENV}"

    @property
    def environ(self) -> dict[str, str]:
        return {PASSWORD_ENV: self.password}

    def start(self) -> ObsTarget:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def kill(self) -> None:
        raise NotImplementedError

    def restart(self) -> None:
        raise NotImplementedError

    def open_sink(self) -> None:
        """Ready to receive a stream (before it starts)."""
        raise NotImplementedError

    def sink_bytes(self) -> int:
        raise NotImplementedError

    def __enter__(self) -> ObsTarget:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


class SimulatedObs(ObsTarget):
    """The simulator on a device thread of its own, streaming to a TCP sink that counts bytes."""

    kind = "simulator"
    sources = {scene: shown[0] for scene, shown in DEFAULT_SCENES.items()}

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, password="sim-test-password", port=0)
        self._runtime = DeviceRuntime("obs-simulator")
        self.sim: ObsSimulator | None = None
        self._received = 0
        self._sink: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    def start(self) -> SimulatedObs:
        self._runtime.start()
        self._sink = self._runtime.submit(asyncio.start_server(self._count, "127.0.0.1", 0)).result(5)
        sink = ("127.0.0.1", self._sink.sockets[0].getsockname()[1])
        start = start_obs_simulator(
            "ws://127.0.0.1:0", self.password, stream_to=sink, record_folder=self.record_dir, kbps=300
        )
        self.sim = self._runtime.submit(start).result(5)
        self.port = self.sim.port
        return self

    def close(self) -> None:
        self._runtime.submit(self._close()).result(5)
        self._runtime.stop()

    async def _close(self) -> None:
        if self.sim is not None:
            await self.sim.close()
        if self._sink is not None:
            self._sink.close()
        for writer in self._writers:
            writer.close()

    def kill(self) -> None:
        assert self.sim is not None
        self._runtime.submit(self.sim.kill()).result(5)

    def restart(self) -> None:
        assert self.sim is not None
        self._runtime.submit(self.sim.restart()).result(5)

    def open_sink(self) -> None:
        self._received = 0

    def sink_bytes(self) -> int:
        return self._received

    async def _count(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.append(writer)
        while chunk := await reader.read(65536):
            self._received += len(chunk)
        writer.close()
