"""`kiosk evaluate --open-set FACES`: the door view at office scale. Does the kiosk name the
right person, the wrong one, or nobody, as the gallery grows and its people look alike?

Protocol (docs/evaluation/openset.md):
- Gallery pool: every person folder of masked/rmfrd_calib, masked/rmfrd, identities, lfw and
  masked/webcam with at least 3 unmasked photos; the first 3 (sorted by name; webcam frames
  evenly spaced) are enrolled exactly as the kiosk does (Enroller.build: 3 originals + 18
  synthetic masked templates). Their other unmasked photos are unmasked probes, their real
  masked photos masked probes. People with fewer photos are strangers.
- Strangers: lfw_calib (unmasked), masked/rwmfd_strangers (real masks), the masked-only webcam
  people, and at every gallery size below "all" the pool people who were not drawn (look-alikes).
- Gallery sizes 10, 50, 100 (random draws from the pool, several seeds) and all.
- Every probe is decided by the product's own code: Matcher.gated_scores (mask gate by the
  gallery's mask direction) and DecisionRule.decide. Outcomes per attempt: right person, wrong
  person, unsure ("please look at the camera"), unknown; strangers: accepted or not.
- Calibration: for each pair (threshold, margin) of unmasked and of masked faces, the lowest
  that names the most right people while wrong people and accepted strangers stay within the
  target in every category. Done three times: on each half of the people (two-fold
  cross-validation over people and strangers: the other half measures it), and on the whole
  pool at every gallery size of the report. The adopted rule takes, for every parameter, the
  strictest of the three.
- Multi-frame: probes of one person fused in groups of 3 (as the live path's mean of 3 frames),
  and the webcam frames run as tracks through the live path's vote (3 agreeing fused frames).
Embeddings are computed once per embedder and cached (--cache) so sweeps are instant.
"""
from __future__ import annotations

import copy
import hashlib
import json
import logging
import pickle
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from kiosk.enrollment.templates import CheckedPhoto, Enroller
from kiosk.gallery.store import PersonRecord
from kiosk.recognition.decision import ACCEPTED, UNSURE, DecisionRule
from kiosk.recognition.matcher import Matcher
from kiosk.recognition.tracking import backed_by_frame, fuse_embeddings
from kiosk.vision import quality
from kiosk.vision.image_io import IMAGE_SUFFIXES, load_image
from kiosk.vision.types import subject_face

log = logging.getLogger(__name__)

POOL_SETS = ("masked/rmfrd_calib", "masked/rmfrd", "identities", "lfw", "masked/webcam")
STRANGER_SETS = {"lfw_calib": "unmasked", "masked/rwmfd_strangers": "masked"}
GALLERY_SIZES = (10, 50, 100, 0)  # 0: the whole pool
DRAWS = 5  # random galleries per size below "all"
TARGET_RATE = 0.001  # wrong person / stranger accepted, per attempt
THRESHOLDS = np.round(np.arange(0.20, 0.80001, 0.01), 3)
MARGINS = np.round(np.arange(0.0, 0.20001, 0.01), 3)
ENROLLED_PHOTOS = 3
FUSE = 3
# The same person in two sets, found by this evaluation (their photos score far above any other
# pair, with a wide lead): deepface's df09 is George Clooney, also in lfw_calib; RMFRD's
# "chenglong" is Jackie Chan (Cheng Long), also in lfw. Such photos are probes of that person,
# never strangers or someone else's look-alikes.
SAME_PERSON = {"lfw_calib/George_Clooney": "identities/df09", "masked/rmfrd_calib/chenglong": "lfw/Jackie_Chan"}


def _files(folder: Path) -> list[Path]:
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
                   and not p.name.startswith(".")), key=lambda p: p.name)


def is_masked_file(path: Path) -> bool:
    stem = path.stem.lower()
    return stem.endswith("_masked") or "_masked_" in stem


@dataclass
class Person:
    key: str  # set/name
    enrolled: list[Path]
    unmasked: list[Path]  # held-out unmasked probes
    masked: list[Path]  # real masked probes
    fold: int = 0


