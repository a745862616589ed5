"""`kiosk doctor` finds what a crash, a hand edit or a refused write left, and `--repair` fixes
what is safe (issue 11, Deliver: kiosk doctor)."""
import json
import sqlite3
from datetime import datetime

import numpy as np

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.gallery.store import PersonRecord
from tests.commands.conftest import kiosk_main as main


def person(user_id, name, seed):
    v = np.random.default_rng(seed).normal(size=(3, 16)).astype(np.float32)
    return PersonRecord(user_id, name, "test", v / np.linalg.norm(v, axis=1, keepdims=True), {}, "07700900000")


def doctor(capsys, data, *extra):
    code = main(["--data-dir", str(data), "doctor", "--json", *extra])
    return code, {c["name"]: c for c in json.loads(capsys.readouterr().out)}


def test_doctor_finds_each_problem_and_repair_fixes_what_is_safe(capsys, tmp_path):
    service = KioskService(load_settings(tmp_path))
    service.save_person(person("E1", "Ada Lovelace", 1), [b"jpeg"])
    service.save_person(person("E2", "Alan Turing", 2), [b"jpeg"])
    root = service.store.root
    service.store.folder_of("E1").rename(root / ".trash-0123456789ab-E1_Ada Lovelace")  # a crash mid-replace
    (root / ".tmp-feedface" / "photos").mkdir(parents=True)  # an abandoned enrolment, with a photo
    (root / ".tmp-feedface" / "photos" / "photo_1.jpg").write_bytes(b"a face")
    service.db.upsert_employee("G1", "Ghost", None)  # a row with no gallery folder
    service.outbox.put("access", now=datetime.now(), outcome="rejected", detail="too blurry", source="camera")
    service.db.close()

    code, checks = doctor(capsys, tmp_path, "--no-models")
    assert code == 1
    assert not checks["leftover work folders"]["ok"] and ".tmp-feedface" in checks["leftover work folders"]["detail"]
    assert not checks["gallery vs database"]["ok"] and "G1" in checks["gallery vs database"]["detail"]
    assert not checks["outbox"]["ok"] and checks["database"]["ok"]

    code, checks = doctor(capsys, tmp_path, "--no-models", "--repair")
    assert code == 0, checks
    assert any("restored E1_Ada Lovelace" in r for r in checks["leftover work folders"]["repaired"])
    code, checks = doctor(capsys, tmp_path, "--no-models")
    assert code == 0 and all(c["ok"] for c in checks.values())
    again = KioskService(load_settings(tmp_path))
    assert {r.user_id for r in again.people()} == {"E1", "E2"}
    assert {r["id"] for r in again.db.list_employees()} == {"E1", "E2"}  # the ghost marked deleted
    assert [e["outcome"] for e in again.db.access_log(datetime.now().date(), datetime.now().date())] == ["rejected"]


def test_doctor_reports_a_damaged_database_and_leaves_it_alone(capsys, tmp_path):
    db = tmp_path / "attendance.db"
    db.write_bytes(b"not a database at all" * 500)
    before = db.read_bytes()
    code, checks = doctor(capsys, tmp_path, "--no-models", "--repair")
    assert code == 1 and not checks["database"]["ok"]
    assert str(db) in checks["database"]["detail"] and "backup" in checks["database"]["detail"]
    assert db.read_bytes() == before  # never "repaired" by deleting what is there


def test_doctor_checks_the_models_and_the_integrity(capsys, tmp_path):
    conn = sqlite3.connect(tmp_path / "attendance.db")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    code, checks = doctor(capsys, tmp_path)
    assert checks["model files"]["ok"] and "integrity check ok" in checks["database"]["detail"]
    assert checks["free space"]["ok"] and code == 0
