"""`kiosk evaluate`'s numbers from a set of probe scores: TAR at FAR, counts at a threshold, the
open-set view, threshold sweeps and the calibrated (threshold, masked threshold) pair."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FAR_TARGETS = (0.01, 0.005, 0.001)
CALIBRATION_FAR = 0.005


@dataclass
class ScoreSet:
    """Person scores of the detected probes: genuine rows first (truth = person index), then
    impostor rows (truth = -1); masked_win[q, p] says a masked template decided the score."""
    scores: np.ndarray
    truth: np.ndarray
    masked_win: np.ndarray
    no_face_genuine: int = 0
    no_face_impostor: int = 0


def tar_at_far(genuine: np.ndarray, impostor: np.ndarray, far: float) -> dict:
    """The lowest threshold with at most `far` of impostor scores at or above it, and the share
    of genuine scores there."""
    impostor = np.sort(np.asarray(impostor, np.float64))[::-1]
    genuine = np.asarray(genuine, np.float64)
    allowed = int(np.floor(far * len(impostor)))
    if len(impostor) == 0:
        threshold = -np.inf
    elif allowed >= len(impostor):
        threshold = float(impostor[-1])
    else:
        threshold = float(np.nextafter(impostor[allowed], np.inf))
    tar = float(np.mean(genuine >= threshold)) if len(genuine) else 0.0
    actual = float(np.mean(impostor >= threshold)) if len(impostor) else 0.0
    return {"far": far, "threshold": round(threshold, 4) if np.isfinite(threshold) else None,
            "tar": round(tar, 4), "actual_far": round(actual, 5), "impostor_pairs": int(len(impostor))}


def pairs(s: ScoreSet) -> tuple[np.ndarray, np.ndarray]:
    """Genuine pair scores and impostor pair scores (every probe against every other person)."""
    genuine_rows = s.truth >= 0
    g = s.scores[genuine_rows]
    t = s.truth[genuine_rows]
    genuine = g[np.arange(len(g)), t]
    other = np.ones_like(g, bool)
    other[np.arange(len(g)), t] = False
    impostor = np.concatenate([g[other], s.scores[~genuine_rows].ravel()])
    return genuine, impostor


def decide(s: ScoreSet, threshold: float, masked_threshold: float | None = None) -> dict:
    """Counts at one operating point (a masked threshold applies when a masked template decides)."""
    masked_threshold = threshold if masked_threshold is None else masked_threshold
    genuine_rows = s.truth >= 0
    n_gen = int(genuine_rows.sum()) + s.no_face_genuine
    n_imp = int((~genuine_rows).sum()) + s.no_face_impostor
    if s.scores.shape[1] == 0:
        return {"correct": 0, "wrong": 0, "unknown": n_gen, "false_accepts": 0}
    top = s.scores.argmax(1)
    best = s.scores[np.arange(len(top)), top]
    limit = np.where(s.masked_win[np.arange(len(top)), top], masked_threshold, threshold)
    accepted = best >= limit
    right = top == s.truth
    correct = int((accepted & right & genuine_rows).sum())
    wrong = int((accepted & ~right & genuine_rows).sum())
    false_accepts = int((accepted & ~genuine_rows).sum())
    return {"correct": correct, "wrong": wrong, "unknown": n_gen - correct - wrong,
            "probes": n_gen, "false_accepts": false_accepts, "impostor_probes": n_imp,
            "accuracy": round(correct / n_gen, 4) if n_gen else 0.0,
            "false_accept_rate": round(false_accepts / n_imp, 4) if n_imp else None,
            "misidentification_rate": round((wrong + false_accepts) / max(n_gen + n_imp, 1), 4)}


def open_set(s: ScoreSet, rate: float = CALIBRATION_FAR) -> dict:
    """The kiosk's own view: every probe is one attempt at the door, decided on its top person.
    The lowest single threshold at which wrong names plus accepted left-out people stay at or
    under `rate` of all attempts, and the share of enrolled people's probes recognised there."""
    n_gen = int((s.truth >= 0).sum()) + s.no_face_genuine
    n_all = len(s.truth) + s.no_face_genuine + s.no_face_impostor
    if s.scores.shape[1] == 0 or n_all == 0:
        return {"rate": rate, "threshold": None, "recognised": 0.0}
    top = s.scores.argmax(1)
    best = s.scores[np.arange(len(top)), top]
    good = (top == s.truth) & (s.truth >= 0)
    bad = np.sort(best[~good])[::-1]
    allowed = int(np.floor(rate * n_all))
    threshold = float(np.nextafter(bad[allowed], np.inf)) if allowed < len(bad) else float(best.min())
    return {"rate": rate, "threshold": round(threshold, 4),
            "recognised": round(float((good & (best >= threshold)).sum()) / max(n_gen, 1), 4),
            "errors": int((bad >= threshold).sum()), "attempts": n_all}


