"""Login with PIN and lockout (on an injected clock), PIN hashing, and role checks."""
from __future__ import annotations

from datetime import timedelta

import bcrypt
import pytest

from models.schema import EmploymentCategory, Role, Staff
from models.staff import (
    AccountLocked, PermissionDenied, StaffInactive, UnknownStaff, WrongPin, create_staff, has_role, hash_pin, login,
    require_role, set_pin, staff_for_login)
from tests.oplog.world import FAST, PIN, T0


def attempt(database, staff_id, pin, now):
    with database.transaction() as session:
        return login(session, staff_id, pin, now)


def test_the_pin_is_stored_only_as_a_bcrypt_hash(database, world):
    with database.transaction() as session:
        stored = session.get(Staff, world.budi).pin_hash
    assert PIN not in stored and stored.startswith("$2b$")
    assert bcrypt.checkpw(PIN.encode(), stored.encode())


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", ""])
def test_a_pin_is_four_to_eight_digits(pin):
    with pytest.raises(ValueError, match="4 to 8 digits"):
        hash_pin(pin, rounds=FAST)


def test_the_right_pin_logs_in_and_a_wrong_one_counts_down(database, world):
    assert attempt(database, world.budi, PIN, T0).name == "Budi Santoso"
    with pytest.raises(WrongPin) as caught:
        attempt(database, world.budi, "0000", T0)
    assert caught.value.attempts_left == 4
    assert str(caught.value) == "Wrong PIN for Budi Santoso; 4 more wrong PIN(s) lock the account for 60 seconds."


def test_five_wrong_pins_lock_the_account_for_60_seconds(database, world):
    for n in range(4):
        with pytest.raises(WrongPin):
            attempt(database, world.budi, "0000", T0 + timedelta(seconds=n))
    with pytest.raises(AccountLocked) as locked:
        attempt(database, world.budi, "0000", T0 + timedelta(seconds=4))
    assert locked.value.until == T0 + timedelta(seconds=64)
    with pytest.raises(AccountLocked) as still:          # even the right PIN, while locked
        attempt(database, world.budi, PIN, T0 + timedelta(seconds=63))
    assert still.value.seconds_left == 1
    assert "locked after 5 wrong PINs; try again in 1 s (at 07:01:04 WIB)" in str(still.value)
    assert attempt(database, world.budi, PIN, T0 + timedelta(seconds=64)).name == "Budi Santoso"


def test_the_count_restarts_after_a_good_login_and_other_accounts_are_not_affected(database, world):
    for _ in range(4):
        with pytest.raises(WrongPin):
            attempt(database, world.budi, "0000", T0)
    attempt(database, world.budi, PIN, T0)
    with pytest.raises(WrongPin) as caught:
        attempt(database, world.budi, "0000", T0)
    assert caught.value.attempts_left == 4
    assert attempt(database, world.dwi, PIN, T0).name == "Dwi Rahmawati"


def test_the_lockout_survives_a_restart(backend, tmp_path):
    url = backend.url()
    database = backend.open(url)
    with database.transaction() as session:
        staff_id = create_staff(session, "Eko Prasetyo", EmploymentCategory.PENUNJANG, Role.OPERATOR, PIN,
                                rounds=FAST).id
    for _ in range(5):
        with pytest.raises((WrongPin, AccountLocked)):
            attempt(database, staff_id, "0000", T0)
    database.close()
    with pytest.raises(AccountLocked):
        attempt(backend.open(url), staff_id, PIN, T0 + timedelta(seconds=30))


def test_inactive_and_unknown_staff_cannot_log_in(database, world):
    with database.transaction() as session:
        session.get(Staff, world.dwi).active = False
    with pytest.raises(StaffInactive, match="switched off"):
        attempt(database, world.dwi, PIN, T0)
    with pytest.raises(UnknownStaff):
        attempt(database, 999, PIN, T0)
    with database.transaction() as session:
        assert [staff.name for staff in staff_for_login(session)] == [
            "Agus Setiawan", "Budi Santoso", "Wahyu Hidayat"]


def test_roles_rank_admin_over_operator_over_viewer(database, world):
    with database.transaction() as session:
        admin, operator, viewer = (world.staff(session, i) for i in (world.admin, world.budi, world.viewer))
        assert [has_role(admin, role) for role in Role] == [True, True, True]
        assert [has_role(operator, role) for role in Role] == [True, True, False]
        assert [has_role(viewer, role) for role in Role] == [True, False, False]
        require_role(admin, Role.ADMIN, "open the admin screens")
        with pytest.raises(PermissionDenied) as caught:
            require_role(operator, Role.ADMIN, "open the admin screens")
        assert str(caught.value) == ("Budi Santoso (operator) may not open the admin screens: "
                                     "it needs the admin role.")
        viewer.active = False
        assert not has_role(viewer, Role.VIEWER)


def test_a_new_pin_replaces_the_old_one_and_clears_a_lockout(database, world):
    for _ in range(5):
        with pytest.raises((WrongPin, AccountLocked)):
            attempt(database, world.dwi, "0000", T0)
    with database.transaction() as session:
        set_pin(session, session.get(Staff, world.dwi), "13579", rounds=FAST)
    with pytest.raises(WrongPin):
        attempt(database, world.dwi, PIN, T0)
    assert attempt(database, world.dwi, "13579", T0).name == "Dwi Rahmawati"


def test_a_nip_has_18_digits(database):
    with pytest.raises(ValueError, match="must be 18 digits"), database.transaction() as session:
        create_staff(session, "Rizky Pratama", EmploymentCategory.CPNS, Role.OPERATOR, PIN, nip="1996", rounds=FAST)
