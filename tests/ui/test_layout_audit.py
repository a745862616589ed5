"""The layout audit (kiosk.ui.layout_audit) on small real windows built to break each rule once,
and the pieces that make the screens reflow (FlowLayout, the page tables, ElidedLabel): a rule
that never fires would let every layout test pass."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.layout_audit import audit
from kiosk.ui.pages.common import fill_table, make_table
from kiosk.ui.widgets.elided import ElidedLabel
from kiosk.ui.widgets.flow import FlowLayout

TOUCH = 48


def show(qtbot, window: QWidget, width: int, height: int) -> QWidget:
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    window.setGeometry(area.x() + 10, area.y() + 10, width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def rules(report) -> list[tuple[str, str]]:
    return [(p.rule, p.widget) for p in report.problems]


def big(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumSize(120, TOUCH)
    return button


def test_a_window_that_fits_has_no_problem(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(big("OK"))
    layout.addWidget(QLabel("A short line"))
    report = audit(show(qtbot, window, 300, 200), touch=TOUCH)
    assert report.ok, rules(report)
    assert report.controls == 1 and report.labels == 1


def test_off_screen_window_and_button(qtbot):
    window = QWidget()
    button = big("Far away")
    button.setParent(window)
    area = QGuiApplication.primaryScreen().availableGeometry()
    button.move(area.width() + 40, 10)
    report = audit(show(qtbot, window, area.width() + 300, 100), touch=TOUCH)
    found = rules(report)
    assert found[0][0] == "window"
    assert ("off-screen", 'QPushButton "Far away"') in found, found


def test_clipped_by_a_parent_but_reachable_by_scrolling(qtbot):
    window = QWidget()
    box = QFrame(window)  # a parent too small for its button: clipped, nothing scrolls it
    box.setGeometry(0, 0, 150, 30)
    big("Half shown").setParent(box)
    inner = QWidget()
    inner.setMinimumHeight(900)
    below = big("Below the fold")
    below.setParent(inner)
    below.move(10, 800)
    scroll = QScrollArea(window)
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setGeometry(0, 40, 280, 150)
    report = audit(show(qtbot, window, 300, 200), touch=TOUCH)
    found = rules(report)
    assert [r for r, w in found if "Half shown" in w] == ["clipped"], found
    assert not [w for _, w in found if "Below the fold" in w], found
    assert report.scrolled == 1
    assert scroll.verticalScrollBar().value() == 0  # put back after looking


def test_small_covered_and_cut(qtbot):
    window = QWidget()
    small = QPushButton("Tiny", window)
    small.setGeometry(10, 10, 60, 24)
    under = big("Under a card")
    under.setParent(window)
    under.move(10, 60)
    cover = QFrame(window)
    cover.setGeometry(0, 50, 200, 80)
    cover.raise_()
    label = QLabel("This sentence is much too long for its label", window)
    label.setGeometry(10, 140, 90, 30)
    tick = QCheckBox("Yes", window)  # a 13 px box and a short word: far below a finger
    tick.setStyleSheet("QCheckBox::indicator { width: 13px; height: 13px; }")
    tick.move(10, 175)
    found = rules(audit(show(qtbot, window, 300, 220), touch=TOUCH))
    assert ("small", 'QPushButton "Tiny"') in found, found
    assert ("covered", 'QPushButton "Under a card"') in found, found
    assert ("text-cut", 'QLabel "This sentence is much too long for its label"') in found, found
    assert ("small", 'QCheckBox "Yes"') in found, found


def test_wrapped_and_elided_labels(qtbot):
    window = QWidget()
    wrapped = QLabel("Words that wrap onto more lines than the label is tall", window, wordWrap=True)
    wrapped.setGeometry(10, 10, 120, 20)
    long_word = QLabel("Hohenzollern-Sigmaringen-Wittelsbach", window, wordWrap=True)
    long_word.setGeometry(10, 40, 60, 80)
    elided = ElidedLabel("A status line far longer than the room it has on the screen", window)
    elided.setGeometry(10, 130, 120, 30)
    found = rules(audit(show(qtbot, window, 300, 200), touch=TOUCH))
    assert [w for r, w in found if r == "text-cut"] == [
        'QLabel "Words that wrap onto more lines than the label is tall"',
        'QLabel "Hohenzollern-Sigmaringen-Wittelsbach"'], found
    assert elided.toolTip() == elided.text()  # cut with "…", whole in its tooltip


def test_table_cells_cut_need_a_tooltip(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    table = make_table(["Name", "Worker ID"])
    layout.addWidget(table)
    fill_table(table, [["Maximilian Alexander von Hohenzollern-Sigmaringen", "E2004"], ["Li Na", "E2005"]])
    show(qtbot, window, 320, 300)
    assert table.columnWidth(0) < table.sizeHintForColumn(0)  # cut to fit, not pushing the window wider
    assert audit(window, touch=TOUCH).ok
    table.item(0, 0).setToolTip("")
    assert [r for r, _ in rules(audit(window, touch=TOUCH))] == ["text-cut"]


@pytest.mark.parametrize("width, rows", [(700, 1), (330, 2), (150, 4)])
def test_flow_layout_wraps_by_width(qtbot, width, rows):
    window = QWidget()
    flow = FlowLayout(window, spacing=10)
    flow.setContentsMargins(0, 0, 0, 0)
    buttons = [big(f"Button {i}") for i in range(4)]
    for button in buttons:
        button.setFixedWidth(150)
        flow.addWidget(button)
    show(qtbot, window, width, 400)
    lines = sorted({b.y() for b in buttons})
    assert len(lines) == rows
    assert all(b.geometry().right() < width for b in buttons)
    assert flow.heightForWidth(width) == rows * TOUCH + (rows - 1) * 10
    assert flow.minimumSize().width() == 150  # narrower than its widest item: nothing can help


def test_uniform_flow_is_a_grid_of_equal_cards(qtbot):
    window = QWidget()
    flow = FlowLayout(window, spacing=16, uniform=True)
    flow.setContentsMargins(0, 0, 0, 0)
    cards = []
    for text in ("Enrolled", "Present today", "Not sure (asked again)", "Liveness check failed", "A", "B"):
        card = QLabel(text)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        cards.append(card)
        flow.addWidget(card)
    show(qtbot, window, 600, 300)
    widths = {c.width() for c in cards}
    assert len(widths) == 1 and widths.pop() >= max(c.sizeHint().width() for c in cards)
    assert len({c.y() for c in cards}) > 1  # six in a row do not fit 600 px: they wrap


def test_a_form_check_box_goes_under_its_label_rather_than_lose_its_text(qtbot):
    """QFormLayout keeps a row side by side until the label column and the field's minimum fill
    the width, without the spacing between them: a check box lost up to that spacing of its
    text (800x1280, 150% text). kiosk.ui.screen_fit.form wraps the row instead, at every width."""
    from PySide6.QtWidgets import QSpinBox

    from kiosk.ui.screen_fit import form

    window = QWidget()
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0)
    box = QCheckBox("Close them automatically")
    rows = form([("Forgotten check-outs", box), ("Flag sessions longer than this", QSpinBox())], spacing=14)
    rows.setContentsMargins(0, 0, 0, 0)
    outer.addLayout(rows)
    show(qtbot, window, 600, 300)
    label = rows.labelForField(box.parentWidget())
    widest = max(rows.itemAt(r, rows.ItemRole.LabelRole).widget().sizeHint().width() for r in range(2))
    side_by_side = widest + 14 + box.sizeHint().width()
    seen = set()
    for width in range(side_by_side - 20, side_by_side + 20):
        window.resize(width, 300)
        qtbot.wait(1)
        beside = box.mapTo(window, box.rect().topLeft()).y() < label.geometry().bottom()
        seen.add(beside)
        assert box.width() >= box.sizeHint().width(), f"cut at {width} px"
        assert beside == (width >= side_by_side), f"at {width} px"
        assert audit(window, touch=0).ok
    assert seen == {True, False}
    assert box.parentWidget().focusProxy() is box  # focus given to the row reaches the box


def test_a_date_range_wraps_between_its_dates_never_inside_one(qtbot):
    from datetime import date

    from kiosk.ui.widgets.pickers import date_edit, date_range

    window = QWidget()
    layout = QVBoxLayout(window)
    start, end = date_edit(date(2026, 12, 1)), date_edit(date(2026, 12, 7))
    layout.addWidget(date_range(start, end))
    layout.addStretch(1)
    piece = start.parentWidget().sizeHint().width()
    show(qtbot, window, 2 * piece + 80, 300)
    assert start.y() == end.y()  # one row where there is room
    window.resize(piece + 40, 300)
    qtbot.waitUntil(lambda: end.parentWidget().y() > start.parentWidget().y())
    for edit in (start, end):  # each date stays beside its word
        label = next(w for w in edit.parentWidget().findChildren(QLabel))
        assert abs(label.geometry().center().y() - edit.geometry().center().y()) <= 2
    assert window.minimumSizeHint().width() <= piece + 40


@pytest.mark.parametrize("align", [Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight], ids=["left", "right"])
def test_flow_layout_right_to_left_is_the_mirror_image(qtbot, align):
    """Arabic: a row starts at the right and its alignment is mirrored (as QBoxLayout does), so
    "From [date]" comes before "to [date]" in the reading order and a header's title leads."""
    placed = {}
    for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
        window = QWidget()
        window.setLayoutDirection(direction)
        flow = FlowLayout(window, spacing=10, align=align)
        flow.setContentsMargins(5, 0, 15, 0)
        buttons = [big(f"Button {i}") for i in range(3)]
        for button in buttons:
            button.setFixedWidth(150)
            flow.addWidget(button)
        show(qtbot, window, 420, 200)  # two on the first row, one on the second
        placed[direction] = [(b.x(), b.y()) for b in buttons]
    ltr, rtl = placed[Qt.LayoutDirection.LeftToRight], placed[Qt.LayoutDirection.RightToLeft]
    assert [y for _, y in ltr] == [y for _, y in rtl] and ltr[0][1] == ltr[1][1] < ltr[2][1]
    for (lx, _), (rx, _) in zip(ltr, rtl):  # each button's mirror image within the margins
        assert rx == 5 + (420 - 5 - 15) - (lx - 5) - 150
    assert rtl[0][0] > rtl[1][0]  # the first item on the right


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft],
                         ids=["left-to-right", "right-to-left"])
