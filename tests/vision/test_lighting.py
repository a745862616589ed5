"""Issue 9 item 2: a dim but recognisable face is enrolled from a contrast-normalised copy; a
well-lit one is left as it is."""
import numpy as np

from kiosk.enrollment.templates import check_photo
from kiosk.vision import quality
from kiosk.vision.image_io import load_image
from kiosk.vision.lighting import darken, detect_lit, normalise_light
from tests.conftest import photos_of


def test_normalise_light_keeps_size_and_lifts_a_dark_face():
    dark = darken(load_image(photos_of("obama")[0]), gain=0.12)
    lifted = normalise_light(dark)
    assert lifted.shape == dark.shape and lifted.dtype == np.uint8
    assert lifted.mean() > 2 * dark.mean()


def test_a_well_lit_photo_is_not_normalised(pipeline):
    image = load_image(photos_of("obama")[0])
    out, faces, lifted = detect_lit(pipeline, image)
    assert not lifted and out is image and faces


def test_a_dim_photo_is_enrolled_from_the_normalised_copy_and_still_matches(pipeline):
    photos = photos_of("obama")
    enrolment = check_photo(pipeline, load_image(photos[0]))
    dark = darken(load_image(photos[1]), gain=0.12)
    plain_faces = pipeline.detect(dark)
    assert plain_faces and quality.brightness(dark, plain_faces[0]) < quality.BRIGHTNESS_RANGE[0]
    assert "too dark" in "; ".join(quality.assess(dark, plain_faces[:1]).problems)
    checked = check_photo(pipeline, dark)  # no longer refused as too dark
    assert any("contrast was normalised" in w for w in checked.warnings)
    emb = pipeline.embedder
    ref, lifted = emb.embed_crops([emb.align(enrolment.image, enrolment.face), emb.align(checked.image, checked.face)])
    assert float(ref @ lifted) >= pipeline.embedder.default_threshold
