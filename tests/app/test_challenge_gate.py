"""The challenge on the live path: a real KioskService and LiveRecognizer on a real webcam clip of
an enrolled man who turns his head to his own right at about 7 s
(../shared/faces/challenge/live_turns/zubair_webcam_turns.mov). The passive models are off here
(his head shake at 5-6.3 s fails them on their own), so the policy "always" asks."""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from kiosk.app.challenge_gate import (
    CHALLENGE_FAILED,
    CHALLENGE_PASSED,
    WHY_DOUBT,
    WHY_SPOT,
    WHY_UNSTEADY,
    ChallengeGate,
    challenge_reason,
    needs_challenge,
)
from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.recognition.challenge import LOOK_UP, TURN_RIGHT, ChallengeConfig, lowest_window
from kiosk.recognition.matcher import MatchResult
from kiosk.recognition.tracking import LiveRecognizer, Track
from tests.challenge_clips import ZUBAIR, FixedChoice, clip_frames, enroll_zubair


@pytest.fixture(scope="module")
def gallery(tmp_path_factory, pipeline):
    data = tmp_path_factory.mktemp("zubair")
    enroll_zubair(KioskService(load_settings(data, liveness=False), pipeline=pipeline))
    return data


@pytest.fixture(scope="module")
def frames():
    return clip_frames(ZUBAIR, 6.2, 9.6)


