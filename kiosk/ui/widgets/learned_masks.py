"""The selected employee's learned real-mask templates on the HR employee page: the face crop
each came from, when, how (PIN or face check-in), whether it waits for approval; HR approves
pending ones and removes any (kiosk.gallery.learned)."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.app.types import PENDING
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.imaging import to_pixmap


class LearnedMasksPanel(QWidget):
    changed = Signal()  # a template was approved or removed: the gallery changed

    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.user_id: str | None = None
        self.title = QLabel(self.tr("Learned masks"), objectName="sectionTitle", wordWrap=True)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Learned masks"))
        self.list.setIconSize(QSize(72, 72))
        self.list.setMaximumHeight(120)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.remove_button = QPushButton(self.tr("Remove"), objectName="danger")
        for button in (self.approve_button, self.remove_button):
            button.setMinimumWidth(140)
            button.setEnabled(False)
        self.approve_button.clicked.connect(lambda: self.approve_selected())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        buttons = FlowLayout()  # the buttons go under the title on a narrow screen
        buttons.addWidget(self.title)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self.entries: list[dict] = []

    def show_person(self, user_id: str | None) -> None:
        self.user_id = user_id
        self.list.clear()
        self.entries = self.service.learned_templates(user_id) if user_id else []
        for entry in self.entries:
            status = self.tr("waiting for approval") if entry.get("status") == PENDING else self.tr("in use")
            how = self.tr("worker ID + PIN") if entry.get("source") == "pin" else self.tr("face check-in")
            item = QListWidgetItem(f"{entry['date'][:16].replace('T', ' ')}\n{how}, {status}")
            try:
                item.setIcon(QIcon(to_pixmap(self.service.learned_crop(entry), 72)))
            except Exception:  # a missing crop still lists the template (HR can remove it)
                pass
            item.setData(Qt.ItemDataRole.UserRole, entry["name"])
            self.list.addItem(item)
        pending = sum(e.get("status") == PENDING for e in self.entries)
        self.title.setText(self.tr("Learned masks: {count}").format(count=len(self.entries))
                           + (self.tr(" ({count} waiting for approval)").format(count=pending) if pending else "")
                           if self.entries else self.tr("Learned masks: none yet"))
        self._selection_changed()

    def selected(self) -> dict | None:
        items = self.list.selectedItems()
        name = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return next((e for e in self.entries if e["name"] == name), None)

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.approve_button.setEnabled(entry is not None and entry.get("status") == PENDING)
        self.remove_button.setEnabled(entry is not None)

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(i)

    def approve_selected(self) -> bool:
        return self._apply("approve")

    def remove_selected(self) -> bool:
        return self._apply("remove")

    def _apply(self, action: str) -> bool:
        entry = self.selected()
        if entry is None or self.user_id is None:
            return False
        (self.service.approve_learned if action == "approve" else self.service.remove_learned)(
            self.user_id, entry["name"]
        )
        self.show_person(self.user_id)
        self.changed.emit()
        return True
