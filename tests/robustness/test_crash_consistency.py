"""kill -9 at each step of enrol, re-enrol (--replace) and delete, then a restart: everyone still
loads, gallery and database agree, no work folders are left (issue 11, item 6).

The child process kills itself with SIGKILL at the named step (kiosk.common.fsutil.crash_point): a
real kill -9 at a deterministic point, between the same renames and writes a power cut hits."""
import json
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.gallery.store import GalleryStore, PersonRecord
from tests.conftest import REPO

CHILD = """
import sys, json, numpy as np
from kiosk.app.settings import load_settings
from kiosk.gallery.store import PersonRecord
from kiosk.app.service import KioskService
data, action, user_id, name = sys.argv[1:5]
service = KioskService(load_settings(data))
if action == "delete":
    service.delete(user_id)
elif action == "rename":
    service.rename_id(user_id, name)
else:
    v = np.random.default_rng(7).normal(size=(3, 16)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    service.save_person(PersonRecord(user_id, name, "test", v, {}, "07700900000"), [b"jpeg"], action == "replace")
"""


def unit(seed):
    v = np.random.default_rng(seed).normal(size=(3, 16)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.fixture
def data(tmp_path):
    service = KioskService(load_settings(tmp_path))
    for i in range(3):
        service.save_person(PersonRecord(f"E{i}", f"Person {i}", "test", unit(i), {}, "07700900000"), [b"jpeg"])
    return tmp_path


def crash(data, point, action, user_id, name="Renamed Person"):
    env = {"KIOSK_CRASH_POINT": point, "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin",
           "KIOSK_KEY_DIR": os.environ["KIOSK_KEY_DIR"]}  # the gallery's key (kiosk.security.at_rest)
    result = subprocess.run([sys.executable, "-c", CHILD, str(data), action, user_id, name],
                            env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr  # it really died there


def restart(data):
    """A new process's view after the crash: recovery, then who loads and what the DB says."""
    service = KioskService(load_settings(data))
    service.recover()
    active = {r["id"]: r["name"] for r in service.db.list_employees()}
    records, warnings = service.store.load_all()
    assert not warnings, warnings
    assert not service.store.stray(), service.store.stray()
    people = {r.user_id: r.name for r in records}
    assert people == active, (people, active)  # gallery and database agree, names too
    return people


@pytest.mark.parametrize("point, expected_name", [
    ("replace-between-renames", "Person 1"),  # the old folder only in .trash: put back
    ("after-gallery-rename", "Renamed Person"),  # the new folder in place: kept, row added
    ("after-db-write", "Renamed Person"),
    ("discard-before-rmtree", "Renamed Person"),  # the old one half removed: removal finished
])
def test_replace_killed_at_any_step_keeps_the_person(data, point, expected_name):
    crash(data, point, "replace", "E1")
    people = restart(data)
    assert people == {"E0": "Person 0", "E1": expected_name, "E2": "Person 2"}


@pytest.mark.parametrize("point", ["after-gallery-rename", "after-db-write"])
def test_enrol_killed_before_its_database_row_is_repaired_at_start(data, point):
    crash(data, point, "new", "N1", "New Person")
    assert restart(data)["N1"] == "New Person"


@pytest.mark.parametrize("point, deleted", [("delete-after-db", False), ("discard-before-rmtree", True)])
def test_delete_killed_at_any_step_is_all_or_nothing(data, point, deleted):
    crash(data, point, "delete", "E2")
    people = restart(data)
    assert ("E2" not in people) == deleted and {"E0", "E1"} <= set(people)


@pytest.mark.parametrize("point, renamed", [
    ("rename-between-renames", False),  # the new folder never got into place: undone
    ("rename-after-gallery", True),  # the new folder in place, the rows not moved: finished at start
    ("rename-after-db", True),  # rows moved, the old folder still aside: finished at start
    ("discard-before-rmtree", True),  # the old folder half removed: removal finished
])
def test_rename_killed_at_any_step_is_all_or_nothing(data, point, renamed):
    """A worker-ID rename killed anywhere: the person is under one ID only, everywhere, with
    their attendance; never under both (a duplicate person) or neither."""
    from datetime import datetime

    KioskService(load_settings(data)).db.record_recognition("E1", "Person 1", 0.9, now=datetime(2026, 3, 2, 8))
    crash(data, point, "rename", "E1", "ops_E-1")
    people = restart(data)
    final, gone = ("ops_E-1", "E1") if renamed else ("E1", "ops_E-1")
    assert people == {"E0": "Person 0", final: "Person 1", "E2": "Person 2"}
    service = KioskService(load_settings(data))
    assert [r["employee_id"] for r in service.db.attendance(datetime(2026, 3, 2), datetime(2026, 3, 2))] == [final]
    assert service.db.get_employee(gone) is None and not (data / "embeddings" / ".rename.json").exists()
    assert [r["detail"]["from"] for r in service.audit.rows(action="rename_id")] == (["E1"] if renamed else [])


def test_old_style_leftovers_are_recovered_or_removed(data):
    """Folders the earlier code left (`.trash-<uuid>` of a person whose replacement never
    landed, `.tmp-<uuid>` with photos) are dealt with at start."""
    store = GalleryStore(data / "embeddings")
    store.folder_of("E0").rename(store.root / ".trash-0123456789abcdef0123456789abcdef")
    tmp = store.root / ".tmp-fedcba9876543210fedcba9876543210" / "photos"
    tmp.mkdir(parents=True)
    (tmp / "photo_1.jpg").write_bytes(b"a face")
    assert set(restart(data)) == {"E0", "E1", "E2"}
    assert json.loads((store.folder_of("E0") / "metadata.json").read_text())["name"] == "Person 0"


def test_doctor_reports_an_interrupted_rename_and_repair_finishes_it(data):
    from kiosk.commands.doctor import diagnose

    crash(data, "rename-after-gallery", "rename", "E2", "E-2")
    [check] = [c for c in diagnose(load_settings(data), models=False) if c.name == "leftover work folders"]
    assert not check.ok and "rename of worker ID E2 to E-2 was interrupted (--repair finishes it)" in check.detail
    [check] = [c for c in diagnose(load_settings(data), repair=True, models=False) if c.name == "leftover work folders"]
    assert check.ok and any("finished the interrupted rename of worker ID E2 to E-2" in r for r in check.repaired)
    assert all(c.ok for c in diagnose(load_settings(data), models=False))
    assert restart(data) == {"E0": "Person 0", "E1": "Person 1", "E-2": "Person 2"}
