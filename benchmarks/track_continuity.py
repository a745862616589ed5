"""How alike one face is to itself from one processed frame to the next, against how alike two
different people are: the calibration of the live tracker's identity check (kiosk.recognition.tracking).

A track carries a face from frame to frame by box overlap. When the face under a box is
replaced (a cut, a second person stepping into the same place, people crossing), the overlap
still says "same track"; the embedding does not. The tracker therefore compares each new
embedding with the track's previous one and starts a new track below a minimum similarity.
This script measures, on real footage only:

- same person, consecutive processed frames: every real clip in ../shared/faces (video/,
  challenge/: webcam and phone recordings with head turns, blinks and screen replays), each
  processed at strides 1, 2 and 4 (a kiosk recognising at the camera rate, at half and at a
  quarter of it), faces linked by box overlap; and the real masked webcam frame series
  (masked/webcam, 20 frames per person);
- different people: pairs of different people from lfw_calib (unmasked), rmfrd_calib (masked
  and unmasked look-alikes), and masked strangers of rwmfd_strangers against rmfrd_calib's
  masked faces (masks make strangers look alike).

    nice python benchmarks/track_continuity.py --json docs/evaluation/track_continuity.json

It prints the percentiles of both and, for candidate minimums, the share of same-person steps
that would split a track (the cost: the vote restarts) and of different-people pairs that
would stay in one (the risk: a name carried to another face)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import FACES, images_in, require_faces, setup  # noqa: E402

setup()

STRIDES = (1, 2, 4)
CANDIDATES = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def clips() -> list[Path]:
    out = sorted((FACES / "video").glob("*.mp4"))
    for sub in ("live_turns", "live_blinks", "spoof"):
        out += sorted(p for p in (FACES / "challenge" / sub).glob("*") if p.suffix.lower() in (".mp4", ".mov"))
    return out


def frames_of(path: Path, max_side: int = 960):
    import cv2

    cap = cv2.VideoCapture(str(path))
    try:
        while True:
            ok, frame = cap.read()
            if not ok:
                return
            h, w = frame.shape[:2]
            if max(h, w) > max_side:  # a kiosk camera's resolution
                s = max_side / max(h, w)
                frame = cv2.resize(frame, (int(w * s), int(h * s)), interpolation=cv2.INTER_AREA)
            if min(h, w) < 200:  # the tiny blink crop: padded, as a face at the door would be framed
                frame = cv2.copyMakeBorder(frame, 120, 120, 120, 120, cv2.BORDER_CONSTANT, value=(90, 90, 90))
            yield frame
    finally:
        cap.release()


def clip_steps(pipeline, path: Path, live: bool = False) -> dict[int, list[float]]:
    """Per stride: cosine similarity of each linked face with itself on the previous processed frame.
    `live`: the frames detected as the live path detects camera frames (kiosk.vision.live_detect)."""
    from kiosk.vision.types import iou

    if live and hasattr(pipeline.live_detector, "reset"):
        pipeline.live_detector.reset()
    per_frame = [[(f.box, f.embedding) for f in pipeline.analyze(frame, pad_retry=False, live=live)
                  if f.embedding is not None]
                 for frame in frames_of(path)]
    out: dict[int, list[float]] = {}
    for stride in STRIDES:
        sims = []
        seq = per_frame[::stride]
        for prev, cur in zip(seq, seq[1:]):
            for box, emb in cur:
                best = max(prev, key=lambda p: iou(p[0], box), default=None)
                # Only unambiguous links: one previous face overlaps, and well.
                overlapping = [p for p in prev if iou(p[0], box) >= 0.3]
                if best is None or len(overlapping) != 1 or iou(best[0], box) < 0.5:
                    continue
                sims.append(float(np.dot(best[1], emb)))
        out[stride] = sims
    return out


def embeddings_of(pipeline, paths: list[Path], pad: bool = False) -> list[np.ndarray]:
    from kiosk.vision.image_io import load_image
    from kiosk.vision.types import best_face

    out = []
    for p in paths:
        try:
            image = load_image(p)
        except Exception:
            out.append(None)
            continue
        face = best_face([f for f in pipeline.analyze(image, pad_retry=pad) if f.embedding is not None])
        out.append(None if face is None else face.embedding)
    return out


def impostor_sims(a: list, labels_a: list, b: list | None = None, labels_b: list | None = None) -> np.ndarray:
    """Cosine similarity of every pair of different people (a x a, or a x b)."""
    keep_a = [i for i, e in enumerate(a) if e is not None]
    ea = np.stack([a[i] for i in keep_a])
    la = np.array([labels_a[i] for i in keep_a])
    if b is None:
        sims = ea @ ea.T
        mask = (la[:, None] != la[None, :]) & np.triu(np.ones(sims.shape, bool), 1)
        return sims[mask]
    keep_b = [i for i, e in enumerate(b) if e is not None]
    eb = np.stack([b[i] for i in keep_b])
    lb = np.array([labels_b[i] for i in keep_b])
    sims = ea @ eb.T
    return sims[la[:, None] != lb[None, :]]


def summary(values) -> dict:
    v = np.asarray(values, np.float64)
    if v.size == 0:
        return {"n": 0}
    q = np.percentile(v, [0, 0.1, 1, 5, 50, 95, 99, 99.9, 99.99, 100])
    keys = ("min", "p0.1", "p1", "p5", "p50", "p95", "p99", "p99.9", "p99.99", "max")
    return {"n": int(v.size), **{k: round(float(x), 4) for k, x in zip(keys, q)}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default=None, help="as in kiosk.toml (default: the best present)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--candidates", type=lambda s: tuple(float(x) for x in s.split(",")), default=CANDIDATES,
                        help="minimums to report, comma-separated (default: %(default)s; an embedder whose "
                             "similarities sit near 1, as dlib's, needs its own)")
    parser.add_argument("--live", action="store_true",
                        help="detect the clips' frames with the live path's detector (issue 24)")
    parser.add_argument("--clips-only", action="store_true",
                        help="only the same-face steps of the clips (the stranger pairs are photos: the live "
                             "detector does not see them)")
    args = parser.parse_args(argv)
    require_faces()

    from kiosk.app.settings import load_settings
    from kiosk.vision.pipeline import load_pipeline

    pipeline = load_pipeline(load_settings(live_detection="fast" if args.live else None), embedder=args.embedder)
    print(f"pipeline: {pipeline.description}", flush=True)
    same: dict[str, dict[int, list[float]]] = {}
    for path in clips():
        same[path.name] = clip_steps(pipeline, path, live=args.live)
        print(f"{path.name}: " + ", ".join(f"stride {s}: {summary(v).get('min', '-')} min of {len(v)}"
                                           for s, v in same[path.name].items()), flush=True)
    if args.clips_only:
        report = {"pipeline": pipeline.description, "live": args.live,
                  "same_person_steps": {f"stride_{s}": summary([x for v in same.values() for x in v[s]])
                                        for s in STRIDES},
                  "same_person_per_clip": {name: {f"stride_{s}": summary(v) for s, v in d.items()}
                                           for name, d in same.items()}}
        print(json.dumps(report["same_person_steps"], indent=1))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(report, indent=1) + "\n")
        return 0
    webcam_steps = []
    for person in sorted(p for p in (FACES / "masked" / "webcam").iterdir() if p.is_dir()):
        embs = [e for e in embeddings_of(pipeline, images_in(person), pad=True) if e is not None]
        webcam_steps += [float(np.dot(x, y)) for x, y in zip(embs, embs[1:])]

    lfw = images_in(FACES / "lfw_calib")
    lfw_e = embeddings_of(pipeline, lfw)
    rm = images_in(FACES / "masked" / "rmfrd_calib")
    rm_e = embeddings_of(pipeline, rm, pad=True)
    rm_labels = [p.parent.name for p in rm]
    rm_masked = [i for i, p in enumerate(rm) if p.stem.endswith("_masked")]
    rw = images_in(FACES / "masked" / "rwmfd_strangers")
    rw_e = embeddings_of(pipeline, rw)
    different = {
        "lfw_calib": impostor_sims(lfw_e, [p.parent.name for p in lfw]),
        "rmfrd_calib": impostor_sims(rm_e, rm_labels),
        "rmfrd_calib_masked": impostor_sims([rm_e[i] for i in rm_masked], [rm_labels[i] for i in rm_masked]),
        "rwmfd_strangers_vs_rmfrd_masked": impostor_sims([e for e in rw_e], [f"rw{i}" for i in range(len(rw_e))],
                                                         [rm_e[i] for i in rm_masked],
                                                         [rm_labels[i] for i in rm_masked]),
    }
    same_all = {f"stride_{s}": [x for v in same.values() for x in v[s]] for s in STRIDES}
    same_all["webcam_masked_series"] = webcam_steps
    report = {
        "pipeline": pipeline.description,
        "same_person_steps": {k: summary(v) for k, v in same_all.items()},
        "same_person_per_clip": {name: {f"stride_{s}": summary(v) for s, v in d.items()} for name, d in same.items()},
        "different_people": {k: summary(v) for k, v in different.items()},
        "candidates": {},
    }
    steps = np.array([x for v in same_all.values() for x in v])
    for c in args.candidates:
        report["candidates"][str(c)] = {
            "same_person_split_rate": round(float(np.mean(steps < c)), 5),
            **{f"{k}_kept_rate": float(np.mean(np.asarray(v) >= c)) for k, v in different.items()},
        }
    print(json.dumps({k: report[k] for k in ("same_person_steps", "different_people", "candidates")}, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
