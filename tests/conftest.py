"""Shared fixtures: real photos and weights from ../shared beside the repository."""
from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FACES = SHARED / "faces"
MODELS = SHARED / "models"

os.environ.setdefault("KIOSK_MODELS_DIR", str(MODELS))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Gallery keys (kiosk.security.at_rest) of the tests' data folders go to a folder of their own,
# not the user's config folder.
os.environ.setdefault("KIOSK_KEY_DIR", tempfile.mkdtemp(prefix="kiosk-test-keys-"))
# The identity photos the recognition tests use as camera frames are photos of photos, which
# liveness rightly refuses: it is off for them, and on (liveness=True) in the liveness tests.
os.environ.setdefault("KIOSK_LIVENESS", "off")

# Five people with at least four photos: three to enroll, the rest held out as probes.
ENROLL_PEOPLE = {"df01": "Ada Lovelace", "df02": "Zoë Ångström", "df03": "Jean-Luc O'Neil",
                 "df04": "Ngozi Okonjo", "obama": "Barack Obama"}
STRANGERS = ("df05", "df06", "kit_harington", "alex_lacamoire", "rose_leslie")


def apart_today(minutes: int = 10) -> datetime:
    """A moment `minutes` from now on today's date (after now, or before it when after would be
    tomorrow): outside the 5-minute duplicate window of a check-in made now, whatever the hour the
    test runs at (a fixed 23:58 fell inside it when the suite ran just before midnight)."""
    now = datetime.now().replace(microsecond=0)
    later = now + timedelta(minutes=minutes)
    return later if later.date() == now.date() else now - timedelta(minutes=minutes)


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (tests need ../shared beside the repository)")
    return path


def photos_of(person: str) -> list[Path]:
    return sorted(p for p in require(FACES / "identities" / person).iterdir() if p.is_file())


def enrollment_split(person: str) -> tuple[list[Path], list[Path]]:
    """Three photos sharp enough to enroll (SPEC: blur >= 40) and the rest, held out."""
    from kiosk.vision.image_io import load_image
    from kiosk.vision.quality import BLUR_MIN, blur_score

    photos = photos_of(person)
    sharp = [p for p in photos if blur_score(load_image(p)) >= BLUR_MIN][:3]
    return sharp, [p for p in photos if p not in sharp]


def enrolment_photos(person: str) -> list:
    """The three enrolment photos of `person` (enrollment_split), as images."""
    from kiosk.vision.image_io import load_image

    return [load_image(p) for p in enrollment_split(person)[0]]


def held_out_photo(person: str):
    """The first photo of `person` kept out of enrolment, as an image."""
    from kiosk.vision.image_io import load_image

    return load_image(enrollment_split(person)[1][0])


def recognised_as(service, person: str) -> str | None:
    """Whom the service names on a held-out photo of `person` (None: nobody), recording nothing."""
    result = service.recognize(held_out_photo(person), record=False)[0]
    return result.match.user_id if result.match.accepted else None


@pytest.fixture(scope="session")
def faces_dir() -> Path:
    return require(FACES)


@pytest.fixture(scope="session")
def pipeline(tmp_path_factory):
    """The offline pair on real weights (SCRFD + MobileFaceNet when ../shared/models is here)."""
    from kiosk.app.settings import load_settings
    from kiosk.vision.pipeline import load_pipeline

    require(MODELS)
    return load_pipeline(load_settings(tmp_path_factory.mktemp("pipeline-data")))


@pytest.fixture
def settings(tmp_path):
    from kiosk.app.settings import load_settings

    return load_settings(tmp_path)


@pytest.fixture
def service(settings, pipeline):
    from kiosk.app.service import KioskService

    return KioskService(settings, pipeline=pipeline)


@pytest.fixture(scope="session")
def enrolled(tmp_path_factory, pipeline):
    """A data folder with the five ENROLL_PEOPLE enrolled (3 photos each, with masks when the
    renderer is available), shared read-only by the tests that recognise against it."""
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.vision.image_io import load_image

    require(FACES)
    data = tmp_path_factory.mktemp("enrolled")
    service = KioskService(load_settings(data), pipeline=pipeline)
    for i, (person, name) in enumerate(ENROLL_PEOPLE.items(), start=1):
        images = [load_image(p) for p in enrollment_split(person)[0]]
        service.enroll(f"E{i:03d}", name, f"+4477009000{i:02d}", images)
    return data
