"""`kiosk bench` part: what sealing the gallery at rest (kiosk.security.at_rest) costs at start-up.

A synthetic gallery of N people in the seed layout (3 originals + 18 masked + centroid, random
unit vectors: the load path does not care what the numbers are) is written twice, plain and
sealed, and loaded with GalleryStore.load_all as the kiosk does when it starts. Target: sealed
10k people within 2 s more than plain (issue 13)."""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import numpy as np

from kiosk.gallery.store import FORMAT_VERSION, GalleryStore
from kiosk.security.at_rest import MARKER, Cipher, KeyStore, LazyCipher, array_bytes

TARGET_EXTRA_S = 2.0
MASKS = ("surgical_blue", "surgical_white", "cloth_black", "n95", "kn95", "gas")


def write_synthetic(root: Path, people: int, dim: int, cipher: Cipher | None) -> None:
    """People written straight into place (the bench measures loading, not enrolment)."""
    rng = np.random.default_rng(0)
    root.mkdir(parents=True, exist_ok=True)

    def put(path: Path, vector: np.ndarray) -> None:
        data = array_bytes(vector / np.linalg.norm(vector))
        label = GalleryStore._label(path)
        path.write_bytes(cipher.seal(data, label) if cipher is not None else data)

    for n in range(people):
        folder = root / f"P{n:05d}_Person {n}"
        (folder / "originals").mkdir(parents=True)
        for i in range(1, 4):
            put(folder / "originals" / f"original_{i}.npy", rng.standard_normal(dim, dtype=np.float32))
            (folder / "masked" / f"img_{i}").mkdir(parents=True)
            for mask in MASKS:
                put(folder / "masked" / f"img_{i}" / f"{mask}.npy", rng.standard_normal(dim, dtype=np.float32))
        put(folder / "centroid.npy", rng.standard_normal(dim, dtype=np.float32))
        meta = {"user_id": f"P{n:05d}", "name": f"Person {n}", "mobile": "", "embedder": "bench",
                "embedding_dim": dim, "total_embeddings": 21, "format_version": FORMAT_VERSION}
        (folder / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")


def bench_gallery_load(people: int, dim: int = 128) -> dict:
    out: dict = {"people": people}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-gallery-") as tmp:
        tmp = Path(tmp)
        keys = KeyStore(key_dir=tmp / "keys", use_keyring=False)
        for kind in ("plain", "sealed"):
            data_dir = tmp / kind
            root = data_dir / "embeddings"
            cipher = None
            if kind == "sealed":
                lazy = LazyCipher(root, data_dir, key_store=keys)
                cipher = lazy.require()  # makes the key and the marker
            t0 = time.perf_counter()
            write_synthetic(root, people, dim, cipher)
            written = time.perf_counter() - t0
            store = GalleryStore(root, cipher=LazyCipher(root, data_dir, key_store=keys) if cipher else None)
            t0 = time.perf_counter()
            records, warnings = store.load_all()
            seconds = time.perf_counter() - t0
            if len(records) != people or warnings:
                raise RuntimeError(f"{kind} gallery: loaded {len(records)} of {people} ({warnings[:1]})")
            assert (root / MARKER).is_file() == (kind == "sealed")
            out[f"{kind}_load_s"] = round(seconds, 2)
            out[f"{kind}_write_s"] = round(written, 1)
    out["extra_s"] = round(out["sealed_load_s"] - out["plain_load_s"], 2)
    out["target_extra_s"] = TARGET_EXTRA_S
    return out
