"""`kiosk evaluate --open-set`'s embeddings: the pool enrolled as the kiosk enrols, every probe's
subject face embedded, once per embedder (cached on disk, detections shared between embedders)."""
from __future__ import annotations

import copy
import hashlib
import json
import logging
import pickle
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kiosk.enrollment.templates import CheckedPhoto, Enroller
from kiosk.research.openset_protocol import Protocol
from kiosk.vision import quality
from kiosk.vision.image_io import load_image
from kiosk.vision.types import subject_face

log = logging.getLogger(__name__)


@dataclass
class Embedded:
    """What the pipeline made of the protocol's photos: the enrolled templates per person and
    the subject face's embedding per probe photo (None: no face found)."""

    embedder: str
    templates: dict[str, tuple[np.ndarray, np.ndarray]]  # person -> (T, D) matrix, (T,) masked flags
    probes: dict[str, np.ndarray | None]
    gate_offset: float = 0.0  # the embedder's mask-gate offset (KioskService.gate_offset)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = {}
        for i, (person, (matrix, flags)) in enumerate(self.templates.items()):
            arrays[f"t{i}"], arrays[f"f{i}"] = matrix, flags
        keys = [k for k, v in self.probes.items() if v is not None]
        arrays["probe_vectors"] = np.stack([self.probes[k] for k in keys]) if keys else np.zeros((0, 1))
        meta = {"embedder": self.embedder, "gate_offset": self.gate_offset, "people": list(self.templates), "probe_keys": keys,
                "missing": [k for k, v in self.probes.items() if v is None]}
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(tmp, meta=np.array(json.dumps(meta)), **arrays)
        tmp.replace(path)

    def covers(self, protocol: Protocol) -> bool:
        """Whether every photo of the protocol was embedded (a cache made from other folders
        would silently count the missing ones as "no face")."""
        files = [p for person in protocol.people for p in person.unmasked + person.masked]
        files += [p for group in list(protocol.strangers.values()) + list(protocol.stranger_tracks.values())
                  for p in group]
        return all(str(p) in self.probes for p in files)

    @classmethod
    def load(cls, path: Path) -> "Embedded":
        data = np.load(path)
        meta = json.loads(str(data["meta"]))
        templates = {p: (data[f"t{i}"], data[f"f{i}"]) for i, p in enumerate(meta["people"])}
        probes: dict[str, np.ndarray | None] = dict(zip(meta["probe_keys"], data["probe_vectors"]))
        probes |= {k: None for k in meta["missing"]}
        return cls(meta["embedder"], templates, probes, float(meta.get("gate_offset", 0.0)))


class MemoDetector:
    """A detector that remembers its answer per image content, kept on disk: detection is
    the same for every embedder, so a second embedder's run only aligns and embeds (the
    enrolment's mask renderings are seeded, hence the same images)."""

    def __init__(self, detector, path: Path | None):
        self.detector = detector
        self.name = detector.name
        self.path = path
        self.memo: dict[str, list] = {}
        if path is not None and path.is_file():
            with open(path, "rb") as fh:
                self.memo = pickle.load(fh)

    def __getattr__(self, name):
        return getattr(self.detector, name)

    def detect(self, image_bgr: np.ndarray):
        key = hashlib.blake2b(image_bgr.tobytes() + str(image_bgr.shape).encode(), digest_size=16).hexdigest()
        if key not in self.memo:
            self.memo[key] = self.detector.detect(image_bgr)
        return copy.deepcopy(self.memo[key])

    def save(self) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(self.memo, fh)
            tmp.replace(self.path)


def embed(protocol: Protocol, pipeline, progress: bool = True, memo: Path | None = None) -> Embedded:
    """Enrol every pool person as the kiosk does and embed every probe's subject face."""
    detector = MemoDetector(pipeline.detector, memo)
    pipeline.detector = detector
    try:
        return _embed(protocol, pipeline, progress)
    finally:
        pipeline.detector = detector.detector
        detector.save()


def _embed(protocol: Protocol, pipeline, progress: bool) -> Embedded:
    from tqdm import tqdm

    enroller = Enroller(pipeline, store=None, masks=True)
    templates = {}
    probes: dict[str, np.ndarray | None] = {}
    for person in tqdm(protocol.people, desc="enrolling", disable=not progress):
        photos = []
        for path in person.enrolled:
            image = load_image(path)
            face = subject_face(pipeline.detect(image), image.shape)
            if face is not None:
                photos.append(CheckedPhoto(image, face, quality.assess(image, [face]), path.name))
        if not photos:
            log.warning("%s: no face in any enrolment photo", person.key)
            continue
        record = enroller.build("P", person.key, "0000000", photos)
        templates[person.key] = record.templates()[:2]
    files = [p for person in protocol.people for p in person.unmasked + person.masked]
    files += [p for group in protocol.strangers.values() for p in group]
    files += [p for group in protocol.stranger_tracks.values() for p in group]
    for path in tqdm(files, desc="probes", disable=not progress):
        try:
            image = load_image(path)
        except Exception as exc:  # one unreadable file never stops the run
            log.warning("%s: %s", path, exc)
            probes[str(path)] = None
            continue
        faces = pipeline.detect(image)
        face = subject_face(faces, image.shape)
        if face is None:
            probes[str(path)] = None
            continue
        probes[str(path)] = pipeline.embedder.embed_crops([pipeline.embedder.align(image, face)])[0]
    offset = float(getattr(pipeline.embedder, "default_gate_offset", 0.0) or 0.0)
    return Embedded(pipeline.embedder.name, templates, probes, offset)
