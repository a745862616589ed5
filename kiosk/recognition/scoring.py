"""From template similarities to person scores, and the score normalisations measured for masked
faces (docs/evaluation/README.md). Pure numpy; no vision, no Qt.

A gallery is a (T, D) matrix of unit vectors; `owner[t]` is the person of template t, `starts`
the first row of each person (rows are grouped by person), `masked[t]` whether template t is a
synthetic masked rendering. Every function takes the (Q, T) cosine similarities of Q queries.

Options (a `Scoring`):
- `masked_offset`: subtract a constant from the similarities of masked templates before the max
  over a person's templates (weights originals over masked renderings).
- `norm="cohort"`: subtract from each person's score the mean of the query's top-k scores
  against *other* enrolled people (the query's own impostor level; an adaptive s-norm).
- `norm="znorm"`: per template, (s - mu_t) / sd_t where mu_t, sd_t are that template's
  similarities to other people's templates (computed once when the gallery is built).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NORMS = ("none", "cohort", "znorm")


@dataclass(frozen=True)
class Scoring:
    norm: str = "none"
    masked_offset: float = 0.0
    cohort_k: int = 5

    def __post_init__(self):
        if self.norm not in NORMS:
            raise ValueError(f"unknown score normalisation {self.norm!r}; choose from {', '.join(NORMS)}")

    @property
    def is_plain(self) -> bool:
        return self.norm == "none" and self.masked_offset == 0.0

    def describe(self) -> str:
        parts = ["max-cosine"]
        if self.masked_offset:
            parts.append(f"masked templates -{self.masked_offset:g}")
        if self.norm == "cohort":
            parts.append(f"cohort top-{self.cohort_k} normalised")
        elif self.norm == "znorm":
            parts.append("z-normalised per template")
        return ", ".join(parts)


def similarities(queries: np.ndarray, templates: np.ndarray) -> np.ndarray:
    """(Q, T) cosine of each query row with each template row (both unit length).

    Computed as templates @ queries.T: OpenBLAS packs the whole gallery for a few query rows
    the other way round (4 queries x 21,000 templates: 2.2 ms against 0.7 ms here; one query
    is the same either way), and a door with several faces matches them together."""
    return np.ascontiguousarray((templates @ queries.T).T)


def person_max(sims: np.ndarray, starts: np.ndarray, owner: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
    """(Q, P) best similarity per person and (Q, P) index of the template that gave it.
    Person p's templates are the columns from starts[p] to starts[p + 1]; `owner` (the person of
    each column) is derived from `starts` when not given."""
    sims = np.atleast_2d(sims)
    if sims.shape[1] == 0:
        shape = (sims.shape[0], 0)
        return np.zeros(shape, np.float32), np.zeros(shape, np.int64)
    if owner is None:
        owner = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, sims.shape[1])))
    best = np.maximum.reduceat(sims, starts, axis=1)
    hit = sims == best[:, owner]
    first = np.where(hit, np.arange(sims.shape[1]), sims.shape[1])
    return best, np.minimum.reduceat(first, starts, axis=1)


def znorm_stats(matrix: np.ndarray, owner: np.ndarray, min_cohort: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Per template: mean and standard deviation of its similarities to other people's templates.
    With too few other templates (a gallery of one person) the identity transform is returned."""
    matrix = np.asarray(matrix, np.float32)
    n = len(matrix)
    mu, sd = np.zeros(n, np.float32), np.ones(n, np.float32)
    if n == 0:
        return mu, sd
    sims = matrix @ matrix.T
    other = owner[None, :] != owner[:, None]
    counts = other.sum(1)
    ok = counts >= min_cohort
    if not ok.any():
        return mu, sd
    masked_sims = np.where(other, sims, 0.0)
    mean = masked_sims.sum(1) / np.maximum(counts, 1)
    var = np.where(other, (sims - mean[:, None]) ** 2, 0.0).sum(1) / np.maximum(counts, 1)
    mu[ok] = mean[ok]
    # Scale by the spread but keep the units of a cosine: divide by sd relative to its median,
    # so one threshold still reads like a similarity.
    spread = np.sqrt(np.maximum(var, 1e-8))
    sd[ok] = spread[ok] / float(np.median(spread[ok]))
    return mu, sd


def cohort_normalise(best: np.ndarray, k: int) -> np.ndarray:
    """best[q, p] minus the mean of the query's top-k scores against people other than p. With
    fewer than two people there is no cohort and scores are returned unchanged."""
    best = np.asarray(best, np.float32)
    q, p = best.shape
    if p < 2:
        return best.copy()
    k = max(1, min(k, p - 1))
    order = np.argsort(-best, axis=1)[:, : k + 1]
    top = np.take_along_axis(best, order, axis=1)
    sum_k = top[:, :k].sum(1)
    sum_k1 = top.sum(1) if top.shape[1] > k else sum_k
    cohort = np.repeat((sum_k / k)[:, None], p, axis=1)
    in_top = np.zeros_like(best, bool)
    np.put_along_axis(in_top, order[:, :k], True, axis=1)
    # A person inside the top k is replaced by the (k+1)-th in their own cohort.
    cohort = np.where(in_top, (sum_k1[:, None] - best) / k, cohort)
    return best - cohort


def score_people(sims: np.ndarray, starts: np.ndarray, owner: np.ndarray, masked: np.ndarray,
                 scoring: Scoring = Scoring(), stats: tuple[np.ndarray, np.ndarray] | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(Q, P) person scores under `scoring` and (Q, P) index of the deciding template."""
    sims = np.atleast_2d(np.asarray(sims, np.float32))
    if scoring.norm == "znorm":
        if stats is None:
            raise ValueError("z-normalisation needs the gallery's template statistics (znorm_stats)")
        sims = (sims - stats[0][None, :]) / stats[1][None, :]
    if scoring.masked_offset:
        sims = sims - scoring.masked_offset * np.asarray(masked, np.float32)[None, :]
    best, arg = person_max(sims, starts, owner)
    if scoring.norm == "cohort":
        best = cohort_normalise(best, scoring.cohort_k)
    return best, arg
