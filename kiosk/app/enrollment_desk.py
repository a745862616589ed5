"""Enrolment as the HR screens do it, step by step, through the service: the typed details,
each photo's check, the camera's advice, the duplicate check, then the save. Each rule is
judged here once; the wizard shows the verdicts and passes them on to `enroll`."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import numpy as np

from kiosk.app.messages import Message, Number
from kiosk.app.worker_id_change import refuse_taken
from kiosk.common.refusals import Sentence
from kiosk.enrollment.best_frame import FrameChoice, best_frame
from kiosk.enrollment.templates import (
    CheckedPhoto,
    Enroller,
    Progress,
    check_photo,
    duplicate_error,
    find_duplicate,
    validate_details,
)
from kiosk.gallery.store import PersonRecord
from kiosk.recognition.matcher import Candidate, Matcher
from kiosk.security.audit import ENROLL, REENROLL
from kiosk.security.pins import personal_pin_problem
from kiosk.vision import quality
from kiosk.vision.lighting import detect_lit
from kiosk.vision.types import Face

log = logging.getLogger(__name__)


def masks_available() -> bool:
    """Mask augmentation needs kiosk.vision.masks (and dlib's landmarks); without it the
    kiosk still enrolls, with the 3 original embeddings only."""
    try:  # optional: dlib and the renderer's data may be missing on a kiosk
        from kiosk.vision.masks import MaskRenderer  # noqa: F401
    except Exception as exc:  # missing module or broken dependency: degrade, say so
        log.warning("masked embeddings unavailable: %s", exc)
        return False
    return True


def camera_guidance(pipeline, image: np.ndarray) -> tuple[bool, Message]:
    """What to tell the person in front of the camera, from the same checks check_photo uses
    (one face, big enough, sharp, facing the camera, eyes open, no mask) plus 'centred'; a
    message the screen says in its language (kiosk.app.messages; `english()` for the CLI)."""
    image, faces, _ = detect_lit(pipeline, image, pad_retry=False)  # as check_photo: dark faces lifted
    if not faces:
        return False, Message("guidance.no_face")
    if len(faces) > 1 and faces[1].width >= 0.35 * faces[0].width:
        return False, Message("guidance.one_person")
    face = faces[0]
    graded = quality.assess(image, [face])
    h, w = image.shape[:2]
    cx, cy = (face.box[0] + face.box[2]) / 2, (face.box[1] + face.box[3]) / 2
    if face.width < max(quality.MIN_FACE_PX, 0.18 * w):
        return False, Message("guidance.closer")
    if abs(cx - w / 2) > 0.18 * w or abs(cy - h / 2) > 0.22 * h:
        return False, Message("guidance.centre")
    if graded.sharpness is not None and graded.sharpness < quality.SHARPNESS_MIN:
        return False, Message("guidance.blurry", {"sharpness": Number(graded.sharpness, 1)})
    if graded.problems:  # turned, eyes, mask, light: the same plain words as check_photo
        return False, Message("guidance.problem", {"problem": graded.problems[0][0].upper() + graded.problems[0][1:]})
    return True, Message("guidance.good")


@dataclass
class DuplicateCheck:
    """The duplicate check of the new photos, as HR saw it: `enroll` takes it as the verdict
    while the gallery it was made against (`matcher`) is still the service's."""
    best: Candidate | None  # the enrolled person most like the photos, at or above the threshold
    agreement: float  # the lowest similarity between two of the new photos
    threshold: float  # the rule's threshold, against which `agreement` is noted
    matcher: Matcher


class EnrollmentDesk:
    """The enrolment steps of one KioskService (service.enrollment)."""

    def __init__(self, service):
        self.service = service
        self._enroller: Enroller | None = None
        # The mask renderer is not thread-safe; enrolment and previews take turns.
        self._mask_lock = threading.Lock()
        self._lock = threading.Lock()

    @property
    def pipeline(self):
        return self.service.pipeline

    def details_problems(self, user_id: str, name: str, mobile: str, pin: str = "", *,
                         new: bool = True) -> list[str]:
        """What is wrong with the typed details and the optional personal PIN; for a new person,
        an ID already enrolled or held in another case too."""
        problems = validate_details(user_id, name, mobile)
        pin_problem = personal_pin_problem(pin) if pin else None
        if pin_problem:
            problems.append(Sentence("pin.check_in", problem=pin_problem))
        taken = self.service.new_id_problem(user_id) if not problems and new else None
        if taken:
            problems.append(taken)
        return problems

    def check_photo(self, image: np.ndarray, label: str = "photo") -> CheckedPhoto:
        """The enrolment photo gate (raises EnrollmentError with every problem found); `enroll`
        takes the CheckedPhoto as it is."""
        return check_photo(self.pipeline, image, label)

    def camera_guidance(self, image: np.ndarray) -> tuple[bool, Message]:
        return camera_guidance(self.pipeline, image)

    def best_frame(self, images: list[np.ndarray]) -> FrameChoice:
        """The camera frame of the last second most fit for enrolment."""
        return best_frame(self.pipeline, images)

    def duplicate_check(self, photos: list[CheckedPhoto], skip_user: str | None = None) -> DuplicateCheck:
        """Embed the photos; the best other person at or above the threshold; photo agreement."""
        matcher = self.service.matcher
        vectors = np.concatenate([self.pipeline.embed(p.image, [p.face]) for p in photos])
        sims = vectors @ vectors.T
        agreement = float(sims[np.triu_indices(len(vectors), 1)].min())
        return DuplicateCheck(find_duplicate(matcher, vectors, skip_user), agreement, self.service.threshold,
                              matcher)

    def enroller(self) -> Enroller:
        """One enroller per service, so the mask renderer (seconds to load) is loaded once."""
        with self._lock:
            if self._enroller is None or self._enroller.pipeline is not self.pipeline:
                # Photo agreement is a same-person pair check: the embedder's per-pair threshold.
                pair = self.service.settings.threshold or self.pipeline.embedder.default_threshold
                self._enroller = Enroller(self.pipeline, self.service.store, threshold=pair)
            return self._enroller

    def _matcher_to_check(self, checked: DuplicateCheck | None, allow_duplicate: bool) -> Matcher | None:
        """The gallery to look for a duplicate in; None when HR already saw this gallery's verdict."""
        matcher = self.service.matcher
        if checked is None or checked.matcher is not matcher:  # none made, or the gallery changed since
            return matcher
        if checked.best is not None and not allow_duplicate:
            raise duplicate_error(checked.best)
        return None

    def enroll(self, user_id: str, name: str, mobile: str, images: list[np.ndarray | CheckedPhoto], *,
               replace: bool = False, allow_duplicate: bool = False, masks: bool = True,
               progress: Progress | None = None, checked: DuplicateCheck | None = None) -> PersonRecord:
        """KioskService.enroll: photos already checked (CheckedPhoto) and a duplicate check HR
        saw (`checked`) are not judged again."""
        service = self.service
        service.db  # noqa: B018 - a damaged database fails now, not after seconds of embedding
        if replace:  # re-enrolling e042 re-enrols E042, under the ID as HR first typed it
            user_id = service.typed_id(user_id)
        else:
            refuse_taken(service, user_id.strip())  # before seconds of embedding, not after
        enroller = self.enroller()
        matcher = self._matcher_to_check(checked, allow_duplicate)
        with self._mask_lock:
            record, photos = enroller.prepare(user_id, name, mobile, images, replace=replace, matcher=matcher,
                                              allow_duplicate=allow_duplicate, masks=masks, progress=progress)
        service.save_person(record, photos, replace)
        service.audit_event(REENROLL if replace else ENROLL, record.user_id, name=record.name,
                            photos=len(images), templates=int(record.metadata.get("total_embeddings", 0)),
                            masks=masks, allow_duplicate=allow_duplicate)
        service.reload()
        return record

    def mask_preview(self, image_bgr: np.ndarray, face: Face, mask_type: str = "surgical_blue") -> np.ndarray:
        """The photo with one synthetic mask, as the masked templates see it."""
        enroller = self.enroller()
        with self._mask_lock:
            return enroller.renderer.render(image_bgr, face.box, mask_type).image
