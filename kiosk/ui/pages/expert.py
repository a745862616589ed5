"""Expert recognition: open one image, see every face boxed with its top-3 candidates and their
scores (KioskService.recognize with record=False: looking is not checking in); and the technical
state of this kiosk that the entrance does not show employees (issue 26): face models, frame
rates, people enrolled, liveness, and the site self-check (the same as `kiosk calibrate`)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.app.types import ImageError
from kiosk.ui import i18n, theme
from kiosk.ui.engine_text import refusal_text, render
from kiosk.ui.i18n import number
from kiosk.ui.pages.common import page_layout
from kiosk.ui.widgets.imaging import FaceBox, annotated_pixmap
from kiosk.ui.widgets.picture import Picture
from kiosk.ui.worker import run_task

MAX_IMAGE_SIDE = 1100
SIDE_BY_SIDE_MIN_WIDTH = 840  # narrower (a portrait screen): the candidates go under the image


class ExpertPage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.results = None
        self.busy = False
        layout, header = page_layout(
            self,
            self.tr("Expert recognition"),
            self.tr("Every face in one image, with its best three candidates. Nothing is recorded."),
        )
        self.open_button = QPushButton(self.tr("Open image…"), objectName="primary")
        self.open_button.clicked.connect(self.choose_file)
        header.addWidget(self.open_button)
        self.image = Picture(self.tr("Open an image to analyse it"))
        self.image.setMinimumSize(320, 240)
        self.faces = QVBoxLayout()
        self.faces.setSpacing(12)
        faces_widget = QWidget()
        faces_widget.setLayout(self.faces)
        scroll = QScrollArea()
        scroll.setWidget(faces_widget)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumSize(300, 240)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(20)
        self.body.addWidget(self.image, 5)
        self.body.addWidget(scroll, 4)
        layout.addLayout(self.body, 1)
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        # This kiosk's technical state: the live page's (status_source, on the kiosk) and the service's.
        self.status_source = None
        layout.addWidget(QLabel(self.tr("This kiosk"), objectName="sectionTitle"))
        self.technical = QLabel(objectName="muted", wordWrap=True)
        self.technical.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.technical)
        self.selfcheck = QLabel("", objectName="muted", wordWrap=True)
        layout.addWidget(self.selfcheck)

    def refresh(self) -> None:
        rows = list(self.status_source()) if self.status_source is not None else []
        try:
            rows.append((self.tr("People enrolled"), number(len(self.service.matcher))))
            reason = self.service.liveness_reason()
            rows.append((self.tr("Liveness check"), self.tr("on") if self.service.liveness is not None else
                         self.tr("off ({reason})").format(reason=reason) if reason else self.tr("off")))
        except Exception as exc:  # noqa: BLE001 - the page stays usable; the reason is shown
            rows.append((self.tr("Gallery"), self.tr("unavailable: {reason}").format(reason=refusal_text(exc))))
        self.technical.setText("\n".join(self.tr("{what}: {value}").format(what=what, value=value)
                                         for what, value in rows))
        self.selfcheck.setText(self._selfcheck_line())

    def _selfcheck_line(self) -> str:
        try:
            return render(self.service.self_check_notice()) + self.tr(" (full report: `kiosk calibrate` on this machine)")
        except Exception as exc:  # the screen stays usable; the reason is shown, not hidden
            return self.tr("Site self-check unavailable: {reason}").format(reason=refusal_text(exc))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        wide = self.width() >= SIDE_BY_SIDE_MIN_WIDTH
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an image"), str(Path.home()),
                                              self.tr("Images") + " (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)")
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        try:
            image = self.service.load_image(path)
        except ImageError as exc:
            self.message.setText(refusal_text(exc))
            return False
        self.busy = True
        self.message.setText(self.tr("Analysing {name}…").format(name=Path(path).name))
        self.open_button.setEnabled(False)
        run_task(self.service.recognize, image, record=False, top_k=3,
                 on_done=lambda results: self._show(image, Path(path).name, results),
                 on_error=self._failed, owner=self)
        return True

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.open_button.setEnabled(True)
        self.message.setText(self.tr("Could not analyse the image: {reason}").format(reason=refusal_text(exc)))

    def _show(self, image, name: str, results) -> None:
        self.busy = False
        self.open_button.setEnabled(True)
        self.results = results
        boxes = []
        while self.faces.count():
            item = self.faces.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for i, result in enumerate(results, start=1):
            match = result.match
            colour = theme.SUCCESS if match.accepted else theme.UNKNOWN
            boxes.append(
                FaceBox(
                    result.face.xywh(),
                    "#{} {}".format(i, match.name if match.accepted else self.tr("Unknown")),
                    number(match.score, 2),
                    colour,
                    match.masked_template and match.accepted,
                )
            )
            self.faces.addWidget(self._face_card(i, result))
        self.faces.addStretch(1)
        pixmap = annotated_pixmap(image, boxes, MAX_IMAGE_SIDE)
        self.image.set_pixmap(pixmap)
        threshold = self.service.threshold
        self.message.setText(self.tr("{name}: %Ln face(s) · model {model} · threshold {threshold}", None, len(results))
                             .format(name=name, model=self.service.pipeline.description, threshold=number(threshold, 2))
                             if results else self.tr("{name}: no face found.").format(name=name))

    def _face_card(self, number: int, result) -> QWidget:
        from PySide6.QtWidgets import QFrame, QProgressBar

        match = result.match
        frame = QFrame(objectName="card")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(18, 14, 18, 14)
        verdict = (self.tr("{name} · Present").format(name=match.name) if match.accepted else
                   self.tr("Not sure · too close to a second person (lead {lead} < {margin})").format(
                       lead=i18n.number(match.lead, 2), margin=i18n.number(match.margin, 2))
                   if match.unsure else self.tr("Unknown · Not in Database"))
        title = QLabel(self.tr("Face #{number}: {verdict}").format(number=number, verdict=verdict), wordWrap=True)
        title.setStyleSheet(theme.themed("font-size: 19px; font-weight: 700;"))
        layout.setSpacing(6)
        layout.addWidget(title)
        if not match.candidates:
            layout.addWidget(QLabel(self.tr("Nobody is enrolled to compare with."), objectName="muted"))
        for rank, cand in enumerate(match.candidates, start=1):
            name = QLabel(f"{rank}. {cand.name} ({cand.user_id})" + (self.tr("  · via a masked template")
                                                                       if cand.masked_template else ""), wordWrap=True)
            name.setObjectName("muted" if rank > 1 else "")
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(int(round(max(0.0, cand.score) * 100)))
            bar.setFormat(i18n.number(cand.score, 3))
            bar.setFixedHeight(theme.font_px(26))
            bar.setAccessibleName(self.tr("Similarity to {name}").format(name=cand.name))
            ok = rank == 1 and match.accepted  # the winner, over its threshold
            bar.setStyleSheet(theme.themed("QProgressBar { min-height: 20px; border-radius: 10px; font-size: 14px; }"
                              f"QProgressBar::chunk {{ border-radius: 10px; background: "
                              f"{theme.SUCCESS if ok else '#64748b'}; }}"))
            layout.addWidget(name)
            layout.addWidget(bar)
        return frame
