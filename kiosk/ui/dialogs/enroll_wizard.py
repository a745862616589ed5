"""The HR enrollment wizard: details -> three photos -> duplicate check -> processing ->
summary. Every step asks the service (service.enrollment, kiosk.app.enrollment_desk), which
judges each rule once: the checked photos and the duplicate verdict HR saw go to the save as
they are. The slow steps run off the UI thread. Nothing is written before the processing
step, and that step saves the person in one atomic move."""
from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QProgressBar,
    QWidget,
    QWizard,
    QWizardPage,
)

from kiosk.app.types import PHOTOS_REQUIRED, EnrollmentError, ImageError, masks_available
from kiosk.ui import theme
from kiosk.ui.dialogs.enroll_pages import DetailsPage, PhotosPage, page_layout, show_message
from kiosk.ui.engine_text import enrollment_step, refusal_text
from kiosk.ui.i18n import number
from kiosk.ui.screen_fit import fit_window
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.imaging import FaceBox, annotated_pixmap
from kiosk.ui.worker import run_task

log = logging.getLogger(__name__)

PREVIEW_MASK = "surgical_blue"
# QWizard names its buttons itself, so the style sheet's #primary cannot reach them.
PRIMARY_BUTTON = ("QPushButton { background: #3b82f6; } QPushButton:hover { background: #2563eb; } "
                  "QPushButton:disabled { background: #1e3a5f; color: #64748b; }")


class DuplicatePage(QWizardPage):
    """Does the gallery already hold this face under another worker ID? HR decides."""

    def __init__(self, wizard: QWizard):
        super().__init__()
        self.wiz = wizard
        self.done = False
        self.duplicate = None  # the best Candidate at or above the threshold, if any
        self.checked = None  # the service's DuplicateCheck, passed on to the save
        layout = page_layout(
            self, self.tr("Duplicate check"), self.tr("The photos are compared with everyone already enrolled.")
        )
        self.status = QLabel(self.tr("Checking…"), objectName="warn", wordWrap=True)
        # Side by side: the new photo and the enrolled person it resembles.
        self.new_photo = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.match_photo = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.new_caption = QLabel(self.tr("New photo"), objectName="muted", alignment=Qt.AlignmentFlag.AlignCenter)
        self.match_caption = QLabel(objectName="muted", alignment=Qt.AlignmentFlag.AlignCenter)
        self.compare = QWidget()
        compare = QGridLayout(self.compare)
        compare.setContentsMargins(0, 0, 0, 0)
        compare.setHorizontalSpacing(24)
        compare.addWidget(self.new_photo, 0, 0)
        compare.addWidget(self.match_photo, 0, 1)
        compare.addWidget(self.new_caption, 1, 0)
        compare.addWidget(self.match_caption, 1, 1)
        compare.setColumnStretch(2, 1)
        self.compare.hide()
        self.override = QCheckBox(self.tr("It is a different person: enroll anyway"))
        self.override.hide()
        self.override.toggled.connect(self.completeChanged)
        self.agreement = QLabel(objectName="warn", wordWrap=True)
        self.agreement.hide()
        layout.addWidget(self.status)
        layout.addWidget(self.compare)
        layout.addWidget(self.override)
        layout.addWidget(self.agreement)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        self.done = False
        self.duplicate = None
        self.checked = None
        self.override.setChecked(False)
        self.override.hide()
        self.compare.hide()
        self.agreement.hide()
        show_message(self.status, self.tr("Checking the gallery…"), "warn")
        photos = self.wiz.photos.photos()
        skip = self.wiz.replace.user_id if self.wiz.replace is not None else None
        run_task(self.wiz.service.enrollment.duplicate_check, photos, skip, on_done=self._show,
                 on_error=lambda exc: self._show(exc), owner=self)

    def _show(self, outcome) -> None:
        self.done = True
        if isinstance(outcome, Exception):
            show_message(self.status, self.tr("The duplicate check failed: {reason}").format(reason=outcome), "error")
            self.done = False
            self.completeChanged.emit()
            return
        self.checked = outcome
        best, agreement, threshold = outcome.best, outcome.agreement, outcome.threshold
        self.duplicate = best
        if best is None:
            show_message(self.status, self.tr("✓ Nobody already enrolled looks like this person."), "ok")
        else:
            show_message(self.status, self.tr(
                "These photos look like {name} (worker ID {worker_id}), similarity {score}, who is already "
                "enrolled.\nCancel if it is the same person (use Re-enroll instead), or confirm below that it is "
                "someone else.").format(name=best.name, worker_id=best.user_id, score=number(best.score, 2)), "error")
            record = next((r for r in self.wiz.service.people() if r.user_id == best.user_id), None)
            paths = record.photo_paths() if record is not None else []
            first = self.wiz.photos.photos()[0]
            self.new_photo.setPixmap(annotated_pixmap(first.image, [], 240))
            self.match_caption.setText(
                self.tr("Enrolled: {name} ({worker_id})").format(name=best.name, worker_id=best.user_id)
            )
            try:
                self.match_photo.setPixmap(annotated_pixmap(self.wiz.service.store.load_photo(paths[0]), [], 240))
            except (IndexError, ImageError):
                self.match_photo.setText(self.tr("(no stored photo)"))
            self.compare.show()
            self.override.show()
        if agreement < threshold:
            self.agreement.setText(self.tr("Note: the three photos look less alike than one person usually does "
                                           "(lowest similarity {score}); check they show the same person.").format(
                score=number(agreement, 2)))
            self.agreement.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return self.done and (self.duplicate is None or self.override.isChecked())


