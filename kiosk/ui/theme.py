"""The one palette and style sheet of the kiosk (resources/ui/style.qss), so every screen
looks the same and colours are named once."""
from __future__ import annotations

import math
import re
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


# Touch targets: at least 9 mm on the screen the kiosk runs on, from the panel's physical size
# (QScreen.physicalDotsPerInch: the EDID's millimetres, or Xvfb's -dpi). A panel that reports no
# size or a nonsensical one counts as 96 dpi; the result is kept between a floor (a finger still
# needs 40 px on a coarse panel) and a ceiling (a wrong EDID must not make every button huge).
TOUCH_MM = 9.0
TOUCH_FLOOR_PX = 40
TOUCH_CEILING_PX = 96
PLAUSIBLE_DPI = (50.0, 600.0)


def touch_px(screen=None) -> int:
    """9 mm in device-independent pixels on `screen` (the primary screen by default)."""
    screen = screen or QApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    if not PLAUSIBLE_DPI[0] <= dpi <= PLAUSIBLE_DPI[1]:
        dpi = 96.0
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    px = math.ceil(TOUCH_MM / 25.4 * dpi / max(ratio, 1.0))  # at least 9 mm: rounded up
    return max(TOUCH_FLOOR_PX, min(TOUCH_CEILING_PX, px))


def restyle(widget, **properties) -> None:
    """Set dynamic properties the style sheet selects on (`[compact="true"]`) and apply them."""
    for name, value in properties.items():
        widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def color(name: str) -> QColor:
    return QColor(name)


def icon(name: str) -> QIcon:
    path = RESOURCES / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def touch(factor: float = 1.0) -> int:
    """`factor` touch sizes in pixels on the primary screen (for sizes set in code)."""
    return math.ceil(touch_px() * factor)


def style_sheet(touch_size: int) -> str:
    """resources/ui/style.qss with the icon folder and the touch sizes filled in: @TOUCH@, and
    @TOUCH*F@, @TOUCH-N@, @TOUCH*F-N@ (rounded up, then N pixels of padding taken off)."""
    qss = RESOURCES / "style.qss"
    if not qss.is_file():
        return ""
    text = qss.read_text(encoding="utf-8").replace("@ICONS@", (RESOURCES / "icons").as_posix())

    def size(match: re.Match) -> str:
        factor, less = float(match.group(1) or 1), int(match.group(2) or 0)
        return str(max(0, math.ceil(touch_size * factor) - less))

    return re.sub(r"@TOUCH(?:\*([0-9.]+))?(?:-([0-9]+))?@", size, text)


def apply(app: QApplication) -> None:
    """Load the style sheet, sized for the primary screen's touch size, into the application
    (kiosk.ui.screen_fit.install, called beside it, keeps every dialog on the screen)."""
    app.setStyleSheet(style_sheet(touch_px(app.primaryScreen())))
    font = app.font()
    font.setFamily("DejaVu Sans")
    font.setPointSize(13)
    app.setFont(font)
