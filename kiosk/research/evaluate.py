"""`kiosk evaluate`: how well the engine recognises held-out photos of enrolled people, with and
without (synthetic or real) masks, and how often it accepts people who are not enrolled (SPEC 6).

Protocol (docs/evaluation/README.md):
- Folders of person/image files. When --gallery and --probes name the same folder(s), the first
  N photos of each person (sorted by name; --gallery-pattern / --probe-pattern filter them) are
  enrolled and the rest are probes; people without N gallery photos and one probe left are
  *left out* of the gallery and all their photos become impostor probes (also --impostors DIR).
- Gallery photos are enrolled in memory with Enroller.build, so the gallery holds exactly what the
  kiosk stores: 3 originals + 18 masked templates per person. The report measures the gallery
  with the originals only and with all 21 templates.
- Probes are real photos; --mask-probes also renders each with a synthetic mask of a random type,
  in a random colour (random_style, seeds unlike the enrolment's).
- Per threshold: correct / wrong / unknown for enrolled people's probes (they add up to the probe
  count; probes where no face was found are unknown), false accepts of impostor probes.
  Verification view: every probe against every enrolled person (its own person: genuine pair, any
  other: impostor pair; the person's score is the max over their templates); TAR at FAR 1%, 0.5%,
  0.1%, and the threshold there.
- Every image is detected and embedded once per run (an in-memory cache).

This module is the command line; the work is in eval_plan (the split, the options), eval_embeddings,
eval_scoring, eval_gates, eval_metrics, eval_report and eval_run (one run, end to end).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.recognition.scoring import NORMS, Scoring
from kiosk.research import openset, openset_report
from kiosk.research.eval_gates import GATES
from kiosk.research.eval_plan import EvaluationError, Options, plan_split
from kiosk.research.eval_report import format_summary, public
from kiosk.research.eval_run import run
from kiosk.vision.pipeline import EMBEDDER_CHOICES, load_pipeline


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "evaluate", help="measure recognition on folders of person/image files (thresholds, TAR/FAR)",
        description="Enrol gallery photos in memory, match probe photos (optionally with synthetic masks) "
                    "and report accuracy per threshold, TAR at FAR 1/0.5/0.1%% and the threshold for FAR 0.5%%.")
    p.add_argument("--open-set", type=Path, metavar="FACES",
                   help="the door view at office scale instead (kiosk/research/openset.py): FACES is a folder laid "
                        "out like ../shared/faces (masked/rmfrd_calib, masked/rmfrd, identities, lfw, masked/webcam, "
                        "lfw_calib, masked/rwmfd_strangers); calibrates the open-set decision rule")
    p.add_argument("--cache", type=Path, metavar="DIR",
                   help="--open-set: keep the embeddings here (one file per embedder) and reuse them")
    p.add_argument("--gallery", nargs="+", type=Path, metavar="DIR",
                   help="folder(s) of person folders with gallery photos")
    p.add_argument("--probes", nargs="+", type=Path, metavar="DIR",
                   help="folder(s) of person folders with probe photos (the same as --gallery: split per person)")
    p.add_argument("--impostors", nargs="+", default=[], type=Path, metavar="DIR",
                   help="folder(s) of people who are never enrolled")
    p.add_argument("--gallery-size", type=int, default=3, metavar="N", help="gallery photos per person (default 3)")
    p.add_argument("--gallery-pattern", metavar="GLOB", help="only gallery files matching, e.g. '*_unmasked*'")
    p.add_argument("--probe-pattern", metavar="GLOB", help="only probe files matching, e.g. '*_masked*'")
    p.add_argument("--mask-probes", action="store_true",
                   help="also render every probe with a synthetic mask of a random type and colour")
    p.add_argument("--matcher", choices=["cosine", "svm"], default="cosine",
                   help="svm: also evaluate an SVM on the gallery embeddings beside max-cosine")
    p.add_argument("--svm-kernel", choices=["linear", "rbf"], default="linear")
    p.add_argument("--templates", choices=["originals", "masked", "both"], default="both",
                   help="gallery with the originals only, with all 21 templates, or both (default)")
    p.add_argument("--scoring", choices=NORMS, default="none", help="score normalisation (experimental)")
    p.add_argument("--masked-offset", type=float, default=0.0,
                   help="subtract this from masked templates' similarities (experimental)")
    p.add_argument("--periocular", type=float, default=0.0, metavar="WEIGHT",
                   help="fuse with an upper-face embedding at this weight, 0-1 (experimental)")
    p.add_argument("--fuse", type=int, default=1, metavar="FRAMES",
                   help="average the embeddings of this many probes of one person (multi-frame fusion)")
    p.add_argument("--gate", choices=GATES, default="none",
                   help="also report mask-gated matching: unmasked probes against the originals only, masked "
                        "probes against all / masked / original templates at the masked threshold; the probe's "
                        "label comes from the mask classifier, the embedding's mask direction, or the truth (oracle)")
    p.add_argument("--gate-offset", type=float, default=0.0, metavar="D",
                   help="gated masked probes: subtract D from the masked templates' similarities")
    p.add_argument("--seed", type=int, default=0, help="seed of the probes' mask styles")
    p.add_argument("--embedder", choices=EMBEDDER_CHOICES, help="override the settings")
    p.add_argument("--detector", choices=["auto", "scrfd", "mtcnn"], help="override the settings")
    p.add_argument("--out", type=Path, metavar="DIR", help="write report.json and PNG plots here")
    p.add_argument("--no-plots", action="store_true")
    p.add_argument("--json", action="store_true", help="print the JSON report")
    p.set_defaults(func=cmd_evaluate)
    return p


_PIPELINES: dict = {}


def _cmd_open_set(args) -> int:
    if not args.open_set.is_dir():
        raise EvaluationError(f"{args.open_set} is not a folder")
    report = openset.run(args.open_set, embedder=args.embedder, cache=args.cache, settings=args.settings,
                         progress=not args.json)
    if args.out:
        openset_report.write(report, args.out)
    if args.json:
        print(json.dumps(report, indent=1, default=float))
    else:
        print(openset_report.format_report(report))
        if args.out:
            print(f"report in {args.out}")
    return 0


def cmd_evaluate(args) -> int:
    if args.open_set is not None:
        return _cmd_open_set(args)
    if not args.gallery or not args.probes:
        raise EvaluationError("--gallery and --probes are needed (or --open-set FACES)")

    if not 0.0 <= args.periocular <= 1.0:
        raise EvaluationError("--periocular is a weight between 0 and 1")
    if args.fuse < 1:
        raise EvaluationError("--fuse must be at least 1")
    if args.gate != "none" and (args.fuse > 1 or args.periocular > 0 or args.scoring != "none"):
        raise EvaluationError("--gate works with plain max-cosine only (no --fuse, --periocular, --scoring)")
    options = Options(
        gallery=args.gallery, probes=args.probes, impostors=args.impostors, gallery_size=args.gallery_size,
        gallery_pattern=args.gallery_pattern, probe_pattern=args.probe_pattern, mask_probes=args.mask_probes,
        matcher=args.matcher, svm_kernel=args.svm_kernel, templates=args.templates,
        scoring=Scoring(args.scoring, args.masked_offset), periocular_weight=args.periocular, fuse=args.fuse,
        gate=args.gate, gate_offset=args.gate_offset, seed=args.seed, out=args.out, plots=not args.no_plots, progress=sys.stderr.isatty() or not args.json)
    # Check the folders before loading any model: bad input fails fast.
    plan_split(options.gallery, options.probes, options.impostors, options.gallery_size,
               options.gallery_pattern, options.probe_pattern)
    key = (str(args.settings.models_dir), args.detector or args.settings.detector,
           args.embedder or args.settings.embedder)
    if key not in _PIPELINES:  # models load once per process (tests and notebooks run many evaluations)
        _PIPELINES[key] = load_pipeline(args.settings, detector=args.detector, embedder=args.embedder)
    report = run(options, _PIPELINES[key])
    if args.json:
        print(json.dumps(public(report), indent=1, ensure_ascii=False, default=str))
    else:
        print(format_summary(report))
        if options.out:
            print(f"report and plots in {options.out}")
    return 0
