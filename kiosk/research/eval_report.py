"""`kiosk evaluate`'s report: the summary rows and table, report.json and the plots (score
histograms, threshold sweeps, ROC)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from kiosk.research.eval_gates import GATE_TEMPLATES
from kiosk.research.eval_metrics import FAR_TARGETS, pairs
from kiosk.research.eval_plan import GALLERY_VARIANTS


def summary_rows(report: dict) -> list[dict]:
    rows = []
    for matcher, by_variant in report["results"].items():
        for variant, by_probe in by_variant.items():
            if "error" in by_probe:
                rows.append({"matcher": matcher, "gallery": variant, "error": by_probe["error"]})
                continue
            for probe, m in by_probe.items():
                far = m["tar_at_far"]
                at = m.get("at_threshold_far_0.5%", {})
                rows.append({"matcher": matcher, "gallery": variant, "probes": probe, "n": m["probes"],
                             "no_face": m["probes_no_face"], "rank1": m["rank1"],
                             "tar_far_1%": far["0.01"]["tar"], "tar_far_0.5%": far["0.005"]["tar"],
                             "tar_far_0.1%": far["0.001"]["tar"], "threshold_far_0.5%": m["threshold_far_0.5%"],
                             "correct": at.get("correct"), "wrong": at.get("wrong"), "unknown": at.get("unknown"),
                             "false_accepts": at.get("false_accepts"), "impostor_probes": m["impostor_probes"],
                             "open_set_recognised": m["open_set"]["recognised"],
                             "open_set_threshold": m["open_set"]["threshold"]})
    return rows


def format_summary(report: dict) -> str:
    model = report["model"]
    data = report["data"]
    lines = [f"{model['detector']} + {model['embedder']}: {data['gallery_people']} people enrolled "
             f"({data['gallery_photos']} photos), {data['probes']} probes "
             f"({data['probes_without_face']} without a face), {data['impostor_probes']} impostor probes "
             f"of {len(data['left_out_of_gallery'])} people left out"]
    header = f"{'matcher':<7} {'gallery':<17} {'probes':<9} {'rank-1':>6} {'TAR@1%':>7} {'@0.5%':>6} {'@0.1%':>6} " \
             f"{'thr@0.5%':>8}  correct/wrong/unknown  FA     open-set"
    lines.append(header)
    for r in report["summary"]:
        if "error" in r:
            lines.append(f"{r['matcher']:<7} {r['gallery']:<17} {r['error']}")
            continue
        thr = f"{r['threshold_far_0.5%']:.3f}" if r["threshold_far_0.5%"] is not None else "-"
        lines.append(f"{r['matcher']:<7} {r['gallery']:<17} {r['probes']:<9} {r['rank1']:>6.1%} "
                     f"{r['tar_far_1%']:>7.1%} {r['tar_far_0.5%']:>6.1%} {r['tar_far_0.1%']:>6.1%} {thr:>8}  "
                     f"{r['correct']}/{r['wrong']}/{r['unknown']}".ljust(len(header) - 2) +
                     f"  {r['false_accepts']}/{r['impostor_probes']}".ljust(8) +
                     f" {r['open_set_recognised']:.1%}")
    model = report["model"]
    if model.get("default_threshold") is not None:
        lines.append(f"at the embedder's thresholds {model['default_threshold']} / masked "
                     f"{model.get('default_masked_threshold')}: correct/wrong/unknown, FA")
        for variant, by_probe in report["results"].get("cosine", {}).items():
            for probe, m in by_probe.items():
                d = m.get("at_default_thresholds")
                if d:
                    lines.append(f"  {variant:<17} {probe:<9} {d['correct']}/{d['wrong']}/{d['unknown']}  "
                                 f"FA {d['false_accepts']}/{d['impostor_probes']}")
    gate = report.get("gate")
    if gate:
        lines.append(f"gate {gate['gate']}: " + ", ".join(
            f"{k} probes {v['labelled_masked']}/{v['probes']} labelled masked ({v['errors']} wrong)"
            for k, v in gate["labels"].items()))
    points = [("21", report.get("operating_point"))] + list(report.get("gated_operating_points", {}).items())
    for name, op in points:
        if op:
            lines.append(f"calibrated pair {name} (FAR {op['far']:.1%}): threshold {op['threshold']:.3f}, masked "
                         f"threshold {op['masked_threshold']:.3f}: unmasked TAR {op['unmasked']['tar']:.1%}, "
                         f"masked TAR {op['masked']['tar']:.1%}, FA {op['unmasked']['false_accepts']}+"
                         f"{op['masked']['false_accepts']}")
    return "\n".join(lines)


def public(report: dict) -> dict:
    return {k: v for k, v in report.items() if not k.startswith("_")}


def write_report(report: dict, out: Path, plots: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.json"
    path.write_text(json.dumps(public(report), indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    written = [path]
    if plots:
        written += write_plots(report, out)
    report.setdefault("files", [str(p) for p in written])
    return written


def write_plots(report: dict, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sets: dict = report.get("_sets", {})
    written = []
    title = f"{report['model']['embedder']} ({report['model']['detector']})"
    for matcher in sorted({k[0] for k in sets}):
        keys = [k for k in sets if k[0] == matcher]
        order = list(GALLERY_VARIANTS) + [f"gated:{kind}" for kind in GATE_TEMPLATES]
        variants = sorted({k[1] for k in keys}, key=order.index)
        probe_kinds = sorted({k[2] for k in keys}, key=["unmasked", "masked"].index)
        # Score histograms: genuine vs impostor pairs.
        fig, axes = plt.subplots(len(variants), len(probe_kinds), figsize=(5.2 * len(probe_kinds), 3.4 * len(variants)),
                                 squeeze=False)
        for i, variant in enumerate(variants):
            for j, probe in enumerate(probe_kinds):
                ax = axes[i][j]
                genuine, impostor = pairs(sets[(matcher, variant, probe)])
                bins = np.linspace(min(genuine.min(initial=0), impostor.min(initial=0)),
                                   max(genuine.max(initial=1), impostor.max(initial=1)), 50)
                ax.hist(impostor, bins=bins, density=True, alpha=0.55, color="tab:red", label=f"impostor ({len(impostor)})")
                ax.hist(genuine, bins=bins, density=True, alpha=0.55, color="tab:green", label=f"genuine ({len(genuine)})")
                thr = report["results"][matcher][variant][probe]["threshold_far_0.5%"]
                if thr is not None:
                    ax.axvline(thr, color="k", ls="--", lw=1, label=f"FAR 0.5%: {thr:.3f}")
                ax.set_title(f"{matcher}, gallery {variant}, {probe} probes", fontsize=9)
                ax.set_xlabel("probability" if matcher == "svm" else "score")
                ax.legend(fontsize=7)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout()
        path = out / f"scores_{matcher}.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(path)
        # Threshold sweep: shares of correct / wrong / unknown probes and impostor false accepts.
        fig, axes = plt.subplots(len(variants), len(probe_kinds), figsize=(5.2 * len(probe_kinds), 3.4 * len(variants)),
                                 squeeze=False)
        for i, variant in enumerate(variants):
            for j, probe in enumerate(probe_kinds):
                ax = axes[i][j]
                rows = report["results"][matcher][variant][probe]["sweep"]
                t = [r["threshold"] for r in rows]
                n = max(rows[0]["probes"], 1)
                ax.plot(t, [r["correct"] / n for r in rows], color="tab:green", label="correct")
                ax.plot(t, [r["wrong"] / n for r in rows], color="tab:orange", label="wrong")
                ax.plot(t, [r["unknown"] / n for r in rows], color="tab:gray", label="unknown")
                ax.plot(t, [r["far"] for r in rows], color="tab:red", ls=":", label="FAR (pairs)")
                if rows[0]["impostor_probes"]:
                    ax.plot(t, [r["false_accept_rate"] for r in rows], color="tab:red", label="left-out accepted")
                ax.set_ylim(-0.02, 1.02)
                ax.set_title(f"{matcher}, gallery {variant}, {probe} probes", fontsize=9)
                ax.set_xlabel("threshold")
                ax.legend(fontsize=7)
        fig.suptitle(title, fontsize=10)
        fig.tight_layout()
        path = out / f"sweep_{matcher}.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(path)
        # ROC: TAR against FAR (log scale).
        fig, ax = plt.subplots(figsize=(6, 4.2))
        for variant in variants:
            for probe in probe_kinds:
                genuine, impostor = pairs(sets[(matcher, variant, probe)])
                if not len(impostor) or not len(genuine):
                    continue
                thresholds = np.unique(np.concatenate([impostor, genuine]))[::-1]
                far = np.searchsorted(-np.sort(-impostor)[::-1], thresholds, side="left")
                far = 1 - far / len(impostor)
                tar = np.array([(genuine >= t).mean() for t in thresholds])
                ax.plot(np.maximum(far, 1e-4), tar, label=f"{variant}, {probe}")
        for x in FAR_TARGETS:
            ax.axvline(x, color="k", lw=0.5, ls=":")
        ax.set_xscale("log")
        ax.set_xlim(1e-4, 1)
        ax.set_ylim(0, 1.01)
        ax.set_xlabel("FAR (impostor pairs)")
        ax.set_ylabel("TAR")
        ax.set_title(f"{title}: {matcher}", fontsize=9)
        ax.legend(fontsize=7)
        fig.tight_layout()
        path = out / f"roc_{matcher}.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(path)
    return written
