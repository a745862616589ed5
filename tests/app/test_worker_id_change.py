"""Worker IDs regardless of case, and changing one, on real photos, real models and a real
attendance.db (issue 21): a data folder made before IDs were unique regardless of case holds E042
and e042 as two people; `kiosk doctor` reports them, `kiosk rename-id` gives one a new ID, and
recognition, attendance history, the PIN, the PIN check-in frames and the audit trail follow."""
from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date, datetime

import pytest

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.commands.doctor import diagnose
from kiosk.gallery.folders import GalleryError, safe_folder_name
from tests.commands.conftest import kiosk_main as main
from tests.conftest import apart_today
from tests.conftest import enrolment_photos as photos
from tests.conftest import held_out_photo as held_out
from tests.conftest import recognised_as as recognised

TODAY = date.today()


@pytest.fixture
def twins(tmp_path, pipeline):
    """E042 (Ada, df01) enrolled as today; e042 (Zoë, df02) written the way the code before this
    rule let it in: a second folder and rows under the same ID in another case. Zoë has a
    check-in, a PIN and a PIN check-in frame."""
    service = KioskService(load_settings(tmp_path), pipeline=pipeline)
    service.enroll("E042", "Ada Lovelace", "+447700900042", photos("df01"), masks=False)
    service.enroll("T9", "Zoë Ångström", "+447700900043", photos("df02"), masks=False)
    folder = service.store.folder_of("T9")
    meta = json.loads((folder / "metadata.json").read_text())
    (folder / "metadata.json").write_text(json.dumps(meta | {"user_id": "e042"}))
    folder.rename(folder.with_name(safe_folder_name("e042", meta["name"])))
    with sqlite3.connect(service.settings.db_path) as conn:
        conn.execute("UPDATE employees SET id = 'e042' WHERE id = 'T9'")
    service.reload()
    service.recognize(held_out("df02"))  # a check-in under e042
    service.set_pin("e042", "2580")
    accepted = service.pin_checkin("e042", "2580", held_out("df02"), now=datetime.now().replace(hour=7))
    assert accepted.accepted and accepted.frame_path.name.endswith("_e042_pin.jpg")
    return service


def test_doctor_reports_case_twins_and_rename_puts_everything_on_the_new_id(twins, capsys):
    service = twins
    data = service.settings.data_dir
    service.enroll("e042", "Zoë Ångström", "+447700900043", photos("df02"), masks=False, replace=True)  # re-embed
    assert recognised(service, "df02") == "e042" and recognised(service, "df01") == "E042"
    history = [(r["timestamp"], r["method"]) for r in service.db.attendance(TODAY, TODAY, "e042")]
    assert len(history) == 2  # by face, then by PIN
    [check] = [c for c in diagnose(service.settings, models=False) if c.name == "worker IDs"]
    assert not check.ok and "E042 (Ada Lovelace) and e042 (Zoë Ångström)" in check.detail
    assert "kiosk rename-id" in check.detail

    assert main(["--data-dir", str(data), "rename-id", "e042", "W-1042"]) == 0
    assert ("e042 is now W-1042: moved their gallery folder, 2 check-ins, 2 access-log rows, the PIN, "
            "1 PIN check-in photo") in capsys.readouterr().out

    after = KioskService(load_settings(data), pipeline=service.pipeline)  # another process's view
    [check] = [c for c in diagnose(after.settings, models=False) if c.name == "worker IDs"]
    assert check.ok, check.detail
    assert {r.user_id: r.name for r in after.people()} == {"E042": "Ada Lovelace", "W-1042": "Zoë Ångström"}
    assert recognised(after, "df02") == "W-1042" and recognised(after, "df01") == "E042"
    assert [(r["timestamp"], r["method"]) for r in after.db.attendance(TODAY, TODAY, "W-1042")] == history
    assert after.db.attendance(TODAY, TODAY, "e042") == [] and after.db.get_employee("e042") is None
    assert after.db.get_employee("W-1042")["name"] == "Zoë Ångström"
    # The PIN moved (and is found in any case); the frame was renamed, sealed again, and the
    # access log names its new path.
    assert after.pins.has_pin("W-1042") and not after.pins.has_pin("e042")
    [frame] = [r["detail"] for r in after.db.access_log(TODAY, TODAY, "W-1042") if r["detail"]]
    assert frame.endswith("_W-1042_pin.jpg") and after.store.load_photo(frame).ndim == 3
    assert not list((data / "review").rglob("*_e042_pin.jpg"))
    assert after.pin_checkin("w-1042", "2580").accepted
    [row] = after.audit.rows(action="rename_id")
    assert row["subject"] == "W-1042" and row["detail"]["from"] == "e042" and row["detail"]["frames"] == 1
    assert json.loads((after.store.folder_of("W-1042") / "metadata.json").read_text())["renamed_from"] == ["e042"]
    assert not after.store.stray() and not (after.store.root / ".rename.json").exists()

    # A check-in recognised under the old ID and kept in the outbox lands on the new ID.
    after.outbox.put("recognition", employee_id="e042", name="Zoë Ångström", score=0.9, masked=False,
                     source="camera", unsure=False, now=apart_today())
    assert after.deliver_outbox() == 1
    assert len(after.db.attendance(TODAY, TODAY, "W-1042")) == 3 and after.db.get_employee("e042") is None

    # Everything stored about the person, with the audit rows of their former ID.
    assert main(["--data-dir", str(data), "person", "export", "w-1042", "--out", str(data / "p.zip")]) == 0
    person = json.loads(zipfile.ZipFile(data / "p.zip").read("person.json"))
    assert person["worker_id"] == "W-1042" and person["former_worker_ids"] == ["e042"]
    assert [r["action"] for r in person["audit"]] == ["pin_change", "reenroll", "rename_id"]  # (enrolled as T9)


