"""Admin screen for the places events happen at: Smart Centre rooms, other venues, mobile units.

A location added here is in the next snapshot, so the device form and the event form offer it at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from models.oplog.inventory import add_location, locations
from models.oplog.tables import LocationKind
from ui.oplog.admin import AdminWindow, Row
from ui.oplog.state import OplogState


class LocationsAdmin(AdminWindow):
    def __init__(self, state: OplogState, parent: QWidget | None = None) -> None:
        super().__init__(state, self.tr("Locations"), [self.tr("Name"), self.tr("Kind")], parent)
        self.name = QLineEdit()
        self.name.returnPressed.connect(self.on_add)
        self.kind = QComboBox()
        for kind in LocationKind:
            self.kind.addItem(state.labels.location_kind(kind), kind.value)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow("", self.button(self.tr("Add location"), self.on_add))

    def load(self, session: Session) -> list[Row]:
        return [
            (location.id, [location.name, self.state.labels.location_kind(location.kind)])
            for location in locations(session)
        ]

    def on_add(self) -> None:
        name, kind = self.name.text(), LocationKind(self.kind.currentData())

        self.change(lambda session, me: add_location(session, me, name, kind), self.tr("Location added."))
