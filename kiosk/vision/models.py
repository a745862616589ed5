"""Every weight file the kiosk knows: what it is, where it is looked for, how to fetch it.

The kiosk never downloads anything by itself: `kiosk models fetch` is the one explicit step,
with progress, a network timeout and a sha256 check. Everything else only *looks* for files.
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kiosk.common.fsutil import atomic_write_bytes

NETWORK_TIMEOUT_S = 15


@dataclass(frozen=True)
class ModelFile:
    key: str
    filename: str
    role: str  # "detector" | "embedder" | "landmarks" | "liveness"
    description: str
    sha256: str | None = None
    size_bytes: int | None = None
    url: str | None = None
    # When the download is a zip (insightface packs), the member to extract.
    zip_member: str | None = None
    # Library caches where the library itself would have put the file.
    cache_dirs: tuple[str, ...] = ()
    # Files in a sub-folder of a models directory (e.g. mobilefacenet_ncnn/).
    subdir: str = ""


_INSIGHTFACE_CACHE = ("~/.insightface/models/buffalo_l", "~/.insightface/models/buffalo_m",
                      "~/.insightface/models/buffalo_s")
_TORCH_CACHE = ("$TORCH_HOME/checkpoints", "~/.cache/torch/checkpoints",
                "~/.cache/torch/hub/checkpoints")

REGISTRY: dict[str, ModelFile] = {
    m.key: m
    for m in [
        ModelFile(
            "scrfd_10g", "det_10g.onnx", "detector",
            "SCRFD-10GF with 5 keypoints, buffalo_l pack (the specified detector)",
            sha256="5838f7fe053675b1c7a08b633df49e7af5495cee0493c7dcf6697200b85b5b91",
            url="https://github.com/deepinsight/insightface/releases/download/v0.7/buffalo_l.zip",
            zip_member="det_10g.onnx", cache_dirs=_INSIGHTFACE_CACHE,
        ),
        ModelFile(
            "scrfd_2.5g", "det_2.5g.onnx", "detector", "SCRFD-2.5GF with 5 keypoints, buffalo_m pack",
            sha256="041f73f47371333d1d17a6fee6c8ab4e6aecabefe398ff32cca4e2d5eaee0af9",
            size_bytes=3292009,
            cache_dirs=_INSIGHTFACE_CACHE,
        ),
        ModelFile(
            "scrfd_500m", "det_500m.onnx", "detector", "SCRFD-500MF with 5 keypoints, buffalo_s pack",
            sha256="5e4447f50245bbd7966bd6c0fa52938c61474a04ec7def48753668a9d8b4ea3a",
            size_bytes=2524817,
            cache_dirs=_INSIGHTFACE_CACHE,
        ),
        ModelFile(
            "facenet_vggface2", "20180402-114759-vggface2.pt", "embedder",
            "FaceNet InceptionResnetV1 trained on VGGFace2, 512-d (the specified embedder)",
            sha256="281cebca8662831adb987a874bdcb36e73f5b1c6dc5ee5878f305e985625d99b",
            url="https://github.com/timesler/facenet-pytorch/releases/download/v2.2.9/"
                "20180402-114759-vggface2.pt",
            cache_dirs=_TORCH_CACHE,
        ),
        ModelFile(
            "mobilefacenet_param", "mobilefacenet.param", "embedder",
            "ArcFace MobileFaceNet, 128-d, ncnn format (network description)",
            sha256="dfea20c1a5c2adef2126296f42771ecf33bfa9a50cbe0f7ca8864c7bd1a4bbeb",
            size_bytes=20288,
            subdir="mobilefacenet_ncnn",
        ),
        ModelFile(
            "mobilefacenet_bin", "mobilefacenet.bin", "embedder",
            "ArcFace MobileFaceNet, 128-d, ncnn format (weights)",
            sha256="9638dcfee63785b87a5ab0b0ed9f9dffe93e4b3718e5ea1b537dd5243a661b87",
            size_bytes=4091592,
            subdir="mobilefacenet_ncnn",
        ),
        # No public download (the official checkpoints are in the EdgeFace code repository, not a
        # release): `kiosk models fetch` says so; copy the files in with `kiosk models install`.
        ModelFile(
            "edgeface_xs", "edgeface_xs_q.pt", "embedder",
            "EdgeFace-XS (Idiap), 512-d, int8 dynamic-quantised PyTorch state dict (needs timm)",
            sha256="a31314377876ab9fa2a75e5638bc528efe79fd17d5c9c0a228fb7f846d7581a6",
            size_bytes=2993451,
            subdir="edgeface",
        ),
        ModelFile(
            "edgeface_xxs", "edgeface_xxs_q.pt", "embedder",
            "EdgeFace-XXS (Idiap), 512-d, int8 dynamic-quantised PyTorch state dict (needs timm)",
            sha256="46be7cc7e8d6e23501c0627fe5fbef101922ee9b85ccbef476987ab1a320b053",
            size_bytes=1734661,
            subdir="edgeface",
        ),
        ModelFile(
            "minifasnet_v2", "2.7_80x80_MiniFASNetV2.onnx", "liveness",
            "Silent-Face anti-spoofing MiniFASNetV2 (crop scale 2.7)",
            sha256="7886c41bcbcc1be00cf8700eddbd8cbd4b1ad138e69010790de2a57a3b01d7e5",
            size_bytes=1743495,
        ),
        ModelFile(
            "minifasnet_v1se", "4_0_0_80x80_MiniFASNetV1SE.onnx", "liveness",
            "Silent-Face anti-spoofing MiniFASNetV1SE (crop scale 4.0)",
            sha256="e67aedf72df3e1912dbf6baa5f7406b8b30c3cb43234170a70dd9d143fea358e",
            size_bytes=1742663,
        ),
    ]
}

# Best first: the specified file, then the lighter ones of the same family.
DETECTOR_PREFERENCE = ("scrfd_10g", "scrfd_2.5g", "scrfd_500m")


def _expand(path: str) -> Path | None:
    if "$TORCH_HOME" in path:
        home = os.environ.get("TORCH_HOME")
        if not home:
            return None
        path = path.replace("$TORCH_HOME", home)
    return Path(os.path.expanduser(path))


def search_dirs(model: ModelFile, models_dir: Path | None = None,
                own_dir: Path | None = None) -> list[Path]:
    """Where a file is looked for, in order: KIOSK_MODELS_DIR, the kiosk's own models folder,
    then the library caches that insightface / torch hub would have filled."""
    dirs: list[Path] = []
    env = os.environ.get("KIOSK_MODELS_DIR")
    for base in (models_dir, Path(env) if env else None, own_dir, default_models_dir()):
        if base is not None:
            dirs.append(Path(base).expanduser() / model.subdir if model.subdir else Path(base))
    for cache in model.cache_dirs:
        expanded = _expand(cache)
        if expanded is not None:
            dirs.append(expanded)
    unique: list[Path] = []
    for d in dirs:
        if d not in unique:
            unique.append(d)
    return unique


def default_models_dir() -> Path:
    """The per-user models folder the fetch step writes to when no other is given."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA", base)
    return Path(base) / "kiosk" / "models"


