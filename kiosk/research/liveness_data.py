"""The evaluation data of `kiosk evaluate-liveness`: which images, what they show, which ones
form one capture (a track), and their liveness scores (cached).

Layout: DIR/SET/{live,spoof}/IMAGE (DIR may also be one SET). A SET's SOURCE.txt, when present,
is a tab-separated table (file, label, attack_type, ..., note) giving each attack's type and
whether a live face wears a mask. --masked-live folders are DIR/PERSON/IMAGE of live people
(file names with `_masked` are masked), e.g. ../shared/faces/masked/webcam.

Tracks from still images (the data has no video): the images of one capture, in file-name
order, in sliding windows of `frames` images. One capture = one SET and label (and mask state),
split further by the NUAA subject and session in the name (SSSS_gg_pp_ss_frame), or by gaps of
more than CAPTURE_GAP_S seconds when the name starts with a Unix timestamp (the webcam
tutorials' frame names); a PERSON folder (and mask state) of --masked-live."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kiosk.vision.detect import detect_with_padding
from kiosk.vision.image_io import IMAGE_SUFFIXES, ImageError, load_image

CAPTURE_GAP_S = 10.0
_NUAA = re.compile(r"^\d+_(\d{4})_\d+_\d+_(\d+)_\d+$")
_STAMP = re.compile(r"^\d+_(\d{13,20})$")


@dataclass
class Sample:
    path: Path
    set: str
    live: bool
    attack: str  # "none" for live faces
    masked: bool
    capture: str
    scores: dict | None = None  # per model, of the largest face; None: no face found

    @property
    def score(self) -> float | None:
        return None if not self.scores else float(np.mean(list(self.scores.values())))


def attack_category(text: str) -> str:
    """SOURCE.txt's free-text attack type as one of a few ISO 30107 attack instrument species."""
    low = text.lower()
    if "print" in low:
        return "printed photo"
    if "tv" in low or "monitor" in low:
        return "TV/monitor replay"
    if "screen" in low or "phone" in low or "replay" in low:
        return "phone/screen replay"
    return low or "unspecified"


def read_source_table(set_dir: Path) -> dict[str, dict]:
    """SOURCE.txt rows by relative file name (label/IMAGE); {} when there is none."""
    table = set_dir / "SOURCE.txt"
    if not table.is_file():
        return {}
    rows, header = {}, None
    for line in table.read_text(encoding="utf-8", errors="replace").splitlines():
        cells = line.split("\t")
        if cells[0] == "file":
            header = cells
        elif header and len(cells) >= 3 and "/" in cells[0]:
            rows[cells[0]] = dict(zip(header, cells))
    return rows


def _images(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)


def _capture_keys(paths: list[Path]) -> list[str]:
    """One key per image: NUAA subject+session, or a timestamp run, or one capture for all."""
    keys, run, last = [], 0, None
    for path in paths:
        nuaa, stamp = _NUAA.match(path.stem), _STAMP.match(path.stem)
        if nuaa:
            keys.append(f"subject {nuaa.group(1)} session {nuaa.group(2)}")
            continue
        if stamp:
            seconds = float(stamp.group(1)[:10])
            if last is not None and seconds - last > CAPTURE_GAP_S:
                run += 1
            last = seconds
        keys.append(f"capture {run}")
    return keys


def collect_sets(root: Path) -> list[Sample]:
    """Every image of DIR/SET/{live,spoof}/ (or of one SET)."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    set_dirs = [root] if any((root / k).is_dir() for k in ("live", "spoof")) else \
        sorted(d for d in root.iterdir() if d.is_dir() and any((d / k).is_dir() for k in ("live", "spoof")))
    if not set_dirs:
        raise ValueError(f"{root} has no SET/live or SET/spoof folders")
    samples = []
    for set_dir in set_dirs:
        table = read_source_table(set_dir)
        for label in ("live", "spoof"):
            folder = set_dir / label
            if not folder.is_dir():
                continue
            paths = _images(folder)
            for path, key in zip(paths, _capture_keys(paths)):
                row = table.get(f"{label}/{path.name}", {})
                masked = "mask" in row.get("note", "").lower()
                attack = "none" if label == "live" else attack_category(row.get("attack_type", ""))
                capture = f"{set_dir.name}/{label}/{'masked' if masked else 'bare'}/{key}"
                samples.append(Sample(path, set_dir.name, label == "live", attack, masked, capture))
    return samples


def collect_masked_live(root: Path) -> list[Sample]:
    """Live people, DIR/PERSON/IMAGE: a `_masked` file name is a masked face."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    samples = []
    for person in sorted(d for d in root.iterdir() if d.is_dir()):
        for path in _images(person):
            masked = "_masked" in path.stem.lower()
            capture = f"{root.name}/{person.name}/{'masked' if masked else 'bare'}"
            samples.append(Sample(path, f"masked/{root.name}", True, "none", masked, capture))
    return samples


def tracks(samples: list[Sample], frames: int) -> list[list[Sample]]:
    """Sliding windows of `frames` consecutive scored images of one capture (a shorter capture
    is one track of all its images)."""
    groups: dict[str, list[Sample]] = {}
    for s in samples:
        if s.score is not None:
            groups.setdefault(s.capture, []).append(s)
    out = []
    for group in groups.values():
        group.sort(key=lambda s: s.path.name)
        if len(group) <= frames:
            out.append(group)
        else:
            out += [group[i:i + frames] for i in range(len(group) - frames + 1)]
    return out


def score_samples(samples: list[Sample], checker, detector, cache: Path | None = None, progress=None) -> None:
    """The largest face's per-model scores for every sample (detection retried on a padded copy
    for tight crops, as the kiosk's pipeline does); reuses and updates `cache` (JSON)."""

    stored = {}
    if cache is not None and cache.is_file():
        try:
            stored = json.loads(cache.read_text())
        except ValueError:
            stored = {}
    for i, sample in enumerate(samples):
        stat = sample.path.stat()
        key = f"{sample.path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{checker.name}"
        if key not in stored:
            try:
                image = load_image(sample.path)
            except ImageError:
                stored[key] = None
            else:
                faces = detect_with_padding(detector, image)
                face = max(faces, key=lambda f: f.area, default=None)
                stored[key] = None if face is None else checker.scores(image, face.box)
        sample.scores = stored[key]
        if progress:
            progress(i + 1, len(samples))
    if cache is not None:
        from kiosk.common.fsutil import atomic_write_text

        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(cache, json.dumps(stored))
