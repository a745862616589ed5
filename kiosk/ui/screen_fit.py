"""Windows that fit the screen they are on, whatever its size: main windows take their preferred
size only where the screen has room (and the whole screen in kiosk mode, also without a window
manager), dialogs never grow past the screen's available area, and long content scrolls inside
its window (a scroll area that a finger can drag) instead of pushing buttons off the screen."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QWidget,
)

from kiosk.ui import theme


def available(widget: QWidget | None = None) -> QRect:
    """The screen area a window may use (without panels and docks)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_window(window: QWidget, width: int, height: int) -> None:
    """`width` x `height`, or less where the screen is smaller; centred on the screen."""
    area = available(window)
    size = QSize(width, height).boundedTo(area.size()).expandedTo(window.minimumSize().boundedTo(area.size()))
    window.resize(size)
    window.move(area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2)


def present(window: QWidget, full_screen: bool) -> None:
    """Show a main window: covering the whole screen in kiosk mode (set here too, as a kiosk
    often runs without a window manager to do it), otherwise as fit_window left it."""
    if full_screen:
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
    else:
        keep_on_screen(window)
        window.show()


def keep_on_screen(window: QWidget) -> None:
    """Tall enough for its wrapped text, no bigger than the available area, and inside it."""
    area = available(window)
    if not area.isValid():
        return
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        # A top-level window's minimum ignores word-wrapped labels (their height depends on the
        # width): at the window's real width they may need more, and squeeze the rest otherwise.
        need = layout.totalHeightForWidth(window.width())
        if need > window.height():
            window.resize(window.width(), need)
    size = window.size().boundedTo(area.size())
    if size != window.size():
        window.resize(size)
    x = min(max(window.x(), area.x()), area.x() + area.width() - window.width())
    y = min(max(window.y(), area.y()), area.y() + area.height() - window.height())
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class _DialogsOnScreen(QObject):
    """Application-wide: every dialog (ours, QMessageBox, QFileDialog) is kept on the screen
    when it is shown (QDialog centres itself over its parent, even when that puts it past the
    screen's edge)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.LayoutRequest) and isinstance(watched, QDialog) \
                and watched.isWindow() and (kind == QEvent.Type.Show or watched.isVisible()):
            keep_on_screen(watched)  # also when its text changes (a longer message, a wrapped error)
        return False


def install(app: QApplication) -> None:
    if getattr(app, "_dialogs_on_screen", None) is None:
        app._dialogs_on_screen = _DialogsOnScreen(app)
        app.installEventFilter(app._dialogs_on_screen)


class Body(QWidget):
    """The content of a scroll area: as tall as its layout needs *at least* at a width (QScrollArea
    otherwise makes it as tall as its preferred height, and scrolls when nothing needs to)."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        layout = self.layout()
        return layout.minimumHeightForWidth(width) if layout is not None else super().heightForWidth(width)


class _UpDownScroll(QScrollArea):
    """A scroll area that never scrolls sideways: at least as wide as its content's minimum
    and the scroll bar beside it (else the bar, when it shows, would cover the content's edge)."""

    def minimumSizeHint(self):  # noqa: N802 - Qt name
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        frame = 2 * self.frameWidth()
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + frame
        return QSize(max(hint.width(), width), hint.height())

    # As tall as its content at a width (the window sizes itself to that, up to the screen).
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return self.widget() is not None and self.widget().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        frame = 2 * self.frameWidth()
        return self.widget().heightForWidth(width - frame) + frame

    def sizeHint(self):  # noqa: N802 - Qt name
        hint = super().sizeHint()
        if not self.hasHeightForWidth():
            return hint
        width = max(hint.width(), self.minimumSizeHint().width())
        return QSize(width, self.heightForWidth(width))


def show_within(area: QScrollArea, widget: QWidget) -> None:
    """Scroll `area` so that the whole of `widget`, inside its content, is in view.

    QScrollArea.ensureVisible and ensureWidgetVisible do not scroll sideways right to left
    (Arabic): they take the scroll bar's value for a distance from the content's left edge,
    while right to left the content sits at x = value - maximum, so a button past the left edge
    of the portrait top bar stayed hidden, for the keyboard too. Up and down they are right."""
    content = area.widget()
    if content is None or not content.isAncestorOf(widget):
        area.ensureWidgetVisible(widget, 0, 0)
        return
    box = QRect(widget.mapTo(content, QPoint(0, 0)), widget.size())
    area.ensureVisible(box.center().x(), box.center().y(), box.width() // 2 + 1, box.height() // 2 + 1)
    left = content.x() + box.x()
    if area.isRightToLeft() and (left < 0 or left + box.width() > area.viewport().width()):
        bar = area.horizontalScrollBar()  # the value that puts the box in the viewport's middle
        bar.setValue(max(0, min(bar.maximum(), bar.maximum() + area.viewport().width() // 2 - box.center().x())))


class _Scroll(QScrollArea):
    """A QScrollArea whose keyboard focus (Tab) brings the focused control into view right to
    left too (show_within)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt names
        moved = super().focusNextPrevChild(next)
        focused = QApplication.focusWidget()
        if moved and focused is not None and self.widget() is not None and self.widget().isAncestorOf(focused):
            show_within(self, focused)
        return moved


def scrolling(content: QWidget, *, sideways: bool = True) -> QScrollArea:
    """`content` (best a Body) in a frameless scroll area that follows its size: it scrolls only
    when the window is too small for it. A finger drags it (QScroller), as on a phone."""
    area = _Scroll() if sideways else _UpDownScroll()
    area.setObjectName("scrollPage")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if sideways
                                      else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area


class _WholeButton(QWidget):
    """A form's check box (or other button) that keeps its whole text beside its label.

    QFormLayout's WrapLongRows puts a row's field under its label when the label column and the
    field's minimum width do not fit, but that test leaves out the spacing between the columns:
    a button that cannot shrink kept its row and lost up to the spacing's width of its text
    (11 px of "Close them automatically" at 800x1280 with 150% text). This holder asks for the
    button's width plus that spacing, so the row goes under its label whenever the button would
    not fit whole beside it."""

    def __init__(self, button: QAbstractButton, spacing: int):
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(button)
        self._button, self._spacing = button, spacing
        self.setFocusProxy(button)  # focus given to the row (setFocus, a screen reader) reaches the button
        self.setSizePolicy(QSizePolicy.Policy.Minimum, button.sizePolicy().verticalPolicy())

    def minimumSizeHint(self) -> QSize:
        hint = self._button.sizeHint()
        return QSize(hint.width() + self._spacing, hint.height())

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()


def form(rows: list[tuple[str, QWidget | QLayout]], spacing: int = 16) -> QFormLayout:
    """Rows of label and field: the label beside its field and centred on it, or above it when
    the window is narrow."""
    layout = QFormLayout()
    layout.setSpacing(spacing)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for text, field in rows:
        label = QLabel(text, alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumHeight(min(theme.touch(), field.sizeHint().height()))  # a one-line field's height
        if isinstance(field, QAbstractButton):  # a check box is never squeezed below its text (larger text)
            field.setSizePolicy(QSizePolicy.Policy.Minimum, field.sizePolicy().verticalPolicy())
            field = _WholeButton(field, spacing)
        layout.addRow(label, field)
    return layout
