"""`kiosk evaluate`'s galleries in score form: every probe against every enrolled person (max-cosine
as the Matcher scores, the SVM, the periocular gallery), optionally fused over several frames."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from kiosk.recognition.matcher import Matcher
from kiosk.recognition.scoring import Scoring, score_people, znorm_stats
from kiosk.research.eval_embeddings import EmbeddingCache, Gallery
from kiosk.research.eval_metrics import ScoreSet


class GalleryIndex:
    """The stacked templates of a gallery variant, in the layout of Matcher, plus the statistics
    the score normalisations need."""

    def __init__(self, records: list, embedder: str):
        self.matcher = Matcher(records, embedder, threshold=0.0)
        self.matrix = self.matcher.matrix
        self.owner, self.starts, self.masked = self.matcher.owner, self.matcher.starts, self.matcher.masked
        self._znorm = None

    @property
    def znorm(self):
        if self._znorm is None:
            self._znorm = znorm_stats(self.matrix, self.owner)
        return self._znorm

    def score(self, queries: np.ndarray, scoring: Scoring = Scoring()) -> tuple[np.ndarray, np.ndarray]:
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        sims = queries @ self.matrix.T
        best, arg = score_people(sims, self.starts, self.owner, self.masked, scoring,
                                 self.znorm if scoring.norm == "znorm" else None)
        return best, self.masked[arg] if self.masked.size else np.zeros(best.shape, bool)


def fuse_groups(vectors: list[np.ndarray | None], owners: list[str], size: int) -> tuple[list, list]:
    """Multi-frame fusion: consecutive probes of one person averaged in groups of `size`."""
    if size <= 1:
        return vectors, owners
    fused, fused_owner = [], []
    by_person: dict[str, list[np.ndarray]] = {}
    order: list[str] = []
    for v, o in zip(vectors, owners):
        if o not in by_person:
            by_person[o] = []
            order.append(o)
        if v is not None:
            by_person[o].append(v)
    for person in order:
        rows = by_person[person]
        for start in range(0, len(rows), size):
            group = np.mean(rows[start:start + size], axis=0)
            fused.append(group / max(float(np.linalg.norm(group)), 1e-12))
            fused_owner.append(person)
    return fused, fused_owner


def score_set(index, people: list[str], probes: list[tuple[str, Path]], impostors: list[tuple[str, Path]],
              cache: EmbeddingCache, view: str, scoring: Scoring = Scoring(), fuse: int = 1,
              upper_index=None, upper_weight: float = 0.0) -> ScoreSet:
    """Scores of every probe (genuine, then impostor) against one gallery."""
    position = {p: i for i, p in enumerate(people)}
    blocks, truths, flags = [], [], []
    missing = []
    for rows, is_genuine in ((probes, True), (impostors, False)):
        vectors = [cache.get(path, view) for _, path in rows]
        owners = [person for person, _ in rows]
        missing.append(sum(v is None for v in vectors))
        extra = None
        if upper_index is not None:
            upper_view = view + "_upper"
            extra = [cache.get(path, upper_view) for _, path in rows]
            keep = [a is not None and b is not None for a, b in zip(vectors, extra)]
            missing[-1] = len(rows) - sum(keep)
            vectors = [v for v, k in zip(vectors, keep) if k]
            extra = [e for e, k in zip(extra, keep) if k]
            owners = [o for o, k in zip(owners, keep) if k]
        else:
            keep = [v is not None for v in vectors]
            vectors = [v for v in vectors if v is not None]
            owners = [o for o, k in zip(owners, keep) if k]
        if fuse > 1:
            if extra is not None:
                extra, _ = fuse_groups(extra, owners, fuse)
            vectors, owners = fuse_groups(vectors, owners, fuse)
        if not vectors:
            continue
        scores, masked_win = index.score(np.stack(vectors), scoring)
        if upper_index is not None and upper_weight:
            upper_scores, _ = upper_index.score(np.stack(extra), scoring)
            scores = (1 - upper_weight) * scores + upper_weight * upper_scores
        blocks.append(scores)
        flags.append(masked_win)
        truths.append(np.array([position[o] if is_genuine else -1 for o in owners], np.int64))
    p = len(people)
    return ScoreSet(np.concatenate(blocks) if blocks else np.zeros((0, p), np.float32),
                    np.concatenate(truths) if truths else np.zeros(0, np.int64),
                    np.concatenate(flags) if flags else np.zeros((0, p), bool),
                    missing[0], missing[1])


class SvmIndex:
    def __init__(self, model):
        self.model = model

    def score(self, queries, scoring=None):
        proba, _ = self.model.person_scores(queries)
        return proba, np.zeros(proba.shape, bool)


class UpperIndex:
    """Periocular gallery: the originals with the lower face blanked."""

    def __init__(self, gallery: Gallery):
        rows, owner = [], []
        for i, person in enumerate(gallery.people):
            vectors = gallery.upper.get(person, np.zeros((0, 1), np.float32))
            rows.append(vectors)
            owner.extend([i] * len(vectors))
        self.matrix = np.concatenate(rows).astype(np.float32)
        self.owner = np.asarray(owner)
        sizes = np.bincount(self.owner, minlength=len(gallery.people))
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.masked = np.zeros(len(self.matrix), bool)
        self._z = None

    def score(self, queries, scoring: Scoring = Scoring()):
        if scoring.norm == "znorm" and self._z is None:
            self._z = znorm_stats(self.matrix, self.owner)
        sims = np.atleast_2d(queries) @ self.matrix.T
        best, _ = score_people(sims, self.starts, self.owner, self.masked, scoring, self._z)
        return best, np.zeros(best.shape, bool)
