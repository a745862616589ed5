"""`kiosk video`: annotate a video file or camera stream (SPEC 7).

Every processed frame goes through kiosk.recognition.tracking.LiveRecognizer, the same tracking and multi-frame
voting the live screen uses, so the video and the kiosk decide alike. Each face is drawn with
its box, the person's name or "Unknown", the similarity and a mask / no-mask label from
kiosk.vision.mask_classifier. Every frame read is written to the output video (frames between
processed ones carry the last annotations), so the output has as many frames as the input.

Events JSON (--events):
    {"frames": [{"index": N, "time": SECONDS, "faces": [{"name": NAME or "Unknown",
                 "similarity": S, "box": [x, y, w, h], "masked": true/false,
                 "liveness": SCORE or null, "live": true/false/null}]}],
     "checkins": [{"name": NAME, "time": SECONDS}]}
one entry in "frames" per processed frame. "liveness" is the face's liveness score on that frame
and "live" its track's verdict (null while undecided or when liveness is off; a track with
"live": false is never checked in). A check-in is the LiveRecognizer's confirmed
recognition: the frame on which a track is first confirmed as a person (confirm_frames frames
agreeing); a person confirmed again within the kiosk's cooldown (video time) is not repeated,
as the attendance database would not record them again.

By default nothing is written to the attendance database or the access log; --record makes the
LiveRecognizer record as the kiosk does (with the cooldown)."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import cv2
import numpy as np

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.common.errors import CliError
from kiosk.common.fsutil import atomic_write_text
from kiosk.recognition.tracking import LiveRecognizer
from kiosk.vision.mask_classifier import MaskClassifier

FOURCC = "mp4v"
GREEN, AMBER, RED, WHITE, BLACK = (60, 180, 60), (0, 170, 255), (50, 50, 220), (255, 255, 255), (0, 0, 0)


def open_source(source: str) -> tuple[cv2.VideoCapture, bool]:
    """A capture for a file path or a camera index; raises a clear error when it cannot open."""

    is_camera = source.strip().isdigit()
    if not is_camera:
        path = Path(source)
        if not path.exists():
            raise FileNotFoundError(f"{source}: no such video file")
        if path.is_dir():
            raise ValueError(f"{source} is a folder, not a video file")
    capture = cv2.VideoCapture(int(source) if is_camera else str(source))
    if not capture.isOpened():
        capture.release()
        raise CliError(f"cannot open camera {source}" if is_camera else
                       f"{source}: OpenCV cannot read this video (corrupt or unsupported format)")
    return capture, is_camera


def check_display() -> None:
    """--show needs an OpenCV build with a GUI backend; the kiosk ships the headless one."""

    try:
        cv2.namedWindow("kiosk video", cv2.WINDOW_NORMAL)
    except cv2.error:
        raise CliError("--show needs an OpenCV build with a window system; this one is headless "
                       "(opencv-python-headless, chosen so it does not clash with the kiosk's Qt). "
                       "Write --output and play the file instead.") from None


def draw(frame: np.ndarray, faces: list[dict]) -> np.ndarray:
    """Boxes and labels onto a copy of the frame."""
    out = frame.copy()
    scale = max(0.45, min(1.2, frame.shape[0] / 720))
    thick = max(1, int(round(2 * scale)))
    for f in faces:
        x, y, w, h = f["box"]
        colour = RED if f["name"] == "Unknown" else (GREEN if f.get("confirmed") else AMBER)
        cv2.rectangle(out, (x, y), (x + w, y + h), colour, thick)
        lines = [f"{f['name']} {f['similarity']:.2f}", "mask" if f["masked"] else "no mask"]
        ty = y - 6
        for text in reversed(lines):
            (tw, th), base = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 0.55 * scale, thick)
            top = max(0, ty - th - base)
            cv2.rectangle(out, (x, top), (x + tw + 6, top + th + base + 4), colour, -1)
            cv2.putText(out, text, (x + 3, top + th + 2), cv2.FONT_HERSHEY_SIMPLEX, 0.55 * scale,
                        WHITE if colour != AMBER else BLACK, thick, cv2.LINE_AA)
            ty = top - 2
    return out


class MaskLabeller:
    """The mask classifier, or (when its file is missing) the matched template's masked flag."""

    def __init__(self):
        try:
            self.classifier = MaskClassifier.load()
            self.warning = ""
        except (FileNotFoundError, ValueError) as exc:
            self.classifier = None
            self.warning = f"{exc}; the mask label falls back to the matched template's type"

    def __call__(self, frame: np.ndarray, tracked) -> bool:
        if self.classifier is None:
            return bool(tracked.masked_template)
        return bool(self.classifier.predict(frame, tracked.face)[0])


