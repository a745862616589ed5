"""The mask / no-mask classifier: trained on synthetic masks, checked on REAL masked photos."""
from __future__ import annotations

import numpy as np
import pytest

from kiosk.vision.mask_classifier import DEFAULT_PATH, MaskClassifier, crop_features
from tests.conftest import FACES, require


def real_photos(per_class: int = 3) -> list[tuple]:
    """A handful of real photos: first `per_class` masked and unmasked of a few people."""
    out = []
    for folder in ("webcam/user1", "rmfrd/hanxue", "rmfrd/jingtian", "rmfrd/liuxiang"):
        files = sorted(require(FACES / "masked" / folder).iterdir())
        for suffix, masked in (("_masked", True), ("_unmasked", False)):
            out += [(p, masked) for p in files if p.stem.endswith(suffix)][:per_class]
    return out


def test_model_file_is_small_plain_arrays():
    assert DEFAULT_PATH.is_file() and DEFAULT_PATH.stat().st_size < 200_000
    with np.load(DEFAULT_PATH, allow_pickle=False) as data:  # no pickle inside
        assert {"mean", "scale", "coef", "intercept", "threshold", "feature_version"} <= set(data.files)
    clf = MaskClassifier.load()
    assert clf.coef.shape == clf.mean.shape == crop_features(np.zeros((112, 112, 3), np.uint8)).shape


def test_load_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        MaskClassifier.load(tmp_path / "missing.npz")
    clf = MaskClassifier.load()
    clf.save(tmp_path / "copy.npz")
    again = MaskClassifier.load(tmp_path / "copy.npz")
    assert np.allclose(again.coef, clf.coef) and again.threshold == clf.threshold


def test_accuracy_on_real_masked_photos(pipeline):
    from kiosk.vision.image_io import load_image
    from kiosk.vision.types import best_face

    clf = MaskClassifier.load()
    correct, total, probs = 0, 0, []
    for path, masked in real_photos():
        image = load_image(path)
        face = best_face(pipeline.detect(image))
        if face is None:
            continue
        label, p = clf.predict(image, face)
        assert isinstance(label, bool) and 0.0 <= p <= 1.0
        probs.append((path.name, masked, round(p, 3)))
        correct += label == masked
        total += 1
    assert total >= 18, f"only {total} of 24 real photos detected"
    assert correct / total >= 0.75, probs
