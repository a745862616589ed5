"""`kiosk clean`: find mislabelled photos in per-person folders (SPEC 6, last sentence).

Every photo of a person folder is embedded with the active pipeline (its best face); a photo's
score is its mean cosine distance to the other photos of the same folder. A photo of somebody
else sits far from all the others, so its mean distance is high, while the genuine photos' means
are only slightly raised by the one intruder.

Default threshold: a photo is an outlier when its mean distance exceeds 1 - T, where T is the
embedder's calibrated match threshold (or the kiosk's configured one): its average similarity to
the rest of its folder is below the similarity the kiosk needs to say "same person". With the
MobileFaceNet embedder (T = 0.40) that is a mean distance above 0.60.

Folders with fewer than 3 usable photos cannot say *which* photo is wrong (with two photos both
have the same mean distance); such a pair is reported as disagreeing, never moved."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from kiosk.common.errors import CliError
from kiosk.vision.image_io import IMAGE_SUFFIXES, ImageError, load_image
from kiosk.vision.pipeline import load_pipeline
from kiosk.vision.types import best_face

MIN_PHOTOS = 3


def photo_outliers(embeddings: np.ndarray) -> np.ndarray:
    """Per-photo mean cosine distance to the other photos of the same person.

    `embeddings` is (N, D); rows are L2-normalised here (cosine = dot product of unit vectors).
    Returns an (N,) float array; with fewer than 2 photos there is nothing to compare: zeros."""
    vectors = np.asarray(embeddings, np.float64)
    if vectors.ndim != 2:
        raise ValueError(f"embeddings must be a 2-D array (photos x dimensions), got shape {vectors.shape}")
    n = len(vectors)
    if n < 2:
        return np.zeros(n)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    sims = vectors @ vectors.T
    mean_sim = (sims.sum(axis=1) - np.diag(sims)) / (n - 1)
    return 1.0 - mean_sim


def default_distance_threshold(match_threshold: float) -> float:
    """Mean distance above which a photo is an outlier, from the embedder's match threshold."""
    return 1.0 - float(match_threshold)


@dataclass
class PhotoReport:
    file: str
    mean_distance: float | None
    outlier: bool = False
    problem: str = ""
    moved_to: str | None = None


@dataclass
class PersonReport:
    person: str
    folder: str
    photos: list[PhotoReport] = field(default_factory=list)
    note: str = ""

    @property
    def outliers(self) -> list[PhotoReport]:
        return [p for p in self.photos if p.outlier]


def person_folders(root: Path) -> list[Path]:
    """Each sub-folder holding images is a person; images directly in root are one more person."""
    if not root.exists():
        raise FileNotFoundError(f"{root}: no such folder")
    if not root.is_dir():
        raise ValueError(f"{root} is a file; --input takes a folder of person folders")
    folders = sorted({p.parent for p in root.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES})
    if not folders:
        raise ValueError(f"{root} holds no images (looked for {', '.join(sorted(IMAGE_SUFFIXES))})")
    return folders


def embed_folder(pipeline, folder: Path) -> tuple[list[Path], np.ndarray, list[PhotoReport]]:
    """The folder's photos that gave a face, their embeddings, and reports for those that did not.

    A photo with several faces (a crowd behind the person) is represented by the face most like
    the folder's one-face photos, i.e. the folder's person, not by the detector's favourite; with
    no one-face photo to compare with, the best face (highest score, then largest) is used."""

    found, failed = [], []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES):
        try:
            faces = [f for f in pipeline.analyze(load_image(path)) if f.embedding is not None]
        except ImageError as exc:
            failed.append(PhotoReport(path.name, None, problem=str(exc)))
            continue
        if not faces:
            failed.append(PhotoReport(path.name, None, problem="no face found"))
            continue
        found.append((path, faces))
    singles = [faces[0].embedding for _, faces in found if len(faces) == 1]
    reference = np.stack(singles) if singles else None
    paths, vectors = [], []
    for path, faces in found:
        if len(faces) == 1 or reference is None:
            face = best_face(faces)
        else:
            face = max(faces, key=lambda f: float((reference @ f.embedding).mean()))
        paths.append(path)
        vectors.append(face.embedding)
    dim = pipeline.embedder.dim
    return paths, (np.stack(vectors) if vectors else np.zeros((0, dim), np.float32)), failed


