"""`kiosk cluster`: group face images of people nobody enrolled by identity (SPEC 8).

Each image's best face is embedded with the active pipeline and labelled masked / unmasked by
kiosk.vision.mask_classifier. Similarities are mask-aware, the same idea as the kiosk's
21-template gallery: every unmasked face is also rendered with a few synthetic masks
(kiosk.vision.masks) and embedded, and a masked face is compared with an unmasked one through
the best of the unmasked face's original and masked versions. Without this a masked photo of a
person is usually less like their unmasked photos than the threshold, and the person splits in
two (the original tool's failure: 2 of 3 identities found when one wore a mask).

Algorithm: agglomerative clustering with average linkage over cosine distance (scikit-learn),
stopping where merging would make the average similarity between two groups fall below the
threshold (default: the embedder's calibrated match threshold). Why average linkage and not
chinese whispers: it is deterministic (chinese whispers depends on a random visiting order), the
threshold means one thing (average similarity between groups, not one strong edge), and it does
not chain two people together through one ambiguous face, which single edges in a graph do,
and masked faces are exactly the ambiguous ones. `--method chinese-whispers` (dlib) is there for
comparison; docs/clustering.md has both measured.

Output: cluster_001/ ... (largest first; copies of the images), unsorted/ (clusters smaller than
--min-size, and images without a face), clusters.csv (image -> cluster, masked label) and
counts.csv (cluster -> images: "seen N times")."""
from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kiosk.common.errors import CliError
from kiosk.vision.image_io import IMAGE_SUFFIXES, ImageError, load_image
from kiosk.vision.pipeline import load_pipeline
from kiosk.vision.types import best_face

AWARE_MASK_TYPES = ("surgical_blue", "n95", "cloth")
METHODS = ("average", "chinese-whispers")
UNSORTED = "unsorted"


@dataclass
class FaceItem:
    path: Path
    embedding: np.ndarray | None = None
    masked: bool = False
    mask_probability: float | None = None
    masked_versions: np.ndarray | None = None  # (K, D) synthetic-mask embeddings of an unmasked face
    problem: str = ""


def list_images(root: Path) -> list[Path]:
    if not root.exists():
        raise FileNotFoundError(f"{root}: no such folder")
    if not root.is_dir():
        raise ValueError(f"{root} is a file; --input takes a folder of face images")
    images = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
    if not images:
        raise ValueError(f"{root} holds no images (looked for {', '.join(sorted(IMAGE_SUFFIXES))})")
    return images


def embed_items(pipeline, paths: list[Path], *, mask_aware: bool = True, classifier=None,
                progress=None) -> list[FaceItem]:
    """Embed every image's best face, label it masked or not, and (mask_aware) embed synthetic
    masked versions of the unmasked ones."""

    renderer = None
    if mask_aware:
        from kiosk.vision.masks import MaskRenderer

        renderer = MaskRenderer()
    items = []
    for n, path in enumerate(paths, start=1):
        if progress:
            progress(n, len(paths), path.name)
        item = FaceItem(path)
        items.append(item)
        try:
            image = load_image(path)
        except ImageError as exc:
            item.problem = str(exc)
            continue
        face = best_face(pipeline.analyze(image))
        if face is None or face.embedding is None:
            item.problem = "no face found"
            continue
        item.embedding = face.embedding
        if classifier is not None:
            item.masked, item.mask_probability = classifier.predict(image, face)
        if renderer is not None and not item.masked:
            try:
                renderings = renderer.render_all(image, face.box, mask_types=AWARE_MASK_TYPES, seed=n)
            except (ValueError, RuntimeError):  # no landmarks for this face: compare it as it is
                continue
            crops = [pipeline.embedder.align(r.image, face) for r in renderings]
            item.masked_versions = pipeline.embedder.embed_crops(crops)
    return items


