"""A site for the time-and-attendance screens' tests: a real service on a temp data folder in
London time, people with their shifts (the built-in day shift 09:00-17:00 Mon-Fri, and an early
shift for the Early department), and their punches recorded the way the kiosk records them
(record_recognition with the time of the punch, HR's add_punch for a correction)."""
from __future__ import annotations

from datetime import date, datetime, time

ZONE = "Europe/London"
DAY = datetime(2026, 12, 2)  # a Wednesday
HIRED = datetime(2026, 10, 1)
SHIFTS = {"day": {"start": "09:00", "end": "17:00"},
          "early": {"start": "05:00", "end": "09:00", "full_day_hours": 4.0, "half_day_hours": 2.0},
          "part": {"start": "09:00", "end": "13:00", "full_day_hours": 4.0, "half_day_hours": 2.0,
                   "days_off": ["wed", "sat", "sun"]}}
PEOPLE = {"A1": "Ada Lovelace", "B2": "Ben Okafor", "C3": "Cy Young", "D4": "Dee Park", "E5": "Eve Early",
          "F6": "Fay Moss",
          "G7": "Gus Part"}


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """Local wall time `hour:minute` on `day`."""
    return datetime.combine(day if not isinstance(day, datetime) else day.date(), time(hour, minute))


def make_site(make_service):
    """(service, the service's db) with PEOPLE hired and the shifts saved through the service."""
    service = make_service(time_zone=ZONE, cooldown_seconds=60)
    service.timesheet.save_attendance_settings(shifts=SHIFTS, department_shifts={"Early": "early"})
    db = service.db
    for uid, name in PEOPLE.items():
        db.upsert_employee(uid, name, None, enrolled_at=HIRED)
    db.update_employee("E5", department="Early")
    db.update_employee("G7", shift="part")  # off on Wednesdays
    return service, db


def punch(db, uid: str, when: datetime):
    """A punch at the door at `when` (local time), as the live screen records one."""
    return db.record_recognition(uid, PEOPLE[uid], 0.8, masked=False, now=when)
