"""`kiosk evaluate --open-set`'s calibration: the (threshold, margin) pairs that keep wrong people
and accepted strangers within the target, cross-validated over people, and the rule adopted."""
from __future__ import annotations

from dataclasses import asdict

import numpy as np

from kiosk.recognition.decision import DecisionRule
from kiosk.research.openset_embed import Embedded
from kiosk.research.openset_protocol import FUSE, Protocol, probe_list
from kiosk.research.openset_scoring import Scored, outcomes, score

GALLERY_SIZES = (10, 50, 100, 0)  # 0: the whole pool
DRAWS = 5  # random galleries per size below "all"
TARGET_RATE = 0.001  # wrong person / stranger accepted, per attempt
THRESHOLDS = np.round(np.arange(0.20, 0.80001, 0.01), 3)
MARGINS = np.round(np.arange(0.0, 0.20001, 0.01), 3)


def _allowed(n: int, rate: float) -> int:
    return int(np.floor(n * rate + 1e-9))


def calibrate_pair(s: Scored, masked: bool, rate: float = TARGET_RATE) -> tuple[float, float, dict]:
    """The (threshold, margin) for probes the gate labels `masked` that names the most right
    people while, for every category, wrong people and accepted strangers stay within `rate`
    of that category's attempts (counted over all its attempts, whichever gate label)."""
    rows = s.masked == masked
    sub = s.take(rows)
    names, codes_all = np.unique(s.category.astype(str), return_inverse=True)
    allowed = np.array([_allowed(int(n), rate) for n in np.bincount(codes_all, minlength=len(names))])
    codes = codes_all[rows]
    genuine = np.array([str(c).split("@")[0] in ("unmasked", "masked") for c in sub.category], bool)
    best = None
    lead = sub.best - sub.second
    for t in THRESHOLDS:
        over = sub.best >= t
        for m in MARGINS:
            acc = over & (lead >= m)
            wrong = np.bincount(codes[acc & ~sub.correct], minlength=len(names))
            if (wrong > allowed).any():
                continue
            right = int((acc & sub.correct & genuine).sum())
            key = (right, -t, -m)  # most right people; ties: the lower threshold and margin
            if best is None or key > best[0]:
                best = (key, float(t), float(m))
            break  # a larger margin at this threshold only loses right people
    if best is None:
        return float(THRESHOLDS[-1]), float(MARGINS[-1]), {"right": 0, "feasible": False}
    return best[1], best[2], {"right": best[0][0], "feasible": True}


def impostor_sd(s: Scored) -> float:
    """Spread of the best impostor score of unmasked strangers (the Gaussian the gallery-size
    adjustment extrapolates)."""
    stranger = np.array([str(c).split("@")[0] not in ("unmasked", "masked") for c in s.category], bool)
    rows = (~s.correct) & s.found & ~s.masked & stranger
    return float(np.std(s.best[rows])) if rows.sum() > 10 else 0.0


def cross_validate(protocol: Protocol, embedded: Embedded, gate_offset: float) -> dict:
    """Calibrate on one half of the people (and strangers), test on the other, both ways."""
    people = [p for p in protocol.people if p.key in embedded.templates]
    folds = []
    for fold in (0, 1):
        train = [p.key for p in people if p.fold == fold]
        test = [p.key for p in people if p.fold != fold]
        s_train = score(embedded, train, probe_list(protocol, set(train), fold), gate_offset)
        t, m, info_u = calibrate_pair(s_train, masked=False)
        tm, mm, info_m = calibrate_pair(s_train, masked=True)
        rule = DecisionRule(t, m, tm, mm)
        s_test = score(embedded, test, probe_list(protocol, set(test), 1 - fold), gate_offset)
        folds.append({"calibrated_on": len(train), "tested_on": len(test), "rule": asdict(rule),
                      "train": outcomes(s_train, rule), "test": outcomes(s_test, rule),
                      "feasible": info_u["feasible"] and info_m["feasible"],
                      "impostor_sd": impostor_sd(s_train)})
    # The whole pool at every gallery size of the report, single images and fused frames: the
    # draws below "all" hold the pool's other people as strangers (look-alikes of the enrolled,
    # who are not there to win). The target must hold at each size and mode on its own.
    parts = []
    for label, draws in galleries(protocol, embedded):
        for fuse in (1, FUSE):
            part = Scored.concat([score(embedded, gallery, probe_list(protocol, set(gallery)), gate_offset, fuse)
                                  for gallery in draws])
            part.category = np.array([f"{c}@{label}/{fuse}" for c in part.category], dtype=object)
            parts.append(part)
    s_all = Scored.concat(parts)
    t, m, _ = calibrate_pair(s_all, masked=False)
    tm, mm, _ = calibrate_pair(s_all, masked=True)
    return {"folds": folds, "all": {"people": len(people), "rule": asdict(DecisionRule(t, m, tm, mm)),
                                    "impostor_sd": impostor_sd(s_all)}}


def adopted_rule(cv: dict) -> DecisionRule:
    """Every parameter at the strictest of the two folds' and the whole pool's calibration:
    the folds show how far a calibration on some people misjudges others (a single look-alike
    pair moves the zero-error point), and a wrong name is the worst outcome. Valid at the
    pool's size; larger galleries raise the thresholds (DecisionRule.size_offset)."""
    rules = [f["rule"] for f in cv["folds"]] + [cv["all"]["rule"]]
    return DecisionRule(
        threshold=max(r["threshold"] for r in rules), margin=max(r["margin"] for r in rules),
        masked_threshold=max(r["masked_threshold"] for r in rules),
        masked_margin=max(r["masked_margin"] for r in rules),
        reference_size=cv["all"]["people"], impostor_sd=round(cv["all"]["impostor_sd"], 4),
        target_rate=TARGET_RATE)


def galleries(protocol: Protocol, embedded: Embedded, sizes=GALLERY_SIZES, draws: int = DRAWS):
    keys = [p.key for p in protocol.people if p.key in embedded.templates]
    rng = np.random.default_rng(0)
    sizes = sorted({size if 0 < size < len(keys) else 0 for size in sizes}, key=lambda n: n or len(keys) + 1)
    for size in sizes:
        if size == 0:
            yield "all", [keys]
        else:
            yield str(size), [sorted(rng.choice(keys, size, replace=False).tolist()) for _ in range(draws)]
