"""Privileged commands need the HR or admin PIN: each one refused without it (exit 1, nothing in
the data folder changed, nothing written), then done with it; the PIN's lockout shared with the
screens; a fresh kiosk closed until `kiosk set-admin-pin`; the audit trail names the role."""
from __future__ import annotations

import gc
import hashlib
import json

from kiosk.commands.main import build_parser
from kiosk.commands.staff_access import RULES, required_roles
from kiosk.security.staff_pins import LOCK_FILE, STATE_FILE
from tests.commands.conftest import ADMIN_PIN, HR_PIN, give_admin_pin, pin_file, run, run_plain
from tests.conftest import enrollment_split, photos_of


def snapshot(folder) -> dict:
    """Every file's content (the staff-PIN counters aside: a refused try counts there). The
    earlier command's database connection is closed first (its WAL checkpointed), so only this
    command's writes could show."""
    gc.collect()
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in (STATE_FILE, LOCK_FILE)}


def privileged(tmp_path, data):
    """(argv, a file or folder the command writes) of every privileged command, in an order
    that works when each is run for real."""
    out = tmp_path / "out"
    enroll = [str(p) for p in enrollment_split("df05")[0]]
    return [
        (["users"], None),
        (["export", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out / "a.csv")], out / "a.csv"),
        (["report", "daily", "--month", "2026-01"], None),
        (["report", "monthly", "--month", "2026-01", "--out", str(out / "m.xlsx")], out / "m.xlsx"),
        (["punch", "list", "--month", "2026-01"], None),
        (["audit"], None),
        (["new-recovery-code"], None),
        (["audit", "export", "--out", str(out / "audit.csv")], out / "audit.csv"),
        (["person", "export", "E001", "--out", str(out / "E001.zip")], out / "E001.zip"),
        (["gallery", "export", "--plain", str(out / "plain"), "--unencrypted"], out / "plain"),
        (["learned"], None),
        (["recognize", str(photos_of("obama")[0]), "--record"], None),
        (["set-pin", "E001", "--pin", "4711"], None),
        (["set-pin", "E001", "--clear"], None),
        (["person", "edit", "E001", "--department", "Ops"], None),
        (["person", "leave", "E002"], None),
        (["person", "reactivate", "E002"], None),
        (["punch", "add", "--id", "E001", "--at", "2026-01-05 09:00", "--direction", "in", "--reason", "forgot"], None),
        (["punch", "void", "1", "--reason", "a wrong one"], None),
        (["calibrate", "--apply"], None),
        (["purge"], None),
        (["gallery", "import", str(out / "plain"), "--replace"], None),
        (["gallery", "encrypt"], None),
        (["rename-id", "E003", "E033"], None),
        (["enroll", "--id", "E009", "--name", "New Person", "--no-masks", *enroll], None),
        (["reembed", "E009", "--force"], None),
        (["delete", "E004", "--yes"], None),
        (["set-staff-pin", "hr", "--new-pin-file", str(pin_file(HR_PIN))], None),
    ]


def test_each_privileged_command_is_refused_without_the_pin_and_works_with_it(capsys, data, tmp_path):
    give_admin_pin(data)
    d = ["--data-dir", str(data)]
    cases = privileged(tmp_path, data)
    assert {argv[0] for argv, _ in cases} | {"site", "doctor", "video"} == {c for c, r in RULES.items() if r}
    (tmp_path / "out").mkdir()
    for argv, writes in cases:
        before = snapshot(data)
        code, out, err = run_plain(capsys, *d, *argv)  # no PIN, no terminal to ask on
        assert code == 1 and "--pin-file" in err, (argv, err)
        assert snapshot(data) == before, argv
        assert writes is None or not writes.exists(), argv
        code, out, err = run_plain(capsys, "--pin-file", str(pin_file(ADMIN_PIN)), *d, *argv)
        assert code == 0, (argv, err)
        assert writes is None or writes.exists(), argv
    video = ["video", "--input", str(tmp_path / "none.mp4"), "--output", str(tmp_path / "o.mp4"), "--record"]
    for argv in (["site", "set", "threshold=0.6"], ["doctor", "--repair", "--no-models"], video):  # done with a PIN
        code, _, err = run_plain(capsys, *d, *argv)  # in tests/site, tests/robustness/test_doctor.py, test_video.py
        assert code == 1 and "--pin-file" in err, (argv, err)
    rows = json.loads(run(capsys, *d, "audit", "--json")[1])
    assert {r["role"] for r in rows if r["action"] in ("delete", "rename_id", "person_export", "pin_change")} == {"admin"}


