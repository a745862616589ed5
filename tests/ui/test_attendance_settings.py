"""The attendance settings page on a real service and a real kiosk.toml: a shift ending before it
starts and an unknown time zone are refused with the service's sentence and nothing is written;
a valid change is saved into kiosk.toml and followed at once; only the administrator gets here."""
from __future__ import annotations

import pytest
import tomllib

from kiosk.app.settings import load_settings
from kiosk.ui.pages.admin import AdminPage


@pytest.fixture
def admin(qtbot, make_service):
    service = make_service(time_zone="Europe/London")
    page = AdminPage(service, None)
    qtbot.addWidget(page)
    return page


def toml_text(service) -> str:
    path = service.settings.settings_path
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def test_a_shift_ending_before_it_starts_is_refused_and_nothing_saved(admin):
    page = admin.open("attendance_settings")
    service = page.service
    before = toml_text(service)
    assert [page.shift_list.item(r, 0).text() for r in range(page.shift_list.rowCount())] == ["day"]  # built in
    dialog = page.open_shift_dialog()
    dialog.name.setText("evening")
    dialog.start.setTime(dialog.start.time().fromString("18:00", "HH:mm"))
    dialog.end.setTime(dialog.end.time().fromString("10:00", "HH:mm"))
    dialog.accept()
    assert "evening" in page.shifts
    assert not page.save()
    assert page.message.objectName() == "error"
    assert "evening" in page.message.text() and "before start" in page.message.text()
    assert toml_text(service) == before
    assert "evening" not in service.timesheet.attendance_settings()["shifts"]

    # Overnight, the same hours are a night shift: saved.
    dialog = page.open_shift_dialog("evening")
    dialog.overnight.setChecked(True)
    dialog.accept()
    assert page.save(), page.message.text()
    assert load_settings(service.settings.data_dir).shifts["evening"]["overnight"] is True


def test_an_unknown_time_zone_is_refused(admin):
    page = admin.open("attendance_settings")
    service = page.service
    before = toml_text(service)
    page.zone.setEditText("Mars/Olympus_Mons")
    assert not page.save()
    assert "Mars/Olympus_Mons" in page.message.text() and page.message.objectName() == "error"
    assert toml_text(service) == before and service.timesheet.attendance_settings()["time_zone"] == "Europe/London"


def test_a_valid_change_is_saved_into_kiosk_toml(admin):
    page = admin.open("attendance_settings")
    service = page.service
    assert page.zone.currentText() == "Europe/London"
    assert not page.general.isRowVisible(page.out_after) and not page.general.isRowVisible(page.choice_seconds)
    page.zone.setCurrentIndex(page.zone.findData("Asia/Tokyo"))
    page.mode.setCurrentIndex(page.mode.findData("window"))
    assert page.general.isRowVisible(page.out_after) and not page.general.isRowVisible(page.choice_seconds)
    page.out_after.setTime(page.out_after.time().fromString("13:30", "HH:mm"))
    page.mode.setCurrentIndex(page.mode.findData("choose"))
    assert page.general.isRowVisible(page.choice_seconds) and not page.general.isRowVisible(page.out_after)
    page.choice_seconds.setValue(8)
    page.cooldown.setValue(120)
    page.auto_close.setChecked(True)
    assert page.checkouts.isRowVisible(page.auto_close_minutes)
    page.auto_close_minutes.setValue(45)
    page.max_session.setValue(14)
    dialog = page.open_shift_dialog("day")  # the built-in shift, edited: it is written out
    dialog.late_grace.setValue(5)
    dialog.days_off["sat"].setChecked(False)
    dialog.accept()
    dialog = page.open_shift_dialog()
    dialog.name.setText("day")
    dialog.accept()
    assert dialog.isVisible() and "already a shift" in dialog.message.text()  # a name in use: stays open
    dialog.name.setText("night")
    dialog.start.setTime(dialog.start.time().fromString("22:00", "HH:mm"))
    dialog.end.setTime(dialog.end.time().fromString("06:00", "HH:mm"))
    dialog.overnight.setChecked(True)
    dialog.hours.setCurrentIndex(dialog.hours.findData("pairs"))
    dialog.accept()
    page.department.setEditText("Warehouse")
    page.department_shift.setCurrentText("night")
    page.set_department()
    page.default_shift.setCurrentText("day")
    page.holiday_date.setDate(page.holiday_date.date().fromString("2026-12-25", "yyyy-MM-dd"))
    page.holiday_name.setText("Christmas Day")
    page.add_holiday()
    page.holiday_date.setDate(page.holiday_date.date().fromString("2026-12-26", "yyyy-MM-dd"))
    page.add_holiday()
    page.select(page.holiday_list, "2026-12-26")
    page.remove_holiday(page.selected(page.holiday_list))
    assert page.save(), page.message.text()
    assert page.message.objectName() == "ok" and "Saved" in page.message.text()

    with open(service.settings.settings_path, "rb") as fh:
        stored = tomllib.load(fh)
    assert stored["time_zone"] == "Asia/Tokyo" and stored["punch_mode"] == "choose"
    assert stored["punch_out_after"] == "13:30" and stored["punch_choice_seconds"] == 8
    assert stored["cooldown_seconds"] == 120 and stored["auto_close_out"] is True
    assert stored["auto_close_after_minutes"] == 45 and stored["max_session_hours"] == 14
    assert stored["shifts"]["day"]["late_grace_minutes"] == 5 and stored["shifts"]["day"]["days_off"] == ["sun"]
    assert stored["shifts"]["night"]["overnight"] is True and stored["shifts"]["night"]["hours"] == "pairs"
    assert stored["department_shifts"] == {"Warehouse": "night"}
    assert [holiday if isinstance(holiday, str) else holiday["date"] for holiday in stored["holidays"]] == \
        ["2026-12-25"]
    assert service.timesheet.policy.zone.key == "Asia/Tokyo"  # followed at once
    assert service.db.cooldown_seconds == 120

    # Shown again as saved; saving again without a change writes nothing.
    page.refresh()
    assert page.zone.currentText() == "Asia/Tokyo" and page.mode.currentData() == "choose"
    assert sorted(page.shifts) == ["day", "night"]
    text = toml_text(service)
    assert page.save() and "Nothing to save" in page.message.text() and toml_text(service) == text

    # Removing the shift a department works is refused by the service, said, and not saved.
    page.select(page.shift_list, "night")
    page.remove_shift(page.selected(page.shift_list))
    assert not page.save() and "night" in page.message.text() and toml_text(service) == text


def test_only_the_administrator_opens_the_settings(admin):
    admin.set_role("hr")
    assert admin.nav_buttons["attendance_settings"].isHidden()
    with pytest.raises(PermissionError):
        admin.open("attendance_settings")
    admin.set_role("admin")
    assert not admin.nav_buttons["attendance_settings"].isHidden()
    admin.open("attendance_settings")
    admin.set_role("hr")  # HR signs in on a screen left on the settings: moved back to Employees
    assert admin.pages.currentWidget() is admin.employees
