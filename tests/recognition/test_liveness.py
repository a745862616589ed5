"""Liveness per face on real webcam/phone attack photos and real live (masked too) faces."""
from __future__ import annotations

import json

import numpy as np
import pytest

from kiosk.app.settings import load_settings
from kiosk.recognition.liveness import LivenessChecker, load_liveness, scaled_box
from kiosk.research.liveness_data import collect_masked_live, collect_sets, tracks
from kiosk.vision.image_io import load_image
from kiosk.vision.types import best_face
from tests.conftest import FACES, MODELS, require

SPOOF = FACES / "spoof"


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    require(MODELS)
    checker, why = load_liveness(load_settings(tmp_path_factory.mktemp("live"), liveness=True))
    assert checker is not None, why
    return checker


def verdicts(checker, pipeline, paths):
    out = []
    for path in paths:
        image = load_image(path)
        out.append(checker.check(image, best_face(pipeline.detect(image))))
    return out


@pytest.mark.parametrize("attack", ["nuaa_part/spoof/010_0004_01_00_01_254.jpg",  # hand-held print
                                    "chamindu77/spoof/001_17081394999801807.jpg",  # phone screen
                                    "codersworld23/spoof/001_1743175306970378.jpg"])  # phone replay
def test_a_real_attack_is_refused(checker, pipeline, attack):
    result = verdicts(checker, pipeline, [require(SPOOF / attack)])[0]
    assert not result.live and result.score < checker.threshold
    assert set(result.scores) == {m.name for m in checker.models} and 0.0 <= result.score <= 1.0


def test_live_faces_pass_masked_and_unmasked(checker, pipeline):
    """Every 3-frame track of foxriver's live webcam faces (7 wearing surgical masks) and of a
    masked/webcam person's first 9 frames passes: the track mean is what the live screen decides on."""
    samples = [s for s in collect_sets(require(SPOOF / "foxriver")) if s.live]
    samples += [s for s in collect_masked_live(require(FACES / "masked" / "webcam")) if "sirapop" in s.capture][:9]
    assert sum(s.masked for s in samples) == 16
    for sample, result in zip(samples, verdicts(checker, pipeline, [s.path for s in samples])):
        sample.scores = result.scores
    windows = tracks(samples, 3)
    refused = [w[0].capture for w in windows if np.mean([s.score for s in w]) < checker.threshold]
    assert len(windows) >= 15 and refused == []


def test_the_crop_window_is_silent_faces(checker):
    # Scaled about the centre when it fits; the scale lowered and the window shifted when not.
    assert scaled_box(640, 480, np.array([300, 200, 340, 240]), 2.7) == (266, 166, 374, 274)
    left, top, right, bottom = scaled_box(640, 480, np.array([0, 0, 200, 300]), 4.0)
    assert (left, top) == (0, 0) and bottom <= 479 and right <= 639 and bottom - top == pytest.approx(479, abs=1)


def test_threshold_and_switch_from_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("KIOSK_LIVENESS")  # tests/conftest.py switches it off for the other tests
    (tmp_path / "kiosk.toml").write_text('liveness = "off"\n')
    assert load_settings(tmp_path).liveness is False
    (tmp_path / "kiosk.toml").write_text("liveness = true\nliveness_threshold = 0.6\n")
    settings = load_settings(tmp_path)
    assert settings.liveness is True and settings.liveness_threshold == 0.6
    checker, why = load_liveness(settings)
    assert checker.threshold == 0.6 and "active" in why
    (tmp_path / "kiosk.toml").write_text('liveness = "maybe"\n')
    with pytest.raises(ValueError, match="on or off"):
        load_settings(tmp_path)
    with pytest.raises(ValueError, match="between 0 and 1"):
        LivenessChecker(checker.models, 1.5)


def test_missing_files_or_off_means_none(tmp_path, monkeypatch, pipeline):
    from kiosk.app.service import KioskService

    monkeypatch.setenv("KIOSK_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    checker, why = load_liveness(load_settings(tmp_path, liveness=True))
    assert checker is None and "no liveness model found" in why
    off = KioskService(load_settings(tmp_path, liveness=False), pipeline=pipeline)
    image = load_image(require(SPOOF / "chamindu77/spoof/001_17081394999801807.jpg"))
    assert off.liveness is None and off.check_liveness(image, pipeline.detect(image)[0]) is None


def test_cli_liveness_and_recognize_json(tmp_path, capsys, monkeypatch):
    from tests.commands.conftest import kiosk_main as main

    monkeypatch.delenv("KIOSK_LIVENESS")  # the default: on when the files are present

    attack = str(require(SPOOF / "nuaa_part/spoof/010_0004_01_00_01_254.jpg"))
    live = str(require(SPOOF / "sumanadhikari/live/001_1705039794650752.jpg"))
    base = ["--data-dir", str(tmp_path)]
    assert main(base + ["liveness", attack, "--json"]) == 2
    faces = json.loads(capsys.readouterr().out)["faces"]
    assert len(faces) == 1 and faces[0]["live"] is False
    assert main(base + ["liveness", live]) == 0
    assert capsys.readouterr().out.startswith("live ")
    main(base + ["recognize", attack, "--record", "--json"])
    face = json.loads(capsys.readouterr().out)["faces"][0]
    assert face["liveness"]["live"] is False and "attendance" not in face
    from datetime import date

    from kiosk.attendance import AttendanceDB

    log = AttendanceDB(tmp_path / "attendance.db").access_log(date.today(), date.today())
    assert [e["outcome"] for e in log] == ["spoof_suspected"] and log[0]["score"] == pytest.approx(
        face["liveness"]["score"], abs=1e-3)
    assert main(base + ["models", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["liveness"]["active"] is True


def test_bench_times_liveness_per_face(tmp_path, pipeline):
    from kiosk.commands.bench import bench_liveness, build_frame

    frame = build_frame(pipeline, require(FACES), 1)
    timing = bench_liveness(load_settings(tmp_path, liveness=True), pipeline, frame, 3)
    assert timing["per_face_ms"] > 0 and timing["per_face_cpu_ms"] > 0 and "MiniFASNetV2" in timing["models"]
    assert bench_liveness(load_settings(tmp_path, liveness=False), pipeline, frame, 3) is None
