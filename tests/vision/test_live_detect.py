"""The live path's detector (kiosk.vision.live_detect) on real frames: det_500m at the kiosk's
input size finds a real face alone, the full-size chain looks at faceless frames only once per
`full_every` in a row, the default `live_detection = "fast"` runs it, and "full" keeps the detector from
before."""
import numpy as np
import pytest

from kiosk.app.settings import load_settings
from kiosk.vision.detect import ScrfdDetector, fitted_input
from kiosk.vision.live_detect import LiveDetector
from kiosk.vision.pipeline import choose_live_detector, load_pipeline
from tests.conftest import FACES, MODELS, require


def test_the_input_keeps_the_frame_shape_in_multiples_of_the_stride():
    assert fitted_input((480, 640, 3), 320) == (320, 256)  # 4:3 camera frame: no square of padding
    assert fitted_input((250, 250, 3), 320) == (320, 320)
    assert fitted_input((656, 368, 3), 320) == (192, 320)  # a portrait phone clip
    assert fitted_input((1080, 1920, 3), 640) == (640, 384)


@pytest.fixture(scope="module")
def frame(pipeline):
    from kiosk.commands.bench import build_frame

    return build_frame(pipeline, require(FACES), 1)


@pytest.fixture(scope="module")
def fast_pipeline(tmp_path_factory):
    require(MODELS)
    return load_pipeline(load_settings(tmp_path_factory.mktemp("fast"), live_detection="fast"))


def test_the_live_pipeline_detects_camera_frames_fast_and_photos_in_full(fast_pipeline, frame):
    pipeline = fast_pipeline
    live = pipeline.live_detector
    assert isinstance(live, LiveDetector) and live.fast.name == "scrfd:det_500m.onnx@320"
    assert pipeline.detector is live.full  # photos (enrolment, recognize) keep the full chain
    passes = live.full_passes
    faces = pipeline.analyze(frame, pad_retry=False, live=True)
    assert len(faces) == 1 and faces[0].embedding is not None and live.full_passes == passes
    full = pipeline.analyze(frame, pad_retry=False)
    assert float(faces[0].embedding @ full[0].embedding) > 0.9  # the same face, aligned alike


def test_faceless_frames_get_the_full_pass_once_per_run_of_full_every(frame):
    path = require(MODELS) / "det_500m.onnx"
    live = LiveDetector(ScrfdDetector(path, 320, fit=True, threads=1), ScrfdDetector(path), full_every=3)
    empty = np.full_like(frame, 70)
    for _ in range(7):
        assert live.detect(empty) == []
    assert live.full_passes == 3  # faceless frames 1, 4 and 7
    assert len(live.detect(frame)) == 1 and live.full_passes == 3  # the fast pass found it
    live.detect(empty)
    assert live.full_passes == 4  # a new faceless run starts with a full pass
    live.detect(empty)
    live.reset()
    live.detect(empty)
    assert live.full_passes == 5  # so does a new stream


def test_fast_live_detection_is_the_default_and_full_keeps_the_detector_from_before(tmp_path):
    require(MODELS)
    pipeline = load_pipeline(load_settings(tmp_path))
    assert isinstance(pipeline.live_detector, LiveDetector) and pipeline.live_fast
    full = load_pipeline(load_settings(tmp_path, live_detection="full"))
    assert full.live_detector is full.detector and not full.live_fast
    with pytest.raises(ValueError, match="live_detection must be one of fast, full"):
        choose_live_detector(pipeline.detector, "quick")


def test_an_embedder_without_a_rule_for_the_fast_pass_keeps_camera_frames_on_the_full_chain(tmp_path):
    """EdgeFace's open-set rule was calibrated on the full chain only: its camera frames are not
    put through the fast detector, whose embeddings that rule is not known to hold for."""
    require(MODELS / "edgeface" / "edgeface_xxs_q.pt")
    pipeline = load_pipeline(load_settings(tmp_path, embedder="edgeface-xxs"))
    assert not getattr(pipeline.embedder, "live_fast_rule", None)
    assert pipeline.live_detector is pipeline.detector and not pipeline.live_fast
    assert any("no rule calibrated for the fast live detector" in n for n in pipeline.detector_choice.notes)
