"""The locations admin screen: an admin registers a new venue, which the device form and the event form
offer at once and the audit trail keeps; anyone else, an empty name or a name already taken is refused
with the reason shown (in Indonesian too) and nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.support import oplog_console as support
from tests.support.oplog_console import WAIT_MS, log_in, ready, settle
from ui.oplog.locations import LocationsAdmin

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, support.site  # the fixtures
NEW = "Balai Desa Wonocoyo"
AUDITED = "SELECT count(*) FROM audit_entries WHERE action LIKE 'add location%'"


def places(form) -> list[str]:
    return [form.places.item(row, 0).text() for row in range(form.places.rowCount())]


def add(window: LocationsAdmin, qtbot, name: str, kind: str = "venue") -> str:
    """Type the name, choose the kind, press Add location; the message that comes back."""
    window.name.setText(name)
    window.kind.setCurrentIndex(window.kind.findData(kind))
    window.message.setText("…")
    next(b for b in window.findChildren(QPushButton) if b.text() == window.tr("Add location")).click()
    qtbot.waitUntil(lambda: window.message.text() not in ("…", ""), timeout=WAIT_MS)
    return window.message.text()


def test_an_admin_adds_a_location_offered_by_the_device_and_event_forms(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.admin)
    form = ops.events.form
    first = places(form).index("Ruang Rapat Utama")
    form.places.item(first, 0).setCheckState(Qt.CheckState.Checked)  # the form being filled in meanwhile
    form.places.item(first, 1).setText("40")
    devices = ops._open("devices")
    next(b for b in devices.findChildren(QPushButton) if b.text() == "New location…").click()
    window = ops.windows["locations"]
    assert isinstance(window, LocationsAdmin)
    assert window.isVisible()
    assert add(window, qtbot, f"  {NEW} ") == "Location added."
    assert site.scalar("SELECT kind FROM locations WHERE name = :name", name=NEW) == "venue"
    assert (
        site.scalar(
            "SELECT staff_id FROM audit_entries WHERE action = :action", action=f"add location {NEW} (venue)"
        )
        == site.world.admin
    )
    qtbot.waitUntil(lambda: NEW in places(form) and devices.location.findText(NEW) >= 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.table.rowCount() == 4, timeout=WAIT_MS)
    assert [(window.table.item(r, 0).text(), window.table.item(r, 1).text()) for r in range(4)] == [
        (NEW, "Other venue"),
        ("Command Center", "Smart Centre room"),
        ("Pendopo Manggala Praja Nugraha", "Other venue"),
        ("Ruang Rapat Utama", "Smart Centre room"),
    ]
    kept = places(form).index("Ruang Rapat Utama")
    assert form.places.item(kept, 0).checkState() == Qt.CheckState.Checked
    assert form.places.item(kept, 1).text() == "40"

    devices.asset.setText("SC-CAM-07")
    devices.name.setText("Kamera Balai Desa")
    devices.location.setCurrentText(NEW)
    devices.on_add()
    qtbot.waitUntil(lambda: devices.message.text() == "Device added.", timeout=WAIT_MS)
    assert (
        site.scalar(
            "SELECT l.name FROM devices d JOIN locations l ON l.id = d.location_id "
            "WHERE d.asset_number = 'SC-CAM-07'"
        )
        == NEW
    )


def test_an_operator_may_not_add_a_location(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    assert not any(action.isEnabled() for action in ops.admin_actions)
    window = ops._open("locations")  # reached anyway (e.g. left open): the data call refuses
    assert (
        add(window, qtbot, NEW) == "Budi Santoso (operator) may not add locations: it needs the admin role."
    )
    assert site.scalar("SELECT count(*) FROM locations") == 3
    assert site.scalar(AUDITED) == 0
    ops.login.log_out()
    assert not window.isVisible()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("  ", "a location needs a name"),
        ("command  center", "there is already a location called Command Center"),
    ],
)
def test_an_empty_or_taken_name_is_refused_and_nothing_is_stored(site, console_for, qtbot, name, message):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.admin)
    window = ops._open("locations")
    assert add(window, qtbot, name) == message
    settle(ops, qtbot)
    assert site.scalar("SELECT count(*) FROM locations") == 3
    assert site.scalar(AUDITED) == 0
    assert ops.state.snapshot.locations == (
        "Command Center",
        "Pendopo Manggala Praja Nugraha",
        "Ruang Rapat Utama",
    )


def test_the_refusals_are_said_in_indonesian(indonesian, site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.admin)
    window = ops._open("locations")
    assert window.windowTitle() == "Lokasi"
    assert window.kind.itemText(window.kind.findData("mobile")) == "Unit keliling"
    assert (
        add(window, qtbot, "Ruang Rapat Utama", "smart_centre_room")
        == "sudah ada lokasi bernama Ruang Rapat Utama"
    )
    assert add(window, qtbot, "Mobil Liputan 2", "mobile") == "Lokasi ditambahkan."
    devices = ops._open("devices")  # the kinds of devices are words in the interface language too
    assert [devices.kind.itemText(i) for i in range(devices.kind.count())] == [
        "kamera",
        "video wall",
        "kit liputan keliling",
        "lainnya",
    ]
    qtbot.waitUntil(lambda: devices.table.rowCount() == 3, timeout=WAIT_MS)
    assert {devices.table.item(row, 2).text() for row in range(3)} == {"kamera", "video wall"}
    ops.login.log_out()
    log_in(ops, qtbot, site.world.dwi)
    window = ops._open("locations")
    assert add(window, qtbot, "Aula Kecamatan Panggul") == (
        "Dwi Rahmawati (operator) tidak boleh menambah lokasi: diperlukan peran admin."
    )
    assert site.scalar("SELECT count(*) FROM locations") == 4
    assert site.scalar(AUDITED) == 1
