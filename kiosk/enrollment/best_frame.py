"""The photo to keep when the clerk taps "Take photo" (issue 9 item 5): the best of the last
second of camera frames, not whichever frame the tap landed on. People blink, turn and move for a
moment; within a second there is nearly always a frame that passes the checks, and of those the
sharpest, most frontal one is the better enrollment photo."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from kiosk.enrollment.templates import COMPETING_FACE_RATIO
from kiosk.vision import quality
from kiosk.vision.lighting import detect_lit
from kiosk.vision.types import Face

RING_SECONDS = 1.0
# Frames graded per tap: a detection each (~40-100 ms here), so the choice stays well under a second.
MAX_CANDIDATES = 6


@dataclass
class FrameChoice:
    index: int  # into the frames given
    quality: quality.PhotoQuality | None
    score: float
    considered: int


def frontal(q: quality.PhotoQuality, face: Face) -> float:
    """1.0 for a face looking straight at the camera, less as it turns: 1 - |yaw| / 90 when the
    quality check measured the yaw (pitch from 5 landmarks carries a ~15 degree bias on frontal
    faces, docs/evaluation/sharpness.md, so it only gates, it does not rank), else from the 5
    landmarks (the nose's offset from the eyes' midpoint in eye distances)."""
    yaw = getattr(q, "yaw", None)
    if yaw is not None:
        return max(0.0, 1.0 - abs(float(yaw)) / 90.0)
    lm = np.asarray(face.landmarks, np.float32)
    eye_mid, eye_dist = (lm[0] + lm[1]) / 2, float(np.linalg.norm(lm[1] - lm[0]))
    if eye_dist <= 0:
        return 0.0
    return max(0.0, 1.0 - abs(float(lm[2][0] - eye_mid[0])) / eye_dist)


def frame_score(q: quality.PhotoQuality, face: Face) -> float:
    """Higher is better: the sharpness (face-scale when the quality check has it, else the blur
    score) weighted by how frontal the face is; a frame that fails any check ranks below all
    that pass (scores below zero)."""
    sharp = getattr(q, "sharpness", None)
    sharp = q.blur if sharp is None else sharp
    score = float(sharp) * frontal(q, face)
    return score if q.ok else score / (1.0 + score) - 1.0 * len(q.problems)


def grade_frame(pipeline, image: np.ndarray) -> tuple[quality.PhotoQuality, Face | None]:
    """The checks check_photo applies (the main face and any competing one), on one frame."""
    image, faces, _ = detect_lit(pipeline, image, pad_retry=False)
    main = faces[0] if faces else None
    competing = [f for f in faces[1:] if main is not None and f.width >= COMPETING_FACE_RATIO * main.width]
    return quality.assess(image, ([main] + competing) if main else []), main


def best_frame(pipeline, images: list[np.ndarray], max_candidates: int = MAX_CANDIDATES) -> FrameChoice:
    """The best of `images` (oldest first): up to max_candidates spread evenly over them, the
    newest always among them; with no face in any, the newest (check_photo then says why)."""
    if not images:
        raise ValueError("no frames to choose from")
    picks = sorted({int(round(i)) for i in np.linspace(len(images) - 1, 0, min(max_candidates, len(images)))})
    best = FrameChoice(len(images) - 1, None, -math.inf, len(picks))
    for i in reversed(picks):  # newest first: ties keep the newer frame
        q, face = grade_frame(pipeline, images[i])
        if face is None:
            continue
        score = frame_score(q, face)
        if score > best.score:
            best = FrameChoice(i, q, score, len(picks))
    return best
