import json
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.gallery.folders import GalleryError, safe_folder_name
from kiosk.gallery.store import GalleryStore, PersonRecord


def _record(user_id="A1", name="Ada", dim=8, masked=True, seed=0):
    rng = np.random.default_rng(seed)
    vecs = rng.normal(size=(3, dim)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    by_img = {i: {"surgical_blue": vecs[i - 1], "gas": vecs[i - 1]} for i in (1, 2, 3)} if masked else {}
    return PersonRecord(user_id, name, "test-embedder", vecs, by_img, "+441234567")


def test_layout_matches_the_original_system(tmp_path):
    store = GalleryStore(tmp_path)
    folder = store.save(_record(), photos=[b"jpg1", b"jpg2", b"jpg3"])
    assert folder.name == "A1_Ada"
    for rel in ["centroid.npy", "metadata.json", "originals/original_1.npy", "originals/original_3.npy",
                "masked/img_1/surgical_blue.npy", "masked/img_3/gas.npy", "photos/photo_2.jpg"]:
        assert (folder / rel).is_file(), rel
    meta = json.loads((folder / "metadata.json").read_text())
    assert meta["total_embeddings"] == 9 and meta["embedder"] == "test-embedder"
    centroid = np.load(folder / "centroid.npy")
    assert np.isclose(np.linalg.norm(centroid), 1.0)
    loaded = store.load(folder)
    matrix, masked, labels = loaded.templates()
    assert matrix.shape == (9, 8) and masked.sum() == 6 and labels[0] == "original_1"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=120))
def test_any_name_is_a_safe_single_folder(name):
    folder = safe_folder_name("A1", name)
    assert folder.startswith("A1_") and len(folder) <= 80
    assert "/" not in folder and "\\" not in folder and "\0" not in folder
    assert ".." not in folder and folder not in (".", "..") and not folder.endswith((".", " "))


@pytest.mark.parametrize("name", ["../../etc/passwd", "Zoë Ångström", "a/b\\c", "CON", "..", "名前 テスト"])
def test_odd_names_stay_inside_the_gallery_and_round_trip(tmp_path, name):
    store = GalleryStore(tmp_path / "embeddings")
    folder = store.save(_record(name=name))
    assert folder.parent == tmp_path / "embeddings"
    assert store.load(folder).name == name


def test_duplicate_id_and_invalid_id(tmp_path):
    store = GalleryStore(tmp_path)
    store.save(_record())
    with pytest.raises(GalleryError, match="already enrolled"):
        store.save(_record(name="Other"))
    with pytest.raises(GalleryError, match="letters, digits, hyphens"):
        store.save(_record(user_id="A 1"))
    with pytest.raises(GalleryError, match="taken: A1 .* regardless of case"):
        store.save(_record(user_id="a1", name="Other"))


def test_crash_mid_write_leaves_nothing(tmp_path, monkeypatch):
    store = GalleryStore(tmp_path)
    calls = {"n": 0}
    real_save = np.save

    def failing_save(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(28, "No space left on device")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(np, "save", failing_save)
    with pytest.raises(OSError):
        store.save(_record())
    assert os.listdir(tmp_path) == []


def test_failed_reenrol_keeps_the_old_person(tmp_path, monkeypatch):
    store = GalleryStore(tmp_path)
    store.save(_record(seed=1))
    monkeypatch.setattr(np, "save", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "disk full")))
    with pytest.raises(OSError):
        store.save(_record(seed=2), replace=True)
    monkeypatch.undo()
    records, _ = store.load_all()
    assert [r.user_id for r in records] == ["A1"]
    assert np.allclose(records[0].originals, _record(seed=1).originals)


def test_replace_and_delete(tmp_path):
    store = GalleryStore(tmp_path)
    store.save(_record(name="Ada"))
    store.save(_record(name="Ada King", seed=3), replace=True)
    records, _ = store.load_all()
    assert [(r.user_id, r.name) for r in records] == [("A1", "Ada King")]
    store.delete("A1")
    assert store.load_all() == ([], [])
    with pytest.raises(GalleryError, match="no enrolled person"):
        store.delete("A1")


def test_test_entries_and_broken_folders_are_skipped_with_warnings(tmp_path):
    store = GalleryStore(tmp_path)
    store.save(_record())
    (tmp_path / "img_1").mkdir()
    (tmp_path / "B2_12345").mkdir()
    broken = tmp_path / "C3_Broken"
    (broken / "originals").mkdir(parents=True)
    (broken / "originals" / "original_1.npy").write_bytes(b"garbage")
    (tmp_path / "D4_NoOriginals").mkdir()
    records, warnings = store.load_all()
    assert [r.user_id for r in records] == ["A1"]
    assert len(warnings) == 4
    assert any("img_1" in w and "test entry" in w for w in warnings)
    assert any("C3_Broken" in w and "broken" in w for w in warnings)


def test_folder_of_the_original_system_loads_as_facenet(tmp_path):
    folder = tmp_path / "W7_Legacy Person"
    (folder / "originals").mkdir(parents=True)
    for i in range(1, 4):
        np.save(folder / "originals" / f"original_{i}.npy", np.ones(512, np.float32) / np.sqrt(512))
    (folder / "metadata.json").write_text(json.dumps({"user_id": "W7", "name": "Legacy Person"}))
    record = GalleryStore(tmp_path).load(folder)
    assert record.embedder == "facenet-vggface2" and record.originals.shape == (3, 512)
