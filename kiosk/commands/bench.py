"""`kiosk bench`: how fast the kiosk is on this machine, against the targets.

- frame: per-stage latency (decode, detect, align, embed, match) of a 640x480 JPEG frame with 1
  and with 4 faces through the configured live path (`live_detection`, kiosk.vision.live_detect), built
  from real photos (../shared/faces beside the repository, or --faces DIR); matched against a
  1,000-person synthetic gallery. Targets (issue 24): 1 face p50 <= 25 ms and p95 <= 40 ms; 4
  faces <= 2x the 1-face time.
- side_by_side: the same frames through the fast live detector (live_detection = "fast"), the
  full-size chain (live_detection = "full", as before issue 24) and, without --quick or with --peers, the peers (MTCNN + FaceNet,
  dlib's pipeline, the kiosk with FaceNet), round robin in one run, with ratios
  (kiosk.research.bench_pipelines).
- embedders (not with --quick): per-crop embed time of every offline embedder present.
- enroll: 3 photos -> 21 embeddings with Enroller.build (masks on). Target: <= 3 s. Also 3 real
  photos upscaled to 12 MP JPEGs (a phone's): decode, checks and embeddings, same target.
- match: one query against synthetic galleries of 1k / 10k / 100k people x 21 templates, float32
  and float16 storage; median ms per query and the gallery's memory (matrix bytes, and the peak
  of the temporaries of one query by tracemalloc). Target: 100k people <= 50 ms within 2.5 GB.
- bulk: enrollment throughput (people per minute: photo checks, 21 embeddings, atomic save).
- gallery_load (--gallery-load N; 10k without --quick): start-up load of N people, plain vs sealed
  at rest (kiosk.research.bench_gallery). Target: sealed within 2 s of plain.

Figures are medians of several runs; --quick runs fewer repeats and skips the 100k gallery."""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import cv2
import numpy as np

from kiosk.enrollment.templates import Enroller, check_photo
from kiosk.gallery.store import GalleryStore
from kiosk.recognition.liveness import load_liveness
from kiosk.recognition.matcher import Matcher
from kiosk.research.bench_pipelines import format_side_by_side, kiosk_configs, peer_configs, side_by_side
from kiosk.vision import models
from kiosk.vision.detect import ScrfdDetector
from kiosk.vision.image_io import decode_image, load_image
from kiosk.vision.live_detect import LIVE_INPUT_SIDE
from kiosk.vision.pipeline import choose_embedder, choose_live_detector, load_pipeline
from kiosk.vision.quality import BLUR_MIN, blur_score
from kiosk.vision.types import best_face

TARGETS = {"frame_1_face_p50_ms": 25.0, "frame_1_face_p95_ms": 40.0, "frame_4_over_1": 2.0, "enroll_s": 3.0, "match_100k_ms": 50.0, "match_100k_gb": 2.5,
           "liveness_per_face_p50_ms": 10.0}
TEMPLATES = 21
FRAME_PEOPLE = ("obama", "df01", "df02", "df03")


def default_faces_dir() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "faces"


def _median(values: list[float]) -> float:
    return round(float(statistics.median(values)), 2)


def _p90(values: list[float]) -> float:
    return round(float(np.percentile(values, 90)), 2)


def _p95(values: list[float]) -> float:
    return round(float(np.percentile(values, 95)), 2)


def person_photos(faces: Path, person: str) -> list[Path]:
    folder = faces / "identities" / person
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder (bench needs the real photos of ../shared/faces; "
                                "give --faces DIR)")
    return sorted(p for p in folder.iterdir() if p.is_file())


def face_tile(pipeline, path: Path, size: int) -> np.ndarray:
    """A square crop around the photo's face (1.8x the box), resized to size x size."""

    image = load_image(path)
    face = best_face(pipeline.detect(image))
    if face is None:
        raise ValueError(f"{path}: no face found to build the benchmark frame")
    x1, y1, x2, y2 = face.box
    cx, cy, half = (x1 + x2) / 2, (y1 + y2) / 2, max(x2 - x1, y2 - y1) * 0.9
    pad = int(half) + 1
    padded = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_REFLECT)
    crop = padded[int(cy - half) + pad:int(cy + half) + pad, int(cx - half) + pad:int(cx + half) + pad]
    return cv2.resize(crop, (size, size), interpolation=cv2.INTER_AREA)


