"""Photo quality for enrollment: face-scale sharpness, brightness, face size, head pose, eyes,
mask, with the SPEC's limits and a plain-words reason for each problem."""
from __future__ import annotations

import logging
import math
from dataclasses import asdict, dataclass, field

import cv2
import numpy as np

from kiosk.vision import face_checks
from kiosk.vision.sharpness import SHARPNESS_MIN, face_sharpness, whole_image_blur
from kiosk.vision.types import Face

log = logging.getLogger(__name__)

# SPEC 3.1's original rule: the whole-image Laplacian variance. Kept as `blur` in metadata for
# compatibility; the decision uses the face-scale `sharpness` (kiosk.vision.sharpness).
BLUR_MIN = 40.0
MIN_FACE_PX = 60  # a face narrower than this gives unreliable embeddings
# Mean grey level of the face box (not the whole photo: a dark suit or wall is fine).
BRIGHTNESS_RANGE = (35.0, 235.0)

blur_score = whole_image_blur  # the old name, used by callers that want the SPEC's score


def brightness(image_bgr: np.ndarray, face: Face | None = None) -> float:
    """Mean grey level of the face box, or of the whole image when there is no face."""
    if face is not None:
        h, w = image_bgr.shape[:2]
        x1, y1, x2, y2 = (int(v) for v in np.clip(face.box[:4], 0, [w, h, w, h]))
        if x2 > x1 and y2 > y1:
            image_bgr = image_bgr[y1:y2, x1:x2]
    return float(cv2.cvtColor(image_bgr, cv2.COLOR_BGR2GRAY).mean())


@dataclass
class PhotoQuality:
    width: int
    height: int
    blur: float  # whole-image Laplacian variance (SPEC 3.1's score, compatibility only)
    brightness: float
    face_count: int
    face_width: float | None
    face_score: float | None
    problems: list[str]
    sharpness: float | None = None  # face-scale sharpness, the one decided on
    yaw: float | None = None  # degrees, from the 5 landmarks
    pitch: float | None = None
    eyes_open: float | None = None  # eye aspect ratio (dlib 68 points)
    mask_probability: float | None = None
    notes: list[str] = field(default_factory=list)  # checks that could not run, and why

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return asdict(self) | {"ok": self.ok}


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None or not math.isfinite(value) else round(float(value), digits)


def _face_problems(image_bgr: np.ndarray, face: Face, q: PhotoQuality) -> None:
    """Sharpness, size, pose, eyes and mask of the main face, into q."""
    q.sharpness = _r(face_sharpness(image_bgr, face), 2)
    if q.sharpness is not None and q.sharpness < SHARPNESS_MIN:  # None: not finite (never for a real crop)
        q.problems.append(f"too blurry (face sharpness {q.sharpness:.1f}, at least {SHARPNESS_MIN:g} needed): "
                          f"hold the camera still and focus on the face")
    if face.width < MIN_FACE_PX:
        q.problems.append(f"face too small ({face.width:.0f} px wide, at least {MIN_FACE_PX} needed): "
                          f"come closer or use a larger photo")
    yaw, pitch = face_checks.head_pose(face, image_bgr.shape)
    q.yaw, q.pitch = _r(yaw, 1), _r(pitch, 1)
    if q.yaw is not None and abs(q.yaw) > face_checks.YAW_MAX:
        q.problems.append(f"face turned to the side ({abs(q.yaw):.0f} degrees, at most "
                          f"{face_checks.YAW_MAX:.0f}): look straight at the camera")
    if q.pitch is not None and abs(q.pitch) > face_checks.PITCH_MAX:
        q.problems.append(f"head tilted {'up' if q.pitch > 0 else 'down'} ({abs(q.pitch):.0f} degrees, at most "
                          f"{face_checks.PITCH_MAX:.0f}): look straight at the camera")
    try:
        masked, q.mask_probability = face_checks.mask_probability(image_bgr, face)
        q.mask_probability = _r(q.mask_probability, 3)
        if masked:
            q.problems.append(f"a mask is worn (mask probability {q.mask_probability:.2f}): "
                              f"remove the mask for these photos")
    except (FileNotFoundError, ValueError) as exc:
        q.notes.append(f"mask check not run: {exc}")
    try:
        q.eyes_open = _r(face_checks.eye_openness(image_bgr, face), 3)
        if q.eyes_open is not None and q.eyes_open < face_checks.EYES_OPEN_MIN and not (q.mask_probability or 0) >= 0.5:
            q.problems.append(f"eyes closed or covered (eye opening {q.eyes_open:.2f}, at least "
                              f"{face_checks.EYES_OPEN_MIN:.2f}): open your eyes and take off dark glasses")
    except (FileNotFoundError, RuntimeError) as exc:
        q.notes.append(f"eye check not run: {exc}")
    for note in q.notes:
        log.warning(note)


def assess(image_bgr: np.ndarray, faces: list[Face], *, require_single_face: bool = True) -> PhotoQuality:
    """Everything an enrollment photo is checked for, with user-facing reasons for each problem."""
    h, w = image_bgr.shape[:2]
    main = max(faces, key=lambda f: f.area) if faces else None
    light = brightness(image_bgr, main)
    q = PhotoQuality(w, h, round(whole_image_blur(image_bgr), 2), round(light, 1), len(faces),
                     round(main.width, 1) if main else None, round(main.score, 3) if main else None, [])
    if not faces:
        q.problems.append("no face found: the whole face must be in the photo, facing the camera")
    elif require_single_face and len(faces) > 1:
        q.problems.append(f"{len(faces)} faces found: only the person being enrolled may be in the photo")
    if main is not None:
        _face_problems(image_bgr, main, q)
    if not BRIGHTNESS_RANGE[0] <= light <= BRIGHTNESS_RANGE[1]:
        q.problems.append(f"face too {'dark' if light < BRIGHTNESS_RANGE[0] else 'bright'} (mean {light:.0f})")
    return q


def describe(q: PhotoQuality) -> str:
    """The measured values in one line (for check-photo and logs)."""
    parts = [f"face sharpness {q.sharpness:.1f}" if q.sharpness is not None else None,
             f"whole-image blur score {q.blur:.1f}", f"brightness {q.brightness:.0f}",
             f"face {q.face_width:.0f} px wide" if q.face_width is not None else None,
             f"yaw {q.yaw:+.0f} deg, pitch {q.pitch:+.0f} deg" if q.yaw is not None and q.pitch is not None else None,
             f"eye opening {q.eyes_open:.2f}" if q.eyes_open is not None else None,
             f"mask probability {q.mask_probability:.2f}" if q.mask_probability is not None else None]
    return ", ".join(p for p in parts if p)
