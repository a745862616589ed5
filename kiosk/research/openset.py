"""`kiosk evaluate --open-set FACES`: the door view at office scale. Does the kiosk name the
right person, the wrong one, or nobody, as the gallery grows and its people look alike?

Protocol (docs/evaluation/openset.md):
- Gallery pool: every person folder of masked/rmfrd_calib, masked/rmfrd, identities, lfw and
  masked/webcam with at least 3 unmasked photos; the first 3 (sorted by name; webcam frames
  evenly spaced) are enrolled exactly as the kiosk does (Enroller.build: 3 originals + 18
  synthetic masked templates). Their other unmasked photos are unmasked probes, their real
  masked photos masked probes. People with fewer photos are strangers.
- Strangers: lfw_calib (unmasked), masked/rwmfd_strangers (real masks), the masked-only webcam
  people, and at every gallery size below "all" the pool people who were not drawn (look-alikes).
- Gallery sizes 10, 50, 100 (random draws from the pool, several seeds) and all.
- Every probe is decided by the product's own code: Matcher.gated_scores (mask gate by the
  gallery's mask direction) and DecisionRule.decide. Outcomes per attempt: right person, wrong
  person, unsure ("please look at the camera"), unknown; strangers: accepted or not.
- Calibration: for each pair (threshold, margin) of unmasked and of masked faces, the lowest
  that names the most right people while wrong people and accepted strangers stay within the
  target in every category. Done three times: on each half of the people (two-fold
  cross-validation over people and strangers: the other half measures it), and on the whole
  pool at every gallery size of the report. The adopted rule takes, for every parameter, the
  strictest of the three.
- Multi-frame: probes of one person fused in groups of 3 (as the live path's mean of 3 frames),
  and the webcam frames run as tracks through the live path's vote (3 agreeing fused frames).
Embeddings are computed once per embedder and cached (--cache) so sweeps are instant.

This module runs it (run); the parts are openset_protocol (who is enrolled, who is a stranger),
openset_embed, openset_scoring (the product's decision per probe), openset_calibration and
openset_report.
"""
from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

import numpy as np

from kiosk.recognition.decision import DecisionRule
from kiosk.recognition.tracking import backed_by_frame, fuse_embeddings
from kiosk.research.openset_calibration import (
    DRAWS,
    GALLERY_SIZES,
    TARGET_RATE,
    THRESHOLDS,
    adopted_rule,
    cross_validate,
    galleries,
)
from kiosk.research.openset_embed import Embedded, embed
from kiosk.research.openset_protocol import FUSE, Protocol, plan, probe_list
from kiosk.research.openset_scoring import Scored, gallery_matcher, outcomes, score

log = logging.getLogger(__name__)


def _add(total: dict, part: dict) -> dict:
    for category, counts in part.items():
        slot = total.setdefault(category, {})
        for k, v in counts.items():
            slot[k] = slot.get(k, 0) + v
    return total


def sweep(s: Scored, rule: DecisionRule) -> list[dict]:
    """Outcomes at every threshold (both thresholds moved together, margins kept)."""
    rows = []
    for t in THRESHOLDS:
        shift = float(t) - rule.threshold
        moved = rule.with_thresholds(float(t), rule.masked[0] + shift)
        rows.append({"threshold": float(t), "masked_threshold": round(rule.masked[0] + shift, 3)}
                    | {k: v for k, v in outcomes(s, moved).items()})
    return rows