def build_frame(pipeline, faces: Path, count: int) -> np.ndarray:
    """A 640x480 frame with `count` (1 or 4) real faces on a neutral background."""
    frame = np.full((480, 640, 3), 110, np.uint8)
    if count == 1:
        tile = face_tile(pipeline, person_photos(faces, FRAME_PEOPLE[0])[0], 300)
        frame[90:390, 170:470] = tile
        return frame
    for k, person in enumerate(FRAME_PEOPLE[:count]):
        tile = face_tile(pipeline, person_photos(faces, person)[0], 200)
        r, c = divmod(k, 2)
        y, x = 30 + r * 220, 100 + c * 240
        frame[y:y + 200, x:x + 200] = tile
    return frame


def synthetic_gallery(people: int, dim: int, dtype=np.float32, seed: int = 0):
    """people x 21 random unit templates (people's templates near an identity vector, as real
    galleries are) and the Matcher over them."""

    rng = np.random.default_rng(seed)
    matrix = np.empty((people * TEMPLATES, dim), dtype)
    step = max(1, 262144 // TEMPLATES)
    for s in range(0, people, step):
        n = min(step, people - s)
        identity = rng.standard_normal((n, 1, dim), dtype=np.float32)
        block = identity + 0.8 * rng.standard_normal((n, TEMPLATES, dim), dtype=np.float32)
        block /= np.linalg.norm(block, axis=-1, keepdims=True)
        matrix[s * TEMPLATES:(s + n) * TEMPLATES] = block.reshape(-1, dim)
    masked = np.tile(np.arange(TEMPLATES) >= 3, people)
    return Matcher.from_arrays(matrix, np.full(people, TEMPLATES), "synthetic", 0.4, masked=masked)


def bench_frame(pipeline, frame: np.ndarray, matcher, runs: int) -> dict:
    data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])[1].tobytes()
    stages = {k: [] for k in ("decode", "detect", "align", "embed", "match", "total", "cpu")}
    faces_found = 0
    for r in range(runs + 1):
        c0 = time.process_time()
        t0 = time.perf_counter()
        image = decode_image(data)
        t1 = time.perf_counter()
        faces = pipeline.live_detector.detect(image)  # a camera frame: the live path's detector
        t2 = time.perf_counter()
        crops = [pipeline.embedder.align(image, f) for f in faces]
        t3 = time.perf_counter()
        vectors = pipeline.embedder.embed_crops(crops)
        t4 = time.perf_counter()
        if len(vectors):
            matcher.match(vectors)
        t5 = time.perf_counter()
        cpu = (time.process_time() - c0) * 1e3
        if r == 0:  # warm-up
            continue
        faces_found = len(faces)
        for key, a, b in (("decode", t0, t1), ("detect", t1, t2), ("align", t2, t3), ("embed", t3, t4),
                          ("match", t4, t5), ("total", t0, t5)):
            stages[key].append((b - a) * 1e3)
        stages["cpu"].append(cpu)
    out = {f"{k}_ms": _median(v) for k, v in stages.items()}
    out["total_p90_ms"] = _p90(stages["total"])
    out["total_p95_ms"] = _p95(stages["total"])
    # CPU time of the process over the frame (all threads): when it is well below 2 x total on a
    # 2-core machine, other processes were taking the cores and the wall times are inflated.
    out["faces_found"] = faces_found
    out["runs"] = runs
    return out


def bench_detectors(settings, frame: np.ndarray, runs: int) -> dict:
    """Median detection time of every SCRFD file present on the same frame (what bounds the frame)."""

    out = {}
    for key in models.DETECTOR_PREFERENCE:
        path = models.find(key, settings.models_dir, settings.own_models_dir)
        if path is None:
            continue
        detector = ScrfdDetector(path)
        out[path.name] = _median_ms(lambda: detector.detect(frame), runs)
        if key == "scrfd_500m":  # the live path's fast pass (kiosk.vision.live_detect)
            fast = ScrfdDetector(path, LIVE_INPUT_SIDE, fit=True, threads=1)
            out[fast.name] = _median_ms(lambda: fast.detect(frame), runs)
    return out


