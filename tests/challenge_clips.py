"""Real challenge footage for the tests (../shared/faces/challenge, MANIFEST.md says what happens
when): frames with the container's timestamps, and a person enrolled from a clip's own frames."""
from __future__ import annotations

import cv2

from tests.conftest import FACES, require

CLIPS = FACES / "challenge"
ZUBAIR = CLIPS / "live_turns" / "zubair_webcam_turns.mov"  # own right turn from ~7.0 s, left from ~9.5 s


def clip_frames(path, start: float, end: float, upscale: int = 1):
    """(seconds, BGR frame) of the clip between start and end; tiny clips upscaled and padded."""
    cap = cv2.VideoCapture(str(require(path)))
    out = []
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        t = cap.get(cv2.CAP_PROP_POS_MSEC) / 1e3
        if t > end:
            break
        if t >= start:
            if upscale > 1:
                frame = cv2.resize(frame, None, fx=upscale, fy=upscale, interpolation=cv2.INTER_CUBIC)
                pad = frame.shape[0] // 3
                frame = cv2.copyMakeBorder(frame, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
            out.append((t, frame))
    cap.release()
    return out


def enroll_zubair(service) -> None:
    """The webcam clip's man, enrolled from three frontal, eyes-open frames of its first second."""
    frames = [f for t, f in clip_frames(ZUBAIR, 0.0, 1.0)]
    frames = [frames[0], frames[8], frames[14]]
    service.enroll("Z001", "Zubair Webcam", "+15550101", frames, masks=False)


class FixedChoice:
    """In place of secrets.SystemRandom for a test that must know what is asked: `sample` gives
    these instructions, `random` gives `draw` (the spot check's draw: under the share is a spot
    check); the gate's code path is otherwise the shipped one."""

    def __init__(self, *instructions: str, draw: float = 0.5):
        self.instructions = list(instructions)
        self.draw = draw

    def sample(self, population, k):
        return self.instructions[:k]

    def random(self) -> float:
        return self.draw
