"""EdgeFace XS / XXS (int8 PyTorch state dicts built on timm) on real photos."""
import shutil

import numpy as np
import pytest

from kiosk.vision.image_io import load_image
from kiosk.vision.pipeline import choose_embedder
from tests.conftest import MODELS, photos_of, require

XS = MODELS / "edgeface" / "edgeface_xs_q.pt"
XXS = MODELS / "edgeface" / "edgeface_xxs_q.pt"


def _unit(v):
    return np.allclose(np.linalg.norm(v, axis=-1), 1.0, atol=1e-4)


@pytest.fixture(scope="module")
def crops(pipeline):
    """ArcFace-aligned 112 crops: obama's two photos, then biden's."""
    from kiosk.vision.align import align_face

    out = []
    for path in photos_of("obama")[1:3] + photos_of("biden")[:1]:
        image = load_image(path)
        out.append(align_face(image, pipeline.detect(image)[0], 112))
    return out


@pytest.fixture(scope="module")
def xs():
    from kiosk.vision.embed import EdgeFaceEmbedder

    return EdgeFaceEmbedder(require(XS), "xs")


def test_xs_is_chosen_and_separates_people(xs, crops, monkeypatch):
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(require(MODELS)))
    embedder, choice = choose_embedder("edgeface")
    assert embedder.name == "edgeface-xs" and embedder.dim == 512 and "EdgeFace-XS" in choice.reason
    vectors = xs.embed_crops(crops)
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32 and _unit(vectors)
    obama1, obama2, biden = vectors
    assert obama1 @ obama2 > 0.5 and obama1 @ obama2 > max(obama1 @ biden, obama2 @ biden) + 0.4


def test_flip_average_is_deterministic_and_matters(xs, crops):
    from kiosk.vision.embed import EdgeFaceEmbedder

    once, again = xs.embed_crops(crops), xs.embed_crops(crops)
    assert np.array_equal(once, again)
    # A mirrored face gives the same flip-averaged vector; without the flip it does not.
    mirrored = [c[:, ::-1].copy() for c in crops]
    assert np.allclose(xs.embed_crops(mirrored), once, atol=1e-5)
    plain = EdgeFaceEmbedder(XS, "xs", flip=False)
    assert not np.allclose(plain.embed_crops(mirrored), plain.embed_crops(crops), atol=1e-2)
    assert np.all(np.sum(plain.embed_crops(crops) * once, axis=1) < 0.999)
    # A face's vector does not depend on the other faces embedded with it (int8 activations are
    # scaled per batch, so each face has its own forward pass).
    assert np.array_equal(xs.embed_crops(crops[2:]), once[2:])


def test_torch_threads_are_left_as_they_were(xs, crops):
    import torch

    before = torch.get_num_threads()
    xs.embed_crops(crops[:1])
    assert torch.get_num_threads() == before
    assert xs.embed_crops([]).shape == (0, 512)


def test_xxs_loads_and_is_the_fallback_when_xs_is_absent(crops, monkeypatch, tmp_path):
    (tmp_path / "edgeface").mkdir()
    shutil.copyfile(require(XXS), tmp_path / "edgeface" / XXS.name)
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    embedder, choice = choose_embedder("edgeface")
    assert embedder.name == "edgeface-xxs" and embedder.dim == 512
    assert any("edgeface_xs_q.pt not found" in n for n in choice.notes)
    obama1, obama2, biden = embedder.embed_crops(crops)
    assert _unit(np.stack([obama1, obama2, biden]))
    assert obama1 @ obama2 > max(obama1 @ biden, obama2 @ biden) + 0.4
    with pytest.raises(FileNotFoundError, match="EdgeFace-XS weights unavailable.*edgeface_xs_q.pt not found"):
        choose_embedder("edgeface-xs")
    assert choose_embedder("edgeface-xxs", own_dir=MODELS)[0].name == "edgeface-xxs"


def test_missing_files_give_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="EdgeFace weights unavailable") as error:
        choose_embedder("edgeface")
    assert "edgeface_xs_q.pt not found" in str(error.value) and "edgeface_xxs_q.pt not found" in str(error.value)
    # "auto" does not raise: it falls back as before.
    assert choose_embedder("auto", own_dir=require(MODELS))[0].name == "mobilefacenet-arcface"


def test_a_foreign_file_is_reported_not_crashed_on(monkeypatch, tmp_path):
    (tmp_path / "edgeface").mkdir()
    (tmp_path / "edgeface" / XS.name).write_bytes(b"truncated copy")
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="could not be loaded"):
        choose_embedder("edgeface-xs")


def test_fetch_says_there_is_no_download(tmp_path):
    from kiosk.vision import models

    for key in ("edgeface_xs", "edgeface_xxs"):
        assert models.REGISTRY[key].subdir == "edgeface" and not models.REGISTRY[key].url
        with pytest.raises(models.FetchError, match="no public download.*kiosk models install"):
            models.fetch(key, tmp_path, progress=False)
    assert list(tmp_path.iterdir()) == []
    require(MODELS)
    assert models.sha256_of(XS) == models.REGISTRY["edgeface_xs"].sha256
    assert models.sha256_of(XXS) == models.REGISTRY["edgeface_xxs"].sha256
