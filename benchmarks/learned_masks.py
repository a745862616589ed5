"""Learned real-mask templates, measured (docs/evaluation/learned_masks.md).

    nice python benchmarks/learned_masks.py [--cache /tmp/kiosk-learned] [--out docs/evaluation]

Gallery: every person of masked/rmfrd_calib, masked/rmfrd and masked/webcam with 3 unmasked
photos, enrolled exactly as the kiosk does (openset_protocol.plan, openset_embed.embed:
Enroller.build, 3 originals + 18 synthetic masked templates). Each person makes one PIN check-in
with their first real masked photo; the anti-poisoning rule (kiosk.gallery.learning.judge)
decides whether it is learned (without liveness on this build it goes to HR's queue: counted
here as approved). Then every person's *other* real masked photos meet the door (Matcher.match
at the open-set rule, mask gate as in KioskService.decide), before and after. Wrong people are counted over every attempt, and
the masked strangers (rwmfd_strangers, masked-only webcam people) over theirs.
The poisoning attack: every person's masked photos offered with every other person's PIN.
Detections and embeddings are cached in --cache (the slow part: run it under nice)."""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import _common
import numpy as np

_common.setup()

from kiosk.app.from_settings import decision_rule  # noqa: E402
from kiosk.app.settings import load_settings  # noqa: E402
from kiosk.gallery.learning import PENDING, SOURCE_PIN, LearnRule, judge  # noqa: E402
from kiosk.gallery.store import PersonRecord  # noqa: E402
from kiosk.recognition.decision import ACCEPTED, UNSURE  # noqa: E402
from kiosk.recognition.matcher import Matcher  # noqa: E402
from kiosk.research.openset_embed import Embedded, embed  # noqa: E402
from kiosk.research.openset_protocol import plan as openset_plan  # noqa: E402

SETS = ("masked/rmfrd_calib", "masked/rmfrd", "masked/webcam")
FLOORS = np.round(np.arange(0.20, 0.551, 0.05), 2)
# Learned offsets swept; the shipped one (matcher.LEARNED_OFFSET) is the smallest with no wrong
# person on the calibration set (rmfrd_calib) when HR approves every check-in; the other sets
# are held out.
OFFSETS = (0.0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30)
CALIBRATION_SET = "masked/rmfrd_calib"


def set_of(key_or_path: str) -> str:
    for name in SETS:
        if f"/{name}/" in f"/{key_or_path}" or key_or_path.startswith(name + "/"):
            return name
    return ""


def protocol(faces: Path):
    plan = openset_plan(faces)
    plan.people = [p for p in plan.people if set_of(p.key)]
    pool = [p for p in plan.strangers.get("not enrolled (pool)", []) if set_of(str(p.relative_to(faces)))]
    plan.strangers = {"not enrolled (pool)": pool,
                      "masked/rwmfd_strangers": plan.strangers.get("masked/rwmfd_strangers", [])}
    return plan


def embedded_for(plan, cache: Path, settings):
    path = cache / "embedded.npz"
    if path.is_file():
        embedded = Embedded.load(path)
        if embedded.covers(plan):
            return embedded
    from kiosk.vision.pipeline import load_pipeline

    pipeline = load_pipeline(settings)
    embedded = embed(plan, pipeline, memo=cache / "detections.pkl")
    embedded.save(path)
    return embedded


def records(embedded, learned: dict[str, np.ndarray] | None = None) -> list[PersonRecord]:
    out = []
    for key, (matrix, flags) in embedded.templates.items():
        masked = {1: {f"m{j}": v for j, v in enumerate(matrix[flags])}}
        extra = {"real_1": learned[key]} if learned and key in learned else {}
        out.append(PersonRecord(key, key, embedded.embedder, matrix[~flags], masked, "", {}, learned=extra))
    return out


def matcher(embedded, rule, learned=None, **options) -> Matcher:
    """Built as KioskService.reload builds it (`options`: e.g. another learned_offset)."""
    return Matcher(records(embedded, learned), embedded.embedder, rule.threshold, rule.masked[0],
                   gate_offset=embedded.gate_offset, gate_threshold=rule.masked[0], rule=rule, **options)


