"""`kiosk evaluate --gate`: mask-gated matching, unmasked probes against the originals and masked
probes against a chosen kind of template, the probe's label coming from the chosen gate."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from kiosk.recognition.scoring import Scoring
from kiosk.research.eval_embeddings import EmbeddingCache, Gallery
from kiosk.research.eval_metrics import calibrate_pair, metrics
from kiosk.research.eval_plan import Options, probe_views
from kiosk.research.eval_scoring import GalleryIndex, score_set

GATES = ("none", "mask-classifier", "embedding", "oracle")
GATE_TEMPLATES = ("all", "masked", "originals")


def is_masked_name(path: Path) -> bool:
    """The file name's own label (real-mask sets name files *_masked* / *_unmasked*)."""
    stem = path.stem.lower()
    return "_masked" in stem and "_unmasked" not in stem


def gate_labels(gate: str, cache: EmbeddingCache, rows: list[tuple[str, Path]], view: str,
                matcher=None, threshold: float | None = None) -> dict[str, bool]:
    """path -> masked label of each probe's face in one view, by the chosen gate."""
    out = {}
    for _, path in rows:
        vector = cache.get(path, view)
        if vector is None:
            continue
        if gate == "oracle":
            out[str(path)] = view == "masked" or is_masked_name(path)
        elif gate == "mask-classifier":
            p = cache.mask_prob.get((str(path), view))
            out[str(path)] = bool(p is not None and p >= (threshold if threshold is not None else 0.5))
        elif gate == "embedding":
            out[str(path)] = bool(matcher.embedding_mask_flags(vector)[0])
    return out


class GatedIndex:
    """Matcher.match(probe_masked=...) in score form: unmasked probes against the originals,
    masked probes against `kind` templates; masked_win carries the probe's label, so the masked
    threshold applies to masked probes (as in the matcher)."""

    def __init__(self, index: GalleryIndex, kind: str, flags_by_vector: dict[bytes, bool], offset: float = 0.0):
        self.matcher = index.matcher
        self.kind = kind
        self.flags = flags_by_vector
        self.offset = offset

    def score(self, queries, scoring: Scoring = Scoring()):
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        flags = np.array([self.flags[q.tobytes()] for q in queries], bool)
        best = np.zeros((len(queries), len(self.matcher.people)), np.float32)
        for rows, kind in ((~flags, "originals"), (flags, self.kind)):
            if rows.any():
                best[rows] = self.matcher.person_scores(
                    queries[rows], allowed=self.matcher.allowed_templates(kind),
                    masked_offset=self.offset if kind != "originals" else 0.0)[0]
        return best, np.repeat(flags[:, None], best.shape[1], axis=1)


def gated_results(options: Options, report: dict, cache: EmbeddingCache, gallery: Gallery, embedder,
                   probes: list, impostors: list, sets: dict) -> None:
    """Gated variants (one per GATE_TEMPLATES kind) beside the ungated galleries, the gate's
    labels per probe view, and a calibrated threshold pair per gated variant."""
    index = GalleryIndex(gallery.records, embedder.name)
    flags: dict[bytes, bool] = {}
    shares = {}
    for probe_name, view in probe_views(options):
        labels = {}
        for rows in (probes, impostors):
            labels |= gate_labels(options.gate, cache, rows, view, index.matcher)
        for path, flag in labels.items():
            flags[cache.get(Path(path), view).tobytes()] = flag
        truth = {path: view == "masked" or is_masked_name(Path(path)) for path in labels}
        shares[probe_name] = {"probes": len(labels), "labelled_masked": sum(labels.values()),
                              "truly_masked": sum(truth.values()),
                              "errors": sum(labels[p] != truth[p] for p in labels)}
    report["gate"] = {"gate": options.gate, "labels": shares}
    for kind in GATE_TEMPLATES:
        name = f"gated:{kind}"
        gated = GatedIndex(index, kind, flags, options.gate_offset)
        report["results"]["cosine"][name] = {}
        for probe_name, view in probe_views(options):
            s = score_set(gated, gallery.people, probes, impostors, cache, view)
            sets[("cosine", name, probe_name)] = s
            report["results"]["cosine"][name][probe_name] = metrics(s)
        if options.mask_probes:
            report.setdefault("gated_operating_points", {})[name] = calibrate_pair(
                sets[("cosine", name, "unmasked")], sets[("cosine", name, "masked")])
