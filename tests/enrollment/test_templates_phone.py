"""Issue 9 item 4: phone photos (12 MP, HEIC, up to the 10 MB limit) are read, downscaled once
and enrolled from the bounded copy."""
import cv2
import numpy as np
import pytest

from kiosk.commands.bench import phone_photo
from kiosk.enrollment.templates import check_photo
from kiosk.vision.image_io import MAX_FILE_BYTES, WORK_MAX_SIDE, decode_image, load_image
from tests.conftest import photos_of


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_a_12mp_photo_is_checked_on_one_bounded_copy_and_embeds_like_the_original(pipeline):
    original = load_image(photos_of("obama")[0])
    big = decode_image(phone_photo(original))
    assert big.shape[0] * big.shape[1] >= 11.5e6
    checked = check_photo(pipeline, big, strict=False)
    assert max(checked.image.shape[:2]) == WORK_MAX_SIDE
    h, w = checked.image.shape[:2]
    assert (checked.face.landmarks >= 0).all() and (checked.face.landmarks < [w, h]).all()
    ref = check_photo(pipeline, original, strict=False)
    emb = pipeline.embedder
    same = _cosine(*emb.embed_crops([emb.align(checked.image, checked.face), emb.align(original, ref.face)]))
    assert same > 0.9, same  # the same photo at another size: the same person by a wide margin


def test_heic_12mp_phone_photo_is_enrolled_upright(tmp_path, pipeline):
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    pillow_heif.register_heif_opener()
    original = load_image(photos_of("obama")[0])
    big = cv2.cvtColor(decode_image(phone_photo(original)), cv2.COLOR_BGR2RGB)
    exif = Image.Exif()
    exif[0x0112] = 6  # a phone held upright stores the pixels turned and says so in EXIF
    path = tmp_path / "IMG_0002.HEIC"
    Image.fromarray(big).transpose(Image.Transpose.ROTATE_90).save(path, format="HEIF", quality=85,
                                                                   exif=exif.tobytes())
    assert path.read_bytes()[4:12] == b"ftypheic" and path.stat().st_size <= MAX_FILE_BYTES
    image = load_image(path)
    assert image.shape[:2] == big.shape[:2]  # upright again
    checked = check_photo(pipeline, image, strict=False)
    assert checked.face is not None and checked.quality.face_count == 1
    x1, y1, x2, y2 = checked.face.box
    assert y2 - y1 > 0.8 * (x2 - x1)  # an upright face is taller than wide; a turned one is not


def test_a_photo_just_under_the_10mb_limit_is_accepted(tmp_path, pipeline):
    original = load_image(photos_of("obama")[0])
    big = decode_image(phone_photo(original))
    grain = np.random.default_rng(0).normal(0, 12, big.shape)  # sensor noise: what fills a phone JPEG
    noisy = np.clip(big + grain, 0, 255).astype(np.uint8)
    quality = 97
    data = cv2.imencode(".jpg", noisy, [cv2.IMWRITE_JPEG_QUALITY, quality])[1].tobytes()
    while len(data) > MAX_FILE_BYTES:
        quality -= 3
        data = cv2.imencode(".jpg", noisy, [cv2.IMWRITE_JPEG_QUALITY, quality])[1].tobytes()
    assert len(data) > 0.6 * MAX_FILE_BYTES
    path = tmp_path / "big.jpg"
    path.write_bytes(data)
    checked = check_photo(pipeline, load_image(path), strict=False)
    assert checked.quality.face_count == 1
