"""The layout audit: can a person at this screen see and touch every control of a window?

Run on a real window on a real X server (kiosk.ui.xserver), after the window has been shown and
laid out. What it checks, for the window's screen (QScreen.availableGeometry) and the touch size
of that screen (kiosk.ui.theme.touch_px, 9 mm from its physical DPI):

* the window lies inside the available geometry;
* every visible control (button, check box, radio button, tool button, line edit, spin/date box,
  combo box, tab) is *reachable*: its whole rectangle is inside the available geometry, inside
  every ancestor (nothing clips it) and not covered by another widget at its centre. A control
  clipped by a QScrollArea's viewport is reachable when scrolling that scroll area (and those
  around it, innermost first, QScrollArea.ensureWidgetVisible) makes it reachable as defined here;
  the scroll positions are put back afterwards. Parts of a compound control (the arrows of a
  date box, the clear button of a line edit) are that control, not controls of their own;
* every control's touch area is at least the touch size in both directions (for a button: the
  extent where QAbstractButton.hitButton answers yes, so a check box counts its box and text,
  not empty space beside them);
* no text is cut: a button is at least as large as its size hint (text, icon and padding); a label's text fits its width
  (a word-wrapped label: its longest word fits and heightForWidth fits its height) unless the
  label draws its text elided itself (property `elides`, see kiosk.ui.widgets.elided) and carries
  the full text as its tooltip; labels are reachable as controls are;
* tables: every visible cell's text fits its column or the cell's tooltip carries it, and the
  columns are reachable (horizontal scrolling not switched off while they overflow).

The result is data (JSON-ready), with one readable sentence per problem naming the widget, its
text, where it is and why it fails."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTableView,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.screen_fit import show_within

FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox)
# A control inside one of these is a part of it (arrows, clear button, editor), not a control.
COMPOUND = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar, QScrollBar)
HIT_STEP = 3  # px between the points where a button's hit test is sampled
WORD_BREAKS = re.compile(r"\s+|(?<=-)|\u200b")  # Qt also breaks at a zero-width space (common.breakable)


@dataclass
class Problem:
    rule: str  # window, off-screen, clipped, covered, small, text-cut
    widget: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.widget}: {self.detail}"


@dataclass
class Report:
    window: str
    screen: list[int]  # width, height
    available: list[int]  # x, y, width, height
    touch: int
    window_rect: list[int]
    minimum: list[int]  # the window's minimum size hint: what its layout asks for
    controls: int = 0
    labels: int = 0
    scrolled: int = 0  # controls and labels reachable only by scrolling
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return asdict(self)


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def _show(r: QRect) -> str:
    return f"{r.width()}x{r.height()} at ({r.x()},{r.y()})"


def _text_of(widget: QWidget) -> str:
    for getter in ("text", "placeholderText", "currentText"):
        value = getattr(widget, getter, None)
        if callable(value):
            try:
                text = value()
            except TypeError:
                continue
            if text:
                return text
    return widget.toolTip() or widget.accessibleName()


def _own_name(widget: QWidget) -> str:
    name = widget.objectName()
    return "" if not name or name.startswith(("qt_", "__qt__")) else f"#{name}"  # Qt's internal names say nothing


def describe(widget: QWidget) -> str:
    """`QPushButton "Delete" in EmployeesPage > QFrame#sidebar`: class, text and where."""
    text = " ".join(_text_of(widget).split())
    text = f' "{text[:60]}{"…" if len(text) > 60 else ""}"' if text else ""
    path, parent = [], widget.parentWidget()
    while parent is not None and len(path) < 3:
        if _own_name(parent) or type(parent).__name__ not in ("QWidget", "QFrame", "QStackedWidget"):
            path.append(type(parent).__name__ + _own_name(parent))
        parent = parent.parentWidget()
    return f"{type(widget).__name__}{_own_name(widget)}{text}" + (f" in {' > '.join(reversed(path))}" if path else "")


def _ancestors(widget: QWidget, window: QWidget) -> list[QWidget]:
    chain, parent = [], widget.parentWidget()
    while parent is not None:
        chain.append(parent)
        if parent is window:
            break
        parent = parent.parentWidget()
    return chain


def _is_part(widget: QWidget, window: QWidget) -> bool:
    return any(isinstance(a, COMPOUND) for a in _ancestors(widget, window) if a is not window)


class _Placement:
    """Where a widget (or a rectangle of it) is, what of it can be seen, and why not."""

    def __init__(self, widget: QWidget, window: QWidget, available: QRect, local: QRect | None = None):
        self.widget, self.window, self.available = widget, window, available
        self.local = local if local is not None else widget.rect()
        self.measure()

    def measure(self) -> None:
        w, window = self.widget, self.window
        origin = w.mapTo(window, QPoint(0, 0)) if w is not window else QPoint(0, 0)
        self.rect = self.local.translated(origin)
        visible = QRect(self.rect)
        self.clipper = None
        for ancestor in _ancestors(w, window):
            at = ancestor.mapTo(window, QPoint(0, 0)) if ancestor is not window else QPoint(0, 0)
            clipped = visible.intersected(QRect(at, ancestor.size()))
            if clipped != visible and self.clipper is None:
                self.clipper = ancestor
            visible = clipped
        self.visible = visible
        self.global_rect = self.rect.translated(window.mapToGlobal(QPoint(0, 0)))

    @property
    def inside_ancestors(self) -> bool:
        return self.visible == self.rect and not self.rect.isEmpty()

    @property
    def on_screen(self) -> bool:
        return self.available.contains(self.global_rect)

    @property
    def reachable(self) -> bool:
        return self.inside_ancestors and self.on_screen

    def covered_by(self) -> QWidget | None:
        """The widget drawn at this rectangle's centre, when it is not this widget or its child."""
        hit = self.window.childAt(self.rect.center()) if self.window.rect().contains(self.rect.center()) else None
        if hit is None or hit is self.widget or self.widget.isAncestorOf(hit):
            return None
        return hit

    def why_not(self) -> tuple[str, str]:
        if not self.inside_ancestors:
            clipper = self.clipper
            shown = self.visible.width() * self.visible.height()
            share = 100 * shown // max(1, self.rect.width() * self.rect.height())
            return "clipped", (f"{_show(self.rect)} in the window is {share}% shown: cut by "
                               f"{describe(clipper) if clipper is not None else 'its parent'}")
        screen = self.available
        g = self.global_rect
        shown = g.intersected(screen)
        share = 100 * shown.width() * shown.height() // max(1, g.width() * g.height())
        return "off-screen", (f"{_show(g)} on screen is {share}% inside the available "
                              f"{screen.width()}x{screen.height()} at ({screen.x()},{screen.y()})")


