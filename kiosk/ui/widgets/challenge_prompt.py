"""The liveness challenge on the entrance screen: a big arrow (or eye) and the instruction in words,
readable from a metre away, with the seconds left; "try again" and the worker-ID hint too.

Only draws what kiosk.app.challenge_gate.ChallengePrompt says. Arrows point the way the person
turns from their own point of view (they face the screen: their left is the screen's left)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.ui.i18n import number

# ChallengePrompt states (kiosk.app.challenge_gate's names, which the screens may not import).
ASK, RETRY, USE_PIN = "ask", "retry", "pin"
ARROW_PX = 180  # the symbol's size: about 3 cm on a 150 dpi touchscreen
# The instruction in words, by kiosk.recognition.challenge's instruction names (the engine's English
# is prompt.text, shown as it is for an instruction this table does not know).
WORDS = {"turn_left": QT_TRANSLATE_NOOP("ChallengePrompt", "Turn your head to your left"),
         "turn_right": QT_TRANSLATE_NOOP("ChallengePrompt", "Turn your head to your right"),
         "look_up": QT_TRANSLATE_NOOP("ChallengePrompt", "Look up"),
         "look_down": QT_TRANSLATE_NOOP("ChallengePrompt", "Look down"),
         "blink": QT_TRANSLATE_NOOP("ChallengePrompt", "Blink your eyes")}


def prompt_text(prompt) -> str:
    """What the card shows and the voice says for `prompt`, in the screens' language."""
    if prompt.state == RETRY:
        return QCoreApplication.translate("ChallengePrompt", "Not quite - let's try again")
    if prompt.state == USE_PIN:
        return QCoreApplication.translate("ChallengePrompt", "Please check in with your worker ID")
    words = WORDS.get(prompt.instruction or "")
    return QCoreApplication.translate("ChallengePrompt", words) if words else prompt.text


class Symbol(QWidget):
    """An arrow left/right/up/down, an eye for a blink, nothing otherwise."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind: str | None = None
        self.setFixedSize(QSize(ARROW_PX, ARROW_PX))

    def set_kind(self, kind: str | None) -> None:
        self.kind = kind
        self.setVisible(kind is not None)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self.kind is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor("#ffffff")
        s = float(min(self.width(), self.height()))
        p.translate(self.width() / 2, self.height() / 2)
        if self.kind == "blink":
            p.setPen(QPen(colour, s * 0.06))
            p.drawEllipse(QRectF(-s * 0.42, -s * 0.22, s * 0.84, s * 0.44))
            p.setBrush(colour)
            p.drawEllipse(QPointF(0, 0), s * 0.13, s * 0.13)
            return
        p.rotate({"right": 0, "down": 90, "left": 180, "up": 270}.get(self.kind, 0))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        shaft, head = s * 0.14, s * 0.34
        p.drawPolygon(QPolygonF([QPointF(-s * 0.42, -shaft), QPointF(s * 0.05, -shaft), QPointF(s * 0.05, -head),
                                 QPointF(s * 0.45, 0), QPointF(s * 0.05, head), QPointF(s * 0.05, shaft),
                                 QPointF(-s * 0.42, shaft)]))


class ChallengePromptView(QFrame):
    """The card over the video while a challenge runs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("challengePrompt")
        self.setStyleSheet(
            "#challengePrompt { background: rgba(20, 60, 120, 225); border-radius: 24px; }"
            "#challengeText { color: white; font-size: 44px; font-weight: 600; }"
            "#challengeDetail { color: #dfe8f5; font-size: 26px; }")
        self.symbol = Symbol()
        self.text = QLabel(objectName="challengeText", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.detail = QLabel(objectName="challengeDetail", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(10)
        layout.addWidget(self.symbol, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.text)
        layout.addWidget(self.detail)
        self.setMinimumWidth(520)
        self.prompt = None
        self.hide()

    def show_prompt(self, prompt) -> None:
        self.prompt = prompt
        if prompt.state == ASK:
            self.symbol.set_kind(prompt.arrow)
            left = self.tr("{seconds} s left").format(seconds=number(prompt.remaining_s, 0))
            self.detail.setText(self.tr("Step {step} of {steps} · {left}").format(
                step=number(prompt.step), steps=number(prompt.steps), left=left) if prompt.steps > 1 else left)
        elif prompt.state == RETRY:
            self.symbol.set_kind(None)
            self.detail.setText(self.tr("Attempt {attempt} of {attempts} coming up").format(
                attempt=number(prompt.attempt + 1), attempts=number(prompt.max_attempts)))
        else:
            self.symbol.set_kind(None)
            self.detail.setText(self.tr("Tap \"Check in with my worker ID\" below"))
        self.text.setText(prompt_text(prompt))
        self.show()
        self.raise_()

    def clear(self) -> None:
        self.prompt = None
        self.hide()