def door(m: Matcher, vectors: np.ndarray) -> list:
    """Decisions as KioskService.decide makes them (gate label from the embedding)."""
    if not len(vectors):
        return []
    return m.match(vectors, probe_masked=m.embedding_mask_flags(vectors))


def count(results, owners: list[str | None]) -> dict:
    c = Counter()
    for r, owner in zip(results, owners):
        if r.decision == ACCEPTED:
            c["right" if r.user_id == owner else "wrong"] += 1
        elif r.decision == UNSURE:
            c["unsure"] += 1
        else:
            c["unknown"] += 1
    c["attempts"] = len(owners)
    return dict(c)


def run(faces: Path, cache: Path, learn_rule: LearnRule) -> dict:
    settings = load_settings(cache / "data")
    plan = protocol(faces)
    t0 = time.time()
    embedded = embedded_for(plan, cache, settings)
    from kiosk.vision.pipeline import load_pipeline

    rule = decision_rule(load_pipeline(settings).embedder, settings)
    before = matcher(embedded, rule)
    people = [p for p in plan.people if p.key in embedded.templates]
    # Each person's real masked photos with a face; the first is the PIN check-in.
    masked = {p.key: [(f, embedded.probes[str(f)]) for f in p.masked if embedded.probes.get(str(f)) is not None]
              for p in people}
    checkin = {k: v[0] for k, v in masked.items() if v}
    learned_rule, learned_all, decisions = {}, {}, Counter()
    for key, (path, vector) in checkin.items():
        flag = bool(before.embedding_mask_flags(vector)[0])
        d = judge(before, key, vector, masked=flag, live=None, source=SOURCE_PIN, rule=learn_rule)
        decisions[d.action if d.stored else d.reason.split(" (")[0].split(":")[0]] += 1
        learned_all[key] = vector
        if d.action == PENDING:  # HR approves the queue (or liveness passed)
            learned_rule[key] = vector
    after = matcher(embedded, rule, learned_rule)
    after_all = matcher(embedded, rule, learned_all)
    report = {"embedder": embedded.embedder, "rule": rule.describe(), "learn_rule": learn_rule.__dict__,
              "people": len(people), "people_with_checkin": len(checkin), "learning": dict(decisions),
              "by_set": {}, "strangers": {}}
    # The door, before and after: each person's other masked photos, and their unmasked probes.
    for name in SETS + ("all",):
        group = [p for p in people if name == "all" or set_of(p.key) == name]
        rows = [(p.key, v) for p in group for _, v in masked[p.key][1:]]
        unmasked = [(p.key, embedded.probes[str(f)]) for p in group for f in p.unmasked
                    if embedded.probes.get(str(f)) is not None]
        entry = {"people": len(group), "people_evaluated": len({k for k, _ in rows})}
        for label, m in (("before", before), ("after", after), ("after_learning_every_checkin", after_all)):
            vecs = np.stack([v for _, v in rows]) if rows else np.zeros((0, before.dim))
            entry[label] = {"masked": count(door(m, vecs), [k for k, _ in rows])}
            if unmasked:
                uv = np.stack([v for _, v in unmasked])
                entry[label]["unmasked"] = count(door(m, uv), [k for k, _ in unmasked])
        report["by_set"][name] = entry
    stranger_files = {name: files for name, files in plan.strangers.items()}
    stranger_files["masked/webcam (masked-only people)"] = [f for fs in plan.stranger_tracks.values() for f in fs]
    for name, files in stranger_files.items():
        vecs = [embedded.probes[str(f)] for f in files if embedded.probes.get(str(f)) is not None]
        if not vecs:
            continue
        entry = {}
        for label, m in (("before", before), ("after", after), ("after_learning_every_checkin", after_all)):
            entry[label] = sum(r.decision == ACCEPTED for r in door(m, np.stack(vecs)))
        entry["attempts"] = len(vecs)
        report["strangers"][name] = entry
    strangers = np.stack([embedded.probes[str(f)] for files in stranger_files.values() for f in files
                          if embedded.probes.get(str(f)) is not None])
    report["offset_sweep"] = offset_sweep(embedded, rule, learned_all, people, masked, strangers)
    report["offset_sweep_rule"] = offset_sweep(embedded, rule, learned_rule, people, masked, strangers)
    report["learned_offset"] = after.learned_offset
    report["poisoning"] = poisoning(before, people, masked, learn_rule)
    report["floor_sweep"] = floor_sweep(before, people, masked, checkin, learn_rule)
    report["seconds"] = round(time.time() - t0, 1)
    return report


