"""A person's details changed without new photos (issue 23, item 5), on real photos, real models
and a real attendance.db: name, department and mobile edited; marked as left (not recognised, no
PIN check-in, history and folder kept) and re-activated (recognised again); each change audited;
bad input changes nothing. Also: an attendance.db of schema 3 migrates without losing a row."""
from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

import pytest

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.attendance import AttendanceDB
from kiosk.attendance.schema import SCHEMA_VERSION
from tests.commands.conftest import kiosk_main as main
from tests.conftest import apart_today
from tests.conftest import enrolment_photos as photos
from tests.conftest import held_out_photo as held_out
from tests.conftest import recognised_as as recognised

TODAY = date.today()


@pytest.fixture
def staff(tmp_path, pipeline):
    """Ada (E1, df01) with a check-in and a PIN, and Zoë (E2, df02)."""
    service = KioskService(load_settings(tmp_path), pipeline=pipeline)
    service.enroll("E1", "Ada Lovelace", "+447700900042", photos("df01"), masks=False)
    service.enroll("E2", "Zoë Ångström", "+447700900043", photos("df02"), masks=False)
    assert service.recognize(held_out("df01"))[0].checkin.recorded
    service.set_pin("E1", "2580")
    return service


def state(service) -> tuple:
    """Everything a refused change must leave as it was."""
    folder = service.store.folder_of("E1")
    return (folder.name, (folder / "metadata.json").read_text(), service.db.get_employee("E1"),
            len(service.audit.rows()))


def test_edit_leave_and_reactivate_without_new_photos(staff):
    service = staff
    folder = service.store.folder_of("E1")
    photos_before = sorted(p.name for p in (folder / "originals").iterdir())

    row = service.edit_person("e1", name=" Ada King ", department="Finance", mobile="+44 7700 900 099")
    assert (row["name"], row["department"], row["mobile"]) == ("Ada King", "Finance", "+447700900099")
    meta = json.loads((service.store.folder_of("E1") / "metadata.json").read_text())
    assert (meta["name"], meta["department"]) == ("Ada King", "Finance")
    assert meta["mobile"].startswith("sealed:v1:") and "900099" not in meta["mobile"]  # sealed at rest (issue 27)
    assert service.store.load(service.store.folder_of("E1")).mobile == "+447700900099"
    assert sorted(p.name for p in (service.store.folder_of("E1") / "originals").iterdir()) == photos_before
    result = service.recognize(held_out("df01"), record=False)[0]
    assert result.match.user_id == "E1" and result.match.name == "Ada King"
    [edit] = service.audit.rows(action="person_edit")
    assert edit["subject"] == "E1" and edit["detail"]["name"] == {"from": "Ada Lovelace", "to": "Ada King"}
    assert edit["detail"]["mobile"] == {"from": "**********42", "to": "**********99"}  # no phone number kept

    other = KioskService(load_settings(service.settings.data_dir), pipeline=service.pipeline)
    assert recognised(other, "df01") == "E1"  # another process's matcher, loaded before the leave
    service.mark_left("E1")
    assert recognised(service, "df01") is None and recognised(service, "df02") == "E2"
    assert recognised(other, "df01") is None  # it saw the gallery change and reloaded
    refused = service.pin_checkin("E1", "2580")
    assert not (refused.checkin and refused.checkin.recorded) and "not active" in refused.message
    assert len(service.db.attendance(TODAY, TODAY, "E1")) == 1  # the history stays
    assert service.store.folder_of("E1") is not None and service.db.get_employee("E1")["left_at"]
    assert {r.user_id for r in service.people()} == {"E1", "E2"}  # still listed (as left)

    service.reactivate("E1")
    assert recognised(service, "df01") == "E1"
    assert service.pin_checkin("E1", "2580", now=apart_today()).checkin.recorded
    assert service.db.get_employee("E1")["left_at"] is None
    assert [r["action"] for r in service.audit.rows(subject="E1")][-3:] == ["person_edit", "person_left",
                                                                              "person_reactivated"]