def find(key: str, models_dir: Path | None = None, own_dir: Path | None = None) -> Path | None:
    """Path of the first existing copy of a registered weight file, or None."""
    model = REGISTRY[key]
    for d in search_dirs(model, models_dir, own_dir):
        candidate = d / model.filename
        if candidate.is_file():
            return candidate
    return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class FetchError(RuntimeError):
    """A download that could not be completed; the message says why and what to do."""


def fetch(key: str, dest_dir: Path, timeout: float = NETWORK_TIMEOUT_S, progress: bool = True) -> Path:
    """Download one registered file into dest_dir, verify its sha256, and return its path.

    Fails fast with FetchError when offline (connect/read timeout), never hangs."""
    import requests
    from tqdm import tqdm

    model = REGISTRY[key]
    if not model.url:
        where = dest_dir / model.subdir if model.subdir else dest_dir
        raise FetchError(f"{model.filename} has no public download; obtain a copy (sha256 {model.sha256}) and "
                         f"install it with `kiosk models install {model.filename}` (or copy it into {where}).")
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / model.filename
    try:
        response = requests.get(model.url, stream=True, timeout=(timeout, timeout))
        response.raise_for_status()
    except requests.RequestException as exc:
        raise FetchError(
            f"cannot download {model.filename} from {model.url}: {exc.__class__.__name__}. "
            f"This machine seems to be offline; on a connected machine run `kiosk models fetch` "
            f"and copy the file into {dest_dir}."
        ) from exc
    total = int(response.headers.get("content-length", 0)) or None
    buffer = tempfile.SpooledTemporaryFile(max_size=64 << 20, dir=str(dest_dir))
    try:
        with tqdm(total=total, unit="B", unit_scale=True, desc=model.filename, disable=not progress) as bar:
            for chunk in response.iter_content(chunk_size=1 << 20):
                buffer.write(chunk)
                bar.update(len(chunk))
    except requests.RequestException as exc:
        raise FetchError(f"download of {model.filename} broke off: {exc}") from exc
    buffer.seek(0)
    data = buffer.read()
    if model.zip_member:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = next((n for n in archive.namelist() if n.endswith(model.zip_member)), None)
            if member is None:
                raise FetchError(f"{model.url} does not contain {model.zip_member}")
            data = archive.read(member)
    if model.sha256 and hashlib.sha256(data).hexdigest() != model.sha256:
        raise FetchError(f"{model.filename}: checksum mismatch, the download is not the official file")

    atomic_write_bytes(target, data)
    return target


def status(models_dir: Path | None = None, own_dir: Path | None = None) -> list[dict]:
    """One row per registered file: where it was found (or not) and where it was looked for."""
    rows = []
    for model in REGISTRY.values():
        path = find(model.key, models_dir, own_dir)
        rows.append({
            "key": model.key, "file": model.filename, "role": model.role,
            "description": model.description, "found": str(path) if path else None,
            "searched": [str(d) for d in search_dirs(model, models_dir, own_dir)],
            "fetchable": bool(model.url),
        })
    return rows


def copy_into(path: Path, dest_dir: Path) -> Path:
    """Install a file the user obtained elsewhere into the models folder (checked by sha256)."""
    matches = [m for m in REGISTRY.values() if m.filename == path.name]
    if not matches:
        raise FetchError(f"{path.name} is not a weight file the kiosk knows")
    model = matches[0]
    if model.sha256 and sha256_of(path) != model.sha256:
        raise FetchError(f"{path} does not match the official {model.filename} (sha256 differs)")
    target = (dest_dir / model.subdir if model.subdir else dest_dir) / model.filename
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    return target
