"""The challenge on the live path: which recognised tracks must answer one, running it on their
frames, the access log of every attempt, "try again" and, after repeated failures, the PIN.

Why a module of its own: the state machine (kiosk.recognition.challenge) knows nothing of tracks,
settings or the database; LiveRecognizer knows nothing of challenges beyond asking this gate
"may this track check in now?" and handing it each frame. When no challenge runs, `observe`
returns at once: a frame costs nothing more. dlib's 68 points (for blinks) are read only while
a blink is asked, from one model the service loads once.

Policy (`liveness_challenge` in kiosk.toml): "off"; "always" (every recognised track); "on_doubt"
(default: a track whose passive liveness held but is not steadily clear, i.e. some 3-frame mean of
its kept scores is under `liveness_clear`; plus an unpredictable spot check of the clear ones,
`liveness_spot_check`, drawn from the OS random source, so a replay that the passive models
happen to score clear cannot count on skipping the challenge; a track that failed the passive
check is still refused outright, and with the passive check off nothing is in doubt)."""
from __future__ import annotations

import logging
import secrets
import sqlite3
from dataclasses import dataclass, field

import numpy as np

from kiosk.common.refusals import Sentence
from kiosk.recognition.challenge import (
    BLINK,
    PASSED,
    POLICIES,
    RUNNING,
    WORDS,
    Challenge,
    ChallengeConfig,
    Observation,
    choose_instructions,
)
from kiosk.recognition.head_pose import eye_aspect_ratio
from kiosk.recognition.tracking import fuse_embeddings

log = logging.getLogger(__name__)

# Access-log outcomes of challenge attempts.
CHALLENGE_PASSED = "challenge_passed"
CHALLENGE_FAILED = "challenge_failed"
# Passive scores at or over this need no challenge under "on_doubt". Chosen on the passive
# still-image data (../shared/faces/spoof, docs/liveness.md), not on the challenge clips.
DEFAULT_CLEAR = 0.90
# The share of clear tracks challenged anyway under "on_doubt": a policy choice (one in five), not
# fitted to any clip; docs/liveness.md gives the attack rate and the cost for people as its function.
DEFAULT_SPOT_CHECK = 0.2
# Why a track answers a challenge (in the access log's detail).
WHY_ALWAYS, WHY_DOUBT, WHY_UNSTEADY, WHY_SPOT = "always", "in doubt", "unsteady", "spot check"
MAX_ATTEMPTS = 2  # then the worker-ID keypad (PIN) is the way in
RETRY_PAUSE_S = 1.5  # "try again" stays on screen this long before the next instruction
FORGET_S = 60.0  # a challenged track unseen this long is forgotten (the kiosk runs for days)
# What the screen shows per state, besides the instruction itself.
ASK, RETRY, USE_PIN = "ask", "retry", "pin"
ARROWS = {"turn_left": "left", "turn_right": "right", "look_up": "up", "look_down": "down", BLINK: "blink"}
REASONS = {"timeout": "no answer in time", "wrong_move": "moved the other way",
           "face_changed": "another face answered", "face_lost": "the face was lost"}


@dataclass(frozen=True)
class ChallengePrompt:
    """What the entrance screen shows (and says) for one track's challenge."""

    track_id: int
    state: str  # ASK, RETRY or USE_PIN
    instruction: str | None
    text: str
    arrow: str | None  # left / right / up / down / blink, from the person's own point of view
    step: int
    steps: int
    remaining_s: float
    attempt: int
    max_attempts: int

    @property
    def key(self) -> tuple:
        """Changes whenever something new is to be said."""
        return self.track_id, self.state, self.attempt, self.step


@dataclass
class _TrackChallenge:
    user_id: str | None
    name: str
    masked: bool
    passive: float | None
    why: str = ""
    attempt: int = 0
    challenge: Challenge | None = None
    retry_at: float | None = None
    done: bool = False
    last_reason: str = ""
    history: list = field(default_factory=list)
    seen_at: float = 0.0


