"""What happened at the kiosk: the attendance store and its CSV exports (no Qt here)."""
from kiosk.attendance.db import (
    CHECKED_IN,
    COOLDOWN,
    INACTIVE,
    REJECTED,
    UNKNOWN,
    UNSURE,
    AttendanceDB,
    CheckIn,
    local_now,
)
from kiosk.attendance.export import export_attendance_csv, export_daily_summary_csv

__all__ = [
    "CHECKED_IN",
    "COOLDOWN",
    "INACTIVE",
    "REJECTED",
    "UNKNOWN",
    "UNSURE",
    "AttendanceDB",
    "CheckIn",
    "export_attendance_csv",
    "export_daily_summary_csv",
    "local_now",
]
