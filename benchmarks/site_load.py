"""A site under load (issue 14): kiosk processes recognising from video at their own pace and an
HR process enrolling, deleting and changing the site's margin, all against one real PostgreSQL
server, for --seconds. Optionally the server is stopped mid-run (--fault-at, --fault-seconds) and
started again.

    nice python benchmarks/site_load.py --kiosks 4 --seconds 60 --json docs/evaluation/site_load.json
    nice python benchmarks/site_load.py --kiosks 4 --seconds 60 --fault-at 15 --fault-seconds 30

What it measures:
- check-ins: each kiosk counts what its live path reported as recorded or kept in the outbox
  ("expected"); after the run (and after the outboxes have drained) the server must hold exactly
  that many attendance rows from that kiosk: lost = expected - held, duplicates = held - expected
  plus rows repeated (same kiosk, person and second). Cooldown 0 makes every confirmed visit a
  write; besides the video, each kiosk records --writes-per-s more decisions (50 other worker
  IDs) through the same path, so the server sees many kiosks writing at once;
- errors reaching the user: exceptions out of the live path, and refusals other than "kept for
  later" (a 'database is locked' or serialization failure the person would see);
- propagation: for every change HR makes, the time from the server's changed_at (the start of
  the change's transaction: conservative) until the kiosk's matcher (or rule) has it, measured by
  a thread in each kiosk polling every 10 ms.

The video is the soak's (benchmarks/soak.py): three enrolled people's held-out photos and the
real clip's strangers, looped. Each kiosk runs its models on one thread (several processes share
this machine's cores; a real site has one machine per door)."""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PEOPLE, require_faces, setup  # noqa: E402

setup()
os.environ.setdefault("KIOSK_LIVENESS", "off")  # the video is photos of photos (see soak.py)

NEWCOMER = "df05"  # HR enrols and deletes this person again and again as P1, P2, ...


def one_thread() -> None:
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"


def _settings(url: str, kiosk_id: str, root: Path):
    from kiosk.app.settings import load_settings

    return load_settings(root / kiosk_id, database_url=url, kiosk_id=kiosk_id, cooldown_seconds=0)


def kiosk_process(index: int, url: str, video: str, root: str, start_at: float, seconds: float,
                  writes_per_s: float, out) -> None:
    one_thread()
    import cv2

    from kiosk.app.service import KioskService
    from kiosk.recognition.tracking import LiveRecognizer

    kiosk_id = f"door-{index}"
    service = KioskService(_settings(url, kiosk_id, Path(root)))
    service.site.pull()
    service.matcher  # noqa: B018 - models and gallery loaded before the clock starts
    service.start_site()
    seen: list[tuple[str, str, float]] = []  # (kind, what, epoch seconds)
    stop = threading.Event()

    def watch() -> None:
        present, margin = set(), None
        while not stop.is_set():
            matcher = service._matcher
            if matcher is not None:
                now_ids = {uid for uid, _ in matcher.people}
                for uid in now_ids - present:
                    seen.append(("present", uid, time.time()))
                for uid in present - now_ids:
                    seen.append(("absent", uid, time.time()))
                present = now_ids
                if matcher.rule.margin != margin:
                    margin = matcher.rule.margin
                    seen.append(("margin", f"{margin:.4f}", time.time()))
            stop.wait(0.01)

    threading.Thread(target=watch, daemon=True).start()
    live = LiveRecognizer(service, source="camera")
    expected = queued = frames = errors = 0
    refusals: list[str] = []
    extra = {"expected": 0, "queued": 0, "errors": 0}

    def writer() -> None:
        """More visits than three people in a video make: decisions for 50 other worker IDs at
        `writes_per_s`, through the same service.record path (outbox included)."""
        from kiosk.recognition.matcher import MatchResult

        n, next_write = 0, start_at
        while time.time() < start_at + seconds:
            n += 1
            uid = f"W{index}x{n % 50}"
            try:
                checkin = service.record(MatchResult(uid, f"Worker {uid}", 0.9, True, False, 0.5,
                                                     decision="accepted"), source="bench")
                extra["expected"] += checkin.outcome in ("checked_in", "queued")
                extra["queued"] += checkin.outcome == "queued"
            except Exception:  # noqa: BLE001 - counted
                extra["errors"] += 1
            next_write += 1.0 / writes_per_s
            time.sleep(max(0.0, next_write - time.time()))

    while time.time() < start_at:
        time.sleep(0.01)
    writes = threading.Thread(target=writer, daemon=True) if writes_per_s > 0 else None
    if writes:
        writes.start()
    clock = 0.0
    deadline = start_at + seconds
    while time.time() < deadline:
        capture = cv2.VideoCapture(video)
        fps = capture.get(cv2.CAP_PROP_FPS) or 10.0
        live.reset()
        clock += 60.0
        next_frame = time.time()
        while time.time() < deadline:
            ok, frame = capture.read()
            if not ok:
                break
            clock += 1.0 / fps
            try:
                decision = live.process(frame, now=clock)
            except Exception as exc:  # noqa: BLE001 - counted: an error the person would see
                errors += 1
                refusals.append(f"{type(exc).__name__}: {exc}")
                continue
            frames += 1
            for checkin in decision.checkins:
                if checkin.outcome in ("checked_in", "queued"):
                    expected += 1
                    queued += checkin.outcome == "queued"
                elif checkin.outcome not in ("cooldown", "unknown", "unsure"):
                    refusals.append(checkin.outcome)
            next_frame += 1.0 / fps  # the camera's pace; slower when the machine is busier
            time.sleep(max(0.0, next_frame - time.time()))
        capture.release()
    if writes:
        writes.join()
    expected += extra["expected"]
    queued += extra["queued"]
    errors += extra["errors"]
    drain_start = time.time()
    while len(service.outbox) and time.time() - drain_start < 60:
        service.deliver_outbox()
        time.sleep(0.5)
    drained = time.time() - drain_start
    time.sleep(1.0)
    stop.set()
    service.close()  # the learning worker, then the site's thread
    out.put({"kiosk": kiosk_id, "frames": frames, "expected": expected, "queued": queued, "errors": errors,
             "refusals": refusals[:20], "outbox_left": len(service.outbox), "seen": seen,
             "drain_s": round(drained, 2)})


