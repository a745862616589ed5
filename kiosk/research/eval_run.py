"""One `kiosk evaluate` run: split the folders, enrol, embed every probe once, score each gallery
variant (and gate, and SVM) and put the report together."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.app.settings import load_settings
from kiosk.recognition.scoring import Scoring
from kiosk.research.eval_embeddings import EmbeddingCache, Gallery, build_gallery, originals_only
from kiosk.research.eval_gates import gated_results
from kiosk.research.eval_metrics import ScoreSet, calibrate_pair, decide, metrics
from kiosk.research.eval_plan import EvaluationError, Options, Plan, gallery_variants, plan_split, probe_views
from kiosk.research.eval_report import summary_rows, write_report
from kiosk.research.eval_scoring import GalleryIndex, SvmIndex, UpperIndex, score_set
from kiosk.vision.pipeline import load_pipeline


def prepare(options: Options, pipeline, *, periocular: bool | None = None):
    """Split the folders, enrol the gallery and embed every probe once: (plan, cache, gallery)."""
    plan = plan_split(options.gallery, options.probes, options.impostors, options.gallery_size,
                      options.gallery_pattern, options.probe_pattern)
    periocular = options.periocular_weight > 0 if periocular is None else periocular
    classifier = None
    if options.gate == "mask-classifier":
        from kiosk.vision.mask_classifier import MaskClassifier

        classifier = MaskClassifier.load()
    cache = EmbeddingCache(pipeline, mask_probes=options.mask_probes, periocular=periocular, seed=options.seed,
                           mask_classifier=classifier)
    images = [p for _, p in plan.probes + plan.impostors]
    bar = _progress_bar(len(plan.gallery) + len(images), options.progress)
    gallery = build_gallery(pipeline, plan, cache, masks="originals+masked" in gallery_variants(options.templates),
                            progress=lambda _: bar.update(1))
    for path in images:
        cache.compute(path)
        bar.update(1)
    bar.close()
    return plan, cache, gallery


def run(options: Options, pipeline=None, prepared=None) -> dict:
    """The whole evaluation; returns the report (and writes it with plots when options.out).
    `prepared` (from prepare()) lets several scoring options share one set of embeddings."""

    started = time.perf_counter()
    pipeline = pipeline or load_pipeline(load_settings())
    plan, cache, gallery = prepared or prepare(options, pipeline)
    report = _report(options, plan, pipeline, cache, gallery, gallery_variants(options.templates))
    report["seconds"] = round(time.perf_counter() - started, 1)
    if options.out:
        write_report(report, Path(options.out), plots=options.plots)
    return report


def _progress_bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="embedding", unit="img", disable=not enabled, file=sys.stderr,
                leave=False)


def _report(options: Options, plan: Plan, pipeline, cache: EmbeddingCache, gallery: Gallery,
            variants: list[str]) -> dict:
    in_gallery = set(gallery.people)
    probes = [(p, f) for p, f in plan.probes if p in in_gallery]
    # A gallery person without any face in their photos is, in effect, left out of the gallery.
    impostors = plan.impostors + [(p, f) for p, f in plan.probes if p not in in_gallery]
    embedder = pipeline.embedder
    report = {
        "protocol": {
            "gallery": [str(p) for p in options.gallery], "probes": [str(p) for p in options.probes],
            "impostors": [str(p) for p in options.impostors], "gallery_size": options.gallery_size,
            "gallery_pattern": options.gallery_pattern, "probe_pattern": options.probe_pattern,
            "mask_probes": options.mask_probes, "seed": options.seed, "matcher": options.matcher,
            "scoring": options.scoring.describe(), "periocular_weight": options.periocular_weight,
            "fuse_frames": options.fuse, "gate": options.gate, "gate_offset": options.gate_offset,
        },
        "model": {"detector": pipeline.detector.name, "embedder": embedder.name,
                  "default_threshold": getattr(embedder, "default_threshold", None),
                  "default_masked_threshold": getattr(embedder, "default_masked_threshold", None)},
        "data": {
            "gallery_people": len(gallery.people), "gallery_photos": sum(len(v) for v in plan.gallery.values()),
            "probes": len(probes), "impostor_probes": len(impostors),
            "left_out_of_gallery": plan.left_out, "notes": plan.notes,
            "detection_failures": {
                "gallery": gallery.failures,
                "probes": sorted(f"{p}/{f.name}" for p, f in probes if cache.faces.get(str(f)) is None),
                "impostors": sorted(f"{p}/{f.name}" for p, f in impostors if cache.faces.get(str(f)) is None),
                "masked_renderings": sorted(f"{Path(k).parent.name}/{Path(k).name}" for k, v in cache.info.items()
                                            if not v["masked_face_found"] and cache.faces.get(k) is not None),
            },
            "unreadable": cache.errors,
        },
        "results": {},
    }
    fails = report["data"]["detection_failures"]
    report["data"]["probes_without_face"] = len(fails["probes"])
    report["data"]["impostor_probes_without_face"] = len(fails["impostors"])
    if not any(cache.faces.get(str(f)) is not None for _, f in probes):
        raise EvaluationError("no face found in any probe photo")
    sets: dict[tuple[str, str, str], ScoreSet] = {}
    cosine: dict = {}
    for variant in variants:
        records = gallery.records if variant == "originals+masked" else originals_only(gallery.records)
        index = GalleryIndex(records, embedder.name)
        upper_index = UpperIndex(gallery) if options.periocular_weight > 0 else None
        cosine[variant] = {}
        for probe_name, view in probe_views(options):
            s = score_set(index, gallery.people, probes, impostors, cache, view, options.scoring,
                          options.fuse, upper_index, options.periocular_weight)
            sets[("cosine", variant, probe_name)] = s
            cosine[variant][probe_name] = metrics(s)
    report["results"]["cosine"] = cosine
    defaults = (getattr(embedder, "default_threshold", None), getattr(embedder, "default_masked_threshold", None))
    if options.gate != "none":
        gated_results(options, report, cache, gallery, embedder, probes, impostors, sets)
    if defaults[0] is not None:
        # Gated masked probes are decided at the embedder's gate threshold (the masked one without).
        gated_default = (defaults[0], getattr(embedder, "default_gate_threshold", defaults[1]))
        for (matcher, variant, probe_name), s in sets.items():
            if matcher == "cosine":
                at = gated_default if variant.startswith("gated:") else defaults
                report["results"]["cosine"][variant][probe_name]["at_default_thresholds"] = decide(s, *at)
    if options.mask_probes and "originals+masked" in variants:
        report["operating_point"] = calibrate_pair(sets[("cosine", "originals+masked", "unmasked")],
                                                   sets[("cosine", "originals+masked", "masked")])
    if options.matcher == "svm":
        from kiosk.recognition.svm import SvmMatcher

        svm: dict = {}
        for variant in variants:
            try:
                model = SvmMatcher(gallery.records, embedder.name, kernel=options.svm_kernel,
                                   originals_only=variant == "originals", seed=options.seed)
            except ValueError as exc:
                svm[variant] = {"error": str(exc)}
                continue
            svm[variant] = {}
            for probe_name, view in probe_views(options):
                s = score_set(SvmIndex(model), gallery.people, probes, impostors, cache, view,
                              Scoring(), options.fuse)
                sets[("svm", variant, probe_name)] = s
                svm[variant][probe_name] = metrics(s)
        report["results"]["svm"] = svm
    report["summary"] = summary_rows(report)
    report["_sets"] = sets
    return report
