"""The configuration's dated events carried into the operations log: once, the one under way started, the
ones over or without a place the log knows left out (with the reason); two desks at once write each once."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import select

from models.config.events import Carried, carry_configured_events
from models.config.schema import CameraConfig, Config, EventConfig
from models.oplog.tables import AuditEntry, Event
from tests.support.oplog_scenes import HOUR
from tests.support.oplog_world import T0

NOW = T0 + 2 * HOUR
CAMERAS = (
    CameraConfig("cam1", "Kamera Panggung", "visca+udp://127.0.0.1"),
    CameraConfig("cam2", "Kamera Pendopo", "visca+udp://127.0.0.2"),
    CameraConfig("cam9", "Kamera Tamu", "visca+udp://127.0.0.9"),
)  # not a device of the log


def local(moment: datetime) -> datetime:
    """As the configuration file gives a time: on the PC's clock, without a zone."""
    return moment.astimezone().replace(tzinfo=None)


def event(
    title: str,
    start_hours: float | None,
    end_hours: float | None,
    location: str | None = "Ruang Rapat Utama",
    cameras: tuple[str, ...] = (),
) -> EventConfig:
    when = [None if hours is None else local(NOW + hours * HOUR) for hours in (start_hours, end_hours)]
    return EventConfig(title.lower().replace(" ", "-"), title, location, *when, cameras=cameras)


CONFIG = Config(
    CAMERAS,
    (
        event("Rapat Koordinasi Bupati", -1, 1, cameras=("cam1", "cam2", "cam9")),  # under way
        event("Podcast Diskominfo", 3, 5, "Command Center", ("cam1",)),  # later today
        event("Apel Pagi", -5, -3),  # over
        event("Siaran Langsung", None, None),  # a template only
        event("Musrenbang Desa", 1, 2, "Balai Desa Karangan"),  # a place the log does not know
        event("Jumpa Pers", 1, 2, None),
    ),
)  # no place


def test_dated_events_are_carried_into_the_log_once_the_one_under_way_started(database, world):
    with database.transaction() as session:
        carried = carry_configured_events(session, CONFIG, NOW)
    assert (carried.scheduled, carried.started) == (
        ("Rapat Koordinasi Bupati", "Podcast Diskominfo"),
        ("Rapat Koordinasi Bupati",),
    )
    assert carried.left_out == (
        "Musrenbang Desa: the operations log has no location Balai Desa Karangan, so the event is not in it; "
        "an admin adds the location (Tools → Locations)",
        "Jumpa Pers: the configuration names no location, so it is not in the operations log; "
        "schedule it there",
    )
    with database.transaction() as session:
        rows = [
            (
                e.title,
                e.status.value,
                e.actual_start,
                e.planned_start,
                e.organiser,
                [place.location.name for place in e.locations],
                [device.name for device in e.devices],
            )
            for e in session.scalars(select(Event).order_by(Event.id))
        ]
        audit = session.execute(select(AuditEntry.staff_id, AuditEntry.action).order_by(AuditEntry.id)).all()
        again = carry_configured_events(session, CONFIG, NOW + HOUR)
    assert rows == [
        (
            "Rapat Koordinasi Bupati",
            "running",
            NOW,
            NOW - HOUR,
            "Diskominfo",
            ["Ruang Rapat Utama"],
            ["Kamera Panggung", "Kamera Pendopo"],
        ),
        (
            "Podcast Diskominfo",
            "scheduled",
            None,
            NOW + 3 * HOUR,
            "Diskominfo",
            ["Command Center"],
            ["Kamera Panggung"],
        ),
    ]
    assert audit == [
        (
            None,
            "schedule event Rapat Koordinasi Bupati from the configuration, running when the console "
            "opened the log",
        ),
        (None, "schedule event Podcast Diskominfo from the configuration"),
    ]
    assert again.scheduled == ()


def test_a_configuration_of_templates_only_writes_nothing(database, world):
    templates = Config(CAMERAS, (event("Siaran Langsung", None, None),))
    with database.transaction() as session:
        assert carry_configured_events(session, templates, NOW) == Carried()
        assert session.scalar(select(Event.id)) is None


def test_two_desks_opening_the_log_at_once_carry_each_event_once(database, world):
    outcome: list[BaseException | Carried] = []

    def second_desk() -> None:
        try:
            with database.transaction() as session:
                outcome.append(carry_configured_events(session, CONFIG, NOW))
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            outcome.append(error)

    with database.transaction() as session:
        first = carry_configured_events(session, CONFIG, NOW)
        other = threading.Thread(target=second_desk)
        other.start()
        other.join(0.5)
        assert other.is_alive(), "the second desk must wait for the first one's transaction"
    other.join(10)
    assert first.scheduled
    assert outcome == [Carried(left_out=first.left_out)]
    with database.transaction() as session:
        assert [title for (title,) in session.execute(select(Event.title).order_by(Event.id))] == [
            "Rapat Koordinasi Bupati",
            "Podcast Diskominfo",
        ]
