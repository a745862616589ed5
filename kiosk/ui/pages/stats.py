"""Statistics: enrolled, present today, check-ins today, unknown and "not sure" faces today,
failed liveness checks today (a photo or screen held up? access-log outcome spoof_suspected),
check-ins per day for the last two weeks (AttendanceDB.stats, the same numbers as `kiosk
stats`). The site self-check is on the Expert page, with the kiosk's other technical details."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from kiosk.ui.i18n import number
from kiosk.ui.pages.common import card, page_layout
from kiosk.ui.widgets.chart import BarChart
from kiosk.ui.widgets.flow import FlowLayout


class StatsPage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        layout, _ = page_layout(self, self.tr("Statistics"), self.tr("Today at a glance, and the last 14 days"))
        grid = FlowLayout(spacing=16, uniform=True)  # six cards in a row, or as many as fit
        self.values = {}
        for key, label in (("enrolled", self.tr("Enrolled")), ("present_today", self.tr("Present today")),
                           ("check_ins_today", self.tr("Check-ins today")),
                           ("unknown_today", self.tr("Unknown faces today")),
                           ("unsure_today", self.tr("Not sure (asked again)")),
                           ("spoof_suspected_today", self.tr("Liveness check failed"))):
            frame, value = card("0", label)
            self.values[key] = value
            grid.addWidget(frame)
        layout.addLayout(grid)
        self.chart = BarChart(self.tr("Check-ins per day"))
        layout.addWidget(self.chart, 1)
        self.stats: dict = {}

    def refresh(self) -> None:
        stats = self.service.db.stats()
        stats["enrolled"] = len(self.service.people())
        self.stats = stats
        for key, label in self.values.items():
            label.setText(number(stats.get(key, 0)))
        self.chart.set_data([(number(date.fromisoformat(d["date"]).day, group=False), d["count"])
                             for d in stats["check_ins_per_day"]])
