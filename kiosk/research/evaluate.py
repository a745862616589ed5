"""`kiosk evaluate`: how well the engine recognises held-out photos of enrolled people, with and
without (synthetic or real) masks, and how often it accepts people who are not enrolled (SPEC 6).

Protocol (docs/evaluation/README.md):
- Folders of person/image files. When --gallery and --probes name the same folder(s), the first
  N photos of each person (sorted by name; --gallery-pattern / --probe-pattern filter them) are
  enrolled and the rest are probes; people without N gallery photos and one probe left are
  *left out* of the gallery and all their photos become impostor probes (also --impostors DIR).
- Gallery photos are enrolled in memory with Enroller.build, so the gallery holds exactly what the
  kiosk stores: 3 originals + 18 masked templates per person. The report measures the gallery
  with the originals only and with all 21 templates.
- Probes are real photos; --mask-probes also renders each with a synthetic mask of a random type,
  in a random colour (random_style, seeds unlike the enrolment's).
- Per threshold: correct / wrong / unknown for enrolled people's probes (they add up to the probe
  count; probes where no face was found are unknown), false accepts of impostor probes.
  Verification view: every probe against every enrolled person (its own person: genuine pair, any
  other: impostor pair; the person's score is the max over their templates); TAR at FAR 1%, 0.5%,
  0.1%, and the threshold there.
- Every image is detected and embedded once per run (an in-memory cache).
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import logging
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from kiosk.app.settings import load_settings
from kiosk.enrollment.templates import CheckedPhoto, Enroller
from kiosk.gallery.store import PersonRecord
from kiosk.recognition.matcher import Matcher
from kiosk.recognition.scoring import NORMS, Scoring, score_people, znorm_stats
from kiosk.research import openset
from kiosk.vision import quality
from kiosk.vision.image_io import IMAGE_SUFFIXES, load_image
from kiosk.vision.pipeline import EMBEDDER_CHOICES, load_pipeline
from kiosk.vision.types import same_face, subject_face

log = logging.getLogger(__name__)

FAR_TARGETS = (0.01, 0.005, 0.001)
CALIBRATION_FAR = 0.005
GALLERY_VARIANTS = ("originals", "originals+masked")
PROBE_SEED_BASE = 100_003  # enrolment renders use seeds 1..N: probes must never reuse them


class EvaluationError(ValueError):
    """Bad input for an evaluation; str() is fit for the user."""


# ---- what to enrol and what to probe ----------------------------------------------------------

@dataclass
class Plan:
    gallery: dict[str, list[Path]]
    probes: list[tuple[str, Path]]
    impostors: list[tuple[str, Path]]
    left_out: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _images(folder: Path, pattern: str | None) -> list[Path]:
    files = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
             and not p.name.startswith(".")]
    if pattern:
        files = [p for p in files if fnmatch.fnmatch(p.name, pattern)]
    return sorted(files, key=lambda p: p.name)


def find_people(roots: list[Path], pattern: str | None = None, role: str = "gallery") -> dict[str, list[Path]]:
    """person -> sorted image files, over one or more roots of person folders."""
    people: dict[str, list[Path]] = {}
    for root in roots:
        root = Path(root)
        if not root.exists():
            raise EvaluationError(f"{role} folder {root} does not exist")
        if not root.is_dir():
            raise EvaluationError(f"{role} path {root} is not a folder")
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
        if not folders:
            raise EvaluationError(f"{role} folder {root} has no person folders (expected {root}/NAME/IMAGE)")
        for folder in folders:
            files = _images(folder, pattern)
            if files:
                people.setdefault(folder.name, []).extend(files)
    if not people:
        what = f" matching {pattern!r}" if pattern else ""
        raise EvaluationError(f"no images{what} in the person folders of {', '.join(map(str, roots))}")
    return {k: sorted(v, key=lambda p: p.name) for k, v in sorted(people.items())}


def plan_split(gallery_roots: list[Path], probe_roots: list[Path], impostor_roots: list[Path] | None = None,
               gallery_size: int = 3, gallery_pattern: str | None = None,
               probe_pattern: str | None = None) -> Plan:
    if gallery_size < 1:
        raise EvaluationError("--gallery-size must be at least 1")
    gallery_roots = [Path(p) for p in gallery_roots]
    probe_roots = [Path(p) for p in probe_roots]
    candidates = find_people(gallery_roots, gallery_pattern, "gallery")
    probe_people = find_people(probe_roots, probe_pattern, "probe")
    same = sorted(p.resolve() for p in gallery_roots) == sorted(p.resolve() for p in probe_roots)
    gallery: dict[str, list[Path]] = {}
    probes, impostors, left_out, notes = [], [], [], []
    if same:
        for person in sorted(set(candidates) | set(probe_people)):
            chosen = candidates.get(person, [])[:gallery_size]
            rest = [p for p in probe_people.get(person, []) if p not in chosen]
            if len(chosen) == gallery_size and rest:
                gallery[person] = chosen
                probes.extend((person, p) for p in rest)
            else:
                left_out.append(person)
                files = sorted(set(candidates.get(person, [])) | set(probe_people.get(person, [])))
                impostors.extend((person, p) for p in files)
    else:
        for person, files in candidates.items():
            gallery[person] = files[:gallery_size]
            if len(files) < gallery_size:
                notes.append(f"{person}: only {len(files)} gallery photo(s)")
        for person, files in probe_people.items():
            target = probes if person in gallery else impostors
            if person not in gallery:
                left_out.append(person)
            target.extend((person, p) for p in files if p not in gallery.get(person, []))
    extra = find_people([Path(p) for p in impostor_roots], probe_pattern, "impostor") if impostor_roots else {}
    for person, files in extra.items():
        key = person if person not in gallery else f"impostor:{person}"
        left_out.append(key)
        impostors.extend((key, p) for p in files)
    if not gallery:
        raise EvaluationError(f"nobody has {gallery_size} gallery photo(s) and a probe left: lower "
                              f"--gallery-size or add photos")
    if not probes:
        raise EvaluationError("no probe photos of enrolled people")
    return Plan(gallery, probes, impostors, sorted(set(left_out)), notes)


# ---- embedding every image once ---------------------------------------------------------------

def blank_lower_face(image_bgr: np.ndarray, face, fraction: float = 0.45, fill=(128, 128, 128)) -> np.ndarray:
    """The image with everything below a line across the nose bridge painted flat (the part a
    mask covers), following head tilt: the periocular view of a face. `fraction` is where the line
    crosses the way from the eyes' midpoint to the nose tip."""

    lm = np.asarray(face.landmarks, np.float32)
    eyes = (lm[0] + lm[1]) / 2
    along = lm[1] - lm[0]
    along = along / max(float(np.linalg.norm(along)), 1e-6)
    down = np.array([-along[1], along[0]], np.float32)
    if float(np.dot(lm[2] - eyes, down)) < 0:
        down = -down
    centre = eyes + fraction * (lm[2] - eyes)
    big = float(sum(image_bgr.shape[:2])) * 2
    poly = np.array([centre - big * along, centre + big * along,
                     centre + big * along + big * down, centre - big * along + big * down], np.float32)
    out = image_bgr.copy()
    cv2.fillPoly(out, [np.round(poly).astype(np.int32)], fill)
    return out


