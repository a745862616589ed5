"""One damaged person folder (a power cut, a hand edit) is skipped with a warning; everyone else
still loads, matches and is counted (issue 11, item 2)."""
import json

import numpy as np
import pytest

from kiosk.gallery.store import GalleryStore, PersonRecord
from kiosk.recognition.matcher import Matcher


def _unit(rng, n, dim):
    v = rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.fixture
def store(tmp_path):
    rng = np.random.default_rng(3)
    store = GalleryStore(tmp_path / "embeddings")
    for i in range(3):
        store.save(PersonRecord(f"E{i}", f"Person {i}", "test", _unit(rng, 3, 16),
                                {1: {"cloth": _unit(rng, 1, 16)[0]}}, "0770090000"), [])
    return store


def _damage(store, how):
    folder = store.folder_of("E1")
    meta = folder / "metadata.json"
    if how == "empty npy":
        (folder / "originals" / "original_1.npy").write_bytes(b"")
    elif how == "metadata list":
        meta.write_text("[]")
    elif how == "name null":
        data = json.loads(meta.read_text())
        meta.write_text(json.dumps(data | {"name": None}))
    elif how == "nan":
        np.save(folder / "originals" / "original_2.npy", np.full(16, np.nan, np.float32))
    return folder


@pytest.mark.parametrize("how", ["empty npy", "metadata list", "name null", "nan"])
def test_one_broken_person_is_skipped_the_rest_load(store, how):
    folder = _damage(store, how)
    records, warnings = store.load_all()
    assert sorted(r.user_id for r in records) == ["E0", "E2"]
    assert any(folder.name in w and "broken" in w for w in warnings), warnings
    assert len(Matcher(records, "test", 0.5)) == 2


def test_a_hand_edited_count_is_replaced_by_what_is_on_disk(store):
    meta = store.folder_of("E2") / "metadata.json"
    meta.write_text(json.dumps(json.loads(meta.read_text()) | {"total_embeddings": "many"}))
    records, _ = store.load_all()
    assert {r.user_id: r.metadata["total_embeddings"] for r in records}["E2"] == 4


def test_a_person_of_another_dimension_is_skipped_by_the_matcher(store):
    rng = np.random.default_rng(4)
    odd = PersonRecord("E9", "Odd", "test", _unit(rng, 3, 8))
    records = store.load_all()[0] + [odd]
    matcher = Matcher(records, "test", 0.5)
    assert len(matcher) == 3 and matcher.skipped == [odd] and matcher.dim == 16
    assert matcher.match(records[0].originals[:1])[0].user_id == "E0"
