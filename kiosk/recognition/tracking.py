"""Decisions over several frames, shared by the live screen and the video tool.

Faces are tracked from frame to frame by box overlap. Each track is matched on the mean of its
last `fuse_frames` embeddings (multi-frame fusion: measured in docs/evaluation, it lifts masked
TAR at FAR 0.5% from 95% to 100% on the tuning set), and it is confirmed as a person only when
the last `confirm_frames` decisions agree on them (one bad frame never checks anyone in).

A track never carries a name to another face. Box overlap says nothing about who is under the
box: after a cut, or when a second person steps into the same place or people cross, the box
still overlaps while the face is someone else's. So a face continues a track only when it is
still that face: its embedding is close enough to the track's previous one (`min_continuity`,
per embedder, calibrated on real footage by benchmarks/track_continuity.py:
docs/evaluation/track_continuity.md), the track was seen less than `max_gap_s` ago (frames lost,
recognition paused, the camera reconnected), and this frame alone does not name someone else.
Otherwise the face starts a new track: its history, fusion and vote start from this frame, so
the label is this face's own decision at once and a check-in needs its own agreeing frames.
A confirmed track records attendance once (the database's cooldown handles repeat visits);
an unknown track is written to the access log once, not once per frame.

Liveness (kiosk.recognition.liveness), when on, is decided per track too: the mean score of the
track's last `liveness_frames` frames must reach the threshold (one frame is noisy:
docs/evaluation/liveness.md), on the frame that checks in; the window slides, so a phone
swapped in front of a live face drags it down before the vote for the phone's face agrees.
Until a window is full the track cannot check in; once a window failed it never does (the
person steps away and comes back as a new track), the screen asks neutrally to step closer, and
the attempt is logged once as spoof_suspected with the score."""
from __future__ import annotations

import dataclasses
import itertools
import logging
import sqlite3
import time
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from kiosk.gallery.learning import SOURCE_FACE
from kiosk.recognition.challenge import lowest_window
from kiosk.recognition.decision import UNSURE
from kiosk.recognition.matcher import UNKNOWN, MatchResult
from kiosk.vision.types import Face, iou

log = logging.getLogger(__name__)

UNKNOWN_LABEL = "Unknown"
# A face over the threshold but too close to a second person (kiosk.recognition.decision): nobody is
# named, the person is asked to look again.
UNSURE_LABEL = "Please look at the camera"
# The liveness check failed: no accusation on screen (a live person can fail it too).
LIVENESS_LABEL = "Please step closer and look at the camera"


# A track not seen for this long is not continued: the face may have changed unseen.
MAX_GAP_S = 1.0
# The minimum similarity of a face to itself on the previous processed frame, for embedders
# without a measured value of their own (`default_continuity`; FaceNet's weights cannot be had
# here): MobileFaceNet's, for cosine embedders with a similar stranger spread (a wrongly split
# track only restarts its vote).
CONTINUITY_FALLBACK = 0.50


def continuity_for(embedder) -> float:
    return float(getattr(embedder, "default_continuity", CONTINUITY_FALLBACK))


def backed_by_frame(fused: MatchResult, own: MatchResult) -> MatchResult:
    """A tracked face's decision on one frame: the fused decision, but a fused name stands only
    when this frame alone ranks that person first (fusion may strengthen a frame's evidence,
    never overrule it); otherwise the frame is "not sure". Shared with the open-set evaluation's
    live tracks (kiosk.research.openset)."""
    top = own.candidates[0].user_id if own.candidates else None
    if fused.accepted and top != fused.user_id:
        return dataclasses.replace(fused, user_id=None, name=UNKNOWN, accepted=False, decision=UNSURE)
    return fused


def fuse_embeddings(embeddings) -> np.ndarray:
    """The unit mean of a track's last few embeddings: noise of single frames averages out."""
    mean = np.mean(np.asarray(list(embeddings), np.float32), axis=0)
    return (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)


@dataclass
class Track:
    track_id: int
    box: np.ndarray
    history: deque = field(default_factory=lambda: deque(maxlen=10))
    embeddings: deque = field(default_factory=deque)
    last_embedding: np.ndarray | None = None  # this face on the track's last frame (continuity)
    last_seen: float = 0.0
    missed: int = 0
    confirmed_id: str | None = None
    recorded: bool = False
    unknown_logged: bool = False
    # Liveness over the track: None undecided (or liveness off), True held, False failed.
    live: bool | None = None
    liveness_scores: deque = field(default_factory=lambda: deque(maxlen=10))
    spoof_logged: bool = False


