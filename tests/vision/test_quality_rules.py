"""The enrolment photo rules on real photos (issue 9): face-scale sharpness at any resolution,
blur refused, and each plain-words reason (turned face, mask, several faces, small face)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.enrollment.templates import EnrollmentError, check_photo
from kiosk.vision import quality
from kiosk.vision.image_io import load_image
from tests.conftest import FACES, require

IDENTITIES = FACES / "identities"
SHARP = ["obama/obama.jpg", "biden/biden2.jpg", "df01/img10.jpg"]


def resized(image: np.ndarray, megapixels: float) -> np.ndarray:
    f = (megapixels * 1e6 / (image.shape[0] * image.shape[1])) ** 0.5
    return cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC)


def graded(pipeline, image: np.ndarray) -> quality.PhotoQuality:
    faces = pipeline.detect(image)
    return quality.assess(image, faces[:1])


def blurry(problems: list[str]) -> bool:
    return any(p.startswith("too blurry") for p in problems)


@pytest.mark.parametrize("name", SHARP)
def test_a_sharp_photo_passes_at_every_scale_and_its_blurred_copy_never_does(pipeline, name):
    image = load_image(require(IDENTITIES / name))
    for megapixels in (0.3, 12.0):
        scaled = resized(image, megapixels)
        q = graded(pipeline, scaled)
        assert q.sharpness >= quality.SHARPNESS_MIN and not blurry(q.problems), (megapixels, q.sharpness)
        face = pipeline.detect(scaled)[0]
        # sigma 2 in pixels of the face resampled to 112 px wide (docs/evaluation/sharpness.md)
        soft = cv2.GaussianBlur(scaled, (0, 0), 2.0 * face.width / 112)
        q = graded(pipeline, soft)
        assert blurry(q.problems), (megapixels, q.sharpness)
    # The old whole-image score is still measured (metadata.json keeps it as "blur").
    assert graded(pipeline, resized(image, 12.0)).as_dict()["blur"] > 0


def test_motion_blur_is_refused(pipeline):
    image = load_image(require(IDENTITIES / SHARP[0]))
    face = pipeline.detect(image)[0]
    n = max(3, int(round(12 * face.width / 112)))
    kernel = np.zeros((n, n), np.float32)
    kernel[n // 2, :] = 1.0 / n
    assert blurry(graded(pipeline, cv2.filter2D(image, -1, kernel)).problems)


def test_a_turned_face_is_refused_with_its_angle(pipeline):
    q = graded(pipeline, load_image(require(IDENTITIES / "kit_harington" / "john2.jpeg")))
    assert any(p.startswith("face turned to the side") for p in q.problems), q.problems
    assert abs(q.yaw) > 30


def test_a_masked_photo_is_refused_with_remove_the_mask(pipeline):
    photo = require(FACES / "masked" / "rmfrd" / "chenqiaoen" / "image01_masked.jpg")
    with pytest.raises(EnrollmentError, match="remove the mask for these photos"):
        check_photo(pipeline, load_image(photo))


def test_several_faces_and_a_small_face_are_said_plainly(pipeline):
    with pytest.raises(EnrollmentError, match="faces found: only the person being enrolled"):
        check_photo(pipeline, load_image(require(FACES / "scenes" / "two_people.jpg")))
    image = load_image(require(IDENTITIES / SHARP[0]))
    face = pipeline.detect(image)[0]
    small = cv2.resize(image, None, fx=45 / face.width, fy=45 / face.width, interpolation=cv2.INTER_AREA)
    canvas = np.full((480, 640, 3), 128, np.uint8)  # a small face in a webcam-sized frame
    h, w = min(small.shape[0], 480), min(small.shape[1], 640)
    canvas[:h, :w] = small[:h, :w]
    with pytest.raises(EnrollmentError, match="face too small"):
        check_photo(pipeline, canvas)
