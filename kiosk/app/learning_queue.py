"""Learning from face check-ins, off the frame loop: the live tracker hands a request here and
goes on with the next frame; one background thread judges the face and writes the (encrypted)
learned template, so no frame waits for the disk.

The queue is bounded: learning is a bonus, so when the worker falls behind the oldest request
is dropped (and logged) rather than memory growing or a frame waiting. Tests and the service's
close() wait for it with `wait()`, never by sleeping."""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from kiosk.vision.types import Face

log = logging.getLogger(__name__)

CAPACITY = 8  # a check-in each is rare: eight waiting means the disk is stuck, not that people queue


@dataclass(frozen=True)
class LearningRequest:
    """One face to learn from: whose it is, the frame it was seen in (a copy: the camera may
    reuse its buffer) and the face with its embedding."""

    user_id: str
    frame_bgr: np.ndarray
    face: Face
    source: str


class LearningQueue:
    """A bounded queue with one daemon worker thread that calls `learn(request)` for each request.
    The thread starts with the first request (a service that never learns holds no thread) and
    ends at close(); a request after close() starts it again rather than being lost."""

    def __init__(self, learn: Callable[[LearningRequest], object], capacity: int = CAPACITY,
                 name: str = "kiosk-learning"):
        self._learn = learn
        self._name = name
        self._pending: deque[LearningRequest] = deque()
        self._capacity = max(1, capacity)
        self._busy = False  # the worker holds a request it took off the queue
        self._closing = False
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self.dropped = 0  # requests dropped because the queue was full (diagnostics)

    def __len__(self) -> int:
        with self._cond:
            return len(self._pending) + self._busy

    def put(self, request: LearningRequest) -> None:
        with self._cond:
            if len(self._pending) >= self._capacity:
                old = self._pending.popleft()
                self.dropped += 1
                log.warning("learning queue full (%d): dropped the oldest request (%s)", self._capacity, old.user_id)
            self._pending.append(request)
            if self._thread is None:
                self._closing = False
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Until every request put so far is done; False when `timeout` seconds passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float | None = None) -> bool:
        """Finish what waits, then end the thread. False when it did not finish within `timeout`
        (the daemon thread then ends with the process; a template not written is only a bonus lost)."""
        done = self.wait(timeout)
        with self._cond:
            thread, self._closing = self._thread, True
            self._cond.notify_all()
        if thread is not None:
            thread.join(timeout)
        return done and (thread is None or not thread.is_alive())

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._closing)
                if not self._pending:  # closing, nothing left
                    self._thread = None
                    return
                request = self._pending.popleft()
                self._busy = True
            try:
                self._learn(request)
            except Exception as exc:  # noqa: BLE001 - learning is a bonus: one failure never stops the worker
                log.warning("could not learn from the check-in of %s: %s", request.user_id, exc)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
