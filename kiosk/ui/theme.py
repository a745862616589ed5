"""The one palette and style sheet of the kiosk (resources/ui/style.qss), so every screen
looks the same and colours are named once; and the two ways a person can change how it looks
(issue 26, kiosk.app.display): the high-contrast theme (the palette mapped to black, white and
strong colours, every control outlined, resources/ui/high_contrast.qss) and text up to 150%.
`apply` sets both live: the application's style sheet and font change, every open window follows."""
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

# The high-contrast theme: each colour of the normal one (style.qss and the snippets set in code)
# becomes black, white or a strong colour that keeps at least 4.5:1 against what it meets.
HIGH_CONTRAST = {
    "#0f172a": "#000000", "#1e293b": "#000000", "#111c31": "#000000", "#020617": "#000000",
    "#243247": "#1a1a1a", "#334155": "#000000", "#3f4e63": "#000000", "#1e3a5f": "#000000",
    "#f1f5f9": "#ffffff", "#e2e8f0": "#ffffff", "#cbd5e1": "#ffffff", "#94a3b8": "#ffffff",
    "#64748b": "#c0c0c0", "#475569": "#c0c0c0", "#7f6b6b": "#c0c0c0",
    "#3b82f6": "#1d4ed8", "#2563eb": "#1e40af", "#bfdbfe": "#ffffff",
    "#22c55e": "#15803d", "#86efac": "#7cfc00", "#bbf7d0": "#ffffff", "#dcfce7": "#ffffff",
    "#14361f": "#000000", "#14532d": "#000000",
    "#ef4444": "#ff5c5c", "#b91c1c": "#b91c1c", "#dc2626": "#991b1b", "#3b1d1d": "#000000",
    "#fca5a5": "#ffb3b3", "#fecaca": "#ffffff",
    "#f59e0b": "#ffff00", "#fde68a": "#ffff00", "#3a2c0b": "#000000",
    "rgba(30, 41, 59, 230)": "#000000", "rgba(30, 41, 59, 240)": "#000000",
    "rgba(21, 128, 61, 238)": "#005a00", "rgba(30, 64, 175, 238)": "#00008b",
    "rgba(180, 83, 9, 238)": "#7a3300", "rgba(15, 23, 42, 150)": "#000000",
    "rgba(255, 255, 255, 150)": "#ffffff", "rgba(51, 65, 85, 230)": "#000000",
    "rgba(22, 101, 52, 235)": "#005a00", "rgba(127, 29, 29, 235)": "#7a0000",
}
_COLOUR = re.compile("|".join(re.escape(k) for k in sorted(HIGH_CONTRAST, key=len, reverse=True)), re.IGNORECASE)
_FONT_PX = re.compile(r"font-size:\s*(\d+)px")
BASE_POINT_SIZE = 13
BUTTON_FONT_PX = 18  # style.qss's QPushButton font-size


class Look:
    """The current look: high contrast or not, and the text scale (1.0 .. 1.5)."""

    high_contrast = False
    text_scale = 1.0


def font_px(px: float) -> int:
    """A font size in pixels set in code (painted text), at the current text scale."""
    return max(1, round(px * Look.text_scale))


def themed(css: str, *, high_contrast: bool | None = None, text_scale: float | None = None) -> str:
    """A style sheet (style.qss or a snippet set in code) in the current look: its colours mapped
    for high contrast, its font sizes scaled."""
    contrast = Look.high_contrast if high_contrast is None else high_contrast
    scale = Look.text_scale if text_scale is None else text_scale
    if contrast:
        css = _COLOUR.sub(lambda m: HIGH_CONTRAST[m.group(0).lower()], css)
    if scale != 1.0:
        css = _FONT_PX.sub(lambda m: f"font-size: {round(int(m.group(1)) * scale)}px", css)
    return css



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


def style_sheet(touch_size: int, *, high_contrast: bool = False, text_scale: float = 1.0) -> str:
    """resources/ui/style.qss with the icon folder and the touch sizes filled in: @TOUCH@, and
    @TOUCH*F@, @TOUCH-N@, @TOUCH*F-N@ (rounded up, then N pixels of padding taken off); in the
    given look (`themed`; high contrast adds resources/ui/high_contrast.qss)."""
    qss = RESOURCES / "style.qss"
    if not qss.is_file():
        return ""
    text = qss.read_text(encoding="utf-8")
    overlay = RESOURCES / "high_contrast.qss"
    if high_contrast and overlay.is_file():
        text += "\n" + overlay.read_text(encoding="utf-8")
    text = themed(text, high_contrast=high_contrast, text_scale=text_scale)
    text = text.replace("@ICONS@", (RESOURCES / "icons").as_posix())
    if text_scale > 1.0:  # a button never lower than its larger text (a coarse panel's touch size can be)
        text += f"\nQPushButton {{ min-height: {max(touch_size - 12, math.ceil(BUTTON_FONT_PX * text_scale * 1.2))}px; }}\n"

    def size(match: re.Match) -> str:
        factor, less = float(match.group(1) or 1), int(match.group(2) or 0)
        return str(max(0, math.ceil(touch_size * factor) - less))

    return re.sub(r"@TOUCH(?:\*([0-9.]+))?(?:-([0-9]+))?@", size, text)


def apply(app: QApplication, settings=None) -> None:
    """Load the style sheet, sized for the primary screen's touch size and in the look the
    settings ask for (high_contrast, text_scale; none: the normal look), into the application
    (kiosk.ui.screen_fit.install, called beside it, keeps every dialog on the screen). Called
    again when the settings change: every open window follows at once."""
    Look.high_contrast = bool(getattr(settings, "high_contrast", False))
    Look.text_scale = float(getattr(settings, "text_scale", 1.0) or 1.0)
    app.setStyleSheet(style_sheet(touch_px(app.primaryScreen()), high_contrast=Look.high_contrast,
                                  text_scale=Look.text_scale))
    font = app.font()
    font.setFamily("DejaVu Sans")
    font.setPointSizeF(BASE_POINT_SIZE * Look.text_scale)
    app.setFont(font)
