"""When may a face teach the gallery a person's real mask? The anti-poisoning rule.

Someone who knows a colleague's PIN must not teach the kiosk his own face as the colleague's:
a learned template is matched as that colleague from then on. So a face is learned for the
claimed person only when all of these hold (docs/evaluation/learned_masks.md):
1. it is masked (the gate's label): an unmasked face has the originals already;
2. liveness did not fail (a photo or a screen held up is never learned);
3. its score against the claimed person's own templates reaches `floor` (a similarity floor
   calibrated so that another person's masked face rarely reaches it);
4. no other enrolled person scores within `lead` of the claimed one (an impostor is an
   employee too: his masked face is usually closer to himself than to his victim);
5. limits: at most one new template per person per `min_interval_s`, a handful per person
   (kiosk.gallery.learned, oldest replaced).
Then: a PIN check-in's face always waits in HR's approval queue (pending, never matched until
HR has compared it with the person's enrolment photos), live or not: the PIN is the only proof
of who it is, and a colleague who knows it is live too. Of 43,419 stolen-PIN attempts on the
real masked photos, 37 passed conditions 1-4 (docs/evaluation/learned_masks.md): only a person
can turn those away. A face check-in's refresh (the face recognised at the door, confidently)
is used at once when the face is live; without liveness nothing is learned from it (the face
was recognised already, and HR is not asked every day).
Scores are the door's own (Matcher.gated_scores for a masked face). Pure Python, no Qt."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

LEARN, PENDING, REFUSED = "learned", "pending", "refused"
SOURCE_PIN, SOURCE_FACE = "pin", "face"


@dataclass(frozen=True)
class LearnRule:
    # Gated scores (masked face: synthetic masked templates lowered by the gate offset, learned
    # ones not). Calibrated by benchmarks/learned_masks.py on rmfrd_calib + rmfrd + webcam.
    floor: float = 0.30
    lead: float = 0.05
    min_interval_s: float = 12 * 3600


@dataclass(frozen=True)
class LearnDecision:
    action: str  # LEARN / PENDING / REFUSED
    reason: str
    own: float = float("nan")  # score against the claimed person
    other: float = float("nan")  # best score against anyone else
    other_id: str | None = None

    @property
    def stored(self) -> bool:
        return self.action in (LEARN, PENDING)


def judge(matcher, claimed_id: str, embedding: np.ndarray, *, masked: bool, live: bool | None,
          source: str, rule: LearnRule = LearnRule(), last_learned: datetime | None = None,
          now: datetime | None = None) -> LearnDecision:
    """Whether `embedding` (one face) may become a learned template of `claimed_id`."""
    if not masked:
        return LearnDecision(REFUSED, "the face is not masked: nothing to learn")
    if live is False:
        return LearnDecision(REFUSED, "the liveness check failed")
    ids = [uid for uid, _ in matcher.people]
    if claimed_id not in ids:
        return LearnDecision(REFUSED, f"{claimed_id} is not in the gallery of this model")
    if last_learned is not None and ((now or datetime.now()) - last_learned).total_seconds() < rule.min_interval_s:
        return LearnDecision(REFUSED, "a template was learned for this person recently")
    scores = matcher.gated_scores(np.atleast_2d(embedding), np.array([True]))[0][0]
    me = ids.index(claimed_id)
    own = float(scores[me])
    others = np.delete(scores, me)
    other = float(others.max()) if len(others) else float("-inf")
    other_id = ids[int(np.argmax(np.where(np.arange(len(ids)) == me, -np.inf, scores)))] if len(others) else None
    facts: dict[str, Any] = dict(own=own, other=other, other_id=other_id)
    if own < rule.floor:
        return LearnDecision(REFUSED, f"too far from {claimed_id}'s own templates ({own:.2f} < {rule.floor:.2f})", **facts)
    if own < other + rule.lead:
        return LearnDecision(REFUSED, f"as close to another person ({other_id}: {other:.2f}) as to "
                                      f"{claimed_id} ({own:.2f})", **facts)
    if source == SOURCE_PIN:
        return LearnDecision(PENDING, "a PIN check-in: waiting for HR approval", **facts)
    if live:
        return LearnDecision(LEARN, "live, masked and recognised as the claimed person", **facts)
    return LearnDecision(REFUSED, "a face check-in refreshes a template only when liveness is on", **facts)
