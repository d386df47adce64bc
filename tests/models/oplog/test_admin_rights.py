"""Admin operations in models/ take the acting staff member and refuse anyone but an admin, whatever
calls them; staff names are unique whatever their capitals and spaces."""

from __future__ import annotations

import pytest
from sqlalchemy import exc, func, select

from models.oplog.inventory import add_device, add_location, set_in_service
from models.oplog.staff import PermissionDenied
from models.oplog.staff_admin import (
    StaffNameTaken,
    change_account,
    create_staff,
    switch_account,
    unlock_account,
)
from models.oplog.tables import (
    AuditEntry,
    Device,
    DeviceKind,
    EmploymentCategory,
    Location,
    LocationKind,
    Role,
    Staff,
)
from tests.support.oplog_world import FAST, PIN


def budi(session):
    return session.scalars(select(Staff).where(Staff.name == "Budi Santoso")).one()


def camera(session):
    return session.scalars(select(Device).where(Device.asset_number == "SC-CAM-01")).one()


OPERATIONS = {  # name: (the operation as ``by``, what the refusal says it may not do)
    "add staff": (
        lambda s, by: create_staff(
            s, by, "Eko Prasetyo", EmploymentCategory.PENUNJANG, Role.ADMIN, PIN, rounds=FAST
        ),
        "add staff",
    ),
    "change a role": (
        lambda s, by: change_account(s, by, budi(s), role=Role.ADMIN),
        "change names, roles and PINs",
    ),
    "change a PIN": (
        lambda s, by: change_account(s, by, budi(s), pin="9999", rounds=FAST),
        "change names, roles and PINs",
    ),
    "rename": (lambda s, by: change_account(s, by, budi(s), name="Budi S."), "change names, roles and PINs"),
    "switch off": (lambda s, by: switch_account(s, by, budi(s), False), "switch accounts on or off"),
    "unlock": (lambda s, by: unlock_account(s, by, budi(s)), "unlock accounts"),
    "add location": (
        lambda s, by: add_location(s, by, "Balai Desa Wonocoyo", LocationKind.VENUE),
        "add locations",
    ),
    "add device": (
        lambda s, by: add_device(s, by, "SC-CAM-09", "Kamera Lobi", DeviceKind.CAMERA),
        "add devices",
    ),
    "out of service": (lambda s, by: set_in_service(s, by, camera(s), False), "take devices out of service"),
}


@pytest.fixture
def world(world, database):
    """The test world, with three wrong PINs counted against Budi (something to unlock)."""
    with database.transaction() as session:
        budi(session).failed_pins = 3
    return world


def snapshot(database) -> tuple:
    """Everything the admin operations could change."""
    with database.transaction() as session:
        return (
            tuple(
                (s.name, s.role, s.pin_hash, s.active, s.failed_pins)
                for s in session.scalars(select(Staff).order_by(Staff.id))
            ),
            tuple(session.scalars(select(Location.name).order_by(Location.id))),
            tuple(
                (d.asset_number, d.in_service) for d in session.scalars(select(Device).order_by(Device.id))
            ),
            session.scalar(select(func.count()).select_from(AuditEntry)),
        )


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("who", ["dwi", "viewer"])
def test_an_operator_or_viewer_is_refused_every_admin_operation_and_nothing_changes(
    database, world, operation, who
):
    work, action = OPERATIONS[operation]
    before = snapshot(database)
    with pytest.raises(PermissionDenied) as refused, database.transaction() as session:
        work(session, world.staff(session, getattr(world, who)))
    assert str(refused.value).endswith(f"may not {action}: it needs the admin role.")
    assert refused.value.args[0].context == "Permissions"  # said in the operator's language
    assert snapshot(database) == before


def test_a_switched_off_admin_is_refused_too(database, world):
    with database.transaction() as session:
        world.staff(session, world.admin).active = False
    with pytest.raises(PermissionDenied), database.transaction() as session:
        add_location(session, world.staff(session, world.admin), "Balai Desa Wonocoyo", LocationKind.VENUE)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_an_admin_may_and_each_change_writes_one_audit_row(database, world, operation):
    work, _action = OPERATIONS[operation]
    before = snapshot(database)
    with database.transaction() as session:
        work(session, world.staff(session, world.admin))
    after = snapshot(database)
    assert after[:3] != before[:3]
    with database.transaction() as session:
        assert session.scalars(select(AuditEntry.staff_id)).all() == [world.admin]


def test_only_the_first_account_of_an_empty_database_needs_no_admin_and_it_is_one(backend):
    database = backend.open()
    with (
        pytest.raises(ValueError, match="the first staff member must be an admin"),
        database.transaction() as session,
    ):
        create_staff(session, None, "Agus Setiawan", EmploymentCategory.PNS, Role.OPERATOR, PIN, rounds=FAST)
    with database.transaction() as session:
        create_staff(session, None, "Agus Setiawan", EmploymentCategory.PNS, Role.ADMIN, PIN, rounds=FAST)
    with pytest.raises(ValueError, match="only an admin can add staff"), database.transaction() as session:
        create_staff(session, None, "Budi Santoso", EmploymentCategory.PNS, Role.ADMIN, PIN, rounds=FAST)
    with database.transaction() as session:
        assert session.scalars(select(Staff.name)).all() == ["Agus Setiawan"]


@pytest.mark.parametrize("name", ["Budi Santoso", "budi santoso", "  BUDI  Santoso ", "Budi\tSantoso"])
def test_a_new_staff_member_with_a_name_already_taken_is_refused(database, world, name):
    with pytest.raises(StaffNameTaken) as refused, database.transaction() as session:
        create_staff(
            session,
            world.staff(session, world.admin),
            name,
            EmploymentCategory.PNS,
            Role.ADMIN,
            PIN,
            rounds=FAST,
        )
    assert str(refused.value) == (
        "there is already a staff member called Budi Santoso; give the new name "
        "something that tells them apart"
    )
    assert refused.value.args[0].context == "Staff"
    with database.transaction() as session:
        assert session.scalar(select(func.count()).where(func.lower(Staff.name) == "budi santoso")) == 1


def test_a_rename_to_another_members_name_is_refused_and_a_tidier_own_name_is_not(database, world):
    with pytest.raises(StaffNameTaken, match="called Dwi Rahmawati"), database.transaction() as session:
        change_account(session, world.staff(session, world.admin), budi(session), name=" dwi RAHMAWATI")
    with database.transaction() as session:
        change_account(session, world.staff(session, world.admin), budi(session), name="  BUDI santoso ")
    with database.transaction() as session:
        assert session.get(Staff, world.budi).name == "BUDI santoso"
        assert session.scalars(select(AuditEntry.action)).all() == ["rename Budi Santoso to BUDI santoso"]


def test_the_database_itself_refuses_a_second_name_in_other_capitals(database, world):
    with pytest.raises(exc.IntegrityError), database.transaction() as session:
        session.add(
            Staff(
                name="BUDI SANTOSO",
                category=EmploymentCategory.PNS,
                role=Role.ADMIN,
                pin_hash="$2b$04$" + "x" * 53,
                active=True,
                failed_pins=0,
            )
        )
