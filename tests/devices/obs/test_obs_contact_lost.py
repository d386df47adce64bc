"""The console loses contact with an OBS that keeps streaming or recording (issue #15): a TCP relay between
the controller and OBS — the simulator, then the real OBS Studio — is cut and restored like a network
cable, and the broadcast log (``BroadcastRecorder``, its jobs on a real database) says what happened."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import pytest
from sqlalchemy import select

from devices.obs.controller import ObsController
from devices.obs.session import Timing
from devices.obs.state import Connection, ObsState, OnAir, Recording
from models.oplog.broadcast_recorder import BroadcastRecorder
from models.oplog.jobs.base import Job, run_job
from models.oplog.tables import AuditEntry, EndReason, OnAirSession
from models.oplog.tables import Recording as RecordingRow
from tests.support.commands import run_app
from tests.support.oplog_databases import Backend
from tests.support.tcp_proxy import TcpProxy
from tests.support.waiting import wait_until


class Run(NamedTuple):
    started_at: datetime
    ended_at: datetime | None
    end_reason: EndReason | None
    drops: int


class File(NamedTuple):
    started_at: datetime
    stopped_at: datetime | None
    path: str | None


QUICK = Timing(first_retry=0.2, last_retry=0.5)  # back within half a second of the cable


class Console:
    """An OBS controller behind a relay, its snapshots recorded in order; the jobs run at the end."""

    def __init__(self, target, runtime) -> None:
        self.target = target
        self.proxy = TcpProxy("127.0.0.1", target.port)
        url = f"obs://127.0.0.1:{self.proxy.port}?password_env={next(iter(target.environ))}"
        self.obs = ObsController(runtime, url, environ=target.environ, timing=QUICK)
        self.jobs: list[Job[bool]] = []
        self._lock = threading.Lock()
        self.recorder = BroadcastRecorder("yt1", self._keep, event_of=lambda: None, staff=lambda: None)
        self.obs.add_listener(self._seen)
        self.obs.start().ready().result(15)

    def _seen(self, item: object) -> None:
        if isinstance(item, ObsState):
            self.recorder.observe(item)

    def _keep(self, job: Job[bool]) -> None:
        with self._lock:
            self.jobs.append(job)

    def go_live(self) -> float:
        self.target.open_sink()
        self.obs.start_stream().result(15)
        time.sleep(1.5)  # a poll or two: OBS's own count of the stream's duration has set its start
        started = self.obs.snapshot().stream_started
        assert started is not None
        return started

    def start_recording(self) -> float:
        self.obs.start_record().result(15)
        time.sleep(1.5)  # as for the stream: OBS's count of the recording's duration has set its start
        started = self.obs.snapshot().record_started
        assert started is not None
        return started

    def cut(self) -> datetime:
        before = datetime.now(UTC)
        self.proxy.cut()
        wait_until(lambda: self.obs.snapshot().connection is not Connection.ONLINE, timeout=5)
        return before

    def restore(self) -> ObsState:
        self.proxy.restore()
        return self.obs.ready().result(15)

    def write(self, backend: Backend) -> list[Run]:
        """Runs the jobs on a new database; its sessions, its recordings in ``files`` and the audit trail's
        actions in ``actions``."""
        database = backend.open()
        with self._lock:
            for job in self.jobs:
                run_job(database, job)
        with database.transaction() as session:
            found = [
                Run(s.started_at, s.ended_at, s.end_reason, len(s.drops))
                for s in session.scalars(select(OnAirSession).order_by(OnAirSession.id))
            ]
            self.files = [
                File(r.started_at, r.stopped_at, r.path)
                for r in session.scalars(select(RecordingRow).order_by(RecordingRow.id))
            ]
            self.actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
        return found

    def close(self) -> None:
        self.obs.close().result(5)
        self.proxy.close()


@pytest.fixture
def console(target, runtime):
    made = Console(target, runtime)
    yield made
    made.close()
    run_app("obs", target.url, "stream", "stop")  # whatever a failed test left on air or recording
    run_app("obs", target.url, "record", "stop")


@pytest.fixture
def backend(tmp_path):
    made = Backend("sqlite", tmp_path)
    yield made
    made.close()


def obs_stream(target, verb: str, output: str = "stream") -> None:
    """Start or stop the stream (or the recording) on OBS itself (the CLI connects to it directly, not
    through the relay)."""
    if verb == "start" and output == "stream":
        target.open_sink()
    done = run_app("obs", target.url, output, verb)
    assert done.returncode == 0, done.stderr


def test_a_stream_that_runs_on_while_contact_is_lost_is_one_session_with_the_gap_audited(
    console, backend, password
):
    started = console.go_live()
    console.cut()
    time.sleep(1.5)
    back = console.restore()
    assert back.on_air is OnAir.LIVE
    assert abs(back.stream_started - started) < 2
    console.obs.stop_stream().result(15)
    wait_until(lambda: len(console.jobs) >= 3, timeout=5)
    sessions = console.write(backend)
    assert [(s.end_reason, s.drops) for s in sessions] == [(EndReason.STOPPED, 0)]
    assert len(console.actions) == 3
    assert console.actions[0] == "stream on air"
    assert console.actions[1].startswith("console lost contact with OBS from ")
    assert console.actions[2].startswith("stream off air (stopped) after ")


def test_a_stream_stopped_while_contact_is_lost_ended_when_it_was_lost(console, backend, password):
    console.go_live()
    lost = console.cut()
    time.sleep(0.5)
    obs_stream(console.target, "stop")
    stopped = datetime.now(UTC)
    assert console.restore().on_air is OnAir.READY
    wait_until(lambda: len(console.jobs) >= 2, timeout=5)
    (session,) = console.write(backend)
    assert session.end_reason is EndReason.OBS_CLOSED
    assert lost <= session.ended_at < stopped
    assert not any(action.startswith("console lost contact") for action in console.actions)


def test_a_stream_started_anew_while_contact_is_lost_is_a_second_session(console, backend, password):
    console.go_live()
    lost = console.cut()
    obs_stream(console.target, "stop")
    obs_stream(console.target, "start")
    time.sleep(1.5)
    back = console.restore()
    assert back.on_air is OnAir.LIVE
    console.obs.stop_stream().result(15)
    wait_until(lambda: len(console.jobs) >= 4, timeout=5)
    first, second = console.write(backend)
    assert first.end_reason is EndReason.OBS_CLOSED
    assert first.ended_at < second.started_at
    assert second.started_at > lost
    assert second.end_reason is EndReason.STOPPED


def test_a_recording_that_runs_on_while_contact_is_lost_is_one_recording_with_the_file_obs_names(
    console, backend, password
):
    started = console.start_recording()
    console.cut()
    time.sleep(1.5)
    back = console.restore()
    assert back.recording is Recording.RECORDING
    assert abs(back.record_started - started) < 2
    console.obs.stop_record().result(15)
    wait_until(lambda: len(console.jobs) >= 3, timeout=5)
    assert console.write(backend) == []
    (recording,) = console.files
    assert recording.stopped_at is not None
    assert recording.path is not None
    assert Path(recording.path).parent == console.target.record_dir
    assert Path(recording.path).stat().st_size > 0
    assert console.actions[0] == "recording started"
    assert console.actions[1].startswith("console lost contact with OBS from ")
    assert console.actions[2] == f"recording stopped: {recording.path}"
    assert len(console.actions) == 3


def test_a_recording_stopped_while_contact_is_lost_ended_when_it_was_lost(console, backend, password):
    console.start_recording()
    lost = console.cut()
    time.sleep(0.5)
    obs_stream(console.target, "stop", "record")
    stopped = datetime.now(UTC)
    assert console.restore().recording is Recording.STOPPED
    wait_until(lambda: len(console.jobs) >= 2, timeout=5)
    console.write(backend)
    (recording,) = console.files
    assert recording.stopped_at is not None
    assert lost <= recording.stopped_at < stopped
    assert recording.path is None  # OBS named the file as it stopped, which the console did not see
    assert console.actions == ["recording started", "recording stopped"]