def similarity_matrix(items: list[FaceItem]) -> np.ndarray:
    """Cosine similarities of the embedded items; a masked face meets an unmasked one through the
    best of the unmasked face's original and synthetic-masked embeddings."""
    vectors = np.stack([i.embedding for i in items]).astype(np.float32)
    sims = vectors @ vectors.T
    masked = np.array([i.masked for i in items])
    for j, item in enumerate(items):
        if item.masked_versions is None or not masked.any():
            continue
        rows = np.flatnonzero(masked)
        via_masks = (vectors[rows] @ item.masked_versions.T).max(axis=1)
        sims[rows, j] = np.maximum(sims[rows, j], via_masks)
        sims[j, rows] = sims[rows, j]
    np.fill_diagonal(sims, 1.0)
    return sims


def cluster_labels(sims: np.ndarray, threshold: float, method: str = "average") -> np.ndarray:
    """A cluster label per item (0..C-1, arbitrary order) from a similarity matrix."""
    n = len(sims)
    if n == 0:
        return np.zeros(0, np.int64)
    if n == 1:
        return np.zeros(1, np.int64)
    if method == "average":
        from sklearn.cluster import AgglomerativeClustering

        distance = np.clip(1.0 - sims, 0.0, 2.0)
        model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                        distance_threshold=1.0 - threshold)
        return model.fit_predict(distance).astype(np.int64)
    if method == "chinese-whispers":
        import dlib

        i, j = np.nonzero(np.triu(sims >= threshold, 1))
        # A faint self-loop keeps every vertex in the graph without pulling it towards itself.
        edges = [(int(a), int(a), 1e-6) for a in range(n)]
        edges += [(int(a), int(b), float(sims[a, b])) for a, b in zip(i, j)]
        return np.asarray(dlib.chinese_whispers(edges), np.int64)
    raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")


