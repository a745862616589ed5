"""Mask / no-mask label of a detected face: logistic regression on a small colour and texture
feature of the ArcFace-aligned crop.

Why this feature and not the face embedding:
- it does not depend on which embedder is active (FaceNet 512-d, MobileFaceNet 128-d, dlib):
  one trained file serves every configuration, and the label still works when the embedder
  changes or the gallery is re-embedded;
- a mask is a local, visible fact (the nose, mouth and chin region stops looking like the
  person's own skin and loses the lips/nostrils structure), which a colour-and-gradient
  description of that region states directly, while identity embeddings are trained to be
  *invariant* to such occluders and carry the mask only as a side effect;
- it is tiny (a few hundred numbers), fast (well under 1 ms per face) and stored as plain
  arrays in an .npz (no pickle).

Features (`mask_features`), on the 112x112 ArcFace-aligned crop, in a 4 x 7 grid of 28x16 cells:
Lab median of each cell, each cell's Lab median minus the eye-band reference (rows 40-56: the
person's own skin and lighting, almost never covered by a mask), and each cell's mean gradient
magnitude and share of horizontal edges. The model is trained by
`benchmarks/train_mask_classifier.py` on synthetic masked renderings (kiosk.vision.masks) of the
project's unmasked photos and evaluated on REAL masked photos (docs/benchmarks.md)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.vision.align import align_face
from kiosk.vision.types import Face

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "mask_classifier.npz"
FEATURE_VERSION = 1
_GRID = (7, 4)  # rows x columns of cells over the 112x112 crop
_EYE_BAND = (40, 56)


def _cells(values: np.ndarray, reducer) -> np.ndarray:
    rows, cols = _GRID
    h, w = values.shape[:2]
    out = []
    for r in range(rows):
        for c in range(cols):
            cell = values[r * h // rows:(r + 1) * h // rows, c * w // cols:(c + 1) * w // cols]
            out.append(reducer(cell.reshape(-1, *values.shape[2:])))
    return np.asarray(out, np.float32)


def crop_features(aligned_bgr: np.ndarray) -> np.ndarray:
    """The feature vector of one 112x112 ArcFace-aligned BGR crop."""
    crop = np.asarray(aligned_bgr)
    if crop.shape[:2] != (112, 112):
        crop = cv2.resize(crop, (112, 112), interpolation=cv2.INTER_AREA)
    lab = cv2.cvtColor(crop, cv2.COLOR_BGR2LAB).astype(np.float32) / 255.0
    reference = np.median(lab[_EYE_BAND[0]:_EYE_BAND[1], 24:88].reshape(-1, 3), axis=0)
    colour = _cells(lab, lambda v: np.median(v, axis=0))  # (28, 3)
    grey = cv2.GaussianBlur(cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY).astype(np.float32) / 255.0, (3, 3), 0)
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3)
    magnitude = np.sqrt(gx * gx + gy * gy)
    horizontal = (np.abs(gy) > np.abs(gx)).astype(np.float32) * magnitude
    energy = _cells(magnitude, np.mean)
    horiz_share = _cells(horizontal, np.mean) / np.maximum(energy, 1e-6)
    return np.concatenate([colour.ravel(), (colour - reference).ravel(), energy, horiz_share]).astype(np.float32)


def mask_features(image_bgr: np.ndarray, face: Face) -> np.ndarray:
    """The feature vector of one detected face (aligned from its 5 landmarks)."""
    return crop_features(align_face(image_bgr, face, 112))


@dataclass
class MaskClassifier:
    """Standardise, then logistic regression: P(masked) = sigmoid(w . z + b)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float = 0.5
    info: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> "MaskClassifier":
        path = Path(path) if path is not None else DEFAULT_PATH
        if not path.is_file():
            raise FileNotFoundError(f"mask classifier not found: {path} "
                                    "(train it with benchmarks/train_mask_classifier.py)")
        with np.load(path, allow_pickle=False) as data:
            version = int(data["feature_version"])
            if version != FEATURE_VERSION:
                raise ValueError(f"{path} was trained on feature version {version}, this code computes "
                                 f"version {FEATURE_VERSION}; retrain it")
            return cls(data["mean"].astype(np.float32), data["scale"].astype(np.float32),
                       data["coef"].astype(np.float32).ravel(), float(data["intercept"]),
                       float(data["threshold"]), str(data["info"]))

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:  # np.savez would append .npz to other names
            np.savez_compressed(fh, mean=self.mean, scale=self.scale, coef=self.coef,
                                intercept=np.float32(self.intercept), threshold=np.float32(self.threshold),
                                feature_version=np.int32(FEATURE_VERSION), info=np.str_(self.info))

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(masked) for a (D,) or (N, D) feature array."""
        z = (np.atleast_2d(features) - self.mean) / self.scale
        logits = z @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -50, 50)))

    def predict_crop(self, aligned_bgr: np.ndarray) -> tuple[bool, float]:
        p = float(self.probability(crop_features(aligned_bgr))[0])
        return p >= self.threshold, p

    def predict(self, image_bgr: np.ndarray, face: Face) -> tuple[bool, float]:
        """(masked, probability of a mask) for one detected face of an image."""
        p = float(self.probability(mask_features(image_bgr, face))[0])
        return p >= self.threshold, p
