"""How well the challenge (kiosk.recognition.challenge) tells people from replays, on real clips.

`python -m kiosk.research.challenge_eval ../shared/faces/challenge --out docs/liveness_challenge.json`

Every clip is replayed through the live path once (kiosk.research.challenge_data: detection,
embedding, tracking and the passive models, with the clip's real frame times), then the state
machine is run on those observations, as the kiosk would run it:
- live completion: for every movement a live clip really performs (CLIPS, read off the frames
  in ../shared/faces/challenge/MANIFEST.md), a one-instruction challenge asking for exactly that,
  started REACTION_S before the movement is seen to begin (the prompt appears, the person reads
  it and moves): passed or not, and seconds from the prompt to the pass;
- chance passes: every clip, every instruction sequence the kiosk can ask (every single
  instruction, and every ordered pair of different ones, the shipped setting), started every
  START_STEP_S seconds while a face is tracked: how often it passes. On a live clip that is
  what a replay of that very recording would achieve; a pass whose instruction is not one the
  clip performs in that window is a false pass of the state machine;
- live two-step time: for every two consecutive different movements of a clip, the two-step
  challenge asking for them, prompted REACTION_S before the first; the window is lifted to
  TWO_STEP_WINDOW_S so the time is measured, not cut off, and whether it fits the real window is
  reported beside it;
- per attempt with the site policy: the passive scores of the track when the challenge would start
  decide first ("on_doubt": refused when the mean of the last 3 is under the passive threshold;
  challenged when it is under `clear` or when any 3-frame mean of the kept scores (the last
  KEPT_SCORES frames, as the tracker keeps them) was; otherwise challenged with probability
  `spot_check`, counted as an expected value, not a draw); the share of live attempts challenged
  is the cost for people.

Thresholds: set from face geometry (kiosk.recognition.head_pose) and checked on the development
clip DEV_CLIPS only; every other clip is test data, reported as is.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from kiosk.recognition.challenge import (
    BLINK,
    INSTRUCTIONS,
    LOOK_DOWN,
    LOOK_UP,
    PASSED,
    RUNNING,
    TURN_LEFT,
    TURN_RIGHT,
    Challenge,
    ChallengeConfig,
    Observation,
    chance_pass,
    lowest_window,
)
from kiosk.research.challenge_data import FrameObs

REACTION_S = 1.0
START_STEP_S = 0.25
PASSIVE_FRAMES = 3
KEPT_SCORES = 10  # kiosk.recognition.tracking.Track.liveness_scores keeps this many
TWO_STEP_WINDOW_S = 12.0
POLICIES = ("off", "on_doubt_mean", "on_doubt", "always")  # on_doubt_mean: the rule before the spot check


@dataclass(frozen=True)
class Clip:
    kind: str  # "live" or the attack type
    # (instruction, from, to) in seconds: what the face does, in the terms of an unmirrored camera
    # (the nose toward the picture's left = the person's own right turn).
    moves: tuple


# From ../shared/faces/challenge/MANIFEST.md. Phone-selfie clips may be saved mirrored; the
# state machine's direction test is the same either way (a sign), so they are read as unmirrored.
CLIPS = {
    "zubair_webcam_turns": Clip("live", ((TURN_RIGHT, 7.0, 8.7), (TURN_LEFT, 9.5, 11.6))),
    "tranvan_selfie_turns": Clip("live", ((TURN_LEFT, 2.3, 5.5), (TURN_RIGHT, 7.8, 10.2),
                                          (LOOK_DOWN, 11.7, 13.4), (LOOK_UP, 14.9, 15.7))),
    "dinoman_facecrop_blinks": Clip("live", ((BLINK, 0.56, 0.68), (BLINK, 1.45, 1.52))),
    "zubair_featurephone_replay": Clip("phone/screen replay", ()),
    "tranvan_monitor_replay_turns": Clip("TV/monitor replay", ((TURN_LEFT, 5.0, 7.3), (TURN_RIGHT, 10.7, 13.0),
                                                               (LOOK_DOWN, 15.2, 15.8), (LOOK_UP, 18.1, 18.7))),
    "tdreplay_628befdf_phone_replay_turns": Clip("phone/screen replay", ((TURN_RIGHT, 1.8, 2.7), (TURN_LEFT, 3.4, 3.8),
                                                                         (LOOK_UP, 4.5, 4.9))),
    "tdreplay_630b66fa_phone_replay_turns": Clip("phone/screen replay", ((TURN_LEFT, 5.2, 6.0), (TURN_RIGHT, 7.4, 8.2))),
    "tdreplay_630b6ba7_phone_replay_turns": Clip("phone/screen replay", ((TURN_LEFT, 2.4, 3.1), (TURN_RIGHT, 4.0, 5.6),
                                                                         (LOOK_UP, 7.2, 8.0), (LOOK_DOWN, 8.8, 10.4),
                                                                         (BLINK, 8.8, 10.4))),
    "tdreplay_633bddec_phone_replay_turns": Clip("phone/screen replay", ((TURN_RIGHT, 1.9, 2.3), (TURN_LEFT, 3.1, 4.2),
                                                                         (TURN_RIGHT, 6.1, 6.5), (LOOK_UP, 8.2, 8.6),
                                                                         (LOOK_DOWN, 11.3, 11.7))),
}
DEV_CLIPS = ("zubair_webcam_turns",)


def main_face(frame: FrameObs, track_id: int | None = None):
    if track_id is not None:
        return next((f for f in frame.faces if f.track_id == track_id), None)
    return max(frame.faces, key=lambda f: float((f.box[2] - f.box[0]) * (f.box[3] - f.box[1])), default=None)


def run(frames: list[FrameObs], start: float, instructions: tuple[str, ...], config: ChallengeConfig):
    """The challenge started at `start` on the largest face then: (Challenge, passive mean of the
    last PASSIVE_FRAMES scores, lowest PASSIVE_FRAMES-mean of the last KEPT_SCORES) or None when no
    face is tracked at that moment."""
    first = next((i for i, f in enumerate(frames) if f.t >= start), None)
    if first is None or not frames[first].faces:
        return None
    face = main_face(frames[first])
    track = face.track_id
    before = [f for f in (main_face(fr, track) for fr in frames[max(0, first - 3 * KEPT_SCORES):first + 1])
              if f is not None]
    kept = [f.liveness for f in before if f.liveness is not None][-KEPT_SCORES:]
    passive = float(np.mean(kept[-PASSIVE_FRAMES:])) if kept else None
    lowest = lowest_window(kept, PASSIVE_FRAMES)
    challenge = Challenge(instructions, track, face.embedding, frames[first].t, config)
    for frame in frames[first:]:
        if challenge.state != RUNNING:
            break
        mine = main_face(frame, track)
        if mine is None:
            other = main_face(frame)
            if other is not None and challenge.tick(frame.t) == RUNNING and _overlaps(other.box, face.box):
                challenge.feed(Observation(frame.t, other.track_id))  # a new track in the same place
            else:
                challenge.tick(frame.t)
            continue
        face = mine
        challenge.feed(Observation(frame.t, track, mine.five, mine.embedding, mine.ear))
    if challenge.state == RUNNING:
        challenge.tick(challenge.started + config.window_s + 1e-6)
    return challenge, passive, lowest


def _overlaps(a, b) -> bool:
    x1, y1 = max(a[0], b[0]), max(a[1], b[1])
    x2, y2 = min(a[2], b[2]), min(a[3], b[3])
    return x2 > x1 and y2 > y1


def performed(clip: Clip, start: float, end: float) -> set[str]:
    """The instructions the clip's face performs (starts) within [start, end]."""
    return {move for move, a, b in clip.moves if a <= end and b >= start}


