"""The HR area: a sidebar of workflows (employees, today's board, attendance, the monthly sheet,
statistics, expert recognition), each one page, reached with the HR or the admin PIN; the
administrator also sees the audit trail, security (PINs, encryption, retention) and the attendance
settings (shifts, punch mode, time zone, holidays) and, in kiosk mode, can leave it. Both see
Accessibility (high contrast, text size, sound volume) and Help (the common tasks, kiosk.ui.pages.help).

The sidebar gives way on a small screen: below SIDEBAR_MIN_WIDTH it becomes a rail of icons with
short names under them, and on a portrait screen a bar across the top."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.engine_text import refusal_text
from kiosk.ui.pages.accessibility import AccessibilityPage
from kiosk.ui.pages.attendance import AttendancePage
from kiosk.ui.pages.attendance_settings import AttendanceSettingsPage
from kiosk.ui.pages.audit import AuditPage
from kiosk.ui.pages.employees import EmployeesPage
from kiosk.ui.pages.expert import ExpertPage
from kiosk.ui.pages.help import HelpPage
from kiosk.ui.pages.monthly import MonthlyPage
from kiosk.ui.pages.security import SecurityPage
from kiosk.ui.pages.stats import StatsPage
from kiosk.ui.pages.today import TodayPage
from kiosk.ui.pin import PinGuard
from kiosk.ui.screen_fit import scrolling

ADMIN_ONLY = ("audit", "security", "attendance_settings")
SIDEBAR_WIDTH = 310
SIDEBAR_MIN_WIDTH = 1100  # the HR area's width from which the sidebar has room
SIDEBAR, RAIL, TOP_BAR = "sidebar", "rail", "top"
# (key, name, short name for the rail and the top bar, icon)
PAGES = (
    ("employees", QT_TRANSLATE_NOOP("AdminPage", "Employees"), QT_TRANSLATE_NOOP("AdminPage", "Employees"), "users"),
    ("today", QT_TRANSLATE_NOOP("AdminPage", "Today"), QT_TRANSLATE_NOOP("AdminPage", "Today"), "check"),
    (
        "attendance",
        QT_TRANSLATE_NOOP("AdminPage", "Attendance"),
        QT_TRANSLATE_NOOP("AdminPage", "Attendance"),
        "calendar",
    ),
    ("monthly", QT_TRANSLATE_NOOP("AdminPage", "Monthly sheet"), QT_TRANSLATE_NOOP("AdminPage", "Monthly"), "calendar"),
    ("stats", QT_TRANSLATE_NOOP("AdminPage", "Statistics"), QT_TRANSLATE_NOOP("AdminPage", "Statistics"), "chart"),
    (
        "expert",
        QT_TRANSLATE_NOOP("AdminPage", "Expert recognition"),
        QT_TRANSLATE_NOOP("AdminPage", "Expert"),
        "search",
    ),
    ("audit", QT_TRANSLATE_NOOP("AdminPage", "Audit trail"), QT_TRANSLATE_NOOP("AdminPage", "Audit"), "audit"),
    ("security", QT_TRANSLATE_NOOP("AdminPage", "Security"), QT_TRANSLATE_NOOP("AdminPage", "Security"), "lock"),
    (
        "attendance_settings",
        QT_TRANSLATE_NOOP("AdminPage", "Shift settings"),
        QT_TRANSLATE_NOOP("AdminPage", "Shifts"),
        "kiosk",
    ),
    (
        "accessibility",
        QT_TRANSLATE_NOOP("AdminPage", "Accessibility"),
        QT_TRANSLATE_NOOP("AdminPage", "Access"),
        "accessibility",
    ),
    ("help", QT_TRANSLATE_NOOP("AdminPage", "Help"), QT_TRANSLATE_NOOP("AdminPage", "Help"), "help"),
)
EXIT_TEXT = (QT_TRANSLATE_NOOP("AdminPage", "Leave kiosk mode"), QT_TRANSLATE_NOOP("AdminPage", "Leave"))


def nav_mode(width: int, height: int) -> str:
    """Sidebar, rail or top bar for an HR area of this size."""
    if width >= SIDEBAR_MIN_WIDTH:
        return SIDEBAR
    return TOP_BAR if height > width else RAIL


class AdminPage(QWidget):
    back_requested = Signal()
    gallery_changed = Signal()
    exit_requested = Signal()

    def __init__(self, service, hub, window=None, parent: QWidget | None = None, guard=None,
                 back_text: str = QT_TRANSLATE_NOOP("AdminPage", "Back to kiosk")):
        super().__init__(parent)

        self.service = service
        self.hub = hub
        self.employees = EmployeesPage(service, hub)
        self.attendance = AttendancePage(service)
        self.today = TodayPage(service)
        self.monthly = MonthlyPage(service)
        self.attendance_settings = AttendanceSettingsPage(service)
        self.stats = StatsPage(service)
        self.expert = ExpertPage(service)
        self.audit = AuditPage(service)
        self.security = SecurityPage(service, guard or PinGuard(service.settings))
        self.accessibility = AccessibilityPage(service)
        self.help = HelpPage(service)
        self.role = "admin"
        self.employees.gallery_changed.connect(self.gallery_changed)
        self.pages = QStackedWidget()
        self.sidebar = QFrame(objectName="sidebar")
        self.side = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.sidebar)
        self.side_title = QLabel(self.tr("HR"), objectName="sidebarTitle")
        self.side.addWidget(self.side_title)
        self.nav = QButtonGroup(self)
        self.nav_buttons: dict[str, QToolButton] = {}
        self.nav_box = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.nav_box.setSpacing(8)
        for key, label, _, icon in PAGES:
            button = QToolButton(objectName="navButton", checkable=True, text=self.tr(label))
            button.setIcon(theme.icon(icon))
            button.setIconSize(QSize(26, 26))
            button.setToolTip(self.tr(label))
            button.clicked.connect(lambda _=False, k=key: self.open(k))
            self.nav.addButton(button)
            self.nav_buttons[key] = button
            self.pages.addWidget(self.page(key))
            self.nav_box.addWidget(button)
        self.nav_box.addStretch(1)
        # Nine pages do not fit down an 800-pixel screen nor across a portrait one at touch size:
        # the list scrolls (down the sidebar and the rail, sideways in the top bar).
        self.nav_list = QWidget(objectName="navList")
        self.nav_list.setLayout(self.nav_box)
        self.nav_box.setContentsMargins(0, 0, 0, 0)
        self.nav_scroll = scrolling(self.nav_list)
        self.nav_scroll.setObjectName("navScroll")
        self.nav_scroll.viewport().setAutoFillBackground(False)
        self.side.addWidget(self.nav_scroll, 1)
        self.actions_box = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.actions_box.setSpacing(8)
        self.exit_button = QPushButton(self.tr(EXIT_TEXT[0]))
        self.exit_button.clicked.connect(self.exit_requested)
        self.actions_box.addWidget(self.exit_button)
        back = QPushButton(self.tr(back_text), objectName="primary")  # the HR desk's: "Sign out"
        back.setIcon(theme.icon("back"))
        back.clicked.connect(self.back_requested)
        self.actions_box.addWidget(back)
        self.back_button = back
        for button in (self.exit_button, back):  # as tall as the nav buttons beside them in the top bar
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self._back_texts = (self.tr(back_text), self.tr("Back") if back_text == "Back to kiosk" else self.tr(back_text))
        self.side.addLayout(self.actions_box)
        self.layout_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout = self.layout_box
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        # A database that cannot be used (damaged, a folder in its place, full disk) is said here,
        # naming the file and what to do, instead of the page failing (kiosk.attendance.errors).
        self.problem = QLabel("", objectName="error", wordWrap=True)
        self.problem.hide()
        # A broken audit chain (kiosk.app.audit_watch) is said over every page until it is dealt with.
        self.audit_banner = QLabel("", objectName="error", wordWrap=True)
        self.audit_banner.hide()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.audit_banner)
        right.addWidget(self.problem)
        right.addWidget(self.pages, 1)
        layout.addLayout(right, 1)
        self.mode = ""
        self.set_nav_mode(SIDEBAR)
        self.open("employees")

    # -- the sidebar, rail or top bar ------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self.set_nav_mode(nav_mode(self.width(), self.height()))
        self.fit_nav()  # the buttons' sizes follow the style sheet, applied once the page is shown

    def set_nav_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        compact = mode != SIDEBAR
        across = mode == TOP_BAR
        self.layout_box.setDirection(QBoxLayout.Direction.TopToBottom if across else QBoxLayout.Direction.LeftToRight)
        self.side.setDirection(QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.TopToBottom)
        self.nav_box.setDirection(QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.TopToBottom)
        self.actions_box.setDirection(self.nav_box.direction())
        self.side_title.setVisible(not compact)
        if mode == SIDEBAR:
            self.side.setContentsMargins(16, 24, 16, 20)
        else:
            self.side.setContentsMargins(6, 8, 6, 8)
        self.side.setSpacing(8 if mode == SIDEBAR else 4)
        style = Qt.ToolButtonStyle.ToolButtonTextUnderIcon if compact else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        for key, label, short, _ in PAGES:
            button = self.nav_buttons[key]
            button.setText(self.tr(short) if compact else self.tr(label))
            button.setToolButtonStyle(style)
            theme.restyle(button, compact=compact)
        self.exit_button.setText(self.tr(EXIT_TEXT[1]) if compact else self.tr(EXIT_TEXT[0]))
        self.back_button.setText(self._back_texts[1] if compact else self._back_texts[0])
        for button, tip in ((self.exit_button, self.tr(EXIT_TEXT[0])), (self.back_button, self._back_texts[0])):
            button.setToolTip(tip)
            theme.restyle(button, compact=compact)
        theme.restyle(self.sidebar, across=across)
        wide = QSizePolicy.Policy.Preferred if across else QSizePolicy.Policy.Expanding  # full rows down the side
        for button in self.nav_buttons.values():
            button.setSizePolicy(wide, QSizePolicy.Policy.Fixed)
        self.fit_nav()

    def fit_nav(self) -> None:
        """The scrolling nav list as wide (down the side) or as tall (across the top) as its
        buttons and a scroll bar; the sidebar at least SIDEBAR_WIDTH."""
        self.nav_box.activate()
        need = self.nav_list.sizeHint()  # every button its whole text: never squeezed, scrolled instead
        self.nav_list.setMinimumSize(need)
        scroll = self.nav_scroll
        if self.mode == TOP_BAR:
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setMinimumWidth(0)
            scroll.setMaximumWidth(16777215)
            scroll.setFixedHeight(need.height() + scroll.horizontalScrollBar().sizeHint().height())
            self.sidebar.setMinimumWidth(0)
            self.sidebar.setMaximumWidth(16777215)
            return
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setMinimumHeight(0)
        scroll.setMaximumHeight(16777215)
        overflows = need.height() > scroll.viewport().height() > 0  # a scroll bar beside the buttons
        width = need.width() + (scroll.verticalScrollBar().sizeHint().width() if overflows else 0)
        scroll.setMinimumWidth(width)
        scroll.setMaximumWidth(16777215 if self.mode == SIDEBAR else width)  # a rail only as wide as its buttons
        if self.mode == SIDEBAR:
            margins = self.side.contentsMargins()
            self.sidebar.setFixedWidth(max(SIDEBAR_WIDTH, scroll.minimumWidth() + margins.left() + margins.right()))
        else:
            self.sidebar.setMinimumWidth(0)
            self.sidebar.setMaximumWidth(16777215)

    def page(self, key: str) -> QWidget:
        return {"employees": self.employees, "attendance": self.attendance, "stats": self.stats,
                "expert": self.expert, "audit": self.audit, "security": self.security, "today": self.today,
                "monthly": self.monthly, "attendance_settings": self.attendance_settings,
                "accessibility": self.accessibility, "help": self.help}[key]

    def set_role(self, role: str, kiosk_mode: bool = False) -> None:
        """HR sees its workflows; the administrator also the audit trail, security and the way out."""
        self.role = role
        for key in ADMIN_ONLY:
            self.nav_buttons[key].setVisible(role == "admin")
        self.exit_button.setVisible(role == "admin" and kiosk_mode)
        self.fit_nav()  # as many buttons as the role sees
        if role != "admin" and self.pages.currentWidget() in [self.page(k) for k in ADMIN_ONLY]:
            self.open("employees")

    def open(self, key: str) -> QWidget:
        if key in ADMIN_ONLY and self.role != "admin":
            raise PermissionError(f"the {key} page needs the admin PIN")
        page = self.page(key)
        self.nav_buttons[key].setChecked(True)
        self.pages.setCurrentWidget(page)
        self._refresh(page)
        return page

    def refresh(self) -> None:
        self._refresh(self.pages.currentWidget())

    def show_audit_warning(self) -> str | None:
        """The banner while the audit chain is broken (the last check's; walked now if never)."""
        warning = self.service.audit_warning()
        self.audit_banner.setText(warning or "")
        self.audit_banner.setVisible(bool(warning))
        return warning

    def _refresh(self, page: QWidget) -> None:
        self.show_audit_warning()
        try:
            page.refresh()
        except (sqlite3.Error, OSError) as exc:
            self.problem.setText(refusal_text(self.service.explain(exc)))
            self.problem.show()
        else:
            self.problem.hide()

    def busy(self) -> bool:
        return self.employees.busy()