def _stable_seed(*parts) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode()) % 1_000_000


class EmbeddingCache:
    """Every image of a run detected and embedded once; views are 'plain', 'masked' (a synthetic
    mask in a random style), 'plain_upper' and 'masked_upper' (lower face blanked)."""

    def __init__(self, pipeline, *, mask_probes: bool = False, periocular: bool = False, seed: int = 0,
                 mask_classifier=None):

        self.pipeline = pipeline
        self.mask_classifier = mask_classifier  # MaskClassifier: P(mask) of every view's face
        self.mask_prob: dict[tuple[str, str], float] = {}
        self.mask_probes = mask_probes
        self.periocular = periocular
        self.seed = seed
        self._load = load_image
        self._renderer = None
        self.vectors: dict[tuple[str, str], np.ndarray | None] = {}
        self.faces: dict[str, object] = {}
        self.info: dict[str, dict] = {}
        self.errors: dict[str, str] = {}

    @property
    def renderer(self):
        if self._renderer is None:
            from kiosk.vision.masks import MaskRenderer

            self._renderer = MaskRenderer()
        return self._renderer

    def views(self) -> list[str]:
        views = ["plain"] + (["masked"] if self.mask_probes else [])
        return views + [v + "_upper" for v in views] if self.periocular else views

    def get(self, path: Path, view: str) -> np.ndarray | None:
        key = (str(path), view)
        if key not in self.vectors:
            self.compute(path)
        return self.vectors.get(key)

    def compute(self, path: Path) -> None:
        """Detect, render, align and embed every view of one image (one embedding batch)."""
        name = str(path)
        views = self.views()
        for view in views:
            self.vectors[(name, view)] = None
        try:
            image = self._load(path)
        except Exception as exc:  # one unreadable file is reported, never aborts the run
            self.errors[name] = str(exc)
            self.faces[name] = None
            return
        face = subject_face(self.pipeline.detect(image), image.shape)
        self.faces[name] = face
        if face is None:
            return
        embedder = self.pipeline.embedder
        crops, keys = [embedder.align(image, face)], ["plain"]
        if self.mask_classifier is not None:
            self.mask_prob[(name, "plain")] = self.mask_classifier.predict(image, face)[1]
        if self.periocular:
            crops.append(embedder.align(blank_lower_face(image, face), face))
            keys.append("plain_upper")
        if self.mask_probes:
            from kiosk.vision.mask_templates import MASK_TYPES

            seed = PROBE_SEED_BASE + _stable_seed(self.seed, path.parent.name, path.name)
            mask_type = MASK_TYPES[seed % len(MASK_TYPES)]
            rendering = self.renderer.render(image, face.box, mask_type, seed=seed, random_style=True)
            found = self.pipeline.detect(rendering.image)
            masked_face = same_face(found, face, min_iou=0.3)
            self.info[name] = {"mask_type": mask_type, "colour": getattr(rendering, "colour", None),
                               "masked_face_found": masked_face is not None}
            if masked_face is not None:
                crops.append(embedder.align(rendering.image, masked_face))
                keys.append("masked")
                if self.mask_classifier is not None:
                    self.mask_prob[(name, "masked")] = self.mask_classifier.predict(rendering.image, masked_face)[1]
                if self.periocular:
                    crops.append(embedder.align(blank_lower_face(rendering.image, masked_face), masked_face))
                    keys.append("masked_upper")
        vectors = embedder.embed_crops(crops)
        for key, vector in zip(keys, vectors):
            self.vectors[(name, key)] = vector


# ---- the gallery ------------------------------------------------------------------------------

@dataclass
class Gallery:
    records: list  # PersonRecord, in enrolment order
    people: list[str]
    failures: list[str]  # gallery photos without a face
    upper: dict[str, np.ndarray] = field(default_factory=dict)  # person -> periocular originals


def build_gallery(pipeline, plan: Plan, cache: EmbeddingCache, *, masks: bool = True,
                  progress=None) -> Gallery:
    """Enrol every gallery person in memory exactly as the kiosk does (Enroller.build)."""

    enroller = Enroller(pipeline, store=None, masks=masks)
    records, people, failures, upper = [], [], [], {}
    for n, (person, files) in enumerate(plan.gallery.items()):
        photos = []
        for i, path in enumerate(files, start=1):
            try:
                image = load_image(path)
            except Exception as exc:
                failures.append(f"{path}: {exc}")
                continue
            face = subject_face(pipeline.detect(image), image.shape)
            if face is None:
                failures.append(f"{path}: no face found")
                continue
            graded = quality.assess(image, [face])
            photos.append(CheckedPhoto(image, face, graded, f"{person}/{path.name}"))
        if progress:
            progress(person)
        if not photos:
            continue
        record = enroller.build(f"P{n:04d}", person, "0000000", photos)
        records.append(record)
        people.append(person)
        if cache.periocular:
            crops = [pipeline.embedder.align(blank_lower_face(p.image, p.face), p.face) for p in photos]
            upper[person] = pipeline.embedder.embed_crops(crops)
    if not records:
        raise EvaluationError("no face found in any gallery photo")
    return Gallery(records, people, failures, upper)


def originals_only(records: list) -> list:
    return [PersonRecord(r.user_id, r.name, r.embedder, r.originals, {}, r.mobile, r.metadata) for r in records]


# ---- scores and metrics -----------------------------------------------------------------------

@dataclass
class ScoreSet:
    """Person scores of the detected probes: genuine rows first (truth = person index), then
    impostor rows (truth = -1); masked_win[q, p] says a masked template decided the score."""
    scores: np.ndarray
    truth: np.ndarray
    masked_win: np.ndarray
    no_face_genuine: int = 0
    no_face_impostor: int = 0


def tar_at_far(genuine: np.ndarray, impostor: np.ndarray, far: float) -> dict:
    """The lowest threshold with at most `far` of impostor scores at or above it, and the share
    of genuine scores there."""
    impostor = np.sort(np.asarray(impostor, np.float64))[::-1]
    genuine = np.asarray(genuine, np.float64)
    allowed = int(np.floor(far * len(impostor)))
    if len(impostor) == 0:
        threshold = -np.inf
    elif allowed >= len(impostor):
        threshold = float(impostor[-1])
    else:
        threshold = float(np.nextafter(impostor[allowed], np.inf))
    tar = float(np.mean(genuine >= threshold)) if len(genuine) else 0.0
    actual = float(np.mean(impostor >= threshold)) if len(impostor) else 0.0
    return {"far": far, "threshold": round(threshold, 4) if np.isfinite(threshold) else None,
            "tar": round(tar, 4), "actual_far": round(actual, 5), "impostor_pairs": int(len(impostor))}