@dataclass
class TrackedFace:
    """What the screen draws for one face in one frame."""

    track_id: int
    box: list[int]  # x, y, w, h
    label: str  # the person's name, or "Unknown"
    user_id: str | None
    similarity: float
    masked_template: bool
    confirmed: bool
    match: MatchResult
    face: Face
    liveness: float | None = None  # this frame's liveness score (None: liveness off)
    live: bool | None = None  # the track's liveness verdict (Track.live)
    challenge: object | None = None  # kiosk.app.challenge_gate.ChallengePrompt while one is asked

    def as_dict(self) -> dict:
        return {"track": self.track_id, "name": self.label, "user_id": self.user_id,
                "similarity": round(self.similarity, 4), "box": self.box,
                "masked": self.masked_template, "confirmed": self.confirmed,
                "liveness": None if self.liveness is None else round(self.liveness, 4), "live": self.live}


@dataclass
class FrameDecision:
    faces: list[TrackedFace]
    checkins: list  # attendance CheckIn objects recorded on this frame (recorded or cooldown)
    timings: dict[str, float]


class LiveRecognizer:
    """Frame in, tracked and voted decisions out. `service` is a KioskService."""

    def __init__(self, service, confirm_frames: int | None = None, record: bool = True,
                 source: str = "camera", max_missed: int = 5, min_iou: float = 0.3, fuse_frames: int = 3,
                 liveness_frames: int = 3, min_continuity: float | None = None, max_gap_s: float = MAX_GAP_S):
        self.service = service
        self.min_continuity = continuity_for(service.pipeline.embedder) if min_continuity is None else min_continuity
        self.max_gap_s = max_gap_s
        self.splits = 0  # faces that overlapped a track but were not its face (diagnostics)
        self.confirm_frames = max(1, confirm_frames or service.settings.confirm_frames)
        self.record = record
        self.source = source
        self.max_missed = max_missed
        self.min_iou = min_iou
        self.fuse_frames = max(1, fuse_frames)
        self.liveness_frames = max(1, liveness_frames)
        self.tracks: list[Track] = []
        self._ids = itertools.count(1)
        # Challenge-response liveness (kiosk.app.challenge_gate), when the service offers it.
        make_gate = getattr(service, "challenge_gate", None)
        self.challenges = make_gate(source=source, record=record) if callable(make_gate) else None
        self._now = 0.0

    def reset(self) -> None:
        self.tracks.clear()
        if self.challenges is not None:
            self.challenges.reset()
        reset = getattr(getattr(self.service.pipeline, "live_detector", None), "reset", None)
        if reset is not None:
            reset()

    def process(self, frame_bgr: np.ndarray, now: float | None = None) -> FrameDecision:
        now = time.monotonic() if now is None else now
        t0 = time.perf_counter()
        faces = [f for f in self.service.pipeline.analyze(frame_bgr, pad_retry=False, live=True) if f.embedding is not None]
        timings = dict(self.service.pipeline.last_timings)
        t1 = time.perf_counter()
        tracks = self._associate(faces, now)
        self._now = now
        t_live = time.perf_counter()
        scores = [self._liveness(frame_bgr, track, face) for face, track in zip(faces, tracks)]
        if self.challenges is not None:
            self.challenges.observe(frame_bgr, now, faces, tracks)
        timings["liveness"] = (time.perf_counter() - t_live) * 1e3
        fused = [dataclasses.replace(face, embedding=self._fuse(track, face.embedding))
                 for face, track in zip(faces, tracks)]
        # This frame alone is decided too (one matrix product more): a fused name that this frame
        # contradicts is not carried (_reverify).
        results = self.service.decide(fused + faces, record=False, live=True) if fused else []
        fused_results, own_results = results[:len(fused)], results[len(fused):]
        timings["match"] = (time.perf_counter() - t1) * 1e3
        tracked: list[TrackedFace] = []
        checkins: list = []
        for i, (fused_result, own_result, face, score) in enumerate(zip(fused_results, own_results, faces, scores)):
            tracks[i], match = self._reverify(tracks[i], fused_result.match, own_result.match, face, now)
            tracked.append(self._vote(tracks[i], match, face, checkins, score))
        for checkin in checkins:
            self._refresh_mask(frame_bgr, checkin, tracked)
        timings["total"] = (time.perf_counter() - t0) * 1e3
        return FrameDecision(tracked, checkins, timings)

    def _refresh_mask(self, frame_bgr: np.ndarray, checkin, tracked: list[TrackedFace]) -> None:
        """A confident masked face check-in may refresh the person's learned real-mask template,
        under the same anti-poisoning rule as a PIN check-in (kiosk.recognition.pin_checkin.learn_mask).
        Only queued here (KioskService.queue_learning): the judging and the gallery write happen
        on the service's learning worker, so this frame never waits for the disk."""
        if checkin.outcome != "checked_in":
            return
        face = next((t for t in tracked if t.user_id == checkin.employee_id and t.match.probe_masked), None)
        if face is None:
            return
        try:
            self.service.queue_learning(checkin.employee_id, frame_bgr, face.face, source=SOURCE_FACE)
        except Exception as exc:  # learning is a bonus: it never stops the live path
            log.warning("could not queue the mask template refresh of %s: %s", checkin.employee_id, exc)

    def _liveness(self, frame_bgr: np.ndarray, track: Track, face: Face) -> float | None:
        """This frame's liveness score, and the track's verdict once it has enough frames: the
        mean of its last `liveness_frames` scores against the threshold; a failure is final.
        Not computed once the track has checked in (nothing left to decide), nor while it answers
        a challenge (the verdict that started it stands; a turned head is no passive evidence)."""
        if track.confirmed_id is not None or (self.challenges is not None
                                              and self.challenges.is_running(track.track_id)):
            return None
        result = self.service.check_liveness(frame_bgr, face)
        if result is None:
            return None
        track.liveness_scores.append(result.score)
        if len(track.liveness_scores) >= self.liveness_frames and track.live is not False:
            track.live = self._liveness_mean(track) >= result.threshold
        face.extra["liveness"] = result
        return result.score

    def _liveness_mean(self, track: Track) -> float:
        return float(np.mean(list(track.liveness_scores)[-self.liveness_frames:]))

    def _log_spoof(self, track: Track, match: MatchResult) -> None:
        """The failed attempt in the access log, once per track (retried if the database refused)."""
        mean = self._liveness_mean(track)
        detail = (f"liveness {mean:.3f} < {self.service.liveness.threshold} over the last {self.liveness_frames} "
                  f"frames; closest {match.user_id or 'nobody'} similarity {match.score:.3f}")
        try:
            self.service.record_spoof(match, mean, detail, source=self.source)
            track.spoof_logged = True
        except (sqlite3.Error, OSError) as exc:
            log.warning("spoof_suspected not written yet (%s); retrying on the next frame", exc)

    def _fuse(self, track: Track, embedding: np.ndarray) -> np.ndarray:
        track.embeddings.append(np.asarray(embedding, np.float32))
        return fuse_embeddings(track.embeddings)

    def _associate(self, faces: list[Face], now: float) -> list[Track]:
        """Greedy IoU matching of this frame's faces to existing tracks, each pair only if the face
        is still the track's face (`_continues`); new tracks for the rest."""
        pairs = sorted(((iou(f.box, t.box), i, j) for i, f in enumerate(faces)
                        for j, t in enumerate(self.tracks)), reverse=True)
        assigned: dict[int, Track] = {}
        used: set[int] = set()
        for overlap, i, j in pairs:
            if overlap < self.min_iou:
                break
            if i in assigned or j in used:
                continue
            if not self._continues(self.tracks[j], faces[i], now):
                self.splits += 1
                continue
            assigned[i] = self.tracks[j]
            used.add(j)
        for j, track in enumerate(self.tracks):
            track.missed = 0 if j in used else track.missed + 1
        self.tracks = [t for t in self.tracks if t.missed <= self.max_missed]
        out = []
        for i, face in enumerate(faces):
            track = assigned.get(i) or self._new_track(face)
            track.box = face.box.copy()
            track.last_seen = now
            track.last_embedding = np.asarray(face.embedding, np.float32)
            out.append(track)
        return out

    def _new_track(self, face: Face) -> Track:
        track = Track(next(self._ids), face.box.copy(), embeddings=deque(maxlen=self.fuse_frames))
        self.tracks.append(track)
        return track

    def _continues(self, track: Track, face: Face, now: float) -> bool:
        """Is this face still the track's face? Seen recently, and like itself a frame ago."""
        if track.last_embedding is None or face.embedding is None or now - track.last_seen > self.max_gap_s:
            return False
        return float(np.dot(track.last_embedding, face.embedding)) >= self.min_continuity

    def _reverify(self, track: Track, fused: MatchResult, own: MatchResult, face: Face,
                  now: float) -> tuple[Track, MatchResult]:
        """The track's decision for this frame. Fusion may strengthen this frame's own evidence,
        never overrule it: when this frame alone names someone other than the track's fused
        decision or confirmed person, the face is not the track's (it starts a new track, decided
        on this frame alone); when this frame alone ranks someone else first, the fused name is
        not given on it ("not sure" for this frame)."""
        if own.accepted and track.history:  # an existing track: is this still its person?
            named = {uid for uid in (fused.user_id if fused.accepted else None, track.confirmed_id) if uid}
            if named and named != {own.user_id}:
                self.splits += 1
                self.tracks.remove(track)  # the old track ends here: its name stays with it
                new = self._new_track(face)
                new.last_seen, new.last_embedding = now, np.asarray(face.embedding, np.float32)
                new.embeddings.append(np.asarray(face.embedding, np.float32))
                return new, own
        return track, backed_by_frame(fused, own)

    def _write(self, match: MatchResult):
        """The attendance/access-log write for one decision, or None when the database refused it
        (locked past its timeout, disk full): the track keeps its visit and tries again on its
        next frame, so a transient failure loses nothing while the person is in view."""
        try:
            return self.service.record(match, source=self.source)
        except (sqlite3.Error, OSError) as exc:
            log.warning("attendance for %s not written yet (%s); retrying on the next frame",
                        match.user_id or "an unknown face", exc)
            return None

    def _vote(self, track: Track, match: MatchResult, face: Face, checkins: list,
              liveness: float | None = None) -> TrackedFace:
        if track.live is False and track.confirmed_id is None:  # never checked in, never named
            if self.record and not track.spoof_logged:
                self._log_spoof(track, match)
            return TrackedFace(track.track_id, face.xywh(), LIVENESS_LABEL, None, match.score,
                               match.masked_template, False, match, face, liveness, False)
        track.history.append((match.user_id if match.accepted else None, match.score))
        recent = list(track.history)[-self.confirm_frames:]
        agreed = len(recent) == self.confirm_frames and len({uid for uid, _ in recent}) == 1
        waiting = liveness is not None and track.live is not True  # liveness not (yet) held
        if agreed and recent[0][0] is not None and not waiting and self._challenge_allows(track, match):
            track.confirmed_id = recent[0][0]
            if self.record and not track.recorded:
                checkin = self._write(match)
                if checkin is not None:  # marked only once written: a failed write is retried next frame
                    track.recorded = True
                    checkins.append(checkin)
        elif agreed and recent[0][0] is None and self.record and not track.unknown_logged \
                and track.confirmed_id is None and not waiting:
            track.unknown_logged = self._write(match) is not None
        confirmed = track.confirmed_id is not None and match.user_id == track.confirmed_id
        scores = [s for uid, s in recent if uid == match.user_id]
        similarity = float(np.mean(scores)) if scores else match.score
        label = match.name if match.accepted else UNSURE_LABEL if match.unsure else UNKNOWN_LABEL
        prompt = None if self.challenges is None else self.challenges.prompt(track.track_id, self._now)
        return TrackedFace(track.track_id, face.xywh(), label if label != UNKNOWN else UNKNOWN_LABEL,
                           match.user_id if match.accepted else None, similarity, match.masked_template,
                           confirmed, match, face, liveness, track.live, prompt)

    def _challenge_allows(self, track: Track, match: MatchResult) -> bool:
        """The challenge gate's word on a track about to check in (True without a gate)."""
        if self.challenges is None:
            return True
        passive = self._liveness_mean(track) if track.liveness_scores else None
        lowest = lowest_window(track.liveness_scores, self.liveness_frames)  # None without scores
        return self.challenges.allows(track, match, passive, self._now, lowest)
