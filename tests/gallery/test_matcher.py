import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.gallery.matcher import UNKNOWN, Matcher
from kiosk.gallery.store import PersonRecord


def _people(rng, sizes, dim=16):
    records = []
    for p, size in enumerate(sizes):
        vecs = rng.normal(size=(size, dim)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        masked = {1: {f"m{k}": vecs[k] for k in range(1, size)}} if size > 1 else {}
        records.append(PersonRecord(f"P{p}", f"Person {p}", "e", vecs[:1], masked))
    return records


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=12), st.integers(0, 2**32 - 1))
def test_vectorised_scores_equal_a_plain_loop(sizes, seed):
    rng = np.random.default_rng(seed)
    records = _people(rng, sizes)
    matcher = Matcher(records, "e", threshold=0.5)
    queries = rng.normal(size=(3, 16)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    best, arg = matcher.person_scores(queries)
    for q in range(3):
        for p, record in enumerate(records):
            matrix = record.templates()[0]
            assert best[q, p] == pytest.approx(float((matrix @ queries[q]).max()), abs=1e-5)
            assert matcher.labels[arg[q, p]] == record.templates()[2][int(np.argmax(matrix @ queries[q]))]


def test_decision_uses_the_masked_threshold_for_masked_templates():
    original = np.array([[1.0, 0.0, 0.0]], np.float32)
    masked = {1: {"gas": np.array([0.0, 1.0, 0.0], np.float32)}}
    matcher = Matcher([PersonRecord("A", "Ada", "e", original, masked)], "e", threshold=0.7, masked_threshold=0.5)
    probe_masked = np.array([0.0, 0.6, 0.8], np.float32)
    result = matcher.match(probe_masked)[0]
    assert result.masked_template and result.threshold == 0.5 and result.accepted and result.name == "Ada"
    probe_plain = np.array([0.6, 0.0, 0.8], np.float32)
    result = matcher.match(probe_plain)[0]
    assert not result.masked_template and result.threshold == 0.7 and not result.accepted
    assert result.name == UNKNOWN and result.status == UNKNOWN and result.candidates[0].name == "Ada"


def test_other_embedders_are_never_compared():
    rng = np.random.default_rng(0)
    records = _people(rng, [2, 2])
    records[1].embedder = "other"
    matcher = Matcher(records, "e", 0.5)
    assert [p[0] for p in matcher.people] == ["P0"] and [r.user_id for r in matcher.skipped] == ["P1"]


def test_empty_gallery_and_wrong_dimension():
    empty = Matcher([], "e", 0.5)
    result = empty.match(np.ones(4, np.float32))[0]
    assert not result.accepted and result.name == UNKNOWN
    matcher = Matcher(_people(np.random.default_rng(1), [1]), "e", 0.5)
    with pytest.raises(ValueError, match="dimensions"):
        matcher.match(np.ones(5, np.float32))


def test_top_k_is_sorted_and_float16_storage_agrees():
    rng = np.random.default_rng(2)
    records = _people(rng, [3, 1, 4, 2, 5])
    query = rng.normal(size=16).astype(np.float32)
    query /= np.linalg.norm(query)
    full = Matcher(records, "e", 0.0).match(query, top_k=5)[0]
    scores = [c.score for c in full.candidates]
    assert scores == sorted(scores, reverse=True) and len(scores) == 5
    half = Matcher(records, "e", 0.0, dtype=np.float16).match(query, top_k=5)[0]
    assert [c.user_id for c in half.candidates][:2] == [c.user_id for c in full.candidates][:2]
    assert half.score == pytest.approx(full.score, abs=2e-3)
