"""Soak the real kiosk window (issue 21): `main.py --kiosk` on a real X server with a looping real
video as the camera, people enrolled so recognition and check-ins really happen, for N minutes.

    nice python benchmarks/soak_gui.py --minutes 120 --json docs/evaluation/soak_gui.json

What runs. Debian's Xvfb and Qt's xcb libraries (installer/screen.sh --virtual installs them when
missing), a 1280x800 X server at 149 dpi (a 10" kiosk panel, kiosk.ui.xserver). A fresh data
folder with three people enrolled from three photos each (df01, df04, obama from
../shared/faces/identities, as benchmarks/soak.py), and the door video made from a held-out photo
of each (1.5 s per visit, then 1 s of empty hall) and 3 s of strangers from the real clip
short_hamilton_clip.mp4, at 25 fps, a camera's rate (the capture thread plays a file at its own
frame rate). --video plays a file of your own instead (with --person enrolled). The kiosk is its
own process, `main.py --kiosk --camera VIDEO --loop --status FILE`, with the cooldown at 0 (every
visit is a check-in), liveness off (the video is photos of photos, which liveness rightly
refuses) and faulthandler on; its output is kept.

What is measured, every --every seconds (default 60): the kiosk's own counters (its --status
file: frames captured, drawn and recognised, check-ins shown, None's references), its resident
memory (RSS), open file handles and threads (/proc), its CPU time and the time its threads
waited for a CPU (the scheduler's /proc/PID/task/*/schedstat), the machine's load, and the
check-ins in attendance.db. A kiosk that dies is a crash: its exit code or signal and the end of
its output (faulthandler's tracebacks) are kept, and it is started again, so a run counts every
crash. A kiosk whose status file stops for --hang-seconds is killed (SIGABRT: faulthandler
prints every thread) and counted as a crash too.

Verdicts (issue 21), over the samples after the first --warmup-minutes of each kiosk process:
- crashes: none.
- memory: RSS growth <= 20 MB per hour, the least-squares slope of RSS over time (not two samples
  diffed; fitted within each kiosk process when one was restarted).
- recognition steady: the recognised frames per second of each sample interval (a minute by
  default) within 10% of their median. The summary also says what moved the rate: its fitted
  trend (a kiosk slowing down) and its correlation with the time the kiosk waited for a CPU
  (other programs on the machine taking it).
Exit code 0 when all three hold."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PEOPLE, REPO, enroll_visitors, make_video, proc_status, require_faces, setup  # noqa: E402

setup()

MEMORY_MB_PER_HOUR = 20.0
RATE_TOLERANCE = 0.10
STARTUP_S = 180.0  # a kiosk may take this long to write its first status (loading the models)
SOAK_ADMIN_PIN = "2580"  # the soak never signs in; a set-up kiosk just needs one


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="length of the soak (default 30)")
    parser.add_argument("--every", type=float, default=60.0, help="seconds between samples (default 60)")
    parser.add_argument("--warmup-minutes", type=float, default=5.0,
                        help="left out of the memory and rate verdicts (default 5)")
    parser.add_argument("--fps", type=int, default=25, help="frame rate of the door video made from photos")
    parser.add_argument("--video", type=Path, help="play this file instead of the one made from photos")
    parser.add_argument("--person", action="append", help="folder in identities/ to enroll (with --video)")
    parser.add_argument("--screen", default="1280x800", help="X screen size, WxH (default 1280x800)")
    parser.add_argument("--dpi", type=int, default=149)
    parser.add_argument("--hang-seconds", type=float, default=60.0,
                        help="a kiosk whose status file is older than this is killed as hung")
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument("--summary", type=Path, help="write the readable summary here too")
    parser.add_argument("--work-dir", type=Path,
                        help="data folder, video and kiosk output (default: a new temp folder)")
    return parser.parse_args(argv)


def prepare(work: Path, args) -> tuple[Path, Path, int]:
    """The data folder with the people enrolled, the video and its length in frames."""
    import cv2

    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.app.types import hash_pin

    data = work / "data"
    service = KioskService(load_settings(data))
    # A kiosk set up already (kiosk.app.first_run): the soak watches the door, not the set-up screen.
    service.settings.admin_pin_hash = hash_pin(SOAK_ADMIN_PIN)
    service.settings.save()
    held_out = enroll_visitors(service, args.person or PEOPLE)
    service.db.close()
    video = args.video or make_video(work / "door.avi", held_out, fps=args.fps)
    capture = cv2.VideoCapture(str(video))
    frames = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
    capture.release()
    return data, video, frames


class Kiosk:
    """One kiosk process (main.py) and what /proc says about it."""

    def __init__(self, run: int, data: Path, video: Path, status: Path, log: Path, seconds: float, env: dict):
        self.run, self.status_path, self.log_path = run, status, log
        status.unlink(missing_ok=True)
        self.log = open(log, "ab")
        self.log.write(f"\n===== kiosk run {run} =====\n".encode())
        self.log.flush()
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-X", "faulthandler", str(REPO / "main.py"), "--kiosk", "--camera", str(video),
             "--loop", "--data-dir", str(data), "--status", str(status), "--quit-after", f"{seconds:.0f}"],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=REPO)

    def status(self) -> dict | None:
        try:
            return json.loads(self.status_path.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return None

    def status_age(self) -> float:
        """Seconds since the kiosk last wrote its status (since it started, before the first)."""
        try:
            return time.time() - self.status_path.stat().st_mtime
        except FileNotFoundError:
            return time.monotonic() - self.started

    def resources(self) -> dict:
        pid = self.process.pid
        status = proc_status(pid)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        waited_ns = 0  # time its threads were ready to run but waited for a CPU (the scheduler's count)
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                waited_ns += int((task / "schedstat").read_text().split()[1])
            except (OSError, IndexError, ValueError):  # a thread that just ended
                pass
        return {"rss_mb": round(status["VmRSS"] / 1024, 1), "threads": status["Threads"],
                "open_files": len(os.listdir(f"/proc/{pid}/fd")),
                "cpu_s": round((int(fields[11]) + int(fields[12])) / ticks, 1), "cpu_wait_s": round(waited_ns / 1e9, 1)}

    def stop(self, hung: bool = False, grace: float = 30.0) -> None:
        """Ask it to quit as the operator's Ctrl+C does (a hung one: SIGABRT, for faulthandler's
        tracebacks of every thread), then kill it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGABRT if hung else signal.SIGINT)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def output_tail(self, lines: int = 60) -> str:
        """The end of this run's output: faulthandler's tracebacks (its list of extension modules cut)."""
        text = self.log_path.read_text(errors="replace").split(f"===== kiosk run {self.run} =====")[-1]
        return "\n".join(line[:300] for line in text.strip().splitlines()[-lines:])


