"""Audit trail, purge and subject-access export through the command line, on a real data folder."""
import json
import os
import shutil
import sqlite3
import stat
import zipfile

import numpy as np
import pytest

from tests.commands.conftest import run
from tests.conftest import photos_of


def test_every_hr_action_is_on_the_audit_trail(capsys, data, tmp_path):
    d = ("--data-dir", str(data))
    assert run(capsys, *d, "delete", "E004", "--yes")[0] == 0
    assert run(capsys, *d, "export", "--from", "2026-01-01", "--to", "2026-12-31",
               "--out", str(tmp_path / "a.csv"))[0] == 0
    code, out, _ = run(capsys, *d, "audit", "--json")
    rows = json.loads(out)
    assert code == 0
    actions = [(r["action"], r["subject"]) for r in rows]
    assert ("enroll", "E001") in actions and actions[-2:] == [("delete", "E004"), ("export", "")]
    assert rows[-1]["role"] == "admin" and rows[-1]["detail"]["rows"] >= 0  # who signed in with the PIN
    code, out, _ = run(capsys, *d, "audit", "verify")
    assert code == 0 and "intact" in out
    code, out, _ = run(capsys, *d, "audit", "--id", "E004")
    assert "delete" in out and "E001" not in out


def test_audit_verify_fails_on_a_tampered_row(capsys, data):
    conn = sqlite3.connect(data / "attendance.db")
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET subject = 'nobody' WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--data-dir", str(data), "audit", "verify")
    assert code == 1 and "BROKEN" in out and "row 1 was changed" in out


def test_person_export_holds_everything_stored_about_one_person(capsys, data, tmp_path):
    out_zip = tmp_path / "E001.zip"
    code, out, _ = run(capsys, "--data-dir", str(data), "person", "export", "E001", "--out", str(out_zip))
    assert code == 0 and "E001" in out
    with zipfile.ZipFile(out_zip) as archive:
        names = archive.namelist()
        summary = json.loads(archive.read("person.json"))
        vector = np.load(archive.open("gallery/originals/original_1.npy"))
    assert summary["worker_id"] == "E001" and summary["metadata"]["name"] == "Ada Lovelace"
    assert any(n.startswith("gallery/photos/") for n in names) and vector.ndim == 1
    assert [r["action"] for r in summary["audit"]] == ["enroll"]
    assert (out_zip.stat().st_mode & 0o777) == 0o600
    code, _, err = run(capsys, "--data-dir", str(data), "person", "export", "nobody1", "--out", str(tmp_path / "x.zip"))
    assert code == 1 and "nobody1" in err


def test_purge_applies_the_settings_and_is_audited(capsys, data):
    (data / "kiosk.toml").write_text("retention_unknown_days = 0\n", encoding="utf-8")
    assert run(capsys, "--data-dir", str(data), "recognize", str(data / "embeddings"), "--json")[0] == 1  # a folder
    code, out, _ = run(capsys, "--data-dir", str(data), "purge", "--dry-run", "--json")
    assert code == 0 and json.loads(out)["dry_run"] is True
    code, out, _ = run(capsys, "--data-dir", str(data), "purge")
    assert code == 0 and "removed" in out
    code, out, _ = run(capsys, "--data-dir", str(data), "audit", "--json", "--only", "purge")
    assert len(json.loads(out)) == 1


def _gallery_files(data):
    return [p for p in (data / "embeddings").rglob("*") if p.is_file() and p.suffix in (".npy", ".jpg")]


def test_a_copied_data_folder_reveals_no_face_without_the_key(capsys, data, tmp_path, monkeypatch):
    import cv2

    from kiosk.security.at_rest import MAGIC

    files = _gallery_files(data)
    assert len(files) >= 5 * 25
    for path in files:
        raw = path.read_bytes()
        assert raw.startswith(MAGIC)
        assert cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_COLOR) is None
        with pytest.raises(ValueError):
            np.load(path)
    stolen = tmp_path / "stolen"
    shutil.copytree(data, stolen)
    monkeypatch.setenv("KIOSK_KEY_DIR", str(tmp_path / "another-machine-keys"))
    code, _, err = run(capsys, "--data-dir", str(stolen), "users")
    assert code == 1 and "encrypted with key" in err and "restore the key" in err
    monkeypatch.undo()  # the kiosk's own machine: the moved folder still opens
    code, out, _ = run(capsys, "--data-dir", str(stolen), "users", "--json")
    assert code == 0 and len(json.loads(out)) == 5


def test_plain_export_and_import_keep_everyone(capsys, data, tmp_path):
    plain = tmp_path / "plain"
    code, _, err = run(capsys, "--data-dir", str(data), "gallery", "export", "--plain", str(plain))
    assert code == 1 and "unencrypted" in err and "--unencrypted" in err and not plain.exists()
    os.umask(0o022)  # a usual shell's: the export is private all the same
    code, out, err = run(capsys, "--data-dir", str(data), "gallery", "export", "--plain", str(plain), "--unencrypted")
    assert code == 0 and "5 people" in out and "warning" in err and "unencrypted" in err
    written = [plain, *plain.rglob("*")]
    assert len(written) > 5 * 25 and all(stat.S_IMODE(p.stat().st_mode) == (0o700 if p.is_dir() else 0o600)
                                         for p in written)
    vector = np.load(next(plain.glob("E001_*")) / "originals" / "original_1.npy")
    assert vector.shape == (128,)
    fresh = tmp_path / "fresh"
    code, out, _ = run(capsys, "--data-dir", str(fresh), "gallery", "import", str(plain))
    assert code == 0 and "imported 5" in out
    assert all(p.read_bytes().startswith(b"KIOSKAES1") for p in _gallery_files(fresh))
    code, out, _ = run(capsys, "--data-dir", str(fresh), "recognize", str(photos_of("df01")[-1]), "--json")
    assert code == 0 and json.loads(out)["faces"][0]["user_id"] == "E001"
    code, _, err = run(capsys, "--data-dir", str(data), "gallery", "export", "--plain", str(plain), "--unencrypted")
    assert code == 1 and "not empty" in err
