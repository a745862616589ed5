"""Dim and uneven light (issue 9 item 2): contrast normalisation of a photo or frame before
detection and embedding. An exposure correction (gamma to mid-grey on the face) then CLAHE (contrast-limited adaptive histogram equalisation) on the L channel
of Lab stretches a dark face's few grey levels locally and leaves colour alone; the clip limit
keeps it from amplifying sensor noise in flat areas. Figures: docs/evaluation/dim_light.md."""
from __future__ import annotations

import cv2
import numpy as np

from kiosk.vision import quality

CLIP_LIMIT = 2.0
TILES = 8
MID_GREY = 128.0


def normalise_light(image_bgr: np.ndarray, face=None, clip_limit: float = CLIP_LIMIT,
                    tiles: int = TILES) -> np.ndarray:
    """The image exposed as a camera's auto-exposure would have (a gamma curve that brings the
    face's mean grey, or the whole image's without a face, to mid-grey), then CLAHE on its
    lightness. Same size, uint8 BGR. A face already at mid-grey or brighter gets no gamma."""

    mean = max(1.0, quality.brightness(image_bgr, face))
    if mean < MID_GREY:
        gamma = np.log(MID_GREY / 255.0) / np.log(mean / 255.0)
        image_bgr = cv2.LUT(image_bgr, np.clip(255.0 * (np.arange(256) / 255.0) ** gamma + 0.5, 0, 255)
                            .astype(np.uint8))
    lab = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2LAB)
    clahe = cv2.createCLAHE(clipLimit=clip_limit, tileGridSize=(tiles, tiles))
    lab[:, :, 0] = clahe.apply(np.ascontiguousarray(lab[:, :, 0]))
    return cv2.cvtColor(lab, cv2.COLOR_LAB2BGR)


def darken(image_bgr: np.ndarray, gain: float = 1.0, gamma: float = 1.0) -> np.ndarray:
    """A photo as a dimmer room would give it: out = 255 * gain * (in / 255) ** gamma, rounded to
    8 bits (the rounding is where a dark camera loses the detail)."""
    lut = np.clip(255.0 * gain * (np.arange(256) / 255.0) ** gamma + 0.5, 0, 255).astype(np.uint8)
    return cv2.LUT(image_bgr, lut)


def detect_lit(pipeline, image_bgr: np.ndarray, *, pad_retry: bool = True, dark_below: float | None = None):
    """Detect; when no face is found or the main face is darker than the brightness check allows
    (quality.BRIGHTNESS_RANGE[0]), detect again on the normalised image and use that one if it
    shows a face. Returns (image, faces, lifted). Only as a fallback: on well-lit photos CLAHE
    lowered genuine similarity (0.750 -> 0.724), on very dark ones it raised it (0.656 -> 0.705)
    and found the webcam faces plain detection missed (docs/evaluation/dim_light.md)."""

    limit = quality.BRIGHTNESS_RANGE[0] if dark_below is None else dark_below
    faces = pipeline.detect(image_bgr, pad_retry=pad_retry)
    if faces and quality.brightness(image_bgr, faces[0]) >= limit:
        return image_bgr, faces, False
    lifted = normalise_light(image_bgr, faces[0] if faces else None)
    lifted_faces = pipeline.detect(lifted, pad_retry=pad_retry)
    if lifted_faces:
        return lifted, lifted_faces, True
    return image_bgr, faces, False