@dataclass
class Protocol:
    people: list[Person]
    strangers: dict[str, list[Path]]  # set -> photos of nobody enrolled
    stranger_tracks: dict[str, list[Path]] = field(default_factory=dict)  # webcam masked-only people
    notes: list[str] = field(default_factory=list)


def _fold(key: str) -> int:
    return zlib.crc32(key.encode()) % 2


def plan(faces: Path) -> Protocol:
    faces = Path(faces)
    people, notes, tracks = [], [], {}
    strangers: dict[str, list[Path]] = {"not enrolled (pool)": []}
    for name in POOL_SETS:
        root = faces / name
        if not root.is_dir():
            notes.append(f"{root} missing: skipped")
            continue
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
            files = _files(folder)
            unmasked = [p for p in files if not is_masked_file(p)]
            masked = [p for p in files if is_masked_file(p)]
            key = f"{name}/{folder.name}"
            if len(unmasked) < ENROLLED_PHOTOS:
                if name == "masked/webcam":
                    tracks[key] = masked
                else:
                    strangers["not enrolled (pool)"].extend(files)
                continue
            if name == "masked/webcam":  # consecutive frames: enrol three spread over the clip
                picks = {round(i * (len(unmasked) - 1) / (ENROLLED_PHOTOS - 1)) for i in range(ENROLLED_PHOTOS)}
                enrolled = [p for i, p in enumerate(unmasked) if i in picks]
            else:
                enrolled = unmasked[:ENROLLED_PHOTOS]
            rest = [p for p in unmasked if p not in enrolled]
            people.append(Person(key, enrolled, rest, masked, _fold(key)))
    for name in STRANGER_SETS:
        root = faces / name
        if not root.is_dir():
            notes.append(f"{root} missing: skipped")
            continue
        strangers[name] = sorted((p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES),
                                 key=lambda p: str(p))
    _merge_same_people(people, strangers, notes)
    if not people:
        raise ValueError(f"no person with {ENROLLED_PHOTOS} unmasked photos under {faces}")
    return Protocol(people, strangers, tracks, notes)


def _merge_same_people(people: list[Person], strangers: dict[str, list[Path]], notes: list[str]) -> None:
    by_key = {p.key: p for p in people}
    for folder, key in SAME_PERSON.items():
        target = by_key.get(key)
        if target is None:
            continue
        source = by_key.pop(folder, None)
        if source is not None:  # a pool person: all their photos become the target's probes
            people.remove(source)
            files = source.enrolled + source.unmasked + source.masked
        else:
            set_name, person = folder.rsplit("/", 1)
            files = [p for p in strangers.get(set_name, []) if p.parent.name == person]
            strangers[set_name] = [p for p in strangers.get(set_name, []) if p not in files]
        target.unmasked += [p for p in files if not is_masked_file(p)]
        target.masked += [p for p in files if is_masked_file(p)]
        if files:
            notes.append(f"{folder} is {key}: {len(files)} photos are that person's probes")


# ---- embeddings, once per embedder ----------------------------------------------------------------

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


# ---- deciding every probe with the product's code -------------------------------------------------

@dataclass
class Scored:
    """Per probe: the best and second-best person's scores, whether the best is the probe's own
    person, the gate's mask label, and the probe's category."""

    best: np.ndarray
    second: np.ndarray
    correct: np.ndarray
    masked: np.ndarray
    category: np.ndarray  # "unmasked", "masked", or a stranger set's name
    found: np.ndarray  # a face was found (not found: unknown, never accepted)
    gallery_size: int

    @classmethod
    def concat(cls, parts: list["Scored"]) -> "Scored":
        """Several galleries' attempts as one set (their gallery sizes must not lift the rule:
        all at or below its reference size)."""
        fields = ("best", "second", "correct", "masked", "category", "found")
        joined = {f: np.concatenate([getattr(p, f) for p in parts]) for f in fields}
        return cls(**joined, gallery_size=max(p.gallery_size for p in parts))

    def take(self, rows: np.ndarray) -> "Scored":
        return Scored(self.best[rows], self.second[rows], self.correct[rows], self.masked[rows],
                      self.category[rows], self.found[rows], self.gallery_size)


