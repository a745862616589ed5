"""Reading user images safely: size limits, odd formats and unreadable data become one clear
ImageError instead of a crash (SPEC 2.1).

The header is read first (PIL reads only the header on open), so a small file that claims
billions of pixels is refused before anything is decoded; EXIF orientation (1-8, colour or grey)
is applied here once, whatever decoded the pixels; HEIC/HEIF (phones' default) is read through
pillow-heif when it is installed."""
from __future__ import annotations

import errno
import io
import os
import warnings
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from kiosk.common.refusals import Sentence

MAX_FILE_BYTES = 10 * 1024 * 1024
# 50 MP: bigger than any phone's photo (12-48 MP); a 50 MP BGR image is 150 MB decoded.
MAX_PIXELS = 50_000_000
# What the folder tools (augment, clean, cluster, evaluate) take for an image file.
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff", ".heic", ".heif"})
MIN_SIDE = 50
# Enrollment works on photos at most this long on their long side: the detector sees 640 px and
# the embedder a 112 px crop, so a 12 MP phone photo carries nothing more they can use, and every
# full-resolution copy (mask rendering, quality, the stored JPEG) costs seconds. At 1600 px a face
# filling 4% of the photo's width is still 64 px wide (MIN_FACE_PX is 60).
WORK_MAX_SIDE = 1600
# Formats OpenCV decodes faster (and with 16-bit depth kept); the rest go through PIL.
_CV2_FORMATS = frozenset({"JPEG", "PNG", "BMP", "WEBP", "TIFF", "PPM"})
_EXIF_ORIENTATION = 0x0112


class ImageError(ValueError):
    """A user-supplied image that cannot be used; str() is a message fit for the user."""


def _register_heif() -> bool:
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


HEIF_AVAILABLE = _register_heif()


