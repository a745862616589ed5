"""What the on-screen keyboard (Qt Virtual Keyboard, kiosk.ui.keyboard) costs the kiosk: start-up
time, resident memory with it off and on, and how long a tap on a text field takes to bring it
up (the first time loads its QML; later it is already there).

Runs the kiosk in kiosk mode with its HR screens open on a virtual X server (Xvfb), the same
program the GUI test drives (tests/ui/osk_session.py), and taps the Employees search with
xdotool. Usage: python benchmarks/on_screen_keyboard.py [--runs 3] [--size 1280x800]"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, setup


def session(x, data: Path, keyboard: str) -> dict:
    """One kiosk process: start-up, memory, and (keyboard on) the tap-to-keyboard times."""
    (data / "kiosk.toml").write_text(f'on_screen_keyboard = "{keyboard}"\n')
    env = {**os.environ, **x.env}
    env.pop("QT_IM_MODULE", None)
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.osk_session", str(data)], cwd=REPO, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def ask(command: str):
        child.stdin.write(command + "\n")
        child.stdin.flush()
        return json.loads(child.stdout.readline())

    ready = json.loads(child.stdout.readline())
    out = {"ready_s": time.monotonic() - started, "rss_ready_mb": ask("memory")["rss_kb"] / 1024}
    search = ask("where search")
    centre = [str(search["x"] + search["w"] // 2), str(search["y"] + search["h"] // 2)]
    if keyboard != "off":
        for label in ("first_show_s", "second_show_s"):
            tapped = time.monotonic()
            subprocess.run(["xdotool", "mousemove", *centre, "click", "1"], env=env, check=True)
            while not ask("keyboard")["visible"]:
                if time.monotonic() - tapped > 30:
                    raise SystemExit(f"the keyboard did not come up within 30 s ({keyboard}, {label}, {out}, "
                                     f"search {ask('text search')!r} {ask('where search')})")
                time.sleep(0.01)
            out[label] = time.monotonic() - tapped
            board = ask("keyboard")
            if label == "first_show_s":
                time.sleep(0.5)  # it slides in; a person taps its keys once it is there
                board = ask("keyboard")
                out["keyboard_rect"] = board["rect"]
                out["rss_shown_mb"] = ask("memory")["rss_kb"] / 1024
                keys = board["keys"]
                subprocess.run(["xdotool", "mousemove", *map(str, keys["HideKeyboardKey"]), "click", "1"], env=env,
                               check=True)
                while ask("keyboard")["visible"]:
                    time.sleep(0.01)
                time.sleep(1.0)  # a person looks at the screen before tapping the field again
    ask("quit")
    child.wait(timeout=30)
    out["started_in_process_s"] = ready["started_s"]
    return out


def main() -> int:
    setup()
    from kiosk.ui.xserver import XServer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--dpi", type=int, default=149)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    results: dict[str, list[dict]] = {"off": [], "auto": []}
    with XServer(width, height, dpi=args.dpi) as x:
        for _ in range(args.runs):
            for keyboard in results:
                with tempfile.TemporaryDirectory() as data:
                    results[keyboard].append(session(x, Path(data), keyboard))
    report = {}
    for keyboard, runs in results.items():
        report[keyboard] = {key: round(statistics.median(r[key] for r in runs), 3)
                            for key in runs[0] if isinstance(runs[0][key], float)}
    report["auto"]["keyboard_rect"] = results["auto"][0]["keyboard_rect"]
    report["extra_rss_mb"] = round(report["auto"]["rss_shown_mb"] - report["off"]["rss_ready_mb"], 1)
    print(json.dumps({"screen": args.size, "runs": args.runs, "median": report}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
