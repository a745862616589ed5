"""Train the mask / no-mask classifier (kiosk.vision.mask_classifier) and measure it on REAL photos.

    python benchmarks/train_mask_classifier.py [--out resources/mask_classifier.npz] [--renders 2]

Training data: every photo of ../shared/faces/identities and ../shared/faces/lfw, unmasked as it
is and masked by the project's own renderer (kiosk.vision.masks, random_style=True, random mask
types), each also with a photometric jitter (brightness, contrast, blur, down-and-up scaling,
JPEG) so the classifier does not learn one camera. Masked renderings are re-detected, as the
kiosk's detector sees them. The regularisation strength is chosen by 5-fold cross-validation
grouped by person on this synthetic set only.

Held-out test: the REAL masked photos (masked/rmfrd and masked/webcam, files *_masked vs
*_unmasked), never seen in training, detected by the kiosk pipeline. For comparison the script also
trains the same logistic regression on the active embedder's face embeddings and reports it.
Results go to stdout and benchmarks/results/mask_classifier.json."""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time

import _common
import cv2
import numpy as np

_common.setup()

from kiosk.app.settings import load_settings  # noqa: E402
from kiosk.vision.align import align_face  # noqa: E402
from kiosk.vision.image_io import load_image  # noqa: E402
from kiosk.vision.mask_classifier import DEFAULT_PATH, MaskClassifier, crop_features  # noqa: E402
from kiosk.vision.mask_templates import MASK_TYPES  # noqa: E402
from kiosk.vision.masks import MaskRenderer  # noqa: E402
from kiosk.vision.pipeline import load_pipeline  # noqa: E402
from kiosk.vision.types import best_face, same_face  # noqa: E402


def jitter(image: np.ndarray, rng: random.Random) -> np.ndarray:
    out = image.astype(np.float32) * rng.uniform(0.7, 1.3) + rng.uniform(-25, 25)
    mean = out.mean()
    out = (out - mean) * rng.uniform(0.75, 1.2) + mean
    out = np.clip(out, 0, 255).astype(np.uint8)
    if rng.random() < 0.4:
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.6, 1.6))
    if rng.random() < 0.5:
        h, w = out.shape[:2]
        f = rng.uniform(0.3, 0.7)
        out = cv2.resize(cv2.resize(out, (max(8, int(w * f)), max(8, int(h * f))), interpolation=cv2.INTER_AREA),
                         (w, h), interpolation=cv2.INTER_LINEAR)
    ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(40, 95)])
    return cv2.imdecode(data, cv2.IMREAD_COLOR) if ok else out


def training_set(pipeline, renders: int, seed: int):
    rng = random.Random(seed)
    renderer = MaskRenderer()
    crops, labels, groups = [], [], []
    photos = _common.images_in(_common.FACES / "identities") + _common.images_in(_common.FACES / "lfw")
    for n, path in enumerate(photos):
        image = load_image(path)
        face = best_face(pipeline.detect(image))
        if face is None:
            continue
        person = path.parent.name
        samples = [(image, face, False)]
        shaken = jitter(image, rng)
        samples.append((shaken, face, False))
        types = rng.sample(MASK_TYPES, renders)
        for k, mask_type in enumerate(types):
            try:
                rendering = renderer.render(image, face.box, mask_type, seed=rng.randrange(10 ** 6), random_style=True)
            except Exception as exc:  # a face the landmarker cannot place a mask on
                print(f"  {path.name}: no mask ({exc})")
                continue
            masked = rendering.image if k % 2 == 0 else jitter(rendering.image, rng)
            seen = same_face(pipeline.detect(masked, pad_retry=False), face) or face
            samples.append((masked, seen, True))
        for img, f, label in samples:
            crops.append(align_face(img, f, 112))
            labels.append(label)
            groups.append(person)
        if n % 25 == 0:
            print(f"  {n}/{len(photos)} photos", flush=True)
    return crops, np.array(labels), np.array(groups)


def real_set(pipeline):
    crops, labels, sets, missed = [], [], [], {"rmfrd": 0, "webcam": 0}
    for set_name, items in _common.real_masked_sets().items():
        for path, masked in items:
            image = load_image(path)
            face = best_face(pipeline.detect(image))
            if face is None:
                missed[set_name] += 1
                continue
            crops.append(align_face(image, face, 112))
            labels.append(masked)
            sets.append(set_name)
    return crops, np.array(labels), np.array(sets), missed