def _scroll_into_view(widget: QWidget, window: QWidget) -> list[tuple[QScrollBar, int]]:
    """Scroll every QScrollArea around `widget` (innermost first) to show it; returns what to
    put back."""
    saved = []
    for ancestor in _ancestors(widget, window):
        if isinstance(ancestor, QScrollArea):
            for bar in (ancestor.horizontalScrollBar(), ancestor.verticalScrollBar()):
                saved.append((bar, bar.value()))
            # its whole rectangle (ensureWidgetVisible shows only a text field's cursor), right to left too
            show_within(ancestor, widget)
    return saved


def _restore(saved: list[tuple[QScrollBar, int]]) -> None:
    for bar, value in reversed(saved):
        bar.setValue(value)


def _hit_extent(button: QAbstractButton) -> tuple[int, int]:
    """Width and height of the area where the button takes a tap (QAbstractButton.hitButton)."""
    xs, ys = [], []
    for y in range(0, button.height(), HIT_STEP):
        for x in range(0, button.width(), HIT_STEP):
            if button.hitButton(QPoint(x, y)):
                xs.append(x)
                ys.append(y)
    if not xs:
        return 0, 0
    return min(button.width(), max(xs) - min(xs) + HIT_STEP), min(button.height(), max(ys) - min(ys) + HIT_STEP)


def _label_cut(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.textFormat() == Qt.TextFormat.RichText or (label.textFormat() == Qt.TextFormat.AutoText
                                                         and GuiQt.mightBeRichText(text)):
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setHtml(text)
        text = doc.toPlainText()
    if label.buddy() is not None:  # "&Name": the & marks the shortcut and is not drawn
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    fm = label.fontMetrics()
    box = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    indent = max(0, label.indent())
    width = box.width() - indent
    lines = text.split("\n")
    if label.wordWrap():
        # what a line may not be broken inside: a word (Qt also breaks after a hyphen)
        longest = max((w for line in lines for w in WORD_BREAKS.split(line)), key=fm.horizontalAdvance, default="")
        if fm.horizontalAdvance(longest) > width:
            return f'the word "{longest}" needs {fm.horizontalAdvance(longest)} px, the label has {width}'
        need = label.heightForWidth(label.width())
        if need > label.height() + 1:
            return f"wrapped, the text needs {need} px of height, the label has {label.height()}"
        return None
    need_w = max(fm.horizontalAdvance(line) for line in lines)
    if need_w > width:
        if label.property("elides") and label.toolTip() == label.text():
            return None
        return (f"the text needs {need_w} px, the label has {width} (neither wrapped nor elided with its "
                f"full text as tooltip)")
    need_h = fm.height() + fm.lineSpacing() * (len(lines) - 1)
    if need_h > box.height() + 1:
        return f"the text needs {need_h} px of height, the label has {box.height()}"
    return None


def _table_problems(view: QTableView, name: str) -> list[Problem]:
    problems = []
    model = view.model()
    if model is None or not model.rowCount() or not model.columnCount():
        return problems
    header = view.horizontalHeader()
    content = header.length()
    if content > view.viewport().width() and view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        problems.append(Problem("clipped", name, f"its columns need {content} px, it shows {view.viewport().width()} "
                                "and cannot scroll sideways"))
    first = max(0, view.rowAt(0))
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    fm = view.fontMetrics()
    sampled = range(min(model.rowCount(), 1000))  # as QHeaderView.resizeContentsPrecision

    def text(row: int, column: int) -> str:
        return str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")

    for column in range(model.columnCount()):
        wanted, width = view.sizeHintForColumn(column), view.columnWidth(column)
        if view.isColumnHidden(column) or wanted <= width:
            continue
        padding = wanted - max(fm.horizontalAdvance(text(r, column)) for r in sampled)  # the cell's margins
        for row in range(first, last + 1):
            shown = text(row, column)
            if fm.horizontalAdvance(shown) + padding > width and \
                    model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) != shown:
                title = model.headerData(column, Qt.Orientation.Horizontal) or column
                problems.append(Problem("text-cut", name, f'cell "{shown[:50]}" (column {title}, row {row + 1}) '
                                        f"needs {fm.horizontalAdvance(shown) + padding} px, its column has {width}, "
                                        "and it has no tooltip"))
                break
    return problems