def _median_ms(call, runs: int) -> float:
    """Median wall time of `call()` in ms over `runs` calls, after one warm-up call."""
    call()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        call()
        times.append((time.perf_counter() - t0) * 1e3)
    return _median(times)


def bench_embedders(settings, pipeline, frame: np.ndarray, runs: int) -> dict:
    """Median embed time of one aligned crop (with flip, as the kiosk runs them) for every offline
    embedder present, whichever is active: what choosing between them costs per face."""

    faces = pipeline.detector.detect(frame)
    if not faces:
        return {}
    out = {}
    for kind in ("mobilefacenet", "edgeface-xs", "edgeface-xxs"):
        try:
            embedder, _ = choose_embedder(kind, settings.models_dir, settings.own_models_dir)
        except FileNotFoundError:
            continue
        crops = [embedder.align(frame, faces[0])]
        out[embedder.name] = _median_ms(lambda: embedder.embed_crops(crops), runs)
    return out


def bench_liveness(settings, pipeline, frame: np.ndarray, runs: int) -> dict | None:
    """Per-face liveness time (every model of the checker, crop included), p50 and p90; None
    when liveness is off or its files are missing."""

    checker, why = load_liveness(settings)
    faces = pipeline.detector.detect(frame)
    if checker is None or not faces:
        return None
    checker.check(frame, faces[0])
    times, cpu = [], []
    for _ in range(max(runs, 10)):
        t0, c0 = time.perf_counter(), time.thread_time()
        checker.check(frame, faces[0])
        times.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.thread_time() - c0) * 1e3)  # one-thread sessions: the cost without other load
    return {"models": checker.name, "per_face_ms": _median(times), "per_face_p90_ms": _p90(times),
            "per_face_cpu_ms": _median(cpu)}


def bench_enroll(pipeline, faces: Path, runs: int, people: int, data_dir: Path) -> tuple[dict, dict]:
    def three_photos(person: str) -> list[np.ndarray]:
        images = [load_image(p) for p in person_photos(faces, person)]
        sharp = [i for i in images if blur_score(i) >= BLUR_MIN]
        if len(sharp) < 3:
            raise ValueError(f"{person}: fewer than 3 sharp photos")
        return sharp[:3]

    store = GalleryStore(data_dir / "embeddings")
    enroller = Enroller(pipeline, store, masks=True)
    images = three_photos(FRAME_PEOPLE[0])
    photos = [check_photo(pipeline, img, f"photo {i}") for i, img in enumerate(images, 1)]
    enroller.build("B0", "Bench", "5550000000", photos)  # warm-up: mask templates, landmarks model
    times, count = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        record = enroller.build("B0", "Bench", "5550000000", photos)
        times.append(time.perf_counter() - t0)
        count = len(record.templates()[0])
    enroll = {"build_s": _median([t for t in times]), "embeddings": count, "runs": runs}
    enroll["phone_12mp"] = bench_enroll_12mp(pipeline, enroller, images, runs)
    # Bulk: full enrol (photo checks, 21 embeddings, atomic save) of several people in a row.
    candidates = [p.name for p in sorted((faces / "identities").iterdir()) if p.is_dir()]
    done, t0 = 0, time.perf_counter()
    for k, person in enumerate(candidates):
        if done >= people:
            break
        try:
            enroller.enroll(f"B{k + 1}", person, "5550000000", three_photos(person), allow_duplicate=True)
            done += 1
        except ValueError:
            continue  # not 3 usable photos of this person
    seconds = time.perf_counter() - t0
    bulk = {"people": done, "seconds": round(seconds, 2),
            "people_per_minute": round(60.0 * done / seconds, 1) if done else 0.0}
    return enroll, bulk