def _matcher(embedded: Embedded, people: list[str], gate_offset: float):
    records = []
    for key in people:
        matrix, flags = embedded.templates[key]
        originals = matrix[~flags]
        masked = {1: {f"m{j}": v for j, v in enumerate(matrix[flags])}}
        records.append(PersonRecord(key, key, embedded.embedder, originals, masked, "", {}))
    return Matcher(records, embedded.embedder, 0.0, gate_offset=gate_offset)


def score(embedded: Embedded, gallery: list[str], probes: list[tuple[str | None, str, str]],
          gate_offset: float, fuse: int = 1) -> Scored:
    """Decide-ready scores of `probes` (owner key or None, file, category) against `gallery`.
    `fuse` > 1 averages consecutive probes of one owner and category (multi-frame)."""
    matcher = _matcher(embedded, gallery, gate_offset)
    rows: list[tuple[str | None, str, np.ndarray | None]] = []
    if fuse > 1:
        groups: dict[tuple, list[np.ndarray]] = {}
        for owner, path, category in probes:
            vector = embedded.probes.get(path)
            if vector is not None:
                groups.setdefault((owner, category), []).append(vector)
        for (owner, category), vectors in groups.items():
            for s in range(0, len(vectors) - fuse + 1, fuse):
                mean = np.mean(vectors[s:s + fuse], axis=0)
                rows.append((owner, category, mean / np.linalg.norm(mean)))
    else:
        rows = [(owner, category, embedded.probes.get(path)) for owner, path, category in probes]
    n = len(rows)
    found = np.array([v is not None for _, _, v in rows], bool)
    dim = matcher.dim
    vectors = np.stack([v if v is not None else np.zeros(dim, np.float32) for _, _, v in rows]) if n else np.zeros((0, dim))
    flags = matcher.embedding_mask_flags(vectors) if n else np.zeros(0, bool)
    best_scores, _, _ = matcher.gated_scores(vectors, flags) if n else (np.zeros((0, len(gallery))), None, None)
    index = {key: i for i, key in enumerate(gallery)}
    if len(gallery) > 1:
        top2 = np.argpartition(-best_scores, 1, axis=1)[:, :2]
        pair = np.take_along_axis(best_scores, top2, axis=1)
        order = np.argsort(-pair, axis=1)
        top2 = np.take_along_axis(top2, order, axis=1)
        best, second = np.take_along_axis(best_scores, top2, axis=1).T
        winner = top2[:, 0]
    else:
        best, second = best_scores[:, 0], np.full(n, -np.inf)
        winner = np.zeros(n, np.int64)
    owners = np.array([index.get(owner, -1) if owner is not None else -1 for owner, _, _ in rows])
    correct = (owners >= 0) & (winner == owners)
    best = np.where(found, best, -np.inf)
    category = np.array([c for _, c, _ in rows], dtype=object)
    return Scored(best.astype(np.float64), second.astype(np.float64), correct, flags, category, found, len(gallery))


def _stranger_fold(path: Path) -> int:
    """Half of the strangers by person (folder, or the file name's person prefix)."""
    return _fold(f"{path.parent.name}/{path.name.split('_')[0]}")


def probe_list(protocol: Protocol, gallery: set[str], fold: int | None = None) -> list[tuple[str | None, str, str]]:
    """Every attempt for one gallery: enrolled people's held-out photos (owner set), the pool's
    other people and the stranger sets (owner None). `fold` keeps only that half of the
    strangers (cross-validation)."""
    rows = []
    for person in protocol.people:
        if person.key in gallery:
            rows += [(person.key, str(p), "unmasked") for p in person.unmasked]
            rows += [(person.key, str(p), "masked") for p in person.masked]
        elif fold is None or person.fold == fold:
            rows += [(None, str(p), "not enrolled (pool)") for p in person.enrolled + person.unmasked + person.masked]
    for name, files in protocol.strangers.items():
        rows += [(None, str(p), name) for p in files if fold is None or _stranger_fold(p) == fold]
    for key, files in protocol.stranger_tracks.items():
        rows += [(None, str(p), "webcam masked strangers") for p in files]
    return rows


