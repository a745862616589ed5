"""The HR audit trail on a real attendance.db: append-only, and any tampering is detected."""
import sqlite3
from datetime import date, datetime

import pytest

from kiosk.attendance.db import AttendanceDB
from kiosk.security.audit import DELETE, ENROLL, EXPORT, Actor, AuditLog

HR = Actor("hr", "HR")


@pytest.fixture
def log(tmp_path):
    db = AttendanceDB(tmp_path / "attendance.db", kiosk_id="door-a")
    audit = AuditLog(db)
    audit.record(ENROLL, actor=HR, subject="E1", detail={"name": "Zoë"}, now=datetime(2026, 3, 1, 9))
    audit.record(EXPORT, actor=Actor("admin"), detail={"rows": 4}, now=datetime(2026, 3, 2, 9))
    audit.record(DELETE, actor=HR, subject="E1", now=datetime(2026, 3, 3, 9))
    yield audit
    db.close()


def _sql(log, statement, *params):
    conn = sqlite3.connect(log.db.path)
    try:
        conn.execute(statement, params)
        conn.commit()
    finally:
        conn.close()


def test_rows_say_who_when_what_and_on_whom(log):
    rows = log.rows()
    assert [(r["role"], r["actor"], r["action"], r["subject"]) for r in rows] == [
        ("hr", "HR", "enroll", "E1"), ("admin", "admin", "export", ""), ("hr", "HR", "delete", "E1")]
    assert rows[0]["detail"] == {"name": "Zoë"} and rows[0]["kiosk_id"] == "door-a"
    assert [r["action"] for r in log.rows(subject="E1")] == ["enroll", "delete"]
    assert [r["action"] for r in log.rows(date(2026, 3, 2), date(2026, 3, 2))] == ["export"]
    assert log.verify().ok and log.verify().rows == 3


def test_the_database_refuses_edits_and_deletions(log):
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            _sql(log, statement)
    assert log.verify().ok


@pytest.mark.parametrize("tamper, problem", [
    ("UPDATE audit_log SET subject = 'E2' WHERE id = 2", "row 2 was changed"),
    ("DELETE FROM audit_log WHERE id = 2", "row 2 is missing"),
    ("DELETE FROM audit_log WHERE id = 3", "removed from the end"),
])
def test_tampering_with_one_row_is_detected(log, tamper, problem):
    _sql(log, "DROP TRIGGER audit_log_no_update")
    _sql(log, "DROP TRIGGER audit_log_no_delete")
    _sql(log, tamper)
    check = log.verify()
    assert not check.ok and problem in check.problem


def test_a_rewritten_row_with_a_recomputed_hash_still_breaks_the_chain(log):
    from kiosk.security.audit import row_hash

    _sql(log, "DROP TRIGGER audit_log_no_update")
    row = log.rows()[1]
    row["actor"], row["detail"] = "someone else", "{}"
    _sql(log, "UPDATE audit_log SET actor = ?, detail = ?, hash = ? WHERE id = 2",
         row["actor"], row["detail"], row_hash(row))
    check = log.verify()
    assert not check.ok and check.first_bad_id == 3  # row 3 no longer follows row 2


def test_a_missing_head_file_is_reported(log):
    log.head_path.unlink()
    assert "missing" in log.verify().problem


def test_export_is_csv_with_every_column(log, tmp_path):
    out = tmp_path / "audit.csv"
    assert log.export_csv(out, log.rows()) == 3
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,timestamp,role,actor,action,subject,detail") and "Zoë" in lines[1]


def test_unknown_actions_are_refused(log):
    with pytest.raises(ValueError, match="unknown audit action"):
        log.record("took_coffee", actor=HR)
