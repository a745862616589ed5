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


# --- issue 11 item 1: memory bombs and decoder errors -------------------------------------

def _png_claiming(width: int, height: int) -> bytes:
    """A real, valid small PNG whose IHDR claims width x height (the data is a few KB)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    rows = zlib.compress(b"\0" * 1000)  # far fewer rows than claimed: only the header matters
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def _jpeg_claiming(width: int, height: int) -> bytes:
    """A real small JPEG with its SOF0 frame size rewritten to width x height."""
    ok, buf = cv2.imencode(".jpg", np.full((64, 64, 3), 100, np.uint8))
    data = bytearray(buf.tobytes())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


@pytest.mark.parametrize("make,size", [(_png_claiming, (30000, 30000)), (_jpeg_claiming, (20000, 46743)),
                                       (_png_claiming, (60000, 60000))])
def test_pixel_bomb_refused_from_the_header(tmp_path, make, size):
    import resource
    import time

    bomb = tmp_path / "bomb.img"
    bomb.write_bytes(make(*size))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    with pytest.raises(ImageError, match=r"the limit is 50 MP|50 MP limit"):
        load_image(bomb)
    assert time.perf_counter() - t0 < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # < 100 MB grown (KB)


def test_under_the_cap_but_truncated_is_a_clear_error(tmp_path):
    # Within the cap (6000x6000 = 36 MP) but without the data: the decoder's failure is an ImageError.
    short = tmp_path / "short.png"
    short.write_bytes(_png_claiming(6000, 6000))
    with pytest.raises(ImageError, match="short.png"):
        load_image(short)


def test_decoder_errors_are_image_errors():
    # A JPEG header claiming 65500x65500 passes neither PIL nor OpenCV (cv2.error before the fix).
    with pytest.raises(ImageError, match="upload"):
        decode_image(_jpeg_claiming(65500, 65500), "upload")


# --- issue 11 item 7: EXIF orientation on colour and grey JPEGs -----------------------------

# The stored pixels for each orientation: the upright photo put through the inverse transform.
_STORE_AS = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE",
             6: "ROTATE_90", 7: "TRANSVERSE", 8: "ROTATE_270"}


def _upright_photo(grey: bool):
    from PIL import Image

    photo = Image.open(require(FACES / "identities" / "obama" / "obama.jpg")).convert("RGB")
    w, h = photo.size
    photo = photo.crop((0, 0, w, int(h * 0.7)))  # not square: a turn shows in the shape too
    return photo.convert("L") if grey else photo


@pytest.mark.parametrize("grey", [False, True], ids=["colour", "grey"])
@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_applied(tmp_path, orientation, grey):
    from PIL import Image

    upright = _upright_photo(grey)
    stored = upright if orientation == 1 else upright.transpose(getattr(Image.Transpose, _STORE_AS[orientation]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / f"o{orientation}.jpg"
    stored.save(path, quality=95, exif=exif.tobytes())
    out = load_image(path)
    expected = cv2.cvtColor(np.asarray(upright.convert("RGB")), cv2.COLOR_RGB2BGR)
    assert out.shape == expected.shape
    assert np.abs(out.astype(int) - expected).mean() < 4  # JPEG loss only; a wrong turn is ~40+
    if orientation in (2, 3, 4):  # same shape, so a wrong turn must show in the pixels
        assert np.abs(np.asarray(stored.convert("RGB"))[:, :, ::-1].astype(int) - expected).mean() > 10


# --- issue 9 item 4: HEIC from phones ---------------------------------------------------

def test_heic_photo_is_read_upright_with_its_face(tmp_path, pipeline):
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    pillow_heif.register_heif_opener()
    upright = _upright_photo(False)
    path = tmp_path / "IMG_0001.HEIC"
    exif = Image.Exif()
    exif[0x0112] = 6  # as an iPhone held upright stores it
    upright.transpose(Image.Transpose.ROTATE_90).save(path, format="HEIF", quality=90, exif=exif.tobytes())
    assert path.read_bytes()[4:12] == b"ftypheic"
    out = load_image(path)
    expected = cv2.cvtColor(np.asarray(upright), cv2.COLOR_RGB2BGR)
    assert out.shape == expected.shape
    assert np.abs(out.astype(int) - expected).mean() < 6
    assert len(pipeline.detect(out)) == 1


# --- issue 11 item 7: a symlink loop is not "no such file" -------------------------------

def test_symlink_loop_and_dangling_link_say_what_they_are(tmp_path):
    loop = tmp_path / "loop.jpg"
    loop.symlink_to(loop)
    with pytest.raises(ImageError, match="symbolic link loop"):
        load_image(loop)
    dangling = tmp_path / "gone.jpg"
    dangling.symlink_to(tmp_path / "deleted.jpg")
    with pytest.raises(ImageError, match="deleted.jpg, which does not exist"):
        load_image(dangling)
    good = tmp_path / "ok.jpg"
    good.symlink_to(require(FACES / "identities" / "obama" / "obama.jpg"))
    assert load_image(good).ndim == 3
