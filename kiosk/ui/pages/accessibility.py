"""Accessibility (issue 26): the high-contrast theme, larger text (up to 150%) and the volume of
the check-in sounds, for HR and the administrator. A change is saved at once (kiosk.toml, on the
audit trail: kiosk.app.display) and applied at once to every open window (kiosk.ui.theme.apply);
the sounds can be tried here."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.engine_text import refusal_text
from kiosk.ui.pages.common import page_layout, say
from kiosk.ui.screen_fit import form
from kiosk.ui.sounds import CHECKED_IN, NOT_RECOGNISED, Sounds
from kiosk.ui.widgets.flow import FlowLayout

TEXT_SIZES = ((1.0, QT_TRANSLATE_NOOP("AccessibilityPage", "Normal")),
              (1.25, QT_TRANSLATE_NOOP("AccessibilityPage", "Larger (125%)")),
              (1.5, QT_TRANSLATE_NOOP("AccessibilityPage", "Largest (150%)")))


class AccessibilityPage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        layout, _ = page_layout(self, self.tr("Accessibility"),
                                self.tr("How the kiosk looks and sounds, for everyone who uses it. "
                                        "Changes apply at once."))
        self.high_contrast = QCheckBox(self.tr("High-contrast colours"))
        self.high_contrast.setAccessibleDescription(
            self.tr("Black and white with strong colours, every control outlined."))
        self.high_contrast.toggled.connect(lambda on: self.save(high_contrast=on))
        self.sizes = QButtonGroup(self)
        sizes = FlowLayout(spacing=12)
        self.size_buttons: dict[float, QRadioButton] = {}
        for scale, text in TEXT_SIZES:
            button = QRadioButton(self.tr(text))
            self.sizes.addButton(button)
            self.size_buttons[scale] = button
            button.toggled.connect(lambda on, s=scale: on and self.save(text_scale=s))
            sizes.addWidget(button)
        self.volume = QSpinBox()
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(10)
        self.volume.setSuffix(self.tr(" %"))
        self.volume.setAccessibleName(self.tr("Sound volume"))
        self.volume.setAccessibleDescription(self.tr("0 is silent."))
        self.volume.valueChanged.connect(lambda value: self.save(sound_volume=value))
        self.try_checkin = QPushButton(self.tr("Play the check-in sound"))
        self.try_unknown = QPushButton(self.tr("Play the “not recognised” sound"))
        self.try_checkin.clicked.connect(lambda: self.play(CHECKED_IN))
        self.try_unknown.clicked.connect(lambda: self.play(NOT_RECOGNISED))
        tries = FlowLayout(spacing=12)
        tries.addWidget(self.try_checkin)
        tries.addWidget(self.try_unknown)
        layout.addLayout(form([(self.tr("Colours"), self.high_contrast), (self.tr("Text size"), sizes),
                               (self.tr("Sound volume"), self.volume), ("", tries)], spacing=14))
        layout.addStretch(1)
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        self.sounds: Sounds | None = None  # made on first use (the entrance has its own)
        self._loading = False

    def refresh(self) -> None:
        values = self.service.display.values()
        self._loading = True
        try:
            self.high_contrast.setChecked(bool(values["high_contrast"]))
            nearest = min(self.size_buttons, key=lambda s: abs(s - float(values["text_scale"])))
            self.size_buttons[nearest].setChecked(True)
            self.volume.setValue(int(values["sound_volume"]))
        finally:
            self._loading = False

    def save(self, **values) -> bool:
        """Save one change and apply it to every window; a refused value is said, nothing changes."""
        if self._loading:
            return False
        try:
            changed = self.service.display.save(**values)
        except (ValueError, OSError) as exc:
            say(self.message, self.tr("Not saved: {reason}").format(reason=refusal_text(exc)), error=True)
            return False
        if changed and ({"high_contrast", "text_scale"} & set(changed)):
            app = QApplication.instance()
            if app is not None:
                theme.apply(app, self.service.settings)
        if changed:
            say(self.message, self.tr("Saved."))
        return bool(changed)

    def play(self, kind: str) -> bool:
        if self.sounds is None:
            self.sounds = Sounds(self.service.settings, parent=self)
        played = self.sounds.play(kind)
        if not played:
            say(self.message, self.tr("No sound: this machine has no audio output.") if not self.sounds.available
                else self.tr("No sound: the volume is 0."))
        return played