def outcomes(s: Scored, rule: DecisionRule) -> dict[str, dict]:
    """Counts per category: right / wrong / unsure / unknown (enrolled) or accepted (strangers)."""
    decision = rule.decide(s.best, s.second, s.masked, s.gallery_size)
    out = {}
    for category in sorted(set(s.category), key=str):
        rows = s.category == category
        d, c = decision[rows], s.correct[rows]
        n = int(rows.sum())
        if category in ("unmasked", "masked"):
            out[category] = {"attempts": n, "right": int(((d == ACCEPTED) & c).sum()),
                             "wrong": int(((d == ACCEPTED) & ~c).sum()), "unsure": int((d == UNSURE).sum()),
                             "unknown": int((d == "unknown").sum()), "no_face": int((~s.found[rows]).sum()),
                             "rank1": int(c.sum())}
        else:
            out[category] = {"attempts": n, "accepted": int((d == ACCEPTED).sum()),
                             "unsure": int((d == UNSURE).sum())}
    return out


# ---- calibration ------------------------------------------------------------------------------

def _allowed(n: int, rate: float) -> int:
    return int(np.floor(n * rate + 1e-9))


def calibrate_pair(s: Scored, masked: bool, rate: float = TARGET_RATE) -> tuple[float, float, dict]:
    """The (threshold, margin) for probes the gate labels `masked` that names the most right
    people while, for every category, wrong people and accepted strangers stay within `rate`
    of that category's attempts (counted over all its attempts, whichever gate label)."""
    rows = s.masked == masked
    sub = s.take(rows)
    names, codes_all = np.unique(s.category.astype(str), return_inverse=True)
    allowed = np.array([_allowed(int(n), rate) for n in np.bincount(codes_all, minlength=len(names))])
    codes = codes_all[rows]
    genuine = np.array([str(c).split("@")[0] in ("unmasked", "masked") for c in sub.category], bool)
    best = None
    lead = sub.best - sub.second
    for t in THRESHOLDS:
        over = sub.best >= t
        for m in MARGINS:
            acc = over & (lead >= m)
            wrong = np.bincount(codes[acc & ~sub.correct], minlength=len(names))
            if (wrong > allowed).any():
                continue
            right = int((acc & sub.correct & genuine).sum())
            key = (right, -t, -m)  # most right people; ties: the lower threshold and margin
            if best is None or key > best[0]:
                best = (key, float(t), float(m))
            break  # a larger margin at this threshold only loses right people
    if best is None:
        return float(THRESHOLDS[-1]), float(MARGINS[-1]), {"right": 0, "feasible": False}
    return best[1], best[2], {"right": best[0][0], "feasible": True}


def impostor_sd(s: Scored) -> float:
    """Spread of the best impostor score of unmasked strangers (the Gaussian the gallery-size
    adjustment extrapolates)."""
    stranger = np.array([str(c).split("@")[0] not in ("unmasked", "masked") for c in s.category], bool)
    rows = (~s.correct) & s.found & ~s.masked & stranger
    return float(np.std(s.best[rows])) if rows.sum() > 10 else 0.0


