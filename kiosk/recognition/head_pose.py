"""Head turn, nod and eye opening read from face landmarks, for the challenge (kiosk.recognition.challenge).

Why ratios and not a 3-D pose fit: the detector's 5 points (eye centres, nose tip, mouth corners)
are all a turn needs. The nose tip stands about 3 cm in front of the eyes, so when the head turns
by an angle a, the nose moves sideways from the eyes' midpoint by about 0.48 * tan(a) eye
distances (anthropometric averages: 63 mm between the eyes, ~30 mm nose depth); nodding moves
it up or down between the eyes and the mouth. Both are ratios of distances in the picture, so
they do not depend on how far the person stands. The challenge compares them with the person's
own values at the start of the challenge (faces differ; a mask moves the detector's guess of the
mouth), never with a fixed frontal value.

Blinks come from dlib's 68 points around the eyes only (the eye aspect ratio of Soukupova and
Cech, 2016: eye height over eye width), so a surgical mask does not matter. Pure numpy.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# dlib's 68-point indices of the two eyes, each starting at the outer/inner corner.
EYE_POINTS = (tuple(range(36, 42)), tuple(range(42, 48)))


@dataclass(frozen=True)
class Pose:
    """`yaw`: the nose's sideways offset from the middle of the eyes and mouth corners, in eye
    distances, positive when the nose points to the picture's right. `pitch`: where the nose sits
    between the eye line (0) and the mouth line (1); larger when the head is bowed."""

    yaw: float
    pitch: float


def pose_from_five(points) -> Pose:
    """The Pose from the detector's 5 points (left eye, right eye, nose, left and right mouth corner,
    in the picture's left/right). ValueError when the points are degenerate (eyes on one spot)."""
    p = np.asarray(points, np.float64).reshape(-1, 2)
    if p.shape[0] < 5:
        raise ValueError(f"a head pose needs the detector's 5 face points, got {p.shape[0]}")
    eye_l, eye_r, nose, mouth_l, mouth_r = p[:5]
    eyes = (eye_l + eye_r) / 2
    mouth = (mouth_l + mouth_r) / 2
    eye_dist = float(np.linalg.norm(eye_r - eye_l))
    if eye_dist < 1e-6:
        raise ValueError("the face's two eye points coincide: no head pose can be read")
    # The face's own axis (eye middle to mouth middle): a head tilted sideways is not a turn.
    axis = mouth - eyes
    height = float(np.linalg.norm(axis))
    if height < 1e-6:
        raise ValueError("the face's eye and mouth points coincide: no head pose can be read")
    down = axis / height
    across = np.array([-down[1], down[0]])  # points to the picture's left when `down` is straight down
    centre = (eyes + mouth) / 2
    yaw = -float(np.dot(nose - centre, across)) / eye_dist
    pitch = float(np.dot(nose - eyes, down)) / height
    return Pose(yaw, pitch)


def eye_aspect_ratio(landmarks68) -> float:
    """The mean of both eyes' height over width (about 0.25-0.35 open, under 0.15 closed)."""
    lm = np.asarray(landmarks68, np.float64).reshape(-1, 2)
    if lm.shape[0] != 68:
        raise ValueError(f"the eye aspect ratio needs dlib's 68 points, got {lm.shape[0]}")
    ratios = []
    for idx in EYE_POINTS:
        e = lm[list(idx)]
        width = float(np.linalg.norm(e[0] - e[3]))
        if width < 1e-6:
            raise ValueError("an eye's corners coincide: no eye aspect ratio can be read")
        ratios.append((np.linalg.norm(e[1] - e[5]) + np.linalg.norm(e[2] - e[4])) / (2 * width))
    return float(np.mean(ratios))
