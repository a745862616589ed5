"""Decisions over frames on real photos: voting, one check-in per visit, fusion, unknowns."""
import shutil
from datetime import date

import cv2
import numpy as np
import pytest

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.recognition.tracking import UNKNOWN_LABEL, LiveRecognizer
from kiosk.vision.image_io import load_image
from tests.conftest import enrollment_split, photos_of


@pytest.fixture
def service(enrolled, pipeline, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(enrolled, data)
    return KioskService(load_settings(data, confirm_frames=3), pipeline=pipeline)


def frame(path, size=(640, 480)):
    """A held-out photo letterboxed into a camera-sized frame."""
    image = load_image(path)
    scale = min(size[0] / image.shape[1], size[1] / image.shape[0])
    resized = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    canvas = np.full((size[1], size[0], 3), 40, np.uint8)
    y, x = (size[1] - resized.shape[0]) // 2, (size[0] - resized.shape[1]) // 2
    canvas[y:y + resized.shape[0], x:x + resized.shape[1]] = resized
    return canvas


def test_a_visit_is_confirmed_after_agreeing_frames_and_recorded_once(service):
    live = LiveRecognizer(service)
    image = frame(enrollment_split("df01")[1][0])
    decisions = [live.process(image, now=t * 0.1) for t in range(8)]
    assert [bool(d.checkins) for d in decisions] == [False, False, True] + [False] * 5
    assert decisions[2].checkins[0].recorded and decisions[2].checkins[0].name == "Ada Lovelace"
    assert not decisions[0].faces[0].confirmed and decisions[-1].faces[0].confirmed
    assert len({d.faces[0].track_id for d in decisions}) == 1
    assert len(live.tracks[0].embeddings) == 3  # fused over the last three frames
    today = date.today()
    assert len(service.db.attendance(today, today)) == 1
    # The same person walking up again later: a new track, stopped by the cooldown.
    live.reset()
    again = [live.process(image, now=100 + t * 0.1) for t in range(3)]
    assert again[2].checkins[0].outcome == "cooldown" and not again[2].checkins[0].recorded
    assert len(service.db.attendance(today, today)) == 1


def test_a_stranger_is_logged_once_as_unknown(service):
    live = LiveRecognizer(service)
    image = frame(photos_of("kit_harington")[0])
    decisions = [live.process(image, now=t * 0.1) for t in range(6)]
    assert all(d.faces[0].label == UNKNOWN_LABEL and not d.checkins for d in decisions)
    today = date.today()
    outcomes = [e["outcome"] for e in service.db.access_log(today, today)]
    assert outcomes == ["unknown"] and service.db.attendance(today, today) == []


def test_no_record_mode_writes_nothing(service):
    live = LiveRecognizer(service, record=False)
    image = frame(enrollment_split("obama")[1][0])
    decisions = [live.process(image, now=t * 0.1) for t in range(4)]
    assert decisions[-1].faces[0].confirmed and decisions[-1].faces[0].label == "Barack Obama"
    today = date.today()
    assert service.db.access_log(today, today) == []


def test_an_unsure_face_is_asked_to_look_again_never_checked_in(enrolled, pipeline, tmp_path):
    """A face over the threshold but without the rule's lead over the runner-up (here the site
    demands an impossible lead) names nobody: the screen asks again, the log says unsure."""
    from kiosk.recognition.tracking import UNSURE_LABEL

    data = tmp_path / "data"
    shutil.copytree(enrolled, data)
    service = KioskService(load_settings(data, confirm_frames=3, margin=0.99, masked_margin=0.99), pipeline=pipeline)
    live = LiveRecognizer(service)
    image = frame(enrollment_split("df01")[1][0])
    decisions = [live.process(image, now=t * 0.1) for t in range(6)]
    assert all(d.faces[0].label == UNSURE_LABEL and d.faces[0].user_id is None and not d.checkins
               for d in decisions)
    assert decisions[0].faces[0].match.unsure and decisions[0].faces[0].match.candidates[0].name == "Ada Lovelace"
    today = date.today()
    assert [e["outcome"] for e in service.db.access_log(today, today)] == ["unsure"]
    assert service.db.attendance(today, today) == []


def test_a_check_in_the_database_refused_is_queued_not_lost(service, monkeypatch):
    """'database is locked' when the visit is confirmed: the check-in goes to the outbox (the
    screen can tell the person they are done), and it is written once the lock is gone."""
    import sqlite3

    import kiosk.attendance.db as attendance_db

    monkeypatch.setattr(attendance_db, "BUSY_TIMEOUT_MS", 200)  # fail fast instead of waiting 5 s
    service.db  # connect with the short timeout
    live = LiveRecognizer(service)
    image = frame(enrollment_split("df01")[1][0])
    blocker = sqlite3.connect(service.settings.db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")  # another writer holds the database
    decisions = [live.process(image, now=t * 0.1) for t in range(3)]
    assert decisions[2].checkins[0].outcome == "queued" and live.tracks[0].recorded
    assert len(service.outbox) == 1
    blocker.rollback()
    blocker.close()
    stranger = frame(photos_of("df05")[0])
    live.reset()  # a new visit, not Ada's track
    for t in range(3):  # the next write (this stranger's access-log row) delivers it first
        live.process(stranger, now=5.0 + t * 0.1)
    today = date.today()
    assert [r["name"] for r in service.db.attendance(today, today)] == ["Ada Lovelace"]
    assert [e["outcome"] for e in service.db.access_log(today, today)] == ["checked_in", "unknown"]
    assert len(service.outbox) == 0
