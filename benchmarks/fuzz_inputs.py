"""Fuzz decode + recognise with mutated real photos, each case in a worker process under a
memory cap and a time limit (issue 11: >= 10,000 cases, 0 tracebacks, <= 1.5 GB per input).

    nice python benchmarks/fuzz_inputs.py --cases 10000 --json docs/evaluation/fuzz.json

Workers load the models once, then cap their address space at what they use plus --mem-gb
(RLIMIT_AS), so an input that wants more fails with MemoryError instead of taking the machine.
A case that runs past --timeout is killed with the worker (a new one takes over). Per case the
worker resets its peak RSS (/proc/self/clear_refs) and reports VmHWM after it: the peak memory of
that input. Outcomes: ok, image_error (the one clear ImageError: fine), exception (anything else:
a traceback in the CLI), memory, timeout, crash (the worker died: a signal)."""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import select
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import FACES, REPO, images_in, require_faces, setup  # noqa: E402

setup()


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def worker(data_dir: str, mem_gb: float) -> None:
    """Read `index path` lines, answer one JSON line per case."""
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.vision.image_io import ImageError, load_image

    service = KioskService(load_settings(data_dir))
    service.matcher  # noqa: B018 - models and gallery loaded before the cap
    cap = _status_kb("VmSize") * 1024 + int(mem_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, resource.RLIM_INFINITY))
    base_rss = _status_kb("VmRSS")
    print(json.dumps({"ready": True, "base_rss_mb": base_rss / 1024, "cap_gb": cap / 2**30}), flush=True)
    for line in sys.stdin:
        index, path = line.rstrip("\n").split(" ", 1)
        try:
            Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM: this case's own peak
        except OSError:
            pass
        t0 = time.perf_counter()
        out = {"i": int(index)}
        try:
            image = load_image(path)
            faces = service.recognize(image, record=False)
            out |= {"status": "ok", "faces": len(faces)}
        except ImageError as exc:
            out |= {"status": "image_error", "msg": str(exc)[:200]}
        except MemoryError:
            out |= {"status": "memory"}
        except Exception as exc:  # the finding: anything but ImageError is a traceback
            out |= {"status": "exception", "type": type(exc).__name__, "msg": str(exc)[:300]}
        out |= {"ms": (time.perf_counter() - t0) * 1e3, "peak_mb": _status_kb("VmHWM") / 1024,
                "base_mb": base_rss / 1024}
        print(json.dumps(out), flush=True)