def _targets(widget: QWidget) -> list[tuple[QWidget, QRect | None, str]]:
    """The touch targets a widget stands for: itself, or each tab of a tab bar."""
    if isinstance(widget, QTabBar):
        return [(widget, widget.tabRect(i), f'tab "{widget.tabText(i)}" of {describe(widget)}')
                for i in range(widget.count()) if widget.isTabVisible(i)]
    return [(widget, None, describe(widget))]


def audit(window: QWidget, touch: int | None = None) -> Report:
    """Audit a shown top-level window (see the module's docstring for the rules)."""

    QApplication.processEvents()
    screen = window.screen()
    available = screen.availableGeometry()
    touch = touch if touch is not None else theme.touch_px(screen)
    frame = window.frameGeometry()
    hint = window.minimumSizeHint()
    report = Report(describe(window), [screen.geometry().width(), screen.geometry().height()], _rect(available),
                    touch, _rect(frame), [hint.width(), hint.height()])
    if not available.contains(frame):
        report.problems.append(Problem("window", describe(window), f"the window is {_show(frame)}, outside the "
                                       f"available {_show(available)} (its layout asks for at least "
                                       f"{hint.width()}x{hint.height()})"))
    widgets = [w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window]
    for widget in widgets:
        control = isinstance(widget, (QAbstractButton, QTabBar) + FIELDS) and not _is_part(widget, window)
        label = isinstance(widget, QLabel) and bool(widget.text()) and not _is_part(widget, window)
        if control:
            for target, local, name in _targets(widget):
                report.controls += 1
                _check_target(report, target, local, name, window, available, touch)
        elif label:
            report.labels += 1
            _check_target(report, widget, None, describe(widget), window, available, None)
            cut = _label_cut(widget)
            if cut:
                report.problems.append(Problem("text-cut", describe(widget), cut))
        elif isinstance(widget, QTableView) and not _is_part(widget, window):
            report.problems.extend(_table_problems(widget, describe(widget)))
    return report


def _check_target(report: Report, widget: QWidget, local: QRect | None, name: str, window: QWidget,
                  available: QRect, touch: int | None) -> None:
    place = _Placement(widget, window, available, local)
    saved = []
    if not place.reachable:
        saved = _scroll_into_view(widget, window)
        if saved:
            place.measure()
            if place.reachable:
                report.scrolled += 1
    try:
        if not place.reachable:
            rule, detail = place.why_not()
            report.problems.append(Problem(rule, name, detail))
            return
        cover = place.covered_by()
        if cover is not None:
            report.problems.append(Problem("covered", name, f"{_show(place.global_rect)}: its centre is under "
                                           f"{describe(cover)}"))
        if touch is None:
            return
        if isinstance(widget, QAbstractButton):
            w, h = _hit_extent(widget)
            hint = widget.sizeHint()
            if widget.text() and (widget.width() < hint.width() or widget.height() < hint.height()):
                report.problems.append(Problem("text-cut", name, f"{widget.width()}x{widget.height()} px, its "
                                               f"text, icon and padding need {hint.width()}x{hint.height()}"))
        else:
            w, h = place.rect.width(), place.rect.height()
        if w < touch or h < touch:
            report.problems.append(Problem("small", name, f"touch area {w}x{h} px, below the {touch} px touch "
                                           f"size (9 mm on this screen)"))
    finally:
        _restore(saved)
