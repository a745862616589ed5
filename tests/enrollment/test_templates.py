"""Enrollment on real photos: the checks, the 21 embeddings, duplicate detection."""
import json

import cv2
import numpy as np
import pytest

from kiosk.enrollment.templates import DuplicatePersonError, EnrollmentError, check_photo, validate_details
from kiosk.vision.image_io import load_image
from tests.conftest import FACES, enrollment_split, photos_of, require


@pytest.mark.parametrize("user_id, name, mobile, problem", [
    ("A1", "Ada", "+44 7700 900123", None),
    ("", "Ada", "07700900123", "worker ID"),
    ("A-1", "Ada", "07700900123", None),  # hyphens and underscores are allowed (issue 21)
    ("night_shift_3", "Ada", "07700900123", None),
    ("-A1", "Ada", "07700900123", "starting with a letter or a digit"),
    ("A 1", "Ada", "07700900123", "letters, digits, hyphens"),
    ("A" * 33, "Ada", "07700900123", "1-32"),
    ("img_7", "Ada", "07700900123", "reserved for test data"),  # the loader would take it for a test folder
    ("A1", "  ", "07700900123", "name is required"),
    ("A1", "Ada\x00", "07700900123", "control characters"),
    ("A1", "Ada", "12", "mobile"),
    ("A1", "Ada", "call me", "mobile"),
    ("A1", "Ada", "", None),  # the mobile is optional
    ("A1", "12345", "07700900123", "reserved for test data"),  # the loader would skip it: a ghost
    ("img", "Ada", "07700900123", "reserved for test data"),
    ("A1", "Ada 2", "07700900123", None),
])
def test_details_validation(user_id, name, mobile, problem):
    problems = validate_details(user_id, name, mobile)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_a_reserved_name_is_refused_before_anything_is_written(service):
    with pytest.raises(EnrollmentError, match="reserved for test data"):
        service.enroll("E77", "2024", "+447700900077", [])
    assert not service.store.root.exists() or not any(service.store.root.iterdir())
    assert service.db.get_employee("E77") is None


def test_photo_checks(pipeline):
    good = load_image(photos_of("obama")[0])
    checked = check_photo(pipeline, good)
    assert checked.quality.ok and checked.quality.blur >= 40
    with pytest.raises(EnrollmentError, match="too blurry"):
        check_photo(pipeline, cv2.GaussianBlur(good, (0, 0), 6))
    with pytest.raises(EnrollmentError, match="2 faces"):
        check_photo(pipeline, load_image(require(FACES / "scenes" / "two_people.jpg")))
    with pytest.raises(EnrollmentError, match="no face"):
        check_photo(pipeline, np.tile(np.linspace(0, 255, 320, dtype=np.uint8), (240, 1))[..., None].repeat(3, 2))


def test_enrollment_writes_21_embeddings_and_metadata(service):
    enroll, held_out = enrollment_split("df02")
    images = [load_image(p) for p in enroll]
    record = service.enroll("W42", "Zoë Ångström", "+44 7700 900042", images)
    folder = record.folder
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert meta["total_embeddings"] == 21 and meta["name"] == "Zoë Ångström"
    assert meta["masked_embeddings"]["redetected"] + meta["masked_embeddings"]["fallback_landmarks"] == 18
    assert len(meta["quality"]) == 3 and all(q["blur"] >= 40 for q in meta["quality"])
    # the per-pair threshold the photo-agreement check used (the door decides with service.rule)
    assert meta["recommended_threshold"] == pytest.approx(service.pipeline.embedder.default_threshold)
    assert len(list((folder / "originals").glob("*.npy"))) == 3
    assert len(list((folder / "masked").glob("img_*/*.npy"))) == 18
    assert len(record.photo_paths()) == 3
    centroid = service.store.load_array(folder / "centroid.npy")
    assert np.isclose(np.linalg.norm(centroid), 1.0, atol=1e-4)
    # Recognisable at once, and recorded in the employees table.
    result = service.recognize(load_image(held_out[-1]), record=False)[0]
    assert result.match.accepted and result.match.user_id == "W42"
    assert service.db.get_employee("W42")["name"] == "Zoë Ångström"


def test_duplicate_id_and_duplicate_person(service):
    sharp = photos_of("df02")[1:]  # seven sharp photos of one person
    images = [load_image(p) for p in sharp[:3]]
    service.enroll("D1", "First", "+447700900001", images, masks=False)
    with pytest.raises(EnrollmentError, match="already enrolled"):
        service.enroll("D1", "Again", "+447700900001", images, masks=False)
    others = [load_image(p) for p in sharp[3:6]]
    with pytest.raises(DuplicatePersonError, match="looks like First") as info:
        service.enroll("D2", "Second", "+447700900002", others, masks=False)
    assert info.value.user_id == "D1"
    assert not service.store.exists("D2")
    service.enroll("D2", "Second", "+447700900002", others, masks=False, allow_duplicate=True)
    assert service.store.exists("D2")


def test_wrong_photo_count_and_bad_photo_save_nothing(service):
    images = [load_image(p) for p in photos_of("df04")[:3]]
    with pytest.raises(EnrollmentError, match="exactly 3"):
        service.enroll("X1", "Xavier", "+447700900009", images[:2])
    blurred = images[:2] + [cv2.GaussianBlur(images[2], (0, 0), 8)]
    with pytest.raises(EnrollmentError, match="photo 3: too blurry"):
        service.enroll("X1", "Xavier", "+447700900009", blurred)
    assert not service.store.exists("X1") and service.store.load_all()[0] == []
