"""The HR area: a sidebar of workflows (employees, attendance, statistics, expert recognition),
each one page, reached with the HR or the admin PIN; the administrator also sees the audit trail
and security (PINs, encryption, retention) and, in kiosk mode, can leave it."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from kiosk.ui import theme


ADMIN_ONLY = ("audit", "security")


class AdminPage(QWidget):
    back_requested = Signal()
    gallery_changed = Signal()
    exit_requested = Signal()

    def __init__(self, service, hub, window=None, parent: QWidget | None = None, guard=None,
                 back_text: str = "Back to kiosk"):
        super().__init__(parent)
        from kiosk.ui.pages.attendance import AttendancePage
        from kiosk.ui.pages.audit import AuditPage
        from kiosk.ui.pages.employees import EmployeesPage
        from kiosk.ui.pages.expert import ExpertPage
        from kiosk.ui.pages.security import SecurityPage
        from kiosk.ui.pages.stats import StatsPage
        from kiosk.ui.pin import PinGuard

        self.service = service
        self.hub = hub
        self.employees = EmployeesPage(service, hub)
        self.attendance = AttendancePage(service)
        self.stats = StatsPage(service)
        self.expert = ExpertPage(service)
        self.audit = AuditPage(service)
        self.security = SecurityPage(service, guard or PinGuard(service.settings))
        self.role = "admin"
        self.employees.gallery_changed.connect(self.gallery_changed)
        self.pages = QStackedWidget()
        sidebar = QFrame(objectName="sidebar")
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(16, 24, 16, 20)
        side.setSpacing(8)
        side.addWidget(QLabel("HR", objectName="sidebarTitle"))
        self.nav = QButtonGroup(self)
        self.nav_buttons: dict[str, QPushButton] = {}
        for key, label, icon, page in (("employees", "Employees", "users", self.employees),
                                       ("attendance", "Attendance", "calendar", self.attendance),
                                       ("stats", "Statistics", "chart", self.stats),
                                       ("expert", "Expert recognition", "search", self.expert),
                                       ("audit", "Audit trail", "audit", self.audit),
                                       ("security", "Security", "lock", self.security)):
            button = QPushButton(label, objectName="navButton", checkable=True)
            button.setIcon(theme.icon(icon))
            button.setIconSize(QSize(26, 26))
            button.setMinimumHeight(60)
            button.clicked.connect(lambda _=False, k=key: self.open(k))
            self.nav.addButton(button)
            self.nav_buttons[key] = button
            self.pages.addWidget(page)
            side.addWidget(button)
        side.addStretch(1)
        self.exit_button = QPushButton("Leave kiosk mode")
        self.exit_button.setMinimumHeight(56)
        self.exit_button.clicked.connect(self.exit_requested)
        side.addWidget(self.exit_button)
        back = QPushButton(back_text, objectName="primary")  # the HR desk's: "Sign out"
        back.setIcon(theme.icon("back"))
        back.setMinimumHeight(64)
        back.clicked.connect(self.back_requested)
        side.addWidget(back)
        self.back_button = back
        sidebar.setFixedWidth(310)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        # A database that cannot be used (damaged, a folder in its place, full disk) is said here,
        # naming the file and what to do, instead of the page failing (kiosk.attendance.errors).
        self.problem = QLabel("", objectName="error", wordWrap=True)
        self.problem.hide()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.problem)
        right.addWidget(self.pages, 1)
        layout.addLayout(right, 1)
        self.open("employees")

    def page(self, key: str) -> QWidget:
        return {"employees": self.employees, "attendance": self.attendance, "stats": self.stats,
                "expert": self.expert, "audit": self.audit, "security": self.security}[key]

    def set_role(self, role: str, kiosk_mode: bool = False) -> None:
        """HR sees its workflows; the administrator also the audit trail, security and the way out."""
        self.role = role
        for key in ADMIN_ONLY:
            self.nav_buttons[key].setVisible(role == "admin")
        self.exit_button.setVisible(role == "admin" and kiosk_mode)
        if role != "admin" and self.pages.currentWidget() in (self.audit, self.security):
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

    def _refresh(self, page: QWidget) -> None:
        from kiosk.attendance.errors import explain

        try:
            page.refresh()
        except (sqlite3.Error, OSError) as exc:
            self.problem.setText(explain(exc, self.service.settings.db_path))
            self.problem.show()
        else:
            self.problem.hide()

    def busy(self) -> bool:
        return self.employees.busy()
