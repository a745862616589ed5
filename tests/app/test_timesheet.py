"""service.timesheet on a real data folder: what the entrance says after a punch, HR's corrections
on the audit trail, a person's own week behind their PIN, exports, and the attendance settings."""
from __future__ import annotations

import csv
from datetime import date, datetime

import openpyxl
import pytest
import tomllib

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.attendance.punches import OUT
from kiosk.security.audit import PUNCH_ADD, PUNCH_VOID, SETTING_CHANGE

MONDAY = date(2026, 3, 2)


@pytest.fixture
def service(tmp_path):
    (tmp_path / "kiosk.toml").write_text(
        'time_zone = "Europe/Paris"\ncooldown_seconds = 300\n\n[shifts.day]\nstart = "09:00"\nend = "17:30"\n'
        'late_grace_minutes = 5\n', encoding="utf-8")
    svc = KioskService(load_settings(tmp_path))
    svc.db.upsert_employee("E1", "Ada Lovelace", enrolled_at=datetime(2026, 1, 5, 8, 0))
    svc.db.upsert_employee("E2", "Émile Zola", enrolled_at=datetime(2026, 1, 5, 8, 0))
    yield svc
    svc.close()


def at(day: date, hh: int, mm: int) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm)


def test_the_entrance_says_on_time_late_and_the_days_hours(service):
    t = service.timesheet
    on_time = service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(MONDAY, 8, 57))
    assert t.punch_message(on_time) == ("Ada Lovelace - checked in 08:57", "On time.")
    late = service.db.record_recognition("E2", "Émile Zola", 0.9, now=at(MONDAY, 9, 12))
    assert t.punch_message(late) == ("Émile Zola - checked in 09:12", "12 min late today.")
    out = service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(MONDAY, 17, 32))
    assert out.direction == OUT
    assert t.punch_message(out) == ("Ada Lovelace - checked out 17:32", "8 h 35 min today. Goodbye!")
    again = service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(MONDAY, 17, 33))
    assert t.punch_message(again)[0] == "Ada Lovelace - already recorded"


def test_corrections_are_audited_with_who_and_why(service):
    t = service.timesheet
    service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(MONDAY, 8, 57))
    added = t.add_punch("e1", at(MONDAY, 17, 30), OUT, "forgot to check out")  # any case of the ID
    voided = t.void_punch(added["id"], "she worked late: wrong time")
    trail = [r for r in service.audit.rows() if r["action"] in (PUNCH_ADD, PUNCH_VOID)]
    assert [r["action"] for r in trail] == [PUNCH_ADD, PUNCH_VOID]
    assert trail[0]["detail"]["reason"] == "forgot to check out"
    assert trail[1]["detail"]["reason"] == "she worked late: wrong time"
    assert voided["voided_by"] and voided["voided_at"]
    [day] = t.daily(MONDAY, MONDAY, "E1")
    assert day.corrected and day.missing_out  # the voided punch no longer closes the day


def test_my_week_needs_the_persons_pin(service):
    service.set_pin("E1", "4821")
    for day, (h_in, h_out) in zip((MONDAY, date(2026, 3, 3)), ((8, 17), (9, 18))):
        service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(day, h_in, 0))
        service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(day, h_out, 0))
    with pytest.raises(PermissionError):
        service.timesheet.my_week("E1", "0000", today=date(2026, 3, 4))
    week = service.timesheet.my_week("e1", "4821", today=date(2026, 3, 4))
    assert (week.employee_id, week.name) == ("E1", "Ada Lovelace")
    assert [d.day for d in week.days] == [MONDAY, date(2026, 3, 3), date(2026, 3, 4)]
    assert week.total_minutes == 2 * 9 * 60


def test_exports_write_daily_and_monthly_csv_and_xlsx(service, tmp_path):
    service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(MONDAY, 8, 57))
    service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(MONDAY, 17, 32))
    t = service.timesheet
    assert t.export("daily", tmp_path / "d.csv", MONDAY, MONDAY) == 2  # Ada and Émile (absent)
    with open(tmp_path / "d.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["Name"]: r["Status"] for r in rows} == {"Ada Lovelace": "Present", "Émile Zola": "Absent"}
    assert t.export("monthly", tmp_path / "m.xlsx", date(2026, 3, 1), date(2026, 3, 31), "xlsx") == 2
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    header = [c.value for c in sheet[1]]
    ada = [c.value for c in sheet[2]] if sheet.cell(2, 2).value == "Ada Lovelace" else [c.value for c in sheet[3]]
    assert dict(zip(header, ada))["Days present"] == 1
    with pytest.raises(ValueError, match="unknown report"):
        t.export("weekly", tmp_path / "w.csv", MONDAY, MONDAY)


def test_settings_are_validated_saved_to_kiosk_toml_and_followed(service, tmp_path):
    t = service.timesheet
    with pytest.raises(ValueError, match="unknown time zone"):
        t.save_attendance_settings(time_zone="Europe/Atlantis")
    with pytest.raises(ValueError, match="overnight"):
        t.save_attendance_settings(shifts={"night": {"start": "22:00", "end": "06:00"}})
    with pytest.raises(ValueError, match="punch_mode"):
        t.save_attendance_settings(punch_mode="sometimes")
    assert tomllib.loads((tmp_path / "kiosk.toml").read_text())["time_zone"] == "Europe/Paris"  # nothing saved
    night = {"start": "22:00", "end": "06:00", "overnight": True}
    changed = t.save_attendance_settings(punch_mode="choose", shifts={"day": {"start": "08:30", "end": "17:00"},
                                                                      "night": night},
                                         holidays=["2026-12-25"], time_zone="America/New_York")
    assert set(changed) == {"punch_mode", "shifts", "holidays", "time_zone"}
    stored = tomllib.loads((tmp_path / "kiosk.toml").read_text())
    assert stored["shifts"]["night"] == night and stored["holidays"] == ["2026-12-25"]
    assert load_settings(tmp_path).punch_mode == "choose"
    assert t.choice_seconds == 6 and service.db.zone.key == "America/New_York"
    assert any(r["action"] == SETTING_CHANGE for r in service.audit.rows())



def test_the_board_lists_yesterdays_forgotten_check_out(service):
    service.db.record_recognition("E1", "Ada Lovelace", 0.9, now=at(MONDAY, 8, 57))  # never checked out
    service.db.record_recognition("E2", "Émile Zola", 0.9, now=at(date(2026, 3, 3), 8, 50))
    board = service.timesheet.today(now=at(date(2026, 3, 3), 10, 0))
    assert [r.employee_id for r in board.missing_out] == ["E1"] and board.missing_out[0].day == MONDAY
    assert [r.employee_id for r in board.inside] == ["E2"]
    assert [r.employee_id for r in board.not_yet] == ["E1"]  # absent only once today's shift is over
