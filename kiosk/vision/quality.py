"""Photo quality: blur (Laplacian variance), brightness and face size, with the SPEC's limits."""
from __future__ import annotations

from dataclasses import asdict, dataclass

import cv2
import numpy as np

from kiosk.vision.types import Face

BLUR_MIN = 40.0  # SPEC 3.1: Laplacian variance of the grey image below this is rejected
MIN_FACE_PX = 60  # a face narrower than this gives unreliable embeddings
# Mean grey level of the face box (not the whole photo: a dark suit or wall is fine).
BRIGHTNESS_RANGE = (35.0, 235.0)


def blur_score(image_bgr: np.ndarray) -> float:
    """Variance of the Laplacian of the grey image: low means blurry."""
    grey = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


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
    blur: float
    brightness: float
    face_count: int
    face_width: float | None
    face_score: float | None
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return asdict(self) | {"ok": self.ok}


def assess(image_bgr: np.ndarray, faces: list[Face], *, require_single_face: bool = True) -> PhotoQuality:
    """Everything an enrollment photo is checked for, with user-facing reasons for each problem."""
    h, w = image_bgr.shape[:2]
    blur = blur_score(image_bgr)
    main = max(faces, key=lambda f: f.area) if faces else None
    light = brightness(image_bgr, main)
    problems: list[str] = []
    if not faces:
        problems.append("no face found")
    elif require_single_face and len(faces) > 1:
        problems.append(f"{len(faces)} faces found; the photo must show exactly one person")
    if blur < BLUR_MIN:
        problems.append(f"too blurry (sharpness {blur:.1f}, at least {BLUR_MIN:.0f} needed)")
    if not BRIGHTNESS_RANGE[0] <= light <= BRIGHTNESS_RANGE[1]:
        problems.append(f"face too {'dark' if light < BRIGHTNESS_RANGE[0] else 'bright'} (mean {light:.0f})")
    if main is not None and main.width < MIN_FACE_PX:
        problems.append(f"face too small ({main.width:.0f} px wide, at least {MIN_FACE_PX} needed)")
    return PhotoQuality(w, h, round(blur, 2), round(light, 1), len(faces),
                        round(main.width, 1) if main else None,
                        round(main.score, 3) if main else None, problems)
