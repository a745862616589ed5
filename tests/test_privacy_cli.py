"""Audit trail, purge and subject-access export through the command line, on a real data folder."""
import json
import shutil
import sqlite3
import zipfile

import numpy as np
import pytest

from kiosk.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path, enrolled):
    target = tmp_path / "data"
    shutil.copytree(enrolled, target)
    return target


def test_every_hr_action_is_on_the_audit_trail(capsys, data, tmp_path):
    d = ("--data-dir", str(data))
    assert run(capsys, *d, "delete", "E004")[0] == 0
    assert run(capsys, *d, "export", "--from", "2026-01-01", "--to", "2026-12-31",
               "--out", str(tmp_path / "a.csv"))[0] == 0
    code, out, _ = run(capsys, *d, "audit", "--json")
    rows = json.loads(out)
    assert code == 0
    actions = [(r["action"], r["subject"]) for r in rows]
    assert ("enroll", "E001") in actions and actions[-2:] == [("delete", "E004"), ("export", "")]
    assert rows[-1]["role"] == "cli" and rows[-1]["detail"]["rows"] >= 0
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
