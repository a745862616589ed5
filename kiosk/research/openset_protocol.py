"""`kiosk evaluate --open-set`'s protocol: who is enrolled from which photos, who is a stranger,
and the attempts (probes) a gallery faces. The rules are in openset.py's docstring."""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.vision.image_io import IMAGE_SUFFIXES

POOL_SETS = ("masked/rmfrd_calib", "masked/rmfrd", "identities", "lfw", "masked/webcam")
STRANGER_SETS = {"lfw_calib": "unmasked", "masked/rwmfd_strangers": "masked"}
ENROLLED_PHOTOS = 3
FUSE = 3
# The same person in two sets, found by this evaluation (their photos score far above any other
# pair, with a wide lead): deepface's df09 is George Clooney, also in lfw_calib; RMFRD's
# "chenglong" is Jackie Chan (Cheng Long), also in lfw. Such photos are probes of that person,
# never strangers or someone else's look-alikes.
SAME_PERSON = {"lfw_calib/George_Clooney": "identities/df09", "masked/rmfrd_calib/chenglong": "lfw/Jackie_Chan"}


def photo_files(folder: Path) -> list[Path]:
    """The image files of one person folder, by name (hidden files left out)."""
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
            files = photo_files(folder)
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