def live_completion(name: str, clip: Clip, frames, config: ChallengeConfig) -> list[dict]:
    out = []
    previous_end = 0.0
    for move, begin, end in clip.moves:
        # The prompt appears REACTION_S before the move, but not before the previous move is over:
        # the kiosk asks a face that looks at it (its vote needs frontal frames first).
        start = max(0.0, begin - REACTION_S, previous_end + 0.3 if previous_end else 0.0)
        previous_end = end
        result = run(frames, start, (move,), config)
        if result is None:
            out.append({"clip": name, "instruction": move, "start": start, "state": "no face"})
            continue
        challenge, passive, lowest = result
        out.append({"clip": name, "instruction": move, "start": round(start, 2), "onset": begin,
                    "state": challenge.state,
                    "reason": challenge.reason, "passive": passive, "lowest": lowest,
                    "seconds": None if challenge.passed_at is None else round(challenge.passed_at - challenge.started, 2)})
    return out


def two_step(name: str, clip: Clip, frames, config: ChallengeConfig) -> list[dict]:
    """Every two consecutive different movements of the clip asked as one two-step challenge, the
    prompt REACTION_S before the first movement (as live_completion); the window lifted to
    TWO_STEP_WINDOW_S so the seconds are measured, `in_window` says whether they fit the real one."""
    out = []
    long = replace(config, window_s=max(config.window_s, TWO_STEP_WINDOW_S))
    previous_end = 0.0
    for (first, begin, end), (second, _, _) in zip(clip.moves, clip.moves[1:]):
        start = max(0.0, begin - REACTION_S, previous_end + 0.3 if previous_end else 0.0)
        previous_end = end
        if first == second:
            continue
        result = run(frames, start, (first, second), long)
        if result is None:
            continue
        challenge = result[0]
        seconds = None if challenge.passed_at is None else round(challenge.passed_at - challenge.started, 2)
        out.append({"clip": name, "kind": clip.kind, "instructions": (first, second), "start": round(start, 2),
                    "state": challenge.state, "reason": challenge.reason, "seconds": seconds,
                    "step_seconds": [round(x, 2) for x in challenge.step_times],
                    "in_window": seconds is not None and seconds <= config.window_s})
    return out


