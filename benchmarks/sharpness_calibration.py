"""Calibrate the face-scale sharpness gate (kiosk.vision.sharpness) on real sharp photos.

Each sharp photo is measured at three resolutions (downscaled to 0.3 MP, native, upscaled to
12 MP with bicubic interpolation), sharp and with blur applied at FACE scale: the blur's size is
given in pixels of the face resampled to 112 px wide (sigma_native = sigma * face_width / 112),
so "Gaussian sigma 2" is the same visible softness on a 100-px and a 1000-px face. The blurred
photo is then rescaled like the sharp one. Faces are detected once on the native sharp photo
and the box is scaled with the image (the detector is not what is calibrated here).

    python benchmarks/sharpness_calibration.py [--sets identities lfw webcam] [--limit N]
        [--json out.json] [--plot docs/evaluation/sharpness.png]

Prints, per measure, set, resolution and blur kind: count, min / median / max and how many
pass the threshold in kiosk.vision.sharpness (the old whole-image score is printed alongside).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict

import _common

_common.setup()

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from tqdm import tqdm  # noqa: E402

from kiosk.vision import sharpness  # noqa: E402
from kiosk.vision.image_io import load_image  # noqa: E402
from kiosk.vision.types import Face  # noqa: E402

SCALES = {"0.3MP": 0.3e6, "native": None, "12MP": 12e6}
GAUSS = (2.0, 3.0, 4.0)
MOTION = (6, 9, 12)  # line length in face-scale pixels; 6 is reported, not required to be refused
REFUSE = {f"gauss{s:g}" for s in GAUSS} | {"motion9", "motion12"}


def photo_sets(names: list[str]) -> dict[str, list]:
    faces = _common.require_faces()
    sets = {
        "identities": _common.images_in(faces / "identities"),
        "lfw": _common.images_in(faces / "lfw"),
        "webcam": [p for p in _common.images_in(faces / "masked" / "webcam") if p.stem.endswith("_unmasked")],
        "rmfrd": [p for p in _common.images_in(faces / "masked" / "rmfrd") if p.stem.endswith("_unmasked")],
    }
    return {n: sets[n] for n in names}


def motion_kernel(length: float, angle_deg: float) -> np.ndarray:
    size = max(3, int(math.ceil(length)) | 1)
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    dx, dy = math.cos(math.radians(angle_deg)), math.sin(math.radians(angle_deg))
    half = (length - 1) / 2
    for t in np.linspace(-half, half, max(2, int(length * 4))):
        kernel[int(round(c + t * dy)), int(round(c + t * dx))] = 1.0
    return kernel / kernel.sum()


def variants(image: np.ndarray, face_width: float):
    """(kind, image) for the sharp photo and each face-scale blur."""
    k = face_width / sharpness.FACE_SCALE_PX
    yield "sharp", image
    for s in GAUSS:
        yield f"gauss{s:g}", cv2.GaussianBlur(image, (0, 0), s * k)
    for i, length in enumerate(MOTION):
        yield f"motion{length}", cv2.filter2D(image, -1, motion_kernel(length * k, 30.0 * i))


def rescaled(image: np.ndarray, pixels: float | None) -> tuple[np.ndarray, float] | None:
    if pixels is None:
        return image, 1.0
    h, w = image.shape[:2]
    f = math.sqrt(pixels / (w * h))
    if pixels < w * h * 0.95 and f >= 1 or pixels > w * h * 1.05 and f <= 1:
        return None
    if pixels < w * h and f > 0.95:  # already about this size
        return None
    size = (max(1, round(w * f)), max(1, round(h * f)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC), f


def measure(sets: dict[str, list], limit: int | None) -> list[dict]:
    from kiosk.app.settings import load_settings
    from kiosk.vision.pipeline import load_pipeline

    pipeline = load_pipeline(load_settings())
    rows = []
    for set_name, paths in sets.items():
        for path in tqdm(paths[:limit], desc=set_name, file=sys.stderr):
            image = load_image(path)
            faces = pipeline.detect(image)
            if not faces:
                print(f"{path}: no face, skipped", file=sys.stderr)
                continue
            face = faces[0]
            for kind, blurred in variants(image, face.width):
                for scale, pixels in SCALES.items():
                    got = rescaled(blurred, pixels)
                    if got is None:
                        continue
                    img, f = got
                    scaled = Face(face.box * f, face.score, face.landmarks * f)
                    rows.append({"set": set_name, "photo": str(path.relative_to(_common.FACES)),
                                 "scale": scale, "kind": kind, "face_px": round(scaled.width),
                                 "sharpness": round(sharpness.face_sharpness(img, scaled), 3),
                                 "whole": round(sharpness.whole_image_blur(img), 2)})
    return rows


def report(rows: list[dict], threshold: float) -> str:
    groups = defaultdict(list)
    for r in rows:
        groups[(r["set"], r["scale"], r["kind"])].append(r)
    lines = [f"threshold {threshold:g} (face-scale sharpness); old whole-image rule: >= 40",
             "| set | resolution | photos | kind | sharpness min / median / max | pass | whole-image median | pass old |",
             "|---|---|---|---|---|---|---|---|"]
    for (s, scale, kind), rs in sorted(groups.items(), key=lambda kv: (kv[0][0], list(SCALES).index(kv[0][1]), kv[0][2])):
        v = np.array([r["sharpness"] for r in rs])
        w = np.array([r["whole"] for r in rs])
        lines.append(f"| {s} | {scale} | {len(rs)} | {kind} | {v.min():.1f} / {np.median(v):.1f} / {v.max():.1f} | "
                     f"{int((v >= threshold).sum())} | {np.median(w):.1f} | {int((w >= 40).sum())} |")
    sharp = np.array([r["sharpness"] for r in rows if r["kind"] == "sharp"])
    blurred = np.array([r["sharpness"] for r in rows if r["kind"] in REFUSE])
    lines.append(f"\nsharp (all scales): {len(sharp)}, lowest {sharp.min():.2f}, {int((sharp < threshold).sum())} refused; "
                 f"blurred (gauss 2-4, motion 9-12): {len(blurred)}, highest {blurred.max():.2f}, "
                 f"{int((blurred >= threshold).sum())} passed")
    lines.append(f"geometric mean of the two class edges: {math.sqrt(sharp.min() * blurred.max()):.2f}")
    return "\n".join(lines)


def plot(rows: list[dict], threshold: float, out: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kinds = ["sharp"] + [f"gauss{s:g}" for s in GAUSS] + [f"motion{m}" for m in MOTION]
    fig, axes = plt.subplots(1, len(SCALES), figsize=(13, 4), sharey=True)
    bins = np.logspace(-1.3, 2.3, 60)
    for ax, scale in zip(axes, SCALES):
        for kind in kinds:
            v = [r["sharpness"] for r in rows if r["scale"] == scale and r["kind"] == kind]
            if v:
                ax.hist(v, bins=bins, histtype="step", label=kind, linewidth=1.5 if kind == "sharp" else 1)
        ax.axvline(threshold, color="k", linestyle="--")
        ax.set_xscale("log")
        ax.set_title(scale)
        ax.set_xlabel("face-scale sharpness")
    axes[0].set_ylabel("photos")
    axes[-1].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=80)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", default=["identities", "lfw", "webcam"],
                    choices=["identities", "lfw", "webcam", "rmfrd"])
    ap.add_argument("--limit", type=int, help="at most this many photos per set (a quick look)")
    ap.add_argument("--threshold", type=float, default=sharpness.SHARPNESS_MIN)
    ap.add_argument("--json", help="write every measurement here")
    ap.add_argument("--plot", help="write a histogram png here")
    args = ap.parse_args()
    rows = measure(photo_sets(args.sets), args.limit)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh, indent=0)
    if args.plot:
        plot(rows, args.threshold, args.plot)
    print(report(rows, args.threshold))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
