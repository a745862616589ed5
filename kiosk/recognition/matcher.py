"""Vectorised 1:N search: every stored embedding of every person in one contiguous matrix,
one matrix product per query batch, the per-person maximum by `np.maximum.reduceat`.

A person's score is the max cosine over their templates (SPEC 2.5). Whether the best person is
named is the open-set rule's call (kiosk.recognition.decision): the score must reach the threshold
for the gallery's size (the masked threshold for a masked face) and lead the second-best person
by the rule's margin; a face over the threshold without that lead is "unsure".

Mask gating (`match(..., probe_masked=flags)`): a probe known to be unmasked is compared with the
original templates only, at the main threshold; a masked probe with the templates named by
`gate_templates` ("all", "masked" or "originals"), its masked templates' similarities lowered by
`gate_offset`, at `gate_threshold` (default: the masked threshold). Without flags (None) the
matcher behaves as above. Why: masked templates raise every masked impostor's score, and on real
masks a stranger's masked face matches someone's synthetic masked templates better than that
person's own masked face (docs/evaluation/README.md); unmasked probes never need them, masked
probes should lean on them only when they are far better than the originals."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kiosk.gallery.store import PersonRecord
from kiosk.recognition.decision import ACCEPTED, UNSURE, DecisionRule
from kiosk.recognition.scoring import person_max, similarities

# Subtracted from a learned real-mask template's similarity (kiosk.gallery.learned): one real
# masked photo also resembles other people's masked faces (the mask is a large part of it), so
# it must clear the masked threshold by this much more: the smallest offset with no wrong person
# on rmfrd_calib, rmfrd or webcam (benchmarks/learned_masks.py, docs/evaluation/learned_masks.md).
LEARNED_OFFSET = 0.20

UNKNOWN = "Not in Database"
NOT_SURE = "Not sure"


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
    probe_masked: bool | None = None  # the gate's label of the probe (None: not gated)
    decision: str = ""  # ACCEPTED / UNSURE / UNKNOWN (kiosk.recognition.decision)
    lead: float = float("inf")  # best minus second-best person's score
    margin: float = 0.0  # the lead the rule asked for

    @property
    def unsure(self) -> bool:
        """Over the threshold but too close to another person: ask again, name nobody."""
        return self.decision == UNSURE

    @property
    def status(self) -> str:
        return "Present" if self.accepted else NOT_SURE if self.unsure else UNKNOWN

    def as_dict(self) -> dict:
        return {
            "user_id": self.user_id, "name": self.name if self.accepted else UNKNOWN,
            "status": self.status, "similarity": round(self.score, 4), "accepted": self.accepted,
            "masked_template": self.masked_template, "threshold": round(self.threshold, 4),
            "decision": self.decision, "lead": None if self.lead == float("inf") else round(self.lead, 4),
            "margin": self.margin,
            "candidates": [c.__dict__ | {"score": round(c.score, 4)} for c in self.candidates],
        } | ({"probe_masked": self.probe_masked} if self.probe_masked is not None else {})


class Matcher:
    """An immutable snapshot of the gallery for one embedder. Rebuild it after enrolments
    (cheap: one concatenate); readers on other threads keep their snapshot."""

    GATE_TEMPLATES = ("all", "masked", "originals")

    def __init__(self, records: list[PersonRecord], embedder: str, threshold: float,
                 masked_threshold: float | None = None, dtype=np.float32, gate_templates: str = "all",
                 gate_offset: float = 0.0, gate_threshold: float | None = None,
                 rule: DecisionRule | None = None, learned_offset: float = LEARNED_OFFSET):
        if gate_templates not in self.GATE_TEMPLATES:
            raise ValueError(f"gate_templates must be one of {self.GATE_TEMPLATES}")
        self.gate_templates = gate_templates
        self.gate_offset = float(gate_offset)
        self.learned_offset = float(learned_offset)
        self.gate_threshold = gate_threshold
        self.embedder = embedder
        self.threshold = float(threshold)
        self.masked_threshold = float(masked_threshold if masked_threshold is not None else threshold)
        # Without a rule: a plain threshold (no margin), as the SPEC describes.
        self.rule = rule or DecisionRule(self.threshold, 0.0, self.masked_threshold, 0.0)
        usable = [r for r in records if r.embedder == embedder]
        self.skipped = [r for r in records if r.embedder != embedder]
        if usable:  # one person stored at another size must not stop everyone (most common size wins)
            sizes = [r.originals.shape[1] for r in usable]
            common = max(set(sizes), key=sizes.count)
            self.skipped += [r for r in usable if r.originals.shape[1] != common]
            usable = [r for r in usable if r.originals.shape[1] == common]
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
        # Learned real-mask templates (kiosk.gallery.learned) are masked templates, but real ones:
        # they take the learned offset instead of the gate offset that holds back the synthetic
        # masks, and the mask direction stays the synthetic masks' (as calibrated).
        self.learned = np.array([label.startswith("learned/") for label in labels], bool)
        self.offset_rows = self.masked & ~self.learned  # the templates the gate offset lowers
        self.starts = np.asarray(starts, np.int64)
        self.owner = np.repeat(np.arange(len(usable)), np.diff(np.append(self.starts, offset))) if usable else np.zeros(0, np.int64)

    @classmethod
    def from_arrays(cls, matrix: np.ndarray, owner_sizes: np.ndarray, embedder: str, threshold: float,
                    masked: np.ndarray | None = None, masked_threshold: float | None = None) -> "Matcher":
        """A matcher over a ready matrix (benchmarks with synthetic galleries)."""
        self = cls([], embedder, threshold, masked_threshold, learned_offset=0.0)
        self.matrix = np.ascontiguousarray(matrix)
        sizes = np.asarray(owner_sizes, np.int64)
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.owner = np.repeat(np.arange(len(sizes)), sizes)
        self.people = [(f"P{i}", f"Person {i}") for i in range(len(sizes))]
        self.masked = masked if masked is not None else np.zeros(len(matrix), bool)
        self.labels = [""] * len(matrix)
        self.learned = np.zeros(len(matrix), bool)
        self.offset_rows = self.masked
        return self

    def embedding_mask_flags(self, queries: np.ndarray) -> np.ndarray:
        """A cheap mask label from the embedding alone (no image needed): the projection on the
        gallery's own mask direction (mean of the masked templates minus mean of the originals),
        split at the midpoint of the two template classes. All False without masked templates."""
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        if getattr(self, "_mask_axis", None) is None:
            synthetic = self.offset_rows  # learned real masks do not move the calibrated axis
            if not synthetic.any() or self.masked.all():
                self._mask_axis = (None, 0.0)
            else:
                m = self.matrix[synthetic].astype(np.float32).mean(axis=0)
                o = self.matrix[~self.masked].astype(np.float32).mean(axis=0)
                axis = (m - o) / max(float(np.linalg.norm(m - o)), 1e-12)
                self._mask_axis = (axis, float((m + o) @ axis) / 2.0)
        axis, bias = self._mask_axis
        if axis is None:
            return np.zeros(len(queries), bool)
        return queries @ axis >= bias

    def __len__(self) -> int:
        return len(self.people)

    @property
    def dim(self) -> int:
        return self.matrix.shape[1] if self.matrix.ndim == 2 else 0

    def allowed_templates(self, kind: str) -> np.ndarray:
        """(T,) templates a gated probe may use: kind "all", "originals" or "masked". A person
        without any template of the kind keeps all of theirs (nobody drops out of the search)."""
        if kind == "all" or not len(self.matrix):
            return np.ones(len(self.matrix), bool)
        wanted = self.masked if kind == "masked" else ~self.masked
        has = np.add.reduceat(wanted.astype(np.int64), self.starts) > 0 if len(self.starts) else np.zeros(0, bool)
        return wanted | ~has[self.owner]

    # From this many people on, a query is first scored against each person's mean template and
    # only the best `shortlist_size()` people are searched exactly (a 100k x 21 gallery is 1 GB:
    # reading it all for every query is bound by memory bandwidth, ~80 ms here).
    SHORTLIST_FROM_PEOPLE = 20_000

    def shortlist_size(self) -> int:
        people = len(self.people)
        return max(256, people // 50) if people >= self.SHORTLIST_FROM_PEOPLE else 0

    def person_scores(self, queries: np.ndarray, chunk: int = 262144, allowed: np.ndarray | None = None,
                      masked_offset: float = 0.0, shortlist: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(Q, P) best score per person and (Q, P) index of the template that gave it.
        `allowed` (T,) restricts the search to some templates (every person keeps at least one);
        `masked_offset` is subtracted from the synthetic masked templates' similarities and
        `learned_offset` from the learned ones'. `shortlist`
        (default: shortlist_size()) > 0 searches only that many people per query exactly, those
        whose mean template is most similar; the others score -inf (not searched). The best
        person is the exact search's whenever their templates look alike, as a person's do;
        runners-up with one lucky template may be missed."""
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        if not self.people:
            return np.zeros((len(queries), 0), np.float32), np.zeros((len(queries), 0), np.int64)
        sizes = np.diff(np.append(self.starts, len(self.matrix)))
        if allowed is not None and allowed.all():
            allowed = None
        penalty = self._penalty(masked_offset)
        shortlist = self.shortlist_size() if shortlist is None else shortlist
        if 0 < shortlist < len(self.people):
            return self._shortlisted_scores(queries, sizes, shortlist, allowed, penalty)
        if sizes.min() == sizes.max() > 0:
            return self._uniform_scores(queries, int(sizes[0]), chunk, allowed, penalty)
        if self.matrix.dtype == np.float32:
            sims = similarities(queries, self.matrix)
        else:  # half-precision storage: compute in float32 chunk by chunk
            sims = np.empty((len(queries), len(self.matrix)), np.float32)
            for s in range(0, len(self.matrix), chunk):
                sims[:, s:s + chunk] = similarities(queries, self.matrix[s:s + chunk].astype(np.float32))
        sims = self._adjust(sims, penalty, allowed)
        return person_max(sims, self.starts, self.owner)

    def _penalty(self, masked_offset: float) -> np.ndarray | None:
        """(T,) what is subtracted from each template's similarity, or None when nothing is
        (cached per offset: the snapshot never changes)."""
        cache = self.__dict__.setdefault("_penalties", {})
        if masked_offset not in cache:
            penalty = masked_offset * self.offset_rows + self.learned_offset * self.learned
            cache[masked_offset] = penalty.astype(np.float32) if penalty.any() else None
        return cache[masked_offset]

    @staticmethod
    def _adjust(sims: np.ndarray, penalty: np.ndarray | None, allowed: np.ndarray | None) -> np.ndarray:
        """Similarities lowered by each template's penalty and disallowed ones at -inf."""
        if penalty is not None:
            sims = sims - penalty
        if allowed is not None:
            sims = np.where(allowed, sims, -np.inf)
        return sims

    def _person_means(self) -> np.ndarray:
        if getattr(self, "_means", None) is None:
            sizes = np.diff(np.append(self.starts, len(self.matrix)))
            sums = np.add.reduceat(self.matrix, self.starts, axis=0, dtype=np.float32)
            self._means = np.ascontiguousarray(sums / sizes[:, None], dtype=np.float32)
        return self._means

    def _shortlisted_scores(self, queries: np.ndarray, sizes: np.ndarray, size: int,
                            allowed: np.ndarray | None, penalty: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        coarse = queries @ self._person_means().T
        best = np.full(coarse.shape, -np.inf, np.float32)
        arg = np.broadcast_to(self.starts, coarse.shape).copy()
        for q, query in enumerate(queries):
            people = np.argpartition(-coarse[q], size - 1)[:size]
            seg = sizes[people]
            offsets = np.concatenate([[0], np.cumsum(seg)[:-1]])
            rows = np.repeat(self.starts[people] - offsets, seg) + np.arange(int(seg.sum()))
            sims = self.matrix[rows].astype(np.float32, copy=False) @ query
            sims = self._adjust(sims, None if penalty is None else penalty[rows],
                                None if allowed is None else allowed[rows])
            top, first = person_max(sims[None, :], offsets)
            best[q, people], arg[q, people] = top[0], rows[first[0]]
        return best, arg

    def _uniform_scores(self, queries: np.ndarray, k: int, chunk: int,
                        allowed: np.ndarray | None = None, penalty: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
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
            sims = similarities(queries, block).reshape(len(queries), p1 - p0, k)
            sims = self._adjust(sims, None if penalty is None else penalty[p0 * k:p1 * k].reshape(p1 - p0, k),
                                None if allowed is None else allowed[p0 * k:p1 * k].reshape(p1 - p0, k))
            top = sims.argmax(axis=2)
            best[:, p0:p1] = np.take_along_axis(sims, top[..., None], axis=2)[..., 0]
            arg[:, p0:p1] = top + np.arange(p0, p1) * k
        return best, arg

    def gated_scores(self, queries: np.ndarray, probe_masked: np.ndarray | None = None,
                     gate_offset: float | None = None, *, without_learned: bool = False) -> tuple[np.ndarray, np.ndarray, list]:
        """(Q, P) person scores and template indices as the decision sees them, and the gate
        flag per row (None when not gated): unmasked rows against the originals, masked rows
        against `gate_templates` with masked templates lowered by the gate offset.
        `without_learned` leaves the learned templates out (the second opinion in `match`)."""
        offset = self.gate_offset if gate_offset is None else float(gate_offset)
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        if queries.shape[1] != self.dim and self.people:
            raise ValueError(f"query has {queries.shape[1]} dimensions, the gallery {self.dim}")
        skip = self.learned if without_learned and self.learned.any() else None
        if probe_masked is None:
            best, arg = self.person_scores(queries, allowed=None if skip is None else ~skip)
            return best, arg, [None] * len(queries)
        flags = [bool(v) for v in np.asarray(probe_masked, bool).reshape(-1)]
        if len(flags) != len(queries):
            raise ValueError(f"{len(flags)} probe_masked flags for {len(queries)} queries")
        people = len(self.people)
        best = np.zeros((len(queries), people), np.float32)
        arg = np.zeros((len(queries), people), np.int64)
        mask = np.asarray(flags, bool)
        for rows, kind in ((~mask, "originals"), (mask, self.gate_templates)):
            if rows.any():
                allowed = self.allowed_templates(kind) if skip is None else self.allowed_templates(kind) & ~skip
                best[rows], arg[rows] = self.person_scores(queries[rows], allowed=allowed,
                                                           masked_offset=offset if kind != "originals" else 0.0)
        return best, arg, flags

    def match(self, queries: np.ndarray, top_k: int = 3, probe_masked: np.ndarray | None = None, *,
              gate_offset: float | None = None, gate_threshold: float | None = None,
              rule: DecisionRule | None = None) -> list[MatchResult]:
        """The best person per query row, named only when the decision rule accepts it.
        `rule`: the rule of the path that made the queries (camera frames through the fast live
        detector have their own, kiosk.app.from_settings.live_decision_rule); default the
        matcher's. `probe_masked` (one bool per row, or None) gates the search (see
        `gated_scores`); a gated masked row is held to the rule's masked threshold
        (`gate_threshold` overrides it, default: the matcher's gate threshold for the matcher's
        own rule, a given rule's own masked threshold), an ungated row to the masked threshold
        when its best template was masked. A gated score is the decision score (after the offset)."""
        if rule is None:
            rule = self.rule
            masked_limit = gate_threshold if gate_threshold is not None else self.gate_threshold
        else:
            masked_limit = gate_threshold
        if probe_masked is not None and masked_limit is not None:
            rule = rule.with_thresholds(masked_threshold=masked_limit)
        best, arg, flags = self.gated_scores(queries, probe_masked, gate_offset)
        # A name that rests on a learned real-mask template needs a second opinion: the same
        # person ranked first without the learned templates. One real masked photo also
        # resembles other people's masked faces; alone it named wrong people (learned_masks.md).
        second_opinion = None
        tops = arg[np.arange(len(arg)), best.argmax(axis=1)] if best.size else np.zeros(0, np.int64)
        if self.learned.any() and self.learned[tops].any():
            second_opinion = self.gated_scores(queries, probe_masked, gate_offset, without_learned=True)[0].argmax(axis=1)
        results = []
        people = best.shape[1]
        for q in range(best.shape[0]):
            if people == 0:
                results.append(MatchResult(None, UNKNOWN, 0.0, False, False, rule.threshold,
                                           probe_masked=flags[q], decision="unknown"))
                continue
            k = min(max(top_k, 2), people)
            order = np.argpartition(-best[q], k - 1)[:k]
            order = order[np.argsort(-best[q, order])]
            candidates = [Candidate(self.people[p][0], self.people[p][1], float(best[q, p]),
                                    bool(self.masked[arg[q, p]]), self.labels[arg[q, p]]) for p in order]
            top = candidates[0]
            second = candidates[1].score if len(candidates) > 1 else float("-inf")
            masked = top.masked_template if flags[q] is None else flags[q]
            decision = str(rule.decide(np.array([top.score]), np.array([second]), np.array([masked]), people)[0])
            if (decision == ACCEPTED and second_opinion is not None and self.learned[arg[q, order[0]]]
                    and second_opinion[q] != order[0]):
                decision = UNSURE
            accepted = decision == ACCEPTED
            results.append(MatchResult(
                top.user_id if accepted else None, top.name if accepted else UNKNOWN, top.score, accepted,
                top.masked_template, rule.threshold_for(people, masked), candidates[:top_k],
                probe_masked=flags[q], decision=decision, lead=top.score - second,
                margin=rule.masked[1] if masked else rule.margin))
        return results
