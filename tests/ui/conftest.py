"""Qt tests run offscreen (set before any Qt import), on the real models and photos kept beside
the repository (../shared); they skip with a reason when those are absent."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
FACES = SHARED / "faces"
if not os.environ.get("KIOSK_MODELS_DIR") and (SHARED / "models").is_dir():
    os.environ["KIOSK_MODELS_DIR"] = str(SHARED / "models")

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

# The person the tests enroll: three photos to enroll, the others held out (never enrolled).
PERSON_DIR = FACES / "identities" / "df01"
ENROLL_PHOTOS = ["img10.jpg", "img11.jpg", "img2.jpg"]
HELD_OUT = ["img6.jpg", "img5.jpg", "img7.jpg"]
PERSON = {"user_id": "W001", "name": "Dana Lee", "mobile": "+15550100"}


def photo(name: str, person_dir: Path = PERSON_DIR) -> Path:
    return person_dir / name


@pytest.fixture(scope="session")
def faces_dir() -> Path:
    if not PERSON_DIR.is_dir():
        pytest.skip(f"real face photos not found at {FACES} (they live beside the repository, in ../shared)")
    return FACES


@pytest.fixture(scope="session")
def shared_pipeline(faces_dir, tmp_path_factory):
    """One set of loaded models for the whole session (loading costs seconds)."""
    from kiosk.app.settings import load_settings
    from kiosk.vision.pipeline import load_pipeline

    settings = load_settings(tmp_path_factory.mktemp("models-probe"))
    if settings.models_dir is None or not Path(settings.models_dir).is_dir():
        pytest.skip("KIOSK_MODELS_DIR is not set to a folder of face models (../shared/models)")
    return load_pipeline(settings)


@pytest.fixture(scope="session")
def enrolled_gallery(shared_pipeline, tmp_path_factory) -> Path:
    """An embeddings/ folder with PERSON enrolled (originals only: fast); copy it per test."""
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.vision.image_io import load_image

    data = tmp_path_factory.mktemp("gallery")
    service = KioskService(load_settings(data), pipeline=shared_pipeline)
    service.enroll(PERSON["user_id"], PERSON["name"], PERSON["mobile"],
                   [load_image(photo(n)) for n in ENROLL_PHOTOS], masks=False)
    return service.settings.embeddings_dir


@pytest.fixture
def make_service(shared_pipeline, tmp_path):
    """A KioskService on a fresh data folder; `enrolled=True` copies the enrolled gallery in."""
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings

    def make(enrolled: bool = False, gallery: Path | None = None, **overrides) -> KioskService:
        settings = load_settings(tmp_path / "data", **overrides)
        if enrolled:
            shutil.copytree(gallery, settings.embeddings_dir)
        return KioskService(settings, pipeline=shared_pipeline)

    return make


def letterbox(image: np.ndarray, size=(640, 480)) -> np.ndarray:
    """The photo scaled into a camera-sized frame (grey borders), as a webcam would show it."""
    w, h = size
    scale = min(w / image.shape[1], h / image.shape[0]) * 0.9
    small = cv2.resize(image, (int(image.shape[1] * scale), int(image.shape[0] * scale)),
                       interpolation=cv2.INTER_AREA)
    frame = np.full((h, w, 3), 90, np.uint8)
    y, x = (h - small.shape[0]) // 2, (w - small.shape[1]) // 2
    frame[y:y + small.shape[0], x:x + small.shape[1]] = small
    return frame


def make_video(path: Path, photos: list[Path], seconds_each: float = 1.0, fps: int = 10,
               size=(640, 480), blank_first: float = 0.0) -> Path:
    """A 640x480 MJPG video showing each photo for `seconds_each` (a person at the door)."""
    from kiosk.vision.image_io import load_image

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
    assert writer.isOpened(), "OpenCV cannot write MJPG video here"
    for _ in range(int(blank_first * fps)):
        writer.write(np.full((size[1], size[0], 3), 90, np.uint8))
    for p in photos:
        frame = letterbox(load_image(p), size)
        for _ in range(int(seconds_each * fps)):
            writer.write(frame)
    writer.release()
    return path


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The screens in English, as a kiosk with the default settings starts (kiosk.ui.app installs the
    settings' language): the English translator gives the %n sentences their plural forms."""
    from kiosk.ui import i18n

    i18n.install(qapp, "en")
