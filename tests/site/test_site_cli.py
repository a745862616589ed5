"""`kiosk site` on a real server: import a single kiosk's folder (twice: nothing doubles),
status, shared settings, export; photo retention on the site reaches the kiosks' caches."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from kiosk.commands.main import main
from tests.commands.conftest import as_admin


def run(capsys, *argv) -> tuple[int, dict | str]:
    """Exit code, and the JSON printed (else stdout and stderr as text)."""
    code = main(as_admin(argv))
    out = capsys.readouterr()
    try:
        return code, json.loads(out.out)
    except ValueError:
        return code, out.out + out.err


def test_import_status_set_export(capsys, tmp_path, enrolled, site_url):
    import shutil

    from kiosk.attendance.db import AttendanceDB

    source = tmp_path / "old-kiosk"
    shutil.copytree(enrolled, source)
    with AttendanceDB(source / "attendance.db", kiosk_id="old-door") as db:
        db.record_recognition("E001", "Ada Lovelace", 0.9, now=datetime(2026, 11, 30, 9, 0))
        db.record_recognition(None, "", 0.2, now=datetime(2026, 11, 30, 9, 1))
    desk = tmp_path / "desk"
    desk.mkdir()
    common = ["--data-dir", str(desk), "site"]
    code, report = run(capsys, *common, "import", str(source), "--database-url", site_url, "--json")
    assert code == 0 and report["people"] == 5 and report["attendance_rows"] == 1 and report["access_rows"] == 2
    code, again = run(capsys, *common, "import", str(source), "--database-url", site_url, "--json")
    assert code == 0 and again["people"] == 0 and again["attendance_rows"] == 0 and again["access_rows"] == 0
    assert len(again["skipped"]) == 5 and "already enrolled on the site" in again["skipped"][0]

    code, status = run(capsys, *common, "status", "--database-url", site_url, "--json")
    assert code == 0 and status["online"] and status["people"] == 5
    code, _ = run(capsys, *common, "set", "threshold=0.61", "cooldown_seconds=120", "--database-url", site_url)
    assert code == 0
    code, status = run(capsys, *common, "status", "--database-url", site_url, "--json")
    assert status["settings"] == {"threshold": 0.61, "cooldown_seconds": 120}
    code, text = run(capsys, *common, "set", "colour=blue", "--database-url", site_url)
    assert code == 1 and "not a site setting" in text

    out = tmp_path / "exported"
    code, exported = run(capsys, *common, "export", str(out), "--database-url", site_url, "--json")
    assert code == 0 and exported["people"] == 5 and exported["attendance_rows"] == 1
    with AttendanceDB(out / "attendance.db") as db:
        rows = db.attendance(datetime(2026, 11, 30), datetime(2026, 11, 30))
    assert [(r["employee_id"], r["kiosk_id"], r["timestamp"]) for r in rows] == \
        [("E001", "old-door", "2026-11-30T09:00:00")]
    code, text = run(capsys, *common, "export", str(out), "--database-url", site_url)
    assert code == 1 and "already holds a data folder" in text


def test_an_unreachable_site_is_one_line(capsys, tmp_path):
    from kiosk.site.localserver import free_port

    (tmp_path / "d").mkdir()
    code = main(["--data-dir", str(tmp_path / "d"), "site", "status", "--database-url",
                 f"postgresql://kiosk:pw@127.0.0.1:{free_port()}/kiosk"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: the site database kiosk@127.0.0.1") and "pw" not in err


def test_photo_retention_on_the_site_reaches_the_cache(site_settings, enrolled, pipeline):
    from kiosk.app.service import KioskService
    from kiosk.app.site_transfer import import_folder

    hr = KioskService(site_settings("hr", retention_photos_days=30), pipeline=pipeline)
    import_folder(hr.site, enrolled)
    door = KioskService(site_settings("door-a"), pipeline=pipeline)
    door.site.pull()
    assert len(list(door.store.root.glob("*/photos/*.jpg"))) == 15
    assert hr.purge(dry_run=True, now=datetime.now() + timedelta(days=29)).photos == 0
    report = hr.purge(now=datetime.now() + timedelta(days=31))
    assert report.photos == 15
    door.site.pull()
    assert list(door.store.root.glob("*/photos/*.jpg")) == []
    assert len(door.people()) == 5  # the templates stay: only the photos age out


def test_a_person_a_kiosk_cannot_hold_is_skipped_and_the_rest_still_arrive(site_settings, enrolled):
    from kiosk.app.from_settings import gallery_cipher_for
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.gallery.store import GalleryStore

    source = load_settings(enrolled)
    store = GalleryStore(source.embeddings_dir, cipher=gallery_cipher_for(source))
    folder = store.folder_of("E001")
    door = KioskService(site_settings("door-a"))
    door.site.ensure_schema()
    door.site.gallery.push("TMP1", store.files_of(folder), replace=False)
    with door.site.connections.transaction() as cur:  # another tool wrote a person under an impossible ID
        cur.execute("""INSERT INTO people (user_id, name, mobile, embedder, metadata, revision, changed_by)
                       SELECT 'bad id/..', name, mobile, embedder, metadata, nextval('site_revision'), changed_by
                       FROM people WHERE user_id = 'TMP1'""")
        cur.execute("""INSERT INTO templates (user_id, path, dim, vector)
                       SELECT 'bad id/..', path, dim, vector FROM templates WHERE user_id = 'TMP1'""")
        cur.execute("DELETE FROM people WHERE user_id = 'TMP1'")
    door.site.gallery.push("E001", store.files_of(folder), replace=False)
    door.site.pull()
    assert [r.user_id for r in door.people()] == ["E001"]
    assert door.site.state.revision == door.site.gallery.latest()
