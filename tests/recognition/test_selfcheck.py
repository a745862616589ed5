"""Site self-check on a synthetic gallery with one planted look-alike pair."""
import numpy as np

from kiosk.gallery.store import PersonRecord
from kiosk.recognition import selfcheck
from kiosk.recognition.decision import DecisionRule
from kiosk.recognition.matcher import Matcher


def _gallery(rng, n=30, dim=64, twin=None):
    records = []
    centres = rng.normal(size=(n, dim))
    if twin is not None:
        centres[1] = centres[0] + twin * rng.normal(size=dim)
    for i, c in enumerate(centres):
        photos = c + 0.3 * rng.normal(size=(3, dim))
        photos /= np.linalg.norm(photos, axis=1, keepdims=True)
        records.append(PersonRecord(f"P{i:02d}", f"Person {i}", "test", photos.astype(np.float32)))
    return records


def test_strangers_gallery_is_safe_and_says_so():
    matcher = Matcher(_gallery(np.random.default_rng(1)), "test", 0.5, rule=DecisionRule(0.5, 0.05))
    result = selfcheck.check(matcher)
    assert result.people == 30 and result.photos == 90
    assert result.accepted_as_other == 0 and result.highest_impostor < 0.5
    assert result.suggested_threshold == 0.5 and "30 people" in result.summary()


def test_a_look_alike_pair_is_found_and_the_suggestion_refuses_it():
    matcher = Matcher(_gallery(np.random.default_rng(2), twin=0.15), "test", 0.5, rule=DecisionRule(0.5, 0.0))
    result = selfcheck.check(matcher)
    top = result.pairs[0]
    assert {top.user_id, top.other_id} == {"P00", "P01"}
    assert result.accepted_as_other > 0
    stricter = DecisionRule(result.suggested_threshold, result.suggested_margin)
    assert selfcheck.check(matcher, stricter).accepted_as_other == 0