def sweep_grid(s: ScoreSet, steps: int = 61) -> np.ndarray:
    finite = s.scores[np.isfinite(s.scores)]
    if finite.size == 0:
        return np.array([0.0])
    lo, hi = float(np.quantile(finite, 0.01)), float(finite.max())
    if 0.0 <= lo and hi <= 1.0:  # cosines and probabilities: round steps of 0.01-0.05
        step = 0.01 if hi - lo <= 0.8 else 0.02
        return np.round(np.arange(np.floor(lo / step) * step, hi + step, step), 4)
    return np.round(np.linspace(lo, hi, steps), 4)


def metrics(s: ScoreSet, *, masked_threshold_offset: float = 0.0, sweep: bool = True) -> dict:
    genuine_rows = s.truth >= 0
    n_detected = int(genuine_rows.sum())
    n_gen = n_detected + s.no_face_genuine
    top = s.scores.argmax(1) if s.scores.shape[1] else np.full(len(s.truth), -1)
    right_top = int((top[genuine_rows] == s.truth[genuine_rows]).sum())
    genuine, impostor = pairs(s)
    out = {
        "probes": n_gen, "probes_no_face": s.no_face_genuine,
        "impostor_probes": int((~genuine_rows).sum()) + s.no_face_impostor,
        "impostor_probes_no_face": s.no_face_impostor,
        "rank1": round(right_top / n_detected, 4) if n_detected else 0.0,
        "rank1_end_to_end": round(right_top / n_gen, 4) if n_gen else 0.0,
        "genuine_pairs": int(len(genuine)), "impostor_pairs": int(len(impostor)),
        "genuine_mean": round(float(genuine.mean()), 4) if len(genuine) else None,
        "impostor_mean": round(float(impostor.mean()), 4) if len(impostor) else None,
        "tar_at_far": {f"{far:g}": tar_at_far(genuine, impostor, far) for far in FAR_TARGETS},
    }
    out["open_set"] = open_set(s)
    at = out["tar_at_far"][f"{CALIBRATION_FAR:g}"]["threshold"]
    out["threshold_far_0.5%"] = at
    if at is not None:
        out["at_threshold_far_0.5%"] = decide(s, at, at + masked_threshold_offset)
    if sweep:
        out["sweep"] = []
        for t in sweep_grid(s):
            row = {"threshold": float(t)} | decide(s, float(t), float(t) + masked_threshold_offset)
            row["tar"] = round(float(np.mean(genuine >= t)), 4) if len(genuine) else 0.0
            row["far"] = round(float(np.mean(impostor >= t)), 5) if len(impostor) else 0.0
            out["sweep"].append(row)
    return out


def _pair_parts(s: ScoreSet):
    """Genuine pair scores, impostor pair scores and whether a masked template decided each."""
    genuine_rows = s.truth >= 0
    g, t, gm = s.scores[genuine_rows], s.truth[genuine_rows], s.masked_win[genuine_rows]
    rows = np.arange(len(g))
    other = np.ones_like(g, bool)
    other[rows, t] = False
    return (g[rows, t], gm[rows, t],
            np.concatenate([g[other], s.scores[~genuine_rows].ravel()]),
            np.concatenate([gm[other], s.masked_win[~genuine_rows].ravel()]))


def calibrate_pair(unmasked: ScoreSet, masked: ScoreSet, far: float = CALIBRATION_FAR) -> dict:
    """Main and masked thresholds for a 21-template gallery. The main threshold is where unmasked
    probes' impostor pairs reach `far`; the masked threshold (used when a masked template decides)
    is the lowest value that keeps the false accept rate of *both* unmasked and masked probes at or
    under `far` (a kiosk sees both)."""
    parts = {"unmasked": _pair_parts(unmasked), "masked": _pair_parts(masked)}
    main = tar_at_far(parts["unmasked"][0], parts["unmasked"][2], far)["threshold"] or 0.0

    def rate(name: str, tm: float) -> float:
        _, _, imp, imp_m = parts[name]
        return float(np.mean(imp >= np.where(imp_m, tm, main))) if len(imp) else 0.0

    candidates = np.unique(np.concatenate([parts[n][2][parts[n][3]] for n in parts] + [[main]]))
    candidates = np.nextafter(candidates, np.inf)
    masked_t = float(candidates[-1])
    lo, hi = 0, len(candidates) - 1
    while lo <= hi:  # false accept rates fall as the masked threshold rises: bisect
        mid = (lo + hi) // 2
        if rate("unmasked", candidates[mid]) <= far and rate("masked", candidates[mid]) <= far:
            masked_t, hi = float(candidates[mid]), mid - 1
        else:
            lo = mid + 1
    result = {"far": far, "threshold": round(float(main), 4), "masked_threshold": round(masked_t, 4)}
    for name, s in (("unmasked", unmasked), ("masked", masked)):
        gen, gen_m, _, _ = parts[name]
        result[name] = {"tar": round(float(np.mean(gen >= np.where(gen_m, masked_t, main))), 4) if len(gen) else 0.0,
                        "far": round(rate(name, masked_t), 5), **decide(s, main, masked_t)}
    return result
