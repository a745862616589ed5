"""The engine's sentences as keys and values (kiosk.app.messages): English for the CLI; an unknown
key refused; the entrance's banner after a punch built from them (Timesheet.punch_notice)."""
from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.app.messages import Duration, Message, english, hours_text


def test_english_formats_times_durations_and_counts():
    moment = datetime(2026, 12, 7, 17, 32)
    assert english(Message("punch.checked_out", {"name": "Ada", "time": moment})) == "Ada - checked out 17:32"
    assert english(Message("punch.checked_out.worked", {"worked": Duration(515)})) == "8 h 35 min today. Goodbye!"
    assert english(Message("punch.checked_in.late", {"late": 12}, "late")) == "12 min late today."
    assert hours_text(45) == "45 min" and english(None) == ""


def test_a_message_names_a_known_sentence_and_its_count():
    with pytest.raises(ValueError, match="no message 'punch.nope'"):
        Message("punch.nope")
    assert Message("punch.checked_in.late", {"late": 3}, "late").count == 3
    assert Message("punch.checked_in.on_time").count == -1
