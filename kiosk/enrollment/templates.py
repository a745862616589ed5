"""Three photos -> 3 original + 18 masked embeddings + centroid + metadata (SPEC 3).

Every check runs before anything is written; the person is saved in one atomic step and is
recognisable at once (callers rebuild their Matcher from the store)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from dataclasses import replace as replace_field
from datetime import datetime
from typing import Callable, Sequence

import cv2
import numpy as np

from kiosk.common import worker_id
from kiosk.common.refusals import Sentence
from kiosk.gallery.folders import folder_identity, is_test_entry, taken_message
from kiosk.gallery.store import GalleryStore, PersonRecord
from kiosk.recognition.matcher import Matcher
from kiosk.vision import quality
from kiosk.vision.image_io import bounded
from kiosk.vision.lighting import detect_lit
from kiosk.vision.pipeline import FacePipeline
from kiosk.vision.types import Face, same_face

PHOTOS_REQUIRED = 3
MOBILE_RE = re.compile(r"^\+?[0-9]{7,15}$")
NAME_MAX = 80
# A second face at least this fraction of the main face's width makes the photo ambiguous.
COMPETING_FACE_RATIO = 0.35

Progress = Callable[[int, int, str], None]


class EnrollmentError(ValueError):
    """Why an enrollment cannot go ahead; str() is fit for the user."""


class DuplicatePersonError(EnrollmentError):
    def __init__(self, message: str, user_id: str, name: str, score: float):
        super().__init__(message)
        self.user_id, self.name, self.score = user_id, name, score


def normalise_mobile(mobile: str) -> str:
    return re.sub(r"[\s\-().]", "", mobile or "")


def validate_details(user_id: str, name: str, mobile: str) -> list[str]:
    """Problems with the typed-in details (empty list when all is well)."""
    problems: list[str] = []
    if not name or not name.strip():
        problems.append(Sentence("name.required"))
    elif len(name.strip()) > NAME_MAX:
        problems.append(Sentence("name.too_long", maximum=NAME_MAX))
    elif any(unicodedata.category(c).startswith("C") for c in name):
        problems.append(Sentence("name.control"))
    id_problem = worker_id.problem(user_id)
    if id_problem:
        problems.append(id_problem)
    if not problems and is_test_entry(user_id, name or ""):
        problems.append(Sentence("name.reserved", name=repr(name.strip())))
    if normalise_mobile(mobile) and not MOBILE_RE.match(normalise_mobile(mobile)):  # optional; checked when given
        problems.append(Sentence("mobile.invalid", mobile=repr(mobile)))
    return problems


@dataclass
class CheckedPhoto:
    """A photo that passed check_photo: the image it graded (bounded, lifted when dark), its face."""
    image: np.ndarray
    face: Face
    quality: quality.PhotoQuality
    label: str
    notes: list[str] = field(default_factory=list)  # what to tell HR about it, without the label

    @property
    def warnings(self) -> list[str]:
        return [f"{self.label}: {note}" for note in self.notes]


def find_duplicate(matcher, vectors: np.ndarray, skip_user: str | None = None):
    """The enrolled person (a Candidate) most like any of the new photos, when that score
    reaches the decision rule's threshold for the gallery the person joins (the number the
    live screen decides with, and `kiosk calibrate` checks); None when nobody does."""
    if matcher is None or not len(matcher):
        return None
    threshold = matcher.rule.threshold_for(len(matcher) + 1)
    best = None
    for result in matcher.match(vectors, top_k=2):
        for cand in result.candidates:
            if cand.user_id != skip_user:
                if cand.score >= threshold and (best is None or cand.score > best.score):
                    best = cand
                break
    return best


def check_photo(pipeline: FacePipeline, image: np.ndarray, label: str = "photo", *,
                strict: bool = True) -> CheckedPhoto:
    """Detect and grade one enrollment photo; raises EnrollmentError with every problem found.

    A large photo (a phone's 12 MP) is downscaled once here (image_io.bounded) and everything
    after, detection, quality, alignment, masks and the stored JPEG, uses that one copy.
    strict=False grades without refusing (benchmarks time the same work on any photo with a face)."""
    image = bounded(image)
    image, faces, lifted = detect_lit(pipeline, image)  # a dark face: contrast-normalised copy
    main = faces[0] if faces else None
    competing = [f for f in faces[1:] if main is not None and f.width >= COMPETING_FACE_RATIO * main.width]
    graded = quality.assess(image, ([main] + competing) if main else [])
    if main is None or (strict and not graded.ok):
        raise EnrollmentError(Sentence("photo.refused", label=label, problems="; ".join(graded.problems)))
    notes = [f"ignored {len(faces) - 1} small background face(s)"] if len(faces) > 1 else []
    if lifted:
        notes.append("the face was dark; its contrast was normalised (more light is better)")
    return CheckedPhoto(image, main, graded, label, notes)


def duplicate_error(top) -> DuplicatePersonError:
    """The refusal for a new person who looks like `top` (a Candidate), said one way everywhere."""
    return DuplicatePersonError(f"this person looks like {top.name} (worker ID {top.user_id}, similarity "
                                f"{top.score:.2f}), who is already enrolled", top.user_id, top.name, top.score)


class Enroller:
    def __init__(self, pipeline: FacePipeline, store: GalleryStore, masks: bool = True,
                 threshold: float | None = None):
        self.pipeline = pipeline
        self.store = store
        self.use_masks = masks
        self.threshold = threshold if threshold is not None else pipeline.embedder.default_threshold
        self._renderer = None

    @property
    def renderer(self):
        if self._renderer is None:
            from kiosk.vision.masks import MaskRenderer

            self._renderer = MaskRenderer()
        return self._renderer

    def build(self, user_id: str, name: str, mobile: str, photos: list[CheckedPhoto],
              progress: Progress | None = None, masks: bool | None = None) -> PersonRecord:
        """Embed the originals and their masked renderings in one batch."""
        masks = self.use_masks if masks is None else masks
        steps = len(photos) * (7 if masks else 1) + 1
        done = 0

        def tick(message: str) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, steps, message)

        crops, keys = [], []
        redetected = fallback = 0
        embedder = self.pipeline.embedder
        for i, photo in enumerate(photos, start=1):
            crops.append(embedder.align(photo.image, photo.face))
            keys.append((i, None))
            tick(f"photo {i}: aligned")
            if not masks:
                continue
            for rendering in self.renderer.render_all(photo.image, photo.face.box, seed=i):
                face = same_face(self.pipeline.detect(rendering.image, pad_retry=False), photo.face)
                if face is None:
                    fallback += 1
                    face = photo.face
                else:
                    redetected += 1
                crops.append(embedder.align(rendering.image, face))
                keys.append((i, rendering.mask_type))
                tick(f"photo {i}: {rendering.mask_type} mask")
        vectors = embedder.embed_crops(crops)
        tick(f"embedded {len(vectors)} faces")
        originals = np.stack([v for v, (_, t) in zip(vectors, keys) if t is None])
        masked: dict[int, dict[str, np.ndarray]] = {}
        for vector, (i, mask_type) in zip(vectors, keys):
            if mask_type is not None:
                masked.setdefault(i, {})[mask_type] = vector
        sims = originals @ originals.T
        pairwise = sims[np.triu_indices(len(originals), 1)]
        metadata = {
            "registration_date": datetime.now().isoformat(timespec="seconds"),
            "quality": [p.quality.as_dict() | {"label": p.label} for p in photos],
            "recommended_threshold": round(float(self.threshold), 3),
            "masked_embeddings": {"redetected": redetected, "fallback_landmarks": fallback},
            "photo_agreement": {"min": round(float(pairwise.min()), 4) if len(pairwise) else None,
                                "mean": round(float(pairwise.mean()), 4) if len(pairwise) else None},
            "warnings": [w for p in photos for w in p.warnings],
        }
        return PersonRecord(user_id, name.strip(), embedder.name, originals, masked,
                            normalise_mobile(mobile), metadata)

    def embed_originals(self, photos: list[CheckedPhoto]) -> np.ndarray:
        """The photos' own templates (no masks): what the duplicate check needs, in a fraction
        of the time the masked renders take."""
        embedder = self.pipeline.embedder
        return embedder.embed_crops([embedder.align(p.image, p.face) for p in photos])

    def enroll(self, user_id: str, name: str, mobile: str, images: list[np.ndarray], *, replace: bool = False,
               matcher: Matcher | None = None, allow_duplicate: bool = False,
               masks: bool | None = None, progress: Progress | None = None) -> PersonRecord:
        record, photo_bytes = self.prepare(user_id, name, mobile, images, replace=replace, matcher=matcher,
                                           allow_duplicate=allow_duplicate, masks=masks, progress=progress)
        self.store.save(record, photo_bytes, replace=replace)
        return record

    def prepare(self, user_id: str, name: str, mobile: str, images: Sequence[np.ndarray | CheckedPhoto], *,
                replace: bool = False, matcher: Matcher | None = None, allow_duplicate: bool = False,
                masks: bool | None = None, progress: Progress | None = None) -> tuple[PersonRecord, list[bytes]]:
        """Every check and the embeddings, nothing written: the record and its photos (JPEG) to
        save (KioskService.save_person writes them with the database row). A CheckedPhoto
        (the wizard's, from this pipeline) is not graded again; matcher=None: no duplicate check
        (the caller made it)."""
        problems = validate_details(user_id, name, mobile)
        if problems:
            raise EnrollmentError("; ".join(problems))
        if len(images) != PHOTOS_REQUIRED:
            raise EnrollmentError(f"exactly {PHOTOS_REQUIRED} photos are needed, {len(images)} given")
        holders = self.store.folders_like(user_id)
        if user_id in holders and not replace:
            raise EnrollmentError(f"worker ID {user_id} is already enrolled; delete or re-enroll them")
        twins = [i for i in holders if i != user_id]
        if twins and user_id not in holders:  # a new ID (a case twin from before may be re-enrolled)
            raise EnrollmentError(taken_message(user_id, twins[0], folder_identity(holders[twins[0]])[1]))
        photos = [replace_field(img, label=f"photo {i}") if isinstance(img, CheckedPhoto)
                  else check_photo(self.pipeline, img, f"photo {i}") for i, img in enumerate(images, start=1)]
        if matcher is not None and not allow_duplicate:  # on the 3 originals, before the 18 masked renders
            top = find_duplicate(matcher, self.embed_originals(photos), skip_user=user_id)
            if top is not None:
                raise duplicate_error(top)
        record = self.build(user_id, name, mobile, photos, progress, masks)
        agreement = record.metadata["photo_agreement"]["min"]
        if agreement is not None and agreement < self.threshold:
            record.metadata["warnings"].append(
                f"the photos look less alike than one person usually does (lowest similarity "
                f"{agreement:.2f} < {self.threshold:.2f}); check they show the same person")
        # The photos are kept so the person can be re-embedded when the model changes.
        photo_bytes = [cv2.imencode(".jpg", p.image, [cv2.IMWRITE_JPEG_QUALITY, 95])[1].tobytes() for p in photos]
        return record, photo_bytes