def cross_validate(protocol: Protocol, embedded: Embedded, gate_offset: float) -> dict:
    """Calibrate on one half of the people (and strangers), test on the other, both ways."""
    people = [p for p in protocol.people if p.key in embedded.templates]
    folds = []
    for fold in (0, 1):
        train = [p.key for p in people if p.fold == fold]
        test = [p.key for p in people if p.fold != fold]
        s_train = score(embedded, train, probe_list(protocol, set(train), fold), gate_offset)
        t, m, info_u = calibrate_pair(s_train, masked=False)
        tm, mm, info_m = calibrate_pair(s_train, masked=True)
        rule = DecisionRule(t, m, tm, mm)
        s_test = score(embedded, test, probe_list(protocol, set(test), 1 - fold), gate_offset)
        folds.append({"calibrated_on": len(train), "tested_on": len(test), "rule": asdict(rule),
                      "train": outcomes(s_train, rule), "test": outcomes(s_test, rule),
                      "feasible": info_u["feasible"] and info_m["feasible"],
                      "impostor_sd": impostor_sd(s_train)})
    # The whole pool at every gallery size of the report, single images and fused frames: the
    # draws below "all" hold the pool's other people as strangers (look-alikes of the enrolled,
    # who are not there to win). The target must hold at each size and mode on its own.
    parts = []
    for label, draws in galleries(protocol, embedded):
        for fuse in (1, FUSE):
            part = Scored.concat([score(embedded, gallery, probe_list(protocol, set(gallery)), gate_offset, fuse)
                                  for gallery in draws])
            part.category = np.array([f"{c}@{label}/{fuse}" for c in part.category], dtype=object)
            parts.append(part)
    s_all = Scored.concat(parts)
    t, m, _ = calibrate_pair(s_all, masked=False)
    tm, mm, _ = calibrate_pair(s_all, masked=True)
    return {"folds": folds, "all": {"people": len(people), "rule": asdict(DecisionRule(t, m, tm, mm)),
                                    "impostor_sd": impostor_sd(s_all)}}


def adopted_rule(cv: dict) -> DecisionRule:
    """Every parameter at the strictest of the two folds' and the whole pool's calibration:
    the folds show how far a calibration on some people misjudges others (a single look-alike
    pair moves the zero-error point), and a wrong name is the worst outcome. Valid at the
    pool's size; larger galleries raise the thresholds (DecisionRule.size_offset)."""
    rules = [f["rule"] for f in cv["folds"]] + [cv["all"]["rule"]]
    return DecisionRule(
        threshold=max(r["threshold"] for r in rules), margin=max(r["margin"] for r in rules),
        masked_threshold=max(r["masked_threshold"] for r in rules),
        masked_margin=max(r["masked_margin"] for r in rules),
        reference_size=cv["all"]["people"], impostor_sd=round(cv["all"]["impostor_sd"], 4),
        target_rate=TARGET_RATE)


# ---- the report ---------------------------------------------------------------------------------

def galleries(protocol: Protocol, embedded: Embedded, sizes=GALLERY_SIZES, draws: int = DRAWS):
    keys = [p.key for p in protocol.people if p.key in embedded.templates]
    rng = np.random.default_rng(0)
    sizes = sorted({size if 0 < size < len(keys) else 0 for size in sizes}, key=lambda n: n or len(keys) + 1)
    for size in sizes:
        if size == 0:
            yield "all", [keys]
        else:
            yield str(size), [sorted(rng.choice(keys, size, replace=False).tolist()) for _ in range(draws)]


def _add(total: dict, part: dict) -> dict:
    for category, counts in part.items():
        slot = total.setdefault(category, {})
        for k, v in counts.items():
            slot[k] = slot.get(k, 0) + v
    return total


def sweep(s: Scored, rule: DecisionRule) -> list[dict]:
    """Outcomes at every threshold (both thresholds moved together, margins kept)."""
    rows = []
    for t in THRESHOLDS:
        shift = float(t) - rule.threshold
        moved = rule.with_thresholds(float(t), rule.masked[0] + shift)
        rows.append({"threshold": float(t), "masked_threshold": round(rule.masked[0] + shift, 3)}
                    | {k: v for k, v in outcomes(s, moved).items()})
    return rows