def pairs(s: ScoreSet) -> tuple[np.ndarray, np.ndarray]:
    """Genuine pair scores and impostor pair scores (every probe against every other person)."""
    genuine_rows = s.truth >= 0
    g = s.scores[genuine_rows]
    t = s.truth[genuine_rows]
    genuine = g[np.arange(len(g)), t]
    other = np.ones_like(g, bool)
    other[np.arange(len(g)), t] = False
    impostor = np.concatenate([g[other], s.scores[~genuine_rows].ravel()])
    return genuine, impostor


def decide(s: ScoreSet, threshold: float, masked_threshold: float | None = None) -> dict:
    """Counts at one operating point (a masked threshold applies when a masked template decides)."""
    masked_threshold = threshold if masked_threshold is None else masked_threshold
    genuine_rows = s.truth >= 0
    n_gen = int(genuine_rows.sum()) + s.no_face_genuine
    n_imp = int((~genuine_rows).sum()) + s.no_face_impostor
    if s.scores.shape[1] == 0:
        return {"correct": 0, "wrong": 0, "unknown": n_gen, "false_accepts": 0}
    top = s.scores.argmax(1)
    best = s.scores[np.arange(len(top)), top]
    limit = np.where(s.masked_win[np.arange(len(top)), top], masked_threshold, threshold)
    accepted = best >= limit
    right = top == s.truth
    correct = int((accepted & right & genuine_rows).sum())
    wrong = int((accepted & ~right & genuine_rows).sum())
    false_accepts = int((accepted & ~genuine_rows).sum())
    return {"correct": correct, "wrong": wrong, "unknown": n_gen - correct - wrong,
            "probes": n_gen, "false_accepts": false_accepts, "impostor_probes": n_imp,
            "accuracy": round(correct / n_gen, 4) if n_gen else 0.0,
            "false_accept_rate": round(false_accepts / n_imp, 4) if n_imp else None,
            "misidentification_rate": round((wrong + false_accepts) / max(n_gen + n_imp, 1), 4)}


def open_set(s: ScoreSet, rate: float = CALIBRATION_FAR) -> dict:
    """The kiosk's own view: every probe is one attempt at the door, decided on its top person.
    The lowest single threshold at which wrong names plus accepted left-out people stay at or
    under `rate` of all attempts, and the share of enrolled people's probes recognised there."""
    n_gen = int((s.truth >= 0).sum()) + s.no_face_genuine
    n_all = len(s.truth) + s.no_face_genuine + s.no_face_impostor
    if s.scores.shape[1] == 0 or n_all == 0:
        return {"rate": rate, "threshold": None, "recognised": 0.0}
    top = s.scores.argmax(1)
    best = s.scores[np.arange(len(top)), top]
    good = (top == s.truth) & (s.truth >= 0)
    bad = np.sort(best[~good])[::-1]
    allowed = int(np.floor(rate * n_all))
    threshold = float(np.nextafter(bad[allowed], np.inf)) if allowed < len(bad) else float(best.min())
    return {"rate": rate, "threshold": round(threshold, 4),
            "recognised": round(float((good & (best >= threshold)).sum()) / max(n_gen, 1), 4),
            "errors": int((bad >= threshold).sum()), "attempts": n_all}


def sweep_grid(s: ScoreSet, steps: int = 61) -> np.ndarray:
    finite = s.scores[np.isfinite(s.scores)]
    if finite.size == 0:
        return np.array([0.0])
    lo, hi = float(np.quantile(finite, 0.01)), float(finite.max())
    if 0.0 <= lo and hi <= 1.0:  # cosines and probabilities: round steps of 0.01-0.05
        step = 0.01 if hi - lo <= 0.8 else 0.02
        return np.round(np.arange(np.floor(lo / step) * step, hi + step, step), 4)
    return np.round(np.linspace(lo, hi, steps), 4)


def metrics(s: ScoreSet, *, masked_threshold_offset: float = 0.0, sweep: bool = True) -> dict:
    genuine_rows = s.truth >= 0
    n_detected = int(genuine_rows.sum())
    n_gen = n_detected + s.no_face_genuine
    top = s.scores.argmax(1) if s.scores.shape[1] else np.full(len(s.truth), -1)
    right_top = int((top[genuine_rows] == s.truth[genuine_rows]).sum())
    genuine, impostor = pairs(s)
    out = {
        "probes": n_gen, "probes_no_face": s.no_face_genuine,
        "impostor_probes": int((~genuine_rows).sum()) + s.no_face_impostor,
        "impostor_probes_no_face": s.no_face_impostor,
        "rank1": round(right_top / n_detected, 4) if n_detected else 0.0,
        "rank1_end_to_end": round(right_top / n_gen, 4) if n_gen else 0.0,
        "genuine_pairs": int(len(genuine)), "impostor_pairs": int(len(impostor)),
        "genuine_mean": round(float(genuine.mean()), 4) if len(genuine) else None,
        "impostor_mean": round(float(impostor.mean()), 4) if len(impostor) else None,
        "tar_at_far": {f"{far:g}": tar_at_far(genuine, impostor, far) for far in FAR_TARGETS},
    }
    out["open_set"] = open_set(s)
    at = out["tar_at_far"][f"{CALIBRATION_FAR:g}"]["threshold"]
    out["threshold_far_0.5%"] = at
    if at is not None:
        out["at_threshold_far_0.5%"] = decide(s, at, at + masked_threshold_offset)
    if sweep:
        out["sweep"] = []
        for t in sweep_grid(s):
            row = {"threshold": float(t)} | decide(s, float(t), float(t) + masked_threshold_offset)
            row["tar"] = round(float(np.mean(genuine >= t)), 4) if len(genuine) else 0.0
            row["far"] = round(float(np.mean(impostor >= t)), 5) if len(impostor) else 0.0
            out["sweep"].append(row)
    return out


class GalleryIndex:
    """The stacked templates of a gallery variant, in the layout of Matcher, plus the statistics
    the score normalisations need."""

    def __init__(self, records: list, embedder: str):
        self.matcher = Matcher(records, embedder, threshold=0.0)
        self.matrix = self.matcher.matrix
        self.owner, self.starts, self.masked = self.matcher.owner, self.matcher.starts, self.matcher.masked
        self._znorm = None

    @property
    def znorm(self):
        if self._znorm is None:
            self._znorm = znorm_stats(self.matrix, self.owner)
        return self._znorm

    def score(self, queries: np.ndarray, scoring: Scoring = Scoring()) -> tuple[np.ndarray, np.ndarray]:
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        sims = queries @ self.matrix.T
        best, arg = score_people(sims, self.starts, self.owner, self.masked, scoring,
                                 self.znorm if scoring.norm == "znorm" else None)
        return best, self.masked[arg] if self.masked.size else np.zeros(best.shape, bool)


