"""Real clips replayed through the live path, frame by frame, for the challenge evaluation.

Each clip is decoded with its own timestamps (the container's, not frame index / nominal fps),
every frame goes through the kiosk's LiveRecognizer (detection, embedding, tracking, the passive
liveness models) on a service with an empty gallery (nobody is checked in: the challenge and
liveness are what is measured), and for every tracked face the observation the challenge state
machine needs is kept: time, track id, the detector's 5 points, the embedding, dlib's 68 points
and the passive score. The observations are cached (pickle, outside the repository), so the
state machine can be replayed under every instruction and start time in seconds.

Clips whose short side is under MIN_SIDE pixels (the tiny blink crop) are upscaled first and
padded, as a camera frame would show such a face with context around it.
"""
from __future__ import annotations

import hashlib
import logging
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from kiosk.recognition.head_pose import eye_aspect_ratio
from kiosk.vision.landmarks68 import Landmarks68

log = logging.getLogger(__name__)

MIN_SIDE = 320
CACHE_VERSION = 1


@dataclass
class FaceObs:
    track_id: int
    box: np.ndarray
    five: np.ndarray
    embedding: np.ndarray
    landmarks68: np.ndarray | None
    ear: float | None
    liveness: float | None


@dataclass
class FrameObs:
    t: float  # seconds from the clip's start (container timestamps)
    faces: list[FaceObs] = field(default_factory=list)


def read_frames(path: Path):
    """(seconds, BGR frame) for every frame of the clip, upscaled and padded when tiny."""
    cap = cv2.VideoCapture(str(path))
    if not cap.isOpened():
        raise ValueError(f"{path} could not be opened as a video")
    fps = cap.get(cv2.CAP_PROP_FPS) or 30.0
    index = 0
    try:
        while True:
            ok, frame = cap.read()
            if not ok:
                break
            ms = cap.get(cv2.CAP_PROP_POS_MSEC)
            t = ms / 1e3 if ms and ms > 0 else index / fps
            if index == 0:
                t = 0.0 if not ms else t
            short = min(frame.shape[:2])
            if short < MIN_SIDE:
                scale = int(np.ceil(MIN_SIDE / short))
                frame = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
                pad = frame.shape[0] // 3
                frame = cv2.copyMakeBorder(frame, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
            yield t, frame
            index += 1
    finally:
        cap.release()


def observe_clip(path: Path, service, landmarks: Landmarks68) -> list[FrameObs]:
    """Every frame of the clip through the live path (a fresh LiveRecognizer, record=False)."""
    recognizer = service.live_recognizer(source="evaluation", record=False)
    frames: list[FrameObs] = []
    start = None
    for t, image in read_frames(path):
        start = t if start is None else start
        decision = recognizer.process(image, now=t)
        obs = FrameObs(t - start)
        for tracked in decision.faces:
            face = tracked.face
            try:
                lm = landmarks.predict(image, face.box)
                ear = eye_aspect_ratio(lm)
            except ValueError:
                lm, ear = None, None
            obs.faces.append(FaceObs(tracked.track_id, np.asarray(face.box, np.float32),
                                     np.asarray(face.landmarks, np.float32),
                                     np.asarray(face.embedding, np.float32), lm, ear, tracked.liveness))
        frames.append(obs)
    return frames


def cached_observations(path: Path, service, landmarks: Landmarks68, cache_dir: Path | None) -> list[FrameObs]:
    """observe_clip, kept in `cache_dir` under the clip's content hash and the models' names."""
    if cache_dir is None:
        return observe_clip(path, service, landmarks)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    models = f"{service.pipeline.description}|{service.liveness_reason}|v{CACHE_VERSION}"
    key = hashlib.sha256(f"{digest}|{models}".encode()).hexdigest()[:16]
    cached = Path(cache_dir) / f"{path.stem}-{key}.pkl"
    if cached.is_file():
        with open(cached, "rb") as fh:
            return pickle.load(fh)
    frames = observe_clip(path, service, landmarks)
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(frames, fh)
    tmp.replace(cached)
    return frames
