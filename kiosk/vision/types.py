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
