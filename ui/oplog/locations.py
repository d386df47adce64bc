"""Admin screen for the places events happen at: Smart Centre rooms, other venues, mobile units.

A location added here is in the next snapshot, so the device form and the event form offer it at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from models.oplog.jobs import inventory
from models.oplog.tables import LocationKind
from ui.oplog.admin import AdminWindow, Row
from ui.oplog.state import OplogState


class LocationsAdmin(AdminWindow[inventory.LocationRow]):
    def __init__(self, state: OplogState, parent: QWidget | None = None) -> None:
        super().__init__(
            state, self.tr("Locations"), [self.tr("Name"), self.tr("Kind")], inventory.locations, parent
        )
        self.name = QLineEdit()
        self.name.returnPressed.connect(self.on_add)
        self.kind = QComboBox()
        for kind in LocationKind:
            self.kind.addItem(state.labels.location_kind(kind), kind.value)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow("", self.button(self.tr("Add location"), self.on_add))

    def row(self, item: inventory.LocationRow) -> Row:
        return (item.id, [item.name, self.state.labels.location_kind(item.kind)])

    def on_add(self) -> None:
        name, kind = self.name.text(), LocationKind(self.kind.currentData())
        self.change(inventory.add_location(name, kind), self.tr("Location added."))
