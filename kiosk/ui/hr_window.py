"""The HR desk (`python main.py --hr`): the HR screens and the enrollment wizard on the kiosk's
own data, at a desk instead of at the door. No live page, no recognition thread and no camera
unless one is chosen (`--camera`, for the wizard's photos; files work without one). It goes
through KioskService only, so it works on whatever store the kiosks use (the data folder today,
the site database later), and what it enrolls the kiosks pick up by themselves."""
from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.app.types import PIN_CHANGE, ROLE_SYSTEM, SIGN_OUT, Actor
from kiosk.ui import theme
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.idle import IdleWatch
from kiosk.ui.pin import PinGuard, sign_in
from kiosk.ui.screen_fit import fit_window
from kiosk.ui.widgets.elided import ElidedLabel
from kiosk.ui.widgets.store_status import StoreStatusLabel

log = logging.getLogger(__name__)

HR_DESK = "HR desk"  # the audit trail's word for this window (the screen says it translated)
DESK_IDLE_MS = 10 * 60 * 1000  # an unattended desk signs out by itself
AUDIT_EVERY_MS = 24 * 3600 * 1000


class HrWindow(QMainWindow):
    def __init__(self, service, camera: str | None = None, *, pin_guard=None, idle_ms: int = DESK_IDLE_MS):
        super().__init__()

        self.setWindowTitle(self.tr("Kiosk - HR desk"))
        self.service = service
        service.actor = Actor(ROLE_SYSTEM, "hr-desk")  # until someone signs in with a PIN
        self.pin_guard = pin_guard or PinGuard(service.settings)
        if self.pin_guard.on_change is None:
            self.pin_guard.on_change = lambda role: service.audit_event(PIN_CHANGE, role=role)
        self.pin_guard.audit = self.pin_guard.audit or service.audit_event
        self.capture = self.hub = None
        if camera:  # a USB camera for the wizard's photos; nothing recognises from it
            from kiosk.ui.capture import CaptureThread
            from kiosk.ui.main_window import FrameHub

            self.capture = CaptureThread(camera, None, parent=self)
            self.hub = FrameHub(self.capture)
        self.role: str | None = None
        self.models_error = ""

        # The header says where this is and which data it works on.
        title = QLabel(self.tr("HR desk"), objectName="liveTitle")
        self.where = ElidedLabel(self._describe_store(), objectName="liveHint", mode=Qt.TextElideMode.ElideMiddle)
        self.store_status = StoreStatusLabel(service)
        self.signed_in = QLabel("", objectName="muted")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(title)
        titles.addWidget(self.where)
        header = QHBoxLayout()
        header.setContentsMargins(28, 16, 28, 12)
        header.addLayout(titles, 1)
        header.addWidget(self.store_status)
        header.addSpacing(18)
        header.addWidget(self.signed_in)

        # Signed out: one button to the PIN; signed in: the HR screens (built on first sign-in).
        self.sign_in_page = QWidget()
        page = QVBoxLayout(self.sign_in_page)
        page.addStretch(1)
        self.prompt = QLabel(self.tr("Sign in with the HR or admin PIN to see employees and attendance."),
                             objectName="pageSubtitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.sign_in_button = QPushButton(self.tr("Sign in"), objectName="primary")
        self.sign_in_button.setIcon(theme.icon("lock"))
        self.sign_in_button.setProperty("touch", "large")
        self.sign_in_button.setMinimumWidth(260)
        self.sign_in_button.clicked.connect(lambda: self.request_sign_in())
        self.problem = QLabel("", objectName="warn", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.problem.hide()
        page.addWidget(self.prompt)
        page.addWidget(self.sign_in_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        page.addWidget(self.problem, alignment=Qt.AlignmentFlag.AlignHCenter)
        page.addStretch(2)
        self.admin = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in_page)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._idle = IdleWatch(idle_ms, self.sign_out, self)
        # the audit chain walked daily here too (a desk left open for weeks), as the kiosk does
        self._audit_timer = QTimer(self, interval=AUDIT_EVERY_MS, timeout=self.check_audit)
        fit_window(self, 1280, 860)  # or less, on a smaller screen

    def _describe_store(self) -> str:
        site = getattr(self.service, "site", None)
        where = getattr(site, "describe", None)
        if callable(where):
            return self.tr("Site database {where}").format(where=where())
        return self.tr("Data folder {folder}").format(folder=self.service.settings.data_dir)

    def start(self) -> None:
        if self.capture is not None:
            self.capture.start()
        self.service.start_site()
        QTimer.singleShot(50, self._load_models)  # after the window has painted
        QTimer.singleShot(2000, self.check_audit)  # at start-up, then daily
        self._audit_timer.start()

    def check_audit(self):
        """As the kiosk's MainWindow.check_audit: the warning shows on the signed-in HR screens."""
        check = self.service.check_audit()
        if self.admin is not None:
            self.admin.show_audit_warning()
        return check

    def _load_models(self) -> None:
        """The face models, on the UI thread (why: MainWindow._load_models); the wizard's photo
        checks and expert recognition need them, the lists and exports do not."""
        try:
            self.service.pipeline  # noqa: B018 - load now
        except Exception as exc:  # missing weights: said on screen, the rest of HR still works
            log.exception("face models could not be loaded")
            self.models_error = f"{type(exc).__name__}: {exc}"
            self.problem.setText(self.tr("Face models are missing or broken: enrolling and expert recognition "
                                         "will not work here.\n{error}\nRun `kiosk models` to see what is needed.")
                                 .format(error=self.models_error))
            self.problem.show()

    # -- signing in and out ---------------------------------------------------------------------
    def request_sign_in(self) -> bool:
        """Ask for the PIN (or to set the admin PIN on first use); open the HR screens when accepted."""

        accepted = PinDialog(self.pin_guard, self).exec()
        self.activateWindow()  # the keyboard back here (without a window manager nobody else does it)
        if accepted:
            self.show_admin(self.pin_guard.role or "admin")
            return True
        return False

    def show_admin(self, role: str) -> None:
        if self.admin is None:
            from kiosk.ui.pages.admin import AdminPage

            self.admin = AdminPage(
                self.service, self.hub, self, guard=self.pin_guard, back_text=QT_TRANSLATE_NOOP("AdminPage", "Sign out")
            )
            self.admin.back_button.setIcon(theme.icon("lock"))
            self.admin.back_requested.connect(self.sign_out)
            self.stack.addWidget(self.admin)
        sign_in(self.service, role, where=HR_DESK)
        self.role = role
        self.signed_in.setText(self.tr("Signed in: administrator") if role == "admin" else self.tr("Signed in: HR"))
        self.admin.set_role(role)
        self.admin.refresh()
        self.stack.setCurrentWidget(self.admin)
        self._idle.start()

    def sign_out(self) -> bool:
        """Back to the sign-in page (never in the middle of an enrollment)."""
        self._idle.stop()
        if self.admin is not None and self.admin.busy():
            self._idle.start()
            return False
        if self.role is not None:
            self.service.audit_event(SIGN_OUT, where=HR_DESK)
        self.role = None
        self.signed_in.setText("")
        self.service.actor = Actor(ROLE_SYSTEM, "hr-desk")
        self.stack.setCurrentWidget(self.sign_in_page)
        return True

    def shutdown(self) -> None:
        self._idle.close()
        if self.capture is not None:
            self.capture.stop()
        self.service.close()  # finishes learning already queued, stops following the site

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.admin is not None and self.admin.busy():  # an enrollment is being saved: finish it first
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)
