"""Vectorised 1:N search: every stored embedding of every person in one contiguous matrix,
one matrix product per query batch, the per-person maximum by `np.maximum.reduceat`.

A person's score is the max cosine over their templates (SPEC 2.5); the best person wins if the
score reaches the threshold, which is the masked threshold when the best template was masked."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kiosk.gallery.store import PersonRecord

UNKNOWN = "Not in Database"


@dataclass
class Candidate:
    user_id: str
    name: str
    score: float
    masked_template: bool
    template: str


@dataclass
class MatchResult:
    user_id: str | None
    name: str
    score: float
    accepted: bool
    masked_template: bool
    threshold: float
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "Present" if self.accepted else UNKNOWN

    def as_dict(self) -> dict:
        return {
            "user_id": self.user_id, "name": self.name if self.accepted else UNKNOWN,
            "status": self.status, "similarity": round(self.score, 4), "accepted": self.accepted,
            "masked_template": self.masked_template, "threshold": self.threshold,
            "candidates": [c.__dict__ | {"score": round(c.score, 4)} for c in self.candidates],
        }


class Matcher:
    """An immutable snapshot of the gallery for one embedder. Rebuild it after enrolments
    (cheap: one concatenate); readers on other threads keep their snapshot."""

    def __init__(self, records: list[PersonRecord], embedder: str, threshold: float,
                 masked_threshold: float | None = None, dtype=np.float32):
        self.embedder = embedder
        self.threshold = float(threshold)
        self.masked_threshold = float(masked_threshold if masked_threshold is not None else threshold)
        usable = [r for r in records if r.embedder == embedder]
        self.skipped = [r for r in records if r.embedder != embedder]
        self.people = [(r.user_id, r.name) for r in usable]
        blocks, masked, labels, starts = [], [], [], []
        offset = 0
        for record in usable:
            matrix, flags, names = record.templates()
            starts.append(offset)
            offset += len(matrix)
            blocks.append(matrix)
            masked.append(flags)
            labels.extend(names)
        dim = blocks[0].shape[1] if blocks else 0
        self.matrix = np.ascontiguousarray(np.concatenate(blocks) if blocks else np.zeros((0, dim)), dtype=dtype)
        self.masked = np.concatenate(masked) if masked else np.zeros(0, bool)
        self.labels = labels
        self.starts = np.asarray(starts, np.int64)
        self.owner = np.repeat(np.arange(len(usable)), np.diff(np.append(self.starts, offset))) if usable else np.zeros(0, np.int64)

    @classmethod
    def from_arrays(cls, matrix: np.ndarray, owner_sizes: np.ndarray, embedder: str, threshold: float,
                    masked: np.ndarray | None = None, masked_threshold: float | None = None) -> "Matcher":
        """A matcher over a ready matrix (benchmarks with synthetic galleries)."""
        self = cls([], embedder, threshold, masked_threshold)
        self.matrix = np.ascontiguousarray(matrix)
        sizes = np.asarray(owner_sizes, np.int64)
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.owner = np.repeat(np.arange(len(sizes)), sizes)
        self.people = [(f"P{i}", f"Person {i}") for i in range(len(sizes))]
        self.masked = masked if masked is not None else np.zeros(len(matrix), bool)
        self.labels = [""] * len(matrix)
        return self

    def __len__(self) -> int:
        return len(self.people)

    @property
    def dim(self) -> int:
        return self.matrix.shape[1] if self.matrix.ndim == 2 else 0

    def person_scores(self, queries: np.ndarray, chunk: int = 262144) -> tuple[np.ndarray, np.ndarray]:
        """(Q, P) best score per person and (Q, P) index of the template that gave it."""
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        if not self.people:
            return np.zeros((len(queries), 0), np.float32), np.zeros((len(queries), 0), np.int64)
        sizes = np.diff(np.append(self.starts, len(self.matrix)))
        if sizes.min() == sizes.max() > 0:
            return self._uniform_scores(queries, int(sizes[0]), chunk)
        if self.matrix.dtype == np.float32:
            sims = queries @ self.matrix.T
        else:  # half-precision storage: compute in float32 chunk by chunk
            sims = np.empty((len(queries), len(self.matrix)), np.float32)
            for s in range(0, len(self.matrix), chunk):
                sims[:, s:s + chunk] = queries @ self.matrix[s:s + chunk].astype(np.float32).T
        best = np.maximum.reduceat(sims, self.starts, axis=1)
        # Index of the best template per person: first column equal to the person's max.
        hit = sims == best[:, self.owner]
        first = np.where(hit, np.arange(sims.shape[1]), sims.shape[1])
        arg = np.minimum.reduceat(first, self.starts, axis=1)
        return best, arg

    def _uniform_scores(self, queries: np.ndarray, k: int, chunk: int) -> tuple[np.ndarray, np.ndarray]:
        """person_scores when every person has k templates (the usual 21): people in blocks of
        about `chunk` templates, each block's (Q, people, k) similarities reduced by one argmax and
        one gather, so temporaries stay small and no pass runs over the whole gallery twice."""
        people = len(self.people)
        best = np.empty((len(queries), people), np.float32)
        arg = np.empty((len(queries), people), np.int64)
        step = max(1, chunk // k)
        for p0 in range(0, people, step):
            p1 = min(people, p0 + step)
            block = self.matrix[p0 * k:p1 * k]
            if block.dtype != np.float32:  # half-precision storage: compute in float32
                block = block.astype(np.float32)
            sims = (queries @ block.T).reshape(len(queries), p1 - p0, k)
            top = sims.argmax(axis=2)
            best[:, p0:p1] = np.take_along_axis(sims, top[..., None], axis=2)[..., 0]
            arg[:, p0:p1] = top + np.arange(p0, p1) * k
        return best, arg

    def match(self, queries: np.ndarray, top_k: int = 3) -> list[MatchResult]:
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        if queries.shape[1] != self.dim and self.people:
            raise ValueError(f"query has {queries.shape[1]} dimensions, the gallery {self.dim}")
        best, arg = self.person_scores(queries)
        results = []
        for q in range(len(queries)):
            if best.shape[1] == 0:
                results.append(MatchResult(None, UNKNOWN, 0.0, False, False, self.threshold))
                continue
            k = min(top_k, best.shape[1])
            order = np.argpartition(-best[q], k - 1)[:k]
            order = order[np.argsort(-best[q, order])]
            candidates = [Candidate(self.people[p][0], self.people[p][1], float(best[q, p]),
                                    bool(self.masked[arg[q, p]]), self.labels[arg[q, p]]) for p in order]
            top = candidates[0]
            threshold = self.masked_threshold if top.masked_template else self.threshold
            accepted = top.score >= threshold
            results.append(MatchResult(top.user_id if accepted else None, top.name if accepted else UNKNOWN,
                                       top.score, accepted, top.masked_template, threshold, candidates))
        return results
