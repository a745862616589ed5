import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.vision.image_io import MAX_FILE_BYTES, ImageError, decode_image, load_image
from tests.conftest import FACES, require


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImageError, match="no such file"):
        load_image(tmp_path / "nope.jpg")
    with pytest.raises(ImageError, match="is a folder"):
        load_image(tmp_path)


def test_not_an_image(tmp_path):
    bad = tmp_path / "report.jpg"
    bad.write_text("this is not a picture")
    with pytest.raises(ImageError, match="not an image"):
        load_image(bad)


def test_truncated_jpeg(tmp_path):
    data = require(FACES / "identities" / "obama" / "obama.jpg").read_bytes()
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(data[:200])
    with pytest.raises(ImageError):
        load_image(broken)


def test_over_ten_megabytes(tmp_path):
    big = tmp_path / "huge.png"
    big.write_bytes(b"\x89PNG" + b"\0" * MAX_FILE_BYTES)
    with pytest.raises(ImageError, match="limit is 10 MB"):
        load_image(big)


def test_too_small(tmp_path):
    small = tmp_path / "small.png"
    cv2.imwrite(str(small), np.full((40, 45, 3), 128, np.uint8))
    with pytest.raises(ImageError, match="45x40"):
        load_image(small)


def test_rgba_grey_and_16bit_become_bgr(tmp_path):
    rgba = load_image(require(FACES / "scenes" / "32bit.png"))
    assert rgba.ndim == 3 and rgba.shape[2] == 3 and rgba.dtype == np.uint8
    grey = tmp_path / "grey.png"
    cv2.imwrite(str(grey), np.full((64, 64), 90, np.uint8))
    assert load_image(grey).shape == (64, 64, 3)
    deep = tmp_path / "deep.png"
    cv2.imwrite(str(deep), np.full((64, 64, 3), 65535, np.uint16))
    out = load_image(deep)
    assert out.dtype == np.uint8 and out.max() == 255


def test_unicode_path(tmp_path):
    target = tmp_path / "Zoë photo ñ.jpg"
    target.write_bytes(require(FACES / "identities" / "obama" / "obama.jpg").read_bytes())
    assert load_image(target).shape[2] == 3


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_give_an_image_or_a_clear_error(data):
    try:
        image = decode_image(data, "upload")
    except ImageError as exc:
        assert "upload" in str(exc)
    else:
        assert image.dtype == np.uint8 and image.ndim == 3
