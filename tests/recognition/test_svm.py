"""The SVM matcher and the score normalisations, on synthetic embeddings (no models needed)."""
from __future__ import annotations

import numpy as np
import pytest

from kiosk.gallery.store import PersonRecord
from kiosk.recognition.scoring import Scoring, cohort_normalise, person_max, score_people, znorm_stats
from kiosk.recognition.svm import SvmMatcher


def _unit(x):
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _people(n=5, dim=32, seed=0):
    rng = np.random.default_rng(seed)
    centres = _unit(rng.normal(size=(n, dim)))
    records = []
    for i, c in enumerate(centres):
        originals = _unit(c + 0.25 * rng.normal(size=(3, dim)) / np.sqrt(dim) * 4)
        masked = {k: {t: _unit(c + 0.4 * rng.normal(size=dim) / np.sqrt(dim) * 4) for t in ("a", "b")}
                  for k in (1, 2, 3)}
        records.append(PersonRecord(f"U{i}", f"person {i}", "test", originals, masked))
    return records, centres, rng


@pytest.mark.parametrize("kernel", ["linear", "rbf"])
def test_svm_recognises_and_rejects(kernel):
    records, centres, rng = _people()
    svm = SvmMatcher(records, "test", threshold=0.5, kernel=kernel)
    queries = _unit(centres + 0.3 * rng.normal(size=centres.shape) / np.sqrt(centres.shape[1]) * 4)
    proba, _ = svm.person_scores(queries)
    assert proba.shape == (5, 5)
    assert np.allclose(proba.sum(1), 1.0, atol=1e-4)
    assert (proba.argmax(1) == np.arange(5)).mean() >= 0.8
    results = svm.match(queries)
    assert sum(r.accepted and r.user_id == f"U{i}" for i, r in enumerate(results)) >= 3
    # An SVM always names someone; the probability rule must be able to say "unknown".
    strict = SvmMatcher(records, "test", threshold=1.01, kernel=kernel)
    assert not any(r.accepted for r in strict.match(queries))


def test_svm_needs_two_people():
    records, _, _ = _people(1)
    with pytest.raises(ValueError, match="at least 2"):
        SvmMatcher(records, "test")


def test_person_max_and_cohort():
    sims = np.array([[0.9, 0.1, 0.2, 0.3, 0.5]], np.float32)
    owner = np.array([0, 0, 1, 1, 2])
    starts = np.array([0, 2, 4])
    best, arg = person_max(sims, starts, owner)
    assert best.tolist() == [[pytest.approx(0.9), pytest.approx(0.3), pytest.approx(0.5)]]
    assert arg.tolist() == [[0, 3, 4]]
    normed = cohort_normalise(best, k=1)
    # person 0's cohort is the best other person (0.5); the others' cohort is person 0 (0.9)
    assert normed[0].tolist() == pytest.approx([0.4, -0.6, -0.4])


def test_masked_offset_and_znorm():
    records, _, rng = _people()
    from kiosk.recognition.matcher import Matcher

    m = Matcher(records, "test", 0.5)
    q = _unit(rng.normal(size=(4, m.dim)))
    sims = q @ m.matrix.T
    plain, _ = score_people(sims, m.starts, m.owner, m.masked)
    assert np.allclose(plain, m.person_scores(q)[0])
    offset, arg = score_people(sims, m.starts, m.owner, m.masked, Scoring(masked_offset=10.0))
    assert not m.masked[arg].any()  # a huge penalty: originals always decide
    stats = znorm_stats(m.matrix, m.owner)
    z, _ = score_people(sims, m.starts, m.owner, m.masked, Scoring("znorm"), stats)
    assert z.shape == plain.shape and np.isfinite(z).all()
    with pytest.raises(ValueError):
        Scoring("bogus")
