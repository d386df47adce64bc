"""The words for the operations log's values (roles, event modes and statuses, severities, kinds of
devices and places), in the console's language; the screens and the reports share them."""

from __future__ import annotations

from PySide6.QtCore import QObject

from models.oplog.tables import DeviceKind, LocationKind, Role


class Labels(QObject):
    def role(self, role: Role) -> str:
        return {
            Role.ADMIN: self.tr("admin"),
            Role.OPERATOR: self.tr("operator"),
            Role.VIEWER: self.tr("viewer"),
        }[role]

    def mode(self, mode: str) -> str:
        return {"daring": self.tr("online"), "luring": self.tr("on site"), "campuran": self.tr("hybrid")}.get(
            mode, mode
        )

    def severity(self, severity: str) -> str:
        return {"minor": self.tr("minor"), "major": self.tr("major"), "critical": self.tr("critical")}.get(
            severity, severity
        )

    def status(self, status: str) -> str:
        return {
            "scheduled": self.tr("scheduled"),
            "running": self.tr("running"),
            "finished": self.tr("finished"),
            "cancelled": self.tr("cancelled"),
            "no handover": self.tr("no handover yet"),
            "draft": self.tr("draft"),
            "signed": self.tr("signed by the outgoing lead"),
            "accepted": self.tr("accepted and locked"),
            "reopened": self.tr("reopened for additions"),
        }.get(status, status)

    def device_kind(self, kind: DeviceKind) -> str:
        return {
            DeviceKind.CAMERA: self.tr("camera"),
            DeviceKind.VIDEO_WALL: self.tr("video wall"),
            DeviceKind.MOBILE_KIT: self.tr("mobile kit"),
            DeviceKind.OTHER: self.tr("other"),
        }[kind]

    def location_kind(self, kind: LocationKind) -> str:
        return {
            LocationKind.SMART_CENTRE_ROOM: self.tr("Smart Centre room"),
            LocationKind.VENUE: self.tr("Other venue"),
            LocationKind.MOBILE: self.tr("Mobile unit"),
        }[kind]

    def addition(self, kind: str) -> str:
        return {
            "reopened": self.tr("reopened"),
            "note": self.tr("addition"),
            "relocked": self.tr("locked again"),
        }.get(kind, kind)
