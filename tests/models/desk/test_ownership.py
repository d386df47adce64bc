"""Which running event owns a camera, and explicit take-overs."""

from dataclasses import dataclass
from datetime import datetime

import pytest

from common.wording import sentence_of
from models.desk.ownership import EventBoard

NOON = datetime(2026, 11, 28, 12, 0)


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    cameras: tuple[str, ...]
    start: datetime | None = datetime(2026, 11, 28, 9, 0)
    end: datetime | None = datetime(2026, 11, 28, 15, 0)


def board():
    return EventBoard(
        [
            Event("rakor", "Rapat Koordinasi", ("cam1", "cam2")),
            Event("podcast", "Podcast", ("cam3", "cam2")),
            Event("tomorrow", "Besok", ("cam4",), datetime(2026, 11, 29, 9), datetime(2026, 11, 29, 10)),
        ]
    )


def test_events_run_by_their_times_or_by_hand():
    b = board()
    assert [e.id for e in b.running(NOON)] == ["rakor", "podcast"]
    b.end("podcast")
    b.start("tomorrow")
    assert [e.id for e in b.running(NOON)] == ["rakor", "tomorrow"]


def test_a_camera_of_another_running_event_is_blocked_until_taken_over():
    b = board()
    b.active = "rakor"
    assert b.blocking("cam1", NOON) == []
    assert b.blocking("cam2", NOON) == []  # shared, and the active event is one owner
    assert [e.id for e in b.blocking("cam3", NOON)] == ["podcast"]
    assert b.blocking("cam9", NOON) == []  # nobody's camera
    takeover = b.take_over("cam3", NOON)
    assert takeover.by_event == "rakor"
    assert takeover.from_events == ("podcast",)
    assert b.blocking("cam3", NOON) == []
    b.active = "podcast"
    assert [e.id for e in b.blocking("cam3", NOON)] == ["rakor"]  # now the podcast must take it back


def test_take_over_needs_an_active_event_and_ends_with_its_event():
    b = board()
    with pytest.raises(ValueError, match="choose the event") as refused:
        b.take_over("cam3", NOON)
    assert sentence_of(refused.value).context == "Ownership"  # said in the operator's language by ui/desk
    b.active = "rakor"
    b.take_over("cam3", NOON)
    b.end("rakor")
    assert b.taken_over("cam3") is None
    assert b.active is None


def test_the_first_running_event_is_chosen_at_start():
    b = board()
    b.choose_active(NOON)
    assert b.active == "rakor"


@dataclass(frozen=True)
class WallEvent(Event):
    wall_outputs: tuple[str, ...] = ()


def test_wall_outputs_are_owned_like_cameras():
    b = EventBoard(
        [
            WallEvent("rakor", "Rapat Koordinasi", ("cam1",), wall_outputs=("wall:1", "wall:2")),
            WallEvent("podcast", "Podcast", (), wall_outputs=("wall:3",)),
            Event("studio", "Studio", ("cam4",)),
        ]
    )  # an event type without wall outputs
    b.active = "rakor"
    assert [e.id for e in b.owners("wall:3", NOON)] == ["podcast"]
    assert b.blocking("wall:1", NOON) == []
    assert b.owners("wall:4", NOON) == []
    assert [e.id for e in b.blocking("wall:3", NOON)] == ["podcast"]
    b.take_over("wall:3", NOON)
    assert b.blocking("wall:3", NOON) == []
    assert [e.id for e in b.owners("wall:3", NOON)] == ["rakor"]


def test_a_layout_takes_over_every_screen_another_event_holds_or_none():
    b = EventBoard(
        [
            WallEvent("rakor", "Rapat Koordinasi", (), wall_outputs=("wall:1", "wall:2")),
            WallEvent("podcast", "Podcast", (), wall_outputs=("wall:3", "wall:4")),
        ]
    )
    screens = ["wall:1", "wall:2", "wall:3", "wall:4", "wall:5"]
    with pytest.raises(ValueError, match="choose the event"):
        b.propose_all(screens, NOON)
    assert all(b.taken_over(screen) is None for screen in screens)  # none taken when refused
    b.active = "rakor"
    takeovers = [b.record(t) for t in b.propose_all(screens, NOON)]
    assert [(t.device, t.from_events) for t in takeovers] == [
        ("wall:3", ("podcast",)),
        ("wall:4", ("podcast",)),
    ]
    assert not any(b.blocking(screen, NOON) for screen in screens)
    assert b.propose_all(screens, NOON) == []  # all ours now: nothing to take
