"""A new kiosk's first run (kiosk.app.first_run): the admin PIN, the recovery code and the initial
settings written once, all validated first, on a real data folder and audit trail."""
from __future__ import annotations

import pytest

from kiosk.app.first_run import InitialSettings, complete_setup, needs_setup, new_recovery_code, reset_admin_pin
from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.security.audit import ROLE_ADMIN, Actor
from kiosk.security.pin_hash import verify_pin
from kiosk.security.recovery_code import verify_code


def test_invalid_settings_are_all_said_and_nothing_is_written(tmp_path):
    settings = load_settings(tmp_path)
    bad = InitialSettings(kiosk_id="front door!", time_zone="Mars/Olympus", camera="/no/such/video.mp4")
    assert set(bad.problems()) == {"kiosk_id", "time_zone", "camera"}
    with pytest.raises(ValueError) as caught:
        complete_setup(settings, "2580", bad)
    assert "kiosk's name" in str(caught.value) and "Mars/Olympus" in str(caught.value)
    with pytest.raises(ValueError, match="4 to 8 digits"):
        complete_setup(settings, "25", InitialSettings("front-door", "Europe/Paris", "0"))
    assert not settings.settings_path.exists() and needs_setup(load_settings(tmp_path))
    assert InitialSettings("front-door", "", "rtsp://cam.local/stream").problems() == {}


def test_setup_writes_everything_once_and_audits_it(tmp_path):
    service = KioskService(load_settings(tmp_path))
    service.actor = Actor(ROLE_ADMIN, "Administrator")
    assert needs_setup(service.settings)
    code = complete_setup(service.settings, "2580", InitialSettings(" front-door ", "Asia/Kolkata", "1"),
                          audit=service.audit_event)
    stored = load_settings(tmp_path)
    assert (stored.kiosk_id, stored.time_zone, stored.camera) == ("front-door", "Asia/Kolkata", "1")
    assert verify_pin("2580", stored.admin_pin_hash) and verify_code(code, stored.recovery_code_hash)
    assert code not in stored.settings_path.read_text() and not needs_setup(stored)
    actions = [e["action"] for e in service.audit.rows()]
    assert "pin_change" in actions and "recovery_code" in actions
    with pytest.raises(ValueError, match="already set up"):  # written once
        complete_setup(stored, "9731", InitialSettings("other", "", "0"))
    assert verify_pin("2580", load_settings(tmp_path).admin_pin_hash)
    service.close()


def test_the_code_resets_the_admin_pin_and_a_new_code_replaces_the_old(tmp_path):
    settings = load_settings(tmp_path)
    code = complete_setup(settings, "2580", InitialSettings.of(settings))
    result, second = reset_admin_pin(load_settings(tmp_path), code, "9731")
    assert result.ok and verify_pin("9731", load_settings(tmp_path).admin_pin_hash)
    third = new_recovery_code(load_settings(tmp_path))
    stored = load_settings(tmp_path)
    assert verify_code(third, stored.recovery_code_hash) and not verify_code(second, stored.recovery_code_hash)
