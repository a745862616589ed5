"""Private by default (issue 27): a data folder made by real operations, walked: no folder or file
that group or others can read; the write helpers are private without the umask too; doctor
reports and repairs looser modes. (Tests run as root, which ignores modes for access: the
assertions are on st_mode.)"""
from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.common.fsutil import atomic_write_bytes
from kiosk.common.private import loose_modes, private_process, tighten, write_private_bytes


@pytest.fixture
def shell_umask():
    """A usual shell's umask (0022) while the test runs; the previous one afterwards."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _record(user_id: str, name: str, seed: int):
    from kiosk.gallery.store import PersonRecord

    vectors = np.random.default_rng(seed).normal(size=(3, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return PersonRecord(user_id, name, "test-embedder", vectors, {1: {"surgical_blue": vectors[0]}}, "+441234567")


def _jpeg(seed: int) -> bytes:
    image = np.random.default_rng(seed).integers(0, 255, (64, 64, 3), dtype=np.uint8)
    return cv2.imencode(".jpg", image)[1].tobytes()


def test_a_data_folder_made_by_real_operations_is_private(shell_umask, tmp_path):
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.gallery.learned import PENDING, LearnedTemplates
    from kiosk.recognition.pin_checkin import save_review_frame
    from kiosk.security.audit import SETTING_CHANGE

    data, exports = tmp_path / "data", tmp_path / "exports"
    exports.mkdir()
    os.chmod(exports, 0o755)  # HR's own folder: its mode is theirs; the files written into it are private
    service = KioskService(load_settings(data))
    service.settings.cooldown_seconds = 0
    service.settings.save()  # kiosk.toml
    for i, (uid, name) in enumerate((("E1", "Ada"), ("E2", "Grace"))):
        service.save_person(_record(uid, name, i), photos=[_jpeg(i), _jpeg(i + 10)])  # gallery + database row
    service.db.record_recognition("E1", "Ada", 0.9)  # attendance.db, -wal, -shm
    service.db.record_recognition(None, "", 0.2)
    service.audit_event(SETTING_CHANGE, cooldown_seconds=0)  # audit.head
    service.outbox.put("recognition", now=datetime.now(), employee_id="E2", name="Grace", score=0.9,
                       masked=False, source="camera", unsure=False)  # an outbox entry
    save_review_frame(service.store, data, "E1", cv2.imdecode(np.frombuffer(_jpeg(3), np.uint8), 1), datetime.now())
    LearnedTemplates(service.store).add("E1", _record("E1", "Ada", 7).originals[0], _jpeg(7),
                                        embedder="test-embedder", source="pin", status=PENDING)
    today = date.today()
    service.timesheet.export_checkins(exports / "checkins.csv", today, today)
    service.timesheet.export("daily", exports / "daily.xlsx", today, today, fmt="xlsx")

    written = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()}
    for expected in ("attendance.db", "attendance.db-wal", "attendance.db-shm", "kiosk.toml", "audit.head",
                     "embeddings/.encryption.json"):
        assert expected in written, sorted(written)
    assert any(p.startswith("outbox/") for p in written) and any(p.startswith("review/") for p in written)
    assert any("/masked/learned/real_1.jpg" in p for p in written) and any("/photos/" in p for p in written)
    assert loose_modes(data) == []
    assert _mode(data) == 0o700
    for path in data.rglob("*"):
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path
    for name in ("checkins.csv", "daily.xlsx"):
        assert _mode(exports / name) == 0o600
    keys = [p for p in Path(os.environ["KIOSK_KEY_DIR"]).rglob("*") if p.is_file()]
    assert keys and all(_mode(k) == 0o600 for k in keys)


def test_the_write_helpers_are_private_without_the_umask(shell_umask, tmp_path):
    atomic_write_bytes(tmp_path / "new" / "a.json", b"{}")
    write_private_bytes(tmp_path / "b.bin", b"x")
    assert _mode(tmp_path / "new" / "a.json") == 0o600 and _mode(tmp_path / "b.bin") == 0o600
    assert _mode(tmp_path / "new") == 0o700
    old = tmp_path / "old.txt"
    old.write_text("before")
    os.chmod(old, 0o644)
    atomic_write_bytes(old, b"after")  # an existing file loses group and other access on its next write
    write_private_bytes(tmp_path / "b.bin", b"y")
    assert _mode(old) == 0o600 and old.read_bytes() == b"after"


def test_private_process_keeps_a_stricter_umask(shell_umask, tmp_path):
    private_process()
    (tmp_path / "f").write_text("x")
    assert _mode(tmp_path / "f") == 0o600
    os.umask(0o277)
    private_process()
    assert os.umask(0o077) == 0o277  # never loosened


def test_tighten_removes_group_and_other_access_and_says_what(shell_umask, tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "d" / "f")
    os.chmod(tmp_path, 0o755)
    loose = {p.name: m for p, m in loose_modes(tmp_path)}
    assert loose == {tmp_path.name: 0o755, "d": 0o755, "f": 0o644}
    done = tighten(tmp_path)
    assert len(done) == 3 and any("0644 -> 0600" in line for line in done)
    assert loose_modes(tmp_path) == [] and _mode(tmp_path / "d") == 0o700


def test_doctor_reports_and_repairs_loose_modes(shell_umask, tmp_path, capsys):
    from kiosk.app.settings import load_settings
    from kiosk.commands.doctor import diagnose
    from tests.commands.conftest import kiosk_main

    data = tmp_path / "data"
    data.mkdir()
    (data / "attendance.db").touch()
    os.chmod(data, 0o755)
    os.chmod(data / "attendance.db", 0o644)  # an older kiosk's, or a `cp` without -p
    check = next(c for c in diagnose(load_settings(data), models=False) if c.name == "file modes")
    assert not check.ok and "2 in" in check.detail and ". 0755, attendance.db 0644" in check.detail
    os.chmod(data, 0o755)  # (opening the database made its folder private)
    code = kiosk_main(["--data-dir", str(data), "doctor", "--repair", "--no-models", "--json"])  # as the admin
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
    # the two above, and whatever signing in as the admin wrote under this test's shell umask
    assert checks["file modes"]["ok"] and "files and folders private (group and others removed)" in \
        checks["file modes"]["repaired"][0]
    assert code == 0 and _mode(data) == 0o700 and _mode(data / "attendance.db") == 0o600
    assert loose_modes(data) == []
