"""The entrance header (greeting, clock, language and HR buttons) on a portrait 800 px screen at
150% text, at every hour: "Good afternoon" is wider than "Good morning", and it used to squeeze
the buttons until their text was cut (the layout walk failed by day and passed at night). The
greeting now gives way (kiosk.ui.widgets.fitting_title)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from kiosk.ui import theme
from kiosk.ui.layout_audit import audit
from kiosk.ui.pages.live import LivePage
from kiosk.ui.pages.live_words import greeting

HEADER = ("languageButton", "adminButton", "liveTitle", "clock")


@pytest.fixture
def large_text(qapp):
    sheet, font = qapp.styleSheet(), qapp.font()
    look = (theme.Look.high_contrast, theme.Look.text_scale)
    theme.apply(qapp, SimpleNamespace(high_contrast=False, text_scale=1.5))
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    theme.Look.high_contrast, theme.Look.text_scale = look


@pytest.mark.parametrize("hour", [8, 14, 20])
def test_the_header_fits_a_portrait_screen_at_every_hour(qtbot, make_service, large_text, hour):
    page = LivePage(make_service())
    qtbot.addWidget(page)
    page.resize(800, 760)
    page.show()
    qtbot.waitExposed(page)
    page.greeting.setText(greeting(hour))
    qtbot.wait(50)
    problems = [p for p in audit(page).problems if any(name in p.widget for name in HEADER)]
    assert not problems, "\n".join(f"[{p.rule}] {p.widget}: {p.detail}" for p in problems)
    for button in (page.language_button, page.admin_button):
        assert button.width() >= button.sizeHint().width(), button.objectName()
    words = page.greeting.text().split()
    widest = max(page.greeting.fontMetrics().horizontalAdvance(w) for w in words)
    assert widest <= page.greeting.contentsRect().width()
    # wide enough again, the greeting is back at its full size
    page.resize(1280, 760)
    qtbot.wait(50)
    assert page.greeting.property("fit") == "normal"
