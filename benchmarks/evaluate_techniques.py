"""What each masked-face technique changes, measured on one set of embeddings.

    KIOSK_MODELS_DIR=../shared/models python benchmarks/evaluate_techniques.py \
        --embedder mobilefacenet --out docs/evaluation/mobilefacenet/techniques.json

Enrols the first 3 photos of every person of the tuning folders (default ../shared/faces
identities + lfw) with Enroller.build (3 originals + 18 masked templates), embeds every held-out
probe unmasked, with a synthetic mask in another style, and with the lower face blanked, once;
then scores the same embeddings under every option of kiosk.recognition.scoring, periocular fusion,
multi-frame fusion and the SVM, and prints a markdown table (rank-1 and TAR at FAR 0.5% for
unmasked and masked probes, against the originals-only and the 21-template gallery, and the pair
of thresholds a 21-template gallery needs for FAR 0.5% on pooled probes). Mask-gating rows show the
gated matcher in the "21" columns."""
from __future__ import annotations

import argparse
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kiosk.recognition.scoring import Scoring  # noqa: E402
from kiosk.research.eval_embeddings import EmbeddingCache  # noqa: E402
from kiosk.research.eval_plan import Options, Plan  # noqa: E402
from kiosk.research.eval_run import prepare, run  # noqa: E402

FACES = REPO.parent / "shared" / "faces"

VARIANTS = [
    ("max-cosine (baseline)", {}),
    ("masked templates -0.03", {"scoring": Scoring(masked_offset=0.03)}),
    ("masked templates -0.06", {"scoring": Scoring(masked_offset=0.06)}),
    ("masked templates -0.10", {"scoring": Scoring(masked_offset=0.10)}),
    ("cohort norm top-3", {"scoring": Scoring("cohort", cohort_k=3)}),
    ("cohort norm top-10", {"scoring": Scoring("cohort", cohort_k=10)}),
    ("z-norm per template", {"scoring": Scoring("znorm")}),
    ("periocular fused w=0.3", {"periocular_weight": 0.3}),
    ("periocular fused w=0.5", {"periocular_weight": 0.5}),
    ("periocular only", {"periocular_weight": 1.0}),
    ("multi-frame fusion x3", {"fuse": 3}),
    ("cohort top-3 + fusion x3", {"scoring": Scoring("cohort", cohort_k=3), "fuse": 3}),
    # Mask gating (Matcher.match(probe_masked=...)): the "21" columns show the gated matcher.
    ("mask gating (embedding gate), no offset", {"gate": "embedding"}),
    ("mask gating (embedding gate), masked -0.30 (default)", {"gate": "embedding", "gate_offset": 0.3}),
]


def row(name: str, report: dict) -> dict:
    out = {"technique": name}
    for matcher, by_variant in report["results"].items():
        for variant, by_probe in by_variant.items():
            if "error" in by_probe:
                continue
            for probe, m in by_probe.items():
                key = f"{matcher}|{variant}|{probe}"
                out[key] = {"rank1": m["rank1"], "tar@0.5%": m["tar_at_far"]["0.005"]["tar"],
                            "tar@0.1%": m["tar_at_far"]["0.001"]["tar"], "tar@1%": m["tar_at_far"]["0.01"]["tar"],
                            "threshold@0.5%": m["threshold_far_0.5%"],
                            "left_out_accepted@0.5%": (m.get("at_threshold_far_0.5%", {}).get("false_accepts"),
                                                       m["impostor_probes"]),
                            "open_set_recognised": m["open_set"]["recognised"],
                            "open_set_threshold": m["open_set"]["threshold"]}
    op = report.get("gated_operating_points", {}).get("gated:all") or report.get("operating_point")
    if op:
        out["pair"] = {"threshold": op["threshold"], "masked_threshold": op["masked_threshold"],
                       "unmasked_tar": op["unmasked"]["tar"], "masked_tar": op["masked"]["tar"],
                       "unmasked_far": op["unmasked"]["far"], "masked_far": op["masked"]["far"],
                       "left_out_accepted": (op["unmasked"]["false_accepts"] + op["masked"]["false_accepts"],
                                             op["unmasked"]["impostor_probes"] + op["masked"]["impostor_probes"])}
    return out


