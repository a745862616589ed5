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
    # the person's own copy has their mobile number opened, though it is sealed at rest
    assert summary["metadata"]["mobile"] == summary["employee"]["mobile"] == "+447700900001"
    with zipfile.ZipFile(out_zip) as archive:
        assert json.loads(archive.read("gallery/metadata.json"))["mobile"] == "+447700900001"
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
    stored = "".join(p.read_text(encoding="utf-8") for p in (data / "embeddings").rglob("metadata.json"))
    with sqlite3.connect(data / "attendance.db") as db:
        stored += json.dumps(db.execute("SELECT * FROM employees").fetchall())
    mobiles = [f"+4477009000{i:02d}" for i in range(1, 6)]
    assert "Ada Lovelace" in stored and not any(m in stored for m in mobiles)  # names in clear, mobiles sealed
    assert stored.count("sealed:v1:") == 2 * 5
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
    assert json.loads((next(plain.glob("E001_*")) / "metadata.json").read_text())["mobile"] == "+447700900001"
    fresh = tmp_path / "fresh"
    code, out, _ = run(capsys, "--data-dir", str(fresh), "gallery", "import", str(plain))
    assert code == 0 and "imported 5" in out
    assert all(p.read_bytes().startswith(b"KIOSKAES1") for p in _gallery_files(fresh))
    code, out, _ = run(capsys, "--data-dir", str(fresh), "recognize", str(photos_of("df01")[-1]), "--json")
    assert code == 0 and json.loads(out)["faces"][0]["user_id"] == "E001"
    assert "sealed:v1:" in next((fresh / "embeddings").glob("E001_*/metadata.json")).read_text()
    code, out, _ = run(capsys, "--data-dir", str(fresh), "users", "--json")
    assert {u["user_id"]: u["mobile"] for u in json.loads(out)}["E001"] == "+447700900001"
    code, _, err = run(capsys, "--data-dir", str(data), "gallery", "export", "--plain", str(plain), "--unencrypted")
    assert code == 1 and "not empty" in err


def test_gallery_encrypt_seals_the_mobile_numbers_of_an_older_plain_gallery(capsys, tmp_path, pipeline):
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from tests.conftest import enrolment_photos

    data = tmp_path / "plain-kiosk"
    data.mkdir()
    (data / "kiosk.toml").write_text('encryption = "off"\n', encoding="utf-8")
    service = KioskService(load_settings(data), pipeline=pipeline)
    service.enroll("E1", "Ada Lovelace", "+447700900042", enrolment_photos("df01"), masks=False)
    service.close()

    def stored() -> str:
        text = next((data / "embeddings").glob("E1_*/metadata.json")).read_text(encoding="utf-8")
        with sqlite3.connect(data / "attendance.db") as db:
            return text + json.dumps(db.execute("SELECT mobile FROM employees").fetchall())

    assert stored().count("+447700900042") == 2  # encryption off: the seed layout, plain
    (data / "kiosk.toml").write_text('encryption = "on"\n', encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(data), "gallery", "encrypt")
    assert code == 0, err
    assert "+447700900042" not in stored() and stored().count("sealed:v1:") == 2
    code, out, _ = run(capsys, "--data-dir", str(data), "users", "--json")
    assert json.loads(out)[0]["mobile"] == "+447700900042"
