import time

import pytest

from kiosk.vision import models
from tests.conftest import MODELS, require


def test_kiosk_models_dir_is_searched_first(monkeypatch, tmp_path):
    require(MODELS)
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(MODELS))
    assert models.find("scrfd_500m") == MODELS / "det_500m.onnx"
    assert models.find("mobilefacenet_bin") == MODELS / "mobilefacenet_ncnn" / "mobilefacenet.bin"
    assert models.search_dirs(models.REGISTRY["scrfd_10g"])[0] == MODELS
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert models.find("scrfd_500m") is None


def test_shared_files_match_their_checksums():
    require(MODELS)
    for key in ("scrfd_500m", "mobilefacenet_param"):
        path = models.find(key, MODELS)
        assert models.sha256_of(path) == models.REGISTRY[key].sha256


def test_status_lists_every_file(monkeypatch):
    require(MODELS)
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(MODELS))
    rows = {r["key"]: r for r in models.status()}
    assert set(rows) == set(models.REGISTRY)
    assert rows["scrfd_2.5g"]["found"] and not rows["facenet_vggface2"]["found"]
    assert rows["facenet_vggface2"]["fetchable"]


def test_fetch_fails_fast_and_clearly_when_offline(monkeypatch, tmp_path):
    # A closed port on this machine stands in for the unreachable download host.
    spec = models.REGISTRY["facenet_vggface2"]
    monkeypatch.setitem(models.REGISTRY, "facenet_vggface2",
                        models.ModelFile(**{**spec.__dict__, "url": "http://127.0.0.1:9/vggface2.pt"}))
    start = time.monotonic()
    with pytest.raises(models.FetchError, match="offline"):
        models.fetch("facenet_vggface2", tmp_path, timeout=2, progress=False)
    assert time.monotonic() - start < 10
    assert list(tmp_path.iterdir()) == []


def test_install_rejects_a_foreign_file(tmp_path):
    fake = tmp_path / "det_10g.onnx"
    fake.write_bytes(b"not the real detector")
    with pytest.raises(models.FetchError, match="sha256"):
        models.copy_into(fake, tmp_path / "models")
