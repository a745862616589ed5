"""The synthetic mask renderer on real photos: where masks land, what they leave alone, how
they differ, and that the detector still finds the masked face (enrollment re-detects on it)."""
from __future__ import annotations

import itertools
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.vision.mask_templates import MASK_TYPES
from kiosk.vision.masks import MaskedFace, MaskRenderer, render_contact_sheet

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FACES = SHARED / "faces"
DETECTOR = SHARED / "models" / "det_500m.onnx"

# (label, photo): a frontal face, a rolled head, two turned heads (yaw), a small blurry LFW crop
PHOTOS = {
    "frontal": "identities/obama/obama.jpg",
    "rolled": "lfw/Condoleezza_Rice/image07_unmasked.jpg",
    "turned_left": "identities/df06/img59.jpg",
    "turned_right": "lfw/Serena_Williams/image05_unmasked.jpg",
    "turned_bw": "identities/kit_harington/john2.jpeg",
}
LOWER_FACE = (48, 54, 8, 33)  # mouth corners, chin, nose bottom
EYES = (range(36, 42), range(42, 48))


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path.resolve()} is not here: these tests need ../shared beside the repository")
    return path


@pytest.fixture(scope="module")
def detect():
    """SCRFD det_500m: image -> (box x1,y1,x2,y2,score, 5 keypoints) of the best face, or None."""
    insightface = pytest.importorskip("insightface")
    model = insightface.model_zoo.get_model(str(_need(DETECTOR)), providers=["CPUExecutionProvider"])
    model.prepare(ctx_id=-1, input_size=(640, 640), det_thresh=0.5)

    def best(image: np.ndarray):
        boxes, kps = model.detect(image)
        if len(boxes) == 0:
            return None
        i = int(np.argmax(boxes[:, 4]))
        return boxes[i], kps[i]
    return best


@pytest.fixture(scope="module")
def renderer() -> MaskRenderer:
    pytest.importorskip("dlib")
    return MaskRenderer()


def _load(rel: str) -> np.ndarray:
    image = cv2.imread(str(_need(FACES / rel)), cv2.IMREAD_COLOR)
    assert image is not None, rel
    scale = 1000 / max(image.shape[:2])
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image


@pytest.fixture(scope="module")
def cases(renderer, detect) -> dict[str, tuple[np.ndarray, np.ndarray, dict[str, MaskedFace]]]:
    """Each photo, its SCRFD box and its six renderings (computed once for the module)."""
    out = {}
    for label, rel in PHOTOS.items():
        image = _load(rel)
        found = detect(image)
        assert found is not None, f"SCRFD finds no face in {rel}"
        box = found[0][:4]
        out[label] = image, box, {m.mask_type: m for m in renderer.render_all(image, box)}
    return out


