"""Employees: who is enrolled, search, enroll new, re-enroll, edit details, mark as left or
re-activate, delete (with confirmation)."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from kiosk.ui import theme
from kiosk.ui.dialogs.enroll_wizard import EnrollWizard
from kiosk.ui.dialogs.person_dialog import PersonDialog
from kiosk.ui.dialogs.rename_id_dialog import RenameIdDialog
from kiosk.ui.dialogs.set_pin_dialog import SetPinDialog
from kiosk.ui.engine_text import refusal_text
from kiosk.ui.i18n import number
from kiosk.ui.pages.common import ask, fill_table, make_table, page_layout, select_key, selected_key
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.learned_masks import LearnedMasksPanel


class EmployeesPage(QWidget):
    gallery_changed = Signal()

    def __init__(self, service, hub=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.hub = hub
        self.wizard = None
        self.confirm = lambda title, text: ask(self, title, text)
        layout, header = page_layout(self, self.tr("Employees"), self.tr("Everyone who can check in at this kiosk"))
        self.enroll_button = QPushButton(self.tr("Enroll new"), objectName="primary")
        self.enroll_button.setIcon(theme.icon("plus"))
        self.enroll_button.clicked.connect(lambda: self.open_wizard())
        header.addWidget(self.enroll_button)
        self.search = QLineEdit(placeholderText=self.tr("Search by name or worker ID"))
        self.search.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        layout.addWidget(self.search)
        self.table = make_table(
            [
                self.tr("Worker ID"),
                self.tr("Name"),
                self.tr("Department"),
                self.tr("Mobile"),
                self.tr("Enrolled"),
                self.tr("Templates"),
                self.tr("Status"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        self.learned = LearnedMasksPanel(service)  # the selected person's learned real masks
        self.learned.changed.connect(self.gallery_changed)
        layout.addWidget(self.learned)
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        actions = FlowLayout(align=Qt.AlignmentFlag.AlignRight)  # wraps on a narrow screen
        self.reenroll_button = QPushButton(self.tr("Re-enroll"))
        self.delete_button = QPushButton(self.tr("Delete"), objectName="danger")
        self.pin_button = QPushButton(self.tr("Set check-in PIN"))
        self.pin_button.clicked.connect(lambda: self.open_pin_dialog())
        self.rename_button = QPushButton(self.tr("Change worker ID"))
        self.rename_button.clicked.connect(lambda: self.open_rename_dialog())
        self.edit_button = QPushButton(self.tr("Edit details"))
        self.edit_button.clicked.connect(lambda: self.open_edit_dialog())
        self.leave_button = QPushButton(self.tr("Mark as left"))  # "Re-activate" for someone who left
        self.leave_button.clicked.connect(lambda: self.toggle_left())
        for button in (self.edit_button, self.leave_button, self.rename_button, self.pin_button,
                       self.reenroll_button, self.delete_button):
            button.setMinimumWidth(180)
            button.setEnabled(False)
        self.reenroll_button.clicked.connect(lambda: self.open_wizard(self.selected_id()))
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        actions.addWidget(self.edit_button)
        actions.addWidget(self.leave_button)
        actions.addWidget(self.rename_button)
        actions.addWidget(self.pin_button)
        actions.addWidget(self.reenroll_button)
        actions.addWidget(self.delete_button)
        layout.addLayout(actions)
        self.records = {}

    def refresh(self) -> None:
        """The gallery (who can be recognised) joined with the database (enrollment date)."""
        query = self.search.text().strip()
        records = {r.user_id: r for r in self.service.people()}
        self.records = records
        db_rows = {row["id"]: row for row in self.service.db.list_employees(query)}
        folded = query.casefold()
        ids = [uid for uid, r in records.items()
               if uid in db_rows or not folded or folded in uid.casefold() or folded in r.name.casefold()]
        ids.sort(key=lambda uid: (records[uid].name.casefold(), uid))
        rows = []
        for uid in ids:
            record, row = records[uid], db_rows.get(uid, {})
            enrolled = (row.get("enrolled_at") or record.metadata.get("registration_date", ""))[:16].replace("T", " ")
            rows.append([uid, record.name, record.metadata.get("department") or "", record.mobile, enrolled,
                         int(record.metadata.get("total_embeddings", len(record.originals))),
                         self.tr("left") if record.metadata.get("left_at") else self.tr("active")])
        fill_table(self.table, rows, ids)
        total = len(records)
        self.message.setText(
            (
                self.tr("{shown} of %Ln enrolled matching “{query}”", None, total)
                if query
                else self.tr("{shown} of %Ln enrolled", None, total)
            ).format(shown=number(len(rows)), query=query)
            if total
            else self.tr("Nobody is enrolled yet: tap “Enroll new”.")
        )
        self._selection_changed()

    def selected_id(self) -> str | None:
        return selected_key(self.table)  # type: ignore[return-value]

    def select(self, user_id: str) -> None:
        select_key(self.table, user_id)

    def _selection_changed(self) -> None:
        has = self.selected_id() is not None
        self.reenroll_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.pin_button.setEnabled(has)
        self.rename_button.setEnabled(has)
        self.edit_button.setEnabled(has)
        self.leave_button.setEnabled(has)
        self.leave_button.setText(
            self.tr("Re-activate") if self._has_left(self.selected_id()) else self.tr("Mark as left")
        )
        self.learned.show_person(self.selected_id())

    def _has_left(self, uid: str | None) -> bool:
        record = self.records.get(uid) if uid else None
        return bool(record and record.metadata.get("left_at"))

    def open_edit_dialog(self):
        """HR edits the selected person's name, department, mobile and shift (window-modal)."""

        uid = self.selected_id()
        record = self.records.get(uid) if uid else None
        if uid is None or record is None:
            return None
        row = self.service.db.get_employee(uid) or {}  # the shift is attendance's, in the employees row
        current = {"name": record.name, "department": record.metadata.get("department"), "mobile": record.mobile,
                   "shift": row.get("shift")}
        self.edit_dialog = PersonDialog(self.service, uid, current, self.window())
        self.edit_dialog.accepted.connect(lambda: self._changed(uid, f"Details of {uid} saved."))
        self.edit_dialog.open()
        return self.edit_dialog

    def toggle_left(self) -> bool:
        """Mark the selected person as left (confirmed), or re-activate someone who left."""
        uid = self.selected_id()
        if uid is None:
            return False
        record = self.records.get(uid)
        name = record.name if record else uid
        leaving = not self._has_left(uid)
        if leaving and not self.confirm(self.tr("Mark as left"), self.tr(
                "Mark {name} ({worker_id}) as left?\n\nThey are no longer "
                "recognised and cannot check in. Their history and photos are kept: "
                "“Re-activate” brings them back without new photos.").format(name=name, worker_id=uid)):
            return False
        try:
            (self.service.mark_left if leaving else self.service.reactivate)(uid)
        except Exception as exc:  # the engine says why in one line: show it, keep going
            reason = refusal_text(self.service.explain(exc) if isinstance(exc, sqlite3.Error) else exc)
            self.message.setText(self.tr("Not changed: {reason}").format(reason=reason))
            return False
        self._changed(uid, (self.tr("{name} ({worker_id}) marked as left.") if leaving
                           else self.tr("{name} ({worker_id}) re-activated.")).format(name=name, worker_id=uid))
        return True

    def _changed(self, uid: str, text: str) -> None:
        self.refresh()
        self.select(uid)
        self.message.setText(text)
        self.gallery_changed.emit()

    def delete_selected(self) -> bool:
        uid = self.selected_id()
        if uid is None:
            return False
        record = self.records.get(uid)
        name = record.name if record else uid
        if not self.confirm(self.tr("Delete employee"), self.tr(
                "Delete {name} ({worker_id})?\n\nTheir face templates are removed "
                "and they can no longer check in. Their attendance history is kept.").format(name=name, worker_id=uid)):
            return False
        try:
            self.service.delete(uid)
        except Exception as exc:  # the store says why (already gone...): show it, keep going
            reason = refusal_text(self.service.explain(exc) if isinstance(exc, sqlite3.Error) else exc)
            self.message.setText(self.tr("Could not delete {worker_id}: {reason}").format(worker_id=uid, reason=reason))
            return False
        self.refresh()
        self.message.setText(self.tr("Deleted {name} ({worker_id}).").format(name=name, worker_id=uid))
        self.gallery_changed.emit()
        return True

    def open_pin_dialog(self):
        """HR sets the selected person's check-in PIN (window-modal, not blocking)."""

        uid = self.selected_id()
        if uid is None:
            return None
        record = self.records.get(uid)
        self.pin_dialog = SetPinDialog(self.service, uid, record.name if record else uid, self.window())
        self.pin_dialog.accepted.connect(
            lambda: self.message.setText(self.tr("Check-in PIN of {worker_id} set.").format(worker_id=uid))
        )
        self.pin_dialog.open()
        return self.pin_dialog

    def open_rename_dialog(self):
        """HR gives the selected person a new worker ID (window-modal: the on-screen keyboard
        types into it)."""

        uid = self.selected_id()
        if uid is None:
            return None
        record = self.records.get(uid)
        self.rename_dialog = RenameIdDialog(self.service, uid, record.name if record else uid, self.window())
        self.rename_dialog.accepted.connect(lambda: self._renamed(self.rename_dialog.report))
        self.rename_dialog.open()
        return self.rename_dialog

    def _renamed(self, report) -> None:
        self.refresh()
        self.select(report.new)
        self.message.setText(self.tr("{old} is now {new}: {moved} moved with them.").format(
            old=report.old, new=report.new, moved=self.moved_text(report)))
        self.gallery_changed.emit()

    def moved_text(self, report) -> str:
        """What moved with a changed worker ID (RenameReport's counts; its summary() is the CLI's English)."""
        parts = [self.tr("%Ln check-in(s)", None, report.attendance),
                 self.tr("%Ln access-log row(s)", None, report.access_log),
                 *([self.tr("the PIN")] if report.pin else []),
                 self.tr("%Ln PIN check-in photo(s)", None, report.frames)]
        return self.tr(", ", "between the items of a list").join(parts)

    def open_wizard(self, user_id: str | None = None):
        """Open the enrollment wizard (window-modal, not blocking: the camera keeps running)."""

        replace = self.records.get(user_id) if user_id else None
        self.wizard = EnrollWizard(self.service, self.hub, replace, self.window())
        self.wizard.setWindowModality(Qt.WindowModality.WindowModal)
        self.wizard.enrolled.connect(self._enrolled)
        self.wizard.finished.connect(lambda _: self.refresh())
        self.wizard.open()
        return self.wizard

    def _enrolled(self, user_id: str) -> None:
        self.refresh()
        self.select(user_id)
        self.gallery_changed.emit()

    def busy(self) -> bool:
        return self.wizard is not None and self.wizard.isVisible()