def phone_photo(image: np.ndarray, megapixels: float = 12.0) -> bytes:
    """A real photo upscaled to a phone's resolution and saved as a phone would (JPEG q92)."""
    h, w = image.shape[:2]
    scale = (megapixels * 1e6 / (h * w)) ** 0.5
    big = cv2.resize(image, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_CUBIC)
    return cv2.imencode(".jpg", big, [cv2.IMWRITE_JPEG_QUALITY, 92])[1].tobytes()


def bench_enroll_12mp(pipeline, enroller, images: list[np.ndarray], runs: int) -> dict:
    """3 real photos upscaled to 12 MP JPEGs: decode + photo checks + 21 embeddings, total seconds
    (the photos are graded, not refused: the upscaling softens them)."""

    files = [phone_photo(img) for img in images]
    times, stages = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        decoded = [decode_image(data) for data in files]
        t1 = time.perf_counter()
        photos = [check_photo(pipeline, img, f"photo {i}", strict=False) for i, img in enumerate(decoded, 1)]
        t2 = time.perf_counter()
        enroller.build("B0", "Bench", "5550000000", photos)
        t3 = time.perf_counter()
        times.append(t3 - t0)
        stages.append((t1 - t0, t2 - t1, t3 - t2))
    decode_s, check_s, build_s = (round(float(statistics.median(s)), 2) for s in zip(*stages))
    h, w = decode_image(files[0]).shape[:2]
    return {"total_s": _median(times), "decode_s": decode_s, "check_s": check_s, "build_s": build_s,
            "size": f"{w}x{h}", "file_mb": [round(len(f) / 1e6, 2) for f in files], "runs": runs}


