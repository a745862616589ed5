"""A throwaway X server (Debian's Xvfb) of a given screen size and pixel density: the real
screen the GUI tests, the screenshots and the soak benchmark run on. Offscreen rendering hid a
crash and every layout problem, so nothing here fakes a screen: Qt's xcb platform talks to a
real X server, with a window per top-level widget, as on a kiosk.

Qt-free (it starts a program and waits for its socket), like kiosk.site.localserver."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

INSTALL_HINT = "install Debian's X server and Qt's xcb libraries: installer/xvfb.sh"
SOCKETS = Path("/tmp/.X11-unix")


def _free_display(start: int = 90) -> int:
    for number in range(start, start + 400):
        if not (SOCKETS / f"X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number between :90 and :490")


class XServer:
    """`with XServer(1280, 800, dpi=149) as x: x.env` - a running Xvfb; `env` is what a child
    process needs (DISPLAY, QT_QPA_PLATFORM=xcb). `dpi` sets the physical size Qt reports
    (QScreen.physicalDotsPerInch), so millimetre rules such as touch targets are testable."""

    def __init__(self, width: int = 1280, height: int = 800, dpi: int = 96, depth: int = 24):
        self.width, self.height, self.dpi, self.depth = width, height, dpi, depth
        self.display = ""
        self.process: subprocess.Popen | None = None

    @property
    def env(self) -> dict[str, str]:
        # QT_XCB_NO_XRANDR: Xvfb's RandR output reports its millimetres at 96 dpi whatever -dpi
        # says, and Qt prefers the output's size; without RandR Qt reads the screen's own size,
        # which -dpi sets (measured: 1280x800 at -dpi 149 reads 95.9 dpi with RandR, 149.3 without).
        return {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb", "QT_XCB_NO_XRANDR": "1"}

    def start(self, timeout: float = 20.0) -> XServer:
        program = shutil.which("Xvfb")
        if program is None:
            raise FileNotFoundError(f"Xvfb was not found: {INSTALL_HINT}")
        for _ in range(5):  # another process may take the same number first: try the next
            number = _free_display()
            self.display = f":{number}"
            self.process = subprocess.Popen(
                [program, self.display, "-screen", "0", f"{self.width}x{self.height}x{self.depth}",
                 "-dpi", str(self.dpi), "-nolisten", "tcp", "-noreset"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    break
                if (SOCKETS / f"X{number}").exists():
                    return self
                time.sleep(0.05)
            error = self._stop_process()
            if "already active" not in error:
                raise RuntimeError(f"Xvfb {self.display} did not start: {error.strip()[-500:]}")
        raise RuntimeError("Xvfb did not start: every display number tried was taken")

    def _stop_process(self) -> str:
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        error = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None
        return error

    def stop(self) -> None:
        self._stop_process()

    def __enter__(self) -> XServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """`python -m kiosk.ui.xserver start FOLDER [--size WxH] [--dpi N]` prints the DISPLAY of a new
    Xvfb and leaves it running (its pid in FOLDER/pid); `stop FOLDER` ends it. The test command
    (run.sh test) runs the whole suite on one, as it does with PostgreSQL."""
    import argparse
    import signal

    parser = argparse.ArgumentParser(prog="python -m kiosk.ui.xserver", description=main.__doc__)
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1280x800", help="screen size in pixels, WxH")
    parser.add_argument("--dpi", type=int, default=96)
    args = parser.parse_args(argv)
    pid_file = args.folder / "pid"
    if args.action == "start":
        width, height = (int(v) for v in args.size.lower().split("x"))
        server = XServer(width, height, args.dpi).start()
        assert server.process is not None
        server.process.stderr.close()  # the server outlives this command: nobody reads its errors
        args.folder.mkdir(parents=True, exist_ok=True)
        pid_file.write_text(str(server.process.pid))
        print(server.display)
    elif pid_file.is_file():
        try:
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
        except (ProcessLookupError, ValueError):
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
