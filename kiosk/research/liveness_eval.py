"""ISO/IEC 30107-3 error rates of the liveness check, the threshold protocol, the DET plot and
the report of `kiosk evaluate-liveness`.

APCER: the share of attack presentations accepted as live, per attack instrument species (the
worst one is what counts). BPCER: the share of live presentations refused, masked and unmasked.
Both per frame (one image) and per track (the mean score of a window of frames, the rule
kiosk.recognition.tracking applies). The threshold is chosen on the data without looking at the set it is tested
on: leave-one-set-out (for each set, the highest threshold whose per-track BPCER on the *other*
sets is within the BPCER target; errors pooled over the held-out sets), and the kiosk's threshold
is the same rule on all sets."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kiosk.research.liveness_data import Sample, tracks

THRESHOLDS = np.round(np.arange(0.01, 1.0, 0.01), 2)
TARGET_BPCER = 0.02
TARGET_APCER = 0.05


@dataclass
class Item:
    """One presentation: a frame, or a track of frames."""

    score: float
    live: bool
    attack: str
    masked: bool
    set: str
    frames: int = 1


def _score(sample: Sample, models: tuple[str, ...] | None) -> float:
    values = [v for k, v in sample.scores.items() if models is None or k in models]
    return float(np.mean(values))


def frame_items(samples: list[Sample], models: tuple[str, ...] | None = None) -> list[Item]:
    return [Item(_score(s, models), s.live, s.attack, s.masked, s.set) for s in samples if s.scores]


def track_items(samples: list[Sample], frames: int, models: tuple[str, ...] | None = None) -> list[Item]:
    out = []
    for window in tracks(samples, frames):
        first = window[0]
        out.append(Item(float(np.mean([_score(s, models) for s in window])), first.live, first.attack,
                        first.masked, first.set, len(window)))
    return out


def error_counts(items: list[Item], thresholds) -> dict[str, list[int]]:
    """[errors, total] per group: `APCER <attack>` (accepted attacks) and `BPCER masked` /
    `BPCER unmasked` (refused live faces). `thresholds` is one float or one per item."""
    t = np.broadcast_to(np.asarray(thresholds, float), (len(items),))
    counts: dict[str, list[int]] = {}
    for item, threshold in zip(items, t):
        accepted = item.score >= threshold
        key = f"BPCER {'masked' if item.masked else 'unmasked'}" if item.live else f"APCER {item.attack}"
        entry = counts.setdefault(key, [0, 0])
        entry[0] += int(accepted != item.live)
        entry[1] += 1
    live = [v for k, v in counts.items() if k.startswith("BPCER")]
    attacks = [v for k, v in counts.items() if k.startswith("APCER")]
    counts["BPCER all"] = [sum(v[0] for v in live), sum(v[1] for v in live)]
    counts["APCER all"] = [sum(v[0] for v in attacks), sum(v[1] for v in attacks)]
    return dict(sorted(counts.items()))


def rate(entry: list[int]) -> float:
    return entry[0] / entry[1] if entry[1] else float("nan")


def choose_threshold(items: list[Item], target_bpcer: float = TARGET_BPCER) -> float:
    """The highest threshold whose BPCER (all live items) is within the target: as many attacks
    refused as the promise to live people allows."""
    live = np.array([i.score for i in items if i.live])
    best = float(THRESHOLDS[0])
    for t in THRESHOLDS:
        if live.size and np.mean(live < t) <= target_bpcer:
            best = float(t)
    return best


def leave_one_set_out(frames: list[Item], track_list: list[Item],
                      target_bpcer: float = TARGET_BPCER) -> dict:
    """Per held-out set: the threshold chosen on the other sets' tracks, applied to this set's
    frames and tracks. Returns the per-set thresholds and the pooled held-out error counts."""
    sets = sorted({i.set for i in track_list} | {i.set for i in frames})
    chosen = {s: choose_threshold([i for i in track_list if i.set != s], target_bpcer) for s in sets}
    return {"thresholds": chosen,
            "frame": error_counts(frames, [chosen[i.set] for i in frames]),
            "track": error_counts(track_list, [chosen[i.set] for i in track_list])}


def det_curve(items: list[Item]) -> tuple[np.ndarray, np.ndarray]:
    """APCER (all attacks) and BPCER over THRESHOLDS."""
    scores = np.array([i.score for i in items])
    live = np.array([i.live for i in items])
    apcer = np.array([np.mean(scores[~live] >= t) for t in THRESHOLDS])
    bpcer = np.array([np.mean(scores[live] < t) for t in THRESHOLDS])
    return apcer, bpcer


def plot_det(curves: dict[str, list[Item]], threshold: float, path) -> None:
    """DET plot (normal-deviate axes, as ISO/IEC 19795 draws them) with the chosen threshold."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from scipy.stats import norm

    ticks = np.array([0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.6])
    clip = lambda v: norm.ppf(np.clip(v, 0.002, 0.8))  # noqa: E731 - zero errors drawn at the edge
    fig, ax = plt.subplots(figsize=(6.4, 5.2), dpi=110)
    index = int(np.argmin(np.abs(THRESHOLDS - threshold)))
    for label, items in curves.items():
        apcer, bpcer = det_curve(items)
        line, = ax.plot(clip(apcer), clip(bpcer), label=label, drawstyle="steps-post")
        ax.plot(clip(apcer[index]), clip(bpcer[index]), "o", color=line.get_color())
    ax.axvline(norm.ppf(TARGET_APCER), color="grey", ls=":", lw=1)
    ax.axhline(norm.ppf(TARGET_BPCER), color="grey", ls=":", lw=1)
    ax.set_xticks(norm.ppf(ticks), [f"{100 * t:g}" for t in ticks])
    ax.set_yticks(norm.ppf(ticks), [f"{100 * t:g}" for t in ticks])
    ax.set_xlim(norm.ppf(0.002), norm.ppf(0.8))
    ax.set_ylim(norm.ppf(0.002), norm.ppf(0.8))
    ax.set_xlabel("APCER, % (attacks accepted; 0 drawn at the edge)")
    ax.set_ylabel("BPCER, % (live faces refused)")
    ax.set_title(f"Liveness DET (dots: threshold {threshold:.2f}; dotted: targets)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _cell(entry: list[int] | None) -> str:
    if not entry or not entry[1]:
        return "-"
    return f"{100 * rate(entry):.1f}% ({entry[0]}/{entry[1]})"


def counts_table(columns: dict[str, dict[str, list[int]]]) -> list[str]:
    keys = sorted({k for c in columns.values() for k in c}, key=lambda k: (not k.startswith("APCER"), k))
    lines = ["| measure | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    lines += [f"| {k} | " + " | ".join(_cell(c.get(k)) for c in columns.values()) + " |" for k in keys]
    return lines