class ProcessPage(QWizardPage):
    """service.enroll on a worker thread, with its progress; moves on by itself when done."""

    def __init__(self, wizard: QWizard):
        super().__init__()
        self.wiz = wizard
        self.running = False
        self.record = None
        layout = page_layout(
            self,
            self.tr("Enrolling"),
            self.tr(
                "Computing the face templates (with synthetic masks, so the person is recognised with or without one)."
            ),
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.step = QLabel(objectName="muted", wordWrap=True)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        layout.addSpacing(20)
        layout.addWidget(self.progress)
        layout.addWidget(self.step)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        self.record = None
        self.running = True
        show_message(self.error, "")
        details = self.wiz.details
        masks = masks_available()
        self.step.setText(
            self.tr("Starting…")
            if masks
            else self.tr(
                "Starting… (mask augmentation is not available on this kiosk: enrolling the 3 original photos only)"
            )
        )
        self.progress.setRange(0, 0)
        duplicate = self.wiz.duplicate_page.duplicate
        self.wiz.set_busy(True)
        QTimer.singleShot(0, lambda: self.wiz.set_busy(self.running))  # after QWizard's own button update
        run_task(
            self.wiz.service.enroll,
            details.worker_id.text().strip(),
            details.name.text().strip(),
            details.mobile.text().strip(),
            self.wiz.photos.photos(),  # checked: not graded again
            replace=self.wiz.replace is not None,
            allow_duplicate=duplicate is not None and self.wiz.duplicate_page.override.isChecked(),
            masks=masks,
            checked=self.wiz.duplicate_page.checked,
            on_progress=self._progress,
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.step.setText(enrollment_step(message))

    def _done(self, record) -> None:
        self.running = False
        self.record = record
        self.wiz.record = record
        self.wiz.set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.step.setText(self.tr("Saved."))
        pin = self.wiz.details.pin.text()
        if pin:
            try:
                self.wiz.service.set_pin(record.user_id, pin)
            except (ValueError, KeyError, OSError) as exc:  # the face is saved; HR can set the PIN later
                self.step.setText(self.tr("Saved, but the check-in PIN was not set: {reason}").format(
                    reason=refusal_text(exc)))
        self.completeChanged.emit()
        self.wiz.enrolled.emit(record.user_id)
        QTimer.singleShot(300, self.wiz.next)

    def _failed(self, exc: Exception) -> None:
        self.running = False
        self.wiz.set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.step.setText("")
        reason = (refusal_text(exc) if isinstance(exc, (EnrollmentError, ImageError, OSError))
                  else f"{type(exc).__name__}: {exc}")
        if isinstance(exc, sqlite3.Error):  # which file, what to do (kiosk.attendance.errors)
            reason = refusal_text(self.wiz.service.explain(exc))
        log.error("enrollment failed: %s", getattr(exc, "traceback_text", exc))
        show_message(
            self.error,
            self.tr("Enrollment failed, nothing was saved.\n{reason}\nGo back to fix it, or cancel.").format(
                reason=reason
            ),
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return self.record is not None


class SummaryPage(QWizardPage):
    def __init__(self, wizard: QWizard):
        super().__init__()
        self.wiz = wizard
        layout = page_layout(self, self.tr("Done"), "")
        self.subtitle = layout.itemAt(1).widget()
        self.photos = FlowLayout(spacing=14)  # four pictures in a row, or two and two on a narrow screen
        self.photo_labels = [QLabel(alignment=Qt.AlignmentFlag.AlignCenter) for _ in range(PHOTOS_REQUIRED + 1)]
        for label in self.photo_labels:
            self.photos.addWidget(label)
        self.mask_caption = QLabel(objectName="muted")
        self.details = QLabel(objectName="ok", wordWrap=True)
        self.warnings = QLabel(objectName="warn", wordWrap=True)
        self.warnings.hide()
        layout.addWidget(self.details)
        layout.addLayout(self.photos)
        layout.addWidget(self.mask_caption)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.preview_done = False

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        record = self.wiz.record
        meta = record.metadata
        total = int(meta.get("total_embeddings", 0))
        masked = total - len(record.originals)
        self.subtitle.setText(self.tr("{name} can check in now.").format(name=record.name))
        self.details.setText(self.tr("✓ {name} (worker ID {worker_id}) is enrolled with {total} face templates: "
                                     "{photos} photos + {masked} with synthetic masks.").format(
            name=record.name, worker_id=record.user_id, total=number(total), photos=number(len(record.originals)),
            masked=number(masked)))
        photos = self.wiz.photos.photos()
        for label, photo in zip(self.photo_labels, photos):
            label.setPixmap(annotated_pixmap(photo.image, [FaceBox(photo.face.xywh(), "", colour=theme.SUCCESS)], 190))
        self.photo_labels[-1].clear()
        self.mask_caption.setText(self.tr("Preparing the masked preview…"))
        self.preview_done = False
        run_task(self._masked_preview, self.wiz.service, photos[0], on_done=self._show_preview,
                 on_error=self._no_preview, owner=self)
        warnings = meta.get("warnings") or []
        self.warnings.setText("\n".join(f"• {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    @staticmethod
    def _masked_preview(service, photo):
        """The first photo with a surgical mask, as the masked templates saw it."""
        if not masks_available():
            raise RuntimeError(QCoreApplication.translate("SummaryPage", "mask rendering is not installed"))
        return service.mask_preview(photo.image, photo.face, PREVIEW_MASK)

    def _show_preview(self, image) -> None:
        self.preview_done = True
        self.photo_labels[-1].setPixmap(annotated_pixmap(image, [], 190))
        self.mask_caption.setText(self.tr("Right: how the masked templates see the first photo (surgical blue mask)."))

    def _no_preview(self, exc: Exception) -> None:
        self.preview_done = True
        self.mask_caption.setText(self.tr("No masked preview ({reason}).").format(reason=refusal_text(exc)))


class EnrollWizard(QWizard):
    """`replace`: a PersonRecord to re-enroll (same worker ID, new photos)."""

    enrolled = Signal(str)  # user_id, as soon as the person is saved

    def __init__(self, service, hub=None, replace=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.hub = hub
        self.replace = replace
        self.record = None
        self.busy = False
        self.setWindowTitle(
            self.tr("Enroll an employee") if replace is None else self.tr("Re-enroll {name}").format(name=replace.name)
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("Next")),
                             (QWizard.WizardButton.BackButton, self.tr("Back")),
                             (QWizard.WizardButton.FinishButton, self.tr("Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)
            self.button(button).setMinimumWidth(150)
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CommitButton):
            self.button(which).setStyleSheet(theme.themed(PRIMARY_BUTTON))
        self.details = DetailsPage(self)
        self.photos = PhotosPage(self)
        self.duplicate_page = DuplicatePage(self)
        self.process = ProcessPage(self)
        self.summary = SummaryPage(self)
        for page in (self.details, self.photos, self.duplicate_page, self.process, self.summary):
            self.addPage(page)
        fit_window(self, 1180, 880)  # or less, on a smaller screen: the pages scroll

    def invalidate_after_photos(self) -> None:
        """New photos mean a new duplicate check (the page re-runs it when shown)."""
        self.duplicate_page.done = False

    def set_busy(self, busy: bool) -> None:
        """While saving, neither Back nor Cancel: the save finishes or fails on its own."""
        self.busy = busy
        self.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    def reject(self) -> None:
        if self.busy:
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