def hr_process(url: str, root: str, start_at: float, seconds: float, every: float, out) -> None:
    one_thread()
    from _common import enrolment_photos

    from kiosk.app.service import KioskService
    from kiosk.common.errors import SiteError
    from kiosk.gallery.folders import GalleryError

    service = KioskService(_settings(url, "hr-desk", Path(root)))
    photos = enrolment_photos(NEWCOMER)[0]
    service.pipeline  # noqa: B018
    events, problems = [], []
    while time.time() < start_at:
        time.sleep(0.01)
    n, step = 0, 0
    while time.time() < start_at + seconds - 2:
        tick = time.time()
        try:
            if step % 3 == 0:
                n += 1
                service.enroll(f"P{n}", f"Probe {n}", "07700900000", photos, masks=False, allow_duplicate=True)
                events.append(("present", f"P{n}", changed_at(service, "people", f"P{n}")))
            elif step % 3 == 1:
                service.delete(f"P{n}")
                events.append(("absent", f"P{n}", changed_at(service, "people", f"P{n}")))
            else:
                margin = round(0.01 + 0.001 * n, 4)
                service.set_site_settings(margin=margin)
                events.append(("margin", f"{margin:.4f}", changed_at(service, "site_settings", "margin")))
        except (SiteError, GalleryError) as exc:  # the server is down (fault run): HR is told, tries later
            problems.append(str(exc))
        step += 1
        time.sleep(max(0.0, every - (time.time() - tick)))
    out.put({"hr": events, "problems": problems[:10], "refused_while_down": len(problems)})


def changed_at(service, table: str, key: str) -> float:
    column = "user_id" if table == "people" else "key"
    with service.site.connections.transaction() as cur:
        cur.execute(f"SELECT extract(epoch FROM changed_at) FROM {table} WHERE {column} = %s", [key])
        return float(cur.fetchone()[0])


def seed(url: str, root: Path) -> Path:
    """The three people enrolled into the site (with masks, as HR would) and the looped video."""
    from _common import enroll_visitors, make_video

    from kiosk.app.service import KioskService

    service = KioskService(_settings(url, "seed", root))
    return make_video(root / "loop.avi", enroll_visitors(service, PEOPLE, masks=True))


def fault(server, at: float, seconds: float, log: list) -> None:
    time.sleep(max(0.0, at - time.time()))
    server.stop()
    log.append(("stopped", time.time()))
    time.sleep(seconds)
    server.start()
    log.append(("started", time.time()))


