"""The "Today" board on a real service: after real punches (record_recognition at the door, HR's
add_punch), each person is in the group the timesheet puts them in, with their times."""
from __future__ import annotations

from kiosk.ui.pages.admin import AdminPage
from kiosk.ui.pages.today import GROUPS
from tests.ui.timesheet_site import at, make_site, punch


def test_the_board_groups_people_after_real_punches(qtbot, make_service):
    service, db = make_site(make_service)
    punch(db, "A1", at(8, 55))                      # on time, still in
    punch(db, "B2", at(9, 25))                      # 25 minutes late, still in
    punch(db, "C3", at(7, 50))
    punch(db, "C3", at(10, 5))                      # in and out again: gone for the day
    # D4 has not come yet (the day shift runs until 17:00); E5's early shift ended at 09:00 unpunched
    service.timesheet.add_punch("F6", at(8, 30), "in", "forgot to punch, seen by the manager")
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    page = admin.page("today")
    page.now = lambda: at(10, 30)
    admin.open("today")
    assert admin.pages.currentWidget() is page
    assert set(page.people("inside")) == {"A1", "B2", "F6"}
    assert page.people("late") == ["B2"]
    assert page.people("left") == ["C3"]
    assert page.people("not_yet") == ["D4"]
    assert page.people("absent") == ["E5"]
    assert page.people("off") == ["G7"]
    board = service.timesheet.today(now=at(10, 30))
    for key, title in GROUPS:  # what the page shows is the service's board, group by group
        expected = [r.employee_id for r in getattr(board, key)]
        assert page.people(key) == expected
        assert page.counts[key].text() == str(len(expected))
        assert page.titles[key].text() == f"{title} ({len(expected)})"
        assert page.tables[key].rowCount() == len(expected)
        assert page.tables[key].isVisibleTo(page) == bool(expected)
        assert page.empty[key].isVisibleTo(page) == (not expected)
    late = page.tables["late"]
    assert [late.item(0, c).text() for c in (0, 1, 4, 6)] == ["Ben Okafor", "B2", "09:25", "25"]
    left = page.tables["left"]
    assert [left.item(0, c).text() for c in (0, 4, 5)] == ["Cy Young", "07:50", "10:05"]

    # A minute later Ada checks out: the next refresh (the page's timer calls tick) moves her.
    punch(db, "A1", at(10, 31))
    page.now = lambda: at(10, 32)
    page.tick()
    assert "A1" in page.people("left") and "A1" not in page.people("inside")
    assert page.timer.interval() == 60_000 and page.timer.isActive() == page.isVisible()


def test_the_board_is_near_the_top_of_the_sidebar_for_hr(qtbot, make_service):
    service, _ = make_site(make_service)
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    admin.set_role("hr")
    keys = [k for k, button in admin.nav_buttons.items() if not button.isHidden()]
    assert keys[:2] == ["employees", "today"] and "monthly" in keys and "attendance_settings" not in keys
