"""Today: who is in, late, not yet arrived, absent, missing a check-out, gone for the day or off,
from service.timesheet.today() (derived from the punches, never stored): a count per group at the
top, then each group as a titled list with the person's in and out times and late minutes.
Refreshed when the page is shown and every minute while it is."""
from __future__ import annotations

from datetime import date, datetime
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.app.types import STORE_ERRORS
from kiosk.ui import theme
from kiosk.ui.engine_text import refusal_text
from kiosk.ui.i18n import date_text, day_name, number, time_text
from kiosk.ui.pages.common import card, fill_table, make_table, page_layout
from kiosk.ui.widgets.flow import FlowLayout

# (TodayBoard field, title); a late person is also in one of the other groups.
GROUPS = (
    ("inside", QT_TRANSLATE_NOOP("TodayPage", "In")),
    ("late", QT_TRANSLATE_NOOP("TodayPage", "Late")),
    ("not_yet", QT_TRANSLATE_NOOP("TodayPage", "Not yet arrived")),
    ("absent", QT_TRANSLATE_NOOP("TodayPage", "Absent")),
    ("missing_out", QT_TRANSLATE_NOOP("TodayPage", "Missing check-out")),
    ("left", QT_TRANSLATE_NOOP("TodayPage", "Left for the day")),
    ("off", QT_TRANSLATE_NOOP("TodayPage", "Day off")),
)
COLUMNS = [QT_TRANSLATE_NOOP("TodayPage", "Name"), QT_TRANSLATE_NOOP("TodayPage", "Worker ID"),
           QT_TRANSLATE_NOOP("TodayPage", "Department"), QT_TRANSLATE_NOOP("TodayPage", "Shift"),
           QT_TRANSLATE_NOOP("TodayPage", "In"), QT_TRANSLATE_NOOP("TodayPage", "Out"),
           QT_TRANSLATE_NOOP("TodayPage", "Late (min)")]
REFRESH_MS = 60_000


def clock_text(moment: datetime | None, day: date) -> str:
    """A local time as HH:MM, with the weekday when it is not on `day` (a night shift's out)."""
    if moment is None:
        return ""
    return time_text(moment) if moment.date() == day else f"{day_name(moment)} {time_text(moment)}"


class TodayPage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.now: Callable[[], datetime | None] = lambda: None  # None: the service reads the clock
        layout, _ = page_layout(self, self.tr("Today"), self.tr("Who is in, late, not yet here or absent, as of now"))
        self.updated = QLabel("", objectName="muted", wordWrap=True)
        layout.addWidget(self.updated)
        counts = FlowLayout(spacing=16, uniform=True)
        self.counts: dict[str, QLabel] = {}
        for key, title in GROUPS:
            frame, value = card(number(0), self.tr(title))
            self.counts[key] = value
            counts.addWidget(frame)
        layout.addLayout(counts)
        self.tables = {}
        self.titles: dict[str, QLabel] = {}
        self.empty: dict[str, QLabel] = {}
        for key, title in GROUPS:
            box = QFrame(objectName="card")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(20, 14, 20, 14)
            heading = QLabel(self.tr(title), objectName="sectionTitle", wordWrap=True)
            nobody = QLabel(self.tr("Nobody."), objectName="muted")
            table = make_table([self.tr(c) for c in COLUMNS])
            inner.addWidget(heading)
            inner.addWidget(nobody)
            inner.addWidget(table)
            self.titles[key], self.empty[key], self.tables[key] = heading, nobody, table
            layout.addWidget(box)
        layout.addStretch(1)
        self.board = None
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.tick)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)  # AdminPage.open refreshes the page it shows; from then on, each minute
        self.timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().hideEvent(event)
        self.timer.stop()

    def tick(self) -> None:
        """The minute's refresh; a database that cannot be read is said in the page."""
        try:
            self.refresh()
        except STORE_ERRORS as exc:
            self.updated.setText(self.tr("Could not refresh: {reason}").format(
                reason=refusal_text(self.service.explain(exc))))

    def people(self, key: str) -> list[str]:
        """The worker IDs in a group, as shown."""
        return [r.employee_id for r in getattr(self.board, key, ())]

    def refresh(self) -> None:
        now = self.now()
        self.board = board = self.service.timesheet.today(now=now)
        shown = now or datetime.now(self.service.timesheet.policy.zone)  # the site's clock, not the machine's
        self.updated.setText(self.tr("{day}, updated {time} (every minute)").format(day=date_text(shown, long=True),
                                                                                   time=time_text(shown)))
        row = theme.touch()
        for key, title in GROUPS:
            records = list(getattr(board, key))
            self.counts[key].setText(number(len(records)))
            self.titles[key].setText(
                self.tr("{group} ({count})").format(group=self.tr(title), count=number(len(records)))
            )
            table = self.tables[key]
            fill_table(
                table,
                [
                    [
                        r.name,
                        r.employee_id,
                        r.department or "",
                        r.shift or "",
                        clock_text(r.first_in, r.day),
                        clock_text(r.last_out, r.day),
                        number(r.late_minutes) if r.late_minutes else "",
                    ]
                    for r in records
                ],
                keys=[r.employee_id for r in records],
            )
            self.empty[key].setVisible(not records)
            table.setVisible(bool(records))
            # the whole group shown (the page scrolls), never a table scrolling inside the page
            table.setFixedHeight(row * (max(len(records), 1) + 1) + 8
                                 + table.horizontalScrollBar().sizeHint().height())