def fuse_groups(vectors: list[np.ndarray | None], owners: list[str], size: int) -> tuple[list, list]:
    """Multi-frame fusion: consecutive probes of one person averaged in groups of `size`."""
    if size <= 1:
        return vectors, owners
    fused, fused_owner = [], []
    by_person: dict[str, list[np.ndarray]] = {}
    order: list[str] = []
    for v, o in zip(vectors, owners):
        if o not in by_person:
            by_person[o] = []
            order.append(o)
        if v is not None:
            by_person[o].append(v)
    for person in order:
        rows = by_person[person]
        for start in range(0, len(rows), size):
            group = np.mean(rows[start:start + size], axis=0)
            fused.append(group / max(float(np.linalg.norm(group)), 1e-12))
            fused_owner.append(person)
    return fused, fused_owner


def score_set(index, people: list[str], probes: list[tuple[str, Path]], impostors: list[tuple[str, Path]],
              cache: EmbeddingCache, view: str, scoring: Scoring = Scoring(), fuse: int = 1,
              upper_index=None, upper_weight: float = 0.0) -> ScoreSet:
    """Scores of every probe (genuine, then impostor) against one gallery."""
    position = {p: i for i, p in enumerate(people)}
    blocks, truths, flags = [], [], []
    missing = []
    for rows, is_genuine in ((probes, True), (impostors, False)):
        vectors = [cache.get(path, view) for _, path in rows]
        owners = [person for person, _ in rows]
        missing.append(sum(v is None for v in vectors))
        extra = None
        if upper_index is not None:
            upper_view = view + "_upper"
            extra = [cache.get(path, upper_view) for _, path in rows]
            keep = [a is not None and b is not None for a, b in zip(vectors, extra)]
            missing[-1] = len(rows) - sum(keep)
            vectors = [v for v, k in zip(vectors, keep) if k]
            extra = [e for e, k in zip(extra, keep) if k]
            owners = [o for o, k in zip(owners, keep) if k]
        else:
            keep = [v is not None for v in vectors]
            vectors = [v for v in vectors if v is not None]
            owners = [o for o, k in zip(owners, keep) if k]
        if fuse > 1:
            if extra is not None:
                extra, _ = fuse_groups(extra, owners, fuse)
            vectors, owners = fuse_groups(vectors, owners, fuse)
        if not vectors:
            continue
        scores, masked_win = index.score(np.stack(vectors), scoring)
        if upper_index is not None and upper_weight:
            upper_scores, _ = upper_index.score(np.stack(extra), scoring)
            scores = (1 - upper_weight) * scores + upper_weight * upper_scores
        blocks.append(scores)
        flags.append(masked_win)
        truths.append(np.array([position[o] if is_genuine else -1 for o in owners], np.int64))
    p = len(people)
    return ScoreSet(np.concatenate(blocks) if blocks else np.zeros((0, p), np.float32),
                    np.concatenate(truths) if truths else np.zeros(0, np.int64),
                    np.concatenate(flags) if flags else np.zeros((0, p), bool),
                    missing[0], missing[1])


def _pair_parts(s: ScoreSet):
    """Genuine pair scores, impostor pair scores and whether a masked template decided each."""
    genuine_rows = s.truth >= 0
    g, t, gm = s.scores[genuine_rows], s.truth[genuine_rows], s.masked_win[genuine_rows]
    rows = np.arange(len(g))
    other = np.ones_like(g, bool)
    other[rows, t] = False
    return (g[rows, t], gm[rows, t],
            np.concatenate([g[other], s.scores[~genuine_rows].ravel()]),
            np.concatenate([gm[other], s.masked_win[~genuine_rows].ravel()]))


def calibrate_pair(unmasked: ScoreSet, masked: ScoreSet, far: float = CALIBRATION_FAR) -> dict:
    """Main and masked thresholds for a 21-template gallery. The main threshold is where unmasked
    probes' impostor pairs reach `far`; the masked threshold (used when a masked template decides)
    is the lowest value that keeps the false accept rate of *both* unmasked and masked probes at or
    under `far` (a kiosk sees both)."""
    parts = {"unmasked": _pair_parts(unmasked), "masked": _pair_parts(masked)}
    main = tar_at_far(parts["unmasked"][0], parts["unmasked"][2], far)["threshold"] or 0.0

    def rate(name: str, tm: float) -> float:
        _, _, imp, imp_m = parts[name]
        return float(np.mean(imp >= np.where(imp_m, tm, main))) if len(imp) else 0.0

    candidates = np.unique(np.concatenate([parts[n][2][parts[n][3]] for n in parts] + [[main]]))
    candidates = np.nextafter(candidates, np.inf)
    masked_t = float(candidates[-1])
    lo, hi = 0, len(candidates) - 1
    while lo <= hi:  # false accept rates fall as the masked threshold rises: bisect
        mid = (lo + hi) // 2
        if rate("unmasked", candidates[mid]) <= far and rate("masked", candidates[mid]) <= far:
            masked_t, hi = float(candidates[mid]), mid - 1
        else:
            lo = mid + 1
    result = {"far": far, "threshold": round(float(main), 4), "masked_threshold": round(masked_t, 4)}
    for name, s in (("unmasked", unmasked), ("masked", masked)):
        gen, gen_m, _, _ = parts[name]
        result[name] = {"tar": round(float(np.mean(gen >= np.where(gen_m, masked_t, main))), 4) if len(gen) else 0.0,
                        "far": round(rate(name, masked_t), 5), **decide(s, main, masked_t)}
    return result


# ---- the run ----------------------------------------------------------------------------------

@dataclass
class Options:
    gallery: list[Path]
    probes: list[Path]
    impostors: list[Path] = field(default_factory=list)
    gallery_size: int = 3
    gallery_pattern: str | None = None
    probe_pattern: str | None = None
    mask_probes: bool = False
    matcher: str = "cosine"
    svm_kernel: str = "linear"
    templates: str = "both"  # originals | masked | both
    scoring: Scoring = field(default_factory=Scoring)
    periocular_weight: float = 0.0
    fuse: int = 1
    gate: str = "none"  # none | mask-classifier | embedding | oracle (see GATES)
    gate_offset: float = 0.0  # gated masked probes: subtracted from masked templates' similarities
    seed: int = 0
    out: Path | None = None
    plots: bool = True
    progress: bool = True


def gallery_variants(templates: str) -> list[str]:
    return {"originals": ["originals"], "masked": ["originals+masked"], "both": list(GALLERY_VARIANTS)}[templates]


