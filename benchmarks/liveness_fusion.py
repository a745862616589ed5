"""Does a small learned fusion of the MiniFASNet pair, or test-time flips / other crop scales,
lower the held-out APCER/BPCER of the liveness check? Measured leave-one-set-out (LOSO).

Features of the largest SCRFD face of each image, per model: the 128-d embedding before the
classifier (the ONNX graph's '/bn/BatchNormalization_output_0', exposed as an extra output) and
the 3 logits, on the crop and its mirror image; the softmax score at crop scales 0.8x/1.25x of
the model's own. Variants, each evaluated with the protocol of kiosk.research.liveness_eval
(per track of 3 frames, threshold = highest with BPCER <= 2% on data not from the held-out set):
- mean: the shipped score (mean of the two models' real-face probability);
- flip: the mean over the crop and its mirror;
- multiscale: the mean over the three scales per model;
- logreg-logits / logreg-embed: a logistic regression (sklearn, balanced classes, L2) on the six
  logits, or on both 128-d embeddings + logits, trained on the other sets. Its threshold comes from
  an inner LOSO over the training sets (out-of-fold probabilities), never from the held-out set,
  nor from the training fit's own (optimistic) probabilities.
Run: python benchmarks/liveness_fusion.py ../shared/faces/spoof ../shared/faces/masked/webcam
     ../shared/faces/masked/rmfrd  (features cached in /tmp/liveness_fusion.npz)"""
from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.recognition.liveness import INPUT_SIZE, MINIFASNET, find_minifasnet, scaled_box  # noqa: E402
from kiosk.research import liveness_eval as ev  # noqa: E402
from kiosk.research.liveness_data import Sample, collect_masked_live, collect_sets  # noqa: E402

EMBED = "/bn/BatchNormalization_output_0"
SCALES = (0.8, 1.0, 1.25)
CACHE = Path("/tmp/liveness_fusion.npz")


def session(path: Path):
    """The model with its pre-classifier embedding as a second output."""
    import onnx
    import onnxruntime as ort

    graph = onnx.load(str(path))
    graph.graph.output.append(onnx.helper.make_tensor_value_info(EMBED, onnx.TensorProto.FLOAT, None))
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    return ort.InferenceSession(graph.SerializeToString(), options, providers=["CPUExecutionProvider"])


def crop(image, box, scale):
    h, w = image.shape[:2]
    left, top, right, bottom = scaled_box(w, h, box, scale)
    return cv2.resize(image[top:bottom + 1, left:right + 1], (INPUT_SIZE, INPUT_SIZE))


def softmax_real(logits):
    e = np.exp(logits - logits.max(-1, keepdims=True))
    return e[..., 1] / e.sum(-1)


def features(samples: list[Sample]) -> dict[str, np.ndarray]:
    from kiosk.app.settings import load_settings
    from kiosk.vision.detect import detect_with_padding
    from kiosk.vision.image_io import ImageError, load_image
    from kiosk.vision.pipeline import choose_detector

    settings = load_settings()
    detector, _ = choose_detector("auto", settings.models_dir, settings.own_models_dir)
    sessions = {key: (session(p), MINIFASNET[key]) for key, p in sorted(find_minifasnet(settings.models_dir).items())}
    out = {"found": [], "logits": [], "embed": [], "flip_logits": [], "scale_probs": []}
    for i, s in enumerate(samples):
        try:
            image = load_image(s.path)
            face = max(detect_with_padding(detector, image), key=lambda f: f.area, default=None)
        except ImageError:
            face = None
        out["found"].append(face is not None)
        logits, embed, flip, scaled = [], [], [], []
        for sess, base in sessions.values():
            name = sess.get_inputs()[0].name
            for scale in SCALES:
                c = crop(image, face.box, base * scale) if face is not None else np.zeros((80, 80, 3), np.uint8)
                runs = [sess.run(None, {name: v.astype(np.float32).transpose(2, 0, 1)[None]})
                        for v in (c, np.ascontiguousarray(c[:, ::-1]))]  # the graph takes a batch of 1
                lg, em = np.concatenate([r[0] for r in runs]), np.concatenate([r[1] for r in runs])
                scaled.append(softmax_real(lg[0]))
                if scale == 1.0:
                    logits.append(lg[0]), embed.append(em[0]), flip.append(lg[1])
        out["logits"].append(np.concatenate(logits))
        out["embed"].append(np.concatenate(embed))
        out["flip_logits"].append(np.concatenate(flip))
        out["scale_probs"].append(np.array(scaled))
        if (i + 1) % 50 == 0:
            print(f"features {i + 1}/{len(samples)}", file=sys.stderr)
    return {k: np.asarray(v) for k, v in out.items()}