def live_tracks(protocol: Protocol, embedded: Embedded, gallery: list[str], rule: DecisionRule,
                gate_offset: float, track_len: int = 5, fuse: int = FUSE, confirm: int = 3) -> dict:
    """The webcam frames as tracks of `track_len` frames through the live path's logic: each
    frame decided on the mean of the track's last `fuse` embeddings, its name standing only when
    that frame alone ranks the person first (kiosk.recognition.tracking.backed_by_frame), a check-in when
    `confirm` consecutive decisions name the same person (kiosk.recognition.tracking.LiveRecognizer). The frames
    are photos in a row, not video: the tracker's continuity check is measured on video instead
    (benchmarks/track_continuity.py)."""

    matcher = gallery_matcher(embedded, gallery, gate_offset)
    matcher.rule = rule
    people = {p.key: p for p in protocol.people}
    runs = [(key, people[key].masked, "masked") for key in gallery if key.startswith("masked/webcam/")]
    runs += [(key, people[key].unmasked, "unmasked") for key in gallery if key.startswith("masked/webcam/")]
    runs += [(None, files, "strangers") for files in protocol.stranger_tracks.values()]
    out: dict[str, dict] = {}
    for owner, files, kind in runs:
        vectors = [embedded.probes.get(str(p)) for p in files]
        for start in range(0, len(vectors) - track_len + 1, track_len):
            window, history, confirmed = [], [], None
            for v in vectors[start:start + track_len]:
                if v is None:
                    continue
                window = (window + [v])[-fuse:]
                queries = np.stack([fuse_embeddings(window), v])
                fused, own = matcher.match(queries, probe_masked=matcher.embedding_mask_flags(queries))
                match = backed_by_frame(fused, own)
                history.append(match.user_id if match.accepted else None)
                recent = history[-confirm:]
                if confirmed is None and len(recent) == confirm and len(set(recent)) == 1 and recent[0]:
                    confirmed = recent[0]
            slot = out.setdefault(kind, {"tracks": 0, "checked_in_right": 0, "checked_in_wrong": 0})
            slot["tracks"] += 1
            if confirmed is not None:
                slot["checked_in_right" if confirmed == owner else "checked_in_wrong"] += 1
    return out


def run(faces: Path, pipeline=None, *, embedder: str | None = None, cache: Path | None = None,
        settings=None, progress: bool = True, sizes=GALLERY_SIZES, draws: int = DRAWS) -> dict:
    protocol = plan(faces)
    name = embedder or "auto"
    path = (Path(cache) / f"{name}.npz") if cache else None
    embedded = Embedded.load(path) if path is not None and path.is_file() else None
    if embedded is not None and not embedded.covers(protocol):
        log.warning("%s does not cover these folders: embedding again", path)
        embedded = None
    if embedded is None:
        if pipeline is None:
            from kiosk.vision.pipeline import load_pipeline

            pipeline = load_pipeline(settings, embedder=embedder)
        embedded = embed(protocol, pipeline, progress, memo=Path(cache) / "detections.pkl" if cache else None)
        if path is not None:
            embedded.save(path)
    gate_offset = embedded.gate_offset
    cv = cross_validate(protocol, embedded, gate_offset)
    rule = adopted_rule(cv)
    report = {"embedder": embedded.embedder, "gate_offset": gate_offset, "target_rate": TARGET_RATE,
              "people": sum(p.key in embedded.templates for p in protocol.people), "notes": protocol.notes, "cross_validation": cv,
              "rule": asdict(rule), "rule_text": rule.describe(), "by_gallery_size": {}}
    for label, draws_ in galleries(protocol, embedded, sizes, draws):
        single, fused = {}, {}
        for gallery in draws_:
            probes = probe_list(protocol, set(gallery))
            _add(single, outcomes(score(embedded, gallery, probes, gate_offset), rule))
            _add(fused, outcomes(score(embedded, gallery, probes, gate_offset, fuse=FUSE), rule))
        entry = {"galleries": len(draws_), "people": len(draws_[0]), "single": single, "fused3": fused}
        if label == "all":
            s_all = score(embedded, draws_[0], probe_list(protocol, set(draws_[0])), gate_offset)
            entry["sweep"] = sweep(s_all, rule)
            entry["live_webcam"] = live_tracks(protocol, embedded, draws_[0], rule, gate_offset)
        report["by_gallery_size"][label] = entry
    return report
