"""Shifts, events, quick log entries and faults, as the console drives them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from models.oplog.event_queries import events_between, running_events
from models.oplog.inventory import devices, locations, set_in_service
from models.oplog.logbook import FaultError, add_log_entry, assign_fault, close_fault, open_fault, open_faults
from models.oplog.schedule import (
    Place,
    ScheduleError,
    Stream,
    cancel_event,
    end_event,
    find_device,
    schedule_event,
    set_notes,
    set_participant_count,
    set_stream,
    start_event,
)
from models.oplog.shifts import (
    ShiftError,
    current_shift,
    end_shift,
    next_shift,
    plan_shift,
    set_team,
    start_shift,
)
from models.oplog.snapshot import event_view
from models.oplog.staff import PermissionDenied
from models.oplog.tables import AuditEntry, Event, EventMode, EventStatus, FaultSeverity
from tests.support.oplog_world import T0

HOUR = timedelta(hours=1)


def test_a_shift_starts_ends_and_is_current_in_between(database, world):
    with database.transaction() as session:
        budi, dwi = world.staff(session, world.budi), world.staff(session, world.dwi)
        pagi = plan_shift(session, "Pagi", T0, T0 + 8 * HOUR, budi, [dwi])
        siang = plan_shift(session, "Siang", T0 + 8 * HOUR, T0 + 16 * HOUR, dwi)
        assert next_shift(session, T0) is pagi
        assert current_shift(session, T0) is None
        start_shift(session, pagi, budi, T0 + timedelta(minutes=3))
        assert current_shift(session, T0 + HOUR) is pagi
        assert next_shift(session, T0 + HOUR) is siang
        with pytest.raises(ShiftError, match="already started at 07:03 WIB"):
            start_shift(session, pagi, budi, T0 + HOUR)
        end_shift(session, pagi, budi, T0 + 8 * HOUR)
        assert current_shift(session, T0 + 9 * HOUR) is None
        assert [member.name for member in pagi.members] == ["Budi Santoso", "Dwi Rahmawati"]
        with pytest.raises(ShiftError, match="has not started"):
            end_shift(session, siang, dwi, T0 + 9 * HOUR)
        set_team(session, siang, budi, [dwi])
        assert siang.lead is budi
        assert [m.name for m in siang.members] == ["Budi Santoso", "Dwi Rahmawati"]


def test_a_viewer_cannot_run_a_shift(database, world):
    with database.transaction() as session:
        viewer = world.staff(session, world.viewer)
        shift = plan_shift(session, "Malam", T0, T0 + 8 * HOUR, world.staff(session, world.budi))
        with pytest.raises(PermissionDenied, match="may not start a shift"):
            start_shift(session, shift, viewer, T0)


def test_an_event_is_scheduled_started_and_ended(database, world):
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        event = schedule_event(
            session,
            budi,
            "Sosialisasi Smart City",
            "Diskominfo",
            EventMode.LURING,
            T0 + HOUR,
            T0 + 3 * HOUR,
            [Place("Ruang Rapat Utama", 40)],
            operators=[budi],
            devices=["SC-CAM-01", "Kamera Panggung"],
        )
        assert [device.name for device in event.devices] == ["Kamera Panggung"]  # asset and name: one device
        start_event(session, event, budi, T0 + HOUR + timedelta(minutes=5))
        assert running_events(session) == [event]
        set_participant_count(session, event, "Ruang Rapat Utama", 37)
        set_stream(session, event, Stream("YouTube", "https://www.youtube.com/live/smartcity"))
        set_notes(session, event, "Narasumber dari Kominfo RI hadir daring")
        end_event(session, event, budi, T0 + 3 * HOUR)
        assert (event.status, event.actual_end, event.locations[0].participant_count) == (
            EventStatus.FINISHED,
            T0 + 3 * HOUR,
            37,
        )
        with pytest.raises(ScheduleError, match="cannot start: it is finished"):
            start_event(session, event, budi, T0 + 4 * HOUR)
        assert events_between(session, T0, T0 + 24 * HOUR) == [event]
        assert running_events(session) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(places=[]), "needs at least one location"),
        (dict(places=[Place("Gedung Sate")]), "no location named 'Gedung Sate'"),
        (dict(devices=["SC-CAM-99"]), "no device with the asset number or name 'SC-CAM-99'"),
        (dict(end_hours=0), "must end after it starts"),
        (dict(stream=Stream("YouTube", "youtube.com/live/x")), "must start with https://"),
        (dict(places=[Place("Pendopo Manggala Praja Nugraha", -1)]), "cannot be negative"),
        (dict(output="obs'; DROP TABLE events; --"), "is not an OBS output's id"),
        (dict(output="x" * 61), "is not an OBS output's id"),
        (dict(output=""), "is not an OBS output's id"),
    ],
)
def test_scheduling_mistakes_are_named(database, world, change, message):
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        with pytest.raises(ScheduleError, match=message):
            schedule_event(
                session,
                budi,
                "Webinar Inflasi Daerah",
                "Bappeda",
                EventMode.DARING,
                T0,
                T0 + change.get("end_hours", 2) * HOUR,
                change.get("places", [Place("Command Center")]),
                devices=change.get("devices", ()),
                stream=change.get("stream"),
                broadcast_output=change.get("output"),
            )


def test_an_event_names_the_obs_output_it_streams_on_in_the_log_and_the_audit_trail(database, world):
    with database.transaction() as session:
        dwi = world.staff(session, world.dwi)
        event = schedule_event(
            session,
            dwi,
            "Podcast Satu Data",
            "Diskominfo",
            EventMode.DARING,
            T0,
            T0 + HOUR,
            [Place("Command Center", 10)],
            devices=["Kamera Pendopo"],
            stream=Stream("YouTube", "https://youtu.be/sd1"),
            broadcast_output="obs-podcast",
        )
        event_id = event.id
    with database.transaction() as session:
        stored = session.get(Event, event_id)
        assert stored is not None
        assert stored.broadcast_output == "obs-podcast"
        assert event_view(stored).broadcast_output == "obs-podcast"
        audit = session.scalars(select(AuditEntry).where(AuditEntry.event_id == event_id)).one()
        assert (audit.staff_id, audit.result) == (world.dwi, "completed")
        assert audit.action == (
            f"schedule event {event_id} 'Podcast Satu Data' (Diskominfo): "
            "daring; 2026-11-03 00:00–01:00 UTC; on OBS output obs-podcast; "
            "at Command Center; with Kamera Pendopo; stream YouTube https://youtu.be/sd1"
        )


def test_a_device_out_of_service_cannot_be_scheduled(database, world):
    with database.transaction() as session:
        set_in_service(
            session, world.staff(session, world.admin), find_device(session, "Kamera Pendopo"), False
        )
        assert [(d.name, d.in_service) for d in devices(session)][0] == ("Kamera Panggung", True)
        assert [location.name for location in locations(session)] == [
            "Command Center",
            "Pendopo Manggala Praja Nugraha",
            "Ruang Rapat Utama",
        ]
        with pytest.raises(ScheduleError, match=r"Kamera Pendopo \(SC-CAM-02\) is out of service"):
            schedule_event(
                session,
                world.staff(session, world.budi),
                "Upacara",
                "BPBD",
                EventMode.LURING,
                T0,
                T0 + HOUR,
                [Place("Pendopo Manggala Praja Nugraha")],
                devices=["SC-CAM-02"],
            )


def test_a_cancelled_event_does_not_run(database, world):
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        event = schedule_event(
            session,
            budi,
            "Webinar",
            "Dinas Kesehatan",
            EventMode.DARING,
            T0,
            T0 + HOUR,
            [Place("Command Center")],
        )
        cancel_event(session, event, budi)
        with pytest.raises(ScheduleError, match="cannot start: it is cancelled"):
            start_event(session, event, budi, T0)


def test_a_quick_log_entry_goes_to_the_current_shift(database, world):
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        shift = plan_shift(session, "Pagi", T0, T0 + 8 * HOUR, budi)
        start_shift(session, shift, budi, T0)
        entry = add_log_entry(session, budi, "  Serah terima kunci Command Center  ", T0 + HOUR)
        assert (entry.shift, entry.text, entry.at) == (shift, "Serah terima kunci Command Center", T0 + HOUR)
        with pytest.raises(PermissionDenied):
            add_log_entry(session, world.staff(session, world.viewer), "catatan", T0 + HOUR)


def test_faults_stay_open_until_closed_with_a_resolution(database, world):
    with database.transaction() as session:
        budi, admin = world.staff(session, world.budi), world.staff(session, world.admin)
        wall = open_fault(
            session,
            budi,
            FaultSeverity.MAJOR,
            "Panel 3 berkedip",
            T0,
            device="Video Wall Command Center",
            owner=admin,
        )
        stream = open_fault(session, budi, FaultSeverity.CRITICAL, "Streaming putus", T0 + HOUR)
        assert open_faults(session) == [wall, stream]
        assign_fault(session, stream, budi, world.staff(session, world.dwi))
        assert stream.owner.name == "Dwi Rahmawati"
        with pytest.raises(FaultError, match="say how the fault was resolved"):
            close_fault(session, wall, admin, T0 + 2 * HOUR, " ")
        close_fault(session, wall, admin, T0 + 2 * HOUR, "Kabel HDMI diganti")
        assert open_faults(session) == [stream]
        assert open_faults(session, at=T0 + HOUR) == [wall, stream]  # as it stood then
        with pytest.raises(FaultError, match="already closed"):
            close_fault(session, wall, admin, T0 + 3 * HOUR, "lagi")
