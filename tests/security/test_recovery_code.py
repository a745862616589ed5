"""The admin PIN's recovery code: random, readable, stored only hashed, and under the staff PINs'
lockout when tried (kiosk.security.recovery_code, kiosk.security.staff_pins)."""
from __future__ import annotations

import pytest

from kiosk.app.settings import load_settings
from kiosk.security.recovery_code import ALPHABET, code_problem, hash_code, new_code, normalize, verify_code
from kiosk.security.staff_pins import StaffPins


def test_codes_are_random_readable_and_forgiving_when_typed():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    code = codes.pop()
    groups = code.split("-")
    assert [len(g) for g in groups] == [5, 5, 5, 5] and all(c in ALPHABET for c in "".join(groups))
    assert not set("ILOU") & set(code)
    typed = " ".join(groups).lower().replace("0", "o").replace("1", "l")
    assert normalize(typed) == code.replace("-", "") and code_problem(typed) is None
    assert code_problem("1234") and code_problem(code + "X") and code_problem("U" * 20)


def test_only_a_salted_hash_is_kept_and_it_verifies_the_code_alone():
    code = new_code()
    a, b = hash_code(code), hash_code(code)
    assert a != b and code.replace("-", "") not in a and "-" not in a.split("$")[-1]
    assert verify_code(code.lower(), a) and not verify_code(new_code(), a) and not verify_code(code, "")


def test_a_reset_with_the_code_sets_the_admin_pin_and_spends_the_code(tmp_path):
    settings = load_settings(tmp_path)
    pins = StaffPins(settings)
    pins.set_pin("2580")
    code = pins.issue_recovery_code()
    assert load_settings(tmp_path).recovery_code_hash == settings.recovery_code_hash  # saved
    result, second = pins.reset_admin_pin(code, "9731")
    assert result.ok and second and second != code
    fresh = StaffPins(load_settings(tmp_path))
    assert fresh.check("9731").ok and not fresh.check("2580").ok
    again, _ = fresh.reset_admin_pin(code, "4682")  # the first code is spent
    assert not again.ok and "Wrong recovery code" in again.message
    assert fresh.reset_admin_pin(second, "4682")[0].ok


def test_wrong_codes_share_the_staff_lockout_and_bad_input_changes_nothing(tmp_path):
    now = [1000.0]
    settings = load_settings(tmp_path)
    pins = StaffPins(settings, clock=lambda: now[0])
    pins.set_pin("2580")
    pins.set_pin("1397", "hr")
    code = pins.issue_recovery_code()
    before = settings.settings_path.read_text()
    with pytest.raises(ValueError, match="4 to 8 digits"):
        pins.reset_admin_pin(code, "12")
    with pytest.raises(ValueError, match="differ from the HR PIN"):
        pins.reset_admin_pin(code, "1397")
    with pytest.raises(ValueError, match="20 letters and digits"):
        pins.reset_admin_pin("ABC", "9731")
    assert pins.state()["failures"] == 0 and settings.settings_path.read_text() == before
    assert pins.check("0000").message == "Wrong PIN. 2 tries left."  # one wrong PIN ...
    assert pins.reset_admin_pin(new_code(), "9731")[0].message == "Wrong recovery code. 1 try left."  # ... one code
    locked = pins.reset_admin_pin(new_code(), "9731")[0]
    assert not locked.ok and locked.locked_seconds == 30
    assert not pins.reset_admin_pin(code, "9731")[0].ok  # the right code waits out the lockout too
    assert not pins.check("2580").ok
    now[0] += 31
    assert pins.reset_admin_pin(code, "9731")[0].ok and settings.settings_path.read_text() != before
