"""The entrance screen during a liveness challenge: the big instruction (arrow and words) over the
video while the real LiveRecognizer asks, the welcome once the real head turn answered it, and the
worker-ID button after failures. Real clip frames (zubair_webcam_turns.mov), real models."""
from __future__ import annotations

import time

from kiosk.app.challenge_gate import ChallengeGate
from kiosk.recognition.challenge import LOOK_UP, TURN_RIGHT, ChallengeConfig
from kiosk.ui.pages.live import LivePage
from kiosk.ui.worker import LiveResult
from tests.challenge_clips import ZUBAIR, FixedChoice, clip_frames, enroll_zubair


def run_page(qtbot, make_service, instruction, max_attempts=2, window_s=4.0, until=9.6):
    service = make_service(liveness=False, liveness_challenge="always")
    enroll_zubair(service)
    page = LivePage(service)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    live = service.live_recognizer(source="camera")
    live.challenges = ChallengeGate(service, "always", ChallengeConfig(window_s=window_s, steps=1),
                                    max_attempts=max_attempts,
                                    rng=FixedChoice(instruction))
    seen = []
    for i, (t, frame) in enumerate(clip_frames(ZUBAIR, 6.2, until)):
        decision = live.process(frame, now=t)
        page.on_result(LiveResult(i, time.monotonic(), time.monotonic(), decision, 15.0, 0, frame))
        qtbot.wait(1)
        seen.append((page.challenge_prompt.isVisible(), page.challenge_prompt.text.text(),
                     page.challenge_prompt.symbol.kind, page.banner.text()))
    return page, seen


def test_the_instruction_is_shown_big_then_the_welcome(qtbot, make_service):
    page, seen = run_page(qtbot, make_service, TURN_RIGHT)
    shown = [s for s in seen if s[0]]
    assert shown and shown[0][1] == "Turn your head to your right" and shown[0][2] == "right"
    font = page.challenge_prompt.text.fontInfo().pixelSize()
    assert font >= 40  # readable from a metre away
    assert page.challenge_prompt.symbol.width() >= 150
    assert any("Zubair Webcam" in s[3] for s in seen)  # the welcome after the answer
    assert not page.challenge_prompt.isVisible()


def test_after_failures_the_worker_id_way_in_is_offered(qtbot, make_service):
    page, seen = run_page(qtbot, make_service, LOOK_UP, max_attempts=1, window_s=2.0)
    assert seen[-1][0] and "worker ID" in seen[-1][1]
    assert page.worker_button.isVisible()
    assert not any("Zubair Webcam" in s[3] for s in seen)


def test_the_speaker_says_whether_it_can_speak(qtbot, make_service, caplog):
    from kiosk.ui.speech import Speaker

    speaker = Speaker()
    if speaker.available:
        assert speaker.say("Turn your head to your left")
    else:
        assert speaker.problem and not speaker.say("Turn your head to your left")
