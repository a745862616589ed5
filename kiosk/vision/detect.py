"""Face detectors behind one interface: SCRFD (insightface, onnxruntime) and MTCNN
(facenet-pytorch). Each returns Face objects with a box, a score and the 5 ArcFace landmarks."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from kiosk.vision.types import Face


class Detector(Protocol):
    name: str

    def detect(self, image_bgr: np.ndarray) -> list[Face]: ...


def cpu_threads() -> int:
    """Threads for the inference runtimes: all cores, but at least one."""
    return max(1, os.cpu_count() or 1)


def limit_blas_threads() -> None:
    """Run numpy's BLAS on one thread. Matching a face is a small matrix product between two
    detections; with two BLAS threads the idle one keeps spinning on the core onnxruntime needs
    next, and the next frame's detection took 70 ms instead of 37 (kiosk bench, 2 cores)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def onnx_session(path: Path, threads: int | None = None):
    """An onnxruntime CPU session with explicit thread settings (no provider chatter).

    The intra-op threads do not spin while waiting for work: with spinning on, two threads on
    this shared 2-core machine took det_2.5g at 640 from 96 ms (one thread) to 164 ms, and
    without it 108 ms (kiosk bench, docs/benchmarks.md section 4): the spinning thread burns the
    core the other one, capture or the UI needs. Graph optimisation is onnxruntime's full level."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or cpu_threads()
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])


def fitted_input(shape, side: int, stride: int = 32) -> tuple[int, int]:
    """The detector input (width, height) for an image of `shape`: its long side `side`, the
    other in proportion, both rounded up to the network's largest stride (SCRFD: 32). One resize
    of the frame, and no square canvas of padding for a 4:3 camera frame (320x256, not 320x320)."""
    h, w = shape[:2]
    scale = side / max(h, w)
    def up(v: float) -> int:
        return max(stride, int(np.ceil(v * scale / stride)) * stride)
    return up(w), up(h)


class ScrfdDetector:
    """InsightFace SCRFD with keypoints (det_10g / det_2.5g / det_500m).

    By default a 640x640 input (the specified size). With `fit=True` the input follows the
    image's shape with its long side `input_size` (kiosk.vision.live_detect: a kiosk's faces are
    large, so the live path detects at 320)."""

    def __init__(self, model_path: Path, input_size: int = 640, threshold: float = 0.5, *,
                 fit: bool = False, threads: int | None = None):
        from insightface.model_zoo.scrfd import SCRFD

        self.model_path = Path(model_path)
        self.name = f"scrfd:{self.model_path.name}" + (f"@{input_size}" if fit else "")
        self.threshold = threshold
        self.input_size = input_size
        self.fit = fit
        self._model = SCRFD(model_file=str(model_path), session=onnx_session(model_path, threads))
        self._model.prepare(ctx_id=-1, input_size=(input_size, input_size), det_thresh=threshold)

    def detect(self, image_bgr: np.ndarray) -> list[Face]:
        size = fitted_input(image_bgr.shape, self.input_size) if self.fit else None
        bboxes, kpss = self._model.detect(image_bgr, input_size=size, max_num=0)
        faces = []
        for i, row in enumerate(bboxes):
            faces.append(Face(box=row[:4].astype(np.float32), score=float(row[4]),
                              landmarks=kpss[i].astype(np.float32)))
        return faces


class MtcnnDetector:
    """MTCNN from facenet-pytorch (its weights ship inside the package): the fallback when no
    SCRFD file is present. Slower and weaker on masked faces, but needs nothing downloaded."""

    name = "mtcnn:facenet-pytorch"

    def __init__(self, threshold: float = 0.9):
        import torch
        from facenet_pytorch import MTCNN

        torch.set_num_threads(cpu_threads())
        self.threshold = threshold
        self._mtcnn = MTCNN(keep_all=True, device="cpu", post_process=False)

    def detect(self, image_bgr: np.ndarray) -> list[Face]:
        rgb = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2RGB)
        boxes, probs, points = self._mtcnn.detect(rgb, landmarks=True)
        if boxes is None:
            return []
        return [
            Face(box=np.asarray(b, np.float32), score=float(p), landmarks=np.asarray(k, np.float32))
            for b, p, k in zip(boxes, probs, points)
            if p is not None and p >= self.threshold
        ]


def pad_for_detection(image_bgr: np.ndarray, fraction: float = 0.4) -> tuple[np.ndarray, int, int]:
    """Surround a tight face crop with a border so the detector sees a whole face in context.

    Returns the padded image and the (dx, dy) offset to subtract from coordinates found in it."""
    h, w = image_bgr.shape[:2]
    dy, dx = int(h * fraction), int(w * fraction)
    padded = cv2.copyMakeBorder(image_bgr, dy, dy, dx, dx, cv2.BORDER_CONSTANT, value=(127, 127, 127))
    return padded, dx, dy


def detect_with_padding(detector: Detector, image_bgr: np.ndarray) -> list[Face]:
    """Detect; if nothing is found, try again on a padded copy (tight crops, faces at the edge)."""
    faces = detector.detect(image_bgr)
    if faces:
        return faces
    padded, dx, dy = pad_for_detection(image_bgr)
    faces = detector.detect(padded)
    offset = np.array([dx, dy], np.float32)
    h, w = image_bgr.shape[:2]
    for face in faces:
        face.box = face.box - np.tile(offset, 2)
        face.box[[0, 2]] = np.clip(face.box[[0, 2]], 0, w)
        face.box[[1, 3]] = np.clip(face.box[[1, 3]], 0, h)
        face.landmarks = face.landmarks - offset
        face.extra["padded"] = True
    return faces
