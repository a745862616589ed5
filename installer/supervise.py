"""Keeps the kiosk running where there is no systemd user manager (install.sh's fallback): starts
the command, writes its output to a rotating log file, and starts it again when it dies, after a
pause that doubles with each quick death (1 s, 2 s, 4 s ... at most a minute) and starts over once
it has run a while. A clean exit (code 0: the administrator left kiosk mode with the admin PIN)
ends supervision, as systemd's Restart=on-failure does.

Only the standard library: it runs with the kiosk's interpreter before anything else is trusted.
One supervisor per state folder (an flock); `supervisor.pid` and `kiosk.pid` there say who runs,
for install.sh --upgrade (restart on the new version) and --uninstall (stop).

Usage: python supervise.py --state DIR [--log FILE] -- COMMAND [ARG...]"""
from __future__ import annotations

import argparse
import fcntl
import logging
import logging.handlers
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

FIRST_PAUSE_S = 1.0
MAX_PAUSE_S = 60.0
STABLE_AFTER_S = 60.0  # a run this long resets the pause to FIRST_PAUSE_S
LOG_BYTES, LOG_BACKUPS = 5 * 1024 * 1024, 5
STOP_GRACE_S = 10.0


def next_pause(pause: float | None, ran_s: float) -> float:
    """The pause before the next start, after a run of `ran_s` seconds that followed a pause of
    `pause` (None: the first death)."""
    if pause is None or ran_s >= STABLE_AFTER_S:
        return FIRST_PAUSE_S
    return min(MAX_PAUSE_S, pause * 2)


def rotating_log(path: Path) -> logging.Logger:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    log = logging.getLogger("kiosk-supervise")
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    return log


def _write_pid(path: Path, pid: int | None) -> None:
    if pid is None:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_suffix(".tmp")
    tmp.write_text(f"{pid}\n", encoding="utf-8")
    os.replace(tmp, path)


class Supervisor:
    def __init__(self, command: list[str], state: Path, log: logging.Logger):
        self.command, self.state, self.log = command, state, log
        self.stopping = threading.Event()
        self.child: subprocess.Popen | None = None
        self.starts = 0

    def stop(self, *_) -> None:
        self.stopping.set()
        child = self.child
        if child is not None and child.poll() is None:
            child.terminate()

    def _copy_output(self, child: subprocess.Popen) -> None:
        for raw in child.stdout:  # ends when the child closes its output (it died)
            self.log.info("%s", raw.decode("utf-8", "replace").rstrip("\n"))

    def run_once(self) -> int:
        self.starts += 1
        self.child = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL, start_new_session=True)
        _write_pid(self.state / "kiosk.pid", self.child.pid)
        self.log.info("supervisor: started %s (pid %d, start %d)", " ".join(self.command), self.child.pid, self.starts)
        reader = threading.Thread(target=self._copy_output, args=(self.child,), daemon=True)
        reader.start()
        while True:
            try:
                code = self.child.wait(timeout=STOP_GRACE_S if self.stopping.is_set() else None)
                break
            except subprocess.TimeoutExpired:  # asked to stop and it did not: no more asking
                self.child.kill()
        reader.join(timeout=5)
        _write_pid(self.state / "kiosk.pid", None)
        return code

    def run(self) -> int:
        pause: float | None = None
        while not self.stopping.is_set():
            began = time.monotonic()
            code = self.run_once()
            ran = time.monotonic() - began
            if self.stopping.is_set():
                self.log.info("supervisor: stopped (the kiosk exited with %s)", code)
                return 0
            if code == 0:
                self.log.info("supervisor: the kiosk closed normally after %.0f s; not restarting", ran)
                return 0
            pause = next_pause(pause, ran)
            self.log.info("supervisor: the kiosk died (exit %s) after %.0f s; restarting in %.0f s", code, ran, pause)
            self.stopping.wait(pause)
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Restart the kiosk when it dies; log to a rotating file.")
    parser.add_argument("--state", type=Path, required=True, help="folder for the lock, pid files and the default log")
    parser.add_argument("--log", type=Path, help="the log file (default: STATE/kiosk.log)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to supervise after --")
    args.state.mkdir(parents=True, exist_ok=True)
    lock = os.open(args.state / "supervisor.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"kiosk: already running (supervisor in {args.state})", file=sys.stderr)
        return 0
    supervisor = Supervisor(command, args.state, rotating_log(args.log or args.state / "kiosk.log"))
    signal.signal(signal.SIGTERM, supervisor.stop)
    signal.signal(signal.SIGINT, supervisor.stop)
    signal.signal(signal.SIGHUP, supervisor.stop)  # the session ended
    _write_pid(args.state / "supervisor.pid", os.getpid())
    try:
        return supervisor.run()
    finally:
        _write_pid(args.state / "supervisor.pid", None)
        os.close(lock)


if __name__ == "__main__":
    sys.exit(main())
