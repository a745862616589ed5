"""FaceNet's one-time ONNX export (kiosk.vision.facenet_onnx) gives torch's embeddings.

The VGGFace2 weights are not obtainable here: the real InceptionResnetV1 architecture with its
seeded random initialisation stands in. Freshly initialised, its batch-norm statistics make
every photo's output almost the same vector (cosine 0.99998), which would let any export pass a
1e-3 cosine check; so the batch-norm statistics are first taken from real face photos (the
network then tells photos apart), and both runtimes see that same network."""
import cv2
import numpy as np
import torch

from kiosk.vision.embed import FaceNetEmbedder
from kiosk.vision.image_io import load_image
from tests.conftest import photos_of


def _crops():
    paths = photos_of("obama")[:2] + photos_of("df01")[:2] + photos_of("df02")[:2]
    return [cv2.resize(load_image(p), (112, 112), interpolation=cv2.INTER_AREA) for p in paths]


def _with_photo_statistics(embedder: FaceNetEmbedder, crops) -> None:
    model = embedder._model
    for layer in model.modules():
        if isinstance(layer, torch.nn.BatchNorm2d | torch.nn.BatchNorm1d):
            layer.reset_running_stats()
            layer.momentum = None  # a plain average over what it sees
    rgb = np.stack([cv2.cvtColor(cv2.resize(c, (160, 160)), cv2.COLOR_BGR2RGB) for c in crops]).astype(np.float32)
    model.train()
    with torch.no_grad():
        model(torch.from_numpy(((rgb - 127.5) / 128.0).transpose(0, 3, 1, 2).copy()))
    model.eval()


def test_onnx_export_matches_torch_within_1e3_cosine(tmp_path):
    crops = _crops()
    embedder = FaceNetEmbedder(None, seed=7)
    _with_photo_statistics(embedder, crops)
    a = embedder.embed_crops(crops)
    assert float(a[0] @ a[2]) < 0.95  # the network tells these photos apart: the check below can fail
    embedder.use_onnx(tmp_path / "facenet.onnx")
    assert (tmp_path / "facenet.onnx").is_file() and not list(tmp_path.glob(".facenet-*"))
    b = embedder.embed_crops(crops)
    assert a.shape == b.shape == (6, 512)
    cosine = np.sum(a * b, axis=1)
    assert np.all(cosine >= 1 - 1e-3), cosine
    # The photo-to-photo structure is kept too, not only the common direction.
    assert np.allclose(a @ a.T, b @ b.T, atol=1e-3)