def checkins_recorded(db_path: Path) -> dict[str, int]:
    """Check-ins per person in attendance.db (read-only, beside the kiosk writing it)."""
    if not db_path.is_file():
        return {}
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        return dict(conn.execute("SELECT employee_id, count(*) FROM attendance GROUP BY employee_id"))
    except sqlite3.OperationalError:  # the kiosk has not made its tables yet
        return {}
    finally:
        conn.close()


def soak(args, data: Path, video: Path, work: Path, env: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """Run kiosks until the time is up; (samples, crashes, runs: each kiosk's last counters)."""
    samples, crashes, runs = [], [], []
    start = time.monotonic()
    deadline = start + args.minutes * 60
    next_sample = start + args.every
    kiosk = None
    while True:
        now = time.monotonic()
        if kiosk is None:
            if deadline - now < 30:
                break
            kiosk = Kiosk(len(runs) + 1, data, video, work / "status.json", work / "kiosk.log", deadline - now, env)
            runs.append({"run": kiosk.run, "minute": round((now - start) / 60, 2)})
        code = kiosk.process.poll()
        hung = code is None and kiosk.status_age() > (args.hang_seconds if kiosk.status() else STARTUP_S)
        late = code is None and now > deadline + STARTUP_S  # --quit-after should have ended it
        if code is not None or hung or late:
            kiosk.stop(hung=hung)
            final = kiosk.status() or {}
            runs[-1].update({"seconds": round(now - kiosk.started, 1), "counters": final,
                             "exit": describe_exit(kiosk.process.returncode, hung, late)})
            if not (code == 0 and final.get("finished") and now >= deadline - 30):
                crashes.append({"run": kiosk.run, "minute": round((now - start) / 60, 2),
                                "after_s": runs[-1]["seconds"], "exit": runs[-1]["exit"],
                                "output": kiosk.output_tail()})
                print(f"[soak] kiosk run {kiosk.run} ended: {crashes[-1]['exit']} after {crashes[-1]['after_s']} s",
                      file=sys.stderr, flush=True)
            kiosk = None
            continue
        if now >= next_sample:
            next_sample += args.every
            status = kiosk.status()
            if status is not None:
                try:
                    resources = kiosk.resources()
                except (FileNotFoundError, ProcessLookupError):  # it just ended: the next pass sees it
                    continue
                recorded = checkins_recorded(data / "attendance.db")
                samples.append({"minute": round((now - start) / 60, 2), "run": kiosk.run, **status, **resources,
                                "checkins_recorded": sum(recorded.values()), "per_person": recorded,
                                "load_1min": round(os.getloadavg()[0], 2)})
                print(f"[soak] {samples[-1]['minute']:6.1f} min  rss {resources['rss_mb']:.0f} MB  drawn "
                      f"{status['frames_drawn']}  recognised {status['frames_recognised']}  check-ins "
                      f"{samples[-1]['checkins_recorded']}", file=sys.stderr, flush=True)
        time.sleep(0.5)
    return samples, crashes, runs


def describe_exit(code: int | None, hung: bool, late: bool) -> str:
    if hung:
        return "hung: status file not updated, killed"
    if late:
        return "did not quit at the end (--quit-after), killed"
    if code is not None and code < 0:
        return f"killed by signal {signal.Signals(-code).name}"
    return f"exit code {code}"


def intervals(samples: list[dict]) -> list[dict]:
    """Rates between consecutive samples of the same kiosk process (its own clock)."""
    out = []
    for a, b in zip(samples, samples[1:]):
        seconds = b["seconds"] - a["seconds"]
        if b["run"] != a["run"] or seconds <= 0:
            continue
        out.append({"minute": b["minute"], "run": b["run"], "from_s": a["seconds"],
                    "drawn_fps": round((b["frames_drawn"] - a["frames_drawn"]) / seconds, 2),
                    "recognised_fps": round((b["frames_recognised"] - a["frames_recognised"]) / seconds, 2),
                    "captured_fps": round((b["frames_captured"] - a["frames_captured"]) / seconds, 2),
                    "checkins_per_min": round((b["checkins_recorded"] - a["checkins_recorded"]) / seconds * 60, 1),
                    "cpu_share": round((b["cpu_s"] - a["cpu_s"]) / seconds, 2),
                    "cpu_wait_share": round((b["cpu_wait_s"] - a["cpu_wait_s"]) / seconds, 2)})
    return out


def slope_per_hour(points: list[tuple[int, float, float]]) -> float | None:
    """Least-squares slope of a value on time, pooled within each kiosk process (each run its own
    intercept). `points` are (run, hours, value)."""
    num = den = 0.0
    for run in {r for r, _, _ in points}:
        t = np.array([h for r, h, _ in points if r == run])
        m = np.array([v for r, _, v in points if r == run])
        num += float(((t - t.mean()) * (m - m.mean())).sum())
        den += float(((t - t.mean()) ** 2).sum())
    return num / den if den > 0 else None


def summarise(samples: list[dict], crashes: list[dict], runs: list[dict], recorded: dict[str, int], args,
              visits_per_frame: float) -> dict:
    warmup_s = args.warmup_minutes * 60
    warm = [s for s in samples if s["seconds"] >= warmup_s]
    rates = [r for r in intervals(samples) if r["from_s"] >= warmup_s]
    slope = slope_per_hour([(s["run"], s["seconds"] / 3600, s["rss_mb"]) for s in warm]) if len(warm) >= 3 else None
    recognised = [r["recognised_fps"] for r in rates]
    median = float(np.median(recognised)) if recognised else 0.0
    spread = max(abs(v / median - 1) for v in recognised) if median else None
    # What moves the rate: a kiosk slowing down shows as a trend; other programs on the machine
    # taking the CPU, as a rate that falls when the kiosk's threads wait longer for a CPU.
    trend = (slope_per_hour([(r["run"], r["from_s"] / 3600, r["recognised_fps"]) for r in rates])
             if len(rates) >= 3 else None)
    with np.errstate(invalid="ignore", divide="ignore"):
        wait_r = float(np.corrcoef(recognised, [r["cpu_wait_share"] for r in rates])[0, 1]) if len(rates) >= 3 else None
    totals = {key: sum(r.get("counters", {}).get(key) or 0 for r in runs)
              for key in ("frames_captured", "frames_drawn", "frames_recognised", "frames_dropped", "checkins")}

    def span(key):
        values = [s[key] for s in warm]
        return {"after_warmup": values[0], "last": values[-1], "max": max(values)} if values else None

    verdicts = {
        "no_crashes": not crashes,
        "memory_growth_ok": slope is not None and slope <= MEMORY_MB_PER_HOUR,
        "recognition_steady": spread is not None and spread <= RATE_TOLERANCE,
    }
    return {
        "minutes": args.minutes, "sample_every_s": args.every, "warmup_minutes": args.warmup_minutes,
        "model": samples[-1]["model"] if samples else None,
        "crashes": crashes, "kiosk_runs": runs,
        "frames": {k: v for k, v in totals.items() if k != "checkins"},
        "checkins": {"recorded": sum(recorded.values()), "per_person": recorded, "shown_on_screen": totals["checkins"],
                     "visits_shown": int(totals["frames_captured"] * visits_per_frame)},
        "rates_after_warmup": {
            key: {"median": round(float(np.median(vals)), 2), "min": min(vals), "max": max(vals)}
            for key in ("drawn_fps", "recognised_fps", "captured_fps", "checkins_per_min", "cpu_share",
                        "cpu_wait_share") if (vals := [r[key] for r in rates])},
        "recognition_max_deviation_from_median": round(spread, 3) if spread is not None else None,
        "recognition_trend_pct_of_median_per_hour":
            round(trend / median * 100, 1) if trend is not None and median else None,
        "recognition_correlation_with_cpu_wait":
            round(wait_r, 2) if wait_r is not None and np.isfinite(wait_r) else None,
        "memory_mb": {**(span("rss_mb") or {}), "slope_mb_per_hour": round(slope, 2) if slope is not None else None},
        "threads": span("threads"), "open_files": span("open_files"), "none_refs": span("none_refs"),
        "verdicts": verdicts, "passed": all(verdicts.values()),
        "samples": samples, "intervals": intervals(samples),
    }


def readable(report: dict) -> str:
    v, m = report["verdicts"], report["memory_mb"]
    rates = report["rates_after_warmup"]
    rec = rates.get("recognised_fps", {})
    lines = [
        f"GUI soak: {report['minutes']:g} min of main.py --kiosk on Xvfb, model {report['model']}; "
        f"a sample every {report['sample_every_s']:g} s, the first {report['warmup_minutes']:g} min are warm-up.",
        f"  crashes: {len(report['crashes'])} in {len(report['kiosk_runs'])} kiosk run(s)"
        + "".join(f"\n    run {c['run']} at minute {c['minute']}: {c['exit']}" for c in report["crashes"]),
        f"  frames: captured {report['frames']['frames_captured']}, drawn {report['frames']['frames_drawn']}, "
        f"recognised {report['frames']['frames_recognised']}, dropped as stale {report['frames']['frames_dropped']}",
        f"  per second after warm-up (median, min-max): drawn {fmt(rates.get('drawn_fps'))}, "
        f"recognised {fmt(rec)}, captured {fmt(rates.get('captured_fps'))}; check-ins per minute "
        f"{fmt(rates.get('checkins_per_min'))}; kiosk CPU {fmt(rates.get('cpu_share'))} cores, waiting for a CPU "
        f"{fmt(rates.get('cpu_wait_share'))}",
        f"  check-ins recorded in attendance.db: {report['checkins']['recorded']} "
        f"({report['checkins']['per_person']}), shown on screen {report['checkins']['shown_on_screen']}, "
        f"visits of enrolled people the video showed {report['checkins']['visits_shown'] or 'n/a'}",
        f"  memory (RSS): {m.get('after_warmup')} MB after warm-up, {m.get('last')} MB at the end, max "
        f"{m.get('max')} MB; fitted growth {m.get('slope_mb_per_hour')} MB/hour",
        f"  threads {report['threads']}; open files {report['open_files']}; references to None "
        f"{report['none_refs']} (a binding that leaks them aborts the kiosk when they reach 0)",
        "verdicts:",
        f"  {'PASS' if v['no_crashes'] else 'FAIL'}  no crashes",
        f"  {'PASS' if v['memory_growth_ok'] else 'FAIL'}  memory growth after warm-up <= {MEMORY_MB_PER_HOUR:g} "
        f"MB/hour (least-squares slope: {m.get('slope_mb_per_hour')})",
        f"  {'PASS' if v['recognition_steady'] else 'FAIL'}  recognition steady: every interval's recognised "
        f"fps within {RATE_TOLERANCE:.0%} of the median {rec.get('median')} "
        f"(largest deviation {report['recognition_max_deviation_from_median']})",
        f"        what moved it: trend {report['recognition_trend_pct_of_median_per_hour']}% of the median per "
        f"hour (a kiosk slowing down); correlation with the time its threads waited for a CPU "
        f"{report['recognition_correlation_with_cpu_wait']} (near -1: other programs taking the CPU)",
        *([f"kiosk output (kiosk.log) and data folder kept in {report['work_dir']}"] if report.get("work_dir") else []),
        "",
        " minute  run  rss MB  threads  files  None refs  drawn/s  recog/s  check-ins/min  kiosk CPU  CPU wait  load",
    ]
    by_minute = {r["minute"]: r for r in report["intervals"]}
    for s in report["samples"]:
        r = by_minute.get(s["minute"], {})
        lines.append(f"{s['minute']:7.1f} {s['run']:4d} {s['rss_mb']:7.1f} {s['threads']:8d} {s['open_files']:6d} "
                     f"{s['none_refs']:10d} "
                     f"{r.get('drawn_fps', float('nan')):8.1f} {r.get('recognised_fps', float('nan')):8.2f} "
                     f"{r.get('checkins_per_min', float('nan')):14.1f} {r.get('cpu_share', float('nan')):10.2f} "
                     f"{r.get('cpu_wait_share', float('nan')):9.2f} {s['load_1min']:5.2f}")
    return "\n".join(lines)


def fmt(stats: dict | None) -> str:
    return f"{stats['median']:g} ({stats['min']:g}-{stats['max']:g})" if stats else "n/a"


def main(argv=None) -> int:
    args = parse_args(argv)
    subprocess.run([str(REPO / "installer" / "screen.sh"), "--virtual"], check=True)
    require_faces()
    from kiosk.ui.xserver import XServer

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="kiosk-soak-gui-"))
    work.mkdir(parents=True, exist_ok=True)
    # The kiosk's settings for the soak, and the gallery key in the work folder (not the user's).
    os.environ.update({"KIOSK_COOLDOWN": "0", "KIOSK_LIVENESS": "off",
                       "KIOSK_KEY_DIR": os.environ.get("KIOSK_KEY_DIR") or str(work / "keys")})
    os.environ.pop("KIOSK_DATABASE_URL", None)  # one kiosk on its own attendance.db
    data, video, loop_frames = prepare(work, args)
    width, height = (int(v) for v in args.screen.lower().split("x"))
    with XServer(width, height, dpi=args.dpi) as screen:
        samples, crashes, runs = soak(args, data, video, work, {**os.environ, **screen.env})
    # Each loop of the video made from photos shows every enrolled person once.
    visits_per_frame = 0.0 if args.video else len(PEOPLE) / loop_frames
    report = summarise(samples, crashes, runs, checkins_recorded(data / "attendance.db"), args, visits_per_frame)
    if args.work_dir is None and report["passed"]:
        shutil.rmtree(work)  # a failed soak keeps its kiosk output and data folder to look at
    else:
        report["work_dir"] = str(work)
    text = readable(report)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1))
    if args.summary:
        args.summary.parent.mkdir(parents=True, exist_ok=True)
        args.summary.write_text(text + "\n")
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
