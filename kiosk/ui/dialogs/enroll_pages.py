"""The enrollment wizard's first two pages, details and photos, and the page furniture every
page of kiosk.ui.dialogs.enroll_wizard shares. Each check is the service's (service.enrollment)."""
from __future__ import annotations

from collections import deque
from pathlib import Path
from time import monotonic

import numpy as np
from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from kiosk.app.types import PHOTOS_REQUIRED, RING_SECONDS, EnrollmentError, ImageError
from kiosk.common import worker_id
from kiosk.ui.engine_text import refusal_text, render
from kiosk.ui.screen_fit import Body, form, scrolling
from kiosk.ui.widgets.photo_slot import PhotoSlot
from kiosk.ui.widgets.video_view import VideoView
from kiosk.ui.worker import run_task

GUIDANCE_INTERVAL_MS = 600


def set_kind(label: QLabel, kind: str) -> None:
    label.setProperty("kind", kind)
    label.style().unpolish(label)
    label.style().polish(label)


def show_message(label: QLabel, text: str, kind: str = "error") -> None:
    """Show text in an error/ok/warn label (hidden when empty)."""
    label.setObjectName(kind)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def page_layout(page: QWizardPage, title: str, subtitle: str) -> QVBoxLayout:
    """The page's layout, in a scroll area filling the page: on a small screen the page scrolls
    and the wizard's Back / Next / Cancel stay on the screen."""
    body = Body(objectName="pageBody")
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scrolling(body))
    layout = QVBoxLayout(body)
    layout.setContentsMargins(36, 24, 36, 12)
    layout.setSpacing(16)
    layout.addWidget(QLabel(title, objectName="pageTitle"))
    sub = QLabel(subtitle, objectName="pageSubtitle", wordWrap=True)
    layout.addWidget(sub)
    return layout

class DetailsPage(QWizardPage):
    def __init__(self, wizard: QWizard):
        super().__init__()
        self.wiz = wizard
        layout = page_layout(
            self,
            self.tr("New employee") if not wizard.replace else self.tr("Re-enroll employee"),
            self.tr("Type the employee's details. The worker ID: {rule}.").format(
                rule=self.tr(
                    "1-{max} letters, digits, hyphens (-) and underscores (_), starting with a letter or a digit"
                ).format(max=worker_id.MAX_LENGTH)
            ),
        )
        self.name = QLineEdit(placeholderText=self.tr("Full name"))
        self.worker_id = QLineEdit(placeholderText=self.tr("e.g. W1024"))
        self.worker_id.setValidator(QRegularExpressionValidator(QRegularExpression(worker_id.PATTERN)))
        self.mobile = QLineEdit(placeholderText=self.tr("e.g. +44 7700 900123"))
        # The personal PIN for the live screen's "Check in with my worker ID" (optional; HR can set it later).
        self.pin = QLineEdit(placeholderText=self.tr("optional, 4-6 digits"), echoMode=QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}")))
        # What the on-screen keyboard offers first (kiosk.ui.keyboard): capitals for an ID, a dial pad, digits.
        hint = Qt.InputMethodHint
        self.worker_id.setInputMethodHints(hint.ImhPreferUppercase | hint.ImhNoPredictiveText)
        self.mobile.setInputMethodHints(hint.ImhDialableCharactersOnly)
        self.pin.setInputMethodHints(hint.ImhDigitsOnly | hint.ImhSensitiveData | hint.ImhNoPredictiveText)
        # The sentence wraps (a check box's text cannot: with larger text it would widen the wizard).
        consent_text = QLabel(self.tr("The employee agrees that their face is stored to record attendance "
                                      "(signed consent form on file)."), wordWrap=True)
        self.consent = QCheckBox(self.tr("Consent given"))
        self.consent.setAccessibleDescription(consent_text.text())
        consent_text.setBuddy(self.consent)
        layout.addLayout(form([(self.tr("Name"), self.name), (self.tr("Worker ID"), self.worker_id),
                               (self.tr("Mobile"), self.mobile), (self.tr("Check-in PIN"), self.pin)]))
        layout.addSpacing(8)
        layout.addWidget(consent_text)
        layout.addWidget(self.consent)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        for widget in (self.name, self.worker_id, self.mobile):
            widget.textChanged.connect(self.completeChanged)
        self.consent.toggled.connect(self.completeChanged)
        if wizard.replace is not None:
            self.worker_id.setText(wizard.replace.user_id)
            self.worker_id.setReadOnly(True)
            self.name.setText(wizard.replace.name)
            self.mobile.setText(wizard.replace.mobile)

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return all(w.text().strip() for w in (self.name, self.worker_id, self.mobile)) and self.consent.isChecked()

    def validatePage(self) -> bool:  # noqa: N802 - Qt name
        # An ID enrolled, or held by someone in another case (deleted people too), is refused for a new person.
        problems = self.wiz.service.enrollment.details_problems(
            self.worker_id.text().strip(), self.name.text().strip(), self.mobile.text(), self.pin.text(),
            new=self.wiz.replace is None)
        for widget, word in ((self.name, "name"), (self.worker_id, "worker id"), (self.mobile, "mobile")):
            widget.setProperty("invalid", any(p.lower().startswith(word) for p in problems))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if problems:
            show_message(self.error, self.tr("Please fix: ") + "; ".join(map(refusal_text, problems)) + ".")
            return False
        show_message(self.error, "")
        return True