def bench_match(people: int, dim: int, dtype, queries: int) -> dict:
    matcher = synthetic_gallery(people, dim, dtype)
    rng = np.random.default_rng(1)
    # Queries: a perturbed template of a random person (a genuine attempt).
    picks = rng.integers(0, len(matcher.matrix), queries)
    q = matcher.matrix[picks].astype(np.float32) + 0.3 * rng.standard_normal((queries, dim), dtype=np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    matcher.match(q[:1])  # warm-up
    times = []
    tracemalloc.start()
    for row in q:
        t0 = time.perf_counter()
        matcher.match(row[None, :])
        times.append((time.perf_counter() - t0) * 1e3)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out = {"people": people, "templates": len(matcher.matrix), "dtype": np.dtype(dtype).name,
           "query_ms": _median(times), "query_p90_ms": _p90(times),
           "matrix_mb": round(matcher.matrix.nbytes / 2 ** 20, 1), "query_peak_mb": round(peak / 2 ** 20, 1),
           "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    del matcher
    return out


def run_bench(settings, faces: Path, quick: bool = False, progress=None, gallery_people: int | None = None,
              peers: bool | None = None, runs: int | None = None) -> dict:
    def say(message: str) -> None:
        if progress:
            progress(message)

    if not faces.is_dir():
        raise FileNotFoundError(f"{faces}: the real photos the frame and enrollment benchmarks are built from "
                                "are absent (expected ../shared/faces beside the repository; give --faces DIR)")
    runs = runs or (5 if quick else 30)
    pipeline = load_pipeline(settings)
    result = {"machine": {"cpus": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()]},
              "model": pipeline.description, "quick": quick, "targets": TARGETS}
    gallery = synthetic_gallery(1000, pipeline.embedder.dim)
    frames = {count: build_frame(pipeline, faces, count) for count in (1, 4)}
    for count in (1, 4):
        say(f"frame with {count} face(s)")
        result[f"frame_{count}_face"] = bench_frame(pipeline, frames[count], gallery, runs)
    fast = choose_live_detector(pipeline.detector, "fast", settings.models_dir, settings.own_models_dir)
    configs = kiosk_configs(pipeline, fast)
    if peers if peers is not None else not quick:
        say("loading the peers (MTCNN + FaceNet, dlib, kiosk with FaceNet)")
        configs += peer_configs(pipeline)
    say(f"side by side: {', '.join(c.key for c in configs)}")
    galleries = {pipeline.embedder.dim: gallery}
    result["side_by_side"] = side_by_side(
        configs, frames, lambda dim: galleries.setdefault(dim, synthetic_gallery(1000, dim)), runs)
    if not quick:
        say("detectors")
        result["detectors_1_face_ms"] = bench_detectors(settings, build_frame(pipeline, faces, 1), runs)
        say("embedders")
        result["embedders_1_crop_ms"] = bench_embedders(settings, pipeline, build_frame(pipeline, faces, 1), runs)
    say("liveness")
    result["liveness"] = bench_liveness(settings, pipeline, build_frame(pipeline, faces, 1), runs)
    say("enrollment")
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        result["enroll"], result["bulk_enroll"] = bench_enroll(pipeline, faces, 1 if quick else 3,
                                                               1 if quick else 5, Path(tmp))
    sizes = (1000, 10000) if quick else (1000, 10000, 100000)
    result["match"] = []
    for people in sizes:
        for dtype in (np.float32, np.float16):
            say(f"match {people} people {np.dtype(dtype).name}")
            result["match"].append(bench_match(people, pipeline.embedder.dim, dtype, 5 if quick else 20))
    gallery_people = gallery_people if gallery_people is not None else (0 if quick else 10000)
    if gallery_people:
        from kiosk.research.bench_gallery import bench_gallery_load

        say(f"gallery load, {gallery_people} people, plain and sealed")
        result["gallery_load"] = bench_gallery_load(gallery_people, pipeline.embedder.dim)
    one = result["frame_1_face"]["total_ms"]
    one_p95 = result["frame_1_face"]["total_p95_ms"]
    four_over_one = round(result["frame_4_face"]["total_ms"] / max(one, 1e-9), 2)
    big = [m for m in result["match"] if m["people"] == 100000 and m["dtype"] == "float32"]
    result["verdict"] = {
        "frame_1_face_p50_ms": {"value": one, "target": TARGETS["frame_1_face_p50_ms"],
                                "met": one <= TARGETS["frame_1_face_p50_ms"]},
        "frame_1_face_p95_ms": {"value": one_p95, "target": TARGETS["frame_1_face_p95_ms"],
                                "met": one_p95 <= TARGETS["frame_1_face_p95_ms"]},
        "frame_4_over_1": {"value": four_over_one, "target": TARGETS["frame_4_over_1"],
                           "met": four_over_one <= TARGETS["frame_4_over_1"]},
        "enroll_s": {"value": result["enroll"]["build_s"], "target": TARGETS["enroll_s"],
                     "met": result["enroll"]["build_s"] <= TARGETS["enroll_s"]},
        "enroll_12mp_s": {"value": result["enroll"]["phone_12mp"]["total_s"], "target": TARGETS["enroll_s"],
                          "met": result["enroll"]["phone_12mp"]["total_s"] <= TARGETS["enroll_s"]},
    }
    if result.get("gallery_load"):
        g = result["gallery_load"]
        result["verdict"]["gallery_sealed_extra_s"] = {"value": g["extra_s"], "target": g["target_extra_s"],
                                                       "met": g["extra_s"] <= g["target_extra_s"]}
    if result["liveness"]:
        live_ms = result["liveness"]["per_face_ms"]
        result["verdict"]["liveness_per_face_p50_ms"] = {
            "value": live_ms, "target": TARGETS["liveness_per_face_p50_ms"],
            "met": live_ms <= TARGETS["liveness_per_face_p50_ms"]}
        result["verdict"]["frame_1_face_with_liveness_p50_ms"] = {
            "value": round(one + live_ms, 2), "target": TARGETS["frame_1_face_p50_ms"],
            "met": one + live_ms <= TARGETS["frame_1_face_p50_ms"]}
    if big:
        gb = (big[0]["matrix_mb"] + big[0]["query_peak_mb"]) / 1024
        result["verdict"]["match_100k_ms"] = {"value": big[0]["query_ms"], "target": TARGETS["match_100k_ms"],
                                              "met": big[0]["query_ms"] <= TARGETS["match_100k_ms"]}
        result["verdict"]["match_100k_gb"] = {"value": round(gb, 2), "target": TARGETS["match_100k_gb"],
                                              "met": gb <= TARGETS["match_100k_gb"]}
    return result


def format_table(r: dict) -> str:
    lines = [f"model {r['model']}; {r['machine']['cpus']} CPUs, load average {r['machine']['load_average']}"]
    for count in (1, 4):
        f = r[f"frame_{count}_face"]
        lines.append(f"frame 640x480, {count} face(s) (found {f['faces_found']}): decode {f['decode_ms']} | "
                     f"detect {f['detect_ms']} | align {f['align_ms']} | embed {f['embed_ms']} | match "
                     f"{f['match_ms']} | total p50 {f['total_ms']} p95 {f['total_p95_ms']} ms "
                     f"(process CPU {f['cpu_ms']} ms)")
    if r.get("side_by_side"):
        lines.extend(format_side_by_side(r["side_by_side"]))
    if r.get("detectors_1_face_ms"):
        lines.append("detect only, 1-face frame: " + ", ".join(f"{k} {v} ms" for k, v in r["detectors_1_face_ms"].items()))
    if r.get("embedders_1_crop_ms"):
        lines.append("embed only, 1 crop with flip: "
                     + ", ".join(f"{k} {v} ms" for k, v in r["embedders_1_crop_ms"].items()))
    if r.get("liveness"):
        lv = r["liveness"]
        lines.append(f"liveness per face ({lv['models']}): p50 {lv['per_face_ms']} p90 {lv['per_face_p90_ms']} ms "
                     f"(thread CPU {lv['per_face_cpu_ms']} ms)")
    e, b = r["enroll"], r["bulk_enroll"]
    lines.append(f"enrollment: 3 photos -> {e['embeddings']} embeddings in {e['build_s']} s; bulk "
                 f"{b['people_per_minute']} people/min ({b['people']} people in {b['seconds']} s)")
    p = e["phone_12mp"]
    lines.append(f"enrollment of 3 phone photos ({p['size']}, {p['file_mb']} MB): {p['total_s']} s total "
                 f"(decode {p['decode_s']}, checks {p['check_s']}, embeddings {p['build_s']})")
    for m in r["match"]:
        lines.append(f"match {m['people']:>6} people x 21 {m['dtype']:<7}: {m['query_ms']:>8} ms/query "
                     f"(p90 {m['query_p90_ms']}), matrix {m['matrix_mb']} MB, query temporaries {m['query_peak_mb']} MB")
    if r.get("gallery_load"):
        g = r["gallery_load"]
        lines.append(f"gallery start-up, {g['people']} people: plain {g['plain_load_s']} s, sealed "
                     f"{g['sealed_load_s']} s (+{g['extra_s']} s)")
    for key, v in r["verdict"].items():
        lines.append(f"target {key}: {v['value']} vs {v['target']}: {'met' if v['met'] else 'MISSED'}")
    return "\n".join(lines)


def cmd_bench(args) -> int:
    faces = Path(args.faces) if args.faces else default_faces_dir()

    def progress(message: str) -> None:
        if not args.json:
            print(f"... {message}", file=sys.stderr, flush=True)

    result = run_bench(args.settings, faces, quick=args.quick, progress=progress, gallery_people=args.gallery_load,
                       peers=args.peers, runs=args.runs)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "bench", help="measure per-stage latency, enrollment time and 1:N match time against the targets",
        description="Per-stage latency of a 640x480 frame (1 and 4 faces), enrollment time, bulk enrollment "
                    "throughput and 1:N match time/memory for 1k/10k/100k-person synthetic galleries.")
    p.add_argument("--quick", action="store_true", help="fewer repeats, no 100k gallery (CI-sized)")
    p.add_argument("--faces", metavar="DIR", help="the real photos to build frames from (default ../shared/faces)")
    p.add_argument("--gallery-load", type=int, metavar="N",
                   help="people in the start-up load benchmark, plain vs sealed (default 10000; 0 with --quick)")
    p.add_argument("--peers", action=argparse.BooleanOptionalAction, default=None,
                   help="also time the peers side by side (MTCNN + FaceNet, dlib, the kiosk with FaceNet); "
                        "default: on, off with --quick")
    p.add_argument("--runs", type=int, metavar="N", help="frames timed per configuration (default 30; 5 with --quick)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_bench)
    return p