def sequences(steps: int) -> list[tuple[str, ...]]:
    return list(itertools.permutations(INSTRUCTIONS, steps))


def chance_runs(name: str, clip: Clip, frames, config: ChallengeConfig, steps: int) -> list[dict]:
    out = []
    end = frames[-1].t if frames else 0.0
    for start in np.arange(0.0, max(end - 0.5, 0.0), START_STEP_S):
        for seq in sequences(steps):
            result = run(frames, float(start), seq, config)
            if result is None:
                continue
            challenge, passive, lowest = result
            window = performed(clip, float(start), float(start) + config.window_s)
            out.append({"clip": name, "start": round(float(start), 2), "instructions": seq,
                        "passed": challenge.state == PASSED, "reason": challenge.reason, "passive": passive,
                        "lowest": lowest, "matching": all(s in window for s in seq)})
    return out


def challenged(passive: float | None, lowest: float | None, threshold: float, clear: float, policy: str,
               spot_check: float) -> float:
    """The probability that an attempt that passed the passive check is challenged."""
    if policy == "off" or (passive is not None and passive < threshold):
        return 0.0
    if policy == "always":
        return 1.0
    if passive is None:
        return 0.0
    if passive < clear:
        return 1.0
    if policy == "on_doubt_mean":
        return 0.0
    if lowest is not None and lowest < clear:
        return 1.0
    return spot_check


def policy_outcome(passed: bool, passive: float | None, threshold: float, clear: float, policy: str,
                   spot_check: float = 0.0, lowest: float | None = None) -> float:
    """The probability of being accepted as live under the site policy (the spot check is an
    expected value: (1 - p) x accepted unchallenged + p x the challenge's outcome)."""
    if passive is not None and passive < threshold:
        return 0.0
    if policy == "off":
        return 1.0
    p = challenged(passive, lowest, threshold, clear, policy, spot_check)
    return (1.0 - p) + p * float(passed)