def prepare(options: Options, pipeline, *, periocular: bool | None = None):
    """Split the folders, enrol the gallery and embed every probe once: (plan, cache, gallery)."""
    plan = plan_split(options.gallery, options.probes, options.impostors, options.gallery_size,
                      options.gallery_pattern, options.probe_pattern)
    periocular = options.periocular_weight > 0 if periocular is None else periocular
    classifier = None
    if options.gate == "mask-classifier":
        from kiosk.vision.mask_classifier import MaskClassifier

        classifier = MaskClassifier.load()
    cache = EmbeddingCache(pipeline, mask_probes=options.mask_probes, periocular=periocular, seed=options.seed,
                           mask_classifier=classifier)
    images = [p for _, p in plan.probes + plan.impostors]
    bar = _progress_bar(len(plan.gallery) + len(images), options.progress)
    gallery = build_gallery(pipeline, plan, cache, masks="originals+masked" in gallery_variants(options.templates),
                            progress=lambda _: bar.update(1))
    for path in images:
        cache.compute(path)
        bar.update(1)
    bar.close()
    return plan, cache, gallery


def run(options: Options, pipeline=None, prepared=None) -> dict:
    """The whole evaluation; returns the report (and writes it with plots when options.out).
    `prepared` (from prepare()) lets several scoring options share one set of embeddings."""

    started = time.perf_counter()
    pipeline = pipeline or load_pipeline(load_settings())
    plan, cache, gallery = prepared or prepare(options, pipeline)
    report = _report(options, plan, pipeline, cache, gallery, gallery_variants(options.templates))
    report["seconds"] = round(time.perf_counter() - started, 1)
    if options.out:
        write_report(report, Path(options.out), plots=options.plots)
    return report


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="embedding", unit="img", disable=not enabled, file=sys.stderr,
                leave=False)


def _probe_views(options: Options) -> list[tuple[str, str]]:
    return [("unmasked", "plain")] + ([("masked", "masked")] if options.mask_probes else [])


def _report(options: Options, plan: Plan, pipeline, cache: EmbeddingCache, gallery: Gallery,
            variants: list[str]) -> dict:
    in_gallery = set(gallery.people)
    probes = [(p, f) for p, f in plan.probes if p in in_gallery]
    # A gallery person without any face in their photos is, in effect, left out of the gallery.
    impostors = plan.impostors + [(p, f) for p, f in plan.probes if p not in in_gallery]
    embedder = pipeline.embedder
    report = {
        "protocol": {
            "gallery": [str(p) for p in options.gallery], "probes": [str(p) for p in options.probes],
            "impostors": [str(p) for p in options.impostors], "gallery_size": options.gallery_size,
            "gallery_pattern": options.gallery_pattern, "probe_pattern": options.probe_pattern,
            "mask_probes": options.mask_probes, "seed": options.seed, "matcher": options.matcher,
            "scoring": options.scoring.describe(), "periocular_weight": options.periocular_weight,
            "fuse_frames": options.fuse, "gate": options.gate, "gate_offset": options.gate_offset,
        },
        "model": {"detector": pipeline.detector.name, "embedder": embedder.name,
                  "default_threshold": getattr(embedder, "default_threshold", None),
                  "default_masked_threshold": getattr(embedder, "default_masked_threshold", None)},
        "data": {
            "gallery_people": len(gallery.people), "gallery_photos": sum(len(v) for v in plan.gallery.values()),
            "probes": len(probes), "impostor_probes": len(impostors),
            "left_out_of_gallery": plan.left_out, "notes": plan.notes,
            "detection_failures": {
                "gallery": gallery.failures,
                "probes": sorted(f"{p}/{f.name}" for p, f in probes if cache.faces.get(str(f)) is None),
                "impostors": sorted(f"{p}/{f.name}" for p, f in impostors if cache.faces.get(str(f)) is None),
                "masked_renderings": sorted(f"{Path(k).parent.name}/{Path(k).name}" for k, v in cache.info.items()
                                            if not v["masked_face_found"] and cache.faces.get(k) is not None),
            },
            "unreadable": cache.errors,
        },
        "results": {},
    }
    fails = report["data"]["detection_failures"]
    report["data"]["probes_without_face"] = len(fails["probes"])
    report["data"]["impostor_probes_without_face"] = len(fails["impostors"])
    if not any(cache.faces.get(str(f)) is not None for _, f in probes):
        raise EvaluationError("no face found in any probe photo")
    sets: dict[tuple[str, str, str], ScoreSet] = {}
    cosine: dict = {}
    for variant in variants:
        records = gallery.records if variant == "originals+masked" else originals_only(gallery.records)
        index = GalleryIndex(records, embedder.name)
        upper_index = _UpperIndex(gallery) if options.periocular_weight > 0 else None
        cosine[variant] = {}
        for probe_name, view in _probe_views(options):
            s = score_set(index, gallery.people, probes, impostors, cache, view, options.scoring,
                          options.fuse, upper_index, options.periocular_weight)
            sets[("cosine", variant, probe_name)] = s
            cosine[variant][probe_name] = metrics(s)
    report["results"]["cosine"] = cosine
    defaults = (getattr(embedder, "default_threshold", None), getattr(embedder, "default_masked_threshold", None))
    if options.gate != "none":
        _gated_results(options, report, cache, gallery, embedder, probes, impostors, sets)
    if defaults[0] is not None:
        # Gated masked probes are decided at the embedder's gate threshold (the masked one without).
        gated_default = (defaults[0], getattr(embedder, "default_gate_threshold", defaults[1]))
        for (matcher, variant, probe_name), s in sets.items():
            if matcher == "cosine":
                at = gated_default if variant.startswith("gated:") else defaults
                report["results"]["cosine"][variant][probe_name]["at_default_thresholds"] = decide(s, *at)
    if options.mask_probes and "originals+masked" in variants:
        report["operating_point"] = calibrate_pair(sets[("cosine", "originals+masked", "unmasked")],
                                                   sets[("cosine", "originals+masked", "masked")])
    if options.matcher == "svm":
        from kiosk.recognition.svm import SvmMatcher

        svm: dict = {}
        for variant in variants:
            try:
                model = SvmMatcher(gallery.records, embedder.name, kernel=options.svm_kernel,
                                   originals_only=variant == "originals", seed=options.seed)
            except ValueError as exc:
                svm[variant] = {"error": str(exc)}
                continue
            svm[variant] = {}
            for probe_name, view in _probe_views(options):
                s = score_set(_SvmIndex(model), gallery.people, probes, impostors, cache, view,
                              Scoring(), options.fuse)
                sets[("svm", variant, probe_name)] = s
                svm[variant][probe_name] = metrics(s)
        report["results"]["svm"] = svm
    report["summary"] = summary_rows(report)
    report["_sets"] = sets
    return report