@pytest.fixture
def service(gallery, pipeline, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(gallery, data)
    return KioskService(load_settings(data, liveness=False, liveness_challenge="always"), pipeline=pipeline)


def replay(service, frames, instruction, max_attempts=2, window_s=4.0):
    live = LiveRecognizer(service)
    assert isinstance(live.challenges, ChallengeGate) and live.challenges.policy == "always"
    live.challenges = ChallengeGate(service, "always", ChallengeConfig(window_s=window_s, steps=1),
                                    max_attempts=max_attempts,
                                    rng=FixedChoice(instruction))
    return live, [live.process(frame, now=t) for t, frame in frames]


def test_the_asked_turn_checks_the_person_in_after_it_is_done(service, frames):
    live, decisions = replay(service, frames, TURN_RIGHT)
    asked = [f.challenge for d in decisions for f in d.faces if f.challenge is not None]
    assert asked and asked[0].instruction == TURN_RIGHT and asked[0].arrow == "right"
    assert asked[0].text == "Turn your head to your right"
    checked = [(t, d.checkins[0]) for (t, _), d in zip(frames, decisions) if d.checkins]
    assert checked and checked[0][1].name == "Zubair Webcam"
    assert checked[0][0] > 6.9  # not before he turned
    today = date.today()
    log = service.db.access_log(today, today)
    challenge = [e for e in log if e["outcome"].startswith("challenge")]
    assert [e["outcome"] for e in challenge] == [CHALLENGE_PASSED]
    assert challenge[0]["employee_id"] == "Z001" and "turn_right" in challenge[0]["detail"]
    assert "passed in" in challenge[0]["detail"]


def test_an_instruction_not_answered_never_checks_in_and_offers_the_pin(service, frames):
    live, decisions = replay(service, frames, LOOK_UP, max_attempts=1, window_s=2.0)
    assert not any(d.checkins for d in decisions)
    today = date.today()
    assert service.db.attendance(today, today) == []
    outcomes = [e for e in service.db.access_log(today, today) if e["outcome"].startswith("challenge")]
    assert [e["outcome"] for e in outcomes] == [CHALLENGE_FAILED]
    assert "look_up" in outcomes[0]["detail"] and "PIN" in outcomes[0]["detail"]
    last = [f.challenge for f in decisions[-1].faces if f.challenge is not None]
    assert last and last[0].state == "pin" and "worker ID" in last[0].text
    # Once the person has gone for a minute, the track's challenge is forgotten.
    live.challenges.observe(frames[0][1], frames[-1][0] + 61.0, [], [])
    assert live.challenges.tracks == {}


def test_policies():
    assert not needs_challenge("off", 0.1, 0.9)
    assert needs_challenge("always", 0.99, 0.9)
    assert needs_challenge("on_doubt", 0.5, 0.9) and not needs_challenge("on_doubt", 0.95, 0.9)
    assert not needs_challenge("on_doubt", None, 0.9)  # passive check off: nothing is in doubt
    with pytest.raises(ValueError, match="liveness_challenge must be one of"):
        ChallengeGate(None, "sometimes")


def test_on_doubt_also_challenges_unsteady_and_spot_checked_tracks():
    # the least clear moment of a track: the lowest mean of 3 consecutive kept scores
    assert lowest_window([0.9, 0.1, 0.95, 0.97, 0.99], 3) == pytest.approx(0.65)
    assert lowest_window([0.95], 3) == 0.95 and lowest_window([], 3) is None
    assert challenge_reason("on_doubt", 0.5, 0.9) == WHY_DOUBT
    assert challenge_reason("on_doubt", 0.97, 0.9, lowest=0.65) == WHY_UNSTEADY  # clear now, not before
    assert challenge_reason("on_doubt", 0.97, 0.9, lowest=0.93, spot_check=0.0) is None
    assert challenge_reason("on_doubt", 0.97, 0.9, lowest=0.93, spot_check=0.2, rng=FixedChoice(draw=0.1)) == WHY_SPOT
    assert challenge_reason("on_doubt", 0.97, 0.9, lowest=0.93, spot_check=0.2, rng=FixedChoice(draw=0.3)) is None
    assert challenge_reason("on_doubt", None, 0.9, spot_check=1.0) is None  # passive off: nothing to spot-check
    assert challenge_reason("off", 0.5, 0.9, spot_check=1.0) is None


def test_the_spot_check_is_drawn_from_the_os_random_source_at_its_share():
    """No rng given: secrets.SystemRandom. 4000 draws at 0.2: 800 expected, sd 25; 680-920 is
    more than 4.7 sd either side."""
    drawn = sum(needs_challenge("on_doubt", 0.97, 0.9, 0.95, spot_check=0.2) for _ in range(4000))
    assert 680 <= drawn <= 920
    assert not any(needs_challenge("on_doubt", 0.97, 0.9, 0.95, spot_check=0.0) for _ in range(200))


def test_a_spot_checked_track_answers_and_an_unchecked_one_passes_at_once():
    match = MatchResult("Z001", "Zubair Webcam", 0.8, True, False, 0.5)
    checked = ChallengeGate(None, "on_doubt", ChallengeConfig(steps=1), spot_check=0.2, record=False,
                            rng=FixedChoice(TURN_RIGHT, draw=0.05))
    track = Track(7, np.zeros(4))
    assert not checked.allows(track, match, 0.97, 10.0, lowest=0.95)
    assert checked.is_running(7) and checked.tracks[7].why == WHY_SPOT
    assert checked.tracks[7].attempt == 1  # the first of max_attempts: a failure still leaves a retry
    assert checked.prompt(7, 10.5).instruction == TURN_RIGHT
    assert not checked.allows(track, match, 0.97, 10.6, lowest=0.95)  # asking again redraws nothing
    unchecked = ChallengeGate(None, "on_doubt", ChallengeConfig(steps=1), spot_check=0.2, record=False,
                              rng=FixedChoice(TURN_RIGHT, draw=0.5))
    assert unchecked.allows(track, match, 0.97, 10.0, lowest=0.95) and unchecked.tracks == {}
    unsteady = ChallengeGate(None, "on_doubt", ChallengeConfig(steps=1), spot_check=0.0, record=False,
                             rng=FixedChoice(TURN_RIGHT))
    assert not unsteady.allows(track, match, 0.97, 10.0, lowest=0.4) and unsteady.tracks[7].why == WHY_UNSTEADY


def test_the_spot_check_setting_is_checked_when_read(tmp_path, monkeypatch):
    assert load_settings(tmp_path).liveness_spot_check == 0.2  # the default
    (tmp_path / "kiosk.toml").write_text("liveness_spot_check = 1.5\n")
    with pytest.raises(ValueError, match="share of clearly live attempts challenged anyway, from 0 to 1"):
        load_settings(tmp_path)
    (tmp_path / "kiosk.toml").write_text("liveness_spot_check = 0.0\n")
    assert load_settings(tmp_path).liveness_spot_check == 0.0
    monkeypatch.setenv("KIOSK_LIVENESS_SPOT_CHECK", "0.5")
    settings = load_settings(tmp_path)
    assert ChallengeGate.for_service(type("S", (), {"settings": settings})()).spot_check == 0.5
    with pytest.raises(ValueError, match="from 0 to 1"):
        ChallengeGate(None, "on_doubt", spot_check=-0.1)


def test_the_policy_setting_is_checked_when_read(tmp_path, monkeypatch):
    (tmp_path / "kiosk.toml").write_text('liveness_challenge = "sometimes"\n')
    with pytest.raises(ValueError, match="liveness_challenge must be one of off, on_doubt, always"):
        load_settings(tmp_path)
    assert load_settings(tmp_path / "fresh").liveness_challenge == "on_doubt"  # the default
    monkeypatch.setenv("KIOSK_LIVENESS_CHALLENGE", "always")
    (tmp_path / "kiosk.toml").write_text('liveness_challenge_seconds = 3.0\ncamera_mirrored = true\n')
    settings = load_settings(tmp_path)
    assert settings.liveness_challenge == "always" and settings.camera_mirrored
    gate = ChallengeGate.for_service(type("S", (), {"settings": settings})())
    assert gate.config.window_s == 3.0 and gate.config.mirrored and gate.policy == "always"
    with pytest.raises(ValueError, match="0.5 to 30 seconds"):
        load_settings(tmp_path, liveness_challenge_seconds=100)


def test_no_challenge_costs_nothing_per_frame(service, frames):
    """With the policy off no gate state exists and `observe` returns at once."""
    service.settings.liveness_challenge = "off"
    live = LiveRecognizer(service)
    decisions = [live.process(frame, now=t) for t, frame in frames[:6]]
    assert live.challenges.tracks == {} and all(f.challenge is None for d in decisions for f in d.faces)
    assert any(d.checkins for d in decisions)