def markdown(rows: list[dict], matcher: str = "cosine") -> str:
    """Cells: rank-1 / TAR at FAR 0.5% (pairs) / open-set recognised (at most 0.5% of attempts
    wrong or a left-out person accepted); left-out people accepted at the FAR 0.5% threshold."""
    head = ("| technique | orig: unmasked | orig: masked | 21: unmasked | 21: masked | "
            "21 + masked threshold: unmasked / masked TAR (thresholds), left-out accepted |")
    lines = [head, "|" + "---|" * 6]
    for r in rows:
        cells = []
        full = "gated:all" if f"{matcher}|gated:all|unmasked" in r else "originals+masked"
        for variant in ("originals", full):
            for probe in ("unmasked", "masked"):
                m = r.get(f"{matcher}|{variant}|{probe}")
                if not m:
                    cells.append("-")
                    continue
                fa, n = m["left_out_accepted@0.5%"]
                cells.append(f"{m['rank1']:.1%} / {m['tar@0.5%']:.1%} / {m['open_set_recognised']:.1%}; "
                             f"FA {fa}/{n}")
        p = r.get("pair")
        cells.append(f"{p['unmasked_tar']:.1%} / {p['masked_tar']:.1%} ({p['threshold']:.3f}, "
                     f"{p['masked_threshold']:.3f}), FA {p['left_out_accepted'][0]}/{p['left_out_accepted'][1]}"
                     if p and matcher == "cosine" else "-")
        lines.append(f"| {r['technique']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


REAL_VARIANTS = [
    ("max-cosine (baseline)", {}),
    ("cohort norm top-3", {"scoring": Scoring("cohort", cohort_k=3)}),
    ("periocular fused w=0.5", {"periocular_weight": 0.5}),
    ("multi-frame fusion x3", {"fuse": 3}),
    ("mask gating (embedding gate), no offset", {"gate": "embedding"}),
    ("mask gating (embedding gate), masked -0.30 (default)", {"gate": "embedding", "gate_offset": 0.3}),
]


def load_or_prepare(options, pipeline, cache_file: Path | None):
    if cache_file and cache_file.is_file():
        plan, vectors, faces, info, gallery = pickle.loads(cache_file.read_bytes())
        cache = EmbeddingCache(pipeline, mask_probes=options.mask_probes, periocular=True, seed=options.seed)
        cache.vectors, cache.faces, cache.info = vectors, faces, info
        return plan, cache, gallery
    plan, cache, gallery = prepare(options, pipeline, periocular=True)
    if cache_file:
        cache_file.write_bytes(pickle.dumps((plan, cache.vectors, cache.faces, cache.info, gallery)))
    return plan, cache, gallery


def tuning(args, pipeline) -> dict:
    """identities + lfw: synthetic masks, every technique."""
    base = Options(gallery=args.folders, probes=args.folders, gallery_size=args.gallery_size,
                   mask_probes=True, matcher="cosine", seed=args.seed, plots=False)
    plan, cache, gallery = load_or_prepare(base, pipeline, args.cache)
    prepared = (plan, cache, gallery)
    if args.reports:  # the plain CLI report (+ SVM) with its plots, from the same embeddings
        run(replace(base, matcher="svm", plots=True, out=args.reports / "synthetic"), pipeline, prepared)
    rows = []
    for name, change in VARIANTS:
        rows.append(row(name, run(replace(base, **change), pipeline, prepared)))
        print(f"{name}: done", file=sys.stderr)
    for kernel in ("linear", "rbf"):
        r = row(f"SVM {kernel}", run(replace(base, matcher="svm", svm_kernel=kernel), pipeline, prepared))
        rows.append({"technique": f"SVM ({kernel}, probability)",
                     **{k.replace("svm|", "cosine|"): v for k, v in r.items() if k.startswith("svm|")}})
    return {"gallery_people": len(gallery.people), "probes": len(plan.probes),
            "impostor_probes": len(plan.impostors), "rows": rows}


def real(args, pipeline, name: str) -> dict:
    """Held-out real masks: an unmasked gallery, real masked probes (and held-out unmasked ones)."""
    folder = FACES / "masked" / name
    base = Options(gallery=[folder], probes=[folder], gallery_size=args.gallery_size,
                   gallery_pattern="*_unmasked*", probe_pattern=None, mask_probes=False,
                   matcher="svm" if name == "rmfrd" else "cosine", seed=args.seed, plots=False)
    cache_file = args.cache.with_name(f"{args.cache.stem}_{name}.pkl") if args.cache else None
    plan, cache, gallery = load_or_prepare(base, pipeline, cache_file)
    out = {}
    for condition in ("masked", "unmasked"):
        tag = f"_{condition}"

        def wanted(f: Path) -> bool:  # "_masked" is also inside "_unmasked"
            return "_unmasked" in f.name if condition == "unmasked" else \
                "_masked" in f.name and "_unmasked" not in f.name

        sub = Plan(plan.gallery, [(p, f) for p, f in plan.probes if wanted(f)],
                   [(p, f) for p, f in plan.impostors if wanted(f)], plan.left_out, plan.notes)
        if not sub.probes:
            continue
        options = replace(base, probe_pattern=f"*{tag}*")
        if args.reports:
            run(replace(options, plots=True, out=args.reports / f"{name}{tag}"), pipeline, (sub, cache, gallery))
        rows = []
        for label, change in REAL_VARIANTS:
            rows.append(row(label, run(replace(options, matcher="cosine", **change), pipeline,
                                       (sub, cache, gallery))))
        out[condition] = {"probes": len(sub.probes), "impostor_probes": len(sub.impostors), "rows": rows}
    return out


def real_markdown(rows: list[dict]) -> str:
    lines = ["| technique | originals: rank-1 / TAR@0.5% / open-set; FA | 21 templates: rank-1 / TAR@0.5% / open-set; FA |",
             "|---|---|---|"]
    for r in rows:
        cells = []
        full = "gated:all" if "cosine|gated:all|unmasked" in r else "originals+masked"
        for variant in ("originals", full):
            m = r.get(f"cosine|{variant}|unmasked")
            if not m:
                cells.append("-")
                continue
            fa, n = m["left_out_accepted@0.5%"]
            cells.append(f"{m['rank1']:.1%} / {m['tar@0.5%']:.1%} / {m['open_set_recognised']:.1%}; FA {fa}/{n}")
        lines.append(f"| {r['technique']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--embedder", default="mobilefacenet", choices=["mobilefacenet", "dlib", "facenet"])
    parser.add_argument("--dataset", default="tuning", choices=["tuning", "rmfrd", "webcam"])
    parser.add_argument("--folders", nargs="+", type=Path, default=[FACES / "identities", FACES / "lfw"])
    parser.add_argument("--gallery-size", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, help="pickle of the embeddings (re-used when present)")
    parser.add_argument("--reports", type=Path, help="also write the plain reports + plots under this folder")
    parser.add_argument("--out", type=Path, help="JSON of every row (and a .md table beside it)")
    args = parser.parse_args()

    from kiosk.app.settings import load_settings
    from kiosk.vision.pipeline import load_pipeline

    pipeline = load_pipeline(load_settings(), embedder=args.embedder)
    head = f"{pipeline.embedder.name} + {pipeline.detector.name}"
    if args.dataset == "tuning":
        data = tuning(args, pipeline)
        text = (f"{head}, {data['gallery_people']} people enrolled, {data['probes']} probes, "
                f"{data['impostor_probes']} impostor probes; rank-1 / TAR at FAR 0.5% (pairs)\n\n"
                + markdown(data["rows"]) + "\n")
    else:
        data = real(args, pipeline, args.dataset)
        text = ""
        for condition, part in data.items():
            text += (f"{head}, {args.dataset}, real {condition} probes ({part['probes']}, impostor probes "
                     f"{part['impostor_probes']}); rank-1 / TAR at FAR 0.5% (pairs)\n\n"
                     + real_markdown(part["rows"]) + "\n\n")
    data = {"embedder": pipeline.embedder.name, "detector": pipeline.detector.name, "dataset": args.dataset,
            "gallery_size": args.gallery_size} | data
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(data, indent=1) + "\n")
        args.out.with_suffix(".md").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
