"""Does the fast live detector (issue 24, kiosk.vision.live_detect) cost accuracy at the door?

The open-set protocol of `kiosk evaluate --open-set` (docs/evaluation/openset.md: 152 people
enrolled as the kiosk enrols them, rmfrd_calib look-alikes, lfw_calib and rwmfd_strangers
strangers), scored with the SHIPPED decision rule (not recalibrated), twice:
- "full": every probe detected as before issue 24 (the full-size chain, with the padded retry);
- "fast": every probe detected by the live detector (det_500m at 320, the full-size chain when
  it finds nothing; each probe is a first frame, so the full pass is never skipped), with the
  same padded retry.
Enrolment is the same for both (photos keep the full chain). Also the webcam frames as live
tracks (kiosk.research.openset.live_tracks) and the share of probes with no face found.

    nice python benchmarks/live_accuracy.py --cache /tmp/live-acc --json benchmarks/results/live_accuracy.json
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import FACES, require_faces, setup  # noqa: E402

setup()


def probe_embeddings(protocol, pipeline, detector, progress: bool = True) -> dict:
    """Every probe's subject face embedded, detected by `detector` (as openset_embed does it)."""
    from tqdm import tqdm

    from kiosk.vision.detect import detect_with_padding
    from kiosk.vision.image_io import load_image
    from kiosk.vision.types import subject_face

    files = [p for person in protocol.people for p in person.unmasked + person.masked]
    files += [p for group in protocol.strangers.values() for p in group]
    files += [p for group in protocol.stranger_tracks.values() for p in group]
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
    parser.add_argument("--stage", choices=("all", "fast-probes"), default="all",
                        help="fast-probes: only the live detector's probe embeddings (they do not need the "
                             "enrolment; run beside the full run to share a loaded machine's time)")
    args = parser.parse_args()
    require_faces()

    from kiosk.app.from_settings import decision_rule
    from kiosk.app.settings import load_settings
    from kiosk.research.openset_embed import Embedded, embed
    from kiosk.research.openset_protocol import plan
    from kiosk.vision.pipeline import load_pipeline

    settings = load_settings(tempfile.mkdtemp(prefix="kiosk-live-acc-"))
    pipeline = load_pipeline(settings)
    rule = decision_rule(pipeline.embedder, settings)
    protocol = plan(FACES)
    args.cache.mkdir(parents=True, exist_ok=True)
    full_path, fast_path = args.cache / "full.npz", args.cache / "fast.npz"
    fast_probes_path = args.cache / "fast_probes.npz"
    live = pipeline.live_detector
    if hasattr(live, "full_every"):
        live.full_every = 1  # each probe is a first frame: never skip its full pass
    if args.stage == "fast-probes":
        probes = probe_embeddings(protocol, pipeline, live)
        Embedded(pipeline.embedder.name, {}, probes).save(fast_probes_path)
        return
    if full_path.is_file():
        full = Embedded.load(full_path)
    else:
        full = embed(protocol, pipeline, memo=args.cache / "detections.pkl")
        full.save(full_path)
    if fast_path.is_file():
        fast = Embedded.load(fast_path)
    else:
        probes = (Embedded.load(fast_probes_path).probes if fast_probes_path.is_file()
                  else probe_embeddings(protocol, pipeline, live))
        fast = Embedded(full.embedder, full.templates, probes, full.gate_offset)
        fast.save(fast_path)
    results = {"full (before)": evaluate(protocol, full, rule), "fast (after)": evaluate(protocol, fast, rule)}
    out = {"rule": rule.describe(), "pipeline": pipeline.description, "live_detector": pipeline.live_detector.name,
           "results": results}
    print(table(results))
    for name, report in results.items():
        print(name, "live webcam tracks:", json.dumps(report["all"]["live_webcam"]))
        print(name, "fused 3, all:", json.dumps(report["all"]["fused3"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=1, default=str) + "\n")


if __name__ == "__main__":
    main()