def test_open_commands_need_no_pin(capsys, data):
    for argv in (["stats"], ["audit", "verify"], ["purge", "--dry-run"], ["calibrate"],
                 ["recognize", str(photos_of("obama")[0])]):
        code, _, err = run_plain(capsys, "--data-dir", str(data), *argv)
        assert code == 0, (argv, err)
        assert required_roles(build_parser().parse_args(argv)) is None


def test_hr_pin_opens_hr_commands_only_and_wrong_pins_lock_out_across_runs(capsys, data, tmp_path):
    give_admin_pin(data)
    d = ["--data-dir", str(data)]
    admin = ["--pin-file", str(pin_file(ADMIN_PIN))]
    assert run_plain(capsys, *admin, *d, "set-staff-pin", "hr", "--new-pin-file", str(pin_file(HR_PIN)))[0] == 0
    hr = ["--pin-file", str(pin_file(HR_PIN))]
    code, out, _ = run_plain(capsys, *hr, *d, "person", "edit", "E001", "--department", "Ops")
    assert code == 0
    code, _, err = run_plain(capsys, *hr, *d, "gallery", "export", "--plain", str(tmp_path / "plain"))
    assert code == 1 and "admin PIN" in err and not (tmp_path / "plain").exists()
    assert json.loads(run(capsys, *d, "audit", "--json", "--only", "person_edit")[1])[-1]["role"] == "hr"
    wrong = ["--pin-file", str(pin_file("8642"))]
    assert "Wrong PIN. 2 tries left." in run_plain(capsys, *wrong, *d, "users")[2]  # the admin's audit reset the count
    assert "Wrong PIN. 1 try left." in run_plain(capsys, *wrong, *d, "users")[2]
    code, _, err = run_plain(capsys, *wrong, *d, "users")
    assert code == 1 and "Try again in 30 s" in err
    code, _, err = run_plain(capsys, *admin, *d, "users")  # the right PIN waits too, in a new process's run
    assert code == 1 and "Too many wrong PINs" in err
    assert json.loads((data / STATE_FILE).read_text())["lockouts"] == 1


def test_a_fresh_kiosk_is_closed_until_set_admin_pin(capsys, tmp_path):
    d = ["--data-dir", str(tmp_path)]
    code, _, err = run_plain(capsys, "--pin-file", str(pin_file(ADMIN_PIN)), *d, "users")
    assert code == 1 and "kiosk set-admin-pin" in err
    new = ["--new-pin-file", str(pin_file("1111"))]
    code, _, err = run_plain(capsys, *d, "set-admin-pin", *new)
    assert code == 1 and "repeated" in err
    assert run_plain(capsys, *d, "set-admin-pin", "--new-pin-file", str(pin_file(ADMIN_PIN)))[0] == 0
    code, _, err = run_plain(capsys, *d, "set-admin-pin", "--new-pin-file", str(pin_file("8642")))
    assert code == 1 and "already has an admin PIN" in err
    code, out, _ = run_plain(capsys, "--pin-file", str(pin_file(ADMIN_PIN)), *d, "users")
    assert code == 0 and "nobody is enrolled" in out
    rows = json.loads(run(capsys, *d, "audit", "--json")[1])
    assert [(r["action"], r["role"], r["detail"].get("role")) for r in rows] == [("pin_change", "admin", "admin"),
                                                                                  ("recovery_code", "admin", None)]
