"""Shared value types of the vision engine (no Qt, no database)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Face:
    """One detected face in one image.

    box is (x1, y1, x2, y2) in image pixels, landmarks are the 5 ArcFace points (left eye,
    right eye, nose tip, left and right mouth corner) as a (5, 2) float array, embedding is
    an L2-normalised float32 vector once the face has been embedded.
    """

    box: np.ndarray
    score: float
    landmarks: np.ndarray
    embedding: np.ndarray | None = None
    extra: dict = field(default_factory=dict)

    @property
    def width(self) -> float:
        return float(self.box[2] - self.box[0])

    @property
    def height(self) -> float:
        return float(self.box[3] - self.box[1])

    @property
    def area(self) -> float:
        return max(self.width, 0.0) * max(self.height, 0.0)

    def xywh(self) -> list[int]:
        """Box as integer [x, y, w, h], the form written to JSON and CSV."""
        x1, y1, x2, y2 = (float(v) for v in self.box[:4])
        return [int(round(x1)), int(round(y1)), int(round(x2 - x1)), int(round(y2 - y1))]


def best_face(faces: list[Face]) -> Face | None:
    """The face a single-person decision uses: highest score, ties to the largest (SPEC 2.2)."""
    if not faces:
        return None
    return max(faces, key=lambda f: (round(f.score, 3), f.area))


def iou(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two (x1, y1, x2, y2) boxes."""
    x1, y1 = max(a[0], b[0]), max(a[1], b[1])
    x2, y2 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, x2 - x1) * max(0.0, y2 - y1)
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return float(inter / union) if union > 0 else 0.0


def same_face(faces: list[Face], original: Face, min_iou: float = 0.5) -> Face | None:
    """The face among `faces` that is `original` seen again (e.g. after a mask was drawn)."""
    best = max(faces, key=lambda f: iou(f.box, original.box), default=None)
    return best if best is not None and iou(best.box, original.box) >= min_iou else None


def subject_face(faces: list, image_shape) -> object | None:
    """The photo's subject: among faces at least a quarter the area of the largest, the one
    nearest the image centre (labelled photo collections such as LFW centre their subject; a
    larger face cut by the frame edge is a bystander)."""
    if not faces:
        return None
    h, w = image_shape[:2]
    largest = max(f.area for f in faces)
    centre = np.array([w / 2, h / 2], np.float32)

    def distance(f) -> float:
        box_centre = np.array([(f.box[0] + f.box[2]) / 2, (f.box[1] + f.box[3]) / 2], np.float32)
        return float(np.linalg.norm((box_centre - centre) / np.array([w, h], np.float32)))

    return min((f for f in faces if f.area >= 0.25 * largest), key=distance)