def live_tracks(protocol: Protocol, embedded: Embedded, gallery: list[str], rule: DecisionRule,
                gate_offset: float, track_len: int = 5, fuse: int = FUSE, confirm: int = 3) -> dict:
    """The webcam frames as tracks of `track_len` frames through the live path's logic: each
    frame decided on the mean of the track's last `fuse` embeddings, its name standing only when
    that frame alone ranks the person first (kiosk.recognition.tracking.backed_by_frame), a check-in when
    `confirm` consecutive decisions name the same person (kiosk.recognition.tracking.LiveRecognizer). The frames
    are photos in a row, not video: the tracker's continuity check is measured on video instead
    (benchmarks/track_continuity.py)."""

    matcher = _matcher(embedded, gallery, gate_offset)
    matcher.rule = rule
    people = {p.key: p for p in protocol.people}
    runs = [(key, people[key].masked, "masked") for key in gallery if key.startswith("masked/webcam/")]
    runs += [(key, people[key].unmasked, "unmasked") for key in gallery if key.startswith("masked/webcam/")]
    runs += [(None, files, "strangers") for files in protocol.stranger_tracks.values()]
    out: dict[str, dict] = {}
    for owner, files, kind in runs:
        vectors = [embedded.probes.get(str(p)) for p in files]
        for start in range(0, len(vectors) - track_len + 1, track_len):
            window, history, confirmed = [], [], None
            for v in vectors[start:start + track_len]:
                if v is None:
                    continue
                window = (window + [v])[-fuse:]
                queries = np.stack([fuse_embeddings(window), v])
                fused, own = matcher.match(queries, probe_masked=matcher.embedding_mask_flags(queries))
                match = backed_by_frame(fused, own)
                history.append(match.user_id if match.accepted else None)
                recent = history[-confirm:]
                if confirmed is None and len(recent) == confirm and len(set(recent)) == 1 and recent[0]:
                    confirmed = recent[0]
            slot = out.setdefault(kind, {"tracks": 0, "checked_in_right": 0, "checked_in_wrong": 0})
            slot["tracks"] += 1
            if confirmed is not None:
                slot["checked_in_right" if confirmed == owner else "checked_in_wrong"] += 1
    return out


def run(faces: Path, pipeline=None, *, embedder: str | None = None, cache: Path | None = None,
        settings=None, progress: bool = True, sizes=GALLERY_SIZES, draws: int = DRAWS) -> dict:
    protocol = plan(faces)
    name = embedder or "auto"
    path = (Path(cache) / f"{name}.npz") if cache else None
    embedded = Embedded.load(path) if path is not None and path.is_file() else None
    if embedded is not None and not embedded.covers(protocol):
        log.warning("%s does not cover these folders: embedding again", path)
        embedded = None
    if embedded is None:
        if pipeline is None:
            from kiosk.vision.pipeline import load_pipeline

            pipeline = load_pipeline(settings, embedder=embedder)
        embedded = embed(protocol, pipeline, progress, memo=Path(cache) / "detections.pkl" if cache else None)
        if path is not None:
            embedded.save(path)
    gate_offset = embedded.gate_offset
    cv = cross_validate(protocol, embedded, gate_offset)
    rule = adopted_rule(cv)
    report = {"embedder": embedded.embedder, "gate_offset": gate_offset, "target_rate": TARGET_RATE,
              "people": sum(p.key in embedded.templates for p in protocol.people), "notes": protocol.notes, "cross_validation": cv,
              "rule": asdict(rule), "rule_text": rule.describe(), "by_gallery_size": {}}
    for label, draws_ in galleries(protocol, embedded, sizes, draws):
        single, fused = {}, {}
        for gallery in draws_:
            probes = probe_list(protocol, set(gallery))
            _add(single, outcomes(score(embedded, gallery, probes, gate_offset), rule))
            _add(fused, outcomes(score(embedded, gallery, probes, gate_offset, fuse=FUSE), rule))
        entry = {"galleries": len(draws_), "people": len(draws_[0]), "single": single, "fused3": fused}
        if label == "all":
            s_all = score(embedded, draws_[0], probe_list(protocol, set(draws_[0])), gate_offset)
            entry["sweep"] = sweep(s_all, rule)
            entry["live_webcam"] = live_tracks(protocol, embedded, draws_[0], rule, gate_offset)
        report["by_gallery_size"][label] = entry
    return report


# ---- text ---------------------------------------------------------------------------------------

def _pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:.1f}%" if d else "-"


