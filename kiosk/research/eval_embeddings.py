"""`kiosk evaluate`'s embeddings: every probe detected, rendered (masked views) and embedded once,
and the gallery enrolled in memory exactly as the kiosk enrols (Enroller.build)."""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from kiosk.enrollment.templates import CheckedPhoto, Enroller
from kiosk.gallery.store import PersonRecord
from kiosk.research.eval_plan import EvaluationError, Plan
from kiosk.vision import quality
from kiosk.vision.image_io import load_image
from kiosk.vision.types import same_face, subject_face

PROBE_SEED_BASE = 100_003  # enrolment renders use seeds 1..N: probes must never reuse them


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
