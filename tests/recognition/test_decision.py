"""The open-set rule: threshold, margin, masked values and the gallery-size lift."""
import numpy as np
import pytest

from kiosk.gallery.store import PersonRecord
from kiosk.recognition.decision import ACCEPTED, UNKNOWN, UNSURE, DecisionRule
from kiosk.recognition.matcher import Matcher


def test_threshold_and_margin():
    rule = DecisionRule(0.5, 0.1, 0.6, 0.15)
    best = np.array([0.7, 0.7, 0.45, 0.65, 0.65])
    second = np.array([0.5, 0.65, 0.1, 0.55, 0.45])
    masked = np.array([False, False, False, True, True])
    assert rule.decide(best, second, masked, 10).tolist() == [ACCEPTED, UNSURE, UNKNOWN, UNSURE, ACCEPTED]


def test_one_person_gallery_has_no_runner_up():
    rule = DecisionRule(0.5, 0.2)
    assert rule.decide(np.array([0.6]), np.array([-np.inf]), None, 1).tolist() == [ACCEPTED]


def test_threshold_rises_with_gallery_size_never_falls():
    rule = DecisionRule(0.5, 0.05, 0.55, 0.08, reference_size=100, impostor_sd=0.08)
    assert rule.threshold_for(10) == rule.threshold_for(100) == 0.5
    t1k, t10k = rule.threshold_for(1000), rule.threshold_for(10_000)
    assert 0.5 < t1k < t10k < 0.7
    assert rule.threshold_for(1000, masked=True) == pytest.approx(0.55 + (t1k - 0.5))
    # a score accepted at 100 people is refused at 10k
    assert rule.decide(np.array([0.52]), np.array([0.1]), None, 100)[0] == ACCEPTED
    assert rule.decide(np.array([0.52]), np.array([0.1]), None, 10_000)[0] == UNKNOWN


def _record(uid, vectors):
    return PersonRecord(uid, uid, "test", np.asarray(vectors, np.float32))


def _unit(v):
    v = np.asarray(v, np.float32)
    return v / np.linalg.norm(v)


def test_matcher_refuses_a_near_tie_and_reports_it():
    a, b = _unit([1, 0.0, 0]), _unit([0.8, 0.6, 0])
    matcher = Matcher([_record("A", [a]), _record("B", [b])], "test", 0.5, rule=DecisionRule(0.5, 0.1))
    probe = _unit([0.95, 0.31, 0])  # close to both
    result = matcher.match(probe[None])[0]
    assert result.decision == UNSURE and not result.accepted and result.unsure
    assert result.user_id is None and result.status == "Not sure"
    assert result.lead < 0.1 and result.as_dict()["decision"] == "unsure"
    clear = matcher.match(a[None])[0]
    assert clear.accepted and clear.user_id == "A" and clear.lead >= 0.1


def test_matcher_without_a_rule_is_a_plain_threshold():
    a, b = _unit([1, 0.0, 0]), _unit([0.8, 0.6, 0])
    matcher = Matcher([_record("A", [a]), _record("B", [b])], "test", 0.5)
    assert matcher.match(_unit([0.99, 0.15, 0])[None])[0].accepted
