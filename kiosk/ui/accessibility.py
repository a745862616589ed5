"""Accessible names for every control (issue 26): what a screen reader says for it.

Qt already names most controls from what they show (a button's text, a field's label when the
label is its buddy, as QFormLayout makes it). What it cannot guess is set here, once for every
widget as it is first shown (`install`: an application-wide filter on Show events):

* a field, combo box or table beside a label that is not its buddy, or a combo box whose name
  would be its current choice: the label's text (a form row's label, else the page's title);
* a button that shows a symbol or only an icon: its tooltip, or a word for the symbol (⌫);
* widgets that draw (video, charts, pictures, keypads) set their own names where they are made.

`problems(window)` lists the interactive widgets left without a useful name: the accessibility
tests walk every window, page and dialog with it (kiosk.ui.tour)."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

from kiosk.ui.layout_audit import describe

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar, QAbstractSlider)
# A widget inside one of these is a part of it (a spin box's line edit, a combo box's list).
COMPOUND = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar)
SYMBOLS = {"⌫": QT_TRANSLATE_NOOP("Accessibility", "Delete the last character"), "✕": QT_TRANSLATE_NOOP("Accessibility", "Close"), "×": QT_TRANSLATE_NOOP("Accessibility", "Close"),
           "…": QT_TRANSLATE_NOOP("Accessibility", "More"), "+": QT_TRANSLATE_NOOP("Accessibility", "Add"), "-": QT_TRANSLATE_NOOP("Accessibility", "Remove")}
TITLES = ("dialogTitle", "pageTitle", "sectionTitle", "liveTitle")
WORD = re.compile(r"\w", re.UNICODE)
GRAPHIC = "accessibleGraphic"  # property: a drawing widget that needs a name (video, chart, keypad)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology reads: Qt's accessibility interface for the widget."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else widget.accessibleName()


def accessible_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Description) if interface is not None else widget.accessibleDescription()


def _strip(text: str) -> str:
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def _is_part(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QScrollBar)


def needs_name(widget: QWidget) -> bool:
    """An interactive widget (or a drawing one marked GRAPHIC), not a part of another control."""
    if widget.property(GRAPHIC):
        return True
    return isinstance(widget, INTERACTIVE) and not _is_part(widget)


def _form_label(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        layout = parent.layout()
        if layout is not None:
            for form in [layout, *layout.findChildren(QFormLayout)]:
                if isinstance(form, QFormLayout):
                    label = form.labelForField(widget)
                    if isinstance(label, QLabel) and label.text():
                        return _strip(label.text())
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return ""


def _buddy_label(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return _strip(label.text())
    return _form_label(widget)


def _context_title(widget: QWidget) -> str:
    """The title of the page or dialog the widget is on."""
    parent = widget.parentWidget()
    while parent is not None:
        for label in parent.findChildren(QLabel):
            if label.objectName() in TITLES and label.text():
                return _strip(label.text())
        if parent.isWindow():
            return _strip(parent.windowTitle())
        parent = parent.parentWidget()
    return ""


def useful(name: str) -> bool:
    """A name with at least one letter or digit (not "⌫" or "…")."""
    return bool(WORD.search(name or ""))


def derive_name(widget: QWidget) -> str:
    """A name for a widget Qt cannot name usefully by itself ("" when Qt's own is fine)."""
    if widget.accessibleName():
        return ""
    if isinstance(widget, QComboBox) or (isinstance(widget, (QLineEdit, QAbstractSpinBox))
                                         and not useful(accessible_name(widget))):
        label = _buddy_label(widget)
        if label:
            return label
        placeholder = getattr(widget, "placeholderText", lambda: "")()
        return placeholder or widget.toolTip() or _context_title(widget)
    current = accessible_name(widget)
    if useful(current):
        return ""
    if isinstance(widget, QAbstractButton):
        text = _strip(widget.text())
        return widget.toolTip() or (QCoreApplication.translate("Accessibility", SYMBOLS[text]) if text in SYMBOLS else "")
    if isinstance(widget, QAbstractItemView):
        title = _context_title(widget)
        return (QCoreApplication.translate("Accessibility", "{title} table").format(title=title) if title
                else QCoreApplication.translate("Accessibility", "Table"))
    return widget.toolTip()


def name_widget(widget: QWidget) -> None:
    """Set the derived name, and a description from the tooltip where there is none."""
    if not needs_name(widget):
        return
    name = derive_name(widget)
    if name:
        widget.setAccessibleName(name)
    if not widget.accessibleDescription() and widget.toolTip() and widget.toolTip() != accessible_name(widget):
        widget.setAccessibleDescription(widget.toolTip())


def name_tree(root: QWidget) -> None:
    for widget in [root, *root.findChildren(QWidget)]:
        name_widget(widget)


def problems(window: QWidget) -> list[str]:
    """Each visible interactive widget of `window` without a useful accessible name, described."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisible() and widget.window() is window and needs_name(widget):
            name = accessible_name(widget)
            if not useful(name):
                found.append(f"{describe(widget)}: accessible name {name!r}")
    return found


class _NameOnShow(QObject):
    """Names widgets as they are shown; and gives a dialog the keyboard when it opens (a kiosk
    often runs without a window manager, which would otherwise do it) and back to the window
    under it when it closes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if watched.isWindow():
                name_tree(watched)
                if isinstance(watched, QDialog):
                    watched.activateWindow()
            else:
                name_widget(watched)
        elif event.type() == QEvent.Type.Hide and isinstance(watched, QDialog) and watched.isWindow():
            owner = watched.parentWidget()
            if owner is not None and owner.window().isVisible():
                owner.window().activateWindow()  # the keyboard back to the window under the dialog
        return False


def install(app: QApplication) -> None:
    """Name every widget as it is shown, and activate dialogs, application-wide."""
    if getattr(app, "_name_on_show", None) is None:
        app._name_on_show = _NameOnShow(app)
        app.installEventFilter(app._name_on_show)
