"""Reading user images safely: size limits, odd formats and unreadable data become one clear
ImageError instead of a crash (SPEC 2.1)."""
from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np

MAX_FILE_BYTES = 10 * 1024 * 1024
# What the folder tools (augment, clean, cluster, evaluate) take for an image file.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"})
MIN_SIDE = 50


class ImageError(ValueError):
    """A user-supplied image that cannot be used; str() is a message fit for the user."""


def to_bgr(image: np.ndarray) -> np.ndarray:
    """Any decoded image (grey, BGRA, 16-bit) as 8-bit BGR; transparency is laid on white."""
    if image.dtype == np.uint16:
        image = (image / 257).astype(np.uint8)
    elif image.dtype != np.uint8:
        image = cv2.normalize(image, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        alpha = image[:, :, 3:4].astype(np.float32) / 255.0
        rgb = image[:, :, :3].astype(np.float32)
        return (rgb * alpha + 255.0 * (1.0 - alpha)).astype(np.uint8)
    return np.ascontiguousarray(image[:, :, :3])


def decode_image(data: bytes, label: str = "image") -> np.ndarray:
    """Decode bytes (any format OpenCV reads, EXIF rotation applied) to BGR, with the checks."""
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(f"{label} is {len(data) / 1e6:.1f} MB; the limit is 10 MB")
    if not data:
        raise ImageError(f"{label} is empty")
    buffer = np.frombuffer(data, np.uint8)
    image = cv2.imdecode(buffer, cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ImageError(f"{label} is not an image OpenCV can read (corrupt or unsupported format)")
    if image.ndim == 3 and image.shape[2] in (3, 4):
        # IMREAD_UNCHANGED keeps alpha but ignores EXIF orientation; apply it ourselves.
        oriented = cv2.imdecode(buffer, cv2.IMREAD_COLOR)
        if oriented is not None and oriented.shape[:2] != image.shape[:2] and image.shape[2] == 3:
            image = oriented
    image = to_bgr(image)
    h, w = image.shape[:2]
    if h < MIN_SIDE or w < MIN_SIDE:
        raise ImageError(f"{label} is {w}x{h} pixels; at least {MIN_SIDE}x{MIN_SIDE} is needed")
    return image


def load_image(path: str | os.PathLike) -> np.ndarray:
    """Read an image file from disk as BGR uint8 (unicode paths work on every OS)."""
    path = Path(path)
    if not path.exists():
        raise ImageError(f"{path}: no such file")
    if path.is_dir():
        raise ImageError(f"{path} is a folder, not an image")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImageError(f"{path.name} is {size / 1e6:.1f} MB; the limit is 10 MB")
        data = path.read_bytes()
    except OSError as exc:
        raise ImageError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return decode_image(data, path.name)
