"""The rule follows the detector (kiosk.app.from_settings): camera frames through the fast live
detector are judged by the embedder's `live_fast_rule`, photos by its `default_rule`; a site
value only ever raises a rule unless the admin allows looser ones (docs/benchmarks.md section 5)."""
import shutil

import pytest

from kiosk.app.from_settings import calibrated_rule, decision_rule
from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.recognition.tracking import LiveRecognizer
from kiosk.vision.image_io import load_image
from tests.conftest import enrollment_split
from tests.recognition.test_tracking import frame


@pytest.fixture
def data(enrolled, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(enrolled, data)
    return data


def test_camera_frames_are_judged_by_the_fast_rule_and_photos_by_the_full_one(data, pipeline):
    service = KioskService(load_settings(data, confirm_frames=3), pipeline=pipeline)
    embedder = pipeline.embedder
    assert service.settings.live_detection == "fast" and pipeline.live_fast  # the default
    fast, full = embedder.live_fast_rule, embedder.default_rule
    assert (service.live_rule.threshold, service.live_rule.margin) == (fast["threshold"], fast["margin"])
    assert service.live_rule.masked == (fast["masked_threshold"], fast["masked_margin"])
    assert (service.rule.threshold, service.rule.masked) == (full["threshold"], (full["masked_threshold"],
                                                                                 full["masked_margin"]))
    held_out = enrollment_split("df01")[1][0]  # Ada Lovelace (E001), not an enrolment photo
    people = len(service.matcher)

    photo = service.recognize(load_image(held_out), record=False)[0].match
    assert photo.user_id == "E001" and not photo.probe_masked
    assert photo.threshold == pytest.approx(service.rule.threshold_for(people)) and photo.margin == full["margin"]

    decision = LiveRecognizer(service, record=False).process(frame(held_out), now=0.0)
    live = decision.faces[0].match
    assert live.user_id == "E001" and not live.probe_masked
    assert live.threshold == pytest.approx(service.live_rule.threshold_for(people)) and live.margin == fast["margin"]
    assert live.threshold != photo.threshold  # the two paths really are judged apart


def test_full_live_detection_judges_camera_frames_by_the_photo_rule(data):
    settings = load_settings(data, live_detection="full")
    from kiosk.vision.pipeline import load_pipeline

    service = KioskService(settings, pipeline=load_pipeline(settings))
    assert not service.pipeline.live_fast and service.live_rule == service.rule


def test_site_values_raise_either_rule_and_never_lower_it(data, pipeline):
    embedder = pipeline.embedder
    fast, full = calibrated_rule(embedder, live_fast=True), calibrated_rule(embedder)
    # What `kiosk calibrate --apply` writes after measuring against the fast rule: a threshold
    # between the two calibrations, the fast masked threshold plus the same lift.
    site = load_settings(data, threshold=0.595, masked_threshold=0.555, margin=0.11)
    service = KioskService(site, pipeline=pipeline)
    assert (service.rule.threshold, service.rule.margin) == (0.595, 0.11)  # raised
    assert service.rule.masked == full.masked  # 0.555 < 0.57: the photo rule keeps its own
    assert (service.live_rule.threshold, service.live_rule.margin) == (fast.threshold, fast.margin)  # kept
    assert service.live_rule.masked == (0.555, fast.masked[1])  # raised from 0.54
    assert service.matcher.rule == service.rule and service.matcher.gate_threshold == full.masked[0]
    # Lower than both: ignored on both paths ...
    low = load_settings(data, threshold=0.5, masked_threshold=0.45, margin=0.0, masked_margin=0.0)
    assert decision_rule(embedder, low) == full and decision_rule(embedder, low, live_fast=True) == fast
    # ... unless the admin says so: then the values are taken as given, on both paths.
    explicit = load_settings(data, threshold=0.5, masked_threshold=0.45, margin=0.0, allow_looser_rule=True)
    for rule in (decision_rule(embedder, explicit), decision_rule(embedder, explicit, live_fast=True)):
        assert (rule.threshold, rule.masked[0], rule.margin) == (0.5, 0.45, 0.0)
    assert decision_rule(embedder, explicit, live_fast=True).masked[1] == fast.masked[1]


def test_looser_values_come_only_from_an_explicit_setting(data, monkeypatch):
    (data / "kiosk.toml").write_text("threshold = 0.5\n")
    assert load_settings(data).allow_looser_rule is False
    monkeypatch.setenv("KIOSK_ALLOW_LOOSER_RULE", "true")
    assert load_settings(data).allow_looser_rule is True
