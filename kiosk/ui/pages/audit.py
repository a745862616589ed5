"""The audit trail for an administrator: every HR and admin action between two dates, a check of
the hash chain (kiosk.security.audit) and its CSV export, itself audited."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.app.types import AUDIT_EXPORT
from kiosk.ui.engine_text import refusal_text
from kiosk.ui.i18n import date_text
from kiosk.ui.pages.common import fill_table, make_table, page_layout, say
from kiosk.ui.widgets.pickers import date_edit, date_range, to_date

COLUMNS = [
    QT_TRANSLATE_NOOP("AuditPage", "Time"),
    QT_TRANSLATE_NOOP("AuditPage", "Role"),
    QT_TRANSLATE_NOOP("AuditPage", "Who"),
    QT_TRANSLATE_NOOP("AuditPage", "Action"),
    QT_TRANSLATE_NOOP("AuditPage", "Worker ID"),
    QT_TRANSLATE_NOOP("AuditPage", "Details"),
]


def describe(detail: dict) -> str:
    return ", ".join(f"{k} {json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v}"
                     for k, v in sorted(detail.items()))


class AuditPage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        layout, header = page_layout(
            self, self.tr("Audit trail"), self.tr("Who did what, when and to whom: append-only, tamper-evident")
        )
        self.verify_button = QPushButton(self.tr("Check integrity"))
        self.verify_button.clicked.connect(lambda: self.verify())
        self.export_button = QPushButton(self.tr("Export CSV"), objectName="primary")
        self.export_button.clicked.connect(lambda: self.export())
        header.addWidget(self.verify_button)
        header.addWidget(self.export_button)
        today = date.today()
        self.start = date_edit(today - timedelta(days=30))
        self.end = date_edit(today)
        layout.addWidget(date_range(self.start, self.end), alignment=Qt.AlignmentFlag.AlignLeft)
        self.table = make_table([self.tr(c) for c in COLUMNS])
        layout.addWidget(self.table, 1)
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.refresh)
        self.rows: list[dict] = []

    def refresh(self) -> None:
        start, end = to_date(self.start), to_date(self.end)
        if end < start:
            self.message.setText(self.tr("The end date is before the start date."))
            self.table.setRowCount(0)
            return
        self.rows = self.service.audit.rows(start, end)
        newest_first = list(reversed(self.rows))
        fill_table(self.table, [[r["timestamp"].replace("T", " "), r["role"], r["actor"], r["action"].replace("_", " "),
                                 r["subject"], describe(r["detail"])] for r in newest_first])
        self.message.setText(self.tr("%Ln action(s) from {start} to {end}", None, len(self.rows)).format(
            start=date_text(start), end=date_text(end)))

    def verify(self):
        check = self.service.audit.verify()
        self._say(self.tr("✓ The audit trail is intact (%Ln rows).", None, check.rows) if check.ok else
                  self.tr("The audit trail has been tampered with: {problem}. Restore the database from a "
                          "backup and keep this copy for investigation.").format(problem=check.problem),
                  error=not check.ok)
        return check

    def export(self, path: str | Path | None = None) -> int | None:
        target = Path(path) if path else Path.home() / f"audit_{to_date(self.start)}_{to_date(self.end)}.csv"
        try:
            count = self.service.audit.export_csv(target, self.rows)
            self.service.audit_event(AUDIT_EXPORT, rows=count, out=str(target))
        except OSError as exc:
            self._say(self.tr("Could not export: {reason}").format(reason=refusal_text(exc)), error=True)
            return None
        self._say(self.tr("✓ Wrote %Ln rows to {target}", None, count).format(target=target))
        self.refresh_keep_message()
        return count

    def refresh_keep_message(self) -> None:
        text, name = self.message.text(), self.message.objectName()
        self.refresh()
        self._say(text, error=name == "error")

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
