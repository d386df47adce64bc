"""The operations log's tables, in one import: ``from models.oplog.tables import Event, Staff, metadata``."""

from models.oplog.schema.base import (
    AdditionKind,
    Base,
    DeviceKind,
    EmploymentCategory,
    EventMode,
    EventStatus,
    FaultSeverity,
    LocationKind,
    Role,
)
from models.oplog.schema.broadcast import (
    ClosedRecordError,
    ContactGap,
    EndReason,
    OnAirSession,
    Recording,
    StreamDrop,
)
from models.oplog.schema.events import Event, EventLocation, event_devices, event_operators
from models.oplog.schema.handover import (
    Handover,
    HandoverAddition,
    HandoverError,
    HandoverLocked,
    handover_faults,
)
from models.oplog.schema.log import NOT_ERRORS, AppendOnlyError, AuditEntry, ChainHead, Fault, LogEntry
from models.oplog.schema.people import Device, Location, Shift, Staff, shift_members
from models.oplog.schema.takeovers import DeskNews, TakeOverRow

metadata = Base.metadata

__all__ = [
    "NOT_ERRORS",
    "StreamDrop",
    "ContactGap",
    "Recording",
    "OnAirSession",
    "EndReason",
    "ClosedRecordError",
    "AdditionKind",
    "AppendOnlyError",
    "AuditEntry",
    "Base",
    "ChainHead",
    "DeskNews",
    "Device",
    "DeviceKind",
    "EmploymentCategory",
    "Event",
    "EventLocation",
    "EventMode",
    "EventStatus",
    "Fault",
    "FaultSeverity",
    "Handover",
    "HandoverAddition",
    "HandoverError",
    "HandoverLocked",
    "Location",
    "LocationKind",
    "LogEntry",
    "Role",
    "Shift",
    "Staff",
    "TakeOverRow",
    "event_devices",
    "event_operators",
    "handover_faults",
    "metadata",
    "shift_members",
]
