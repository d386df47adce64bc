"""Login with PIN and a lockout timed by the database's clock, PIN hashing, and role checks."""

from __future__ import annotations

from datetime import timedelta

import bcrypt
import pytest
from sqlalchemy import select

from models.oplog.staff import (
    AccountLocked,
    PermissionDenied,
    StaffInactive,
    UnknownStaff,
    WrongPin,
    database_now,
    has_role,
    hash_pin,
    lockout_after,
    login,
    require_role,
    staff_for_login,
)
from models.oplog.staff_admin import change_account, create_staff, unlock_account
from models.oplog.tables import AuditEntry, EmploymentCategory, Role, Staff
from tests.support.oplog_world import FAST, PIN


def attempt(database, staff_id, pin):
    with database.transaction() as session:
        return login(session, staff_id, pin)


def wrong_pins(database, staff_id, count):
    """``count`` wrong PINs; the last error."""
    for _ in range(count):
        with pytest.raises((WrongPin, AccountLocked)) as caught:
            attempt(database, staff_id, "0000")
    return caught.value


def lock_left(database, staff_id) -> float:
    """Seconds of lock left, by the database's clock."""
    with database.transaction() as session:
        return (session.get(Staff, staff_id).locked_until - database_now(session)).total_seconds()


def let_the_lock_pass(database, staff_id):
    """As if the lock's time had passed: the stored lock ends a second ago (by the database's clock)."""
    with database.transaction() as session:
        session.get(Staff, staff_id).locked_until = database_now(session) - timedelta(seconds=1)


def test_the_pin_is_stored_only_as_a_bcrypt_hash(database, world):
    with database.transaction() as session:
        stored = session.get(Staff, world.budi).pin_hash
    assert PIN not in stored
    assert stored.startswith("$2b$")
    assert bcrypt.checkpw(PIN.encode(), stored.encode())


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", ""])
def test_a_pin_is_four_to_eight_digits(pin):
    with pytest.raises(ValueError, match="4 to 8 digits"):
        hash_pin(pin, rounds=FAST)


def test_the_right_pin_logs_in_and_a_wrong_one_counts_down(database, world):
    assert attempt(database, world.budi, PIN).name == "Budi Santoso"
    with pytest.raises(WrongPin) as caught:
        attempt(database, world.budi, "0000")
    assert caught.value.attempts_left == 4
    assert (
        str(caught.value)
        == "Wrong PIN for Budi Santoso; 4 more wrong PIN(s) lock the account for 60 seconds."
    )


def test_five_wrong_pins_lock_the_account_for_60_seconds_of_the_database_clock(database, world):
    assert isinstance(wrong_pins(database, world.budi, 4), WrongPin)
    locked = wrong_pins(database, world.budi, 1)
    assert isinstance(locked, AccountLocked)
    assert locked.seconds_left == 60
    assert 55 <= lock_left(database, world.budi) <= 60
    with pytest.raises(AccountLocked) as still:  # even the right PIN, while locked
        attempt(database, world.budi, PIN)
    assert "locked after 5 wrong PINs; try again in" in str(still.value)
    let_the_lock_pass(database, world.budi)
    assert attempt(database, world.budi, PIN).name == "Budi Santoso"


def test_each_further_wrong_pin_doubles_the_lock_up_to_an_hour(database, world):
    assert [lockout_after(n).total_seconds() for n in range(4, 14)] == [
        0,
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
        3600,
    ]
    wrong_pins(database, world.budi, 5)
    for wrong, seconds in ((6, 120), (7, 240), (8, 480)):
        let_the_lock_pass(database, world.budi)
        locked = wrong_pins(database, world.budi, 1)
        assert isinstance(locked, AccountLocked)
        assert locked.seconds_left == seconds
        assert f"locked after {wrong} wrong PINs" in str(locked)
        assert seconds - 5 <= lock_left(database, world.budi) <= seconds
    let_the_lock_pass(database, world.budi)
    assert attempt(database, world.budi, PIN).name == "Budi Santoso"  # a right PIN starts the count again
    assert wrong_pins(database, world.budi, 1).attempts_left == 4


