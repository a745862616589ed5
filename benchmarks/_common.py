"""Helpers shared by the benchmark scripts: where the shared photos and weights are, and the
looped door video of enrolled people that the soaks and the site load play as a camera."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
FACES = REPO.parent / "shared" / "faces"
MODELS = REPO.parent / "shared" / "models"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp"}


def setup() -> None:
    """Make `import kiosk` work from a checkout and point the kiosk at the shared weights."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    if not os.environ.get("KIOSK_MODELS_DIR") and MODELS.is_dir():
        os.environ["KIOSK_MODELS_DIR"] = str(MODELS)


def require_faces() -> Path:
    if not FACES.is_dir():
        sys.exit(f"{FACES} is absent: these measurements need the shared real photos")
    return FACES


def images_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)


def real_masked_sets() -> dict[str, list[tuple[Path, bool]]]:
    """Real photos with and without masks: {'rmfrd': [(path, masked)], 'webcam': [...]}."""
    out = {}
    for name in ("rmfrd", "webcam"):
        root = FACES / "masked" / name
        out[name] = [(p, p.stem.endswith("_masked")) for p in images_in(root)
                     if p.stem.endswith(("_masked", "_unmasked"))]
    return out


# The people a door video shows (folders in identities/, each with photos to spare).
PEOPLE = ("df01", "df04", "obama")


def enrolment_photos(person: str) -> tuple[list, list]:
    """Three photos sharp enough to enroll (in name order), and the others, held out."""
    from kiosk.vision.image_io import load_image
    from kiosk.vision.quality import BLUR_MIN, blur_score

    images = [load_image(p) for p in images_in(FACES / "identities" / person)]
    sharp = [im for im in images if blur_score(im) >= BLUR_MIN][:3]
    return sharp, [im for im in images if not any(im is s for s in sharp)]


def enroll_visitors(service, people, masks: bool = False) -> list:
    """Enroll each person (as S1, S2, ... named after their folder) from three photos; their first
    held-out photo each, for the door video."""
    held_out = []
    for i, person in enumerate(people, start=1):
        photos, others = enrolment_photos(person)
        service.enroll(f"S{i}", person, "07700900000", photos, masks=masks, allow_duplicate=True)
        held_out.append(others[0])
    return held_out


def make_video(path: Path, visitors: list, fps: int = 10, size=(640, 480)) -> Path:
    """Each visitor's photo letterboxed for 1.5 s, a second of empty hall, then 3 s of the real
    clip's strangers."""
    import cv2

    def letterbox(image):
        scale = min(size[0] / image.shape[1], size[1] / image.shape[0]) * 0.9
        small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        canvas = np.full((size[1], size[0], 3), 90, np.uint8)
        y, x = (size[1] - small.shape[0]) // 2, (size[0] - small.shape[1]) // 2
        canvas[y:y + small.shape[0], x:x + small.shape[1]] = small
        return canvas

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
    for image in visitors:
        for frame in [letterbox(image)] * int(1.5 * fps) + [np.full((size[1], size[0], 3), 90, np.uint8)] * fps:
            writer.write(frame)
    clip = cv2.VideoCapture(str(FACES / "video" / "short_hamilton_clip.mp4"))
    for _ in range(3 * fps):
        ok, frame = clip.read()
        if not ok:
            break
        writer.write(letterbox(frame))
    writer.release()
    return path


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process (this one by default), from /proc."""
    return proc_status(pid).get("VmRSS", 0) / 1024


def proc_status(pid: int | str = "self") -> dict[str, int]:
    """The numeric fields of /proc/PID/status (kB for sizes): VmRSS, Threads..."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if value.split() and value.split()[0].isdigit():
            out[key] = int(value.split()[0])
    return out
