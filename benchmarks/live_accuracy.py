"""Does the fast live detector (issue 24, kiosk.vision.live_detect) cost accuracy at the door?

The open-set protocol of `kiosk evaluate --open-set` (docs/evaluation/openset.md: 152 people
enrolled as the kiosk enrols them, rmfrd_calib look-alikes, lfw_calib and rwmfd_strangers
strangers), each probe set judged by the rule the kiosk's own code gives its path
(kiosk.app.from_settings: `decision_rule` for photos, `live_decision_rule` for camera frames):
- "full": every probe detected as before issue 24 (the full-size chain, with the padded retry),
  judged by the photo rule (the embedder's `default_rule`);
- "fast (photo rule)": every probe detected by the live detector (det_500m at 320, the full-size
  chain when it finds nothing; each probe is a first frame, so the full pass is never skipped),
  with the same padded retry, judged by the photo rule (how it was before the live path had a
  rule of its own);
- "fast (live rule)": the same embeddings judged by the live path's rule (the embedder's
  `live_fast_rule`), as the kiosk judges camera frames with live_detection = "fast".
Enrolment is the same for all (photos keep the full chain). Also the webcam frames as live
tracks (kiosk.research.openset.live_tracks), and the probes detected both ways compared pair by
pair (found by which, cosine of the two embeddings).

The work comes in stages kept in --cache, so that a loaded machine's time can be shared by
several processes, and a stage stopped early keeps what it did (enrolment saves after every
person, in a random order: a part done is a random sample of the pool):

    python benchmarks/live_accuracy.py --stage enrol --part 1/2 &
    python benchmarks/live_accuracy.py --stage enrol --part 2/2 &
    python benchmarks/live_accuracy.py --stage full-probes &
    python benchmarks/live_accuracy.py --stage fast-probes
    python benchmarks/live_accuracy.py --json benchmarks/results/live_accuracy.json

The last one scores whatever is there (the open-set tables only when both probe sets are
complete; `--stage full-probes --every N` makes a paired sample only)."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy as np  # noqa: E402
from _common import FACES, require_faces, setup  # noqa: E402

setup()


def probe_embeddings(protocol, pipeline, detector, progress: bool = True, every: int = 1) -> dict:
    """Every probe's subject face embedded, detected by `detector` (as openset_embed does it)."""
    from tqdm import tqdm

    from kiosk.vision.detect import detect_with_padding
    from kiosk.vision.image_io import load_image
    from kiosk.vision.types import subject_face

    files = [p for person in protocol.people for p in person.unmasked + person.masked]
    files += [p for group in protocol.strangers.values() for p in group]
    files += [p for group in protocol.stranger_tracks.values() for p in group]
    files = files[::every]
    out = {}
    for path in tqdm(files, desc="probes (fast)", disable=not progress):
        image = load_image(path)
        if hasattr(detector, "reset"):
            detector.reset()
        face = subject_face(sorted(detect_with_padding(detector, image), key=lambda f: -f.area), image.shape)
        out[str(path)] = None if face is None else pipeline.embedder.embed_crops([pipeline.embedder.align(image, face)])[0]
    return out


def evaluate(protocol, embedded, rule) -> dict:
    from kiosk.research.openset import _add, live_tracks
    from kiosk.research.openset_calibration import galleries
    from kiosk.research.openset_protocol import FUSE, probe_list
    from kiosk.research.openset_scoring import outcomes, score

    report = {}
    for label, draws in galleries(protocol, embedded):
        single, fused = {}, {}
        for gallery in draws:
            probes = probe_list(protocol, set(gallery))
            _add(single, outcomes(score(embedded, gallery, probes, embedded.gate_offset), rule))
            _add(fused, outcomes(score(embedded, gallery, probes, embedded.gate_offset, fuse=FUSE), rule))
        report[label] = {"galleries": len(draws), "single": single, "fused3": fused}
        if label == "all":
            report[label]["live_webcam"] = live_tracks(protocol, embedded, draws[0], rule, embedded.gate_offset)
    return report


