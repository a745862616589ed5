"""The open-set decision: the right person, or nobody.

In a 1:N search every enrolled person is one more chance for an impostor to score over a fixed
threshold, and look-alike colleagues score close to each other. So a face is named only when
1. its best person's score reaches the threshold for the gallery's size (the threshold grows
   with the number of people, from the embedder's impostor score spread: see `threshold_for`),
2. the best person leads the second-best by a margin (two people nearly tied is a guess), and
3. for a masked face, a stricter threshold and margin apply (half the face is hidden).
A face that clears the threshold but not the margin is "unsure": the kiosk asks the person to
look at the camera again rather than naming anyone. Calibrated by `kiosk evaluate --open-set`
(docs/evaluation/openset.md). Pure Python: the matcher, the live path and the evaluation all
decide with this one rule."""
from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import NormalDist
from typing import Any

import numpy as np

ACCEPTED = "accepted"
UNSURE = "unsure"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class DecisionRule:
    threshold: float  # unmasked faces, at `reference_size` people
    margin: float = 0.0  # best minus second-best person, unmasked faces
    masked_threshold: float | None = None  # masked faces (gated), at `reference_size` people
    masked_margin: float | None = None
    # The gallery size the thresholds were calibrated at; larger galleries raise them by the
    # growth of the impostor maximum (a Gaussian tail with the embedder's per-person impostor
    # score spread `impostor_sd`), so the false-accept rate per attempt stays at its calibrated
    # level. Smaller galleries keep the calibrated thresholds (never lowered: safer).
    reference_size: int = 0
    impostor_sd: float = 0.0
    target_rate: float = 1e-3

    @property
    def masked(self) -> tuple[float, float]:
        t = self.threshold if self.masked_threshold is None else self.masked_threshold
        m = self.margin if self.masked_margin is None else self.masked_margin
        return t, m

    def size_offset(self, gallery_size: int) -> float:
        """How much both thresholds rise for a gallery of `gallery_size` people."""
        if not self.impostor_sd or not self.reference_size or gallery_size <= self.reference_size:
            return 0.0
        z = NormalDist().inv_cdf
        grow = z(1 - self.target_rate / gallery_size) - z(1 - self.target_rate / self.reference_size)
        return float(self.impostor_sd * grow)

    def threshold_for(self, gallery_size: int, masked: bool = False) -> float:
        base = self.masked[0] if masked else self.threshold
        return base + self.size_offset(gallery_size)

    def with_thresholds(self, threshold: float | None = None, masked_threshold: float | None = None) -> "DecisionRule":
        """The same rule with the given thresholds (settings override the calibrated ones)."""
        changes: dict[str, Any] = {}
        if threshold is not None:
            changes["threshold"] = float(threshold)
        if masked_threshold is not None:
            changes["masked_threshold"] = float(masked_threshold)
        return replace(self, **changes) if changes else self

    def decide(self, best: np.ndarray, second: np.ndarray, masked: np.ndarray | None,
               gallery_size: int) -> np.ndarray:
        """One of ACCEPTED / UNSURE / UNKNOWN per query. `best`, `second`: the best and
        second-best person's scores (second is -inf with one person enrolled); `masked`: the
        gate's label per query (None: all unmasked)."""
        best = np.asarray(best, np.float64)
        second = np.asarray(second, np.float64)
        masked = np.zeros(best.shape, bool) if masked is None else np.asarray(masked, bool)
        lift = self.size_offset(gallery_size)
        tm, mm = self.masked
        threshold = np.where(masked, tm, self.threshold) + lift
        margin = np.where(masked, mm, self.margin)
        over = best >= threshold
        clear = (best - second) >= margin
        return np.where(over & clear, ACCEPTED, np.where(over, UNSURE, UNKNOWN))

    def describe(self) -> str:
        tm, mm = self.masked
        text = f"unmasked: score >= {self.threshold:.3f} and lead >= {self.margin:.3f}; " \
               f"masked: score >= {tm:.3f} and lead >= {mm:.3f}"
        if self.impostor_sd and self.reference_size:
            text += f"; thresholds rise above {self.reference_size} people (impostor sd {self.impostor_sd:.3f})"
        return text
