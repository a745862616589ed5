"""Presentation-attack detection (liveness) per face: is this a person, or a photo or screen?

Why it looks like this: a model is anything with `name` and `score(image_bgr, box) -> float`
(probability of a real face, 0..1), so another model can be added beside the shipped pair.
The pair is Silent-Face's MiniFASNetV2 (box scaled 2.7x) and MiniFASNetV1SE (4.0x): each sees
the face with a different amount of surrounding context (a phone's bezel, a print's edge), and
their probabilities are averaged. Crops follow Silent-Face exactly (the box scaled about its
centre, the scale lowered so the crop fits the image, the crop shifted inside it, resized to
80x80, BGR 0-255 floats; softmax; class 1 = real), as the weights were trained on that.

One frame is a weak verdict (docs/evaluation/liveness.md): kiosk.recognition.tracking decides over a track.
No Qt, no database."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from kiosk.vision import models

log = logging.getLogger(__name__)

# The mean score over a track's first 3 frames must reach this. Chosen by the leave-one-set-out
# rule of docs/evaluation/liveness.md (highest threshold with per-track BPCER <= 2%, masked live
# faces included) on ../shared/faces/spoof + masked/webcam + masked/rmfrd.
DEFAULT_THRESHOLD = 0.33
INPUT_SIZE = 80
# Registry key -> the crop scale the weights were trained with.
MINIFASNET = {"minifasnet_v2": 2.7, "minifasnet_v1se": 4.0}


class LivenessModel(Protocol):
    name: str

    def score(self, image_bgr: np.ndarray, box: np.ndarray) -> float: ...


def scaled_box(width: int, height: int, box: np.ndarray, scale: float) -> tuple[int, int, int, int]:
    """Silent-Face's crop window: the (x1, y1, x2, y2) box scaled about its centre, the scale
    lowered until the window fits the image, the window shifted to lie inside it."""
    x1, y1, x2, y2 = (float(v) for v in box[:4])
    bw, bh = max(x2 - x1, 1.0), max(y2 - y1, 1.0)
    scale = min((height - 1) / bh, (width - 1) / bw, scale)
    nw, nh = bw * scale, bh * scale
    cx, cy = x1 + bw / 2, y1 + bh / 2
    left, top = cx - nw / 2, cy - nh / 2
    right, bottom = cx + nw / 2, cy + nh / 2
    if left < 0:
        right, left = right - left, 0.0
    if top < 0:
        bottom, top = bottom - top, 0.0
    if right > width - 1:
        left, right = left - (right - width + 1), float(width - 1)
    if bottom > height - 1:
        top, bottom = top - (bottom - height + 1), float(height - 1)
    return int(max(left, 0)), int(max(top, 0)), int(right), int(bottom)


class MiniFASNet:
    """One Silent-Face ONNX model at its crop scale."""

    def __init__(self, path: Path, scale: float):
        import onnxruntime as ort

        self.path = Path(path)
        self.scale = float(scale)
        self.name = self.path.stem
        # One thread: an 80x80 crop is too small to split, and on 2 busy cores a second thread
        # only waits (measured: 4 ms per model with one thread, 8-13 ms with two).
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(self.path), sess_options=options,
                                             providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name

    def crop(self, image_bgr: np.ndarray, box: np.ndarray) -> np.ndarray:
        h, w = image_bgr.shape[:2]
        left, top, right, bottom = scaled_box(w, h, box, self.scale)
        patch = image_bgr[top:bottom + 1, left:right + 1]
        return cv2.resize(patch, (INPUT_SIZE, INPUT_SIZE))

    def score(self, image_bgr: np.ndarray, box: np.ndarray) -> float:
        blob = self.crop(image_bgr, box).astype(np.float32).transpose(2, 0, 1)[None]
        logits = self._session.run(None, {self._input: blob})[0][0].astype(np.float64)
        probs = np.exp(logits - logits.max())
        return float(probs[1] / probs.sum())


@dataclass(frozen=True)
class LivenessResult:
    """One face's verdict: `score` is the models' mean probability of a real face."""

    score: float
    live: bool
    threshold: float
    scores: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"score": round(self.score, 4), "live": self.live, "threshold": self.threshold,
                "models": {k: round(v, 4) for k, v in self.scores.items()}}


class LivenessChecker:
    """The models behind one call; `check` gives the per-frame verdict at `threshold`."""

    def __init__(self, model_list: list[LivenessModel], threshold: float = DEFAULT_THRESHOLD):
        if not model_list:
            raise ValueError("a liveness checker needs at least one model")
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"liveness_threshold must be between 0 and 1, got {threshold}")
        self.models = list(model_list)
        self.threshold = float(threshold)

    @property
    def name(self) -> str:
        return "+".join(m.name for m in self.models)

    def scores(self, image_bgr: np.ndarray, box: np.ndarray) -> dict[str, float]:
        return {m.name: m.score(image_bgr, box) for m in self.models}

    def check(self, image_bgr: np.ndarray, face) -> LivenessResult:
        """`face` is a kiosk Face (or anything with a `box`)."""
        per_model = self.scores(image_bgr, np.asarray(getattr(face, "box", face), np.float32))
        score = float(np.mean(list(per_model.values())))
        return LivenessResult(score, score >= self.threshold, self.threshold, per_model)


def find_minifasnet(models_dir: Path | None = None, own_dir: Path | None = None) -> dict[str, Path]:
    """The MiniFASNet files present, by registry key."""
    found = {key: models.find(key, models_dir, own_dir) for key in MINIFASNET}
    return {key: path for key, path in found.items() if path is not None}


def load_liveness(settings) -> tuple[LivenessChecker | None, str]:
    """The checker the settings ask for, or None with the reason (switched off, files missing)."""
    if not getattr(settings, "liveness", True):
        return None, "switched off in settings (liveness = false)"
    paths = find_minifasnet(settings.models_dir, settings.own_models_dir)
    if not paths:
        names = ", ".join(models.REGISTRY[k].filename for k in MINIFASNET)
        return None, f"off: no liveness model found ({names}); run `kiosk models` to see where they are looked for"
    threshold = getattr(settings, "liveness_threshold", None)
    checker = LivenessChecker([MiniFASNet(path, MINIFASNET[key]) for key, path in paths.items()],
                              DEFAULT_THRESHOLD if threshold is None else float(threshold))
    missing = [models.REGISTRY[k].filename for k in MINIFASNET if k not in paths]
    reason = f"active: {checker.name}, threshold {checker.threshold}"
    if missing:
        reason += f" (without {', '.join(missing)}: not found)"
    return checker, reason
