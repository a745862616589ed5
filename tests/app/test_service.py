"""The shared core: an enrolment made elsewhere (the CLI while the kiosk runs) is seen at once."""
from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.vision.image_io import load_image
from tests.conftest import enrollment_split


def test_enrolment_by_another_process_is_picked_up(tmp_path, pipeline):
    kiosk = KioskService(load_settings(tmp_path), pipeline=pipeline)
    assert len(kiosk.matcher) == 0
    hr = KioskService(load_settings(tmp_path), pipeline=pipeline)
    enroll, held_out = enrollment_split("df04")
    hr.enroll("H1", "Hana", "+447700900100", [load_image(p) for p in enroll], masks=False)
    assert [p[0] for p in kiosk.matcher.people] == ["H1"]
    assert kiosk.recognize(load_image(held_out[0]), record=False)[0].match.user_id == "H1"
    hr.delete("H1")
    assert len(kiosk.matcher) == 0


def test_thresholds_follow_the_settings(tmp_path, pipeline):
    default = KioskService(load_settings(tmp_path), pipeline=pipeline)
    embedder = pipeline.embedder
    calibrated = embedder.default_rule  # the open-set rule (docs/evaluation/openset.md)
    assert default.threshold == default.matcher.rule.threshold == calibrated["threshold"]
    assert default.matcher.rule.margin == calibrated["margin"]
    assert default.matcher.gate_threshold == default.masked_threshold == calibrated["masked_threshold"]
    assert default.matcher.gate_offset == embedder.default_gate_offset
    # Below the calibration only when the admin allows it (tests/app/test_live_rule.py).
    tuned = KioskService(load_settings(tmp_path, threshold=0.5, masked_threshold=0.45, allow_looser_rule=True),
                         pipeline=pipeline)
    assert tuned.matcher.threshold == 0.5
    assert tuned.matcher.gate_threshold == tuned.matcher.masked_threshold == 0.45
    site = KioskService(load_settings(tmp_path, margin=0.2, masked_margin=0.25), pipeline=pipeline)
    assert (site.rule.margin, site.rule.masked_margin) == (0.2, 0.25)
    assert site.rule.threshold == calibrated["threshold"]
