"""The first migration revision and rows as a database of that revision held them: what the
upgrade tests write with plain SQL before migrating to head."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.script import ScriptDirectory

from models.oplog.database import alembic_config

WHEN = datetime(2026, 11, 3, 1, 30, tzinfo=UTC)


def first_revision() -> str:
    return list(ScriptDirectory.from_config(alembic_config()).walk_revisions())[-1].revision


def rows_of_the_first_revision() -> dict[str, list[dict]]:
    hour = WHEN.replace(minute=0)
    return {
        "staff": [
            {
                "id": 1,
                "name": "Agus Setiawan",
                "nip": "198305122009011003",
                "category": "PNS",
                "role": "admin",
                "pin_hash": "$2b$04$" + "x" * 53,
                "active": True,
                "failed_pins": 0,
                "locked_until": None,
            },
            {
                "id": 2,
                "name": "Eko Prasetyo",
                "nip": None,
                "category": "penunjang",
                "role": "operator",
                "pin_hash": "$2b$04$" + "y" * 53,
                "active": True,
                "failed_pins": 2,
                "locked_until": None,
            },
        ],
        "locations": [{"id": 1, "name": "Pendopo Manggala Praja Nugraha", "kind": "venue"}],
        "devices": [
            {
                "id": 1,
                "asset_number": "SC-CAM-02",
                "name": "Kamera Pendopo",
                "kind": "camera",
                "location_id": 1,
                "in_service": True,
            }
        ],
        "shifts": [
            {
                "id": 1,
                "name": "Pagi",
                "planned_start": hour,
                "planned_end": hour.replace(hour=8),
                "actual_start": hour,
                "actual_end": None,
                "lead_id": 1,
            }
        ],
        "shift_members": [{"shift_id": 1, "staff_id": 1}, {"shift_id": 1, "staff_id": 2}],
        "events": [
            {
                "id": 1,
                "title": "Musrenbang Kecamatan Watulimo",
                "organiser": "Bappeda",
                "mode": "luring",
                "status": "running",
                "planned_start": hour,
                "planned_end": hour.replace(hour=5),
                "actual_start": WHEN,
                "actual_end": None,
                "stream_platform": "YouTube",
                "stream_url": "https://www.youtube.com/live/abc",
                "notes": "",
            }
        ],
        "event_locations": [
            {"event_id": 1, "location_id": 1, "participant_limit": 300, "participant_count": 240}
        ],
        "event_operators": [{"event_id": 1, "staff_id": 2}],
        "event_devices": [{"event_id": 1, "device_id": 1}],
        "audit_entries": [
            {
                "id": 1,
                "at": WHEN,
                "staff_id": 2,
                "event_id": 1,
                "device": "Kamera Pendopo",
                "action": "preset recall 3",
                "result": "completed",
                "duration_ms": 41.5,
            }
        ],
        "log_entries": [
            {
                "id": 1,
                "at": WHEN,
                "author_id": 2,
                "shift_id": 1,
                "event_id": 1,
                "text": "Live streaming dimulai",
            }
        ],
        "faults": [
            {
                "id": 1,
                "device_id": 1,
                "severity": "major",
                "description": "Fokus tidak stabil",
                "opened_at": WHEN,
                "opened_by_id": 2,
                "owner_id": 1,
                "closed_at": None,
                "closed_by_id": None,
                "resolution": None,
            }
        ],
        "handovers": [
            {
                "id": 1,
                "shift_id": 1,
                "outgoing_lead_id": 1,
                "incoming_lead_id": None,
                "created_at": WHEN,
                "summary_json": "{}",
                "notes": "Catatan",
                "signed_at": None,
                "accepted_at": None,
                "content_hash": None,
                "reopened": False,
            }
        ],
    }
