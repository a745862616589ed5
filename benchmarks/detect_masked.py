"""Detection rate of each detector, alone and chained, on REAL masked and unmasked photos.

    python benchmarks/detect_masked.py [--json] [--no-cnn]

rmfrd photos are tight 160x160 crops: every detector sees them through the pipeline's own
`detect_with_padding` (plain detection, then a padded retry), exactly as enrollment and
`recognize` do. webcam photos are 400x400 frames. A photo counts as detected when at least one
face is found. "A -> B" runs B only on photos A missed (kiosk.vision.fallback.FallbackDetector),
so a chain detects a photo when any member does; its rate is computed from the members' runs.
The pipeline's default chain is det_2.5g -> det_500m (when both files are present); camera
frames go through det_500m@320 first (the input's long side 320, kiosk.vision.live_detect)."""
from __future__ import annotations

import argparse
import json
import time

import _common

_common.setup()

from kiosk.vision.detect import ScrfdDetector, detect_with_padding  # noqa: E402
from kiosk.vision.image_io import load_image  # noqa: E402

CHAINS = [("det_2.5g",), ("det_500m",), ("dlib-cnn",), ("det_2.5g", "det_500m"), ("det_2.5g", "dlib-cnn"),
          ("det_500m", "dlib-cnn"), ("det_2.5g", "det_500m", "dlib-cnn"),
          # The live path (issue 24, kiosk.vision.live_detect): det_500m at 320, then the full chain.
          ("det_500m@320",), ("det_500m@320", "det_2.5g", "det_500m")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-cnn", action="store_true", help="skip dlib's CNN detector (slow)")
    args = parser.parse_args()
    _common.require_faces()
    sets = _common.real_masked_sets()
    detectors = {n: ScrfdDetector(_common.MODELS / f"{n}.onnx") for n in ("det_2.5g", "det_500m")}
    detectors["det_500m@320"] = ScrfdDetector(_common.MODELS / "det_500m.onnx", 320, fit=True, threads=1)
    if not args.no_cnn:
        from kiosk.vision.fallback import DlibCnnDetector

        detectors["dlib-cnn"] = DlibCnnDetector()
    found: dict[tuple[str, str], dict[str, bool]] = {}
    cost: dict[str, list[float]] = {n: [] for n in detectors}
    truth: dict[str, dict[str, bool]] = {}
    for set_name, items in sets.items():
        truth[set_name] = {str(p): masked for p, masked in items}
        for det_name, det in detectors.items():
            hits = {}
            for path, _ in items:
                image = load_image(path)
                t0 = time.perf_counter()
                hits[str(path)] = bool(detect_with_padding(det, image))
                cost[det_name].append((time.perf_counter() - t0) * 1e3)
            found[(det_name, set_name)] = hits
    results = {}
    for chain in CHAINS:
        if any(n not in detectors for n in chain):
            continue
        name = " -> ".join(chain)
        for set_name, labels in truth.items():
            row = {"masked": [0, 0], "unmasked": [0, 0], "missed": []}
            for path, masked in labels.items():
                hit = any(found[(n, set_name)][path] for n in chain)
                key = "masked" if masked else "unmasked"
                row[key][1] += 1
                row[key][0] += hit
                if not hit:
                    row["missed"].append(path.split("/faces/")[-1])
            results[f"{name} / {set_name}"] = row
    ms = {n: round(sorted(v)[len(v) // 2], 1) for n, v in cost.items()}
    if args.json:
        print(json.dumps({"rates": results, "median_ms_per_photo": ms}, indent=2))
        return
    print(f"{'detector / set':<44} {'masked':>15} {'unmasked':>15}")
    for key, r in results.items():
        m, u = r["masked"], r["unmasked"]
        print(f"{key:<44} {m[0]:>4}/{m[1]:<4} {100 * m[0] / max(1, m[1]):5.1f}% "
              f"{u[0]:>4}/{u[1]:<4} {100 * u[0] / max(1, u[1]):5.1f}%")
    print("median ms per photo (with padded retry when needed):", ms)


if __name__ == "__main__":
    main()