def pairwise_precision_recall(truth: list, predicted: list) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering: over all pairs of items, precision is the
    share of pairs put together that are the same person, recall the share of same-person pairs
    put together. Items predicted as None (unsorted) are together with nobody."""
    truth, pred = np.asarray(truth, object), np.asarray(predicted, object)
    same_truth = truth[:, None] == truth[None, :]
    valid = np.array([p is not None for p in pred])
    same_pred = (pred[:, None] == pred[None, :]) & valid[:, None] & valid[None, :]
    upper = np.triu(np.ones_like(same_truth, bool), 1)
    together, true_pairs = (same_pred & upper).sum(), (same_truth & upper).sum()
    hits = (same_pred & same_truth & upper).sum()
    return (float(hits / together) if together else 1.0, float(hits / true_pairs) if true_pairs else 1.0)


def assign(items: list[FaceItem], threshold: float, method: str, min_size: int) -> list[str]:
    """Folder name per item: cluster_001.. by decreasing size (ties by first image), or unsorted."""
    embedded = [k for k, i in enumerate(items) if i.embedding is not None]
    names = [UNSORTED] * len(items)
    if not embedded:
        return names
    labels = cluster_labels(similarity_matrix([items[k] for k in embedded]), threshold, method)
    groups: dict[int, list[int]] = {}
    for k, label in zip(embedded, labels):
        groups.setdefault(int(label), []).append(k)
    kept = sorted((g for g in groups.values() if len(g) >= min_size), key=lambda g: (-len(g), g[0]))
    for number, group in enumerate(kept, start=1):
        for k in group:
            names[k] = f"cluster_{number:03d}"
    return names


def write_output(items: list[FaceItem], names: list[str], root: Path, output: Path) -> dict[str, int]:
    output.mkdir(parents=True, exist_ok=True)
    rows, counts = [], {}
    for item, name in zip(items, names):
        rel = item.path.relative_to(root)
        target = output / name / "__".join(rel.parts)  # flat, but two a.jpg from different folders stay apart
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(item.path, target)
        counts[name] = counts.get(name, 0) + 1
        rows.append({"image": rel.as_posix(), "cluster": name, "masked": "" if item.embedding is None else
                     str(item.masked).lower(), "mask_probability": "" if item.mask_probability is None else
                     f"{item.mask_probability:.3f}", "note": item.problem or ("" if name != UNSORTED else
                                                                              "cluster smaller than --min-size")})
    with open(output / "clusters.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["image", "cluster", "masked", "mask_probability", "note"])
        writer.writeheader()
        writer.writerows(rows)
    ordered = {k: counts[k] for k in sorted(counts) if k != UNSORTED} | ({UNSORTED: counts[UNSORTED]}
                                                                            if UNSORTED in counts else {})
    with open(output / "counts.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["cluster", "images", "seen"])
        for name, count in ordered.items():
            writer.writerow([name, count, f"seen {count} times" if name != UNSORTED else ""])
    return ordered


def cmd_cluster(args) -> int:
    if args.min_size < 1:
        raise CliError(f"--min-size {args.min_size}: give 1 or more")
    if args.threshold is not None and not -1.0 < args.threshold < 1.0:
        raise CliError(f"--threshold {args.threshold} is not a cosine similarity between -1 and 1")
    root, output = Path(args.input), Path(args.output)
    paths = list_images(root)
    if output.resolve() == root.resolve() or root.resolve() in output.resolve().parents:
        raise CliError(f"--output {output} is inside --input {root}; choose a folder outside it")
    if output.exists() and any(output.iterdir()):
        raise CliError(f"--output {output} is not empty; give a new or empty folder")
    pipeline = load_pipeline(args.settings)
    threshold = args.threshold if args.threshold is not None else (
        args.settings.threshold or pipeline.embedder.default_threshold)
    classifier = None
    if not args.no_mask_aware:
        from kiosk.vision.mask_classifier import MaskClassifier

        try:
            classifier = MaskClassifier.load()
        except (FileNotFoundError, ValueError) as exc:
            print(f"warning: {exc}; every face is treated as unmasked", file=sys.stderr)

    def progress(i: int, total: int, name: str) -> None:
        if not args.json:
            print(f"\r[{i}/{total}] {name[:40]:<40}", end="", file=sys.stderr, flush=True)

    items = embed_items(pipeline, paths, mask_aware=not args.no_mask_aware, classifier=classifier,
                        progress=progress)
    if not args.json:
        print(file=sys.stderr)
    names = assign(items, threshold, args.method, args.min_size)
    counts = write_output(items, names, root, output)
    clusters = {k: v for k, v in counts.items() if k != UNSORTED}
    data = {"input": str(root), "output": str(output), "model": pipeline.description, "method": args.method,
            "threshold": threshold, "images": len(items), "clusters": clusters,
            "unsorted": counts.get(UNSORTED, 0), "masked_faces": sum(i.masked for i in items)}
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        lines = [f"{len(items)} images -> {len(clusters)} cluster(s), {data['unsorted']} unsorted "
                 f"({args.method} linkage, similarity >= {threshold:.2f}, {data['masked_faces']} masked faces)"
                 if args.method == "average" else
                 f"{len(items)} images -> {len(clusters)} cluster(s), {data['unsorted']} unsorted (chinese whispers)"]
        lines += [f"{name}: seen {count} times" for name, count in clusters.items()]
        lines.append(f"wrote {output}/clusters.csv and counts.csv")
        print("\n".join(lines))
    return 0


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "cluster", help="group face images of unenrolled people by identity (masked or not)",
        description="Embed every image's face, group the images by person (mask-aware), and copy them into one "
                    "folder per cluster, with clusters.csv and counts.csv.")
    p.add_argument("--input", required=True, metavar="DIR", help="folder of face images (searched recursively)")
    p.add_argument("--output", required=True, metavar="DIR", help="new or empty folder for the clusters")
    p.add_argument("--threshold", type=float, metavar="T",
                   help="cosine similarity to group at (default: the embedder's match threshold)")
    p.add_argument("--min-size", type=int, default=2, metavar="N",
                   help="smallest group kept as a cluster; smaller ones go to unsorted/ (default 2)")
    p.add_argument("--method", choices=METHODS, default="average",
                   help="average-linkage agglomerative (default) or dlib's chinese whispers")
    p.add_argument("--no-mask-aware", action="store_true",
                   help="plain similarities (no mask classifier, no synthetic masked versions)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_cluster)
    return p