def challenge_reason(policy: str, passive_mean: float | None, clear: float, lowest: float | None = None,
                     spot_check: float = 0.0, rng=None) -> str | None:
    """Why a track that would check in must answer a challenge first (None: it need not).

    "on_doubt": in doubt when the passive mean is under `clear`; unsteady when it is over but some
    earlier window of the track (`lowest`) was not (a replay the models are unsure of flickers, a
    person in front of the camera mostly does not); otherwise a spot check with probability
    `spot_check`, drawn from `rng` (the OS random source by default)."""
    if policy == "off":
        return None
    if policy == "always":
        return WHY_ALWAYS
    if passive_mean is None:
        return None
    if passive_mean < clear:
        return WHY_DOUBT
    if lowest is not None and lowest < clear:
        return WHY_UNSTEADY
    if spot_check > 0 and (rng or secrets.SystemRandom()).random() < spot_check:
        return WHY_SPOT
    return None


def needs_challenge(policy: str, passive_mean: float | None, clear: float, lowest: float | None = None,
                    spot_check: float = 0.0, rng=None) -> bool:
    """Whether a track that would check in must answer a challenge first."""
    return challenge_reason(policy, passive_mean, clear, lowest, spot_check, rng) is not None


def check_spot_check(value: float) -> float:
    value = float(value)
    if not 0.0 <= value <= 1.0:
        raise ValueError(Sentence("setting.spot_check", value=repr(value)))
    return value


def check_policy(policy: str) -> str:
    if policy not in POLICIES:
        raise ValueError(Sentence("setting.challenge_policy", choices=", ".join(POLICIES), value=repr(policy)))
    return policy