def test_the_count_restarts_after_a_good_login_and_other_accounts_are_not_affected(database, world):
    wrong_pins(database, world.budi, 4)
    attempt(database, world.budi, PIN)
    assert wrong_pins(database, world.budi, 1).attempts_left == 4
    assert attempt(database, world.dwi, PIN).name == "Dwi Rahmawati"


def test_an_admin_unlocks_an_account_and_the_trail_says_so(database, world):
    wrong_pins(database, world.budi, 5)
    with (
        pytest.raises(PermissionDenied, match="may not unlock accounts: it needs the admin role"),
        database.transaction() as session,
    ):
        unlock_account(session, world.staff(session, world.dwi), world.staff(session, world.budi))
    with database.transaction() as session:
        unlock_account(session, world.staff(session, world.admin), world.staff(session, world.budi))
    assert attempt(database, world.budi, PIN).name == "Budi Santoso"
    with database.transaction() as session:
        assert [(row.staff_id, row.action) for row in session.scalars(select(AuditEntry))] == [
            (world.admin, "unlock the account of Budi Santoso (after 5 wrong PINs)")
        ]


def test_the_lockout_survives_a_restart(backend, tmp_path):
    url = backend.url()
    database = backend.open(url)
    with database.transaction() as session:
        staff_id = create_staff(
            session, None, "Eko Prasetyo", EmploymentCategory.PENUNJANG, Role.ADMIN, PIN, rounds=FAST
        ).id
    wrong_pins(database, staff_id, 5)
    database.close()
    with pytest.raises(AccountLocked):
        attempt(backend.open(url), staff_id, PIN)


def test_inactive_and_unknown_staff_cannot_log_in(database, world):
    with database.transaction() as session:
        session.get(Staff, world.dwi).active = False
    with pytest.raises(StaffInactive, match="switched off"):
        attempt(database, world.dwi, PIN)
    with pytest.raises(UnknownStaff):
        attempt(database, 999, PIN)
    with database.transaction() as session:
        assert [staff.name for staff in staff_for_login(session)] == [
            "Agus Setiawan",
            "Budi Santoso",
            "Wahyu Hidayat",
        ]


def test_roles_rank_admin_over_operator_over_viewer(database, world):
    with database.transaction() as session:
        admin, operator, viewer = (world.staff(session, i) for i in (world.admin, world.budi, world.viewer))
        assert [has_role(admin, role) for role in Role] == [True, True, True]
        assert [has_role(operator, role) for role in Role] == [True, True, False]
        assert [has_role(viewer, role) for role in Role] == [True, False, False]
        require_role(admin, Role.ADMIN, "open the admin screens")
        with pytest.raises(PermissionDenied) as caught:
            require_role(operator, Role.ADMIN, "open the admin screens")
        assert str(caught.value) == (
            "Budi Santoso (operator) may not open the admin screens: it needs the admin role."
        )
        viewer.active = False
        assert not has_role(viewer, Role.VIEWER)


def test_a_new_pin_replaces_the_old_one_and_clears_a_lockout(database, world):
    wrong_pins(database, world.dwi, 5)
    with database.transaction() as session:
        change_account(
            session,
            world.staff(session, world.admin),
            world.staff(session, world.dwi),
            pin="13579",
            rounds=FAST,
        )
    with pytest.raises(WrongPin):
        attempt(database, world.dwi, PIN)
    assert attempt(database, world.dwi, "13579").name == "Dwi Rahmawati"


def test_a_nip_has_18_digits(database, world):
    with pytest.raises(ValueError, match="must be 18 digits"), database.transaction() as session:
        create_staff(
            session,
            world.staff(session, world.admin),
            "Rizky Pratama",
            EmploymentCategory.CPNS,
            Role.OPERATOR,
            PIN,
            nip="1996",
            rounds=FAST,
        )
