"""What the settings decide beyond plain values, built once here for the service and the commands:
the embedder's decision rule with the settings' thresholds over it, the gallery's at-rest cipher,
and the attendance store with the site's zone and punch rule."""
from __future__ import annotations

import os
from pathlib import Path

from kiosk.app.settings import Settings
from kiosk.attendance.db import AttendanceDB
from kiosk.attendance.punches import PunchRule
from kiosk.common.private import FILE_MODE, private_dir
from kiosk.recognition.decision import DecisionRule
from kiosk.security.at_rest import MARKER, LazyCipher


def decision_rule(embedder, settings: Settings) -> DecisionRule:
    """The embedder's calibrated rule (its `default_rule`; else its plain thresholds, no
    margin), then the settings' threshold, masked threshold and margins over it."""
    params = dict(getattr(embedder, "default_rule", None) or {})
    if not params:
        masked = getattr(embedder, "default_gate_threshold", None) if getattr(embedder, "default_gate_offset", None) \
            is not None else getattr(embedder, "default_masked_threshold", None)
        params = {"threshold": embedder.default_threshold, "masked_threshold": masked}
    for key in ("threshold", "masked_threshold", "margin", "masked_margin"):
        if getattr(settings, key, None) is not None:
            params[key] = float(getattr(settings, key))
    return DecisionRule(**params)


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
