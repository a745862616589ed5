"""The learning worker's queue on its own: one thread, bounded (the oldest dropped and logged),
a failure never stops it, and waiting is by condition, never by sleeping."""
from __future__ import annotations

import logging
import threading

import numpy as np

from kiosk.app.learning_queue import LearningQueue, LearningRequest


def request(user_id: str) -> LearningRequest:
    return LearningRequest(user_id, np.zeros((2, 2, 3), np.uint8), face=None, source="face")


class HeldLearner:
    """Learns nothing until released; remembers who it was asked about, and on which thread."""

    def __init__(self):
        self.started, self.release = threading.Event(), threading.Event()
        self.done, self.threads = [], set()

    def __call__(self, req: LearningRequest) -> None:
        self.started.set()
        assert self.release.wait(30)
        self.threads.add(threading.current_thread().name)
        if req.user_id == "boom":
            raise OSError("disk full")
        self.done.append(req.user_id)


def test_a_full_queue_drops_the_oldest_and_says_so(caplog):
    learner = HeldLearner()
    queue = LearningQueue(learner, capacity=2)
    queue.put(request("A"))
    assert learner.started.wait(30)  # the worker holds A: the queue itself is empty
    with caplog.at_level(logging.WARNING, logger="kiosk.app.learning_queue"):
        for uid in ("B", "C", "D"):
            queue.put(request(uid))
    assert queue.dropped == 1 and "dropped the oldest request (B)" in caplog.text
    assert len(queue) == 3 and not queue.wait(timeout=0.01)  # A in hand, C and D waiting
    learner.release.set()
    assert queue.wait(timeout=30)
    assert learner.done == ["A", "C", "D"] and learner.threads == {"kiosk-learning"}
    assert queue.close(timeout=30)


def test_a_failed_request_is_logged_and_the_worker_goes_on(caplog):
    learner = HeldLearner()
    learner.release.set()
    queue = LearningQueue(learner)
    with caplog.at_level(logging.WARNING, logger="kiosk.app.learning_queue"):
        queue.put(request("boom"))
        queue.put(request("A"))
        assert queue.wait(timeout=30)
    assert learner.done == ["A"] and "could not learn from the check-in of boom: disk full" in caplog.text
    assert queue.close(timeout=30)


def test_close_finishes_what_waits_and_a_later_request_starts_the_worker_again():
    learner = HeldLearner()
    queue = LearningQueue(learner, name="learning-under-test")
    assert queue.close(timeout=1)  # never started: nothing to stop
    queue.put(request("A"))
    learner.release.set()
    assert queue.close(timeout=30) and learner.done == ["A"]
    assert not any(t.name == "learning-under-test" for t in threading.enumerate())
    queue.put(request("B"))
    assert queue.wait(timeout=30) and learner.done == ["A", "B"]
    assert queue.close(timeout=30)
