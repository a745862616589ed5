"""`kiosk evaluate --open-set`: every probe decided with the product's own code (Matcher.gated_scores,
DecisionRule.decide), and the outcomes counted per category."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kiosk.gallery.store import PersonRecord
from kiosk.recognition.decision import ACCEPTED, UNSURE, DecisionRule
from kiosk.recognition.matcher import Matcher
from kiosk.research.openset_embed import Embedded


@dataclass
class Scored:
    """Per probe: the best and second-best person's scores, whether the best is the probe's own
    person, the gate's mask label, and the probe's category."""

    best: np.ndarray
    second: np.ndarray
    correct: np.ndarray
    masked: np.ndarray
    category: np.ndarray  # "unmasked", "masked", or a stranger set's name
    found: np.ndarray  # a face was found (not found: unknown, never accepted)
    gallery_size: int

    @classmethod
    def concat(cls, parts: list["Scored"]) -> "Scored":
        """Several galleries' attempts as one set (their gallery sizes must not lift the rule:
        all at or below its reference size)."""
        fields = ("best", "second", "correct", "masked", "category", "found")
        joined = {f: np.concatenate([getattr(p, f) for p in parts]) for f in fields}
        return cls(**joined, gallery_size=max(p.gallery_size for p in parts))

    def take(self, rows: np.ndarray) -> "Scored":
        return Scored(self.best[rows], self.second[rows], self.correct[rows], self.masked[rows],
                      self.category[rows], self.found[rows], self.gallery_size)


def gallery_matcher(embedded: Embedded, people: list[str], gate_offset: float):
    """The kiosk's Matcher over these people's embedded templates (originals and masked)."""
    records = []
    for key in people:
        matrix, flags = embedded.templates[key]
        originals = matrix[~flags]
        masked = {1: {f"m{j}": v for j, v in enumerate(matrix[flags])}}
        records.append(PersonRecord(key, key, embedded.embedder, originals, masked, "", {}))
    return Matcher(records, embedded.embedder, 0.0, gate_offset=gate_offset)


def score(embedded: Embedded, gallery: list[str], probes: list[tuple[str | None, str, str]],
          gate_offset: float, fuse: int = 1) -> Scored:
    """Decide-ready scores of `probes` (owner key or None, file, category) against `gallery`.
    `fuse` > 1 averages consecutive probes of one owner and category (multi-frame)."""
    matcher = gallery_matcher(embedded, gallery, gate_offset)
    rows: list[tuple[str | None, str, np.ndarray | None]] = []
    if fuse > 1:
        groups: dict[tuple, list[np.ndarray]] = {}
        for owner, path, category in probes:
            vector = embedded.probes.get(path)
            if vector is not None:
                groups.setdefault((owner, category), []).append(vector)
        for (owner, category), vectors in groups.items():
            for s in range(0, len(vectors) - fuse + 1, fuse):
                mean = np.mean(vectors[s:s + fuse], axis=0)
                rows.append((owner, category, mean / np.linalg.norm(mean)))
    else:
        rows = [(owner, category, embedded.probes.get(path)) for owner, path, category in probes]
    n = len(rows)
    found = np.array([v is not None for _, _, v in rows], bool)
    dim = matcher.dim
    vectors = np.stack([v if v is not None else np.zeros(dim, np.float32) for _, _, v in rows]) if n else np.zeros((0, dim))
    flags = matcher.embedding_mask_flags(vectors) if n else np.zeros(0, bool)
    best_scores, _, _ = matcher.gated_scores(vectors, flags) if n else (np.zeros((0, len(gallery))), None, None)
    index = {key: i for i, key in enumerate(gallery)}
    if len(gallery) > 1:
        top2 = np.argpartition(-best_scores, 1, axis=1)[:, :2]
        pair = np.take_along_axis(best_scores, top2, axis=1)
        order = np.argsort(-pair, axis=1)
        top2 = np.take_along_axis(top2, order, axis=1)
        best, second = np.take_along_axis(best_scores, top2, axis=1).T
        winner = top2[:, 0]
    else:
        best, second = best_scores[:, 0], np.full(n, -np.inf)
        winner = np.zeros(n, np.int64)
    owners = np.array([index.get(owner, -1) if owner is not None else -1 for owner, _, _ in rows])
    correct = (owners >= 0) & (winner == owners)
    best = np.where(found, best, -np.inf)
    category = np.array([c for _, c, _ in rows], dtype=object)
    return Scored(best.astype(np.float64), second.astype(np.float64), correct, flags, category, found, len(gallery))


def outcomes(s: Scored, rule: DecisionRule) -> dict[str, dict]:
    """Counts per category: right / wrong / unsure / unknown (enrolled) or accepted (strangers)."""
    decision = rule.decide(s.best, s.second, s.masked, s.gallery_size)
    out = {}
    for category in sorted(set(s.category), key=str):
        rows = s.category == category
        d, c = decision[rows], s.correct[rows]
        n = int(rows.sum())
        if category in ("unmasked", "masked"):
            out[category] = {"attempts": n, "right": int(((d == ACCEPTED) & c).sum()),
                             "wrong": int(((d == ACCEPTED) & ~c).sum()), "unsure": int((d == UNSURE).sum()),
                             "unknown": int((d == "unknown").sum()), "no_face": int((~s.found[rows]).sum()),
                             "rank1": int(c.sum())}
        else:
            out[category] = {"attempts": n, "accepted": int((d == ACCEPTED).sum()),
                             "unsure": int((d == UNSURE).sum())}
    return out