GATES = ("none", "mask-classifier", "embedding", "oracle")
GATE_TEMPLATES = ("all", "masked", "originals")


def is_masked_name(path: Path) -> bool:
    """The file name's own label (real-mask sets name files *_masked* / *_unmasked*)."""
    stem = path.stem.lower()
    return "_masked" in stem and "_unmasked" not in stem


def gate_labels(gate: str, cache: EmbeddingCache, rows: list[tuple[str, Path]], view: str,
                matcher=None, threshold: float | None = None) -> dict[str, bool]:
    """path -> masked label of each probe's face in one view, by the chosen gate."""
    out = {}
    for _, path in rows:
        vector = cache.get(path, view)
        if vector is None:
            continue
        if gate == "oracle":
            out[str(path)] = view == "masked" or is_masked_name(path)
        elif gate == "mask-classifier":
            p = cache.mask_prob.get((str(path), view))
            out[str(path)] = bool(p is not None and p >= (threshold if threshold is not None else 0.5))
        elif gate == "embedding":
            out[str(path)] = bool(matcher.embedding_mask_flags(vector)[0])
    return out


class _GatedIndex:
    """Matcher.match(probe_masked=...) in score form: unmasked probes against the originals,
    masked probes against `kind` templates; masked_win carries the probe's label, so the masked
    threshold applies to masked probes (as in the matcher)."""

    def __init__(self, index: GalleryIndex, kind: str, flags_by_vector: dict[bytes, bool], offset: float = 0.0):
        self.matcher = index.matcher
        self.kind = kind
        self.flags = flags_by_vector
        self.offset = offset

    def score(self, queries, scoring: Scoring = Scoring()):
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        flags = np.array([self.flags[q.tobytes()] for q in queries], bool)
        best = np.zeros((len(queries), len(self.matcher.people)), np.float32)
        for rows, kind in ((~flags, "originals"), (flags, self.kind)):
            if rows.any():
                best[rows] = self.matcher.person_scores(
                    queries[rows], allowed=self.matcher.allowed_templates(kind),
                    masked_offset=self.offset if kind != "originals" else 0.0)[0]
        return best, np.repeat(flags[:, None], best.shape[1], axis=1)


def _gated_results(options: Options, report: dict, cache: EmbeddingCache, gallery: Gallery, embedder,
                   probes: list, impostors: list, sets: dict) -> None:
    """Gated variants (one per GATE_TEMPLATES kind) beside the ungated galleries, the gate's
    labels per probe view, and a calibrated threshold pair per gated variant."""
    index = GalleryIndex(gallery.records, embedder.name)
    flags: dict[bytes, bool] = {}
    shares = {}
    for probe_name, view in _probe_views(options):
        labels = {}
        for rows in (probes, impostors):
            labels |= gate_labels(options.gate, cache, rows, view, index.matcher)
        for path, flag in labels.items():
            flags[cache.get(Path(path), view).tobytes()] = flag
        truth = {path: view == "masked" or is_masked_name(Path(path)) for path in labels}
        shares[probe_name] = {"probes": len(labels), "labelled_masked": sum(labels.values()),
                              "truly_masked": sum(truth.values()),
                              "errors": sum(labels[p] != truth[p] for p in labels)}
    report["gate"] = {"gate": options.gate, "labels": shares}
    for kind in GATE_TEMPLATES:
        name = f"gated:{kind}"
        gated = _GatedIndex(index, kind, flags, options.gate_offset)
        report["results"]["cosine"][name] = {}
        for probe_name, view in _probe_views(options):
            s = score_set(gated, gallery.people, probes, impostors, cache, view)
            sets[("cosine", name, probe_name)] = s
            report["results"]["cosine"][name][probe_name] = metrics(s)
        if options.mask_probes:
            report.setdefault("gated_operating_points", {})[name] = calibrate_pair(
                sets[("cosine", name, "unmasked")], sets[("cosine", name, "masked")])


class _SvmIndex:
    def __init__(self, model):
        self.model = model

    def score(self, queries, scoring=None):
        proba, _ = self.model.person_scores(queries)
        return proba, np.zeros(proba.shape, bool)


class _UpperIndex:
    """Periocular gallery: the originals with the lower face blanked."""

    def __init__(self, gallery: Gallery):
        rows, owner = [], []
        for i, person in enumerate(gallery.people):
            vectors = gallery.upper.get(person, np.zeros((0, 1), np.float32))
            rows.append(vectors)
            owner.extend([i] * len(vectors))
        self.matrix = np.concatenate(rows).astype(np.float32)
        self.owner = np.asarray(owner)
        sizes = np.bincount(self.owner, minlength=len(gallery.people))
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.masked = np.zeros(len(self.matrix), bool)
        self._z = None

    def score(self, queries, scoring: Scoring = Scoring()):
        if scoring.norm == "znorm" and self._z is None:
            self._z = znorm_stats(self.matrix, self.owner)
        sims = np.atleast_2d(queries) @ self.matrix.T
        best, _ = score_people(sims, self.starts, self.owner, self.masked, scoring, self._z)
        return best, np.zeros(best.shape, bool)


def summary_rows(report: dict) -> list[dict]:
    rows = []
    for matcher, by_variant in report["results"].items():
        for variant, by_probe in by_variant.items():
            if "error" in by_probe:
                rows.append({"matcher": matcher, "gallery": variant, "error": by_probe["error"]})
                continue
            for probe, m in by_probe.items():
                far = m["tar_at_far"]
                at = m.get("at_threshold_far_0.5%", {})
                rows.append({"matcher": matcher, "gallery": variant, "probes": probe, "n": m["probes"],
                             "no_face": m["probes_no_face"], "rank1": m["rank1"],
                             "tar_far_1%": far["0.01"]["tar"], "tar_far_0.5%": far["0.005"]["tar"],
                             "tar_far_0.1%": far["0.001"]["tar"], "threshold_far_0.5%": m["threshold_far_0.5%"],
                             "correct": at.get("correct"), "wrong": at.get("wrong"), "unknown": at.get("unknown"),
                             "false_accepts": at.get("false_accepts"), "impostor_probes": m["impostor_probes"],
                             "open_set_recognised": m["open_set"]["recognised"],
                             "open_set_threshold": m["open_set"]["threshold"]})
    return rows


