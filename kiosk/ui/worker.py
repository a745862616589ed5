"""Background work for the screens: the live inference thread and one-off tasks.

The live worker always takes the *newest* frame from a 1-slot mailbox: when recognition is
slower than the camera, stale frames are dropped instead of queued, so what the screen says is
never seconds behind the person in front of it. Recognition itself (tracking, voting, the
attendance record) is `kiosk.recognition.tracking.LiveRecognizer`, the same code the video tool uses.
"""
from __future__ import annotations

import logging
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# How often the live worker retries the outbox while nobody is at the door (a write to a locked
# database can wait seconds: never while someone is waiting for their banner).
OUTBOX_RETRY_S = 10.0


class Mailbox:
    """A 1-slot hand-over between threads: `put` replaces what is there, `take` waits."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._item: Any = None
        self._closed = False
        self.dropped = 0

    def put(self, item: Any) -> None:
        with self._cond:
            if self._item is not None:
                self.dropped += 1
            self._item = item
            self._cond.notify()

    def take(self, timeout: float | None = None) -> Any:
        """The newest item (and empty the slot), or None on timeout/close."""
        with self._cond:
            self._cond.wait_for(lambda: self._item is not None or self._closed, timeout)
            item, self._item = self._item, None
            return item

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


@dataclass
class LiveResult:
    """One processed frame, as handed to the screen."""

    frame_index: int
    captured_at: float
    decided_at: float
    decision: Any  # kiosk.recognition.tracking.FrameDecision
    fps: float
    dropped: int
    image: Any = None  # the frame itself (numpy BGR): the screen draws the names on it, not on a newer one
    extra: dict = field(default_factory=dict)


class InferenceWorker(QThread):
    """Loads the models (slow: off the UI thread), then recognises the newest frame forever."""

    ready = Signal(str)  # model description
    failed = Signal(str)  # why there is no recognition (models missing...)
    result = Signal(object)  # LiveResult

    def __init__(self, service, mailbox: Mailbox, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self.mailbox = mailbox
        self.recognizer = None
        self.processed = 0
        self.fps = 0.0
        self._stop = threading.Event()
        self._paused = threading.Event()
        self._reset = threading.Event()
        self._next_delivery = 0.0

    def pause(self, paused: bool) -> None:
        """Paused while HR screens are open: no check-ins from behind the admin's back."""
        if paused:
            self._paused.set()
        else:
            self._reset.set()  # tracks from before the pause are stale
            self._paused.clear()

    def stop(self, wait_ms: int = 5000) -> None:
        self._stop.set()
        self.mailbox.close()
        self.wait(wait_ms)

    def run(self) -> None:
        try:
            pipeline = self.service.pipeline
            self.service.matcher  # noqa: B018 - load the gallery now, not on the first face
        except Exception as exc:  # missing weights, broken install: the screen says why
            log.exception("face models could not be loaded")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.ready.emit(pipeline.description)
        self.recognizer = self.service.live_recognizer(source="camera")
        window_start, window_count = time.monotonic(), 0
        self._next_delivery = time.monotonic() + OUTBOX_RETRY_S
        while not self._stop.is_set():
            frame = self.mailbox.take(timeout=0.25)
            if frame is None or self._paused.is_set():
                self._retry_outbox()
                continue
            if self._reset.is_set():
                self._reset.clear()
                self.recognizer.reset()
            try:
                decision = self.recognizer.process(frame.image)
            except Exception:  # one bad frame must not end recognition
                log.exception("recognition failed on frame %s", frame.index)
                continue
            self.processed += 1
            if not decision.faces:
                self._retry_outbox()
            window_count += 1
            now = time.monotonic()
            if now - window_start >= 1.0:
                self.fps = window_count / (now - window_start)
                window_start, window_count = now, 0
            self.result.emit(LiveResult(frame.index, frame.captured_at, now, decision, self.fps,
                                        self.mailbox.dropped, frame.image))

    def _retry_outbox(self) -> None:
        """Nobody at the door: deliver kept check-ins now and then (KioskService.deliver_outbox)."""
        if time.monotonic() < self._next_delivery:
            return
        try:
            self.service.deliver_outbox()
        except Exception:  # never the end of recognition
            log.exception("outbox delivery failed")
        self._next_delivery = time.monotonic() + OUTBOX_RETRY_S


class _TaskSignals(QObject):
    """Lives on the UI thread: signals emitted from the pool thread arrive here queued, and the
    callbacks run on the UI thread (a bare lambda slot would run on the pool thread)."""

    done = Signal(object)
    error = Signal(object)  # the exception
    progress = Signal(int, int, str)

    def __init__(self, on_done, on_error, on_progress, finished, owner):
        super().__init__()
        self.callbacks = (on_done, on_error, on_progress)
        self.owner = owner
        self.finished = finished
        self.done.connect(self._done)
        self.error.connect(self._error)
        self.progress.connect(self._progress)

    def _alive(self) -> bool:
        """False once the widget that asked has been deleted (dialog closed meanwhile)."""
        return self.owner is None or shiboken6.isValid(self.owner)

    @Slot(object)
    def _done(self, value):
        self.finished()
        if self.callbacks[0] and self._alive():
            self.callbacks[0](value)

    @Slot(object)
    def _error(self, exc):
        self.finished()
        if not self._alive():
            return
        if self.callbacks[1]:
            self.callbacks[1](exc)
        else:
            log.error("background task failed: %s", getattr(exc, "traceback_text", exc))

    @Slot(int, int, str)
    def _progress(self, done, total, message):
        if self.callbacks[2] and self._alive():
            self.callbacks[2](done, total, message)


class Task(QRunnable):
    """A function run on the thread pool; results come back on the UI thread. The function
    gets a `progress(done, total, message)` keyword when a progress callback is given."""

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, signals: _TaskSignals,
                 with_progress: bool):
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = signals
        self.with_progress = with_progress
        self.setAutoDelete(False)  # we hold a reference until it reports

    def run(self) -> None:
        try:
            if self.with_progress:
                self.kwargs["progress"] = lambda d, t, m: self.signals.progress.emit(int(d), int(t), str(m))
            value = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # reported to the screen, never lost
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.error.emit(exc)
        else:
            self.signals.done.emit(value)


_running: set[Task] = set()


def run_task(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception], None] | None = None,
             on_progress: Callable[[int, int, str], None] | None = None, owner: QObject | None = None,
             **kwargs: Any) -> Task:
    """Run `fn(*args, **kwargs)` off the UI thread and call back on the UI thread (not at all
    when `owner`, the widget that asked, has been deleted by then)."""
    holder: list[Task] = []
    signals = _TaskSignals(on_done, on_error, on_progress, lambda: _running.discard(holder[0]), owner)
    task = Task(fn, args, kwargs, signals, on_progress is not None)
    holder.append(task)
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def tasks_running() -> int:
    return len(_running)