def fit(features, labels, groups, seed):
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    best = None
    for c in (0.003, 0.01, 0.03, 0.1, 0.3, 1.0):
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000, class_weight="balanced"))
        score = cross_val_score(model, features, labels, groups=groups, cv=GroupKFold(5)).mean()
        print(f"  C={c:<6} grouped 5-fold accuracy on synthetic data {score:.4f}")
        if best is None or score > best[0] + 1e-9:
            best = (score, c)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=best[1], max_iter=5000, class_weight="balanced"))
    model.fit(features, labels)
    return model, best


def report(name, probs, labels, sets) -> dict:
    pred = probs >= 0.5
    out = {}
    for set_name in ("rmfrd", "webcam", "all"):
        sel = np.ones(len(labels), bool) if set_name == "all" else sets == set_name
        y, p = labels[sel], pred[sel]
        out[set_name] = {"n": int(sel.sum()), "accuracy": round(float((y == p).mean()), 4),
                         "masked_recall": round(float(p[y].mean()), 4) if y.any() else None,
                         "unmasked_recall": round(float((~p[~y]).mean()), 4) if (~y).any() else None,
                         "balanced_accuracy": round(float((p[y].mean() + (~p[~y]).mean()) / 2), 4)}
        r = out[set_name]
        print(f"  {name:<22} {set_name:<7} n={r['n']:<4} accuracy {r['accuracy']:.3f}  "
              f"masked {r['masked_recall']:.3f}  unmasked {r['unmasked_recall']:.3f}  "
              f"balanced {r['balanced_accuracy']:.3f}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(DEFAULT_PATH))
    parser.add_argument("--renders", type=int, default=2, help="masked renderings per photo")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-embedding-baseline", action="store_true")
    args = parser.parse_args()
    _common.require_faces()
    pipeline = load_pipeline(load_settings(tempfile.mkdtemp(prefix="kiosk-train-")))
    t0 = time.perf_counter()
    print(f"rendering and detecting the training set with {pipeline.description} ...")
    crops, labels, groups = training_set(pipeline, args.renders, args.seed)
    feats = np.stack([crop_features(c) for c in crops])
    print(f"{len(labels)} training crops ({labels.sum()} masked) from {len(set(groups))} people, "
          f"{feats.shape[1]} features, {time.perf_counter() - t0:.0f} s")
    model, (cv_score, c) = fit(feats, labels, groups, args.seed)
    scaler, lr = model.steps[0][1], model.steps[1][1]
    info = (f"logistic regression C={c} on {feats.shape[1]} colour/texture features; trained on {len(labels)} "
            f"synthetic crops of {len(set(groups))} people; grouped CV accuracy {cv_score:.4f}")
    classifier = MaskClassifier(scaler.mean_.astype(np.float32), scaler.scale_.astype(np.float32),
                                lr.coef_.ravel().astype(np.float32), float(lr.intercept_[0]), 0.5, info)
    classifier.save(args.out)
    print(f"saved {args.out} ({len(open(args.out, 'rb').read())} bytes): {info}")

    print("real photos (held out) ...")
    real_crops, real_labels, real_sets, missed = real_set(pipeline)
    real_feats = np.stack([crop_features(c) for c in real_crops])
    results = {"model": info, "pipeline": pipeline.description, "undetected_real_photos": missed,
               "colour_texture": report("colour/texture LR", classifier.probability(real_feats), real_labels, real_sets)}
    if not args.no_embedding_baseline:
        train_emb = pipeline.embedder.embed_crops(crops)
        real_emb = pipeline.embedder.embed_crops(real_crops)
        emb_model, (emb_cv, emb_c) = fit(train_emb, labels, groups, args.seed)
        results["embedding_baseline"] = report(f"{pipeline.embedder.name} LR", emb_model.predict_proba(real_emb)[:, 1],
                                               real_labels, real_sets)
        results["embedding_baseline"]["cv"] = round(float(emb_cv), 4)
    out = _common.REPO / "benchmarks" / "results" / "mask_classifier.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
