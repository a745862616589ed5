"""The kiosk window: the live screen, and the HR screens behind the HR or admin PIN. In kiosk
mode (full screen at the entrance) the window closes only with the admin PIN.

The window owns the threads (capture, inference) and stops them on close, so no thread
outlives the window (and tests can open and close many windows)."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from kiosk.app.types import KIOSK_EXIT, PIN_CHANGE, ROLE_SYSTEM, STORE_ERRORS, Actor
from kiosk.ui.capture import BACKOFF_S, CaptureThread
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.idle import IdleWatch
from kiosk.ui.pages.live import LivePage
from kiosk.ui.pin import PinGuard, sign_in
from kiosk.ui.screen_fit import fit_window
from kiosk.ui.worker import InferenceWorker, Mailbox

log = logging.getLogger(__name__)

ADMIN_IDLE_MS = 3 * 60 * 1000  # HR screens go back to the entrance screen when left alone
PURGE_EVERY_MS = 24 * 3600 * 1000  # retention (kiosk.attendance.retention) applied daily
PURGE_RETRY_MS = 60 * 60 * 1000  # a purge the store refused (server away, disk full) is tried again this soon


class FrameHub(QObject):
    """Fans the newest captured frame out to whoever shows video (live page, wizard camera).
    The capture thread signals at most once until the hub has taken the frame: no backlog."""

    frame = Signal(object)

    def __init__(self, capture: CaptureThread):
        super().__init__()
        self.capture = capture
        self.received = 0
        capture.frame_ready.connect(self._take)

    @Slot()
    def _take(self) -> None:
        frame = self.capture.consume()
        if frame is not None:
            self.received += 1
            self.frame.emit(frame)

    @property
    def latest(self):
        return self.capture.latest


class MainWindow(QMainWindow):
    def __init__(self, service, camera: str, *, loop: bool = False, backoff=BACKOFF_S,
                 pin_guard=None, kiosk_mode: bool = False):
        super().__init__()
        self.setWindowTitle(self.tr("Kiosk - attendance"))
        self.service = service
        self.mailbox = Mailbox()
        self.capture = CaptureThread(camera, self.mailbox, loop=loop, backoff=backoff, parent=self)
        self.hub = FrameHub(self.capture)
        self.worker = InferenceWorker(service, self.mailbox, parent=self)

        self.kiosk_mode = kiosk_mode
        service.actor = Actor(ROLE_SYSTEM, "kiosk")  # until someone signs in with a PIN
        self.exit_allowed = not kiosk_mode
        self.pin_guard = pin_guard or PinGuard(service.settings)
        if self.pin_guard.on_change is None:
            self.pin_guard.on_change = lambda role: service.audit_event(PIN_CHANGE, role=role)
        self.pin_guard.audit = self.pin_guard.audit or service.audit_event
        self.stack = QStackedWidget()
        self.live = None
        self._build_live()
        self.admin = None  # built on first use: HR screens cost nothing on the entrance screen
        self.setCentralWidget(self.stack)

        self._idle = IdleWatch(ADMIN_IDLE_MS, self.show_live, self)
        self._purge = QTimer(self, interval=PURGE_EVERY_MS, timeout=self.run_purge)
        self._purge_retry = QTimer(self, singleShot=True, interval=PURGE_RETRY_MS, timeout=self.run_purge)
        self._purge.timeout.connect(self.check_audit)  # the audit chain walked daily too

        fit_window(self, 1280, 800)  # or less, on a smaller screen (kiosk mode: all of it, screen_fit.present)

    def _build_live(self) -> None:
        """The entrance page, wired to the threads (again after a change of language)."""
        self.live = LivePage(self.service)
        self.live.capture = self.capture
        self.stack.insertWidget(0, self.live)
        self.hub.frame.connect(self.live.on_frame)
        self.capture.state_changed.connect(self.live.on_capture_state)
        self.live.retry_requested.connect(self.capture.retry_now)
        self.worker.ready.connect(self.live.on_models_ready)
        self.worker.failed.connect(self.live.on_models_failed)
        self.worker.result.connect(self.live.on_result)
        self.live.admin_requested.connect(self.request_admin)
        self.live.language_requested.connect(self.set_language)

    def set_language(self, code: str) -> None:
        """Show the screens in another language (kiosk.ui.i18n): the translator, the locale and
        the layout direction change, then the pages are built again in it (a clean rebuild rather
        than retranslating every widget in place: nothing can be left in the old language). The
        threads, the models and the camera keep running; the site's language (settings.language)
        is not changed: the next start is in it again."""
        from PySide6.QtWidgets import QApplication

        from kiosk.ui import i18n

        i18n.install(QApplication.instance(), code)
        self.setWindowTitle(self.tr("Kiosk - attendance"))
        old = self.live
        for signal, slot in ((self.hub.frame, old.on_frame), (self.capture.state_changed, old.on_capture_state),
                             (self.worker.ready, old.on_models_ready), (self.worker.failed, old.on_models_failed),
                             (self.worker.result, old.on_result)):
            signal.disconnect(slot)
        self._build_live()
        self.live.carry_state(old)
        self.stack.setCurrentWidget(self.live)
        self.stack.removeWidget(old)
        old.deleteLater()
        if self.admin is not None:  # built again, in the new language, on the next PIN
            self.stack.removeWidget(self.admin)
            self.admin.deleteLater()
            self.admin = None

    def start(self) -> None:
        self.capture.start()
        self.service.start_site()  # a site's kiosk follows the server (kiosk.site); alone: nothing
        QTimer.singleShot(2000, self.check_audit)  # at start-up, then daily with the purge
        QTimer.singleShot(50, self._load_models)  # after the window has painted "loading…"

    def _load_models(self) -> None:
        """Load the models on the UI thread, then start recognition.

        Why not on the worker thread: ncnn (OpenMP) loaded on one thread and run on another
        ran 2x slower here, with multi-second stalls (measured: embed 52 ms when loaded on the
        main thread vs 100 ms and a 5.6 s first call when loaded on a helper thread). The
        cost is a ~3 s pause at start-up, before anyone can use the screen."""
        self.live.video.placeholder = self.tr("Loading face models…")
        self.live.video.repaint()
        try:
            self.service.pipeline  # noqa: B018 - load now
            self.service.matcher  # noqa: B018
        except Exception as exc:  # missing weights, broken install: said on screen, camera still shown
            log.exception("face models could not be loaded")
            self.live.on_models_failed(f"{type(exc).__name__}: {exc}")
            return
        self.live.video.placeholder = self.tr("Starting camera…")
        self.worker.start()
        QTimer.singleShot(5000, self.run_purge)  # once at start, then daily
        self._purge.start()

    def run_purge(self):
        """Apply the retention settings; a failure is logged, never stops the kiosk."""
        try:
            report = self.service.purge()
        except STORE_ERRORS as exc:  # the site's server away, the database busy or full: soon again
            log.warning("retention purge not done now, tried again in an hour: %s", exc)
            self._purge_retry.start()  # one retry pending at most, however long the server is away
            return None
        except Exception:  # a damaged database: tried again tomorrow
            log.exception("retention purge failed")
            return None
        if report.total:
            log.info("retention purge removed %s", report.as_dict())
        return report

    def check_audit(self):
        """Walk the audit chain (kiosk.app.audit_watch); broken, the HR screens show a warning."""
        check = self.service.check_audit()
        if self.admin is not None:
            self.admin.show_audit_warning()
        return check

    # -- navigation -------------------------------------------------------------------------
    def request_admin(self) -> bool:
        """Ask for the PIN (or to set one on first use); open the HR screens when accepted."""

        dialog = PinDialog(self.pin_guard, self)
        accepted = dialog.exec()
        self.activateWindow()  # the keyboard back here (a kiosk often runs without a window manager)
        if accepted:
            self.show_admin(self.pin_guard.role or "admin")
            return True
        return False

    def sign_in(self, role: str) -> None:
        sign_in(self.service, role)

    def show_admin(self, role: str = "admin") -> None:
        if self.admin is None:
            from kiosk.ui.pages.admin import AdminPage

            self.admin = AdminPage(self.service, self.hub, self, guard=self.pin_guard)
            self.admin.back_requested.connect(self.show_live)
            self.admin.gallery_changed.connect(self.live.refresh_gallery)
            self.admin.exit_requested.connect(self.request_exit)
            self.admin.expert.status_source = self.live.technical_status  # what the entrance does not say
            self.stack.addWidget(self.admin)
        self.sign_in(role)
        self.admin.set_role(role, kiosk_mode=self.kiosk_mode)
        self.worker.pause(True)
        self.admin.refresh()
        self.stack.setCurrentWidget(self.admin)
        self._idle.start()

    def show_live(self) -> None:
        self._idle.stop()
        if self.admin is not None and self.admin.busy():
            self._idle.start()  # never leave in the middle of an enrollment
            return
        self.stack.setCurrentWidget(self.live)
        self.service.actor = Actor(ROLE_SYSTEM, "kiosk")  # nobody signed in at the entrance
        self.live.refresh_gallery()
        self.worker.pause(False)

    def request_exit(self) -> bool:
        """Leave kiosk mode (close the window): the admin PIN only."""

        if not self.exit_allowed:
            if not PinDialog(self.pin_guard, self, roles=("admin",)).exec():
                return False
            self.service.actor = Actor("admin", "Administrator")
            self.service.audit_event(KIOSK_EXIT)
            self.exit_allowed = True
        self.close()
        return True

    def shutdown(self) -> None:
        self._idle.close()
        self.capture.stop()
        self.worker.stop()
        self.service.close()  # finishes learning already queued, stops following the site

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if not self.exit_allowed:  # Alt+F4 at the entrance: ask for the admin PIN instead
            event.ignore()
            QTimer.singleShot(0, self.request_exit)
            return
        self.shutdown()
        super().closeEvent(event)
