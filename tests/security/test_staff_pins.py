"""The admin and HR PINs' lockout on a real data folder: counted across restarts (a new
StaffPins over freshly loaded settings) and across two objects guessing in turn, doubling, the
file private."""
from __future__ import annotations

import json

from kiosk.app.settings import load_settings
from kiosk.security.staff_pins import STATE_FILE, StaffPins


def _pins(tmp_path, now, **kwargs):
    return StaffPins(load_settings(tmp_path), max_tries=3, lockout_s=30, clock=lambda: now[0], **kwargs)


def test_the_lockout_survives_a_restart_and_doubles(tmp_path):
    now = [1_000_000.0]
    pins = _pins(tmp_path, now)
    pins.set_pin("2580")
    pins.set_pin("1397", "hr")
    assert pins.check("0000").message == "Wrong PIN. 2 tries left."
    assert _pins(tmp_path, now).check("0000").message == "Wrong PIN. 1 try left."  # a restart in between
    third = _pins(tmp_path, now).check("0000")
    assert not third.ok and third.locked_seconds == 30
    restarted = _pins(tmp_path, now)
    assert restarted.seconds_locked() == 30
    refused = restarted.check("2580")
    assert not refused.ok and "Try again in 30 s" in refused.message  # the right PIN waits too
    assert (tmp_path / STATE_FILE).stat().st_mode & 0o777 == 0o600
    now[0] += 31
    for _ in range(3):
        last = _pins(tmp_path, now).check("9999")
    assert last.locked_seconds == 60  # the second lockout is twice as long
    now[0] += 61
    accepted = _pins(tmp_path, now).check("1397")
    assert accepted.ok and accepted.role == "hr"
    assert json.loads((tmp_path / STATE_FILE).read_text()) == {"failures": 0, "lockouts": 0, "locked_until": 0.0}
    assert not _pins(tmp_path, now).check("1397", ("admin",)).ok  # only the admin PIN for admin-only doors


def test_a_damaged_state_file_counts_as_no_failures_and_is_rewritten(tmp_path):
    now = [5.0]
    pins = _pins(tmp_path, now)
    pins.set_pin("2580")
    (tmp_path / STATE_FILE).write_text("not json")
    assert pins.check("0000").message == "Wrong PIN. 2 tries left."
    assert json.loads((tmp_path / STATE_FILE).read_text())["failures"] == 1
