"""Site self-check: how safe is this site's own gallery at its current decision rule?

Each enrolled person's original photos (their stored unmasked templates) are matched, as the
kiosk would match a stranger, against everyone else: the person's own templates are left out.
A photo the rule would then accept names the wrong person if that person came to the door, so
it is a measured false-accept risk of this very gallery; the closest pairs of people are the
look-alikes HR should know about. The suggested thresholds put every such photo below the
threshold (or inside the margin) with a safety step, never below the calibrated rule.
Used by `kiosk calibrate`, the HR statistics screen and the enrolment duplicate check."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from kiosk.recognition.decision import ACCEPTED, UNSURE, DecisionRule
from kiosk.recognition.matcher import Matcher

SAFETY = 0.02  # suggested thresholds sit this far above the highest look-alike score


@dataclass
class LookAlike:
    user_id: str
    name: str
    other_id: str
    other_name: str
    score: float


@dataclass
class SiteCheck:
    people: int
    photos: int
    rule: str
    accepted_as_other: int  # photos the rule would accept as another person
    unsure: int  # photos the rule would call "not sure"
    highest_impostor: float  # the best score of any photo against another person
    pairs: list[LookAlike] = field(default_factory=list)
    suggested_threshold: float | None = None
    suggested_margin: float | None = None

    @property
    def risk(self) -> float:
        """Share of enrolled photos the rule would accept as somebody else."""
        return self.accepted_as_other / self.photos if self.photos else 0.0

    def as_dict(self) -> dict:
        return asdict(self) | {"risk": round(self.risk, 6)}

    def summary(self) -> str:
        if self.people < 2:
            return "Site self-check: fewer than 2 people enrolled, nothing to compare."
        text = (f"Site self-check: {self.people} people, {self.photos} photos; "
                f"{self.accepted_as_other} would be accepted as someone else "
                f"({100 * self.risk:.2f}%), {self.unsure} unsure")
        if self.pairs:
            p = self.pairs[0]
            text += f"; closest look-alikes {p.name} and {p.other_name} ({p.score:.2f})"
        return text + "."


def check(matcher: Matcher, rule: DecisionRule | None = None, top_pairs: int = 10, chunk: int = 1024) -> SiteCheck:
    """Measure `matcher`'s gallery with `rule` (default: the matcher's own)."""
    rule = rule or matcher.rule
    people = len(matcher.people)
    own = np.flatnonzero(~matcher.masked) if people else np.zeros(0, np.int64)
    if people < 2 or not len(own):
        return SiteCheck(people, int(len(own)), rule.describe(), 0, 0, float("-inf"))
    best_other = np.empty(len(own))
    second_other = np.empty(len(own))
    winner = np.empty(len(own), np.int64)
    flags_all = np.empty(len(own), bool)
    pair_best = np.full((people, people), -np.inf, np.float32)
    for s in range(0, len(own), chunk):
        rows = own[s:s + chunk]
        queries = matcher.matrix[rows].astype(np.float32)
        flags = matcher.embedding_mask_flags(queries)
        scores, _, _ = matcher.gated_scores(queries, flags)
        owner = matcher.owner[rows]
        scores[np.arange(len(rows)), owner] = -np.inf  # leave the person's own templates out
        np.maximum.at(pair_best, owner, scores)
        order = np.argsort(-scores, axis=1)[:, :2]
        top = np.take_along_axis(scores, order, axis=1)
        best_other[s:s + len(rows)], second_other[s:s + len(rows)] = top[:, 0], top[:, 1]
        winner[s:s + len(rows)] = order[:, 0]
        flags_all[s:s + len(rows)] = flags
    # Leaving one person out makes the gallery one smaller; the rule is judged at the full size
    # (what a stranger meets).
    decision = rule.decide(best_other, second_other, flags_all, people)
    accepted = decision == ACCEPTED
    sym = np.maximum(pair_best, pair_best.T)
    iu = np.triu_indices(people, 1)
    order = np.argsort(-sym[iu])[:top_pairs]
    pairs = [LookAlike(matcher.people[i][0], matcher.people[i][1], matcher.people[j][0], matcher.people[j][1],
                       round(float(sym[i, j]), 4)) for i, j in zip(iu[0][order], iu[1][order])]
    threshold = rule.threshold_for(people)
    suggested_t, suggested_m = rule.threshold, rule.margin
    if accepted.any():
        # Raise the threshold above the accepted look-alikes, unless a larger margin alone
        # (up to 0.10) refuses them: the cheaper change for the people who are recognised.
        leads = best_other[accepted] - second_other[accepted]
        if float(np.max(leads)) + SAFETY <= 0.10:
            suggested_m = round(max(rule.margin, float(np.max(leads)) + SAFETY), 3)
        else:
            lift = float(np.max(best_other[accepted])) + SAFETY - threshold
            suggested_t = round(rule.threshold + max(lift, 0.0), 3)
    return SiteCheck(people, int(len(own)), rule.describe(), int(accepted.sum()), int((decision == UNSURE).sum()),
                     round(float(best_other.max()), 4), pairs, suggested_t, suggested_m)
