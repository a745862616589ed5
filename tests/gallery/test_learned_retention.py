"""Retention of every stored face image (issue 27): enrolment photos, PIN check-in frames and
learned real-mask crops older than retention_photos_days go (the learned template with its crop),
newer ones stay; `kiosk purge --dry-run` counts each kind and removes nothing. Real files in a
real data folder, aged by their recorded date (learned crops) or their file time (the others)."""
from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

import cv2
import numpy as np

from kiosk.gallery.learned import ACTIVE, LEARNED_DIR, PENDING, LearnedTemplates
from tests.commands.conftest import run
from tests.common.test_private import _jpeg, _record

NOW = datetime.now().replace(microsecond=0)


def _age(path, days: int) -> None:
    stamp = (NOW - timedelta(days=days)).timestamp()
    os.utime(path, (stamp, stamp))


def test_purge_covers_photos_review_frames_and_learned_crops(tmp_path, capsys):
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.recognition.pin_checkin import review_frames, save_review_frame

    data = tmp_path / "data"
    service = KioskService(load_settings(data))
    service.save_person(_record("E1", "Ada", 1), photos=[_jpeg(1), _jpeg(2)])
    learned = LearnedTemplates(service.store)
    vector = _record("E1", "Ada", 5).originals[0]
    for days, status in ((120, ACTIVE), (100, PENDING), (10, ACTIVE)):
        learned.add("E1", vector, _jpeg(days), embedder="test-embedder", source="pin", status=status,
                    now=NOW - timedelta(days=days))
    frame = cv2.imdecode(np.frombuffer(_jpeg(9), np.uint8), cv2.IMREAD_COLOR)
    old_frame = save_review_frame(service.store, data, "E1", frame, NOW - timedelta(days=95))
    new_frame = save_review_frame(service.store, data, "E1", frame, NOW - timedelta(days=2))
    _age(old_frame, 95)
    photos = sorted((service.store.folder_of("E1") / "photos").iterdir())
    _age(photos[0], 200)  # one enrolment photo is old, the other was stored just now
    (data / "kiosk.toml").write_text("retention_photos_days = 90\n", encoding="utf-8")

    d = ("--data-dir", str(data))
    code, out, _ = run(capsys, *d, "purge", "--dry-run")
    assert code == 0 and "would remove" in out
    assert "4 stored face images (90 days): 1 enrolment photos, 1 PIN check-in frames, 2 learned mask" in out
    code, out, _ = run(capsys, *d, "purge", "--dry-run", "--json")
    report = json.loads(out)
    assert (report["photos"], report["review_frames"], report["learned_crops"], report["dry_run"]) == (1, 1, 2, True)
    assert len(learned.list("E1")) == 3 and old_frame.exists() and photos[0].exists()  # nothing removed

    code, out, _ = run(capsys, *d, "purge", "--json")
    assert code == 0 and json.loads(out)["learned_crops"] == 2
    [kept] = learned.list("E1")
    assert kept["date"] == (NOW - timedelta(days=10)).isoformat() and kept["status"] == ACTIVE
    assert sorted(p.name for p in (service.store.folder_of("E1") / LEARNED_DIR).iterdir()) == [
        f"{kept['name']}.jpg", f"{kept['name']}.npy"]
    assert review_frames(data, "E1") == [new_frame] and not photos[0].exists() and photos[1].exists()
    code, out, _ = run(capsys, *d, "audit", "--json", "--only", "purge")
    [row] = json.loads(out)
    assert row["detail"]["learned_crops"] == 2 and row["detail"]["review_frames"] == 1
    # The person still loads, with the template that stayed.
    [person] = service.people()
    assert list(person.learned) == [kept["name"]]


def test_a_learned_crop_without_a_date_ages_by_its_file(tmp_path):
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.gallery.folders import read_metadata
    from kiosk.gallery.learned import purge_learned

    service = KioskService(load_settings(tmp_path / "data"))
    service.save_person(_record("E2", "Grace", 3))
    learned = LearnedTemplates(service.store)
    name = learned.add("E2", _record("E2", "Grace", 4).originals[0], _jpeg(4), embedder="test-embedder", source="face")
    folder = service.store.folder_of("E2")
    meta = read_metadata(folder)
    meta["learned"][0]["date"] = "garbled"
    (folder / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    assert purge_learned(service.store, NOW - timedelta(days=30), dry_run=True) == 0
    _age(folder / LEARNED_DIR / f"{name}.jpg", 40)
    assert purge_learned(service.store, NOW - timedelta(days=30)) == 1 and learned.list("E2") == []
