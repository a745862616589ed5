""""Check in with my worker ID": the touch keypad the live screen opens when the face is not
enough (unknown or not sure). Worker ID first (shown), then the personal PIN (dots); the check
itself, the attendance record (method pin), the kept frame and the mask learning are
KioskService.pin_checkin's. Wrong PINs and the lockout are counted in the database."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.common import worker_id
from kiosk.ui.engine_text import pin_refusal, refusal_text
from kiosk.ui.widgets.pin_pad import PadKeys, PinPad

# The dialog closes by itself when nobody touches it for this long (the next person waits).
IDLE_CLOSE_MS = 30_000
ID_STEP, PIN_STEP = "id", "pin"


class WorkerCheckinDialog(PadKeys, QDialog):
    done = Signal(object)  # kiosk.recognition.pin_checkin.PinCheckinResult, when the PIN was right
    # What the steps say (the "My hours" keypad, kiosk.ui.dialogs.my_hours, says its own).
    WINDOW_TITLE = QT_TRANSLATE_NOOP("WorkerCheckinDialog", "Check in with my worker ID")
    ID_TITLE = QT_TRANSLATE_NOOP("WorkerCheckinDialog", "Type your worker ID")
    ID_HINT = QT_TRANSLATE_NOOP("WorkerCheckinDialog", "Letters, digits, - and _; then your personal PIN. "
                                                       "Ask HR if you have none.")

    def __init__(self, service, frame=None, face=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr(self.WINDOW_TITLE))
        self.setModal(True)
        self.service = service
        self.frame, self.face = frame, face  # the face frame, kept for HR and for mask learning
        self.worker_id = ""
        self.result = None
        self.step = ID_STEP
        self.title = QLabel(objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message = QLabel(objectName="muted", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.id_pad = PinPad(masked=False, max_length=worker_id.MAX_LENGTH, worker_ids=True)
        self.pin_pad = PinPad(masked=True, max_length=6)
        self.id_pad.submitted.connect(self.submit_id)
        self.pin_pad.submitted.connect(self.submit_pin)
        self.back = QPushButton(self.tr("Back"))
        self.back.clicked.connect(lambda: self._show_step(ID_STEP))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.back, cancel):
            button.setMinimumHeight(64)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)  # the worker-ID pad is ten keys wide: room on 800 px
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.id_pad)
        layout.addWidget(self.pin_pad)
        layout.addLayout(buttons)
        self.idle = QTimer(self, singleShot=True, interval=IDLE_CLOSE_MS, timeout=self.reject)
        self.idle.start()
        self._show_step(ID_STEP)
        self.keys_to_pad()  # typed keys go to the pad of the step, Enter = OK, Esc = cancel

    def active_pad(self) -> PinPad:
        return self.id_pad if self.step == ID_STEP else self.pin_pad

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        """Keys as big as the screen's width allows: 9 mm and more on a portrait 800 px panel."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        margins = self.layout().contentsMargins()
        self.id_pad.fit_width(min(screen.width() - 24, 960) - margins.left() - margins.right())
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the new key sizes, laid out now
        self.adjustSize()
        frame = self.frameGeometry()
        frame.moveCenter(screen.center())
        self.move(frame.topLeft())
        super().showEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.idle.start()  # typing is using the keypad: the dialog stays
        super().keyPressEvent(event)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setObjectName("error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _show_step(self, step: str, message: str = "", error: bool = False) -> None:
        self.step = step
        self.idle.start()
        self.id_pad.setVisible(step == ID_STEP)
        self.pin_pad.setVisible(step == PIN_STEP)
        self.back.setVisible(step == PIN_STEP)
        self.pin_pad.clear()
        if step == ID_STEP:
            self.id_pad.clear()
            self.title.setText(self.tr(self.ID_TITLE))
            self._say(message or self.tr(self.ID_HINT), error)
        else:
            self.title.setText(self.tr("Worker ID {worker_id}: type your PIN").format(worker_id=self.worker_id))
            self._say(message or self.tr("4 to 6 digits, then OK."), error)
        self.focus_pad()

    def submit_id(self, worker_id: str) -> None:
        self.worker_id = worker_id.strip()
        self._show_step(PIN_STEP)

    def submit_pin(self, pin: str) -> None:
        try:
            result = self.service.pin_checkin(self.worker_id, pin, self.frame, self.face)
        except Exception as exc:  # the database refused (locked, disk full): say so, keep the dialog
            self._show_step(
                PIN_STEP,
                self.tr("Could not check you in: {reason}. Try again or see HR.").format(reason=refusal_text(exc)),
                error=True,
            )
            return
        if not result.accepted:
            # Locked: the next person may have another ID; a wrong PIN: try the PIN again.
            self._show_step(ID_STEP if result.locked_seconds else PIN_STEP, pin_refusal(result), error=True)
            return
        self.result = result
        self.done.emit(result)
        self.accept()