def format_summary(report: dict) -> str:
    model = report["model"]
    data = report["data"]
    lines = [f"{model['detector']} + {model['embedder']}: {data['gallery_people']} people enrolled "
             f"({data['gallery_photos']} photos), {data['probes']} probes "
             f"({data['probes_without_face']} without a face), {data['impostor_probes']} impostor probes "
             f"of {len(data['left_out_of_gallery'])} people left out"]
    header = f"{'matcher':<7} {'gallery':<17} {'probes':<9} {'rank-1':>6} {'TAR@1%':>7} {'@0.5%':>6} {'@0.1%':>6} " \
             f"{'thr@0.5%':>8}  correct/wrong/unknown  FA     open-set"
    lines.append(header)
    for r in report["summary"]:
        if "error" in r:
            lines.append(f"{r['matcher']:<7} {r['gallery']:<17} {r['error']}")
            continue
        thr = f"{r['threshold_far_0.5%']:.3f}" if r["threshold_far_0.5%"] is not None else "-"
        lines.append(f"{r['matcher']:<7} {r['gallery']:<17} {r['probes']:<9} {r['rank1']:>6.1%} "
                     f"{r['tar_far_1%']:>7.1%} {r['tar_far_0.5%']:>6.1%} {r['tar_far_0.1%']:>6.1%} {thr:>8}  "
                     f"{r['correct']}/{r['wrong']}/{r['unknown']}".ljust(len(header) - 2) +
                     f"  {r['false_accepts']}/{r['impostor_probes']}".ljust(8) +
                     f" {r['open_set_recognised']:.1%}")
    model = report["model"]
    if model.get("default_threshold") is not None:
        lines.append(f"at the embedder's thresholds {model['default_threshold']} / masked "
                     f"{model.get('default_masked_threshold')}: correct/wrong/unknown, FA")
        for variant, by_probe in report["results"].get("cosine", {}).items():
            for probe, m in by_probe.items():
                d = m.get("at_default_thresholds")
                if d:
                    lines.append(f"  {variant:<17} {probe:<9} {d['correct']}/{d['wrong']}/{d['unknown']}  "
                                 f"FA {d['false_accepts']}/{d['impostor_probes']}")
    gate = report.get("gate")
    if gate:
        lines.append(f"gate {gate['gate']}: " + ", ".join(
            f"{k} probes {v['labelled_masked']}/{v['probes']} labelled masked ({v['errors']} wrong)"
            for k, v in gate["labels"].items()))
    points = [("21", report.get("operating_point"))] + list(report.get("gated_operating_points", {}).items())
    for name, op in points:
        if op:
            lines.append(f"calibrated pair {name} (FAR {op['far']:.1%}): threshold {op['threshold']:.3f}, masked "
                         f"threshold {op['masked_threshold']:.3f}: unmasked TAR {op['unmasked']['tar']:.1%}, "
                         f"masked TAR {op['masked']['tar']:.1%}, FA {op['unmasked']['false_accepts']}+"
                         f"{op['masked']['false_accepts']}")
    return "\n".join(lines)


# ---- output -----------------------------------------------------------------------------------

def public(report: dict) -> dict:
    return {k: v for k, v in report.items() if not k.startswith("_")}