def test_a_sideways_list_shows_each_button_when_asked_and_when_tabbed_to(qtbot, direction):
    """The portrait top bar's pages scroll sideways. Right to left (Arabic), Qt's own
    ensureVisible left the buttons past the left edge hidden, to the audit and to the Tab key;
    kiosk.ui.screen_fit.show_within and the scrolling area's focus do not."""
    from PySide6.QtWidgets import QHBoxLayout

    from kiosk.ui.screen_fit import scrolling, show_within

    window = QWidget()
    window.setLayoutDirection(direction)
    content = QWidget()
    row = QHBoxLayout(content)
    buttons = [big(f"Page {i}") for i in range(10)]
    for button in buttons:
        row.addWidget(button)
    area = scrolling(content)
    QVBoxLayout(window).addWidget(area)
    show(qtbot, window, 400, 160)

    def in_view(button) -> bool:
        left = button.mapTo(area.viewport(), QPoint(0, 0)).x()
        return 0 <= left and left + button.width() <= area.viewport().width()

    assert not all(in_view(b) for b in buttons)
    for button in reversed(buttons):
        show_within(area, button)
        assert in_view(button), button.text()
    assert audit(window, touch=TOUCH).ok  # each reachable by scrolling
    window.activateWindow()  # the keyboard's window (the X server has no window manager to do it)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    show_within(area, buttons[0])
    buttons[0].setFocus()
    for button in buttons[1:]:  # Tab from page to page: the focused one always in view
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is button and in_view(button), button.text()
