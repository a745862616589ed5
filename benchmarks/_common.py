"""Helpers shared by the benchmark scripts: where the shared photos and weights are."""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FACES = REPO.parent / "shared" / "faces"
MODELS = REPO.parent / "shared" / "models"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp"}


def setup() -> None:
    """Make `import kiosk` work from a checkout and point the kiosk at the shared weights."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    if not os.environ.get("KIOSK_MODELS_DIR") and MODELS.is_dir():
        os.environ["KIOSK_MODELS_DIR"] = str(MODELS)


def require_faces() -> Path:
    if not FACES.is_dir():
        sys.exit(f"{FACES} is absent: these measurements need the shared real photos")
    return FACES


def images_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)


def real_masked_sets() -> dict[str, list[tuple[Path, bool]]]:
    """Real photos with and without masks: {'rmfrd': [(path, masked)], 'webcam': [...]}."""
    out = {}
    for name in ("rmfrd", "webcam"):
        root = FACES / "masked" / name
        out[name] = [(p, p.stem.endswith("_masked")) for p in images_in(root)
                     if p.stem.endswith(("_masked", "_unmasked"))]
    return out
