"""How long the kiosk keeps what it records (data minimisation, GDPR art. 5(1)(e)), and `purge`,
which removes exactly what is older than the policy allows.

Each kind of record has its own period in days (None keeps it): unknown-face access-log rows
(people who are not employees: the shortest by default), the other access-log rows, attendance,
and stored face images: enrolment photos (kept to re-embed with a new model), the frames of PIN
check-ins kept for HR's review, and the face crops of learned real-mask templates (removed with
their template, by the service: kiosk.gallery.learned). The audit trail is never purged: it is
the record of what HR did, including purges.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.attendance.db import UNKNOWN, UNSURE, AttendanceDB, local_now

# Outcomes of faces the kiosk could not name: nobody's personal record, kept shortest.
UNNAMED_OUTCOMES = (UNKNOWN, UNSURE)


@dataclass(frozen=True)
class RetentionPolicy:
    unknown_days: int | None = 30
    access_days: int | None = 365
    attendance_days: int | None = None
    photos_days: int | None = None

    @classmethod
    def from_settings(cls, settings) -> RetentionPolicy:
        defaults = cls()
        values = {}
        for key in asdict(defaults):
            value = getattr(settings, f"retention_{key}", getattr(defaults, key))
            if value is not None and (not isinstance(value, int) or value < 0):
                raise ValueError(f"retention_{key} must be a whole number of days (0 or more), "
                                 f"got {value!r}")
            values[key] = value
        return cls(**values)

    def describe(self) -> dict[str, str]:
        return {key: "kept" if days is None else f"{days} days" for key, days in asdict(self).items()}


@dataclass
class PurgeReport:
    unknown_rows: int = 0
    access_rows: int = 0
    attendance_rows: int = 0
    photos: int = 0  # enrolment photos
    review_frames: int = 0  # PIN check-in frames kept for HR
    learned_crops: int = 0  # learned real-mask templates, each with its face crop
    dry_run: bool = False

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def total(self) -> int:
        return (self.unknown_rows + self.access_rows + self.attendance_rows + self.photos + self.review_frames
                + self.learned_crops)

    @property
    def face_images(self) -> int:
        """Every stored face image the purge removes (or would): photos, review frames, learned crops."""
        return self.photos + self.review_frames + self.learned_crops


def purge(db: AttendanceDB, policy: RetentionPolicy, *, photo_folders: Sequence[Path] = (),
          review_folders: Sequence[Path] = (), now: datetime | None = None, dry_run: bool = False) -> PurgeReport:
    """Delete the rows and photos older than the policy's periods; `dry_run` only counts them.
    `photo_folders` are the folders of enrolment photos (one per person), `review_folders` those
    of PIN check-in frames (one per day); a file's age is its modification time (when it was
    stored)."""
    now = local_now(now)
    report = PurgeReport(dry_run=dry_run)
    unnamed = ", ".join(f"'{o}'" for o in UNNAMED_OUTCOMES)
    plans = [
        ("unknown_rows", "access_log", f"outcome IN ({unnamed})", policy.unknown_days),
        ("access_rows", "access_log", f"outcome NOT IN ({unnamed})", policy.access_days),
        ("attendance_rows", "attendance", "true", policy.attendance_days),
    ]
    for field, table, where, days in plans:
        if days is not None:
            setattr(report, field, db.purge_before(table, where, now - timedelta(days=days), dry_run))
    if policy.photos_days is not None:
        limit = (now - timedelta(days=policy.photos_days)).timestamp()
        for field, folders in (("photos", photo_folders), ("review_frames", review_folders)):
            for folder in folders:
                for photo in sorted(Path(folder).glob("*")):
                    if photo.is_file() and photo.stat().st_mtime < limit:
                        setattr(report, field, getattr(report, field) + 1)
                        if not dry_run:
                            photo.unlink()
    return report
