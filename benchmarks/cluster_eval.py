"""Pairwise precision / recall of `kiosk cluster` on real photos with some rendered masked.

    python benchmarks/cluster_eval.py [--every 3] [--json]

The set: every photo of ../shared/faces/identities and ../shared/faces/lfw (33 people), mixed in
one folder; of each person's photos, every `--every`-th (starting with the second) is replaced
by a synthetic masked rendering (kiosk.vision.masks, random type and style), so most people
appear both with and without a mask. Faces are embedded once; then each configuration (method,
mask-aware or plain, threshold) is scored by pairwise precision and recall against the folder
names (images without a face count as unsorted). Results also go to
benchmarks/results/clustering.json."""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import _common
import cv2

_common.setup()

from kiosk.app.settings import load_settings  # noqa: E402
from kiosk.research.cluster import assign, embed_items, pairwise_precision_recall  # noqa: E402
from kiosk.vision.image_io import load_image  # noqa: E402
from kiosk.vision.mask_classifier import MaskClassifier  # noqa: E402
from kiosk.vision.mask_templates import MASK_TYPES  # noqa: E402
from kiosk.vision.masks import MaskRenderer  # noqa: E402
from kiosk.vision.pipeline import load_pipeline  # noqa: E402
from kiosk.vision.types import best_face  # noqa: E402


def build_set(pipeline, folder: Path, every: int, seed: int) -> dict[Path, tuple[str, bool]]:
    rng = random.Random(seed)
    renderer = MaskRenderer()
    truth = {}
    for source in ("identities", "lfw"):
        for person in sorted(p for p in (_common.FACES / source).iterdir() if p.is_dir()):
            for k, path in enumerate(_common.images_in(person)):
                image = load_image(path)
                masked = every > 0 and k % every == 1
                if masked:
                    face = best_face(pipeline.detect(image))
                    if face is None:
                        masked = False
                    else:
                        image = renderer.render(image, face.box, rng.choice(MASK_TYPES), seed=rng.randrange(10 ** 6),
                                                random_style=True).image
                target = folder / f"{source}_{person.name}_{path.stem}{'_masked' if masked else ''}.png"
                cv2.imwrite(str(target), image)
                truth[target] = (f"{source}/{person.name}", masked)
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--every", type=int, default=3, help="render every N-th photo of a person masked")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    _common.require_faces()
    pipeline = load_pipeline(load_settings(tempfile.mkdtemp(prefix="kiosk-cluster-")))
    default_t = pipeline.embedder.default_threshold
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        truth = build_set(pipeline, folder, args.every, args.seed)
        paths = sorted(truth)
        t0 = time.perf_counter()
        items = embed_items(pipeline, paths, mask_aware=True, classifier=MaskClassifier.load())
        seconds = time.perf_counter() - t0
    labels = [truth[p][0] for p in paths]
    synthetic = [truth[p][1] for p in paths]
    plain = [type(i)(i.path, i.embedding, False, None, None, i.problem) for i in items]
    flagged = sum(i.masked for i in items)
    agree = sum(i.masked == m for i, m in zip(items, synthetic) if i.embedding is not None)
    rows = []
    for method in ("average", "chinese-whispers"):
        for aware, its in (("mask-aware", items), ("plain", plain)):
            for t in (round(default_t - 0.1, 2), default_t, round(default_t + 0.1, 2)):
                names = assign(its, t, method, min_size=2)
                pred = [None if n == "unsorted" else n for n in names]
                p, r = pairwise_precision_recall(labels, pred)
                masked_idx = [k for k, m in enumerate(synthetic) if m]
                # Masked photos put with their own person's unmasked photos.
                joined = sum(1 for k in masked_idx if pred[k] is not None and any(
                    pred[j] == pred[k] and labels[j] == labels[k] and not synthetic[j] for j in range(len(paths))))
                rows.append({"method": method, "similarity": aware, "threshold": t, "precision": round(p, 4),
                             "recall": round(r, 4), "clusters": len({n for n in pred if n}),
                             "unsorted": pred.count(None), "masked_joined": f"{joined}/{len(masked_idx)}"})
    result = {"pipeline": pipeline.description, "images": len(paths), "people": len(set(labels)),
              "synthetic_masked": sum(synthetic), "no_face": sum(i.embedding is None for i in items),
              "classifier_flagged_masked": flagged, "classifier_agrees_with_rendering": f"{agree}/{len(paths)}",
              "embed_seconds": round(seconds, 1), "default_threshold": default_t, "rows": rows}
    out = _common.REPO / "benchmarks" / "results" / "clustering.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print({k: v for k, v in result.items() if k != "rows"})
    print(f"{'method':<17} {'similarity':<11} {'T':>5} {'precision':>9} {'recall':>7} {'clusters':>8} "
          f"{'unsorted':>8} {'masked joined':>13}")
    for r in rows:
        print(f"{r['method']:<17} {r['similarity']:<11} {r['threshold']:>5} {r['precision']:>9.3f} {r['recall']:>7.3f} "
              f"{r['clusters']:>8} {r['unsorted']:>8} {r['masked_joined']:>13}")


if __name__ == "__main__":
    main()
