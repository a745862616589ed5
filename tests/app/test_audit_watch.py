"""The audit chain checked without anyone asking (issue 27), on a real attendance.db broken the way
an attacker with write access would: the append-only trigger dropped and a row edited. The
service's check and `kiosk doctor` both report it; doctor --repair puts the trigger back but
never calls a broken chain intact."""
from __future__ import annotations

import json
import sqlite3

import pytest

from kiosk.security.audit import PIN_CHANGE, SETTING_CHANGE
from tests.commands.conftest import run


@pytest.fixture
def service(tmp_path):
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings

    service = KioskService(load_settings(tmp_path / "data"))
    service.audit_event(SETTING_CHANGE, cooldown_seconds=60)
    service.audit_event(PIN_CHANGE, "E1", pin="check-in")
    return service


def _tamper(db_path, drop=("audit_log_no_update",)):
    conn = sqlite3.connect(db_path)
    for trigger in drop:
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("UPDATE audit_log SET subject = 'someone else' WHERE id = 2")
    conn.commit()
    conn.close()


def test_the_service_check_finds_an_edited_row(service):
    assert service.audit_warning() is None and service.audit_check.ok and service.audit_check.rows == 2
    _tamper(service.settings.db_path)
    assert service.audit_warning() is None  # the last check's result, until the next check
    check = service.check_audit()
    assert not check.ok and check.first_bad_id == 2 and "row 2 was changed" in check.problem
    warning = service.audit_warning()
    assert warning.startswith("The audit trail is broken: row 2 was changed") and "backup" in warning


def test_a_fresh_service_checks_on_first_ask(service):
    from kiosk.app.service import KioskService

    _tamper(service.settings.db_path)
    fresh = KioskService(service.settings)
    assert fresh.audit_check is None and "row 2 was changed" in fresh.audit_warning()


def test_doctor_reports_a_broken_chain_and_dropped_triggers(service, capsys):
    data = str(service.settings.data_dir)
    code, out, _ = run(capsys, "--data-dir", data, "doctor", "--no-models")
    assert code == 0 and "ok      audit trail: hash chain of 2 rows intact" in out
    _tamper(service.settings.db_path, drop=("audit_log_no_update", "audit_log_no_delete"))
    code, out, err = run(capsys, "--data-dir", data, "doctor", "--no-models")
    line = next(x for x in out.splitlines() if "audit trail" in x)
    assert code == 1 and line.startswith("PROBLEM") and "row 2 was changed" in line
    assert "audit_log_no_update, audit_log_no_delete" in line and "--repair" in err
    code, out, _ = run(capsys, "--data-dir", data, "doctor", "--no-models", "--repair", "--json")
    audit = next(c for c in json.loads(out) if c["name"] == "audit trail")
    assert code == 1 and not audit["ok"] and "row 2 was changed" in audit["detail"]  # never "repaired"
    assert "put back" in audit["repaired"][0]
    conn = sqlite3.connect(service.settings.db_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE id = 1")
    conn.close()


def test_dropped_triggers_alone_are_reported_and_repaired(service, capsys):
    conn = sqlite3.connect(service.settings.db_path)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.commit()
    conn.close()
    data = str(service.settings.data_dir)
    code, out, _ = run(capsys, "--data-dir", data, "doctor", "--no-models")
    assert code == 1 and "hash chain of 2 rows intact; the triggers that keep it append-only were removed" in out
    code, out, _ = run(capsys, "--data-dir", data, "doctor", "--no-models", "--repair")
    assert code == 0 and "repaired: put back the audit trail's append-only triggers (audit_log_no_delete)" in out
