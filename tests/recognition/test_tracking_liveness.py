"""The live path never checks in a track whose liveness failed: a real LiveRecognizer, a real
service and gallery, real NUAA photos (a person's live webcam frames and the printed photo of
that same person held up to the webcam, which the recogniser alone accepts as them)."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.recognition.tracking import LIVENESS_LABEL, LiveRecognizer
from kiosk.vision.image_io import load_image
from tests.conftest import FACES, require

NUAA = FACES / "spoof" / "nuaa_part"
LIVE_FRAMES = ["010_0004_01_00_01_261.jpg", "011_0004_01_00_02_239.jpg", "012_0004_01_06_03_245.jpg"]
PRINT = "010_0004_01_00_01_254.jpg"  # subject 0004's printed photo, held up to the same webcam


@pytest.fixture(scope="module")
def gallery(tmp_path_factory, pipeline):
    """Subject 0004 enrolled from the centre of their three live frames (the frames also show a
    second, tiny face in the background, which enrolment rightly refuses)."""
    data = tmp_path_factory.mktemp("nuaa")
    service = KioskService(load_settings(data, liveness=True), pipeline=pipeline)
    images = [load_image(require(NUAA / "live" / name))[:, 180:450] for name in LIVE_FRAMES]
    service.enroll("N004", "Nuaa Four", "+440000004", images, masks=False)
    return data


@pytest.fixture
def service(gallery, pipeline, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(gallery, data)
    # No spot check: these tests are about the passive verdict, which must not depend on a random
    # draw (the spot check is tested below and in tests/app/test_challenge_gate.py).
    return KioskService(load_settings(data, liveness=True, confirm_frames=3, liveness_spot_check=0.0),
                        pipeline=pipeline)


def test_a_printed_photo_of_an_enrolled_person_never_checks_in(service):
    image = load_image(require(NUAA / "spoof" / PRINT))
    without = service.decide(service.pipeline.analyze(image), record=False)[0].match
    assert without.accepted and without.user_id == "N004"  # the recogniser alone would say yes
    live = LiveRecognizer(service)
    decisions = [live.process(image, now=t * 0.1) for t in range(10)]
    assert all(not d.checkins for d in decisions)
    assert all(f.label == LIVENESS_LABEL and f.user_id is None and not f.confirmed
               for d in decisions[2:] for f in d.faces)
    assert decisions[0].faces[0].live is None and live.tracks[0].live is False
    today = date.today()
    assert service.db.attendance(today, today) == []
    log = service.db.access_log(today, today)
    assert [e["outcome"] for e in log] == ["spoof_suspected"]  # once per track, not per frame
    assert log[0]["employee_id"] == "N004" and log[0]["score"] < service.liveness.threshold
    assert "liveness" in log[0]["detail"]
    assert service.db.stats()["spoof_suspected_today"] == 1


def test_the_same_person_live_checks_in(service):
    live = LiveRecognizer(service)
    image = load_image(require(NUAA / "live" / LIVE_FRAMES[0]))
    decisions = [live.process(image, now=t * 0.1) for t in range(4)]
    assert [bool(d.checkins) for d in decisions] == [False, False, True, False]
    assert decisions[2].checkins[0].recorded and decisions[2].checkins[0].name == "Nuaa Four"
    track = next(t for t in live.tracks if t.confirmed_id == "N004")
    assert track.live is True
    assert service.db.stats()["spoof_suspected_today"] == 0


def test_a_spot_checked_live_person_answers_a_challenge_before_checking_in(service):
    """The same clearly live frames with liveness_spot_check = 1: the track is challenged instead
    of checked in (a still frame cannot answer it), and the prompt is on the face."""
    service.settings.liveness_spot_check = 1.0
    live = LiveRecognizer(service)
    image = load_image(require(NUAA / "live" / LIVE_FRAMES[0]))
    decisions = [live.process(image, now=t * 0.1) for t in range(4)]
    assert not any(d.checkins for d in decisions)
    assert decisions[-1].faces[0].live is True and decisions[-1].faces[0].challenge is not None
    state = next(iter(live.challenges.tracks.values()))
    assert state.why == "spot check" and state.passive >= live.challenges.clear


def test_a_masked_live_face_passes_on_the_live_path(service):
    """foxriver's live webcam frame of a person in a surgical mask (not enrolled): the track's
    liveness holds, so it is logged as unknown, never as spoof_suspected."""
    image = load_image(require(FACES / "spoof" / "foxriver" / "live" / "009_169934712853912.jpg"))
    live = LiveRecognizer(service)
    decisions = [live.process(image, now=t * 0.1) for t in range(4)]
    assert decisions[-1].faces[0].live is True and decisions[-1].faces[0].liveness > service.liveness.threshold
    today = date.today()
    assert [e["outcome"] for e in service.db.access_log(today, today)] == ["unknown"]


def test_video_events_carry_the_score_and_the_verdict(service, tmp_path):
    """`kiosk video --events` on a clip of the printed photo (an MJPG of the real frame)."""
    import cv2

    from kiosk.commands.video import annotate_video

    image = load_image(require(NUAA / "spoof" / PRINT))
    clip = tmp_path / "print.avi"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"MJPG"), 10, (image.shape[1], image.shape[0]))
    for _ in range(5):
        writer.write(image)
    writer.release()
    events = annotate_video(service, str(clip), tmp_path / "out.mp4")
    faces = [f for frame in events["frames"] for f in frame["faces"]]
    assert len(faces) == 5 and all(isinstance(f["liveness"], float) for f in faces)
    assert faces[0]["live"] is None and faces[-1]["live"] is False and faces[-1]["liveness"] < 0.33
    assert events["checkins"] == []


def test_a_photo_swapped_in_after_a_live_face_is_not_checked_in(service):
    """A live (masked, unknown) person first, then the enrolled person's print in the same track
    (min_iou=0 keeps one track across the swap): the liveness window slides over the print's
    frames before the vote for the print's face agrees, so nobody is checked in."""
    stranger = load_image(require(FACES / "spoof" / "foxriver" / "live" / "009_169934712853912.jpg"))
    attack = load_image(require(NUAA / "spoof" / PRINT))
    live = LiveRecognizer(service, min_iou=0.0)
    first = [live.process(stranger, now=t * 0.1) for t in range(3)]
    assert first[-1].faces[0].live is True
    after = [live.process(attack, now=0.3 + t * 0.1) for t in range(6)]
    assert len(live.tracks) == 1 and live.tracks[0].live is False
    assert all(not d.checkins for d in first + after)
    today = date.today()
    assert service.db.attendance(today, today) == []
    assert [e["outcome"] for e in service.db.access_log(today, today)] == ["unknown", "spoof_suspected"]
