"""Admin screens (non-modal windows): staff accounts and devices (locations: ui/oplog/locations.py).

The console offers them to admins only and closes them when no admin is logged in any more; every
change is made by a models/ operation that takes the logged-in staff member, checks the role again on
the database thread and writes its audit row in the same transaction, so a stale window or a changed
role cannot slip through.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.oplog.jobs import inventory, staff_admin
from models.oplog.jobs.base import Job, StaffJob
from models.oplog.snapshot import Snapshot, wib_time
from models.oplog.tables import DeviceKind, EmploymentCategory, Role
from ui.common.wording import said
from ui.oplog.state import OplogState
from ui.oplog.widgets import TextTable

Row = tuple[int, list[str]]
Item = TypeVar("Item")


class AdminWindow(QWidget, Generic[Item]):
    """A table of the items ``listing`` loads (each shown by ``row``), a form, and changes made as the
    logged-in admin."""

    def __init__(
        self,
        state: OplogState,
        title: str,
        headers: list[str],
        listing: Job[Sequence[Item]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.listing = listing
        self.setWindowTitle(title)
        self.resize(800, 560)
        self.state = state
        self.table = TextTable(headers)
        self.form = QFormLayout()
        self.row_buttons = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.row_buttons)
        layout.addLayout(self.form)
        layout.addWidget(self.message)

    def row(self, item: Item) -> Row:
        raise NotImplementedError

    def open(self) -> None:
        self.show()
        self.raise_()
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.state.worker.call(self.listing, self._show)

    def _show(self, items: Sequence[Item]) -> None:
        self.table.set_rows(self.row(item) for item in items)

    def change(self, work: StaffJob[object], done_text: str) -> None:
        """``work`` as the logged-in staff member (the models/ operation checks the role and audits)."""

        def done(_result: object) -> None:
            self.message.setText(done_text)
            self.reload()

        self.message.clear()
        self.state.act(work, done, lambda error: self.message.setText(said(error)))

    def button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        return button


class StaffAdmin(AdminWindow[staff_admin.Account]):
    def __init__(self, state: OplogState, parent: QWidget | None = None) -> None:
        super().__init__(
            state,
            self.tr("Staff"),
            [
                self.tr("Name"),
                self.tr("NIP"),
                self.tr("Category"),
                self.tr("Role"),
                self.tr("Account"),
                self.tr("Locked until"),
            ],
            staff_admin.accounts,
            parent,
        )
        self.name, self.nip, self.pin = QLineEdit(), QLineEdit(), QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.category, self.role = QComboBox(), QComboBox()
        self.category.addItems([category.value for category in EmploymentCategory])
        for role in Role:
            self.role.addItem(state.labels.role(role), role.value)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("NIP (PNS/CPNS, 18 digits)"), self.nip)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("PIN (4–8 digits)"), self.pin)
        self.form.addRow("", self.button(self.tr("Add staff member"), self.on_add))
        self.row_buttons.addWidget(self.button(self.tr("Switch the selected account on/off"), self.on_toggle))
        self.row_buttons.addWidget(
            self.button(self.tr("Give the selected account the name, role and PIN above"), self.on_update)
        )
        self.row_buttons.addWidget(self.button(self.tr("Unlock the selected account"), self.on_unlock))

    def row(self, item: staff_admin.Account) -> Row:
        return (
            item.id,
            [
                item.name,
                item.nip or "",
                item.category.value,
                self.state.labels.role(item.role),
                self.tr("on") if item.active else self.tr("off"),
                wib_time(item.locked_until, "%d-%m %H:%M:%S"),
            ],
        )

    def on_add(self) -> None:
        name, nip, pin = self.name.text(), self.nip.text().strip() or None, self.pin.text()
        category, role = EmploymentCategory(self.category.currentText()), Role(self.role.currentData())
        self.pin.clear()

        self.change(staff_admin.create_staff(name, category, role, pin, nip), self.tr("Staff member added."))

    def on_toggle(self) -> None:
        staff_id = self.table.current_id()
        if staff_id is not None:
            self.change(staff_admin.switch_account(staff_id), self.tr("Account changed."))

    def on_update(self) -> None:
        """An empty name or PIN leaves the account's own."""
        staff_id, role, pin = self.table.current_id(), Role(self.role.currentData()), self.pin.text()
        name = self.name.text().strip() or None
        self.pin.clear()
        if staff_id is not None:
            self.change(
                staff_admin.change_account(staff_id, name, role, pin or None), self.tr("Account changed.")
            )

    def on_unlock(self) -> None:
        staff_id = self.table.current_id()
        if staff_id is not None:
            self.change(staff_admin.unlock_account(staff_id), self.tr("Account unlocked."))


class DevicesAdmin(AdminWindow[inventory.DeviceRow]):
    """``open_locations`` opens the locations screen, for a device at a place not registered yet."""

    def __init__(
        self,
        state: OplogState,
        parent: QWidget | None = None,
        *,
        open_locations: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(
            state,
            self.tr("Devices"),
            [
                self.tr("Asset number"),
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Location"),
                self.tr("In service"),
            ],
            inventory.devices,
            parent,
        )
        self.asset, self.name = QLineEdit(), QLineEdit()
        self.kind, self.location = QComboBox(), QComboBox()
        for kind in DeviceKind:
            self.kind.addItem(state.labels.device_kind(kind), kind.value)
        self.form.addRow(self.tr("Asset number"), self.asset)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        place = QHBoxLayout()
        place.addWidget(self.location, 1)
        if open_locations is not None:
            place.addWidget(self.button(self.tr("New location…"), open_locations))
        self.form.addRow(self.tr("Location"), place)
        self.form.addRow("", self.button(self.tr("Add device"), self.on_add))
        self.row_buttons.addWidget(
            self.button(self.tr("Take the selected device out of / back into service"), self.on_toggle)
        )
        state.snapshotChanged.connect(self._fill_locations)
        if state.snapshot is not None:
            self._fill_locations(state.snapshot)

    @Slot(object)
    def _fill_locations(self, snapshot: Snapshot) -> None:
        chosen = self.location.currentText()
        self.location.clear()
        self.location.addItems(["", *snapshot.locations])
        self.location.setCurrentText(chosen)

    def row(self, item: inventory.DeviceRow) -> Row:
        return (
            item.id,
            [
                item.asset_number,
                item.name,
                self.state.labels.device_kind(item.kind),
                item.location or "",
                self.tr("yes") if item.in_service else self.tr("no"),
            ],
        )

    def on_add(self) -> None:
        asset, name, kind = self.asset.text(), self.name.text(), DeviceKind(self.kind.currentData())
        place = self.location.currentText() or None
        self.change(inventory.add_device(asset, name, kind, place), self.tr("Device added."))

    def on_toggle(self) -> None:
        device_id = self.table.current_id()
        if device_id is not None:
            self.change(inventory.switch_device(device_id), self.tr("Device changed."))
