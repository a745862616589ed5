import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.gallery.store import PersonRecord
from kiosk.recognition.matcher import UNKNOWN, Matcher


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


def test_mask_gating_routes_unmasked_probes_to_originals_and_masked_probes_to_their_templates():
    e = np.eye(4, dtype=np.float32)
    # Ada: original e0, masked template e1. Bob: original e2, masked template e3 (uniform sizes).
    ada = PersonRecord("A", "Ada", "e", e[:1], {1: {"gas": e[1]}})
    bob = PersonRecord("B", "Bob", "e", e[2:3], {1: {"cloth": e[3]}})
    probe = np.array([0.3, 0.9, 0.0, 0.0], np.float32)  # near Ada's masked template
    probe /= np.linalg.norm(probe)
    for kind in Matcher.GATE_TEMPLATES:
        matcher = Matcher([ada, bob], "e", threshold=0.5, masked_threshold=0.8, gate_templates=kind)
        plain, gated_unmasked, gated_masked = (matcher.match(probe, probe_masked=None)[0],
                                               *matcher.match(np.stack([probe, probe]),
                                                              probe_masked=np.array([False, True])))
        assert plain.probe_masked is None and plain.masked_template and plain.accepted  # today's rule
        # Unmasked: originals only (0.3 < 0.5), the main threshold, the masked template unused.
        assert gated_unmasked.probe_masked is False and not gated_unmasked.masked_template
        assert gated_unmasked.score == pytest.approx(0.3 / np.hypot(0.3, 0.9), abs=1e-5)
        assert gated_unmasked.threshold == 0.5 and not gated_unmasked.accepted
        # Masked: the masked threshold whatever template wins.
        assert gated_masked.probe_masked is True and gated_masked.threshold == 0.8
        assert gated_masked.masked_template == (kind != "originals")
        assert gated_masked.accepted == (kind != "originals")
        assert gated_masked.as_dict()["probe_masked"] is True
    # A person without masked templates keeps their originals under "masked" gating.
    carl = PersonRecord("C", "Carl", "e", e[:1], {})
    only = Matcher([carl, bob], "e", threshold=0.5, gate_templates="masked")
    assert only.match(e[0], probe_masked=[True])[0].user_id == "C"
    with pytest.raises(ValueError):
        only.match(np.stack([e[0], e[1]]), probe_masked=[True])


def test_embedding_mask_flags_split_on_the_gallery_mask_direction():
    rng = np.random.default_rng(1)
    records = _people(rng, [4, 4, 4], dim=16)
    matcher = Matcher(records, "e", threshold=0.5)
    masked_rows, original_rows = matcher.matrix[matcher.masked], matcher.matrix[~matcher.masked]
    assert matcher.embedding_mask_flags(masked_rows.mean(0, keepdims=True))[0]
    assert not matcher.embedding_mask_flags(original_rows.mean(0, keepdims=True))[0]
    originals_only = Matcher([PersonRecord("A", "Ada", "e", np.eye(3, dtype=np.float32)[:1], {})], "e", 0.5)
    assert not originals_only.embedding_mask_flags(np.ones(3, np.float32)).any()


def test_large_gallery_shortlist_finds_the_same_people_as_the_exact_search():
    """From 20k people on, queries are shortlisted by mean template; the decision (top person,
    score, accepted) must equal the exact search's, gated or not. Each person's templates look alike (cosine ~0.5 between
    two of them, about what a photo and its masked renderings give) and each probe is a noisy
    copy of one template."""
    rng = np.random.default_rng(5)
    people, k, dim = 25_000, 21, 128
    centres = rng.normal(size=(people, 1, dim)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=2, keepdims=True)
    matrix = (centres + rng.normal(scale=1 / np.sqrt(dim), size=(people, k, dim))).reshape(-1, dim)
    matrix = (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)).astype(np.float32)
    masked = np.tile(np.arange(k) >= 3, people)

    def build():
        return Matcher.from_arrays(matrix, np.full(people, k), "e", threshold=0.5, masked=masked,
                                   masked_threshold=0.6)

    fast, exact = build(), build()
    exact.SHORTLIST_FROM_PEOPLE = 10**9
    assert fast.shortlist_size() == 500 and exact.shortlist_size() == 0
    targets = rng.choice(people * k, size=6, replace=False)
    queries = matrix[targets] + rng.normal(scale=0.2 / np.sqrt(dim), size=(6, dim)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    assert [r.user_id for r in fast.match(queries)] == [f"P{t // k}" for t in targets]
    for gate in (None, np.array([True, False, True, False, True, False])):
        for got, want in zip(fast.match(queries, probe_masked=gate, gate_offset=0.3),
                             exact.match(queries, probe_masked=gate, gate_offset=0.3)):
            # Runners-up may differ: impostors with one lucky template are not shortlisted.
            assert got.candidates[0].user_id == want.candidates[0].user_id
            assert got.score == pytest.approx(want.score, abs=1e-5) and got.accepted == want.accepted
            assert got.candidates[0].template == want.candidates[0].template