def offset_sweep(embedded, rule, learned, people, masked, strangers: np.ndarray) -> list[dict]:
    """Per learned offset, with every PIN check-in learned (HR approves all): each set's other
    real masked photos at the door, and the strangers accepted."""
    out = []
    for offset in OFFSETS:
        m = matcher(embedded, rule, learned, learned_offset=offset)
        row = {"offset": offset, "strangers_accepted": sum(r.decision == ACCEPTED for r in door(m, strangers)),
               "strangers": len(strangers)}
        for name in SETS:
            rows = [(p.key, v) for p in people if set_of(p.key) == name for _, v in masked[p.key][1:]]
            if rows:
                row[name] = count(door(m, np.stack([v for _, v in rows])), [k for k, _ in rows])
        out.append(row)
    return out


def poisoning(m: Matcher, people, masked, learn_rule: LearnRule) -> dict:
    """Every masked photo of every person, offered with every other person's PIN."""
    attempts, stored, closest = 0, [], []
    keys = [p.key for p in people]
    for attacker in keys:
        for path, vector in masked[attacker]:
            flag = bool(m.embedding_mask_flags(vector)[0])
            for victim in keys:
                if victim == attacker:
                    continue
                attempts += 1
                d = judge(m, victim, vector, masked=flag, live=None, source=SOURCE_PIN, rule=learn_rule)
                if d.stored:
                    stored.append({"attacker": attacker, "victim": victim, "file": str(path.name),
                                   "own": round(d.own, 3), "other": round(d.other, 3)})
                closest.append(d.own)
    return {"attempts": attempts, "stored": len(stored), "examples": stored[:10],
            "victim_score_max": round(float(max(closest, default=float("nan"))), 3)}


def floor_sweep(m: Matcher, people, masked, checkin, learn_rule: LearnRule) -> list[dict]:
    """Per floor: the share of genuine PIN check-ins that would be learned and the share of
    stolen-PIN attempts (another person's masked photo) that would be, with the lead condition."""
    keys = [p.key for p in people]
    index = {k: i for i, k in enumerate(keys)}
    rows, owner, genuine_rows = [], [], set()
    for k in keys:
        if k in checkin:
            genuine_rows.add(len(rows))  # the first masked photo: the PIN check-in's
        for _, v in masked[k]:
            rows.append(v)
            owner.append(index[k])
    scores = m.gated_scores(np.stack(rows), np.ones(len(rows), bool))[0]
    owner = np.asarray(owner)
    # The best other person for each claimed one: the top score, or the second when the claimed is top.
    top = np.argsort(-scores, axis=1)[:, :2]
    first, second = np.take_along_axis(scores, top, axis=1).T
    other = np.where(np.arange(len(keys))[None, :] == top[:, :1], second[:, None], first[:, None])
    own_row = owner[:, None] == np.arange(len(keys))[None, :]
    genuine = np.zeros(len(rows), bool)
    genuine[list(genuine_rows)] = True
    out = []
    for floor in FLOORS:
        passed = (scores >= floor) & (scores >= other + learn_rule.lead)
        out.append({"floor": float(floor), "genuine_learned": int(passed[own_row & genuine[:, None]].sum()),
                    "genuine": int(genuine.sum()), "impostor_learned": int(passed[~own_row].sum()),
                    "impostor_attempts": int((~own_row).sum())})
    return out


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "-"


