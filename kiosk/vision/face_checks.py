"""What the face itself shows on an enrollment photo: how far the head is turned, whether the
eyes are open, whether a mask is worn. Each is a reason a clerk can tell the person."""
from __future__ import annotations

import threading

import cv2
import numpy as np

from kiosk.vision.landmarks68 import Landmarks68
from kiosk.vision.mask_classifier import MaskClassifier
from kiosk.vision.types import Face

# The ArcFace 112x112 template (insightface face_align.arcface_dst): a frontal face by
# definition, so a face whose landmarks match it reads 0 degrees yaw and pitch.
_TEMPLATE = np.array([[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366],
                      [41.5493, 92.3655], [70.7299, 92.2041]], np.float64)
# How far the nose tip stands in front of the eyes and mouth corners, in template pixels:
# ~0.45 inter-ocular distance (IOD 35.2 px ~ 63 mm; nose tip ~28 mm ahead), average head geometry.
_NOSE_DEPTH = 0.45 * float(np.linalg.norm(_TEMPLATE[1] - _TEMPLATE[0]))

# Turned beyond these the far cheek is foreshortened (the ArcFace crop then holds mostly one side
# of the face) and frontal-to-frontal matching falls off. The 5-point estimate is good to several
# degrees for yaw; pitch is the weakest (where the nose sits between eyes and mouth varies from
# person to person: frontal portraits here read -15 deg on average, spread +-15), so only a
# clearly tilted head is refused. Measured spread: docs/evaluation/sharpness.md.
YAW_MAX = 30.0
PITCH_MAX = 40.0
# Eye aspect ratio (Soukupova & Cech 2016: open eyes ~0.25-0.35, a blink falls below ~0.2);
# below this both eyes are taken as closed (the mean of the two eyes is used).
EYES_OPEN_MIN = 0.15


def head_pose(face: Face, image_shape: tuple[int, ...] | None = None) -> tuple[float, float]:
    """(yaw, pitch) in degrees from the 5 landmarks: the eyes and mouth corners are mapped onto
    the frontal template (similarity transform), and the nose tip's offset from the template's
    nose, over the nose's depth, is the sine of the turn (weak perspective; a full PnP solve on
    5 nearly coplanar points is ambiguous). Positive yaw: nose towards the image's right;
    positive pitch: chin up. image_shape is unused (kept for callers that pass it)."""
    points = np.asarray(face.landmarks, np.float64).reshape(5, 2)
    matrix, _ = cv2.estimateAffinePartial2D(points[[0, 1, 3, 4]], _TEMPLATE[[0, 1, 3, 4]], method=cv2.LMEDS)
    if matrix is None:
        return float("nan"), float("nan")
    nose = matrix @ np.array([points[2, 0], points[2, 1], 1.0])
    dx, dy = (nose - _TEMPLATE[2]) / _NOSE_DEPTH
    return (float(np.degrees(np.arcsin(np.clip(dx, -1, 1)))),
            float(np.degrees(np.arcsin(np.clip(-dy, -1, 1)))))


def eye_aspect_ratio(points68: np.ndarray) -> float:
    """Mean eye aspect ratio of dlib's 68 points (eyes are points 36-41 and 42-47)."""
    def one(eye: np.ndarray) -> float:
        vertical = np.linalg.norm(eye[1] - eye[5]) + np.linalg.norm(eye[2] - eye[4])
        return float(vertical / (2.0 * max(float(np.linalg.norm(eye[0] - eye[3])), 1e-6)))

    return (one(points68[36:42]) + one(points68[42:48])) / 2.0


_shared: dict[str, object] = {}
_lock = threading.Lock()


def _get(name: str, factory):
    with _lock:
        if name not in _shared:
            _shared[name] = factory()
        return _shared[name]


def eye_openness(image_bgr: np.ndarray, face: Face) -> float:
    """Eye aspect ratio of the face (dlib's 68-point predictor, placed from the detector box)."""

    landmarks = _get("landmarks68", Landmarks68)
    return eye_aspect_ratio(landmarks.predict(image_bgr, face.box[:4]))


def mask_probability(image_bgr: np.ndarray, face: Face) -> tuple[bool, float]:
    """(masked, P(mask)) from the project's mask classifier (kiosk.vision.mask_classifier)."""

    return _get("mask", MaskClassifier.load).predict(image_bgr, face)
