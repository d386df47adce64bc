"""The broadcast log (issue 15 item 6): its jobs, the recorder fed with OBS snapshots, tamper evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from devices.obs.state import Connection, ObsState, OnAir
from devices.obs.state import Recording as RecordState
from models.oplog.broadcast_recorder import BroadcastRecorder
from models.oplog.install_key import load_key
from models.oplog.jobs import broadcast
from models.oplog.jobs.base import run_job
from models.oplog.record_check import check
from models.oplog.schedule import Place, schedule_event
from models.oplog.tables import (
    AuditEntry,
    ClosedRecordError,
    ContactGap,
    EndReason,
    Event,
    EventMode,
    OnAirSession,
    Recording,
    StreamDrop,
)
from tests.support.oplog_world import T0

MIN = timedelta(minutes=1)


@pytest.fixture
def event_id(database, world) -> int:
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        event = schedule_event(
            session, budi, "Rapat Paripurna DPRD", "Sekretariat DPRD", EventMode.DARING, T0, T0 + 120 * MIN,
            [Place("Pendopo Manggala Praja Nugraha")], operators=[budi], devices=[], stream=None, notes="",
        )  # fmt: skip
        session.flush()
        return event.id


def sessions(database) -> list[tuple]:
    with database.transaction() as session:
        return [
            (s.output, s.event_id, s.started_at, s.ended_at, s.started_by_id, s.stopped_by_id, s.end_reason,
             [(d.at, d.back_at, d.dropped_frames) for d in s.drops])
            for s in session.scalars(select(OnAirSession).order_by(OnAirSession.id))
        ]  # fmt: skip


def audit(database) -> list[tuple]:
    with database.transaction() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.device == "yt1").order_by(AuditEntry.id))
        return [(row.at, row.staff_id, row.event_id, row.action, row.result) for row in rows]


def test_a_stream_with_a_drop_is_logged_once_with_the_event_s_time_on_air(database, world, event_id):
    budi = world.budi
    steps = [
        broadcast.stream_started("yt1", event_id, T0, budi),
        broadcast.stream_dropped("yt1", T0 + 10 * MIN),
        broadcast.stream_back("yt1", T0 + 11 * MIN, 240),
        broadcast.stream_stopped("yt1", T0 + 60 * MIN, EndReason.STOPPED, budi, 300),
    ]
    assert [run_job(database, step) for step in steps] == [True] * 4
    assert [run_job(database, step) for step in steps] == [False] * 4  # the same things seen again
    assert sessions(database) == [
        (
            "yt1",
            event_id,
            T0,
            T0 + 60 * MIN,
            budi,
            budi,
            EndReason.STOPPED,
            [(T0 + 10 * MIN, T0 + 11 * MIN, 240)],
        )
    ]
    assert audit(database) == [
        (T0, budi, event_id, "stream on air", "completed"),
        (T0 + 10 * MIN, None, event_id, "stream dropped, reconnecting", "completed"),
        (T0 + 11 * MIN, None, event_id, "stream back after 60 s", "completed"),
        (T0 + 60 * MIN, budi, event_id, "stream off air (stopped) after 3600 s", "completed"),
    ]
    with database.transaction() as session:
        event = session.get(Event, event_id)
        assert (event.on_air_start, event.on_air_end, event.on_air_seconds) == (T0, T0 + 60 * MIN, 3600)


def test_two_streams_of_one_event_add_up_and_an_open_one_leaves_the_end_empty(database, world, event_id):
    run_job(database, broadcast.stream_started("yt1", event_id, T0, world.budi))
    run_job(database, broadcast.stream_stopped("yt1", T0 + 10 * MIN, EndReason.OBS_CLOSED, None))
    run_job(database, broadcast.stream_started("yt1", event_id, T0 + 15 * MIN, world.dwi))
    with database.transaction() as session:
        event = session.get(Event, event_id)
        assert (event.on_air_start, event.on_air_end, event.on_air_seconds) == (T0, None, 600)
    run_job(database, broadcast.stream_stopped("yt1", T0 + 25 * MIN, EndReason.DROPPED, None))
    with database.transaction() as session:
        event = session.get(Event, event_id)
        assert (event.on_air_start, event.on_air_end, event.on_air_seconds) == (T0, T0 + 25 * MIN, 1200)


def test_a_closed_session_cannot_be_changed_or_deleted(database, world, event_id):
    run_job(database, broadcast.stream_started("yt1", event_id, T0, world.budi))
    run_job(database, broadcast.stream_stopped("yt1", T0 + MIN, EndReason.STOPPED, world.budi))
    with pytest.raises(ClosedRecordError, match="closed"), database.transaction() as session:
        session.scalars(select(OnAirSession)).one().ended_at = T0 + 2 * MIN
    with pytest.raises(ClosedRecordError), database.transaction() as session:
        session.delete(session.scalars(select(OnAirSession)).one())
    assert sessions(database)[0][3] == T0 + MIN


def test_a_job_that_fails_half_way_writes_neither_the_session_nor_its_audit_row(database, world):
    with pytest.raises(IntegrityError):  # the database refuses the unknown event
        run_job(database, broadcast.stream_started("yt1", 999_999, T0, world.budi))
    assert sessions(database) == []
    assert audit(database) == []


def test_recordings_and_scene_cuts(database, world, event_id):
    run_job(database, broadcast.record_started("yt1", event_id, T0, world.budi))
    run_job(database, broadcast.scene_cut("yt1", "Podium", T0 + MIN, world.budi))
    assert not run_job(database, broadcast.scene_cut("yt1", "Podium", T0 + MIN, world.budi))
    run_job(database, broadcast.record_stopped("yt1", T0 + 5 * MIN, "/rec/paripurna.mkv", world.dwi))
    assert not run_job(database, broadcast.record_stopped("yt1", T0 + 6 * MIN, "/rec/x.mkv", world.dwi))
    with database.transaction() as session:
        recording = session.scalars(select(Recording)).one()
        assert (recording.started_at, recording.stopped_at, recording.path) == (
            T0, T0 + 5 * MIN, "/rec/paripurna.mkv"
        )  # fmt: skip
        assert (recording.started_by_id, recording.stopped_by_id, recording.event_id) == (
            world.budi, world.dwi, event_id
        )  # fmt: skip
    assert [row[3] for row in audit(database)] == [
        "recording started", "scene cut to Podium", "recording stopped: /rec/paripurna.mkv"
    ]  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self):
        return self.now


def test_the_recorder_turns_a_stream_s_snapshots_into_exactly_these_rows(database, world, event_id):
    clock, start = Clock(), T0.timestamp()
    recorder = BroadcastRecorder(
        "yt1",
        lambda job: run_job(database, job),
        event_of=lambda: event_id,
        staff=lambda: world.budi,
        clock=clock,
    )
    ready = ObsState("Studio", "obs://studio", connection=Connection.ONLINE, on_air=OnAir.READY,
                     recording=RecordState.STOPPED, program_scene="Pembukaan")  # fmt: skip
    live = replace(ready, on_air=OnAir.LIVE, stream_started=start, dropped_frames=0)
    sequence = [
        (0, ready),
        (0, replace(ready, on_air=OnAir.STARTING)),
        (0, live),
        (1, replace(live, dropped_frames=3)),
        (5, replace(live, on_air=OnAir.RECONNECTING, dropped_frames=10)),
        (6, replace(live, on_air=OnAir.RECONNECTING, dropped_frames=40)),
        (7, replace(live, dropped_frames=55)),
        (8, replace(live, dropped_frames=60, program_scene="Podium")),
        (30, replace(live, on_air=OnAir.STOPPING, dropped_frames=61, program_scene="Podium")),
        (31, replace(ready, on_air=OnAir.READY, program_scene="Podium")),
        (32, replace(ready, connection=Connection.OFFLINE, on_air=OnAir.OFFLINE, program_scene=None)),
    ]
    for minutes, state in sequence * 2:  # the second time: the same snapshots again write nothing new
        clock.now = T0 + minutes * MIN
        recorder.observe(state)
    assert sessions(database) == [
        ("yt1", event_id, T0, T0 + 31 * MIN, world.budi, world.budi, EndReason.STOPPED,
         [(T0 + 5 * MIN, T0 + 7 * MIN, 45)])
    ]  # fmt: skip
    assert [row[3:] for row in audit(database)] == [
        ("stream on air", "completed"),
        ("stream dropped, reconnecting", "completed"),
        ("stream back after 120 s", "completed"),
        ("scene cut to Podium", "completed"),
        ("stream off air (stopped) after 1860 s", "completed"),
    ]


def test_the_recorder_tells_obs_closing_from_a_drop_that_never_came_back(database, world, event_id):
    clock = Clock()
    recorder = BroadcastRecorder("yt1", lambda job: run_job(database, job), event_of=lambda: None,
                                 staff=lambda: world.budi, clock=clock)  # fmt: skip
    live = ObsState("Studio", "obs://studio", connection=Connection.ONLINE, on_air=OnAir.LIVE,
                    stream_started=T0.timestamp(), recording=RecordState.RECORDING,
                    record_started=T0.timestamp())  # fmt: skip
    for minutes, state in [
        (0, live),
        (3, replace(live, on_air=OnAir.RECONNECTING)),
        (4, replace(live, on_air=OnAir.READY, stream_started=None)),  # OBS gave up reconnecting
        (5, replace(live, stream_started=(T0 + 5 * MIN).timestamp())),
        (9, ObsState("Studio", "obs://studio", connection=Connection.OFFLINE)),  # OBS closed
        (
            11,
            replace(
                live,
                on_air=OnAir.READY,
                stream_started=None,
                recording=RecordState.STOPPED,
                record_started=None,
            ),
        ),  # OBS started again: not streaming, not recording
    ]:
        clock.now = T0 + minutes * MIN
        recorder.observe(state)
    assert [(s[3], s[4], s[5], s[6]) for s in sessions(database)] == [
        (T0 + 4 * MIN, world.budi, None, EndReason.DROPPED),
        (T0 + 9 * MIN, world.budi, None, EndReason.OBS_CLOSED),
    ]
    with database.transaction() as session:
        recording = session.scalars(select(Recording)).one()
        assert (recording.stopped_at, recording.stopped_by_id, recording.path) == (T0 + 9 * MIN, None, None)
        assert session.scalars(select(StreamDrop)).one().back_at == T0 + 4 * MIN


def test_the_new_audit_rows_join_the_chain_so_tampering_shows(database, world, event_id, backend):
    run_job(database, broadcast.stream_started("yt1", event_id, T0, world.budi))
    run_job(database, broadcast.stream_stopped("yt1", T0 + MIN, EndReason.STOPPED, world.budi))
    key = load_key()
    assert check(database, key) == []
    off = (
        "DROP TRIGGER audit_entries_no_update"
        if backend.kind == "sqlite"
        else "ALTER TABLE audit_entries DISABLE TRIGGER USER"
    )
    with database.engine.begin() as connection:
        connection.exec_driver_sql(off)
        connection.exec_driver_sql("UPDATE audit_entries SET staff_id = NULL WHERE action = 'stream on air'")
    assert any("its content was changed" in line for line in check(database, key))


def test_the_handover_summary_lists_the_shift_s_streams_with_their_problems(database, world, shift_id):
    from models.oplog.handover_summary import DropNote, StreamRun, build_summary
    from models.oplog.tables import Shift
    from tests.support.oplog_scenes import HOUR

    with database.transaction() as session:
        event = session.scalars(select(Event)).one()
        event_id, title = event.id, event.title
    run_job(database, broadcast.stream_started("yt1", event_id, T0 + HOUR, world.budi))
    run_job(database, broadcast.stream_dropped("yt1", T0 + HOUR + 5 * MIN))
    run_job(database, broadcast.stream_back("yt1", T0 + HOUR + 6 * MIN, 45))
    run_job(database, broadcast.stream_stopped("yt1", T0 + 2 * HOUR, EndReason.OBS_CLOSED, None, 80))
    run_job(database, broadcast.stream_started("yt2", None, T0 + 20 * HOUR, world.dwi))  # the next day
    with database.transaction() as session:
        summary = build_summary(session, session.get(Shift, shift_id), T0 + 8 * HOUR)
    assert summary.streams == (
        StreamRun("yt1", title, T0 + HOUR, T0 + 2 * HOUR, 3600, "obs_closed", 80,
                  (DropNote(T0 + HOUR + 5 * MIN, 60, 45),)),
    )  # fmt: skip
    assert type(summary).from_json(summary.to_json()) == summary


def test_monthly_statistics_and_csv_count_hours_on_air_per_event_type_and_opd_with_drops(
    database, world, event_id, tmp_path
):
    import csv

    from models.oplog.reports.csv_files import write_monthly_csv
    from models.oplog.reports.monthly import OnAirHours, monthly_stats

    run_job(database, broadcast.stream_started("yt1", event_id, T0, world.budi))
    run_job(database, broadcast.stream_dropped("yt1", T0 + 5 * MIN))
    run_job(database, broadcast.stream_back("yt1", T0 + 6 * MIN, 12))
    run_job(database, broadcast.stream_stopped("yt1", T0 + 90 * MIN, EndReason.STOPPED, world.budi))
    run_job(database, broadcast.stream_started("yt2", None, T0 + 100 * MIN, world.budi))  # no event
    run_job(database, broadcast.stream_stopped("yt2", T0 + 130 * MIN, EndReason.STOPPED, world.budi))
    run_job(database, broadcast.stream_started("yt2", None, T0 + 40 * 24 * 60 * MIN, world.budi))  # December
    with database.transaction() as session:
        stats = monthly_stats(session, 2026, 11, now=T0 + 30 * 24 * 60 * MIN)
    assert stats.on_air == (
        OnAirHours("daring", "Sekretariat DPRD", 1, 1.5, 1),
        OnAirHours("—", "—", 1, 0.5, 0),
    )
    write_monthly_csv(stats, tmp_path / "statistik.csv")
    with open(tmp_path / "statistik.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    for row in (
        ["on_air_hours", "Sekretariat DPRD", "daring", "1.50"],
        ["on_air_streams", "Sekretariat DPRD", "daring", "1"],
        ["stream_drops", "Sekretariat DPRD", "daring", "1"],
        ["on_air_hours", "—", "—", "0.50"],
    ):
        assert row in rows


def recorder_on(database, world, event_id, clock) -> BroadcastRecorder:
    return BroadcastRecorder("yt1", lambda job: run_job(database, job), event_of=lambda: event_id,
                             staff=lambda: world.budi, clock=clock)  # fmt: skip


LIVE = ObsState("Studio", "obs://studio", connection=Connection.ONLINE, on_air=OnAir.LIVE,
                stream_started=T0.timestamp(), recording=RecordState.STOPPED, dropped_frames=0)  # fmt: skip
OUT_OF_CONTACT = [
    (10, ObsState("Studio", "obs://studio", connection=Connection.OFFLINE)),
    (12, ObsState("Studio", "obs://studio", connection=Connection.CONNECTING)),
    (13, ObsState("Studio", "obs://studio", connection=Connection.OFFLINE)),
]


def watch(recorder, clock, steps) -> None:
    for minutes, state in steps:
        clock.now = T0 + minutes * MIN
        recorder.observe(state)


def test_a_stream_that_ran_on_while_the_console_lost_obs_is_one_session_with_the_gap_audited(
    database, world, event_id
):
    from models.oplog.reports.monthly import OnAirHours, monthly_stats

    clock = Clock()
    recorder = recorder_on(database, world, event_id, clock)
    again = replace(LIVE, stream_started=T0.timestamp() + 0.8, dropped_frames=7)  # measured anew on return
    steps = [
        (0, LIVE),
        *OUT_OF_CONTACT,
        (14, again),
        (60, replace(again, on_air=OnAir.READY, stream_started=None)),
    ]
    watch(recorder, clock, steps)
    assert sessions(database) == [
        ("yt1", event_id, T0, T0 + 60 * MIN, world.budi, world.budi, EndReason.STOPPED, [])
    ]  # not ended at the loss, no drop: the viewers saw nothing
    assert [row[1:4] for row in audit(database)] == [
        (world.budi, event_id, "stream on air"),
        (None, event_id, "console lost contact with OBS from 07:10:00 WIB to 07:14:00 WIB"),
        (world.budi, event_id, "stream off air (stopped) after 3600 s"),
    ]
    assert audit(database)[1][0] == T0 + 14 * MIN
    with database.transaction() as session:
        event = session.get(Event, event_id)
        assert (event.on_air_start, event.on_air_end, event.on_air_seconds) == (T0, T0 + 60 * MIN, 3600)
        stats = monthly_stats(session, 2026, 11, now=T0 + 30 * 24 * 60 * MIN)
    assert stats.on_air == (OnAirHours("daring", "Sekretariat DPRD", 1, 1.0, 0),)  # counted once


def test_a_stream_that_stopped_while_the_console_lost_obs_ended_when_contact_was_lost(
    database, world, event_id
):
    clock = Clock()
    recorder = recorder_on(database, world, event_id, clock)
    watch(
        recorder,
        clock,
        [(0, LIVE), *OUT_OF_CONTACT, (14, replace(LIVE, on_air=OnAir.READY, stream_started=None))],
    )
    assert sessions(database) == [
        ("yt1", event_id, T0, T0 + 10 * MIN, world.budi, None, EndReason.OBS_CLOSED, [])
    ]
    assert [row[3] for row in audit(database)] == ["stream on air", "stream off air (obs_closed) after 600 s"]


def test_a_new_stream_started_while_the_console_lost_obs_is_a_session_of_its_own(database, world, event_id):
    clock = Clock()
    recorder = recorder_on(database, world, event_id, clock)
    seconds = MIN / 60
    new = replace(LIVE, stream_started=(T0 + 4 * seconds).timestamp())  # as close as it gets, yet after
    for at, state in [(0, LIVE), (2, OUT_OF_CONTACT[0][1]), (9, new)]:
        clock.now = T0 + at * seconds
        recorder.observe(state)
    assert [s[2:4] + s[5:7] for s in sessions(database)] == [
        (T0, T0 + 2 * seconds, None, EndReason.OBS_CLOSED),
        (T0 + 4 * seconds, None, None, None),
    ]


def test_a_console_closed_while_it_lost_obs_ends_the_session_at_the_loss(database, world, event_id):
    clock = Clock()
    recorder = recorder_on(database, world, event_id, clock)
    watch(recorder, clock, [(0, LIVE), *OUT_OF_CONTACT])
    assert sessions(database)[0][3] is None  # still open while the console cannot tell
    clock.now = T0 + 30 * MIN
    recorder.close()
    assert [(s[3], s[6]) for s in sessions(database)] == [(T0 + 10 * MIN, EndReason.OBS_CLOSED)]
    on_air = BroadcastRecorder("yt1", lambda job: run_job(database, job), event_of=lambda: event_id,
                               staff=lambda: world.budi)  # fmt: skip
    on_air.observe(replace(LIVE, stream_started=(T0 + 40 * MIN).timestamp()))
    on_air.close()  # in contact with OBS: a stream on air stays open, the next console takes it up
    assert sessions(database)[1][3] is None


def gaps(database) -> list[tuple]:
    with database.transaction() as session:
        rows = session.scalars(select(ContactGap).order_by(ContactGap.id))
        return [(row.output, row.lost_at, row.back_at) for row in rows]


def recordings(database) -> list[tuple]:
    with database.transaction() as session:
        rows = session.scalars(select(Recording).order_by(Recording.id))
        return [
            (r.event_id, r.started_at, r.stopped_at, r.started_by_id, r.stopped_by_id, r.path) for r in rows
        ]


RECORDING = ObsState("Studio", "obs://studio", connection=Connection.ONLINE, on_air=OnAir.READY,
                     recording=RecordState.RECORDING, record_started=T0.timestamp(),
                     record_path="/rec/earlier.mkv")  # fmt: skip  # the file of the recording before


def test_a_recording_that_ran_on_while_the_console_lost_obs_keeps_the_file_obs_names_at_its_end(
    database, world, event_id
):
    clock = Clock()
    recorder = recorder_on(database, world, event_id, clock)
    again = replace(RECORDING, record_started=T0.timestamp() + 0.8)  # measured anew on return
    steps = [
        (0, RECORDING),
        *OUT_OF_CONTACT,
        (14, again),
        (
            60,
            replace(again, recording=RecordState.STOPPED, record_started=None, record_path="/rec/rapat.mkv"),
        ),
    ]
    watch(recorder, clock, steps)
    assert recordings(database) == [(event_id, T0, T0 + 60 * MIN, world.budi, world.budi, "/rec/rapat.mkv")]
    assert gaps(database) == [("yt1", T0 + 10 * MIN, T0 + 14 * MIN)]
    assert [row[1:4] for row in audit(database)] == [
        (world.budi, event_id, "recording started"),
        (None, event_id, "console lost contact with OBS from 07:10:00 WIB to 07:14:00 WIB"),
        (world.budi, event_id, "recording stopped: /rec/rapat.mkv"),
    ]


def test_a_paused_recording_is_one_recording(database, world, event_id):
    """OBS counts a recording's duration in frames written, which stop while it is paused: the start the
    console works out from it moves by the pause (devices/obs/status.py), yet it is the same recording."""
    clock = Clock()
    recorder = recorder_on(database, world, event_id, clock)
    paused = replace(RECORDING, recording=RecordState.PAUSED, record_started=T0.timestamp() + 60)
    resumed = replace(RECORDING, record_started=T0.timestamp() + 300)
    done = replace(resumed, recording=RecordState.STOPPED, record_started=None, record_path="/rec/rapat.mkv")
    watch(recorder, clock, [(0, RECORDING), (10, paused), (15, resumed), (30, done)])
    assert recordings(database) == [(event_id, T0, T0 + 30 * MIN, world.budi, world.budi, "/rec/rapat.mkv")]


def test_a_recording_stopped_while_the_console_lost_obs_ended_at_the_loss_with_its_file_unknown(
    database, world, event_id
):
    clock = Clock()
    recorder = recorder_on(database, world, event_id, clock)
    stopped = replace(RECORDING, recording=RecordState.STOPPED, record_started=None)  # the old file named
    watch(recorder, clock, [(0, RECORDING), *OUT_OF_CONTACT, (14, stopped)])
    assert recordings(database) == [(event_id, T0, T0 + 10 * MIN, world.budi, None, None)]
    assert gaps(database) == []
    assert [row[3] for row in audit(database)] == ["recording started", "recording stopped"]


def test_a_stream_that_ran_on_and_a_recording_that_stopped_meanwhile_one_gap_for_the_stream(
    database, world, event_id
):
    clock = Clock()
    recorder = recorder_on(database, world, event_id, clock)
    both = replace(LIVE, recording=RecordState.RECORDING, record_started=T0.timestamp())
    restarted = replace(both, record_started=(T0 + 11 * MIN).timestamp())  # a new file, begun in the gap
    watch(recorder, clock, [(0, both), *OUT_OF_CONTACT, (14, restarted)])
    assert [s[3] for s in sessions(database)] == [None]  # still on air, one session
    assert recordings(database) == [
        (event_id, T0, T0 + 10 * MIN, world.budi, None, None),
        (event_id, T0 + 11 * MIN, None, world.budi, None, None),
    ]
    assert gaps(database) == [("yt1", T0 + 10 * MIN, T0 + 14 * MIN)]
    assert [row[3] for row in audit(database)].count(
        "console lost contact with OBS from 07:10:00 WIB to 07:14:00 WIB"
    ) == 1
    clock.now = T0 + 20 * MIN
    recorder.observe(OUT_OF_CONTACT[0][1])
    recorder.close()  # the console closes out of contact: both end at this second loss
    assert [s[3] for s in sessions(database)] == [T0 + 20 * MIN]
    assert recordings(database)[1][2] == T0 + 20 * MIN


def test_the_handover_lists_a_lost_contact_as_a_problem_of_the_stream_it_ran_through(
    database, world, shift_id
):
    from models.oplog.handover_summary import GapNote, build_summary
    from models.oplog.tables import Shift
    from tests.support.oplog_scenes import HOUR

    with database.transaction() as session:
        event_id = session.scalars(select(Event.id)).one()
    run_job(database, broadcast.stream_started("yt1", event_id, T0 + HOUR, world.budi))
    run_job(database, broadcast.contact_lost("yt1", T0 + HOUR + 2 * MIN, T0 + HOUR + 5 * MIN))
    assert not run_job(database, broadcast.contact_lost("yt1", T0 + HOUR + 2 * MIN, T0 + HOUR + 5 * MIN))
    run_job(database, broadcast.stream_stopped("yt1", T0 + HOUR + 30 * MIN, EndReason.OBS_CLOSED, None))
    run_job(database, broadcast.record_started("yt1", event_id, T0 + HOUR + 20 * MIN, world.budi))
    # lost again: the stream ended at the loss, the recording ran on
    run_job(database, broadcast.contact_lost("yt1", T0 + HOUR + 30 * MIN, T0 + HOUR + 33 * MIN))
    run_job(database, broadcast.stream_started("yt2", None, T0 + 2 * HOUR, world.dwi))
    with database.transaction() as session:
        summary = build_summary(session, session.get(Shift, shift_id), T0 + 8 * HOUR)
    assert [stream.contact_gaps for stream in summary.streams] == [
        (GapNote(T0 + HOUR + 2 * MIN, T0 + HOUR + 5 * MIN),),
        (),
    ]
    assert type(summary).from_json(summary.to_json()) == summary
    with pytest.raises(ClosedRecordError), database.transaction() as session:
        session.scalars(select(ContactGap)).first().back_at = T0 + 3 * HOUR
    with pytest.raises(ClosedRecordError), database.transaction() as session:
        session.delete(session.scalars(select(ContactGap)).first())
    assert len(gaps(database)) == 2
    assert check(database, load_key()) == []  # the audit rows joined the chain
