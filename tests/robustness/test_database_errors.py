"""A damaged attendance.db (truncated, random bytes, a folder in its place): every command says
which file and what to do in one line, exit 1, no traceback; enroll and delete leave the gallery
as it was (issue 11, item 3)."""
import os
import shutil
import sqlite3
from datetime import date

import pytest

from kiosk.commands.main import main
from kiosk.gallery.store import GalleryStore
from tests.commands.conftest import as_admin
from tests.conftest import enrollment_split


def damage(data, how):
    db = data / "attendance.db"
    if how == "truncated":
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        for extra in ("attendance.db-wal", "attendance.db-shm"):
            (data / extra).unlink(missing_ok=True)
        with open(db, "r+b") as fh:
            fh.truncate(os.path.getsize(db) // 2)
    elif how == "random bytes":
        db.write_bytes(os.urandom(16384))
    elif how == "folder":
        db.unlink()
        db.mkdir()
    for extra in ("attendance.db-wal", "attendance.db-shm"):
        (data / extra).unlink(missing_ok=True)
    return db


@pytest.fixture
def data(tmp_path, enrolled):
    target = tmp_path / "data"
    shutil.copytree(enrolled, target)
    # Some history, so a truncated file loses pages that are really read.
    conn = sqlite3.connect(target / "attendance.db")
    conn.executemany("INSERT INTO access_log (timestamp, outcome, name) VALUES (?, 'unknown', ?)",
                     [(f"2026-01-01T00:00:{i % 60:02d}", "x" * 200) for i in range(400)])
    conn.commit()
    conn.close()
    return target


def run(capsys, data, *argv):
    code = main(as_admin(["--data-dir", str(data), *argv]))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clear_error(code, err, db):
    assert code == 1
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert lines, err
    assert str(db) in lines[0] and "kiosk doctor" in lines[0] and "backup" in lines[0], lines[0]


DAMAGE = ["truncated", "random bytes", "folder"]


@pytest.mark.parametrize("how", DAMAGE)
def test_stats_export_and_recognize_say_which_file_and_what_to_do(capsys, data, how, tmp_path):
    db = damage(data, how)
    today = date.today().isoformat()
    for argv in (["stats"], ["export", "--from", "2026-01-01", "--to", today, "--out", str(tmp_path / "o.csv")],
                 ["recognize", str(enrollment_split("df01")[1][0]), "--record"]):
        code, _, err = run(capsys, data, *argv)
        assert_one_clear_error(code, err, db)


@pytest.mark.parametrize("how", DAMAGE)
def test_enroll_and_delete_leave_the_gallery_as_it_was(capsys, data, how):
    db = damage(data, how)
    store = GalleryStore(data / "embeddings")
    before = sorted(p.name for p in store.root.iterdir())
    code, _, err = run(capsys, data, "enroll", "--id", "N1", "--name", "New Person", "--mobile", "07700900111",
                       "--no-masks", *map(str, enrollment_split("df05")[0]))
    assert_one_clear_error(code, err, db)
    code, _, err = run(capsys, data, "delete", "E001", "--yes")
    assert_one_clear_error(code, err, db)
    assert sorted(p.name for p in store.root.iterdir()) == before  # nobody added, nobody removed


def test_a_refused_row_write_undoes_the_new_folder(data, pipeline):
    """The database opens but refuses the write (its file made read-only underneath SQLite: the
    same path a full disk takes): the enrolment fails and the new person's folder is gone."""
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.vision.image_io import load_image

    service = KioskService(load_settings(data), pipeline=pipeline)
    service.db.db.execute("PRAGMA query_only = ON")  # this connection may read, not write
    images = [load_image(p) for p in enrollment_split("df05")[0]]
    with pytest.raises(sqlite3.Error):
        service.enroll("N2", "Other Person", "07700900112", images, masks=False)
    assert not service.store.exists("N2") and not service.store.stray()
    service.db.db.execute("PRAGMA query_only = OFF")
    with pytest.raises(sqlite3.Error):
        service.db.db.execute("PRAGMA query_only = ON")
        service.delete("E002")
    assert service.store.exists("E002") and service.db.get_employee("E002")["active"]


def test_the_hr_screens_say_it_too(qtbot, data, pipeline):
    """Every HR page opens over a damaged database and the HR area names the file and what to
    do (before: the first page's refresh raised and the HR area never appeared)."""
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.ui.pages.admin import AdminPage

    db = damage(data, "random bytes")
    admin = AdminPage(KioskService(load_settings(data), pipeline=pipeline), None)
    qtbot.addWidget(admin)
    for key in ("employees", "attendance", "stats"):
        admin.open(key)
        assert not admin.problem.isHidden() and str(db) in admin.problem.text()
        assert "kiosk doctor" in admin.problem.text()
