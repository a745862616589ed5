"""Help for HR and the administrator (issue 26): short, task-oriented sections (enrolling a person,
corrections, month-end exports, PINs and the recovery code, settings, logs and `kiosk doctor`),
each naming the page it happens on and the document that says more (docs/install.md,
docs/attendance.md, docs/privacy.md). Employees have their own help at the entrance
(kiosk.ui.dialogs.entrance_help)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.pages.common import page_layout

# (title, text) of each section, under the HelpPage context.
SECTIONS = (
    (QT_TRANSLATE_NOOP("HelpPage", "Enrol a person"),
     QT_TRANSLATE_NOOP("HelpPage", "Employees → “Enroll new”: the name, the worker ID and the person's consent, then "
                                   "three photos from the camera or from files. The wizard checks each photo and "
                                   "looks for the same face under another worker ID before it saves. Then “Set "
                                   "check-in PIN”, so the person can check in with their worker ID when the face "
                                   "is not enough.")),
    (QT_TRANSLATE_NOOP("HelpPage", "Correct attendance"),
     QT_TRANSLATE_NOOP("HelpPage", "Attendance: choose the dates and the person, then “Add missing punch…” or "
                                   "“Void punch…”. A correction needs a reason; nothing is deleted, and the "
                                   "Monthly sheet marks the day as corrected by HR. See docs/attendance.md.")),
    (QT_TRANSLATE_NOOP("HelpPage", "Month-end exports"),
     QT_TRANSLATE_NOOP("HelpPage", "Monthly sheet: choose the month, then “Export month…” (a workbook or CSV for "
                                   "payroll) or “Export days…”. Attendance → “Export CSV…” gives the punches "
                                   "themselves. Check the month's corrections first.")),
    (QT_TRANSLATE_NOOP("HelpPage", "PINs and the recovery code"),
     QT_TRANSLATE_NOOP("HelpPage", "Security (administrator): “Set HR PIN…”, “Change admin PIN…” and “New recovery "
                                   "code…”. The recovery code resets a lost admin PIN (docs/install.md); keep it "
                                   "away from the kiosk. An employee's check-in PIN is set on Employees.")),
    (QT_TRANSLATE_NOOP("HelpPage", "Settings"),
     QT_TRANSLATE_NOOP("HelpPage", "Language: “language” in kiosk.toml (English, French or Arabic) for the next start; "
                                   "the button beside HR at the entrance changes it until then. Accessibility: "
                                   "high contrast, text size and sound volume, applied at once. Shifts, punch mode "
                                   "and holidays: Shift settings (administrator).")),
    (QT_TRANSLATE_NOOP("HelpPage", "Logs and checks"),
     QT_TRANSLATE_NOOP("HelpPage", "The kiosk's log is in the system journal (journalctl --user -u kiosk) or in "
                                   "~/.local/state/kiosk/kiosk.log. “kiosk doctor” checks the data folder's health "
                                   "and “kiosk models” the face models. Installing, upgrading and the first run: "
                                   "docs/install.md.")),
    (QT_TRANSLATE_NOOP("HelpPage", "Privacy"),
     QT_TRANSLATE_NOOP("HelpPage", "Face templates and photos are encrypted; how long records are kept is on the "
                                   "Security page. What is stored, backing up the key, and answering a person who "
                                   "asks to see or delete their data: docs/privacy.md.")),
)


class HelpPage(QWidget):
    def __init__(self, service=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        layout, _ = page_layout(self, self.tr("Help"), self.tr("Common tasks, where they are, and where to read more."))
        self.sections: list[tuple[QLabel, QLabel]] = []
        for heading, text in SECTIONS:
            card = QFrame(objectName="card")
            box = QVBoxLayout(card)
            box.setContentsMargins(18, 12, 18, 14)
            box.setSpacing(6)
            head = QLabel(self.tr(heading), objectName="sectionTitle", wordWrap=True)
            words = QLabel(self.tr(text), wordWrap=True)
            words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # commands can be copied
            box.addWidget(head)
            box.addWidget(words)
            layout.addWidget(card)
            self.sections.append((head, words))
        layout.addStretch(1)

    def text(self) -> str:
        return "\n".join(w.text() for pair in self.sections for w in pair)

    def refresh(self) -> None:
        """Nothing to load: the words are the same for everyone."""
