"""The entrance's punches on real widgets and a real database (issue 23): the banner says what was
recorded (in, out, a clock set back), "choose" mode's IN / OUT / Break keys change the stored
direction and vanish, and "My hours" shows a person their week after their own PIN."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from kiosk.security.pins import MAX_TRIES
from kiosk.ui import theme
from kiosk.ui.pages.live import LivePage
from tests.ui.conftest import PERSON

UID, NAME, PIN = PERSON["user_id"], PERSON["name"], "2580"


@pytest.fixture
def make_page(qtbot, make_service, enrolled_gallery):
    def make(**settings) -> LivePage:
        service = make_service(enrolled=True, gallery=enrolled_gallery, **settings)
        service.set_pin(UID, PIN)
        page = LivePage(service)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def punch(service, when: datetime | None = None):
    """A recognised punch, as the live recogniser records it (when None: now, by the clock)."""
    return service.db.record_recognition(UID, NAME, 0.91, now=when)


def stored(service, punch_id: int) -> dict:
    today = date.today()
    rows = service.timesheet.punches(today - timedelta(days=1), today, UID, include_voided=True)
    return next(r for r in rows if r["id"] == punch_id)


def test_banner_says_checked_in_then_checked_out_with_the_hours(make_page):
    page = make_page()
    service = page.service
    start = datetime.combine(date.today(), time(8, 0))  # a fixed hour: the day never splits at midnight
    arrival = punch(service, start)
    page.show_checkin(arrival)
    assert arrival.direction == "in" and page.banner.isVisible()
    assert "checked in" in page.banner.title.text().lower() and f"{start:%H:%M}" in page.banner.title.text()
    assert (page.banner.title.text(), page.banner.detail.text()) == service.timesheet.punch_message(arrival)
    assert page.banner.property("kind") == "welcome" and not page.punch_choice.isVisible()  # auto mode: no keys

    leaving = punch(service, start + timedelta(hours=2))
    page.show_checkin(leaving)
    assert leaving.direction == "out"
    assert "checked out" in page.banner.title.text().lower() and NAME in page.banner.title.text()
    assert "2 h" in page.banner.detail.text()  # the hours of the day so far
    assert page.metrics["checkins"] == 2


def test_a_clock_set_back_is_a_clear_notice(make_page):
    page = make_page()
    punch(page.service, datetime.now() + timedelta(hours=1))  # this kiosk's latest punch is "ahead"
    back = punch(page.service)
    assert back.outcome == "clock_back" and not back.recorded
    page.show_checkin(back)
    assert page.banner.isVisible() and page.banner.property("kind") == "warning"
    assert (page.banner.title.text(), page.banner.detail.text()) == page.service.timesheet.punch_message(back)
    assert not page.punch_choice.isVisible()


def test_choose_mode_keys_change_the_stored_direction_and_vanish(qtbot, make_page):
    page = make_page(punch_mode="choose", punch_choice_seconds=3)
    service = page.service
    assert service.timesheet.mode == "choose"
    checkin = punch(service)
    page.show_checkin(checkin)
    keys = page.punch_choice.buttons
    assert page.punch_choice.isVisible() and keys[checkin.direction].isChecked()  # the recorded one preselected
    assert min(b.height() for b in keys.values()) >= theme.touch_px()  # 9 mm (audited at every size too)
    qtbot.mouseClick(keys["out"], Qt.MouseButton.LeftButton)
    row = stored(service, checkin.punch_id)
    assert (row["direction"], row["direction_source"]) == ("out", "chosen")
    assert keys["out"].isChecked() and "checked out" in page.banner.title.text().lower()
    # The keyboard works too: B = break.
    page.window().activateWindow()
    qtbot.waitUntil(lambda: page.window().isActiveWindow(), timeout=3000)
    qtbot.keyClick(page, Qt.Key.Key_B)
    assert stored(service, checkin.punch_id)["direction"] == "break_out" and keys["break_out"].isChecked()
    # The seconds run out: the keys vanish, a late key press changes nothing.
    qtbot.waitUntil(lambda: not page.punch_choice.isVisible(), timeout=5000)
    qtbot.keyClick(page, Qt.Key.Key_I)
    page.choose_direction("in")
    assert stored(service, checkin.punch_id)["direction"] == "break_out"


def test_choose_keys_go_with_the_next_person(qtbot, make_page):
    page = make_page(punch_mode="choose", punch_choice_seconds=30)
    checkin = punch(page.service)
    page.show_checkin(checkin)
    assert page.punch_choice.isVisible()
    again = punch(page.service)  # within the duplicate window: the next banner, no punch
    assert again.outcome == "cooldown"
    page.show_checkin(again)
    assert not page.punch_choice.isVisible() and page.banner.property("kind") == "cooldown"
    page.choose_direction("out")
    assert stored(page.service, checkin.punch_id)["direction"] == checkin.direction


def open_my_hours(qtbot, page):
    assert page.hours_button.isVisible()
    qtbot.mouseClick(page.hours_button, Qt.MouseButton.LeftButton)
    keypad = page.hours_dialog
    assert keypad.isVisible() and keypad.id_pad.isVisible()
    keypad.id_pad.type_pin(UID)
    assert keypad.pin_pad.isVisible()
    return keypad


def test_my_hours_shows_the_week_after_the_right_pin_and_closes_itself(qtbot, make_page):
    page = make_page()
    start = datetime.combine(date.today(), time(8, 0))  # today whatever the hour the test runs at
    punch(page.service, start)
    punch(page.service, start + timedelta(hours=2, minutes=30))
    keypad = open_my_hours(qtbot, page)
    keypad.pin_pad.type_pin("1357")  # wrong: said, still on the PIN
    assert keypad.isVisible() and keypad.pin_pad.isVisible() and keypad.message.text()
    assert page.week_dialog is None
    keypad.pin_pad.type_pin(PIN)
    assert not keypad.isVisible()
    week = page.week_dialog
    assert week is not None and week.isVisible()
    expected = page.service.timesheet.my_week(UID, PIN)
    assert week.table.rowCount() == len(expected.days) >= 1  # Monday up to today
    days = [week.table.item(r, 0).text() for r in range(week.table.rowCount())]
    today = days.index(f"{start:%a %d %b}")
    assert week.table.item(today, 1).text() == f"{start:%H:%M}"
    assert week.table.item(today, 3).text() == "2 h 30 min" and "2 h 30 min" in week.total.text()
    week.idle.setInterval(300)  # 20 s in service; the same timer, shortened for the test
    week.idle.start()
    qtbot.waitUntil(lambda: not week.isVisible(), timeout=3000)


def test_my_hours_locks_out_after_wrong_pins(qtbot, make_page):
    page = make_page()
    keypad = open_my_hours(qtbot, page)
    for _ in range(MAX_TRIES):
        keypad.pin_pad.type_pin("1357")
    assert keypad.isVisible() and keypad.id_pad.isVisible()  # locked: back to the worker ID
    assert "Too many wrong PINs" in keypad.message.text()
    keypad.id_pad.type_pin(UID)
    keypad.pin_pad.type_pin(PIN)  # even the right PIN, while locked
    assert keypad.isVisible() and page.week_dialog is None


def test_a_tap_the_service_refuses_is_said_and_changes_nothing(qtbot, make_page):
    page = make_page(punch_mode="choose", punch_choice_seconds=1)
    checkin = punch(page.service)
    page.show_checkin(checkin, choice_seconds=10)  # keys longer than the service allows a change
    qtbot.wait(2100)
    qtbot.mouseClick(page.punch_choice.buttons["out"], Qt.MouseButton.LeftButton)
    assert page.banner.detail.text().startswith("Not changed: ") and "too late" in page.banner.detail.text()
    assert not page.punch_choice.isVisible()
    assert stored(page.service, checkin.punch_id)["direction"] == checkin.direction