@pytest.mark.parametrize("change, message", [
    (lambda s: s.edit_person("nobody", name="X"), "nobody with worker ID nobody"),
    (lambda s: s.edit_person("E1", name="   "), "Name is required"),
    (lambda s: s.edit_person("E1", mobile="12ab"), "Mobile number '12ab' is invalid"),
    (lambda s: s.edit_person("E1", name="Ada Lovelace"), "nothing to change for E1"),
    (lambda s: s.edit_person("E1", department="x" * 81), "Department is longer than 80"),
    (lambda s: s.reactivate("E1"), "E1 is not marked as left"),
])
def test_bad_input_changes_nothing(staff, change, message):
    before = state(staff)
    with pytest.raises((ValueError, KeyError), match=message):
        change(staff)
    assert state(staff) == before


def test_cli_person_edit_leave_reactivate(staff, capsys):
    data = str(staff.settings.data_dir)
    assert main(["--data-dir", data, "person", "edit", "e1", "--department", "Night shift"]) == 0
    assert "E1: department Night shift" in capsys.readouterr().out
    assert main(["--data-dir", data, "person", "leave", "E1"]) == 0
    assert "E1 (Ada Lovelace) marked as left" in capsys.readouterr().out
    before = state(staff)
    assert main(["--data-dir", data, "person", "leave", "E1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: E1 is already marked as left (since ") and err.count("\n") == 1
    assert state(staff) == before
    assert main(["--data-dir", data, "users"]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("E1 ")]
    assert line.endswith("Night shift  (left)")
    assert main(["--data-dir", data, "person", "leave", "E2", "--name", "X"]) == 1
    assert "takes no --name" in capsys.readouterr().err
    assert main(["--data-dir", data, "person", "reactivate", "E1"]) == 0
    assert "E1 (Ada Lovelace) re-activated" in capsys.readouterr().out
    assert recognised(staff, "df01") == "E1"


def test_schema_3_database_migrates_without_losing_a_row(tmp_path):
    path = tmp_path / "attendance.db"
    with AttendanceDB(path) as db:
        db.upsert_employee("E1", "Ada Lovelace", "+447700900042")
        db.record_recognition("E1", "Ada Lovelace", 0.9, now=datetime(2026, 3, 2, 8, 57))
    with sqlite3.connect(path) as conn:  # back to what today's code (schema 3) wrote
        conn.execute("ALTER TABLE employees DROP COLUMN department")
        conn.execute("ALTER TABLE employees DROP COLUMN left_at")
        conn.execute("PRAGMA user_version = 3")
    with AttendanceDB(path) as db:
        row = db.get_employee("E1")
        assert (row["name"], row["mobile"], row["department"], row["left_at"]) == (
            "Ada Lovelace", "+447700900042", None, None)
        assert len(db.attendance(date(2026, 3, 2), date(2026, 3, 2))) == 1
        assert db._user_version() == SCHEMA_VERSION


def test_a_shift_is_checked_and_kept_in_the_employees_row_only(staff):
    service = staff
    service.timesheet.save_attendance_settings(
        shifts={"day": {"start": "09:00", "end": "17:00"}, "night": {"start": "22:00", "end": "06:00", "overnight": True}})
    before = state(service)
    with pytest.raises(ValueError, match="no shift called 'late'"):
        service.edit_person("E1", shift="late")
    assert state(service) == before
    row = service.edit_person("E1", shift="night")
    assert row["shift"] == "night" and service.timesheet.policy.shift_for(row).name == "night"
    meta = json.loads((service.store.folder_of("E1") / "metadata.json").read_text())
    assert "shift" not in meta
    [edit] = service.audit.rows(action="person_edit")
    assert edit["detail"]["shift"] == {"from": "", "to": "night"}
    assert service.edit_person("E1", shift="")["shift"] is None  # back to the department's or the default
