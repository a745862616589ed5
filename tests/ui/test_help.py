"""Help (issue 26) on real windows: the entrance's Help key opens the help view by a tap and by the
keyboard, the view names this kiosk, closes with Esc and by itself when left alone; the HR area's
Help page is reached with the keyboard alone; both are in French and in Arabic (right to left,
the distances in Arabic-Indic digits)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.ui import accessibility, i18n
from kiosk.ui.dialogs.entrance_help import EntranceHelp
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.help import HelpPage

KIOSK = "door-east-2"


def focused(window):
    return QApplication.focusWidget() if QApplication.activeWindow() is window else None


def tab_to(window, target, limit: int = 80) -> None:
    """Tab, as a person would, until `target` has the keyboard focus."""
    for _ in range(limit):
        if focused(window) is target:
            return
        QTest.keyClick(focused(window) or window, Qt.Key.Key_Tab)
    raise AssertionError(f"{accessibility.describe(target)} is not reachable with Tab")


@pytest.fixture
def entrance(qtbot, make_service):
    window = MainWindow(make_service(kiosk_id=KIOSK), "no-such-camera.avi", backoff=(5.0,))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    if window.live.help_dialog is not None:
        window.live.help_dialog.reject()
    window.exit_allowed = True
    window.close()


def opened_help(qtbot, live) -> EntranceHelp:
    qtbot.waitUntil(lambda: live.help_dialog is not None and live.help_dialog.isVisible())
    return live.help_dialog


def test_a_tap_on_help_opens_the_help_naming_this_kiosk_and_esc_closes_it(qtbot, entrance):
    live = entrance.live
    button = live.help_button
    assert button.isVisible() and accessibility.accessible_name(button) == "Help"
    assert accessibility.accessible_description(button)
    assert button.width() >= live.language_button.minimumWidth()  # the same 9 mm touch target
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    view = opened_help(qtbot, live)
    text = view.text()
    assert f"“{KIOSK}”" in text  # whom to ask: HR, naming this kiosk
    for words in ("0.5 to 1.5 m", "mask", "Please look at the camera", "Unknown", "Blink",
                  "Check in with my worker ID", "PIN", "encrypted"):
        assert words in text, words
    assert view.height() >= view.screen().availableGeometry().height() - 2  # the whole screen's height
    assert view.close_button.height() >= live.language_button.minimumHeight()  # a finger-sized Close
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    QTest.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert entrance.stack.currentWidget() is live and entrance.isVisible()


def test_the_keyboard_opens_the_help_with_tab_and_space_or_f1_and_close_closes_it(qtbot, entrance):
    live = entrance.live
    tab_to(entrance, live.help_button)
    QTest.keyClick(live.help_button, Qt.Key.Key_Space)
    view = opened_help(qtbot, live)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    assert QApplication.focusWidget() is view.close_button  # Space again closes it
    QTest.keyClick(view.close_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not view.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is entrance)
    QTest.keyClick(entrance, Qt.Key.Key_F1)
    second = opened_help(qtbot, live)
    assert second is not view


def test_the_help_closes_by_itself_when_left_alone_but_not_while_read(qtbot, entrance):
    live = entrance.live
    QTest.mouseClick(live.help_button, Qt.MouseButton.LeftButton)
    view = opened_help(qtbot, live)
    view.idle.setInterval(1500)
    view.idle.start()
    QTest.qWait(900)
    QTest.keyClick(view.scroll, Qt.Key.Key_Down)  # reading: scrolling with a key keeps it open
    QTest.qWait(900)
    assert view.isVisible()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5000)


def test_the_hr_help_page_is_reached_with_the_keyboard(qtbot, make_service):
    from kiosk.ui.hr_window import HrWindow
    from kiosk.ui.pin import PinGuard

    service = make_service()
    guard = PinGuard(service.settings)
    guard.set_pin("2580")
    window = HrWindow(service, pin_guard=guard)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_admin("hr")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    admin = window.admin
    tab_to(window, admin.nav_buttons["employees"])
    for _ in range(len(admin.nav_buttons)):
        if focused(window) is admin.nav_buttons["help"]:
            break
        QTest.keyClick(focused(window), Qt.Key.Key_Down)  # the arrows go from page to page
    assert focused(window) is admin.nav_buttons["help"]
    assert admin.pages.currentWidget() is admin.help
    text = admin.help.text()
    for words in ("Enroll new", "Add missing punch…", "Export month…", "recovery code", "Accessibility",
                  "kiosk doctor", "docs/install.md", "docs/attendance.md", "docs/privacy.md"):
        assert words in text, words
    window.sign_out()
    window.close()


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_help_is_translated_and_arabic_reads_right_to_left(qtbot, code):
    app = QCoreApplication.instance()
    try:
        i18n.install(app, code)
        view = EntranceHelp(KIOSK)
        page = HelpPage()
        qtbot.addWidget(view)
        qtbot.addWidget(page)
        english = [QCoreApplication.translate("EntranceHelp", "Help"), view.windowTitle()]
        assert english[1] == {"fr": "Aide", "ar": "مساعدة"}[code]
        for text in (view.text(), page.text()):
            assert "Please" not in text and "Stand" not in text and "Enrol a person" not in text
        assert f"«{KIOSK}»" in view.text() or f"« {KIOSK} »" in view.text()
        assert {"fr": "0,5", "ar": "٠٫٥"}[code] in view.text()  # the distance in the language's digits
        assert "docs/privacy.md" in page.text()
        assert view.isRightToLeft() == (code == "ar") and page.isRightToLeft() == (code == "ar")
        if code == "ar":
            from kiosk.ui.dialogs.entrance_help import help_button

            button = help_button()
            qtbot.addWidget(button)
            assert button.text() == "مساعدة" and accessibility.accessible_name(button) == "مساعدة"
    finally:
        i18n.install(app, "en")