def clean_folder(pipeline, folder: Path, root: Path, threshold: float) -> PersonReport:
    paths, vectors, failed = embed_folder(pipeline, folder)
    report = PersonReport(folder.relative_to(root).as_posix() if folder != root else folder.name, str(folder))
    distances = photo_outliers(vectors)
    decidable = len(paths) >= MIN_PHOTOS
    for path, distance in zip(paths, distances):
        report.photos.append(PhotoReport(path.name, round(float(distance), 4),
                                         outlier=bool(decidable and distance > threshold)))
    report.photos.extend(failed)
    if not decidable and len(paths) == 2 and distances[0] > threshold:
        report.note = (f"the 2 photos disagree (distance {distances[0]:.2f} > {threshold:.2f}); with fewer than "
                       f"{MIN_PHOTOS} photos the odd one cannot be told")
    elif not decidable:
        report.note = f"{len(paths)} usable photo(s): at least {MIN_PHOTOS} are needed to find an outlier"
    return report


def move_outlier(source: Path, root: Path, move_to: Path) -> Path:
    """Move one photo under move_to, mirroring its place under root; never overwrite."""
    target = move_to / source.relative_to(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    stem, n = target.stem, 1
    while target.exists():
        target = target.with_name(f"{stem}_{n}{target.suffix}")
        n += 1
    shutil.move(str(source), str(target))
    return target


def run_clean(pipeline, root: Path, threshold: float, move_to: Path | None = None,
              progress=None) -> list[PersonReport]:
    root = Path(root)
    folders = person_folders(root)
    if move_to is not None:
        move_to = Path(move_to)
        if move_to.resolve() == root.resolve() or root.resolve() in move_to.resolve().parents:
            raise ValueError(f"--move-to {move_to} is inside --input {root}; choose a folder outside it")
    reports = []
    for i, folder in enumerate(folders, start=1):
        if progress:
            progress(i, len(folders), folder.name)
        report = clean_folder(pipeline, folder, root, threshold)
        if move_to is not None:
            for photo in report.outliers:
                photo.moved_to = str(move_outlier(folder / photo.file, root, move_to))
        reports.append(report)
    return reports


def cmd_clean(args) -> int:
    if args.threshold is not None and not 0.0 < args.threshold < 2.0:
        raise CliError(f"--threshold {args.threshold} is not a cosine distance between 0 and 2")
    root = Path(args.input)
    person_folders(root)  # fail on a bad folder before loading any model
    pipeline = load_pipeline(args.settings)
    match_threshold = args.settings.threshold or pipeline.embedder.default_threshold
    threshold = args.threshold if args.threshold is not None else default_distance_threshold(match_threshold)

    def progress(i: int, total: int, name: str) -> None:
        if not args.json:
            print(f"\r[{i}/{total}] {name[:40]:<40}", end="", file=sys.stderr, flush=True)

    reports = run_clean(pipeline, root, threshold, Path(args.move_to) if args.move_to else None, progress)
    if not args.json:
        print(file=sys.stderr)
    outliers = [(r, p) for r in reports for p in r.outliers]
    data = {"input": str(root), "model": pipeline.description, "threshold": round(threshold, 4),
            "threshold_source": "--threshold" if args.threshold is not None else
            f"1 - match threshold {match_threshold:.2f}",
            "people": [asdict(r) for r in reports],
            "outliers": [{"person": r.person, "file": p.file, "mean_distance": p.mean_distance,
                          "moved_to": p.moved_to} for r, p in outliers]}
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    lines = [f"{len(reports)} person folder(s), {pipeline.description}, outlier when mean distance > "
             f"{threshold:.2f} ({data['threshold_source']})"]
    for r in reports:
        for p in r.photos:
            if p.outlier:
                action = f" -> moved to {p.moved_to}" if p.moved_to else ""
                lines.append(f"outlier  {r.person}/{p.file}  mean distance {p.mean_distance:.3f}{action}")
            elif p.problem:
                lines.append(f"skipped  {r.person}/{p.file}: {p.problem}")
        if r.note:
            lines.append(f"note     {r.person}: {r.note}")
    lines.append(f"{len(outliers)} outlier(s) found" + (" and moved" if args.move_to and outliers else ""))
    print("\n".join(lines))
    return 0


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "clean", help="find photos that do not belong in per-person folders (mislabelled images)",
        description="For each person folder, every photo's mean cosine distance to the other photos; photos "
                    "above the threshold are listed (or moved). Default threshold: 1 - the embedder's match "
                    "threshold.")
    p.add_argument("--input", required=True, metavar="DIR", help="folder of person folders")
    p.add_argument("--threshold", type=float, metavar="T",
                   help="mean cosine distance above which a photo is an outlier (default: 1 - match threshold)")
    p.add_argument("--move-to", metavar="DIR", help="move outliers here (mirroring their folders) instead of listing only")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_clean)
    return p