def to_bgr(image: np.ndarray) -> np.ndarray:
    """Any decoded image (grey, BGRA, 16-bit) as 8-bit BGR; transparency is laid on white.
    Integer arithmetic throughout, so a 50 MP image needs no float copy of itself."""
    if image.dtype == np.uint16:
        image = (image // 257).astype(np.uint8)
    elif image.dtype != np.uint8:
        image = cv2.normalize(image, None, 0, 255, cv2.NORM_MINMAX, dtype=cv2.CV_8U)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        alpha = image[:, :, 3:4].astype(np.uint16)
        rgb = image[:, :, :3].astype(np.uint16)
        return ((rgb * alpha + 255 * (255 - alpha) + 127) // 255).astype(np.uint8)
    return np.ascontiguousarray(image[:, :, :3])


def apply_orientation(image: np.ndarray, orientation: int) -> np.ndarray:
    """The stored pixels turned upright for EXIF orientation 1-8 (any number of channels)."""
    if orientation == 2:
        return image[:, ::-1]
    if orientation == 3:
        return image[::-1, ::-1]
    if orientation == 4:
        return image[::-1]
    if orientation == 5:  # transpose: mirror across the main diagonal
        return image.swapaxes(0, 1)
    if orientation == 6:
        return image.swapaxes(0, 1)[:, ::-1]  # 90 degrees clockwise
    if orientation == 7:  # transverse: mirror across the other diagonal
        return image.swapaxes(0, 1)[::-1, ::-1]
    if orientation == 8:
        return image.swapaxes(0, 1)[::-1]  # 90 degrees anticlockwise
    return image


def _orientation(pil: Image.Image) -> int:
    try:
        value = pil.getexif().get(_EXIF_ORIENTATION, 1)
        return int(value) if int(value) in range(1, 9) else 1
    except Exception:  # a damaged EXIF block is no reason to refuse the photo
        return 1


def _decode_with_pil(pil: Image.Image) -> np.ndarray:
    pil.load()
    has_alpha = pil.mode in ("RGBA", "LA", "PA") or "transparency" in pil.info
    rgb = np.asarray(pil.convert("RGBA" if has_alpha else "RGB"))
    return cv2.cvtColor(rgb, cv2.COLOR_RGBA2BGRA if has_alpha else cv2.COLOR_RGB2BGR)


def decode_image(data: bytes, label: str = "image") -> np.ndarray:
    """Decode bytes to upright 8-bit BGR, with the checks; every failure is one ImageError."""
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(Sentence("image.too_large", label=label, size=f"{len(data) / 1e6:.1f}"))
    if not data:
        raise ImageError(Sentence("image.empty", label=label))
    unreadable = Sentence("image.unreadable", label=label)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PIL's DecompressionBombWarning: we check ourselves
            pil = Image.open(io.BytesIO(data))
            width, height = pil.size
    except Image.DecompressionBombError:
        raise ImageError(Sentence("image.bomb", label=label, limit=round(MAX_PIXELS / 1e6))) from None
    except Exception:  # UnidentifiedImageError, a damaged header, a plugin's own error
        raise ImageError(unreadable) from None
    if width * height > MAX_PIXELS:
        raise ImageError(Sentence("image.too_many_pixels", label=label, width=width, height=height,
                                  megapixels=round(width * height / 1e6), limit=round(MAX_PIXELS / 1e6)))
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ImageError(Sentence("image.too_small", label=label, width=width, height=height, minimum=MIN_SIDE))
    image = None
    try:
        orientation = _orientation(pil)
        if pil.format in _CV2_FORMATS:
            # IMREAD_UNCHANGED keeps alpha and 16-bit depth and never applies EXIF itself.
            image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
            if image is not None and image.shape[:2] != (height, width):
                image = None  # not what the header said (e.g. a multi-page TIFF): let PIL decide
        if image is None:
            image = _decode_with_pil(pil)
        image = to_bgr(apply_orientation(image, orientation))
    except ImageError:
        raise
    except (Exception, cv2.error):  # truncated data, a decoder's own error, out of memory
        raise ImageError(unreadable) from None
    h, w = image.shape[:2]
    if h < MIN_SIDE or w < MIN_SIDE:
        raise ImageError(Sentence("image.too_small", label=label, width=w, height=h, minimum=MIN_SIDE))
    return np.ascontiguousarray(image)


def bounded(image: np.ndarray, max_side: int = WORK_MAX_SIDE) -> np.ndarray:
    """The image downscaled once (INTER_AREA, which averages instead of aliasing) so that its long
    side is at most max_side; smaller images are returned as they are."""
    h, w = image.shape[:2]
    if max(h, w) <= max_side:
        return image
    scale = max_side / max(h, w)
    return cv2.resize(image, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)


def _stat_error(path: Path, exc: OSError) -> ImageError:
    """What went wrong with the path itself, in words (a loop is not a missing file)."""
    if exc.errno == errno.ELOOP:
        return ImageError(Sentence("image.link_loop", path=str(path)))
    if exc.errno == errno.ENOENT:
        if path.is_symlink():
            return ImageError(Sentence("image.broken_link", path=str(path), target=os.readlink(path)))
        return ImageError(Sentence("image.missing", path=str(path)))
    if exc.errno == errno.EACCES:
        return ImageError(Sentence("image.denied", path=str(path)))
    return ImageError(Sentence("image.cannot_read", path=str(path), reason=str(exc.strerror or exc)))


def load_image(path: str | os.PathLike) -> np.ndarray:
    """Read an image file from disk as BGR uint8 (unicode paths work on every OS)."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise _stat_error(path, exc) from None
    if path.is_dir():
        raise ImageError(Sentence("image.folder", path=str(path)))
    if info.st_size > MAX_FILE_BYTES:
        raise ImageError(Sentence("image.too_large", label=path.name, size=f"{info.st_size / 1e6:.1f}"))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _stat_error(path, exc) from None
    return decode_image(data, path.name)
