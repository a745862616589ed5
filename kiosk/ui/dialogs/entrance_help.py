"""Help at the entrance (issue 26): the Help key under the entrance's video and the view it opens,
for employees: how to check in, what "Please look at the camera" and "Unknown" mean, the liveness
prompts, the worker-ID and PIN way in, whom to ask (this kiosk's name, HR) and what is stored
(docs/privacy.md). Big text that scrolls on a small screen, a large Close; Esc closes it, and it
closes by itself after IDLE_CLOSE_MS untouched, as the other entrance overlays do (the screen is
shared: the next person should find the camera, not a page of text)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import i18n, theme
from kiosk.ui.dialogs.idle_close import IdleClosingDialog
from kiosk.ui.screen_fit import Body, scrolling

IDLE_CLOSE_MS = 60_000  # long enough to read it all; then the entrance is the camera again
WIDEST = 1000  # the text's column on a wide screen (long lines are hard to read)

NEAR_M, FAR_M = 0.5, 1.5  # where to stand (the detector's working range at the door)
# (title, text) of each section, under the EntranceHelp context; {kiosk} is this kiosk's name,
# {near} and {far} the distances in the language's digits (QLocale, kiosk.ui.i18n.number).
SECTIONS = (
    (QT_TRANSLATE_NOOP("EntranceHelp", "Checking in"),
     QT_TRANSLATE_NOOP("EntranceHelp", "Stand {near} to {far} m from the screen and look at it. Hold still for a moment: "
                                       "your name shows in green with the time, and a sound plays. A face mask is "
                                       "fine. There is nothing to touch.")),
    (QT_TRANSLATE_NOOP("EntranceHelp", "“Please look at the camera” and “Unknown”"),
     QT_TRANSLATE_NOOP("EntranceHelp", "“Please look at the camera” means the kiosk is not sure yet: look straight "
                                       "at the screen for a second or two. “Unknown” means your face was not "
                                       "recognised: step closer, into good light, and take off sunglasses or a hat. "
                                       "If you are new, HR has to enrol you first.")),
    (QT_TRANSLATE_NOOP("EntranceHelp", "“Turn your head”, “Look up”, “Blink”"),
     QT_TRANSLATE_NOOP("EntranceHelp", "Sometimes the kiosk asks you to move, to be sure it sees a real person and "
                                       "not a photo. Do what the screen says (it also says it aloud), slowly, "
                                       "while still looking at the screen.")),
    (QT_TRANSLATE_NOOP("EntranceHelp", "Checking in with your worker ID and PIN"),
     QT_TRANSLATE_NOOP("EntranceHelp", "If your face is not recognised, tap “Check in with my worker ID” and type "
                                       "your worker ID, then your PIN. “My hours” shows your own week the same way. "
                                       "HR gives you your PIN.")),
    (QT_TRANSLATE_NOOP("EntranceHelp", "Who to ask"),
     QT_TRANSLATE_NOOP("EntranceHelp", "This kiosk is “{kiosk}”. For a missed or wrong check-in, a PIN, or to be "
                                       "enrolled, ask HR and give them the kiosk's name.")),
    (QT_TRANSLATE_NOOP("EntranceHelp", "Your privacy"),
     QT_TRANSLATE_NOOP("EntranceHelp", "The kiosk keeps your name, your worker ID, your face as encrypted templates "
                                       "and photos from your enrolment, and the time of each check-in. The video is "
                                       "not recorded; when you check in with your PIN, one picture is kept for HR "
                                       "to check. HR can show you, or delete, what is kept about you.")),
)


def help_button() -> QPushButton:
    """The entrance's Help key, beside "My hours" under the video (the header has no room left on
    a portrait screen at 150% text): a "?" and the word, finger-sized, F1 on a keyboard."""
    button = QPushButton(QCoreApplication.translate("EntranceHelp", "Help"), objectName="helpButton")
    button.setIcon(theme.icon("help"))
    button.setIconSize(QSize(28, 28))  # as the HR key's lock
    button.setProperty("touch", "large")
    button.setShortcut(QKeySequence(Qt.Key.Key_F1))
    button.setAccessibleDescription(QCoreApplication.translate("EntranceHelp", "How to check in, and whom to ask."))
    return button


class EntranceHelp(IdleClosingDialog):
    """The help view: the whole screen's height (up to its width's worth of reading), scrolling."""

    def __init__(self, kiosk_name: str, parent: QWidget | None = None):
        super().__init__(IDLE_CLOSE_MS, parent)
        self.setWindowTitle(self.tr("Help"))
        self.setModal(True)
        self.kiosk_name = kiosk_name
        title = QLabel(self.tr("Help"), objectName="liveTitle", wordWrap=True)
        intro = QLabel(self.tr("How to check in at this kiosk, “{kiosk}”.").format(kiosk=kiosk_name),
                       objectName="liveHint", wordWrap=True)
        body = Body(objectName="pageBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(10)
        self.sections: list[tuple[QLabel, QLabel]] = []
        for heading, text in SECTIONS:
            head = QLabel(self.tr(heading), objectName="helpHeading", wordWrap=True)
            words = QLabel(self.tr(text).format(kiosk=kiosk_name, near=i18n.number(NEAR_M, 1),
                                                far=i18n.number(FAR_M, 1)), objectName="helpText", wordWrap=True)
            words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            column.addWidget(head)
            column.addWidget(words)
            self.sections.append((head, words))
        column.addStretch(1)
        self.scroll = scrolling(body, sideways=False)
        self.scroll.setAccessibleName(self.tr("Help text"))
        buttons = self.close_row(self.tr("Closes the help; it also closes by itself."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)

    def text(self) -> str:
        """Everything the view says, as one string (for tests and screen readers' checks)."""
        return "\n".join(w.text() for pair in self.sections for w in pair)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        """The screen's height, and its width up to WIDEST, centred; the idle timer starts."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.place(min(screen.width(), WIDEST), screen.height())
        self.close_button.setFocus()
        super().showEvent(event)
