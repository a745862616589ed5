"""5-point alignment with insightface's ArcFace template (face_align.norm_crop)."""
from __future__ import annotations

import warnings

import cv2
import numpy as np

from kiosk.vision.types import Face

# insightface 0.7.3 calls an API scikit-image deprecated; the result is the same.
warnings.filterwarnings("ignore", message="`estimate` is deprecated", category=FutureWarning)


def align_face(image_bgr: np.ndarray, face: Face, size: int = 112) -> np.ndarray:
    """The ArcFace-aligned square crop of one face (size a multiple of 112)."""
    from insightface.utils.face_align import norm_crop

    return norm_crop(image_bgr, np.asarray(face.landmarks, np.float32), image_size=size)


def crop_box(image_bgr: np.ndarray, face: Face, margin: float = 0.2, size: int | None = None) -> np.ndarray:
    """The detector box widened by `margin` on each side, clipped to the image (for display)."""
    h, w = image_bgr.shape[:2]
    x1, y1, x2, y2 = face.box[:4]
    mx, my = (x2 - x1) * margin, (y2 - y1) * margin
    x1, y1 = int(max(0, x1 - mx)), int(max(0, y1 - my))
    x2, y2 = int(min(w, x2 + mx)), int(min(h, y2 + my))
    crop = image_bgr[y1:max(y2, y1 + 1), x1:max(x2, x1 + 1)]
    if size is not None:
        crop = cv2.resize(crop, (size, size), interpolation=cv2.INTER_AREA)
    return crop
