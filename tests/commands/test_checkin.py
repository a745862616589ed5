"""`kiosk set-pin` and `kiosk checkin` on a real gallery and database: method pin, the kept
frame, cooldown, wrong PINs and the persisted lockout, clear errors."""
from __future__ import annotations

import csv
import json
from datetime import date

from kiosk.attendance import AttendanceDB
from kiosk.security.pins import MAX_TRIES
from tests.commands.conftest import run
from tests.conftest import enrollment_split


def test_pin_checkin_records_method_pin_keeps_the_frame_and_obeys_the_cooldown(capsys, data, tmp_path):
    d = str(data)
    assert run(capsys, "--data-dir", d, "set-pin", "E001", "--pin", "2580")[0] == 0
    frame = enrollment_split("df01")[1][0]
    code, out, err = run(capsys, "--data-dir", d, "checkin", "--id", "E001", "--pin", "2580", str(frame), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["attendance"]["outcome"] == "checked_in" and result["attendance"]["method"] == "pin"
    kept = result["frame"]
    assert kept and (data / "review").is_dir() and kept.endswith("_E001_pin.jpg")
    # An unmasked face teaches nothing (the rule says why).
    assert result["mask_template"]["action"] == "refused" and "not masked" in result["mask_template"]["reason"]
    code, out, _ = run(capsys, "--data-dir", d, "checkin", "--id", "E001", "--pin", "2580")
    assert code == 0 and "already checked in" in out
    with AttendanceDB(data / "attendance.db") as db:
        rows = db.attendance(date.today(), date.today(), "E001")
        log = db.access_log(date.today(), date.today(), "E001")
    assert [r["method"] for r in rows] == ["pin"]
    assert log[0]["source"] == "pin" and log[0]["detail"] == kept
    out_csv = tmp_path / "a.csv"
    today = date.today().isoformat()
    assert run(capsys, "--data-dir", d, "export", "--from", today, "--to", today, "--out", str(out_csv))[0] == 0
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][-2:] == ["method", "direction"] and table[1][-2:] == ["pin", "in"]


def test_wrong_pins_lock_the_id_out_across_processes(capsys, data):
    d = str(data)
    run(capsys, "--data-dir", d, "set-pin", "E002", "--pin", "4711")
    for i in range(MAX_TRIES - 1):
        code, _, err = run(capsys, "--data-dir", d, "checkin", "--id", "E002", "--pin", "0000")
        assert code == 1 and "Wrong worker ID or PIN" in err and "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", d, "checkin", "--id", "E002", "--pin", "0000")
    assert code == 1 and "Too many wrong PINs" in err
    # Every main() is a new service and database connection: the lockout lives in the file.
    code, _, err = run(capsys, "--data-dir", d, "checkin", "--id", "E002", "--pin", "4711")
    assert code == 1 and "Too many wrong PINs" in err
    with AttendanceDB(data / "attendance.db") as db:
        assert db.attendance(date.today(), date.today(), "E002") == []


def test_bad_pins_and_ids_get_one_line(capsys, data):
    d = str(data)
    code, _, err = run(capsys, "--data-dir", d, "set-pin", "E001", "--pin", "1111")
    assert code == 1 and err.startswith("error:") and "repeated" in err
    code, _, err = run(capsys, "--data-dir", d, "set-pin", "E001", "--pin", "12")
    assert code == 1 and "4 to 6 digits" in err
    code, _, err = run(capsys, "--data-dir", d, "set-pin", "NOBODY", "--pin", "2580")
    assert code == 1 and "NOBODY" in err
    code, _, err = run(capsys, "--data-dir", d, "checkin", "--id", "NOBODY", "--pin", "2580")
    assert code == 1 and "Wrong worker ID or PIN" in err  # does not say which IDs exist
    code, out, _ = run(capsys, "--data-dir", d, "set-pin", "E001", "--clear")
    assert code == 0 and "was not set" in out
