"""Do cheap image cues of the face region tell replays and prints from live faces, across sets?

For every image of ../shared/faces/spoof (largest face, SCRFD), four cues of the face box:
brightness (HSV V mean: screens emit light), saturation (S mean), high-frequency energy (share of
the FFT power above half the Nyquist radius of a 128x128 grey crop: moire, print dots) and
sharpness (Laplacian variance). Printed per set: the AUC of live vs attack (1 = live always
higher, 0 = always lower, 0.5 = no separation). A cue worth adding to the liveness decision would
point the same way in every set. Run: python benchmarks/liveness_cues.py [SPOOF_DIR]"""
from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.research.liveness_data import collect_sets  # noqa: E402
from kiosk.vision.detect import detect_with_padding  # noqa: E402
from kiosk.vision.image_io import load_image  # noqa: E402
from kiosk.vision.pipeline import choose_detector  # noqa: E402

CUES = ("brightness", "saturation", "high_freq", "sharpness")


def cues(image: np.ndarray, box) -> dict[str, float] | None:
    h, w = image.shape[:2]
    x1, y1, x2, y2 = (int(v) for v in box[:4])
    x1, y1, x2, y2 = max(x1, 0), max(y1, 0), min(x2, w), min(y2, h)
    if x2 - x1 < 8 or y2 - y1 < 8:
        return None
    crop = image[y1:y2, x1:x2]
    grey = cv2.cvtColor(cv2.resize(crop, (128, 128), interpolation=cv2.INTER_AREA), cv2.COLOR_BGR2GRAY)
    power = np.abs(np.fft.fftshift(np.fft.fft2(grey - grey.mean()))) ** 2
    yy, xx = np.mgrid[-64:64, -64:64]
    radius = np.hypot(yy, xx)
    hsv = cv2.cvtColor(crop, cv2.COLOR_BGR2HSV)
    return {"brightness": float(hsv[..., 2].mean()), "saturation": float(hsv[..., 1].mean()),
            "high_freq": float(power[radius > 32].sum() / power[radius > 2].sum()),
            "sharpness": float(cv2.Laplacian(cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var())}


def auc(live: list[float], attack: list[float]) -> float:
    wins = [(a < b) + 0.5 * (a == b) for a in attack for b in live]
    return float(np.mean(wins))


def main(root: Path) -> None:
    detector, _ = choose_detector("auto")
    rows: dict[str, dict[bool, list[dict]]] = {}
    for sample in collect_sets(root):
        image = load_image(sample.path)
        face = max(detect_with_padding(detector, image), key=lambda f: f.area, default=None)
        values = cues(image, face.box) if face is not None else None
        if values:
            rows.setdefault(sample.set, {True: [], False: []})[sample.live].append(values)
    print("| set | " + " | ".join(f"AUC {c}" for c in CUES) + " |")
    print("|---" * (len(CUES) + 1) + "|")
    for name, groups in sorted(rows.items()):
        if groups[True] and groups[False]:
            print(f"| {name} | " + " | ".join(f"{auc([v[c] for v in groups[True]], [v[c] for v in groups[False]]):.2f}"
                                           for c in CUES) + " |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/faces/spoof")
