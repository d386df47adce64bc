"""Locations: a new place needs a name of its own; an admin's change is in the audit trail."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models.oplog import inventory
from models.oplog.handover_summary import NOT_ERRORS
from models.oplog.inventory import LOCATION_NAME_LIMIT, add_location, locations
from models.oplog.staff import database_now
from models.oplog.tables import AuditEntry, Location, LocationKind

PLACES = ["Command Center", "Pendopo Manggala Praja Nugraha", "Ruang Rapat Utama"]  # the world's


def test_an_admins_new_location_is_stored_with_its_audit_row(database, world):
    with database.transaction() as session:
        add_location(
            session, world.staff(session, world.admin), "  Balai  Desa Wonocoyo ", LocationKind.VENUE
        )
    with database.transaction() as session:
        now = database_now(session)
        assert [(place.name, place.kind) for place in locations(session) if place.name not in PLACES] == [
            ("Balai Desa Wonocoyo", LocationKind.VENUE)
        ]
        audit = session.scalars(select(AuditEntry)).one()
        assert now - timedelta(seconds=5) <= audit.at <= now  # the database's clock, not the desk's
        assert (audit.staff_id, audit.action, audit.device, audit.event_id) == (
            world.admin,
            "add location Balai Desa Wonocoyo (venue)",
            None,
            None,
        )
        assert audit.result in NOT_ERRORS  # not a device error in the handover or the monthly report


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "a location needs a name"),
        ("   ", "a location needs a name"),
        (" ruang  RAPAT utama ", "there is already a location called Ruang Rapat Utama"),
        ("x" * (LOCATION_NAME_LIMIT + 1), f"a location name has at most {LOCATION_NAME_LIMIT} characters"),
    ],
)
def test_a_location_without_a_name_of_its_own_is_refused_and_nothing_is_written(
    database, world, name, message
):
    with pytest.raises(ValueError, match=re.escape(message)) as refused, database.transaction() as session:
        add_location(session, world.staff(session, world.admin), name, LocationKind.VENUE)
    assert refused.value.args[0] == message
    assert refused.value.args[0].context == "Inventory"
    with database.transaction() as session:
        assert [place.name for place in locations(session)] == PLACES
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_a_name_another_desk_stored_after_the_check_is_refused_and_the_transaction_goes_on(
    database, world, monkeypatch
):
    looks = []

    def stale_first_look(session):  # the first check misses the row another desk is committing
        looks.append(True)
        return [] if len(looks) == 1 else list(session.scalars(select(Location).order_by(Location.name)))

    monkeypatch.setattr(inventory, "locations", stale_first_look)
    with database.transaction() as session:
        admin = world.staff(session, world.admin)
        with pytest.raises(ValueError, match="^there is already a location called Command Center$"):
            add_location(session, admin, "Command Center", LocationKind.SMART_CENTRE_ROOM)
        add_location(session, admin, "Aula Kecamatan Panggul", LocationKind.VENUE)  # the insert failed alone
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Location)) == len(PLACES) + 1
