"""What the face itself shows on an enrollment photo: how far the head is turned, whether the
eyes are open, whether a mask is worn. Each is a reason a clerk can tell the person."""
from __future__ import annotations

import threading

import cv2
import numpy as np

from kiosk.vision.types import Face

# The ArcFace 112x112 template (insightface face_align.arcface_dst): a frontal face by
# definition, so a photo matching it reads 0 deg yaw and pitch. Depths (towards the camera, in
# the template's pixels) from average human head geometry relative to the eye centres, with
# inter-ocular distance (IOD) 35.2 px ~ 63 mm: nose tip ~22 mm ahead (0.35 IOD), mouth corners
# ~3 mm ahead.
_TEMPLATE = np.array([[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366],
                      [41.5493, 92.3655], [70.7299, 92.2041]], np.float64)
_DEPTH = np.array([0.0, 0.0, 12.3, 1.8, 1.8])
_MODEL = np.column_stack([_TEMPLATE - _TEMPLATE.mean(0), _DEPTH])
_MODEL[:, 1] *= -1  # image y grows downwards, model y upwards

# Turned beyond these the far eye and cheek are foreshortened (the ArcFace crop then holds
# mostly one side of the face) and frontal-to-frontal matching falls off; the 5-point estimate
# itself is good to several degrees, so the limits sit well clear of frontal, and well inside
# what a clerk would call "turned away" (see docs/evaluation/sharpness.md for the measured spread).
YAW_MAX = 30.0
PITCH_MAX = 25.0
# Eye aspect ratio (Soukupova & Cech 2016: open eyes ~0.25-0.35, a blink falls below ~0.2);
# below this both eyes are taken as closed (the mean of the two eyes is used).
EYES_OPEN_MIN = 0.15


def head_pose(face: Face, image_shape: tuple[int, ...]) -> tuple[float, float]:
    """(yaw, pitch) in degrees from the 5 landmarks (solvePnP on a generic face model);
    positive yaw = face turned to the image's left, positive pitch = chin up."""
    h, w = image_shape[:2]
    focal = float(max(h, w))
    camera = np.array([[focal, 0, w / 2], [0, focal, h / 2], [0, 0, 1]], np.float64)
    points = np.asarray(face.landmarks, np.float64).reshape(5, 2)
    ok, rvec, _ = cv2.solvePnP(_MODEL, points, camera, None, flags=cv2.SOLVEPNP_EPNP)
    if not ok:
        return float("nan"), float("nan")
    ok, rvec, tvec = cv2.solvePnP(_MODEL, points, camera, None, rvec, np.array([[0.0], [0.0], [focal]]),
                                  useExtrinsicGuess=True, flags=cv2.SOLVEPNP_ITERATIVE)
    rotation, _ = cv2.Rodrigues(rvec)
    # The model has y up and z towards the camera; the camera looks along +z with y down:
    # flip to camera axes, then read Euler angles.
    rotation = rotation @ np.diag([1.0, -1.0, -1.0])
    angles, *_ = cv2.RQDecomp3x3(rotation)
    pitch, yaw = angles[0], angles[1]
    pitch = (pitch + 180.0) % 360.0 - 180.0
    if pitch > 90:
        pitch -= 180
    elif pitch < -90:
        pitch += 180
    return float(yaw), float(pitch)


def eye_aspect_ratio(points68: np.ndarray) -> float:
    """Mean eye aspect ratio of dlib's 68 points (eyes are points 36-41 and 42-47)."""
    def one(eye: np.ndarray) -> float:
        vertical = np.linalg.norm(eye[1] - eye[5]) + np.linalg.norm(eye[2] - eye[4])
        return float(vertical / (2.0 * max(np.linalg.norm(eye[0] - eye[3]), 1e-6)))

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
    from kiosk.vision.masks import MaskRenderer

    renderer = _get("landmarks68", MaskRenderer)
    return eye_aspect_ratio(renderer.landmarks68(image_bgr, face.box[:4]))


def mask_probability(image_bgr: np.ndarray, face: Face) -> tuple[bool, float]:
    """(masked, P(mask)) from the project's mask classifier (kiosk.vision.mask_classifier)."""
    from kiosk.vision.mask_classifier import MaskClassifier

    return _get("mask", MaskClassifier.load).predict(image_bgr, face)