def test_new_ids_are_unique_regardless_of_case_and_typed_ids_are_found_in_any_case(tmp_path, pipeline, capsys):
    service = KioskService(load_settings(tmp_path), pipeline=pipeline)
    service.enroll("ENG-7", "Ada Lovelace", "+447700900042", photos("df01"), masks=False)
    with pytest.raises(GalleryError, match=r"eng-7 is taken: ENG-7 \(Ada Lovelace\) has it already"):
        service.enroll("eng-7", "Zoë Ångström", "+447700900043", photos("df02"), masks=False)
    assert not (service.store.root / ".rename.json").exists() and len(service.people()) == 1
    data = str(tmp_path)
    assert main(["--data-dir", data, "set-pin", "eng-7", "--pin", "4826"]) == 0
    assert main(["--data-dir", data, "checkin", "--id", "Eng-7", "--pin", "4826"]) == 0
    assert "Ada Lovelace - Present" in capsys.readouterr().out
    # A case-only rename keeps the person; the old spelling then still finds them.
    assert main(["--data-dir", data, "rename-id", "ENG-7", "ENG-7"]) == 1  # nothing to do: said so
    assert main(["--data-dir", data, "rename-id", "ENG-7", "eng-7"]) == 0
    assert {r.user_id for r in KioskService(load_settings(tmp_path), pipeline=pipeline).people()} == {"eng-7"}
    assert main(["--data-dir", data, "delete", "ENG-7", "--yes"]) == 0
    # A deleted person's ID stays theirs: their history is kept under it.
    with pytest.raises(GalleryError, match=r"taken: eng-7 \(Ada Lovelace, deleted\)"):
        service.enroll("ENG-7", "Zoë Ångström", "+447700900043", photos("df02"), masks=False)
    service.db.upsert_employee("OLD-1", "Ali Khan", "+447700900044")
    service.db.delete_employee("OLD-1")
    capsys.readouterr()
    assert main(["--data-dir", data, "rename-id", "eng-7", "OLD-1"]) == 1  # never merged into another's history
    assert "OLD-1 is taken: OLD-1 (Ali Khan, deleted)" in capsys.readouterr().err
    assert main(["--data-dir", data, "rename-id", "eng-7", "eng_7"]) == 0  # a deleted person can be renamed
    capsys.readouterr()
    assert main(["--data-dir", data, "rename-id", "nobody", "N1"]) == 1
    assert "nobody with worker ID nobody" in capsys.readouterr().err