def annotate_video(service, source: str, output: Path, *, every: int = 1, record: bool = False,
                   show: bool = False, max_frames: int | None = None, progress=None) -> dict:
    """Run the whole video through a LiveRecognizer; returns the events dict."""

    if every < 1:
        raise ValueError("--every must be 1 or more")
    capture, is_camera = open_source(source)
    try:
        fps = capture.get(cv2.CAP_PROP_FPS)
        fps = fps if fps and 1.0 <= fps <= 240.0 else 25.0
        total = int(capture.get(cv2.CAP_PROP_FRAME_COUNT)) if not is_camera else 0
        ok, frame = capture.read()
        if not ok or frame is None:
            raise ValueError(f"{source}: no frames could be read")
        h, w = frame.shape[:2]
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        writer = cv2.VideoWriter(str(output), cv2.VideoWriter_fourcc(*FOURCC), fps, (w, h))
        if not writer.isOpened():
            raise ValueError(f"cannot write {output}: OpenCV has no {FOURCC} encoder for it (use a .mp4 name)")
        service.pipeline  # load the models before the clock starts
        live = LiveRecognizer(service, record=record, source="video")
        labeller = MaskLabeller()
        cooldown = float(service.settings.cooldown_seconds)
        frames, checkins, last_checkin, announced = [], [], {}, set()
        drawn: list[dict] = []
        index = 0
        started = time.perf_counter()
        try:
            while ok and frame is not None:
                if frame.shape[:2] != (h, w):
                    frame = cv2.resize(frame, (w, h))
                t = index / fps if not is_camera else time.perf_counter() - started
                if index % every == 0:
                    decision = live.process(frame, now=t)
                    drawn = []
                    for tracked in decision.faces:
                        entry = {"name": tracked.label, "similarity": round(float(tracked.similarity), 4),
                                 "box": [int(v) for v in tracked.box], "masked": labeller(frame, tracked),
                                 "liveness": None if tracked.liveness is None else round(float(tracked.liveness), 4),
                                 "live": tracked.live}
                        drawn.append(entry | {"confirmed": tracked.confirmed})
                        if tracked.confirmed and tracked.user_id is not None and tracked.track_id not in announced:
                            announced.add(tracked.track_id)
                            previous = last_checkin.get(tracked.user_id)
                            if previous is None or t - previous >= cooldown:
                                checkins.append({"name": tracked.label, "time": round(t, 3)})
                                last_checkin[tracked.user_id] = t
                    frames.append({"index": index, "time": round(t, 3),
                                   "faces": [{k: e[k] for k in ("name", "similarity", "box", "masked", "liveness", "live")}
                                             for e in drawn]})
                annotated = draw(frame, drawn)
                writer.write(annotated)
                if show:
                    cv2.imshow("kiosk video", annotated)
                    if cv2.waitKey(1) & 0xFF in (ord("q"), 27):
                        break
                if progress:
                    progress(index + 1, total)
                index += 1
                if max_frames is not None and index >= max_frames:
                    break
                ok, frame = capture.read()
        except KeyboardInterrupt:  # a camera stream ends with Ctrl+C: keep what was written
            pass
        finally:
            writer.release()
            if show:
                cv2.destroyAllWindows()
    finally:
        capture.release()
    return {"frames": frames, "checkins": checkins,
            "_summary": {"frames_read": index, "frames_processed": len(frames), "fps": fps, "size": [w, h],
                         "seconds": round(time.perf_counter() - started, 2), "mask_warning": labeller.warning}}


def cmd_video(args) -> int:
    if args.every < 1:
        raise ValueError(f"--every {args.every}: give 1 or more")
    if args.max_frames is not None and args.max_frames < 1:
        raise ValueError(f"--max-frames {args.max_frames}: give 1 or more")
    if Path(args.output).suffix.lower() != ".mp4":
        raise ValueError(f"--output {args.output}: the video is written as MPEG-4 (mp4v); give a .mp4 name")
    if args.show:
        check_display()
    settings = load_settings(args.tool_data_dir) if args.tool_data_dir else args.settings
    service = KioskService(settings)
    if not args.json:
        print(f"model: {service.pipeline.description}; gallery: {len(service.matcher)} people", file=sys.stderr)
    for warning in service.gallery_warnings:
        print(f"warning: {warning}", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if not args.json and (done % 10 == 0 or done == total):
            print(f"\rframe {done}" + (f"/{total}" if total else ""), end="", file=sys.stderr, flush=True)

    events = annotate_video(service, args.input, Path(args.output), every=args.every, record=args.record,
                            show=args.show, max_frames=args.max_frames, progress=progress)
    service.close()  # a mask template learned from a recorded check-in is written before the process ends
    summary = events.pop("_summary")
    if not args.json:
        print(file=sys.stderr)
    if summary["mask_warning"]:
        print(f"warning: {summary['mask_warning']}", file=sys.stderr)
    if args.events:
        atomic_write_text(Path(args.events), json.dumps(events, indent=1, ensure_ascii=False) + "\n")
    data = summary | {"output": str(args.output), "events": args.events, "checkins": events["checkins"]}
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        names = ", ".join(f"{c['name']} at {c['time']:.1f} s" for c in events["checkins"]) or "none"
        print(f"wrote {args.output}: {summary['frames_read']} frames, {summary['frames_processed']} processed "
              f"in {summary['seconds']:.1f} s; check-ins: {names}")
    return 0


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "video", help="annotate a video file or camera stream with names and mask labels",
        description="Recognise faces in a video file or camera stream with the live screen's tracking and "
                    "voting; write an annotated .mp4 and optionally an events JSON. Nothing is recorded in the "
                    "attendance database unless --record is given.")
    p.add_argument("--input", required=True, metavar="FILE|CAMERA_INDEX", help="video file, or camera index such as 0")
    p.add_argument("--output", required=True, metavar="FILE.mp4", help="annotated video to write (mp4v)")
    p.add_argument("--events", metavar="FILE.json", help="write per-frame faces and check-ins as JSON")
    p.add_argument("--every", type=int, default=1, metavar="N", help="process every N-th frame (default 1: all)")
    p.add_argument("--max-frames", type=int, metavar="N", help="stop after N frames read")
    p.add_argument("--show", action="store_true", help="also show the frames in a window (needs a GUI OpenCV)")
    p.add_argument("--record", action="store_true",
                   help="record confirmed people in the attendance database and the access log, as the kiosk does")
    p.add_argument("--data-dir", dest="tool_data_dir", metavar="DIR",
                   help="folder of embeddings/ and attendance.db (overrides the global --data-dir)")
    p.add_argument("--json", action="store_true", help="print a JSON summary")
    p.set_defaults(func=cmd_video)
    return p
