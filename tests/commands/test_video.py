"""`kiosk video`: annotated output video, events JSON of the exact schema, check-ins (real photos
and the real hamilton clip)."""
from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from tests.commands.conftest import kiosk_main as main
from tests.conftest import FACES, photos_of, require

FACE_KEYS = {"name", "similarity", "box", "masked", "liveness", "live"}  # liveness: null when off


def frame_count(path) -> int:
    capture = cv2.VideoCapture(str(path))
    assert capture.isOpened(), f"{path} does not open"
    n = 0
    while True:
        ok, frame = capture.read()
        if not ok:
            break
        assert frame.shape[2] == 3
        n += 1
    capture.release()
    return n


def check_schema(events: dict) -> None:
    assert set(events) == {"frames", "checkins"}
    for frame in events["frames"]:
        assert set(frame) == {"index", "time", "faces"}
        assert isinstance(frame["index"], int) and isinstance(frame["time"], (int, float))
        for face in frame["faces"]:
            assert set(face) == FACE_KEYS
            assert isinstance(face["name"], str) and isinstance(face["similarity"], float)
            assert isinstance(face["masked"], bool)
            assert len(face["box"]) == 4 and all(isinstance(v, int) for v in face["box"])
    for checkin in events["checkins"]:
        assert set(checkin) == {"name", "time"}


def on_canvas(path, size=(640, 480)) -> np.ndarray:
    """A photo fitted into a grey 640x480 frame (the camera's size)."""
    from kiosk.vision.image_io import load_image

    image = load_image(path)
    h, w = image.shape[:2]
    s = min(size[0] / w, size[1] / h) * 0.9
    image = cv2.resize(image, (int(w * s), int(h * s)))
    canvas = np.full((size[1], size[0], 3), 90, np.uint8)
    y, x = (size[1] - image.shape[0]) // 2, (size[0] - image.shape[1]) // 2
    canvas[y:y + image.shape[0], x:x + image.shape[1]] = image
    return canvas


@pytest.fixture
def enrolled_obama(tmp_path, pipeline):
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.vision.image_io import load_image
    from tests.conftest import enrollment_split

    data = tmp_path / "data"
    service = KioskService(load_settings(data), pipeline=pipeline)
    enroll, held_out = enrollment_split("obama")
    service.enroll("E1", "Barack Obama", "+447700900001", [load_image(p) for p in enroll], masks=False)
    return data, held_out


def test_video_checks_in_enrolled_person(tmp_path, enrolled_obama, capsys):
    """A clip made of held-out photos of an enrolled person, then of a stranger: one check-in."""
    data, held_out = enrolled_obama
    clip = tmp_path / "clip.mp4"
    frames = [on_canvas(p) for p in held_out[:2] for _ in range(3)]
    frames += [on_canvas(photos_of("kit_harington")[0])] * 3
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), 5.0, (640, 480))
    for f in frames:
        writer.write(f)
    writer.release()
    out, events_path = tmp_path / "out" / "annotated.mp4", tmp_path / "events.json"
    code = main(["video", "--data-dir", str(data), "--input", str(clip), "--output", str(out),
                 "--events", str(events_path)])
    assert code == 0, capsys.readouterr().err
    assert frame_count(out) == len(frames)
    events = json.loads(events_path.read_text())
    check_schema(events)
    assert [f["index"] for f in events["frames"]] == list(range(len(frames)))
    assert events["frames"][1]["time"] == pytest.approx(0.2)
    assert [c["name"] for c in events["checkins"]] == ["Barack Obama"]
    names = [face["name"] for f in events["frames"] for face in f["faces"]]
    assert names[:6].count("Barack Obama") >= 5 and names[-3:] == ["Unknown"] * 3
    # --record is off by default: the attendance database stays empty.
    assert not (data / "attendance.db").exists() or _checkins_in_db(data) == 0


def _checkins_in_db(data) -> int:
    import sqlite3

    with sqlite3.connect(data / "attendance.db") as db:
        tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
        return sum(db.execute(f"select count(*) from {t}").fetchone()[0] for t in tables
                   if "attendance" in t or "event" in t)


def test_video_on_real_clip_every_n(tmp_path, capsys):
    clip = require(FACES / "video" / "short_hamilton_clip.mp4")
    out, events_path = tmp_path / "hamilton.mp4", tmp_path / "events.json"
    code = main(["video", "--data-dir", str(tmp_path / "data"), "--input", str(clip), "--output", str(out),
                 "--events", str(events_path), "--every", "4", "--max-frames", "16"])
    assert code == 0, capsys.readouterr().err
    assert frame_count(out) == 16
    events = json.loads(events_path.read_text())
    check_schema(events)
    assert [f["index"] for f in events["frames"]] == [0, 4, 8, 12]
    assert sum(len(f["faces"]) for f in events["frames"]) >= 4  # faces are found in the real clip
    assert events["checkins"] == []  # nobody is enrolled


def test_video_bad_inputs(tmp_path, capsys):
    def run(*extra) -> str:
        assert main(["video", "--data-dir", str(tmp_path), *extra]) == 1
        return capsys.readouterr().err

    out = str(tmp_path / "o.mp4")
    assert "no such video file" in run("--input", str(tmp_path / "nope.mp4"), "--output", out)
    (tmp_path / "junk.mp4").write_bytes(b"not a video at all")
    assert "cannot read" in run("--input", str(tmp_path / "junk.mp4"), "--output", out)
    assert ".mp4" in run("--input", str(tmp_path / "junk.mp4"), "--output", str(tmp_path / "o.avi"))
    assert "--every" in run("--input", str(tmp_path / "junk.mp4"), "--output", out, "--every", "0")


def test_video_show_needs_a_gui(tmp_path, capsys):
    try:
        cv2.namedWindow("probe")
        cv2.destroyAllWindows()
        pytest.skip("this OpenCV has a GUI: --show would open a window")
    except cv2.error:
        pass
    assert main(["video", "--data-dir", str(tmp_path), "--input", "0", "--output", str(tmp_path / "o.mp4"),
                 "--show"]) == 1
    assert "headless" in capsys.readouterr().err