def delays(hr_events: list, kiosks: list[dict]) -> list[float]:
    """Per HR change and kiosk: seconds until the kiosk had it; NaN when a later change of the
    same person or setting replaced it before the kiosk caught up (it never had that state to
    show: a kiosk offline meanwhile applies only the newest); inf when it never arrived."""
    out = []
    for i, (kind, what, at) in enumerate(hr_events):
        subject = what if kind != "margin" else "margin"
        later = [t for k, w, t in hr_events[i + 1:] if (w if k != "margin" else "margin") == subject]
        for kiosk in kiosks:
            times = [t for k, w, t in kiosk["seen"] if k == kind and w == what and t >= at - 0.5]
            never_had = kind == "absent" and not any(k == "present" and w == what for k, w, _ in kiosk["seen"])
            if times:
                out.append(min(times) - at)
            else:  # an enrolment and its deletion that arrived together replaced each other here
                out.append(float("nan") if later or never_had else float("inf"))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosks", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--hr-every", type=float, default=3.0, help="seconds between HR's changes")
    parser.add_argument("--writes-per-s", type=float, default=10.0,
                        help="extra decisions each kiosk records per second besides the video's (0: none)")
    parser.add_argument("--fault-at", type=float, help="stop the server this many seconds into the run")
    parser.add_argument("--fault-seconds", type=float, default=30.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    require_faces()

    from kiosk.site.localserver import LocalServer

    root = Path(tempfile.mkdtemp(prefix="kiosk-site-load-"))
    server = LocalServer().start()
    try:
        video = seed(server.url, root)
        ctx = mp.get_context("spawn")
        out = ctx.Queue()
        start_at = time.time() + 45 + 5 * args.kiosks  # every process loaded before the clock starts
        procs = [ctx.Process(target=kiosk_process, args=(i, server.url, str(video), str(root), start_at,
                                                         args.seconds, args.writes_per_s, out))
                 for i in range(1, args.kiosks + 1)]
        procs.append(ctx.Process(target=hr_process, args=(server.url, str(root), start_at, args.seconds,
                                                          args.hr_every, out)))
        for p in procs:
            p.start()
        fault_log: list = []
        if args.fault_at is not None:
            threading.Thread(target=fault, args=(server, start_at + args.fault_at, args.fault_seconds, fault_log),
                             daemon=True).start()
        results = [out.get(timeout=args.seconds + 400) for _ in procs]
        for p in procs:
            p.join(timeout=30)
        if not server.running():
            server.start()
        kiosks = sorted((r for r in results if "kiosk" in r), key=lambda r: r["kiosk"])
        hr = next(r for r in results if "hr" in r)
        report = verify(server.url, kiosks, hr, args, fault_log)
    finally:
        server.remove()
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    ok = report["lost"] == 0 and report["duplicates"] == 0 and report["errors_to_user"] == 0
    return 0 if ok else 1


def verify(url: str, kiosks: list[dict], hr: dict, args, fault_log: list) -> dict:
    import psycopg

    with psycopg.connect(url) as conn:
        held = dict(conn.execute("SELECT kiosk_id, count(*) FROM attendance GROUP BY 1").fetchall())
        repeated = conn.execute("""SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM attendance
                                   GROUP BY kiosk_id, employee_id, timestamp HAVING count(*) > 1) x""").fetchone()[0]
    per_kiosk, lost, dup = [], 0, int(repeated)
    for k in kiosks:
        rows = held.get(k["kiosk"], 0)
        lost += max(0, k["expected"] - rows)
        dup += max(0, rows - k["expected"])
        per_kiosk.append({"kiosk": k["kiosk"], "frames": k["frames"], "fps": round(k["frames"] / args.seconds, 1),
                          "check_ins_expected": k["expected"], "check_ins_on_server": rows,
                          "kept_in_outbox_then_sent": k["queued"], "outbox_left": k["outbox_left"],
                          "drain_s": k["drain_s"], "errors": k["errors"], "refusals": k["refusals"]})
    waits = delays(hr["hr"], kiosks)
    finite = np.array([w for w in waits if np.isfinite(w)])
    fault_times = [t for _, t in fault_log]
    in_fault = (lambda at: fault_times and fault_times[0] - 1 <= at <= fault_times[-1] + 10) if fault_log else \
        (lambda at: False)
    normal = np.array([w for (kind, what, at), w in zip([e for e in hr["hr"] for _ in kiosks], waits)
                       if np.isfinite(w) and not in_fault(at)])
    return {
        "kiosks": len(kiosks), "seconds": args.seconds, "hr_changes": len(hr["hr"]),
        "extra_writes_per_s_per_kiosk": args.writes_per_s,
        "fault": None if args.fault_at is None else {"stopped_at_s": args.fault_at, "seconds": args.fault_seconds,
                                                     "hr_changes_refused_while_down": hr["refused_while_down"]},
        "check_ins_expected": sum(k["expected"] for k in kiosks), "check_ins_on_server": sum(held.values()),
        "lost": lost, "duplicates": dup,
        "errors_to_user": sum(k["errors"] for k in kiosks) + sum(len(k["refusals"]) for k in kiosks),
        "propagation_s": {
            "samples": len(waits), "never_seen": int(sum(1 for w in waits if w == float("inf"))),
            "replaced_before_seen": int(sum(1 for w in waits if np.isnan(w))),
            "missing": sorted({f"{kind} {what} at {at - (fault_times[0] if fault_times else 0):+.1f} s"
                               for (kind, what, at), w in zip([e for e in hr["hr"] for _ in kiosks], waits)
                               if not np.isfinite(w)}),
            "p50": round(float(np.percentile(finite, 50)), 3) if len(finite) else None,
            "p99": round(float(np.percentile(finite, 99)), 3) if len(finite) else None,
            "max": round(float(finite.max()), 3) if len(finite) else None,
            "outside_fault_p99": round(float(np.percentile(normal, 99)), 3) if len(normal) else None,
        },
        "per_kiosk": per_kiosk,
    }


if __name__ == "__main__":
    sys.exit(main())
