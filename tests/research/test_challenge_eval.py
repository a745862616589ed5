"""The challenge evaluation's bookkeeping: which policy accepts an attempt, which instructions a clip
performs in a window (from its manifest notes), and the per-attempt error counts."""
from __future__ import annotations

import pytest

from kiosk.recognition.challenge import LOOK_UP, PASSED, TURN_LEFT, TURN_RIGHT
from kiosk.research.challenge_eval import CLIPS, analytic, challenged, per_attempt, performed, policy_outcome


def test_policies_decide_in_the_documented_order():
    # passive under the threshold: refused whatever the challenge did, except with no passive score
    assert not policy_outcome(True, 0.2, 0.33, 0.9, "on_doubt")
    assert not policy_outcome(True, 0.2, 0.33, 0.9, "always")
    assert policy_outcome(False, 0.95, 0.33, 0.9, "on_doubt")  # clearly live: no challenge
    assert not policy_outcome(False, 0.95, 0.33, 0.9, "always")
    assert policy_outcome(True, 0.5, 0.33, 0.9, "on_doubt") and not policy_outcome(False, 0.5, 0.33, 0.9, "on_doubt")
    assert policy_outcome(False, 0.5, 0.33, 0.9, "off") and not policy_outcome(True, 0.1, 0.33, 0.9, "off")


def test_what_a_clip_performs_in_a_window():
    clip = CLIPS["zubair_webcam_turns"]  # own right turn 7.0-8.7 s, own left 9.5-11.6 s
    assert performed(clip, 6.0, 10.0) == {TURN_RIGHT, TURN_LEFT}
    assert performed(clip, 0.0, 4.0) == set()
    assert LOOK_UP not in performed(CLIPS["tdreplay_630b66fa_phone_replay_turns"], 0.0, 12.0)


def test_per_attempt_counts_attacks_by_type_and_live_refusals():
    attacks = [{"clip": "tranvan_monitor_replay_turns", "passed": True, "passive": 0.5},
               {"clip": "tdreplay_628befdf_phone_replay_turns", "passed": False, "passive": 0.95},
               {"clip": "zubair_webcam_turns", "passed": True, "passive": 0.95}]  # live: not an attack
    live = [{"state": PASSED, "passive": 0.5}, {"state": "failed", "passive": 0.5}]
    counts = per_attempt(live, attacks, 0.33, 0.9)
    assert counts["on_doubt"]["APCER TV/monitor replay"] == [1, 1]
    assert counts["on_doubt"]["APCER phone/screen replay"] == [1, 1]
    assert counts["always"]["APCER phone/screen replay"] == [0, 1]
    assert counts["on_doubt"]["BPCER unmasked (one step)"] == [1, 2]
    assert counts["off"]["BPCER unmasked (one step)"] == [0, 2]


def test_on_doubt_counts_the_spot_check_as_an_expected_value():
    # steadily clear, the challenge would fail: accepted unless spot-checked (1 - 0.2)
    assert policy_outcome(False, 0.95, 0.33, 0.9, "on_doubt", 0.2, lowest=0.93) == pytest.approx(0.8)
    assert policy_outcome(True, 0.95, 0.33, 0.9, "on_doubt", 0.2, lowest=0.93) == pytest.approx(1.0)
    # clear now but not over the kept scores: always challenged; the rule before ignored that
    assert policy_outcome(False, 0.95, 0.33, 0.9, "on_doubt", 0.2, lowest=0.5) == 0.0
    assert policy_outcome(False, 0.95, 0.33, 0.9, "on_doubt_mean", 0.2, lowest=0.5) == 1.0
    assert challenged(0.95, 0.93, 0.33, 0.9, "on_doubt", 0.2) == 0.2
    assert challenged(0.2, 0.1, 0.33, 0.9, "always", 0.2) == 0.0  # refused passively: never asked


def test_the_analytic_apcer_is_the_sum_of_its_terms():
    runs = [{"clip": "tdreplay_628befdf_phone_replay_turns", "passed": False, "passive": 0.95, "lowest": 0.93},
            {"clip": "tdreplay_628befdf_phone_replay_turns", "passed": True, "passive": 0.5, "lowest": 0.4},
            {"clip": "tdreplay_628befdf_phone_replay_turns", "passed": True, "passive": 0.1, "lowest": 0.1},
            {"clip": "tdreplay_628befdf_phone_replay_turns", "passed": False, "passive": 0.6, "lowest": 0.5}]
    terms = analytic(runs, 0.33, 0.9, 0.2)["phone/screen replay"]
    assert (terms["clear"], terms["doubt"], terms["refused"], terms["doubt_passed"]) == (1, 2, 1, 1)
    assert terms["apcer"] == pytest.approx((1 / 4) * 0.8 + 1 / 4)
    counts = per_attempt([], runs, 0.33, 0.9, 0.2)["on_doubt"]["APCER phone/screen replay"]
    assert counts == [pytest.approx(1.8), 4]