def write_report(report: dict, out: Path, plots: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.json"
    path.write_text(json.dumps(public(report), indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    written = [path]
    if plots:
        written += write_plots(report, out)
    report.setdefault("files", [str(p) for p in written])
    return written


def write_plots(report: dict, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sets: dict = report.get("_sets", {})
    written = []
    title = f"{report['model']['embedder']} ({report['model']['detector']})"
    for matcher in sorted({k[0] for k in sets}):
        keys = [k for k in sets if k[0] == matcher]
        order = list(GALLERY_VARIANTS) + [f"gated:{kind}" for kind in GATE_TEMPLATES]
        variants = sorted({k[1] for k in keys}, key=order.index)
        probe_kinds = sorted({k[2] for k in keys}, key=["unmasked", "masked"].index)
        # Score histograms: genuine vs impostor pairs.
        fig, axes = plt.subplots(len(variants), len(probe_kinds), figsize=(5.2 * len(probe_kinds), 3.4 * len(variants)),
                                 squeeze=False)
        for i, variant in enumerate(variants):
            for j, probe in enumerate(probe_kinds):
                ax = axes[i][j]
                genuine, impostor = pairs(sets[(matcher, variant, probe)])
                bins = np.linspace(min(genuine.min(initial=0), impostor.min(initial=0)),
                                   max(genuine.max(initial=1), impostor.max(initial=1)), 50)
                ax.hist(impostor, bins=bins, density=True, alpha=0.55, color="tab:red", label=f"impostor ({len(impostor)})")
                ax.hist(genuine, bins=bins, density=True, alpha=0.55, color="tab:green", label=f"genuine ({len(genuine)})")
                thr = report["results"][matcher][variant][probe]["threshold_far_0.5%"]
                if thr is not None:
                    ax.axvline(thr, color="k", ls="--", lw=1, label=f"FAR 0.5%: {thr:.3f}")
                ax.set_title(f"{matcher}, gallery {variant}, {probe} probes", fontsize=9)
                ax.set_xlabel("probability" if matcher == "svm" else "score")
                ax.legend(fontsize=7)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout()
        path = out / f"scores_{matcher}.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(path)
        # Threshold sweep: shares of correct / wrong / unknown probes and impostor false accepts.
        fig, axes = plt.subplots(len(variants), len(probe_kinds), figsize=(5.2 * len(probe_kinds), 3.4 * len(variants)),
                                 squeeze=False)
        for i, variant in enumerate(variants):
            for j, probe in enumerate(probe_kinds):
                ax = axes[i][j]
                rows = report["results"][matcher][variant][probe]["sweep"]
                t = [r["threshold"] for r in rows]
                n = max(rows[0]["probes"], 1)
                ax.plot(t, [r["correct"] / n for r in rows], color="tab:green", label="correct")
                ax.plot(t, [r["wrong"] / n for r in rows], color="tab:orange", label="wrong")
                ax.plot(t, [r["unknown"] / n for r in rows], color="tab:gray", label="unknown")
                ax.plot(t, [r["far"] for r in rows], color="tab:red", ls=":", label="FAR (pairs)")
                if rows[0]["impostor_probes"]:
                    ax.plot(t, [r["false_accept_rate"] for r in rows], color="tab:red", label="left-out accepted")
                ax.set_ylim(-0.02, 1.02)
                ax.set_title(f"{matcher}, gallery {variant}, {probe} probes", fontsize=9)
                ax.set_xlabel("threshold")
                ax.legend(fontsize=7)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout()
        path = out / f"sweep_{matcher}.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(path)
        # ROC: TAR against FAR (log scale).
        fig, ax = plt.subplots(figsize=(6, 4.2))
        for variant in variants:
            for probe in probe_kinds:
                genuine, impostor = pairs(sets[(matcher, variant, probe)])
                if not len(impostor) or not len(genuine):
                    continue
                thresholds = np.unique(np.concatenate([impostor, genuine]))[::-1]
                far = np.searchsorted(-np.sort(-impostor)[::-1], thresholds, side="left")
                far = 1 - far / len(impostor)
                tar = np.array([(genuine >= t).mean() for t in thresholds])
                ax.plot(np.maximum(far, 1e-4), tar, label=f"{variant}, {probe}")
        for x in FAR_TARGETS:
            ax.axvline(x, color="k", lw=0.5, ls=":")
        ax.set_xscale("log")
        ax.set_xlim(1e-4, 1)
        ax.set_ylim(0, 1.01)
        ax.set_xlabel("FAR (impostor pairs)")
        ax.set_ylabel("TAR")
        ax.set_title(f"{title}: {matcher}", fontsize=9)
        ax.legend(fontsize=7)
        fig.tight_layout()
        path = out / f"roc_{matcher}.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(path)
    return written


# ---- command line -----------------------------------------------------------------------------

def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "evaluate", help="measure recognition on folders of person/image files (thresholds, TAR/FAR)",
        description="Enrol gallery photos in memory, match probe photos (optionally with synthetic masks) "
                    "and report accuracy per threshold, TAR at FAR 1/0.5/0.1%% and the threshold for FAR 0.5%%.")
    p.add_argument("--open-set", type=Path, metavar="FACES",
                   help="the door view at office scale instead (kiosk/research/openset.py): FACES is a folder laid "
                        "out like ../shared/faces (masked/rmfrd_calib, masked/rmfrd, identities, lfw, masked/webcam, "
                        "lfw_calib, masked/rwmfd_strangers); calibrates the open-set decision rule")
    p.add_argument("--cache", type=Path, metavar="DIR",
                   help="--open-set: keep the embeddings here (one file per embedder) and reuse them")
    p.add_argument("--gallery", nargs="+", type=Path, metavar="DIR",
                   help="folder(s) of person folders with gallery photos")
    p.add_argument("--probes", nargs="+", type=Path, metavar="DIR",
                   help="folder(s) of person folders with probe photos (the same as --gallery: split per person)")
    p.add_argument("--impostors", nargs="+", default=[], type=Path, metavar="DIR",
                   help="folder(s) of people who are never enrolled")
    p.add_argument("--gallery-size", type=int, default=3, metavar="N", help="gallery photos per person (default 3)")
    p.add_argument("--gallery-pattern", metavar="GLOB", help="only gallery files matching, e.g. '*_unmasked*'")
    p.add_argument("--probe-pattern", metavar="GLOB", help="only probe files matching, e.g. '*_masked*'")
    p.add_argument("--mask-probes", action="store_true",
                   help="also render every probe with a synthetic mask of a random type and colour")
    p.add_argument("--matcher", choices=["cosine", "svm"], default="cosine",
                   help="svm: also evaluate an SVM on the gallery embeddings beside max-cosine")
    p.add_argument("--svm-kernel", choices=["linear", "rbf"], default="linear")
    p.add_argument("--templates", choices=["originals", "masked", "both"], default="both",
                   help="gallery with the originals only, with all 21 templates, or both (default)")
    p.add_argument("--scoring", choices=NORMS, default="none", help="score normalisation (experimental)")
    p.add_argument("--masked-offset", type=float, default=0.0,
                   help="subtract this from masked templates' similarities (experimental)")
    p.add_argument("--periocular", type=float, default=0.0, metavar="WEIGHT",
                   help="fuse with an upper-face embedding at this weight, 0-1 (experimental)")
    p.add_argument("--fuse", type=int, default=1, metavar="FRAMES",
                   help="average the embeddings of this many probes of one person (multi-frame fusion)")
    p.add_argument("--gate", choices=GATES, default="none",
                   help="also report mask-gated matching: unmasked probes against the originals only, masked "
                        "probes against all / masked / original templates at the masked threshold; the probe's "
                        "label comes from the mask classifier, the embedding's mask direction, or the truth (oracle)")
    p.add_argument("--gate-offset", type=float, default=0.0, metavar="D",
                   help="gated masked probes: subtract D from the masked templates' similarities")
    p.add_argument("--seed", type=int, default=0, help="seed of the probes' mask styles")
    p.add_argument("--embedder", choices=EMBEDDER_CHOICES, help="override the settings")
    p.add_argument("--detector", choices=["auto", "scrfd", "mtcnn"], help="override the settings")
    p.add_argument("--out", type=Path, metavar="DIR", help="write report.json and PNG plots here")
    p.add_argument("--no-plots", action="store_true")
    p.add_argument("--json", action="store_true", help="print the JSON report")
    p.set_defaults(func=cmd_evaluate)
    return p


_PIPELINES: dict = {}


def _cmd_open_set(args) -> int:
    if not args.open_set.is_dir():
        raise EvaluationError(f"{args.open_set} is not a folder")
    report = openset.run(args.open_set, embedder=args.embedder, cache=args.cache, settings=args.settings,
                         progress=not args.json)
    if args.out:
        openset.write(report, args.out)
    if args.json:
        print(json.dumps(report, indent=1, default=float))
    else:
        print(openset.format_report(report))
        if args.out:
            print(f"report in {args.out}")
    return 0


def cmd_evaluate(args) -> int:
    if args.open_set is not None:
        return _cmd_open_set(args)
    if not args.gallery or not args.probes:
        raise EvaluationError("--gallery and --probes are needed (or --open-set FACES)")

    if not 0.0 <= args.periocular <= 1.0:
        raise EvaluationError("--periocular is a weight between 0 and 1")
    if args.fuse < 1:
        raise EvaluationError("--fuse must be at least 1")
    if args.gate != "none" and (args.fuse > 1 or args.periocular > 0 or args.scoring != "none"):
        raise EvaluationError("--gate works with plain max-cosine only (no --fuse, --periocular, --scoring)")
    options = Options(
        gallery=args.gallery, probes=args.probes, impostors=args.impostors, gallery_size=args.gallery_size,
        gallery_pattern=args.gallery_pattern, probe_pattern=args.probe_pattern, mask_probes=args.mask_probes,
        matcher=args.matcher, svm_kernel=args.svm_kernel, templates=args.templates,
        scoring=Scoring(args.scoring, args.masked_offset), periocular_weight=args.periocular, fuse=args.fuse,
        gate=args.gate, gate_offset=args.gate_offset, seed=args.seed, out=args.out, plots=not args.no_plots, progress=sys.stderr.isatty() or not args.json)
    # Check the folders before loading any model: bad input fails fast.
    plan_split(options.gallery, options.probes, options.impostors, options.gallery_size,
               options.gallery_pattern, options.probe_pattern)
    key = (str(args.settings.models_dir), args.detector or args.settings.detector,
           args.embedder or args.settings.embedder)
    if key not in _PIPELINES:  # models load once per process (tests and notebooks run many evaluations)
        _PIPELINES[key] = load_pipeline(args.settings, detector=args.detector, embedder=args.embedder)
    report = run(options, _PIPELINES[key])
    if args.json:
        print(json.dumps(public(report), indent=1, ensure_ascii=False, default=str))
    else:
        print(format_summary(report))
        if options.out:
            print(f"report and plots in {options.out}")
    return 0
