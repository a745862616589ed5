"""The one palette and style sheet of the kiosk (resources/ui/style.qss), so every screen
looks the same and colours are named once."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "ui"

BG = "#0f172a"
SURFACE = "#1e293b"
SURFACE_2 = "#334155"
TEXT = "#f1f5f9"
MUTED = "#94a3b8"
PRIMARY = "#3b82f6"
SUCCESS = "#22c55e"
WARNING = "#f59e0b"
DANGER = "#ef4444"
UNKNOWN = "#e2e8f0"


def color(name: str) -> QColor:
    return QColor(name)


def icon(name: str) -> QIcon:
    path = RESOURCES / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def apply(app: QApplication) -> None:
    """Load the style sheet (with the icon folder substituted) into the application."""
    qss = RESOURCES / "style.qss"
    if qss.is_file():
        text = qss.read_text(encoding="utf-8").replace("@ICONS@", (RESOURCES / "icons").as_posix())
        app.setStyleSheet(text)
    font = app.font()
    font.setFamily("DejaVu Sans")
    font.setPointSize(13)
    app.setFont(font)
