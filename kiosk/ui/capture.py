"""Camera capture on its own QThread.

Why a thread: `VideoCapture.read()` blocks (a USB camera for a frame period, a stream for up to
seconds when the network hiccups); the UI thread must never wait for it. The thread only reads:
each frame goes into the inference mailbox (1 slot, newest wins) and becomes `latest` for the
screen, which is told through one coalesced signal (never a queue of frames). A lost camera is
reopened with backoff (1, 2, 4, 8 s, capped) and the state is reported for the screen to show.
"""
from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from kiosk.ui.i18n import number
from kiosk.ui.worker import Mailbox

BACKOFF_S = (1.0, 2.0, 4.0, 8.0)
# Consecutive failed reads that mean a live camera is gone (one bad read is common on USB).
MAX_FAILED_READS = 10

# Capture states, in the order a normal session goes through them.
CONNECTING, LIVE, LOST, ENDED, STOPPED = "connecting", "live", "lost", "ended", "stopped"


@dataclass
class Frame:
    """One captured frame; `captured_at` is time.monotonic() right after the read."""

    image: np.ndarray
    index: int
    captured_at: float


@dataclass(frozen=True)
class Source:
    """What `--camera` names: a device index, a video file or a stream URL."""

    raw: str

    @property
    def device(self) -> int | None:
        return int(self.raw) if self.raw.strip().isdigit() else None

    @property
    def is_stream(self) -> bool:
        return "://" in self.raw

    @property
    def is_file(self) -> bool:
        return self.device is None and not self.is_stream

    def describe(self) -> str:
        if self.device is not None:
            return QCoreApplication.translate("CaptureThread", "camera {number}").format(number=self.device)
        if self.is_stream:
            return QCoreApplication.translate("CaptureThread", "stream {address}").format(address=self.raw)
        return QCoreApplication.translate("CaptureThread", "video {name}").format(name=Path(self.raw).name)

    def open(self) -> cv2.VideoCapture | None:
        """An opened capture, or None. DirectShow on Windows: MSMF takes seconds to open."""
        if self.device is not None:
            backend = cv2.CAP_DSHOW if sys.platform == "win32" else cv2.CAP_ANY
            cap = cv2.VideoCapture(self.device, backend)
        elif self.is_file and not Path(self.raw).is_file():
            return None  # a missing file: do not let FFmpeg guess at it
        else:
            cap = cv2.VideoCapture(self.raw)
        if cap is not None and cap.isOpened():
            return cap
        if cap is not None:
            cap.release()
        return None


class CaptureThread(QThread):
    """Reads frames from a Source until stopped. See the module docstring."""

    frame_ready = Signal()  # coalesced: at most one pending until `consume()` is called
    state_changed = Signal(str, str)  # state, message for the screen
    retry_in = Signal(int)  # seconds until the next reconnect attempt

    def __init__(self, source: str, mailbox: Mailbox | None = None, *, loop: bool = False,
                 backoff: tuple[float, ...] = BACKOFF_S, parent: QObject | None = None):
        super().__init__(parent)
        self.source = Source(str(source))
        self.mailbox = mailbox
        self.loop = loop
        self.backoff = backoff
        self.latest: Frame | None = None
        self.frames_read = 0
        self.fps = 0.0
        self.state = CONNECTING
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._pending = False
        self._lock = threading.Lock()

    # -- called from the UI thread ----------------------------------------------------------
    def consume(self) -> Frame | None:
        """The newest frame; re-arms `frame_ready`."""
        with self._lock:
            self._pending = False
            return self.latest

    @Slot()
    def retry_now(self) -> None:
        """Skip the rest of the backoff wait (the screen's Retry button)."""
        self._wake.set()

    def stop(self, wait_ms: int = 3000) -> None:
        self._stop.set()
        self._wake.set()
        self.wait(wait_ms)

    # -- the thread -------------------------------------------------------------------------
    def _set_state(self, state: str, message: str) -> None:
        self.state = state
        self.state_changed.emit(state, message)

    def _sleep(self, seconds: float) -> bool:
        """Interruptible sleep; False when the thread should stop."""
        self._wake.wait(seconds)
        self._wake.clear()
        return not self._stop.is_set()

    def run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._set_state(CONNECTING, self.tr("Connecting to {source}…").format(source=self.source.describe()))
            cap = self.source.open()
            if cap is None:
                delay = self.backoff[min(failures, len(self.backoff) - 1)]
                failures += 1
                self._set_state(
                    LOST,
                    self.tr("No picture from {source}. Retrying in {seconds} s (attempt {attempt}).").format(
                        source=self.source.describe(), seconds=number(round(delay)), attempt=number(failures)
                    ),
                )
                self.retry_in.emit(int(round(delay)))
                if not self._sleep(delay):
                    break
                continue
            failures = 0
            outcome = self._read_all(cap)
            cap.release()
            if outcome == ENDED:
                if self.loop and not self._stop.is_set():
                    continue
                self._set_state(ENDED, self.tr("The video {name} has ended.").format(name=Path(self.source.raw).name))
                # Stay alive (idle) so Retry can play it again.
                while not self._stop.is_set() and not self._wake.wait(0.5):
                    pass
                self._wake.clear()
        self._set_state(STOPPED, self.tr("Camera stopped."))

    def _read_all(self, cap: cv2.VideoCapture) -> str:
        """Read until the source ends (ENDED), fails (LOST) or we are stopped."""
        file_fps = cap.get(cv2.CAP_PROP_FPS) if self.source.is_file else 0.0
        period = 1.0 / file_fps if file_fps and 1.0 <= file_fps <= 240.0 else (1 / 25 if self.source.is_file else 0.0)
        self._set_state(LIVE, self.tr("{source} live").format(source=self.source.describe()))
        start = time.monotonic()
        played = 0
        bad_reads = 0
        window_start, window_count = start, 0
        while not self._stop.is_set():
            ok, image = cap.read()
            if not ok or image is None:
                if self.source.is_file:
                    return ENDED if played else LOST
                bad_reads += 1
                if bad_reads >= MAX_FAILED_READS:
                    self._set_state(LOST, self.tr("Lost {source}; reconnecting…").format(source=self.source.describe()))
                    return LOST
                time.sleep(0.05)
                continue
            bad_reads = 0
            if period:  # a file plays at its own speed: sleep until this frame's timestamp
                due = start + played * period
                delay = due - time.monotonic()
                if delay > 0 and not self._sleep(delay):
                    return STOPPED
                if delay < -1.0:  # far behind (debugger, suspended machine): re-anchor
                    start = time.monotonic() - played * period
            played += 1
            frame = Frame(image, self.frames_read, time.monotonic())
            self.frames_read += 1
            if self.mailbox is not None:
                self.mailbox.put(frame)
            with self._lock:
                self.latest = frame
                notify = not self._pending
                self._pending = True
            if notify:
                self.frame_ready.emit()
            window_count += 1
            now = time.monotonic()
            if now - window_start >= 1.0:
                self.fps = window_count / (now - window_start)
                window_start, window_count = now, 0
        return STOPPED
