"""The first run and a forgotten admin PIN on the command line: `kiosk set-admin-pin` writes the
PIN, the initial settings and a recovery code once; `kiosk reset-admin-pin --recovery-code`
resets the PIN with it (wrong codes locked out like PINs); `kiosk new-recovery-code` replaces it."""
from __future__ import annotations

import json

from kiosk.app.settings import load_settings
from kiosk.security.staff_pins import STATE_FILE
from tests.commands.conftest import ADMIN_PIN, pin_file, run_plain

NEW_PIN = "9731"


def test_first_run_reset_and_a_new_code_from_the_command_line(capsys, tmp_path):
    d = ["--data-dir", str(tmp_path)]
    new = ["--new-pin-file", str(pin_file(ADMIN_PIN))]
    code, _, err = run_plain(capsys, *d, "set-admin-pin", *new, "--time-zone", "Mars/Olympus")
    assert code == 1 and "Mars/Olympus" in err and not (tmp_path / "kiosk.toml").exists()
    code, out, err = run_plain(capsys, *d, "set-admin-pin", *new, "--kiosk-id", "front-door",
                               "--time-zone", "Europe/Paris", "--json")
    assert code == 0, err
    first = json.loads(out)["recovery_code"]
    settings = load_settings(tmp_path)
    assert (settings.kiosk_id, settings.time_zone) == ("front-door", "Europe/Paris")
    assert first not in settings.settings_path.read_text()

    reset = ["reset-admin-pin", "--new-pin-file", str(pin_file(NEW_PIN))]
    code, _, err = run_plain(capsys, *d, *reset, "--recovery-code", "not a code")
    assert code == 1 and "20 letters and digits" in err and not (tmp_path / STATE_FILE).exists()  # no try counted
    wrong = "ABCDE-FGHJK-MNPQR-STVWX"
    code, _, err = run_plain(capsys, *d, *reset, "--recovery-code", wrong)
    assert code == 1 and "Wrong recovery code. 2 tries left." in err
    code, out, err = run_plain(capsys, *d, *reset, "--recovery-code", first.lower().replace("-", " "))
    assert code == 0, err
    second = out.strip().splitlines()[-1].strip()
    assert second != first and len(second) == 23 and "no longer works" in out
    assert run_plain(capsys, "--pin-file", str(pin_file(ADMIN_PIN)), *d, "users")[0] == 1
    assert run_plain(capsys, "--pin-file", str(pin_file(NEW_PIN)), *d, "users")[0] == 0
    code, _, err = run_plain(capsys, *d, *reset, "--recovery-code", first)  # spent
    assert code == 1 and "Wrong recovery code" in err

    code, out, _ = run_plain(capsys, "--pin-file", str(pin_file(NEW_PIN)), *d, "new-recovery-code", "--json")
    third = json.loads(out)["recovery_code"]
    rows = json.loads(run_plain(capsys, "--pin-file", str(pin_file(NEW_PIN)), *d, "audit", "--json")[1])
    assert [r["action"] for r in rows].count("recovery_code") == 3
    code, _, err = run_plain(capsys, *d, *reset, "--recovery-code", second)  # replaced
    assert code == 1 and "Wrong recovery code. 2 tries left." in err
    assert "1 try left" in run_plain(capsys, *d, *reset, "--recovery-code", wrong)[2]
    assert "Too many wrong recovery codes" in run_plain(capsys, *d, *reset, "--recovery-code", wrong)[2]
    code, _, err = run_plain(capsys, *d, *reset, "--recovery-code", third)  # the right one waits too
    assert code == 1 and "Try again in 30 s" in err
