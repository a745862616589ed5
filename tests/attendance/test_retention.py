"""Retention on a real attendance.db and real files: purge removes exactly what the policy says."""
import os
from datetime import datetime, timedelta

import pytest

from kiosk.attendance.db import AttendanceDB
from kiosk.attendance.retention import RetentionPolicy, purge

NOW = datetime(2026, 6, 30, 12)


@pytest.fixture
def db(tmp_path):
    db = AttendanceDB(tmp_path / "attendance.db", cooldown_seconds=0)
    db.upsert_employee("E1", "Ada")
    for days in (1, 20, 40, 400):
        moment = NOW - timedelta(days=days)
        db.record_recognition("E1", "Ada", 0.8, now=moment)  # a check-in and a checked_in row
        db.record_recognition(None, "", 0.3, now=moment)  # an unknown face
        db.record_recognition(None, "", 0.6, now=moment, unsure=True)
    yield db
    db.close()


def _count(db, sql):
    return db.db.execute(sql).fetchone()[0]


def test_purge_removes_exactly_what_is_older_than_each_period(db, tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    for name, days in (("old.jpg", 100), ("new.jpg", 5)):
        (photos / name).write_bytes(b"jpeg")
        stamp = (NOW - timedelta(days=days)).timestamp()
        os.utime(photos / name, (stamp, stamp))
    policy = RetentionPolicy(unknown_days=30, access_days=365, attendance_days=30, photos_days=90)
    dry = purge(db, policy, photo_folders=[photos], now=NOW, dry_run=True)
    assert (dry.unknown_rows, dry.access_rows, dry.attendance_rows, dry.photos) == (4, 1, 2, 1)
    assert _count(db, "SELECT count(*) FROM access_log") == 12 and (photos / "old.jpg").exists()
    report = purge(db, policy, photo_folders=[photos], now=NOW)
    assert report.as_dict() == dry.as_dict() | {"dry_run": False}
    # Kept: unknown/unsure rows of the last 30 days, named rows of the last 365, check-ins of 30.
    assert _count(db, "SELECT count(*) FROM access_log WHERE outcome IN ('unknown', 'unsure')") == 4
    assert _count(db, "SELECT count(*) FROM access_log WHERE outcome = 'checked_in'") == 3
    assert _count(db, "SELECT count(*) FROM attendance") == 2
    assert sorted(p.name for p in photos.iterdir()) == ["new.jpg"]
    assert purge(db, policy, photo_folders=[photos], now=NOW).total == 0


def test_none_keeps_everything(db):
    assert purge(db, RetentionPolicy(None, None, None, None), now=NOW).total == 0


def test_policy_from_settings_names_a_bad_value(tmp_path):
    from kiosk.app.settings import load_settings

    settings = load_settings(tmp_path)
    assert RetentionPolicy.from_settings(settings) == RetentionPolicy()
    (tmp_path / "kiosk.toml").write_text('retention_attendance_days = 400\nretention_unknown_days = "keep"\n')
    policy = RetentionPolicy.from_settings(load_settings(tmp_path))
    assert policy.attendance_days == 400 and policy.unknown_days is None
    settings.retention_access_days = -3
    with pytest.raises(ValueError, match="retention_access_days"):
        RetentionPolicy.from_settings(settings)
