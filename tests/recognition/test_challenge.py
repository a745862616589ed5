"""The challenge state machine on real footage: a few frames of a real webcam head turn
(../shared/faces/challenge/live_turns/zubair_webcam_turns.mov: the face toward the picture's left,
i.e. the person's own right, from about 7.0 s) and of a real blink (live_blinks/dinoman, eyes
closed at 0.56-0.68 s), through the kiosk's detector, embedder and dlib's 68 points."""
from __future__ import annotations

import secrets

import numpy as np
import pytest

from kiosk.recognition.challenge import (
    BLINK,
    FACE_CHANGED,
    FACE_LOST,
    FAILED,
    INSTRUCTIONS,
    LOOK_DOWN,
    LOOK_UP,
    PASSED,
    TIMEOUT,
    TURN_LEFT,
    TURN_RIGHT,
    WRONG_MOVE,
    Challenge,
    ChallengeConfig,
    Observation,
    chance_pass,
    choose_instructions,
)
from kiosk.recognition.head_pose import eye_aspect_ratio, pose_from_five
from kiosk.vision.landmarks68 import Landmarks68
from tests.challenge_clips import CLIPS, ZUBAIR, clip_frames


@pytest.fixture(scope="module")
def turn(pipeline):
    """Observations of the webcam clip from 6.2 s (frontal) to 8.0 s (turned to his own right)."""
    obs = []
    for t, frame in clip_frames(ZUBAIR, 6.2, 8.0):
        faces = pipeline.analyze(frame, pad_retry=False)
        face = max(faces, key=lambda f: f.area)
        obs.append(Observation(t, 1, face.landmarks, face.embedding))
    return obs


@pytest.fixture(scope="module")
def blink(pipeline):
    """The blink clip's first second (upscaled 4x and padded: the crop is 96x128), with eye ratios."""
    landmarks = Landmarks68()
    obs = []
    for t, frame in clip_frames(CLIPS / "live_blinks" / "dinoman_facecrop_blinks.mp4", 0.0, 1.0, upscale=4):
        face = max(pipeline.analyze(frame, pad_retry=False), key=lambda f: f.area)
        ear = eye_aspect_ratio(landmarks.predict(frame, face.box))
        obs.append(Observation(t, 1, face.landmarks, face.embedding, ear))
    return obs


def answer(observations, instructions, config=ChallengeConfig(), reference=None):
    ref = observations[0].embedding if reference is None else reference
    challenge = Challenge(tuple(instructions), 1, ref, observations[0].t, config)
    for obs in observations:
        if challenge.feed(obs) != "running":
            break
    challenge.tick(observations[0].t + config.window_s + 0.01)
    return challenge


def test_a_real_turn_to_the_persons_own_right_answers_turn_right(turn):
    challenge = answer(turn, [TURN_RIGHT])
    assert challenge.state == PASSED
    seconds = challenge.passed_at - challenge.started
    assert 0.3 < seconds < 1.5  # the turn starts about 0.7 s after 6.2 s


def test_the_same_turn_asked_the_other_way_fails_as_a_wrong_move(turn):
    challenge = answer(turn, [TURN_LEFT])
    assert challenge.state == FAILED and challenge.reason == WRONG_MOVE


def test_a_mirrored_camera_reads_the_same_picture_the_other_way_round(turn):
    mirrored = ChallengeConfig(mirrored=True)
    assert answer(turn, [TURN_LEFT], mirrored).state == PASSED
    assert answer(turn, [TURN_RIGHT], mirrored).reason == WRONG_MOVE


@pytest.mark.parametrize("instruction", [LOOK_UP, LOOK_DOWN, BLINK])
def test_a_turn_answers_no_other_instruction(turn, instruction):
    assert answer(turn, [instruction]).state == FAILED


def test_two_steps_need_both_answers(turn):
    challenge = answer(turn, [TURN_RIGHT, LOOK_UP])
    assert challenge.state == FAILED and challenge.step == 1 and challenge.reason == TIMEOUT


def test_a_real_blink_answers_blink_and_nothing_else(blink):
    challenge = answer(blink, [BLINK])
    assert challenge.state == PASSED
    assert 0.5 < challenge.passed_at < 0.9  # eyes shut at 0.56-0.68 s, open again after
    for other in (TURN_LEFT, TURN_RIGHT, LOOK_UP, LOOK_DOWN):
        assert answer(blink, [other]).state == FAILED


def test_without_eye_readings_a_blink_cannot_pass(blink):
    blind = [Observation(o.t, o.track_id, o.five, o.embedding, None) for o in blink]
    assert answer(blind, [BLINK]).state == FAILED


def test_another_face_answering_fails(turn, blink):
    # Someone else's face (the blink clip's woman) against the man's recognised embedding.
    challenge = answer(blink, [BLINK], reference=turn[0].embedding)
    assert challenge.state == FAILED and challenge.reason == FACE_CHANGED
    # Another track taking over (a cut, a second face).
    other = [turn[0], Observation(turn[1].t, 2, turn[1].five, turn[1].embedding)]
    assert answer(other, [TURN_RIGHT]).reason == FACE_CHANGED


def test_a_face_unseen_too_long_fails(turn):
    challenge = Challenge((TURN_RIGHT,), 1, turn[0].embedding, turn[0].t)
    challenge.feed(turn[0])
    assert challenge.tick(turn[0].t + 0.7) == FAILED and challenge.reason == FACE_LOST


def test_the_window_is_the_whole_challenge(turn):
    late = [Observation(o.t + 5.0 if i else o.t, 1, o.five, o.embedding) for i, o in enumerate(turn)]
    challenge = Challenge((TURN_RIGHT,), 1, turn[0].embedding, turn[0].t, ChallengeConfig(max_gap_s=10))
    for obs in late:
        challenge.feed(obs)
    assert challenge.state == FAILED and challenge.reason == TIMEOUT


def test_instructions_are_random_distinct_and_from_the_five():
    rng = secrets.SystemRandom()
    seen = {choose_instructions(2, rng) for _ in range(400)}
    assert all(len(set(s)) == 2 and set(s) <= set(INSTRUCTIONS) for s in seen)
    assert len(seen) == 20  # every ordered pair comes up
    assert chance_pass(1) == pytest.approx(1 / 5) and chance_pass(2) == pytest.approx(1 / 20)


def test_bad_settings_and_instructions_are_refused():
    with pytest.raises(ValueError, match="time window"):
        ChallengeConfig(window_s=0.1)
    with pytest.raises(ValueError, match="instructions"):
        Challenge(("wave",), 1, None, 0.0)


def test_pose_signs_follow_the_picture():
    frontal = np.array([[40, 50], [80, 50], [60, 75], [45, 95], [75, 95]], float)
    right = frontal.copy()
    right[2, 0] += 12  # nose toward the picture's right
    down = frontal.copy()
    down[2, 1] += 10  # nose lower between eyes and mouth: head bowed
    assert abs(pose_from_five(frontal).yaw) < 1e-9
    assert pose_from_five(right).yaw == pytest.approx(0.3)
    assert pose_from_five(down).pitch > pose_from_five(frontal).pitch
    with pytest.raises(ValueError):
        pose_from_five(np.zeros((5, 2)))