class ChallengeGate:
    """One per LiveRecognizer (track ids are the recognizer's)."""

    def __init__(self, service, policy: str = "on_doubt", config: ChallengeConfig | None = None,
                 clear: float = DEFAULT_CLEAR, max_attempts: int = MAX_ATTEMPTS, source: str = "camera",
                 record: bool = True, retry_pause_s: float = RETRY_PAUSE_S, rng=None,
                 spot_check: float = DEFAULT_SPOT_CHECK):
        self.service = service
        self.policy = check_policy(policy)
        self.config = config or ChallengeConfig()
        self.clear = float(clear)
        self.max_attempts = max(1, int(max_attempts))
        self.source = source
        self.record = record
        self.retry_pause_s = retry_pause_s
        self.rng = rng
        self.spot_check = check_spot_check(spot_check)
        self.tracks: dict[int, _TrackChallenge] = {}

    @classmethod
    def for_service(cls, service, **options) -> "ChallengeGate":
        settings = service.settings
        config = ChallengeConfig(window_s=float(settings.liveness_challenge_seconds),
                                 mirrored=bool(settings.camera_mirrored))
        clear = DEFAULT_CLEAR if settings.liveness_clear is None else float(settings.liveness_clear)
        options.setdefault("spot_check", getattr(settings, "liveness_spot_check", DEFAULT_SPOT_CHECK))
        return cls(service, check_policy(settings.liveness_challenge), config, clear, **options)

    @property
    def running(self) -> bool:
        return any(not s.done for s in self.tracks.values())

    def reset(self) -> None:
        self.tracks.clear()

    def is_running(self, track_id: int) -> bool:
        state = self.tracks.get(track_id)
        return state is not None and not state.done

    # -- LiveRecognizer's questions -----------------------------------------------------------
    def allows(self, track, match, passive_mean: float | None, now: float, lowest: float | None = None) -> bool:
        """May this track (whose vote agreed on a person) check in now? Starts its challenge when
        the policy asks for one; True once it passed (or none is needed). `lowest`: the track's
        least clear window of passive scores (lowest_window). A track drawn for a spot check keeps
        its challenge; one that was not checks in on this very call, so no redraw is left to try."""
        state = self.tracks.get(track.track_id)
        if state is None:
            why = challenge_reason(self.policy, passive_mean, self.clear, lowest, self.spot_check, self.rng)
            if why is None:
                return True
            state = self.tracks[track.track_id] = _TrackChallenge(
                match.user_id if match.accepted else None, match.name if match.accepted else "",
                bool(match.masked_template), passive_mean, why, seen_at=now)
            self._start(state, track, now)
        if state.challenge is not None and state.challenge.state == PASSED:
            return True
        if state.retry_at is not None and now >= state.retry_at and not state.done:
            self._start(state, track, now)
        return False

    def _start(self, state: _TrackChallenge, track, now: float) -> None:
        state.attempt += 1
        state.retry_at = None
        reference = fuse_embeddings(track.embeddings) if track.embeddings else None
        state.challenge = Challenge(choose_instructions(self.config.steps, self.rng), track.track_id,
                                    reference, now, self.config)

    def observe(self, frame_bgr: np.ndarray, now: float, faces, tracks) -> None:
        """This frame's faces (and their tracks) for the running challenges; returns at once when
        none runs."""
        if not self.tracks:
            return
        present = {t.track_id for t in tracks}
        for track_id, state in list(self.tracks.items()):
            if track_id in present:
                state.seen_at = now
            elif now - state.seen_at > FORGET_S:
                del self.tracks[track_id]
                continue
            challenge = state.challenge
            if challenge is None or challenge.state != RUNNING:
                continue
            face = next((f for f, t in zip(faces, tracks) if t.track_id == track_id), None)
            if face is None:
                challenge.tick(now)
            else:
                ear = None
                if challenge.instruction == BLINK:
                    ear = self._ear(frame_bgr, face)
                challenge.feed(Observation(now, track_id, np.asarray(face.landmarks, np.float64),
                                           face.embedding, ear))
            if challenge.state != RUNNING:
                self._ended(state, challenge, now)

    def _ear(self, frame_bgr: np.ndarray, face) -> float | None:
        try:
            return eye_aspect_ratio(self.service.landmarks68.predict(frame_bgr, face.box))
        except (ValueError, RuntimeError, FileNotFoundError) as exc:  # no dlib: a blink cannot pass
            log.error("blink challenge cannot read the eyes: %s", exc)
            return None

    def _ended(self, state: _TrackChallenge, challenge: Challenge, now: float) -> None:
        passed = challenge.state == PASSED
        state.history.append((challenge.instructions, challenge.state, challenge.reason))
        state.last_reason = challenge.reason
        seconds = (challenge.passed_at if passed and challenge.passed_at is not None else now) - challenge.started
        words = ", ".join(challenge.instructions)
        detail = (f"attempt {state.attempt}/{self.max_attempts}: {words}; "
                  + (f"passed in {seconds:.1f} s" if passed else
                     f"failed ({challenge.reason}: {REASONS.get(challenge.reason, challenge.reason)}) "
                     f"after {seconds:.1f} s")
                  + ("" if state.passive is None else f"; passive liveness {state.passive:.3f}")
                  + (f"; asked because: {state.why}" if state.why else ""))
        if not passed:
            if state.attempt >= self.max_attempts:
                state.done = True
                detail += "; worker ID and PIN offered"
            else:
                state.retry_at = now + self.retry_pause_s
        else:
            state.done = True
        log.info("liveness challenge for %s: %s", state.user_id or "an unknown face", detail)
        if self.record:
            try:
                self.service.db.log_access(CHALLENGE_PASSED if passed else CHALLENGE_FAILED,
                                           employee_id=state.user_id, name=state.name, score=state.passive,
                                           masked=state.masked, source=self.source, detail=detail)
            except (sqlite3.Error, OSError) as exc:  # the log is not worth a lost check-in
                log.warning("challenge attempt not written to the access log: %s", exc)

    # -- what the screen shows ----------------------------------------------------------------
    def prompt(self, track_id: int, now: float) -> ChallengePrompt | None:
        state = self.tracks.get(track_id)
        if state is None:
            return None
        challenge = state.challenge
        if challenge is not None and challenge.state == PASSED:
            return None
        if state.done:
            return ChallengePrompt(track_id, USE_PIN, None, "Please check in with your worker ID", None,
                                   0, 0, 0.0, state.attempt, self.max_attempts)
        if state.retry_at is not None:
            return ChallengePrompt(track_id, RETRY, None, "Not quite - let's try again", None, 0, 0,
                                   max(0.0, state.retry_at - now), state.attempt, self.max_attempts)
        instruction = None if challenge is None else challenge.instruction
        if challenge is None or instruction is None:  # ended on this frame: the gate says what next
            return None
        return ChallengePrompt(track_id, ASK, instruction, WORDS[instruction], ARROWS[instruction],
                               challenge.step + 1, len(challenge.instructions), challenge.remaining(now),
                               state.attempt, self.max_attempts)