class PhotosPage(QWizardPage):
    """Three photos from the live camera (with guidance) or from files; each is checked by the
    service (one face, big enough, sharp) on a worker thread."""

    def __init__(self, wizard: QWizard):
        super().__init__()
        self.wiz = wizard
        self.pending = 0
        self._guidance_busy = False
        self._last_guidance = 0
        self.ring: deque = deque()  # (captured_at, image) of the last RING_SECONDS of frames
        self._choosing = False
        self.last_choice = None
        layout = page_layout(
            self,
            self.tr("Three photos"),
            self.tr(
                "Take them with the kiosk camera (face centred, close "
                "enough, holding still) or choose image files. Each photo is checked at once."
            ),
        )
        self.preview = VideoView()
        self.preview.setMinimumSize(320, 180)
        self.preview.placeholder = self.tr("No camera") if wizard.hub is None else self.tr("Waiting for the camera…")
        self.guidance = QLabel(
            self.tr("Look at the camera"), objectName="guidance", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True
        )
        self.guidance.setMinimumWidth(300)  # one line for the usual advice, within the smallest preview
        self.take = QPushButton(self.tr("Take photo"), objectName="primary")
        self.take.clicked.connect(self.take_photo)
        self.take.setEnabled(wizard.hub is not None)
        self.choose = QPushButton(self.tr("Choose file…"))
        self.choose.clicked.connect(self.choose_file)
        camera = QVBoxLayout()
        stage = QGridLayout()  # the guidance sits on the picture, where the person looks
        stage.addWidget(self.preview, 0, 0)
        stage.addWidget(self.guidance, 0, 0, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
        camera.addLayout(stage, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take, 2)
        buttons.addWidget(self.choose, 1)
        camera.addLayout(buttons)
        self.slots = [PhotoSlot(i + 1) for i in range(PHOTOS_REQUIRED)]
        slots = QGridLayout()
        slots.setSpacing(12)
        for i, slot in enumerate(self.slots):
            slot.remove_requested.connect(lambda s=slot: self._remove(s))
            slots.addWidget(slot, 0, i)
        top = QHBoxLayout()
        top.setSpacing(20)
        top.addLayout(camera, 1)
        layout.addLayout(top, 1)
        layout.addLayout(slots)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        if wizard.hub is not None:
            wizard.hub.frame.connect(self._on_frame)

    # -- photo sources -----------------------------------------------------------------------
    def add_photo_from_file(self, path: str | Path) -> bool:
        """The file path of 'Choose file…' (also what tests call: no native dialog)."""
        try:
            image = self.wiz.service.load_image(path)
        except ImageError as exc:
            show_message(self.error, refusal_text(exc))
            return False
        return self.add_photo(image, Path(path).name)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a photo"),
            str(Path.home()),
            self.tr("Images") + " (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.heic *.heif)",
        )
        if path:
            self.add_photo_from_file(path)

    def take_photo(self) -> bool:
        """The best frame of the last second (best_frame), chosen on a worker thread."""
        frame = self.wiz.hub.latest if self.wiz.hub is not None else None
        if frame is None:
            show_message(self.error, self.tr("No camera picture to take: choose a file instead."))
            return False
        if self._choosing:
            return False
        images = [image for _, image in self.ring] or [frame.image.copy()]
        self._choosing = True
        self.take.setEnabled(False)
        run_task(self.wiz.service.enrollment.best_frame, images,
                 on_done=lambda choice: self._take_chosen(images, choice),
                 on_error=lambda exc: self._take_chosen(images, None), owner=self)
        return True

    def _take_chosen(self, images: list[np.ndarray], choice) -> None:
        self._choosing = False
        self.take.setEnabled(True)
        index = choice.index if choice is not None else len(images) - 1
        self.last_choice = choice
        label = self.tr("camera photo, best of %Ln frames", None, choice.considered) if choice is not None \
            else self.tr("camera photo")
        self.add_photo(images[index], label)

    def add_photo(self, image: np.ndarray, label: str) -> bool:
        slot = next((s for s in self.slots if s.state in ("empty", "bad")), None)
        if slot is None:
            show_message(self.error, self.tr("Three photos are already there: remove one to replace it."))
            return False
        show_message(self.error, "")
        slot.busy(image)
        self.pending += 1
        self.completeChanged.emit()
        run_task(
            self.wiz.service.enrollment.check_photo,
            image,
            self.tr("photo {number} ({label})").format(number=slot.number, label=label),
            on_done=lambda checked, s=slot: self._checked(s, checked),
            on_error=lambda exc, s=slot: self._rejected(s, exc),
            owner=self,
        )
        return True

    def _checked(self, slot: PhotoSlot, checked) -> None:
        self.pending -= 1
        slot.accept(checked)
        self.wiz.invalidate_after_photos()
        self.completeChanged.emit()

    def _rejected(self, slot: PhotoSlot, exc: Exception) -> None:
        self.pending -= 1
        text = refusal_text(exc) if isinstance(exc, (EnrollmentError, ImageError)) \
            else self.tr("could not check the photo: {reason}").format(reason=refusal_text(exc))
        slot.clear("✕ " + text.split(": ", 1)[-1])
        show_message(self.error, text[0].upper() + text[1:])
        self.completeChanged.emit()

    def _remove(self, slot: PhotoSlot) -> None:
        slot.clear()
        self.wiz.invalidate_after_photos()
        self.completeChanged.emit()

    def photos(self) -> list:
        return [s.checked for s in self.slots if s.checked is not None]

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return self.pending == 0 and len(self.photos()) == PHOTOS_REQUIRED

    # -- live guidance -------------------------------------------------------------------------
    def _on_frame(self, frame) -> None:
        if not self.isVisible():
            return
        self.preview.set_frame(frame.image)
        self.ring.append((frame.captured_at, frame.image.copy()))
        while self.ring and frame.captured_at - self.ring[0][0] > RING_SECONDS:
            self.ring.popleft()

        now = int(monotonic() * 1000)
        if self._guidance_busy or now - self._last_guidance < GUIDANCE_INTERVAL_MS:
            return
        self._guidance_busy = True
        self._last_guidance = now
        run_task(self.wiz.service.enrollment.camera_guidance, frame.image,
                 on_done=self._show_guidance, on_error=lambda exc: self._show_guidance((False, str(exc))),
                 owner=self)

    def _show_guidance(self, verdict) -> None:
        self._guidance_busy = False
        ok, said = verdict  # a kiosk.app.messages.Message, or the text of an error
        self.guidance.setText(said if isinstance(said, str) else render(said))
        set_kind(self.guidance, "ok" if ok else "bad")