class Worker:
    def __init__(self, data_dir: str, mem_gb: float):
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", data_dir, "--mem-gb", str(mem_gb)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            cwd=REPO, env=os.environ | {"OMP_NUM_THREADS": "1"})
        self.ready = json.loads(self.readline(600) or "{}")
        if not self.ready.get("ready"):
            raise SystemExit("the fuzz worker did not start (models missing?)")

    def readline(self, timeout: float) -> str | None:
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        return self.proc.stdout.readline() if ready else None

    def run(self, index: int, path: Path, timeout: float) -> dict:
        t0 = time.perf_counter()
        try:
            self.proc.stdin.write(f"{index} {path}\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        line = self.readline(timeout)
        if line:
            return json.loads(line)
        ms = (time.perf_counter() - t0) * 1e3
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
            return {"i": index, "status": "timeout", "ms": ms}
        return {"i": index, "status": "crash", "signal": -self.proc.returncode, "ms": ms}

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(10)


def make_gallery(data: Path) -> None:
    """Five real people enrolled (originals only): recognition runs the whole path."""
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.vision.image_io import load_image

    service = KioskService(load_settings(data))
    for i, person in enumerate(("df01", "df02", "df03", "df04", "obama"), start=1):
        photos = images_in(FACES / "identities" / person)[:3]
        try:
            service.enroll(f"F{i}", f"Person {person}", "07700900000", [load_image(p) for p in photos],
                           masks=False, allow_duplicate=True)
        except Exception as exc:  # a seed person whose photos do not enroll: fuzz with fewer
            print(f"note: {person} not enrolled ({exc})", file=sys.stderr)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per case before it is killed")
    parser.add_argument("--mem-gb", type=float, default=1.5, help="memory one input may add (RLIMIT_AS)")
    parser.add_argument("--seeds", type=int, default=120, help="how many real photos to mutate")
    parser.add_argument("--json", type=Path, help="write the full report here")
    parser.add_argument("--keep", type=Path, help="copy every failing case here, to reproduce it")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.mem_gb)
        return 0

    from tests.robustness.mutate import mutate

    faces = require_faces()
    seeds = images_in(faces / "identities")
    random.Random(args.seed).shuffle(seeds)
    seeds = seeds[:args.seeds]
    blobs = [(p, p.read_bytes()) for p in seeds]
    work = Path(tempfile.mkdtemp(prefix="kiosk-fuzz-"))
    make_gallery(work / "data")
    w = Worker(str(work / "data"), args.mem_gb)
    print(f"worker ready: base RSS {w.ready['base_rss_mb']:.0f} MB, address-space cap {w.ready['cap_gb']:.2f} GB",
          file=sys.stderr)
    results, t_start = [], time.time()
    for i in range(args.cases):
        rng = random.Random(args.seed * 1_000_003 + i)
        src, data = rng.choice(blobs)
        kind, mutated = mutate(data, rng, donor=rng.choice(blobs)[1])
        case = work / f"case{src.suffix}"
        case.write_bytes(mutated)
        out = w.run(i, case, args.timeout) | {"kind": kind, "source": str(src.relative_to(faces)),
                                              "bytes": len(mutated)}
        results.append(out)
        if out["status"] in ("exception", "memory", "timeout", "crash") and args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"case{i}{src.suffix}").write_bytes(mutated)
        if out["status"] in ("timeout", "crash"):
            w = Worker(str(work / "data"), args.mem_gb)
        if (i + 1) % 100 == 0:
            print(f"{i + 1}/{args.cases} {dict(Counter(r['status'] for r in results))}", file=sys.stderr)
    w.close()
    report = summarise(results, time.time() - t_start, args)
    print(json.dumps({k: v for k, v in report.items() if k != "cases"}, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2))
    bad = report["counts"].get("exception", 0) + report["counts"].get("crash", 0) + \
        report["counts"].get("memory", 0) + report["counts"].get("timeout", 0)
    return 1 if bad else 0


def summarise(results: list[dict], seconds: float, args) -> dict:
    timed = [r for r in results if "peak_mb" in r]
    slowest = max(results, key=lambda r: r.get("ms", 0))
    peak = max(timed, key=lambda r: r["peak_mb"] - r["base_mb"]) if timed else {}
    failures = [r for r in results if r["status"] in ("exception", "memory", "timeout", "crash")]
    return {
        "cases": results if args.json else [],
        "total": len(results), "seconds": round(seconds, 1), "seed": args.seed,
        "mem_cap_gb_per_input": args.mem_gb, "timeout_s": args.timeout,
        "counts": dict(Counter(r["status"] for r in results)),
        "by_kind": {k: dict(Counter(r["status"] for r in results if r["kind"] == k))
                    for k in sorted({r["kind"] for r in results})},
        "exception_types": dict(Counter(f"{r.get('type')}: {r.get('msg', '')[:80]}" for r in failures
                                        if r["status"] == "exception").most_common(15)),
        "failures": [{k: r.get(k) for k in ("i", "status", "type", "msg", "kind", "source", "signal", "ms")}
                     for r in failures[:40]],
        "peak_memory": {"case": peak.get("i"), "kind": peak.get("kind"), "source": peak.get("source"),
                        "peak_rss_mb": round(peak.get("peak_mb", 0), 1),
                        "over_base_mb": round(peak.get("peak_mb", 0) - peak.get("base_mb", 0), 1)},
        "slowest": {"case": slowest.get("i"), "kind": slowest.get("kind"), "source": slowest.get("source"),
                    "ms": round(slowest.get("ms", 0), 1), "status": slowest["status"]},
        "median_ms": round(sorted(r.get("ms", 0) for r in results)[len(results) // 2], 1) if results else None,
    }


if __name__ == "__main__":
    sys.exit(main())
