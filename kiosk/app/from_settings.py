"""What the settings decide beyond plain values, built once here for the service and the commands:
the embedder's decision rules (photos, and camera frames through the fast live detector) with the
settings' thresholds over them, the gallery's at-rest cipher,
and the attendance store with the site's zone and punch rule."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.app.settings import Settings
from kiosk.attendance.db import AttendanceDB
from kiosk.attendance.punches import PunchRule
from kiosk.common.private import FILE_MODE, private_dir
from kiosk.recognition.decision import DecisionRule
from kiosk.security.at_rest import MARKER, LazyCipher

SITE_RULE_KEYS = ("threshold", "masked_threshold", "margin", "masked_margin")


def calibrated_rule(embedder, live_fast: bool = False) -> DecisionRule:
    """The embedder's calibrated open-set rule for one path. Photos and the full-size live path:
    its `default_rule` (else its plain thresholds, no margin). Camera frames through the fast
    live detector (`live_fast`): its `live_fast_rule`, calibrated on that detector's embeddings
    (docs/benchmarks.md section 5); the pipeline only runs the fast detector for an embedder
    that has one (kiosk.vision.pipeline.load_pipeline)."""
    params = dict((getattr(embedder, "live_fast_rule", None) if live_fast else None)
                  or getattr(embedder, "default_rule", None) or {})
    if not params:
        masked = getattr(embedder, "default_gate_threshold", None) if getattr(embedder, "default_gate_offset", None) \
            is not None else getattr(embedder, "default_masked_threshold", None)
        params = {"threshold": embedder.default_threshold, "masked_threshold": masked}
    return DecisionRule(**params)


def decision_rule(embedder, settings: Settings, live_fast: bool = False) -> DecisionRule:
    """One path's rule (`calibrated_rule`) with the settings' threshold, masked threshold and
    margins over it.

    A site value is a floor, not a replacement: each path takes the stricter of its own
    calibrated value and the site's, so a value raises a rule and never lowers it. The two
    paths are calibrated apart (the fast live path: unmasked 0.60 / 0.13, masked 0.54 / 0.12;
    photos: 0.59 / 0.10, 0.57 / 0.15) while kiosk.toml and the site hold one set of values, and
    `kiosk calibrate --apply` writes values measured against the live path's rule: replacing
    would let a value meant for one path loosen the other (the live masked threshold plus a
    lift, 0.56, under the photos' 0.57). A wrong name is the worst outcome, so nothing written
    for one path makes the other looser than its calibration. An admin who really wants a
    looser rule says so with `allow_looser_rule = true` (kiosk.toml or KIOSK_ALLOW_LOOSER_RULE):
    then the site values replace the calibrated ones on both paths, as given."""
    rule = calibrated_rule(embedder, live_fast)
    calibrated = {"threshold": rule.threshold, "masked_threshold": rule.masked[0], "margin": rule.margin,
                  "masked_margin": rule.masked[1]}
    changes: dict[str, Any] = {}
    for key in SITE_RULE_KEYS:
        value = getattr(settings, key, None)
        if value is None:
            continue
        value = float(value)
        changes[key] = value if getattr(settings, "allow_looser_rule", False) else max(value, calibrated[key])
    return replace(rule, **changes) if changes else rule


def live_decision_rule(pipeline, settings: Settings) -> DecisionRule:
    """The rule camera frames are judged by: the fast live detector's own when the pipeline runs
    it (`pipeline.live_fast`), else the photo path's (camera frames then go through the full chain)."""
    return decision_rule(pipeline.embedder, settings, live_fast=bool(getattr(pipeline, "live_fast", False)))


def gallery_cipher_for(settings: Settings):
    """The gallery's at-rest cipher (kiosk.security.at_rest), its key made on the first write when
    encryption is on; with it off, a gallery sealed earlier still finds its key, a plain one
    stays plain."""

    if settings.encryption not in ("on", "off"):
        raise ValueError(f"encryption = {settings.encryption!r} in {settings.settings_path}: use \"on\" or \"off\"")
    if settings.encryption == "off" and not (settings.embeddings_dir / MARKER).is_file():
        return None
    return LazyCipher(settings.embeddings_dir, settings.data_dir, create=settings.encryption == "on")


def attendance_db(settings: Settings, path: Path | None = None, kiosk_id: str | None = None) -> AttendanceDB:
    """This machine's attendance.db (or `path`) with the settings' cooldown, zone and punch rule.
    A new file is made 0600 first, so SQLite's -wal and -shm (which copy its mode) are private too."""
    path = Path(path or settings.db_path)
    private_dir(path.parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))  # an empty file is a new database
    except FileExistsError:
        pass
    return AttendanceDB(path, cooldown_seconds=settings.cooldown_seconds,
                        kiosk_id=kiosk_id or settings.kiosk_id, time_zone=settings.time_zone,
                        punch_rule=PunchRule.from_settings(settings))
