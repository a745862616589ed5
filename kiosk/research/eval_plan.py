"""`kiosk evaluate`'s input: which photos are enrolled, which are probes and impostors, and the
options of one run. Kept apart so the command line can check the folders before loading a model."""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.recognition.scoring import Scoring
from kiosk.vision.image_io import IMAGE_SUFFIXES

GALLERY_VARIANTS = ("originals", "originals+masked")


class EvaluationError(ValueError):
    """Bad input for an evaluation; str() is fit for the user."""


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


def probe_views(options: Options) -> list[tuple[str, str]]:
    return [("unmasked", "plain")] + ([("masked", "masked")] if options.mask_probes else [])
