"""`kiosk evaluate --open-set`'s report: the markdown tables, openset.json / openset.md and the
threshold sweep plot."""
from __future__ import annotations

import json
from pathlib import Path


def _pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:.1f}%" if d else "-"


def format_report(report: dict) -> str:
    lines = [f"# Open-set evaluation: {report['embedder']}", "",
             f"Pool: {report['people']} enrolled people; target: wrong person and stranger accepts "
             f"<= {100 * report['target_rate']:.1f}% of attempts.", "",
             f"Adopted rule: {report['rule_text']}.", "",
             "## Cross-validation (calibrated on one half of the people, measured on the other)", "",
             "| fold | rule (t, margin / masked t, margin) | unmasked right / wrong / unsure | masked right / wrong / unsure | strangers accepted |",
             "|---|---|---|---|---|"]
    for i, fold in enumerate(report["cross_validation"]["folds"]):
        r, test = fold["rule"], fold["test"]
        lines.append(f"| {i} (test {fold['tested_on']} people) | {r['threshold']:.2f}, {r['margin']:.2f} / "
                     f"{r['masked_threshold']:.2f}, {r['masked_margin']:.2f} | {_genuine(test, 'unmasked')} | "
                     f"{_genuine(test, 'masked')} | {_strangers(test)} |")
    for mode, title in (("single", "single image"), ("fused3", "3 images fused (multi-frame)")):
        lines += ["", f"## Door view by gallery size, {title}", "",
                  "| people | unmasked: right / wrong / unsure / unknown | real masked: right / wrong / unsure / unknown | strangers accepted |",
                  "|---|---|---|---|"]
        for label, entry in report["by_gallery_size"].items():
            counts = entry[mode]
            lines.append(f"| {label} ({entry['galleries']} galleries) | {_genuine(counts, 'unmasked', True)} | "
                         f"{_genuine(counts, 'masked', True)} | {_strangers(counts)} |")
    live = report["by_gallery_size"].get("all", {}).get("live_webcam")
    if live:
        lines += ["", "## Live path on the webcam frames (tracks of 5 frames, whole gallery)", ""]
        for kind, c in live.items():
            lines.append(f"- {kind}: {c['tracks']} tracks, checked in as the right person {c['checked_in_right']}, "
                         f"as a wrong person {c['checked_in_wrong']}")
    return "\n".join(lines) + "\n"


def _genuine(counts: dict, category: str, unknown: bool = False) -> str:
    c = counts.get(category)
    if not c:
        return "-"
    n = c["attempts"]
    text = f"{_pct(c['right'], n)} / **{_pct(c['wrong'], n)}** ({c['wrong']}) / {_pct(c['unsure'], n)}"
    return text + (f" / {_pct(c['unknown'], n)} (of {n})" if unknown else f" (of {n})")


def _strangers(counts: dict) -> str:
    parts = [f"{k}: {v['accepted']}/{v['attempts']}" for k, v in counts.items() if "accepted" in v]
    return "; ".join(parts)


def write(report: dict, out: Path, plots: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "openset.json", out / "openset.md"]
    paths[0].write_text(json.dumps(report, indent=1, default=float) + "\n")
    paths[1].write_text(format_report(report))
    if plots and report["by_gallery_size"].get("all", {}).get("sweep"):
        paths.append(plot_sweep(report, out / "openset_sweep.png"))
    return paths


def plot_sweep(report: dict, path: Path) -> Path:
    """Right / wrong person / strangers accepted per attempt against the threshold, whole
    gallery, single image; the adopted thresholds marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = report["by_gallery_size"]["all"]["sweep"]
    rule = report["rule"]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
    for ax, category, key, chosen in ((axes[0], "unmasked", "threshold", rule["threshold"]),
                                      (axes[1], "masked", "masked_threshold", rule["masked_threshold"])):
        x = [r[key] for r in rows]
        n = max(rows[0][category]["attempts"], 1)
        ax.plot(x, [100 * r[category]["right"] / n for r in rows], label="right person", color="#16a34a")
        ax.plot(x, [100 * r[category]["wrong"] / n for r in rows], label="wrong person", color="#dc2626")
        for name, colour in (("lfw_calib", "#2563eb"), ("masked/rwmfd_strangers", "#9333ea")):
            if name in rows[0]:
                total = max(rows[0][name]["attempts"], 1)
                ax.plot(x, [100 * r[name]["accepted"] / total for r in rows], "--", color=colour,
                        label=f"{name} accepted")
        ax.axvline(chosen, color="grey", lw=1)
        ax.set_title(f"{category} probes ({n}), margins as adopted")
        ax.set_xlabel(f"{key.replace('_', ' ')} (adopted {chosen:.2f})")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("% of attempts")
    axes[1].legend(fontsize=8)
    fig.suptitle(f"{report['embedder']}: open-set door view, {report['people']} people")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path
