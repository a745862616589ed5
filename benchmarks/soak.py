"""Soak the live path: a real video looped for N minutes through kiosk.recognition.tracking.LiveRecognizer
with attendance recorded, as the kiosk's camera thread does (issue 11: >= 30 minutes, memory
growth <= 50 MB, no dropped check-ins).

    nice python benchmarks/soak.py --minutes 30 --json docs/evaluation/soak.json

The looped video is made from real photos: three people (df01, df04, obama in
../shared/faces/identities) are enrolled from three of their photos, and the video shows a
held-out photo of each for 1.5 s (a visit at the door), then 3 s of the real clip
../shared/faces/video/short_hamilton_clip.mp4 (strangers: Unknown). --video plays a file of
your own instead (with --person enrolled from identities/). Each loop is a new visit (tracks
reset) and the cooldown is 0, so every confirmed track is a check-in. "Expected" is what the live path
reported (CheckIns recorded or queued); "recorded" is what the database holds at the end: they
must be equal. --lock-every S holds the database with another connection for --lock-seconds
every S seconds (longer than its busy timeout), so writes are refused and go through the outbox.
Memory is the process RSS after each loop (growth: last minus the end of the first loop, the
warm-up); frame latency is reported per minute (p50, p95, max)."""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PEOPLE, enroll_visitors, make_video, require_faces, rss_mb, setup  # noqa: E402

setup()
# The looped video is made of photos of people (photos of photos), which liveness rightly refuses:
# the soak measures the live path's memory, latency and check-ins with it off unless asked.
os.environ.setdefault("KIOSK_LIVENESS", "off")


def locker(db_path: Path, every: float, hold: float, stop: threading.Event, count: list) -> None:
    """Another writer that holds the database now and then (what a report or a second kiosk
    process does, longer than the busy timeout)."""
    while not stop.wait(every):
        conn = sqlite3.connect(db_path, timeout=30)
        conn.execute("BEGIN EXCLUSIVE")
        count[0] += 1
        stop.wait(hold)
        conn.rollback()
        conn.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--video", type=Path, help="play this file instead of the one made from photos")
    parser.add_argument("--person", action="append", help="folder in identities/ to enroll (with --video)")
    parser.add_argument("--lock-every", type=float, default=0.0, help="seconds between database holds (0: none)")
    parser.add_argument("--lock-seconds", type=float, default=6.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    import cv2

    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.recognition.tracking import LiveRecognizer

    require_faces()
    data = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    service = KioskService(load_settings(data, cooldown_seconds=0))
    held_out = enroll_visitors(service, args.person or PEOPLE)
    if args.video is None:
        args.video = make_video(data / "loop.avi", held_out)
    live = LiveRecognizer(service, source="camera")
    stop, holds = threading.Event(), [0]
    if args.lock_every:
        threading.Thread(target=locker, args=(service.settings.db_path, args.lock_every, args.lock_seconds,
                                              stop, holds), daemon=True).start()
    expected = queued = frames = loops = 0
    latencies: list[tuple[float, float]] = []  # (minute, ms)
    memory: list[tuple[float, float]] = []  # (minute, MB)
    start = time.monotonic()
    deadline = start + args.minutes * 60
    clock = 0.0  # the recogniser's time: video time, continuing across loops
    while time.monotonic() < deadline:
        capture = cv2.VideoCapture(str(args.video))
        fps = capture.get(cv2.CAP_PROP_FPS) or 25.0
        live.reset()  # each loop is a new visit
        clock += 60.0
        while time.monotonic() < deadline:
            ok, frame = capture.read()
            if not ok:
                break
            clock += 1.0 / fps
            t0 = time.perf_counter()
            decision = live.process(frame, now=clock)
            latencies.append(((time.monotonic() - start) / 60, (time.perf_counter() - t0) * 1e3))
            frames += 1
            for checkin in decision.checkins:
                if checkin.outcome in ("checked_in", "queued"):
                    expected += 1
                    queued += checkin.outcome == "queued"
        capture.release()
        loops += 1
        memory.append(((time.monotonic() - start) / 60, rss_mb()))
    stop.set()
    time.sleep(args.lock_seconds + 0.5 if args.lock_every else 0)
    service.record(live_unknown())  # one more write: delivers whatever still waits in the outbox
    day_rows = service.db.db.execute("SELECT count(*) FROM attendance").fetchone()[0]
    report = {
        "minutes": round((time.monotonic() - start) / 60, 2), "video": str(args.video.name), "loops": loops,
        "frames": frames, "database_holds": holds[0],
        "checkins_expected": expected, "checkins_recorded": day_rows, "queued_then_written": queued,
        "outbox_left": len(service.outbox),
        "memory_mb": {"after_first_loop": round(memory[0][1], 1) if memory else None,
                      "last": round(memory[-1][1], 1) if memory else None,
                      "growth": round(memory[-1][1] - memory[0][1], 1) if memory else None,
                      "samples": [[round(m, 2), round(v, 1)] for m, v in memory]},
        "latency_ms_per_minute": per_minute(latencies),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2))
    return 0 if expected == day_rows and not report["outbox_left"] else 1


def live_unknown():
    from kiosk.recognition.matcher import MatchResult

    return MatchResult(None, "Unknown", 0.0, False, False, 1.0)


def per_minute(latencies: list[tuple[float, float]]) -> list[dict]:
    out = []
    for minute in range(int(max((m for m, _ in latencies), default=0)) + 1):
        ms = np.array([v for m, v in latencies if minute <= m < minute + 1])
        if len(ms):
            out.append({"minute": minute, "frames": len(ms), "p50": round(float(np.percentile(ms, 50)), 1),
                        "p95": round(float(np.percentile(ms, 95)), 1), "max": round(float(ms.max()), 1)})
    return out


if __name__ == "__main__":
    sys.exit(main())
