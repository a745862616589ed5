"""Dim and uneven light (issue 9 item 2): contrast normalisation of a photo or frame before
detection and embedding. CLAHE (contrast-limited adaptive histogram equalisation) on the L channel
of Lab stretches a dark face's few grey levels locally and leaves colour alone; the clip limit
keeps it from amplifying sensor noise in flat areas. Figures: docs/evaluation/dim_light.md."""
from __future__ import annotations

import cv2
import numpy as np

CLIP_LIMIT = 2.0
TILES = 8


def normalise_light(image_bgr: np.ndarray, clip_limit: float = CLIP_LIMIT, tiles: int = TILES) -> np.ndarray:
    """The image with CLAHE applied to its lightness (same size, uint8 BGR)."""
    lab = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2LAB)
    clahe = cv2.createCLAHE(clipLimit=clip_limit, tileGridSize=(tiles, tiles))
    lab[:, :, 0] = clahe.apply(np.ascontiguousarray(lab[:, :, 0]))
    return cv2.cvtColor(lab, cv2.COLOR_LAB2BGR)


def darken(image_bgr: np.ndarray, gain: float = 1.0, gamma: float = 1.0) -> np.ndarray:
    """A photo as a dimmer room would give it: out = 255 * gain * (in / 255) ** gamma, rounded to
    8 bits (the rounding is where a dark camera loses the detail)."""
    lut = np.clip(255.0 * gain * (np.arange(256) / 255.0) ** gamma + 0.5, 0, 255).astype(np.uint8)
    return cv2.LUT(image_bgr, lut)
