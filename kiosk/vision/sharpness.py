"""Focus of the face itself, at a fixed scale, so the score means the same for a 0.3 MP webcam
frame and a 12 MP phone selfie (SPEC 3.1's intent: refuse blurred photos).

The whole-image Laplacian variance (`whole_image_blur`, kept for metadata compatibility) falls
with resolution and with plain backgrounds: a sharp 12 MP selfie scores ~8. Here the detector's
face box is resampled to FACE_SCALE_PX wide (INTER_AREA when shrinking, so no aliasing invents
detail; bilinear when enlarging, so no blocky edges do). On that grey crop the second derivative
is taken along four directions (0, 45, 90, 135 degrees) and the score is the variance of the
*weakest* one over the crop's own grey variance: dividing by the contrast makes it independent
of how dim or contrasty the light is, and taking the weakest direction catches motion blur, which
smears one direction only and leaves an isotropic Laplacian high (measured: the plain Laplacian
could not separate 9-px motion blur from a soft but usable frame, this can). benchmarks/sharpness_calibration.py measures it (docs/evaluation/sharpness.md)."""
from __future__ import annotations

import cv2
import numpy as np

from kiosk.vision.types import Face

FACE_SCALE_PX = 112  # the face box's width in the canonical crop (the embedder's crop size)
# Chosen in docs/evaluation/sharpness.md: between the sharpest-blurred and the softest-sharp
# photos with a margin on both sides (geometric mean of the two class edges).
SHARPNESS_MIN = 5.5
_DIRECTIONS = (np.array([[0, 0, 0], [1, -2, 1], [0, 0, 0]], np.float64),
               np.array([[0, 1, 0], [0, -2, 0], [0, 1, 0]], np.float64),
               np.array([[1, 0, 0], [0, -2, 0], [0, 0, 1]], np.float64) / 2,  # diagonal step is sqrt(2)
               np.array([[0, 0, 1], [0, -2, 0], [1, 0, 0]], np.float64) / 2)


def whole_image_blur(image_bgr: np.ndarray) -> float:
    """Variance of the Laplacian of the whole grey image (the SPEC's original blur score)."""
    grey = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_64F).var())


def face_crop(image_bgr: np.ndarray, face: Face, width: int = FACE_SCALE_PX) -> np.ndarray:
    """The grey face box resampled to `width` pixels wide (height keeps the box's aspect)."""
    h, w = image_bgr.shape[:2]
    x1, y1, x2, y2 = (int(round(v)) for v in np.clip(face.box[:4], 0, [w, h, w, h]))
    if x2 - x1 < 2 or y2 - y1 < 2:
        raise ValueError("face box is empty inside the image")
    crop = image_bgr[y1:y2, x1:x2]
    grey = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    height = max(2, int(round(width * (y2 - y1) / (x2 - x1))))
    shrink = (x2 - x1) > width
    return cv2.resize(grey, (width, height), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)


def face_sharpness(image_bgr: np.ndarray, face: Face) -> float:
    """Weakest directional second-derivative variance of the canonical face crop over its grey
    variance, x1000: low is blurry (in any one direction)."""
    grey = face_crop(image_bgr, face).astype(np.float64)
    contrast = grey.var()
    if contrast < 1e-6:
        return 0.0
    weakest = min(cv2.filter2D(grey, cv2.CV_64F, k)[1:-1, 1:-1].var() for k in _DIRECTIONS)
    return float(1000.0 * weakest / contrast)
