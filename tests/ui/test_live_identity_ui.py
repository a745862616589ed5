"""A name is drawn only on the frame it was computed for (issue 21): the real kiosk window on the
test command's X server plays a door scene spliced from real recordings (tests/spliced.py: one
person, a stranger at the same place, a second person, the two crossing) through the real
capture thread, inference worker and database. Every paint is checked against who is really
at that spot in the frame it shows."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.ui.capture import ENDED
from kiosk.ui.main_window import MainWindow
from tests import spliced


@pytest.fixture
def door_window(qtbot, tmp_path, make_service, shared_pipeline):
    """The kiosk window with its camera unplugged until the face models are loaded (the scene
    starts with a person, who must not be missed while the models load), then plugged in."""
    service = make_service(cooldown_seconds=300)
    for user_id, (name, _) in spliced.PEOPLE.items():
        service.enroll(user_id, name, "+15550100", spliced.enrolment_frames(user_id), masks=False)
    scene = spliced.build(lambda image: shared_pipeline.detect(image))
    camera = tmp_path / "door.avi"
    window = MainWindow(service, str(camera), backoff=(0.2, 0.4, 0.8))
    qtbot.addWidget(window)
    window.show()
    window.start()
    yield window, scene, service, camera
    window.shutdown()


def test_names_only_on_their_own_frame_and_only_the_right_check_ins(qtbot, door_window):
    window, scene, service, camera = door_window
    qtbot.waitUntil(lambda: window.live.model != "", timeout=60000)
    scene.write(camera)
    window.capture.retry_now()
    qtbot.waitUntil(lambda: window.capture.state == ENDED, timeout=60000)
    qtbot.wait(500)  # the last frame's decision
    names = {name: uid for uid, (name, _) in spliced.PEOPLE.items()}
    log = list(window.live.video.paint_log)
    named = 0
    for index, _, faces, _ in log:
        for title, box in faces:
            uid = names.get(title.rstrip("?"))
            if uid is None:
                continue
            named += 1
            truth = spliced.who_is_at(scene.truth[index], box)
            assert truth == uid, f"frame {index}: {title} painted on {truth or 'the stranger'}"
    assert named > 10, f"only {named} names painted: the check above proved nothing"
    # Only the right people: never the stranger (the exact count is the engine test's, at a
    # known recognition rate; here the rate is whatever the machine gives).
    rows = service.db.attendance(date.today(), date.today())
    assert rows and {r["employee_id"] for r in rows} <= set(spliced.PEOPLE), rows

    # How long the previous picture (and its name) stays on screen after each cut: from the
    # capture of the first frame after the change (the capture thread plays the file at its own
    # rate, so a painted frame's capture time dates the frames before it) to the first paint of
    # a frame from after it. The picture before stays correct meanwhile: its own frame.
    delays = []
    for start, what in scene.changes[1:]:
        first = round(start * spliced.FPS)
        after = next(((i, c, t) for i, c, _, t in log if i >= first), None)
        if after is not None:
            index, captured, painted = after
            delays.append((what, painted - (captured - (index - first) / spliced.FPS)))
    print(f"\nrecognition {window.worker.fps:.1f} fps, hold {window.live.video.hold_s * 1000:.0f} ms; " +
          "; ".join(f"{what}: new picture on screen {d * 1000:.0f} ms after the change" for what, d in delays))
    assert len(delays) == len(scene.changes) - 1 and all(d < 1.5 for _, d in delays), delays