def summarise(live: list[dict], chance: dict[int, list[dict]], threshold: float, clear: float,
              spot_check: float = 0.0, pairs: list[dict] | None = None) -> dict:
    summary: dict = {"live_completion": {}, "chance": {}, "per_attempt": {}}
    done = [r for r in live if r["state"] == PASSED]
    summary["live_completion"] = {
        "attempts": len(live), "passed": len(done),
        "median_seconds": float(np.median([r["seconds"] for r in done])) if done else None,
        "by_instruction": {i: [sum(1 for r in live if r["instruction"] == i and r["state"] == PASSED),
                               sum(1 for r in live if r["instruction"] == i)] for i in INSTRUCTIONS}}
    for steps, runs in chance.items():
        per_clip = {}
        for name in dict.fromkeys(r["clip"] for r in runs):
            mine = [r for r in runs if r["clip"] == name]
            mismatched = [r for r in mine if not r["matching"]]
            per_clip[name] = {"kind": CLIPS[name].kind, "runs": len(mine),
                              "passed": sum(r["passed"] for r in mine),
                              "mismatched": len(mismatched), "false_passes": sum(r["passed"] for r in mismatched),
                              "false_by_instruction": {i: sum(r["passed"] for r in mismatched if i in r["instructions"])
                                                       for i in INSTRUCTIONS}}
            for policy in POLICIES:
                per_clip[name][policy] = round(sum(policy_outcome(r["passed"], r["passive"], threshold, clear,
                                                                  policy, spot_check, r.get("lowest"))
                                                   for r in mine), 2)
        summary["chance"][steps] = per_clip
    summary["per_attempt"] = per_attempt(live, chance.get(2, []), threshold, clear, spot_check)
    summary["live_cost"] = live_cost(chance.get(2, []), threshold, clear, spot_check)
    summary["analytic"] = analytic(chance.get(2, []), threshold, clear, spot_check)
    if pairs is not None:
        timed = [r["seconds"] for r in pairs if r["seconds"] is not None]
        live_pairs = [r for r in pairs if r["kind"] == "live"]
        summary["two_step"] = {
            "pairs": len(pairs), "passed": len(timed), "in_window": sum(r["in_window"] for r in pairs),
            "median_seconds": float(np.median(timed)) if timed else None,
            "live_pairs": len(live_pairs),
            "live_median_seconds": (float(np.median([r["seconds"] for r in live_pairs if r["seconds"] is not None]))
                                    if any(r["seconds"] is not None for r in live_pairs) else None)}
    return summary


def _attempts(runs: list[dict]) -> list[dict]:
    """One row per start moment (the passive scores do not depend on the instructions)."""
    seen: dict = {}
    for r in runs:
        seen.setdefault((r["clip"], r["start"]), r)
    return list(seen.values())


def live_cost(runs: list[dict], threshold: float, clear: float, spot_check: float) -> dict:
    """Per live clip and policy: [expected attempts challenged, attempts that passed the passive
    check], an attempt being every start moment of the chance runs."""
    out: dict = {}
    for r in _attempts(runs):
        if CLIPS[r["clip"]].kind != "live" or (r["passive"] is not None and r["passive"] < threshold):
            continue
        for policy in POLICIES:
            entry = out.setdefault(r["clip"], {}).setdefault(policy, [0.0, 0])
            entry[0] = round(entry[0] + challenged(r["passive"], r.get("lowest"), threshold, clear, policy,
                                                   spot_check), 2)
            entry[1] += 1
    return out


def analytic(runs: list[dict], threshold: float, clear: float, spot_check: float) -> dict:
    """Per attack type, the terms of APCER = P(clear) x (1 - s + s x P(pass)) + P(challenged) x P(pass)
    under "on_doubt": the share of attempts steadily clear, challenged (in doubt or unsteady) and
    refused passively, and the challenge's pass rate on each."""
    out: dict = {}
    for r in runs:
        kind = CLIPS[r["clip"]].kind
        if kind == "live":
            continue
        entry = out.setdefault(kind, {"attempts": 0, "refused": 0, "clear": 0, "clear_passed": 0,
                                      "doubt": 0, "doubt_passed": 0})
        entry["attempts"] += 1
        if r["passive"] is not None and r["passive"] < threshold:
            entry["refused"] += 1
        elif challenged(r["passive"], r.get("lowest"), threshold, clear, "on_doubt", 0.0) == 0.0:
            entry["clear"] += 1
            entry["clear_passed"] += r["passed"]
        else:
            entry["doubt"] += 1
            entry["doubt_passed"] += r["passed"]
    for entry in out.values():
        n = entry["attempts"]
        p_clear = entry["clear"] / n
        pass_clear = entry["clear_passed"] / entry["clear"] if entry["clear"] else 0.0
        entry["apcer"] = round(p_clear * (1 - spot_check + spot_check * pass_clear)
                               + entry["doubt_passed"] / n, 4)
    return out