def markdown(report: dict) -> str:
    lines = [f"Embedder {report['embedder']}; door rule: {report['rule']}; learning rule: "
             f"{report['learn_rule']}.", "",
             f"{report['people']} people enrolled, {report['people_with_checkin']} with a real masked photo "
             f"for the PIN check-in; learning decisions: {report['learning']}.", "",
             "| set | people evaluated | masked photos | before: right / wrong / unsure | after (rule) | "
             "after (every check-in learned) |", "|---|---|---|---|---|---|"]
    for name, e in report["by_set"].items():
        def cell(c):
            return f"{pct(c.get('right', 0), c['attempts'])} / {c.get('wrong', 0)} / {c.get('unsure', 0)}"
        lines.append(f"| {name} | {e['people_evaluated']} | {e['before']['masked']['attempts']} | "
                     f"{cell(e['before']['masked'])} | {cell(e['after']['masked'])} | "
                     f"{cell(e['after_learning_every_checkin']['masked'])} |")
    lines += ["", "| unmasked probes | before right / wrong | after (rule) |", "|---|---|---|"]
    for name, e in report["by_set"].items():
        if "unmasked" in e["before"]:
            b, a = e["before"]["unmasked"], e["after"]["unmasked"]
            lines.append(f"| {name} | {pct(b.get('right', 0), b['attempts'])} / {b.get('wrong', 0)} | "
                         f"{pct(a.get('right', 0), a['attempts'])} / {a.get('wrong', 0)} |")
    lines += ["", "| strangers | attempts | accepted before | after (rule) | after (every check-in) |",
              "|---|---|---|---|---|"]
    for name, e in report["strangers"].items():
        lines.append(f"| {name} | {e['attempts']} | {e['before']} | {e['after']} | {e['after_learning_every_checkin']} |")
    p = report["poisoning"]
    lines += ["", f"Poisoning: {p['attempts']} stolen-PIN attempts (each person's masked photos offered as every "
                  f"other person), {p['stored']} stored (learned or queued); highest score against a victim "
                  f"{p['victim_score_max']}.", "",
              "| floor | genuine check-ins learned | stolen-PIN attempts learned |", "|---|---|---|"]
    for row in report["floor_sweep"]:
        lines.append(f"| {row['floor']:.2f} | {row['genuine_learned']} / {row['genuine']} | "
                     f"{row['impostor_learned']} / {row['impostor_attempts']} |")
    for key, what in (("offset_sweep", "every PIN check-in learned"),
                      ("offset_sweep_rule", "the check-ins the rule queues, approved by HR")):
        lines += ["", f"Learned offset (shipped: {report['learned_offset']:.2f}), {what}; right / wrong / "
                      f"unsure of each set's other real masked photos ({CALIBRATION_SET} calibrates, the "
                      "others are held out):", "",
                  "| offset | " + " | ".join(SETS) + " | strangers accepted |", "|---|" + "---|" * (len(SETS) + 1)]
        for row in report[key]:
            cells = [f"{pct(row[n].get('right', 0), row[n]['attempts'])} / {row[n].get('wrong', 0)} / "
                     f"{row[n].get('unsure', 0)}" if n in row else "-" for n in SETS]
            lines.append(f"| {row['offset']:.2f} | " + " | ".join(cells) +
                         f" | {row['strangers_accepted']} / {row['strangers']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faces", type=Path, default=_common.FACES)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kiosk-learned"))
    parser.add_argument("--out", type=Path, default=_common.REPO / "docs" / "evaluation")
    parser.add_argument("--embed-only", action="store_true", help="fill the cache and stop")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.embed_only:
        embedded_for(protocol(args.faces), args.cache, load_settings(args.cache / "data"))
        return
    report = run(args.faces, args.cache, LearnRule())
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "learned_masks.json").write_text(json.dumps(report, indent=2, default=str))
    (args.out / "learned_masks_results.md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