def _eye_region(lm: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Around each eye: its landmarks' box in the eye's own (rolled) frame, padded by 10% of
    the eye width on every side."""
    region = np.zeros(shape[:2], np.uint8)
    for eye in EYES:
        pts = lm[list(eye)]
        axis = (pts[3] - pts[0]) / np.linalg.norm(pts[3] - pts[0])
        frame = np.array([axis, (-axis[1], axis[0])])
        local = pts @ frame.T
        pad = 0.1 * np.linalg.norm(pts[3] - pts[0])
        lo, hi = local.min(0) - pad, local.max(0) + pad
        corners = np.array([lo, (hi[0], lo[1]), hi, (lo[0], hi[1])]) @ frame
        cv2.fillConvexPoly(region, np.round(corners).astype(np.int32), 1)
    return region.astype(bool)


def _at(mask: np.ndarray, p: np.ndarray) -> bool:
    x, y = np.round(p).astype(int)
    return bool(mask[y, x])


params = pytest.mark.parametrize("label,mask_type", list(itertools.product(PHOTOS, MASK_TYPES)))


@params
def test_rendering_is_well_formed(cases, label, mask_type):
    image, _, masks = cases[label]
    m = masks[mask_type]
    assert m.mask_type == mask_type and m.colour
    assert m.image.shape == image.shape and m.image.dtype == np.uint8
    assert m.landmarks68.shape == (68, 2)
    assert m.coverage.shape == image.shape[:2] and m.coverage.dtype == bool
    assert m.coverage.sum() > 0.02 * image.shape[0] * image.shape[1] or label == "frontal"


@params
def test_lower_face_changes_and_eyes_do_not(cases, label, mask_type):
    image, _, masks = cases[label]
    m = masks[mask_type]
    lm = m.landmarks68
    diff = np.abs(m.image.astype(np.int16) - image).max(axis=2)
    r = max(2, round(0.025 * np.linalg.norm(lm[16] - lm[0])))
    patches = [diff[y - r:y + r + 1, x - r:x + r + 1] for x, y in np.round(lm[list(LOWER_FACE)]).astype(int)]
    assert all((p > 0).mean() > 0.95 for p in patches), "every lower-face patch is painted over"
    assert np.mean([p.mean() for p in patches]) > 25, "and visibly so"
    assert not diff[_eye_region(lm, image.shape)].any(), f"{mask_type} touched an eye on {label}"
    # over the face (between jaw points 0 and 16; ear loops may go beside it), nothing above
    # the line through the outer eye corners, roughly the nose bridge, changes
    a, b = lm[36], lm[45]
    axis = (b - a) / np.linalg.norm(b - a)
    yy, xx = np.nonzero(diff)
    pts = np.stack([xx, yy], 1) - a
    along, below = pts @ axis, pts @ np.array([-axis[1], axis[0]])
    over_face = (along > (lm[0] - a) @ axis) & (along < (lm[16] - a) @ axis)
    assert (below[over_face] > 0).all(), "the mask stays below the eyes' line"


@params
def test_coverage_has_mouth_and_chin_not_eyes(cases, label, mask_type):
    m = cases[label][2][mask_type]
    lm = m.landmarks68
    for i in (*LOWER_FACE, 51, 57, 62, 66, 30):
        assert _at(m.coverage, lm[i]), f"landmark {i} not covered by {mask_type} on {label}"
    for i in range(36, 48):
        assert not _at(m.coverage, lm[i]), f"eye landmark {i} covered by {mask_type} on {label}"
    assert not m.coverage[: int(lm[17:27, 1].min())].any(), "nothing above the eyebrows"


@pytest.mark.parametrize("label", list(PHOTOS))
def test_mask_types_look_different(cases, label):
    masks = cases[label][2]
    for a, b in itertools.combinations(MASK_TYPES, 2):
        both = masks[a].coverage & masks[b].coverage
        pa, pb = masks[a].image[both].astype(float), masks[b].image[both].astype(float)
        assert np.abs(pa - pb).mean() > 6, f"{a} and {b} look alike on {label}"
        if {a, b} != {"n95", "kn95"}:  # both white by design; they differ in shape instead
            assert np.abs(pa.mean(0) - pb.mean(0)).max() > 5, f"{a} and {b}: same mean colour"
    n95, kn95 = masks["n95"].coverage, masks["kn95"].coverage
    assert (n95 ^ kn95).sum() > 0.1 * (n95 | kn95).sum()


def test_same_seed_same_bytes(cases):
    image, box, masks = cases["rolled"]
    fresh = MaskRenderer()
    for t in MASK_TYPES:
        again = fresh.render(image, box, t, seed=0)
        assert again.image.tobytes() == masks[t].image.tobytes()
        assert np.array_equal(again.coverage, masks[t].coverage)
        a = fresh.render(image, box, t, seed=7, random_style=True)
        b = fresh.render(image, box, t, seed=7, random_style=True)
        assert a.image.tobytes() == b.image.tobytes() and a.colour == b.colour


def test_random_style_varies_with_seed(cases, renderer):
    image, box, masks = cases["frontal"]
    lm = masks["cloth"].landmarks68
    for t in MASK_TYPES:
        styles = [renderer.render(image, box, t, seed=s, random_style=True, landmarks68=lm) for s in range(5)]
        assert len({m.colour for m in styles}) == 5, f"{t}: {[m.colour for m in styles]}"
        assert all(c.startswith("#") and len(c) == 7 for c in (m.colour for m in styles))
        assert len({m.image.tobytes() for m in styles}) == 5
    # the default style is the documented one, whatever the seed
    assert masks["surgical_blue"].colour == "light blue"
    assert renderer.render(image, box, "gas", seed=3).image.tobytes() == masks["gas"].image.tobytes()


def test_render_all_matches_render(cases, renderer):
    image, box, masks = cases["turned_left"]
    for t in ("cloth", "gas"):
        assert renderer.render(image, box, t).image.tobytes() == masks[t].image.tobytes()
    only = renderer.render_all(image, box, mask_types=("n95", "kn95"))
    assert [m.mask_type for m in only] == ["n95", "kn95"]


@pytest.mark.parametrize("angle", [20, -20])
def test_follows_head_roll(renderer, detect, angle):
    image = _load(PHOTOS["frontal"])
    h, w = image.shape[:2]
    rot = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rotated = cv2.warpAffine(image, rot, (w, h), borderMode=cv2.BORDER_REFLECT)
    lm = renderer.landmarks68(image, detect(image)[0][:4])
    expected = lm @ rot[:, :2].T + rot[:, 2]  # the upright photo's landmarks, rotated with it
    found = detect(rotated)
    assert found is not None
    upright = {m.mask_type: m for m in renderer.render_all(image, detect(image)[0][:4], landmarks68=lm)}
    for m in renderer.render_all(rotated, found[0][:4]):
        for i in (48, 54, 51, 57, 62, 8, 33):
            assert _at(m.coverage, expected[i]), f"{m.mask_type}: rotated landmark {i} uncovered"
        for i in range(36, 48):
            assert not _at(m.coverage, expected[i]), f"{m.mask_type}: rotated eye {i} covered"
        # the mask turned with the head: it matches the upright rendering, rotated
        turned = cv2.warpAffine(upright[m.mask_type].coverage.astype(np.uint8), rot, (w, h)) > 0
        iou = (turned & m.coverage).sum() / (turned | m.coverage).sum()
        assert iou > 0.85, f"{m.mask_type}: IoU {iou:.2f} with the rotated upright mask"


def test_detector_still_finds_masked_faces(cases, detect):
    """Enrollment re-detects on the masked image; nearly every rendering must be found."""
    found = total = 0
    for image, box, masks in cases.values():
        for m in masks.values():
            hit = detect(m.image)
            total += 1
            if hit is not None:
                x1, y1 = np.maximum(hit[0][:2], box[:2])
                x2, y2 = np.minimum(hit[0][2:4], box[2:4])
                inter = max(x2 - x1, 0) * max(y2 - y1, 0)
                union = np.prod(box[2:4] - box[:2]) + np.prod(hit[0][2:4] - hit[0][:2]) - inter
                found += inter / union > 0.5
    assert found >= 0.9 * total, f"re-detected {found}/{total}"


def test_six_masks_on_640x480_well_under_half_a_second(renderer, detect):
    image = cv2.resize(_load(PHOTOS["frontal"]), (640, 480), interpolation=cv2.INTER_AREA)
    box = detect(image)[0][:4]
    renderer.render_all(image, box)  # warm: templates are drawn once per renderer
    start = time.perf_counter()
    renderer.render_all(image, box, seed=1)
    assert time.perf_counter() - start < 0.5


def test_bad_input_is_refused_clearly(cases, renderer):
    image, box, _ = cases["frontal"]
    with pytest.raises(ValueError, match="surgical_blue, surgical_green, cloth, n95, kn95, gas"):
        renderer.render(image, box, "bandana")
    with pytest.raises(ValueError, match="unknown mask type"):
        renderer.render_all(image, box, mask_types=("cloth", "scarf"))
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    bgra = cv2.cvtColor(image, cv2.COLOR_BGR2BGRA)
    for bad in (grey, bgra, image.astype(np.float32), None):
        with pytest.raises(ValueError, match=r"BGR uint8 image of shape \(H, W, 3\)"):
            renderer.render(bad, box, "cloth")
    with pytest.raises(ValueError, match="landmarks68"):
        renderer.render(image, None, "cloth", landmarks68=np.zeros((5, 2)))
    with pytest.raises(ValueError, match="box"):
        renderer.landmarks68(image, (10, 10, 5, 5))
    with pytest.raises(FileNotFoundError, match="landmark model"):
        MaskRenderer(predictor_path="/nonexistent/shape_predictor_68.dat")


def test_input_image_is_not_modified(renderer, cases):
    image, box, _ = cases["turned_right"]
    before = image.copy()
    renderer.render(image, box, "gas", random_style=True, seed=4)
    assert np.array_equal(image, before)


def test_contact_sheet(renderer, detect, cases):
    image, box, _ = cases["frontal"]
    from kiosk.vision.detect import ScrfdDetector

    sheet = render_contact_sheet(image, box, renderer=renderer, detector=ScrfdDetector(_need(DETECTOR)), tile=96)
    assert sheet.dtype == np.uint8 and sheet.shape[1] == 7 * 96 and sheet.shape[0] > 2 * 96