def per_attempt(live: list[dict], attacks: list[dict], threshold: float, clear: float,
                spot_check: float = 0.0) -> dict:
    """[errors, attempts] per policy: APCER per attack type (random pair of instructions at a random
    moment of each spoof clip), BPCER of live people asked what their clip performs (one step)."""
    out: dict = {}
    for policy in POLICIES:
        rows: dict[str, list[float]] = {}
        for r in attacks:
            kind = CLIPS[r["clip"]].kind
            if kind == "live":
                continue
            entry = rows.setdefault(f"APCER {kind}", [0, 0])
            entry[0] = round(entry[0] + policy_outcome(r["passed"], r["passive"], threshold, clear, policy,
                                                       spot_check, r.get("lowest")), 2)
            entry[1] += 1
        for r in live:
            entry = rows.setdefault("BPCER unmasked (one step)", [0, 0])
            ok = r["state"] == PASSED
            entry[0] = round(entry[0] + 1.0 - policy_outcome(ok, r.get("passive"), threshold, clear, policy,
                                                             spot_check, r.get("lowest")), 2)
            entry[1] += 1
        out[policy] = rows
    return out


def evaluate(root: Path, cache: Path | None, config: ChallengeConfig, clear: float, spot_check: float) -> dict:
    import tempfile

    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.research.challenge_data import cached_observations
    from kiosk.vision.landmarks68 import Landmarks68

    data = Path(tempfile.mkdtemp(prefix="challenge-eval-"))
    service = KioskService(load_settings(data, liveness=True, liveness_challenge="off"))
    landmarks = Landmarks68()
    threshold = service.liveness.threshold
    live, chance, pairs = [], {1: [], 2: []}, []
    clips = {}
    for path in sorted(p for p in root.glob("*/*") if p.stem in CLIPS):
        frames = cached_observations(path, service, landmarks, cache)
        clip = CLIPS[path.stem]
        clips[path.stem] = {"kind": clip.kind, "frames": len(frames), "with_face": sum(1 for f in frames if f.faces),
                            "seconds": round(frames[-1].t, 2) if frames else 0.0,
                            "passive_mean": _mean([f.liveness for fr in frames for f in fr.faces]),
                            "dev": path.stem in DEV_CLIPS}
        if clip.kind == "live":
            live += live_completion(path.stem, clip, frames, config)
        pairs += two_step(path.stem, clip, frames, config)
        for steps in chance:
            chance[steps] += chance_runs(path.stem, clip, frames, config, steps)
        print(f"{path.stem}: done", file=sys.stderr, flush=True)
    return {"config": config.__dict__, "threshold": threshold, "clear": clear, "spot_check": spot_check,
            "clips": clips, "live": live, "two_step": pairs,
            "summary": summarise(live, chance, threshold, clear, spot_check, pairs),
            "chance_pass": {s: chance_pass(s) for s in (1, 2)}}


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(float(np.mean(values)), 3) if values else None


def main(argv=None) -> int:
    from kiosk.app.challenge_gate import DEFAULT_CLEAR, DEFAULT_SPOT_CHECK, check_spot_check

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="../shared/faces/challenge")
    parser.add_argument("--cache", type=Path, help="where the clips' observations are kept between runs")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--window", type=float, default=ChallengeConfig.window_s)
    parser.add_argument("--clear", type=float, default=DEFAULT_CLEAR)
    parser.add_argument("--spot-check", type=float, default=DEFAULT_SPOT_CHECK,
                        help="the share of clear attempts challenged anyway under on_doubt")
    args = parser.parse_args(argv)
    try:
        spot_check = check_spot_check(args.spot_check)
    except ValueError as exc:
        parser.error(str(exc))
    result = evaluate(args.root, args.cache, ChallengeConfig(window_s=args.window), args.clear, spot_check)
    text = json.dumps(result, indent=1, default=lambda o: list(o) if isinstance(o, tuple) else str(o))
    if args.out:
        args.out.write_text(text + "\n")
    print(json.dumps(result["summary"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
