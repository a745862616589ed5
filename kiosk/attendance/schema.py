"""The attendance database's schema and its migrations, one step per version (PRAGMA user_version).

Why a module of its own: every version's step stays, so a database made by any earlier kiosk
migrates in order without losing a row (tests/attendance/test_schema.py migrates real old files).
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlite_utils import Database

from kiosk.attendance.people import migrate_v4
from kiosk.attendance.punches import migrate_v5

SCHEMA_VERSION = 5
STATUS_PRESENT = "Present"
# attendance.method: how the person was identified (kiosk.attendance.corrections adds "correction").
METHOD_FACE = "face"
METHOD_PIN = "pin"


def upgrade(db: Database, version: int, zone: ZoneInfo, session_hours: float) -> None:
    """Bring a database at `version` to SCHEMA_VERSION (inside the caller's write transaction)."""
    if version < 1:
        create_schema_v1(db)
    if version < 2:
        migrate_v2(db)
    if version < 3:
        migrate_v3(db)
    if version < 4:
        migrate_v4(db)
    if version < 5:
        migrate_v5(db, zone, session_hours)


def create_schema_v1(db: Database) -> None:
    db.create_table(
        "employees",
        {"id": str, "name": str, "mobile": str, "enrolled_at": str, "active": int},
        pk="id", not_null=["name", "enrolled_at", "active"], defaults={"active": 1},
        if_not_exists=True,
    )
    db.create_table(
        "attendance",
        {"id": int, "employee_id": str, "timestamp": str, "status": str, "score": float,
         "masked": int, "kiosk_id": str},
        pk="id", foreign_keys=[("employee_id", "employees", "id")],
        not_null=["employee_id", "timestamp", "status"], defaults={"status": STATUS_PRESENT},
        if_not_exists=True,
    )
    # No foreign key here: the audit trail outlives a deleted employee.
    db.create_table(
        "access_log",
        {"id": int, "timestamp": str, "employee_id": str, "name": str, "outcome": str,
         "score": float, "masked": int, "source": str, "kiosk_id": str, "detail": str},
        pk="id", not_null=["timestamp", "outcome"], if_not_exists=True,
    )
    db.table("attendance").create_index(["employee_id", "timestamp"], if_not_exists=True)
    db.table("attendance").create_index(["timestamp"], if_not_exists=True)
    db.table("access_log").create_index(["timestamp"], if_not_exists=True)


def migrate_v2(db: Database) -> None:
    """Version 2: attendance.method (face / pin; every earlier check-in was by face) and the
    personal check-in PINs with their persisted lockout (kiosk.security.pins)."""
    if "method" not in db.table("attendance").columns_dict:
        db.table("attendance").add_column("method", str)
    db.execute("UPDATE attendance SET method = ? WHERE method IS NULL", [METHOD_FACE])
    db.create_table(
        "employee_pins",
        {"employee_id": str, "pin_hash": str, "set_at": str, "failures": int, "lockouts": int,
         "locked_until": str},
        pk="employee_id", not_null=["pin_hash", "set_at"], defaults={"failures": 0, "lockouts": 0},
        if_not_exists=True,
    )


def migrate_v3(db: Database) -> None:
    """Version 3: worker-ID renames (kiosk.attendance.renames), so a check-in made under an ID
    renamed meanwhile (an outbox entry, a frame recognised just before) lands on the new ID."""
    db.create_table("worker_id_renames", {"old_id": str, "new_id": str, "renamed_at": str},
                    pk="old_id", not_null=["new_id", "renamed_at"], if_not_exists=True)