def format_report(report: dict) -> str:
    lines = [f"# Open-set evaluation: {report['embedder']}", "",
             f"Pool: {report['people']} enrolled people; target: wrong person and stranger accepts "
             f"<= {100 * report['target_rate']:.1f}% of attempts.", "",
             f"Adopted rule: {report['rule_text']}.", "",
             "## Cross-validation (calibrated on one half of the people, measured on the other)", "",
             "| fold | rule (t, margin / masked t, margin) | unmasked right / wrong / unsure | masked right / wrong / unsure | strangers accepted |",
             "|---|---|---|---|---|"]
    for i, fold in enumerate(report["cross_validation"]["folds"]):
        r, test = fold["rule"], fold["test"]
        lines.append(f"| {i} (test {fold['tested_on']} people) | {r['threshold']:.2f}, {r['margin']:.2f} / "
                     f"{r['masked_threshold']:.2f}, {r['masked_margin']:.2f} | {_genuine(test, 'unmasked')} | "
                     f"{_genuine(test, 'masked')} | {_strangers(test)} |")
    for mode, title in (("single", "single image"), ("fused3", "3 images fused (multi-frame)")):
        lines += ["", f"## Door view by gallery size, {title}", "",
                  "| people | unmasked: right / wrong / unsure / unknown | real masked: right / wrong / unsure / unknown | strangers accepted |",
                  "|---|---|---|---|"]
        for label, entry in report["by_gallery_size"].items():
            counts = entry[mode]
            lines.append(f"| {label} ({entry['galleries']} galleries) | {_genuine(counts, 'unmasked', True)} | "
                         f"{_genuine(counts, 'masked', True)} | {_strangers(counts)} |")
    live = report["by_gallery_size"].get("all", {}).get("live_webcam")
    if live:
        lines += ["", "## Live path on the webcam frames (tracks of 5 frames, whole gallery)", ""]
        for kind, c in live.items():
            lines.append(f"- {kind}: {c['tracks']} tracks, checked in as the right person {c['checked_in_right']}, "
                         f"as a wrong person {c['checked_in_wrong']}")
    return "\n".join(lines) + "\n"


def _genuine(counts: dict, category: str, unknown: bool = False) -> str:
    c = counts.get(category)
    if not c:
        return "-"
    n = c["attempts"]
    text = f"{_pct(c['right'], n)} / **{_pct(c['wrong'], n)}** ({c['wrong']}) / {_pct(c['unsure'], n)}"
    return text + (f" / {_pct(c['unknown'], n)} (of {n})" if unknown else f" (of {n})")


def _strangers(counts: dict) -> str:
    parts = [f"{k}: {v['accepted']}/{v['attempts']}" for k, v in counts.items() if "accepted" in v]
    return "; ".join(parts)


def write(report: dict, out: Path, plots: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "openset.json", out / "openset.md"]
    paths[0].write_text(json.dumps(report, indent=1, default=float) + "\n")
    paths[1].write_text(format_report(report))
    if plots and report["by_gallery_size"].get("all", {}).get("sweep"):
        paths.append(plot_sweep(report, out / "openset_sweep.png"))
    return paths


def plot_sweep(report: dict, path: Path) -> Path:
    """Right / wrong person / strangers accepted per attempt against the threshold, whole
    gallery, single image; the adopted thresholds marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = report["by_gallery_size"]["all"]["sweep"]
    rule = report["rule"]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
    for ax, category, key, chosen in ((axes[0], "unmasked", "threshold", rule["threshold"]),
                                      (axes[1], "masked", "masked_threshold", rule["masked_threshold"])):
        x = [r[key] for r in rows]
        n = max(rows[0][category]["attempts"], 1)
        ax.plot(x, [100 * r[category]["right"] / n for r in rows], label="right person", color="#16a34a")
        ax.plot(x, [100 * r[category]["wrong"] / n for r in rows], label="wrong person", color="#dc2626")
        for name, colour in (("lfw_calib", "#2563eb"), ("masked/rwmfd_strangers", "#9333ea")):
            if name in rows[0]:
                total = max(rows[0][name]["attempts"], 1)
                ax.plot(x, [100 * r[name]["accepted"] / total for r in rows], "--", color=colour,
                        label=f"{name} accepted")
        ax.axvline(chosen, color="grey", lw=1)
        ax.set_title(f"{category} probes ({n}), margins as adopted")
        ax.set_xlabel(f"{key.replace('_', ' ')} (adopted {chosen:.2f})")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("% of attempts")
    axes[1].legend(fontsize=8)
    fig.suptitle(f"{report['embedder']}: open-set door view, {report['people']} people")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path