def with_scores(samples, scores, found):
    """Copies of the samples carrying one score each (None: no face)."""
    return [Sample(s.path, s.set, s.live, s.attack, s.masked, s.capture, {"f": float(p)} if ok else None)
            for s, p, ok in zip(samples, scores, found)]


def evaluate_fixed(samples, scores, found):
    """LOSO of a fixed (untrained) score: the shipped protocol."""
    scored = with_scores(samples, scores, found)
    return ev.leave_one_set_out(ev.frame_items(scored), ev.track_items(scored, 3))


def fit_predict(x_train, y_train, x_test, c):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight="balanced", max_iter=2000))
    model.fit(x_train, y_train)
    return model.predict_proba(x_test)[:, 1]


def evaluate_learned(samples, x, found, c):
    """Outer LOSO: train on the other sets; threshold from an inner LOSO over those sets."""
    sets = np.array([s.set for s in samples])
    y = np.array([s.live for s in samples])
    ok = np.asarray(found)
    frame_all, track_all = [], []
    for held in sorted(set(sets)):
        train = (sets != held) & ok
        inner = np.zeros(len(samples))
        for inner_held in sorted(set(sets[train])):
            fit = train & (sets != inner_held)
            pick = train & (sets == inner_held)
            if len(set(y[fit])) < 2:
                continue
            inner[pick] = fit_predict(x[fit], y[fit], x[pick], c)
        inner_samples = [s for s, t in zip(with_scores(samples, inner, train), train) if t]
        threshold = ev.choose_threshold(ev.track_items(inner_samples, 3))
        test = (sets == held) & ok
        scores = np.zeros(len(samples))
        scores[test] = fit_predict(x[train], y[train], x[test], c)
        held_samples = [s for s, t in zip(with_scores(samples, scores, test), test) if t]
        frames, track_list = ev.frame_items(held_samples), ev.track_items(held_samples, 3)
        frame_all += [(i, threshold) for i in frames]
        track_all += [(i, threshold) for i in track_list]
    return {"frame": ev.error_counts([i for i, _ in frame_all], [t for _, t in frame_all]),
            "track": ev.error_counts([i for i, _ in track_all], [t for _, t in track_all])}


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv] or [Path("../shared/faces/spoof")]
    samples = []
    for d in dirs:
        samples += collect_sets(d) if any(p.name in ("live", "spoof") for q in d.iterdir() if q.is_dir()
                                          for p in q.iterdir() if p.is_dir()) else collect_masked_live(d)
    key = "|".join(str(s.path) for s in samples)
    if CACHE.is_file() and str(np.load(CACHE, allow_pickle=False)["key"]) == key:
        feats = dict(np.load(CACHE, allow_pickle=False))
    else:
        feats = features(samples)
        np.savez(CACHE, key=key, **feats)
    found = feats["found"].astype(bool)
    logits = feats["logits"]
    probs = softmax_real(logits.reshape(len(samples), -1, 3))  # per model
    flip_probs = softmax_real(feats["flip_logits"].reshape(len(samples), -1, 3))
    variants = {
        "mean (shipped)": evaluate_fixed(samples, probs.mean(1), found)["track"],
        "flip average": evaluate_fixed(samples, (probs + flip_probs).mean(1) / 2, found)["track"],
        "multiscale 0.8/1/1.25": evaluate_fixed(samples, feats["scale_probs"].mean(1), found)["track"],
    }
    for c in (0.01, 0.1, 1.0):
        variants[f"logreg logits C={c}"] = evaluate_learned(samples, logits, found, c)["track"]
        variants[f"logreg embed+logits C={c}"] = evaluate_learned(
            samples, np.hstack([feats["embed"], logits]), found, c)["track"]
    print("\n".join(ev.counts_table(variants)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
