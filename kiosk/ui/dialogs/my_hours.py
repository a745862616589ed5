""""My hours" at the entrance: a person types their worker ID and PIN on the check-in keypads
(WorkerCheckinDialog's, the same lockout) and sees their own week: each day's in and out, hours
and status, and the week's total (KioskService.timesheet.my_week checks the PIN and builds it).
The week closes itself after IDLE_CLOSE_MS untouched: the screen is shared, the next person
should not read it."""
from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.app.types import STORE_ERRORS
from kiosk.ui.dialogs.idle_close import IdleClosingDialog
from kiosk.ui.dialogs.worker_checkin import ID_STEP, PIN_STEP, WorkerCheckinDialog
from kiosk.ui.engine_text import pin_refusal, refusal_text
from kiosk.ui.i18n import duration_text, time_text
from kiosk.ui.pages.common import fill_table, make_table

IDLE_CLOSE_MS = 20_000  # the week on screen, untouched, this long: closed (privacy)
COLUMNS = [QT_TRANSLATE_NOOP("WeekDialog", "Day"), QT_TRANSLATE_NOOP("WeekDialog", "In"),
           QT_TRANSLATE_NOOP("WeekDialog", "Out"), QT_TRANSLATE_NOOP("WeekDialog", "Hours"),
           QT_TRANSLATE_NOOP("WeekDialog", "Status")]
# Marked for translation here, translated where shown (status_text; context "DayStatus").
STATUS_WORDS = {
    "present": QT_TRANSLATE_NOOP("DayStatus", "Present"),
    "late": QT_TRANSLATE_NOOP("DayStatus", "Late"),
    "half_day": QT_TRANSLATE_NOOP("DayStatus", "Half day"),
    "absent": QT_TRANSLATE_NOOP("DayStatus", "Absent"),
    "day_off": QT_TRANSLATE_NOOP("DayStatus", "Day off"),
    "holiday": QT_TRANSLATE_NOOP("DayStatus", "Holiday"),
    "missing_out": QT_TRANSLATE_NOOP("DayStatus", "No check-out"),
    "in": QT_TRANSLATE_NOOP("DayStatus", "Checked in"),
    "not_yet": QT_TRANSLATE_NOOP("DayStatus", "Not in yet"),
}


def duration(minutes: int | float | None) -> str:
    """8 h 35 min, 45 min, 0 min."""
    return duration_text(int(round(minutes or 0)))


def clock_text(value) -> str:
    """A punch time as HH:MM: a datetime, a time, an ISO text; '' for none."""
    if value is None or value == "":
        return ""
    if hasattr(value, "hour"):
        return time_text(value)
    text = str(value)
    text = text[11:16] if len(text) >= 16 and text[10] in "T " else text[:5]
    try:
        return time_text(time.fromisoformat(text))
    except ValueError:
        return text


def status_text(record) -> str:
    """The day's status in words, with what HR would ask about (late minutes, no check-out)."""
    status = getattr(record, "status", "") or ""
    words = [QCoreApplication.translate("DayStatus", STATUS_WORDS[status]) if status in STATUS_WORDS
             else status.replace("_", " ").capitalize()] if status else []
    late = getattr(record, "late_minutes", 0) or 0
    if late and status == "late":
        words = [QCoreApplication.translate("DayStatus", "Late {duration}").format(duration=duration(late))]
    elif late and status != "absent":
        words.append(QCoreApplication.translate("DayStatus", "{duration} late").format(duration=duration(late)))
    if getattr(record, "missing_out", False) and status != "missing_out":
        words.append(QCoreApplication.translate("DayStatus", "no check-out"))
    if getattr(record, "corrected", False):
        words.append(QCoreApplication.translate("DayStatus", "corrected by HR"))
    return QCoreApplication.translate("DayStatus", ", ").join(words)


def day_text(day) -> str:
    if isinstance(day, datetime):
        day = day.date()
    if isinstance(day, date):
        return QLocale().toString(QDate(day.year, day.month, day.day), "ddd dd MMM")
    return str(day)


class MyHoursKeypad(WorkerCheckinDialog):
    """The worker-ID keypad, then the PIN pad; a right PIN hands the week on (week_ready)."""

    week_ready = Signal(object)  # the WeekView of the person whose PIN it was
    WINDOW_TITLE = QT_TRANSLATE_NOOP("MyHoursKeypad", "My hours")
    ID_TITLE = QT_TRANSLATE_NOOP("MyHoursKeypad", "My hours: type your worker ID")
    ID_HINT = QT_TRANSLATE_NOOP(
        "MyHoursKeypad", "Then your personal PIN, the one you check in with. Ask HR if you have none."
    )

    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(service, None, None, parent)
        self.week = None

    def submit_pin(self, pin: str) -> None:
        try:
            week = self.service.timesheet.my_week(self.worker_id, pin)
        except (PermissionError, ValueError) as exc:
            # Locked out: the next person may have another ID; a wrong PIN: try the PIN again.
            self._show_step(ID_STEP if self._locked() else PIN_STEP, pin_refusal(str(exc)), error=True)
            return
        except STORE_ERRORS as exc:  # the database refused (locked, disk): say so, keep the dialog
            self._show_step(
                PIN_STEP,
                self.tr("Could not open your hours: {reason}. Try again or see HR.").format(reason=refusal_text(exc)),
                error=True,
            )
            return
        self.week = week
        self.week_ready.emit(week)
        self.accept()

    def _locked(self) -> bool:
        """Whether this worker ID is locked out now (my_week's refusal does not say which it was)."""
        try:
            return self.service.pins.seconds_locked(self.service.typed_id(self.worker_id)) > 0
        except (*STORE_ERRORS, ValueError, LookupError):
            return False


class WeekDialog(IdleClosingDialog):
    """One person's week: a row a day (Mon..Sun), the total under it, a large Close."""

    def __init__(self, week, parent: QWidget | None = None):
        super().__init__(IDLE_CLOSE_MS, parent)
        self.setWindowTitle(self.tr("My hours"))
        self.setModal(True)
        self.week = week
        title = QLabel(
            self.tr("{name} ({worker_id}): this week").format(name=week.name, worker_id=week.employee_id),
            objectName="dialogTitle",
            wordWrap=True,
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        self.table = make_table([self.tr(c) for c in COLUMNS])
        rows = [[day_text(r.day), clock_text(r.first_in), clock_text(r.last_out),
                 duration(r.worked_minutes) if r.worked_minutes else "", status_text(r)] for r in week.days]
        if not rows:
            rows = [[self.tr("No days yet this week"), "", "", "", ""]]
        fill_table(self.table, rows)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * (len(rows) + 1) + 8)
        self.total = QLabel(
            self.tr("Total this week: {duration}").format(duration=duration(week.total_minutes)),
            objectName="dialogTitle",
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        note = QLabel(self.tr("Something wrong? HR can correct it. This closes by itself."), objectName="muted",
                      wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        buttons = self.close_row(self.tr("Closes your week; it also closes by itself."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(note)
        layout.addLayout(buttons)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        """As wide as the screen allows (up to 900 px), centred; the idle timer starts."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.place(min(screen.width() - 24, 900), min(screen.height() - 24, self.sizeHint().height()))
        super().showEvent(event)
