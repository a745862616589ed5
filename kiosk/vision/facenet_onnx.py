"""FaceNet (InceptionResnetV1) exported once to ONNX and run by onnxruntime (issue 24).

The specified embedder's weights are a PyTorch state dict. Run eagerly by torch it is the slow
path of the kiosk; the same network exported to ONNX runs in onnxruntime with its graph
optimisations. The export happens once, on the first load, into the kiosk's own models folder,
named after the weights file's sha256 (a new weights file gets its own export), and is written
atomically. tests/vision/test_facenet_onnx.py checks that the exported network's embeddings
match torch's within 1e-3 cosine on real face photos."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from kiosk.vision.detect import onnx_session

INPUT = "input"
OUTPUT = "embedding"


def export(model, path: Path) -> Path:
    """Write `model` (an InceptionResnetV1 in eval mode) to `path` as ONNX with a dynamic batch."""
    import torch

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".facenet-", suffix=".onnx", dir=str(path.parent))
    os.close(fd)
    try:
        with torch.inference_mode():
            torch.onnx.export(model, (torch.zeros(1, 3, 160, 160),), tmp, input_names=[INPUT], output_names=[OUTPUT],
                              dynamic_axes={INPUT: {0: "batch"}, OUTPUT: {0: "batch"}}, opset_version=17,
                              dynamo=False)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def export_path(weights_path: Path, folder: Path) -> Path:
    """Where the export of this weights file lives in `folder` (named by the file's sha256)."""
    from kiosk.vision.models import sha256_of

    return Path(folder) / f"facenet-{sha256_of(Path(weights_path))[:16]}.onnx"


class OnnxFaceNet:
    """The exported network: NCHW float32 batches in, the network's (unit) embeddings out."""

    def __init__(self, path: Path, threads: int | None = None):
        self.path = Path(path)
        self._session = onnx_session(self.path, threads)

    def __call__(self, batch: np.ndarray) -> np.ndarray:
        return self._session.run([OUTPUT], {INPUT: np.ascontiguousarray(batch, np.float32)})[0]