def table(results: dict) -> str:
    lines = ["| detection | people | unmasked right / wrong / unsure / no face | masked right / wrong / unsure / no face "
             "| lfw_calib accepted | rwmfd accepted | pool look-alikes accepted |", "|---" * 7 + "|"]
    for name, report in results.items():
        for label, entry in report.items():
            s = entry["single"]
            def enrolled(c):
                d = s.get(c, {})
                return (f"{d.get('right', 0)} / {d.get('wrong', 0)} / {d.get('unsure', 0)} / {d.get('no_face', 0)} "
                        f"of {d.get('attempts', 0)}")
            def strangers(c):
                d = s.get(c, {})
                return f"{d.get('accepted', 0)} / {d.get('attempts', 0)}" if d else "-"
            pool = [k for k in s if k not in ("unmasked", "masked", "lfw_calib", "masked/rwmfd_strangers")]
            pooled = " ".join(f"{strangers(k)}" for k in pool) or "-"
            lines.append(f"| {name} | {label} | {enrolled('unmasked')} | {enrolled('masked')} | {strangers('lfw_calib')} "
                         f"| {strangers('masked/rwmfd_strangers')} | {pooled} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kiosk-live-accuracy")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--stage", choices=("all", "enrol", "full-probes", "fast-probes"), default="all",
                        help="one part of the work, saved in --cache (a loaded machine's time shared by several "
                             "processes): enrol (with --part K/N), full-probes, fast-probes; all: whatever is "
                             "missing, then the tables")
    parser.add_argument("--part", default="1/1", help="enrol: this part K of N of the people (K/N)")
    parser.add_argument("--every", type=int, default=1,
                        help="full-probes: every Nth probe only (a paired sample, when the machine is too loaded)")
    args = parser.parse_args()
    require_faces()

    from kiosk.app.from_settings import decision_rule, live_decision_rule
    from kiosk.app.settings import load_settings
    from kiosk.research.openset_embed import Embedded, embed
    from kiosk.research.openset_protocol import plan
    from kiosk.vision.pipeline import load_pipeline

    settings = load_settings(tempfile.mkdtemp(prefix="kiosk-live-acc-"), live_detection="fast")
    pipeline = load_pipeline(settings)
    rule = decision_rule(pipeline.embedder, settings)  # photos
    live_rule = live_decision_rule(pipeline, settings)  # camera frames through the fast detector
    protocol = plan(FACES)
    args.cache.mkdir(parents=True, exist_ok=True)
    fast_probes_path = args.cache / "fast_probes.npz"
    live = pipeline.live_detector
    if hasattr(live, "full_every"):
        live.full_every = 1  # each probe is a first frame: never skip its full pass
    if args.stage == "fast-probes":
        Embedded(pipeline.embedder.name, {}, probe_embeddings(protocol, pipeline, live)).save(fast_probes_path)
        return
    if args.stage == "full-probes":
        probes = probe_embeddings(protocol, pipeline, pipeline.detector, every=args.every)
        Embedded(pipeline.embedder.name, {}, probes).save(args.cache / "full_probes.npz")
        return
    if args.stage == "enrol":
        k, n = (int(v) for v in args.part.split("/"))
        order = np.random.default_rng(0).permutation(len(protocol.people))  # a part done is a random sample
        path = args.cache / f"templates_{k}_of_{n}.npz"
        done = Embedded.load(path) if path.is_file() else Embedded(pipeline.embedder.name, {}, {})
        for i in order[k - 1::n]:
            person = protocol.people[i]
            if person.key in done.templates:
                continue
            one = embed(dataclasses.replace(protocol, people=[dataclasses.replace(person, unmasked=[], masked=[])],
                                            strangers={}, stranger_tracks={}), pipeline, progress=False)
            done.templates |= one.templates
            done.gate_offset = one.gate_offset
            done.save(path)  # after every person: a run stopped early still gives its people
            print(f"enrolled {len(done.templates)}: {person.key}", flush=True)
        return
    parts = sorted(args.cache.glob("templates_*_of_*.npz"))
    templates: dict = {}
    gate_offset = float(getattr(pipeline.embedder, "default_gate_offset", 0.0) or 0.0)
    for part in (Embedded.load(path) for path in parts):
        templates |= part.templates
    templates = {p.key: templates[p.key] for p in protocol.people if p.key in templates}
    probes = {}
    for name, path in (("full", args.cache / "full_probes.npz"), ("fast", fast_probes_path)):
        if path.is_file():
            probes[name] = Embedded.load(path).probes
    out = {"rule": rule.describe(), "live_rule": live_rule.describe(), "pipeline": pipeline.description,
           "live_detector": live.name, "enrolled_people": len(templates), "pool_people": len(protocol.people)}
    if len(probes) == 2:
        out["paired_probes"] = paired(probes["full"], probes["fast"])
        print("paired probes (full vs fast detection):", json.dumps(out["paired_probes"]))
    complete = {name: p for name, p in probes.items()
                if all(str(f) in p for f in _probe_files(protocol))}
    judged = [("full", "full", rule), ("fast (photo rule)", "fast", rule), ("fast (live rule)", "fast", live_rule)]
    if templates and complete:
        results = {label: evaluate(protocol, Embedded(pipeline.embedder.name, templates, complete[name], gate_offset),
                                   judge)
                   for label, name, judge in judged if name in complete}
        out["results"] = results
        print(f"{len(templates)} of {len(protocol.people)} pool people enrolled")
        print(table(results))
        for name, report in results.items():
            print(name, "live webcam tracks:", json.dumps(report["all"]["live_webcam"]))
            print(name, "fused 3, all:", json.dumps(report["all"]["fused3"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1, default=str) + "\n")


def _probe_files(protocol) -> list:
    files = [p for person in protocol.people for p in person.unmasked + person.masked]
    files += [p for group in protocol.strangers.values() for p in group]
    return files + [p for group in protocol.stranger_tracks.values() for p in group]


def paired(full: dict, fast: dict) -> dict:
    """The same probes detected both ways: found by which, and how alike the two embeddings are."""
    keys = [k for k in full if k in fast]
    both = [k for k in keys if full[k] is not None and fast[k] is not None]
    sims = np.array([float(np.dot(full[k], fast[k])) for k in both])
    out = {"probes": len(keys), "found_both": len(both),
           "found_full_only": sum(full[k] is not None and fast[k] is None for k in keys),
           "found_fast_only": sum(full[k] is None and fast[k] is not None for k in keys),
           "found_neither": sum(full[k] is None and fast[k] is None for k in keys)}
    if len(sims):
        out |= {"cosine_median": round(float(np.median(sims)), 4), "cosine_p5": round(float(np.percentile(sims, 5)), 4),
                "cosine_min": round(float(sims.min()), 4), "below_0.9": int((sims < 0.9).sum())}
    return out


if __name__ == "__main__":
    main()
