"""A throwaway X server (Debian's Xvfb) of a given screen size and pixel density: the real
screen the GUI tests, the screenshots and the soak benchmark run on. Offscreen rendering hid a
crash and every layout problem, so nothing here fakes a screen: Qt's xcb platform talks to a
real X server, with a window per top-level widget, as on a kiosk.

Qt-free (it starts a program and waits until it says which display it serves), like kiosk.site.localserver."""
from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

INSTALL_HINT = "install Debian's X server and Qt's xcb libraries: installer/screen.sh --virtual"


class XServer:
    """`with XServer(1280, 800, dpi=149) as x: x.env` - a running Xvfb; `env` is what a child
    process needs (DISPLAY, QT_QPA_PLATFORM=xcb). `dpi` sets the physical size Qt reports
    (QScreen.physicalDotsPerInch), so millimetre rules such as touch targets are testable."""

    def __init__(self, width: int = 1280, height: int = 800, dpi: int = 96, depth: int = 24):
        self.width, self.height, self.dpi, self.depth = width, height, dpi, depth
        self.display = ""
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def env(self) -> dict[str, str]:
        # QT_XCB_NO_XRANDR: Xvfb's RandR output reports its millimetres at 96 dpi whatever -dpi
        # says, and Qt prefers the output's size; without RandR Qt reads the screen's own size,
        # which -dpi sets (measured: 1280x800 at -dpi 149 reads 95.9 dpi with RandR, 149.3 without).
        return {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb", "QT_XCB_NO_XRANDR": "1"}

    def start(self, timeout: float = 20.0) -> XServer:
        """Xvfb picks a free display number itself and writes it to a pipe once it accepts
        connections (-displayfd): no race with other servers starting at the same moment."""
        program = shutil.which("Xvfb")
        if program is None:
            raise FileNotFoundError(f"Xvfb was not found: {INSTALL_HINT}")
        read_end, write_end = os.pipe()
        # Its messages go to a file, never a pipe nobody reads (a full pipe would stop it).
        self._log = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen(
                [program, "-displayfd", str(write_end), "-screen", "0",
                 f"{self.width}x{self.height}x{self.depth}", "-dpi", str(self.dpi), "-nolisten", "tcp",
                 "-noreset"], stdout=subprocess.DEVNULL, stderr=self._log, pass_fds=(write_end,))
        finally:
            os.close(write_end)
        try:
            number = self._read_display(read_end, timeout)
        finally:
            os.close(read_end)
        if number is None:
            error = self._stop_process()
            raise RuntimeError(f"Xvfb did not start within {timeout:.0f} s: {error.strip()[-500:]}")
        self.display = f":{number}"
        return self

    def _read_display(self, fd: int, timeout: float) -> str | None:
        data = b""
        deadline = time.monotonic() + timeout
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 64)
            if not chunk:  # Xvfb exited before it was ready
                return None
            data += chunk
        return data.decode().strip() or None

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
        self.process = None
        error = ""
        if self._log is not None:
            self._log.seek(0)
            error = self._log.read().decode(errors="replace")
            self._log.close()
            self._log = None
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
