"""The second way in: check-in by worker ID and personal PIN, and learning the person's real
mask from that visit (issue 12). Used by the live screen's keypad and `kiosk checkin`.

A correct PIN records attendance with method "pin" (the cooldown applies as for faces) and keeps
the camera frame under data/review/ for HR (its path is in the access log's detail). If the
frame holds a masked face, the anti-poisoning rule (kiosk.gallery.learning) decides whether it
becomes one of the person's learned templates, goes to HR's approval queue, or is refused."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np

from kiosk.attendance.db import CHECKED_IN, METHOD_PIN, CheckIn, local_now
from kiosk.gallery.learned import ACTIVE, PENDING, LearnedTemplates
from kiosk.gallery.learning import LEARN, REFUSED, SOURCE_PIN, LearnDecision, judge
from kiosk.vision.types import Face

REVIEW_DIR = "review"
CROP_MARGIN = 0.35  # the stored face crop: the box grown by this much on each side (to re-detect)


@dataclass
class PinCheckinResult:
    accepted: bool  # the PIN was right
    message: str  # for the screen / the CLI
    checkin: CheckIn | None = None
    frame_path: Path | None = None
    learning: LearnDecision | None = None
    locked_seconds: int = 0

    def as_dict(self) -> dict:
        out = {"accepted": self.accepted, "message": self.message, "locked_seconds": self.locked_seconds,
               "frame": str(self.frame_path) if self.frame_path else None}
        if self.checkin is not None:
            out["attendance"] = {"recorded": self.checkin.recorded, "outcome": self.checkin.outcome,
                                 "employee_id": self.checkin.employee_id, "name": self.checkin.name,
                                 "time": self.checkin.timestamp.isoformat(), "method": METHOD_PIN}
        if self.learning is not None:
            out["mask_template"] = {"action": self.learning.action, "reason": self.learning.reason}
        return out


def pin_checkin(service, user_id: str, pin: str, image_bgr: np.ndarray | None = None,
                face: Face | None = None, now: datetime | None = None) -> PinCheckinResult:
    """Check `pin` for `user_id`; when right, record the check-in and try to learn the mask.
    `face` (with its embedding) is the live screen's face in `image_bgr`; without it the frame
    is analysed here."""
    user_id = service.typed_id(user_id)  # E042 whether typed E042 or e042; unknown: as typed
    check = service.pins.check(user_id, pin, now=now)
    if not check.ok:
        return PinCheckinResult(False, check.message, locked_seconds=check.locked_seconds)
    moment = local_now(now)
    employee = service.db.get_employee(user_id) or {}
    frame_path = (save_review_frame(service.store, service.settings.data_dir, user_id, image_bgr, moment)
                  if image_bgr is not None else None)
    checkin = service.db.record_recognition(user_id, employee.get("name", ""), None, source="pin", now=now,
                                            method=METHOD_PIN, detail=str(frame_path) if frame_path else None)
    learning = None
    if image_bgr is not None and checkin.outcome != "inactive":
        learning = learn_mask(service, user_id, image_bgr, face, source=SOURCE_PIN, now=moment)
    return PinCheckinResult(True, _message(checkin), checkin, frame_path, learning)


def _message(checkin: CheckIn) -> str:
    name = checkin.name or checkin.employee_id
    if checkin.outcome == CHECKED_IN:
        return f"{name} - Present - {checkin.timestamp:%H:%M:%S} (worker ID)"
    if checkin.outcome == "cooldown":
        return f"{name} - already checked in; next check-in counts in {checkin.seconds_until_next} s"
    if checkin.outcome == "inactive":
        return f"{name} - not active. Please see HR."
    return f"{name} - {checkin.outcome}"


def save_review_frame(store, data_dir: Path, user_id: str, image_bgr: np.ndarray, moment: datetime) -> Path | None:
    """The frame of a PIN check-in, for HR to look at later (data/review/YYYY-MM-DD/...jpg),
    sealed with the gallery's key like every other face the kiosk keeps."""
    ok, data = cv2.imencode(".jpg", image_bgr, [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        return None
    path = Path(data_dir) / REVIEW_DIR / moment.date().isoformat() / _frame_name(f"{moment:%H%M%S}", user_id)
    store.replace_file(path, data.tobytes())
    return path


def _frame_name(hhmmss: str, user_id: str) -> str:
    """`HHMMSS_{worker ID}_pin.jpg`: the time has six digits, so the ID is what lies between
    them and `_pin.jpg` (an ID may hold underscores itself)."""
    return f"{hhmmss}_{user_id}_pin.jpg"


def review_frames(data_dir: Path, user_id: str | None = None) -> list[Path]:
    """The stored PIN check-in frames (of one person, or everyone's), oldest first."""
    pattern = _frame_name("[0-9]" * 6, user_id) if user_id else "*_pin.jpg"
    return sorted(Path(data_dir).glob(f"{REVIEW_DIR}/*/{pattern}"))


def renamed_frame(path: str, old: str, new: str) -> str:
    """A frame's path (as the access log keeps it) after its person's ID changed from `old` to
    `new`; any other text is returned as it is."""
    head, name = os.path.split(path)
    if len(name) > 6 and name[:6].isdigit() and name == _frame_name(name[:6], old):
        return os.path.join(head, _frame_name(name[:6], new))
    return path


def rename_review_frames(store, data_dir: Path, old: str, new: str) -> int:
    """Give the PIN check-in frames of `old` the name of `new`. Each is sealed again under its
    new name (the seal binds the file name); a repeat after a crash finishes what is left."""
    count = 0
    for path in review_frames(data_dir, old):
        target = Path(renamed_frame(str(path), old, new))
        if not target.exists():
            store.replace_file(target, store.read_file(path))
        path.unlink()
        count += 1
    return count


def review_folders(data_dir: Path) -> list[Path]:
    """One folder per day of review frames (the retention purge ages their files)."""
    root = Path(data_dir) / REVIEW_DIR
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def face_crop(image_bgr: np.ndarray, face: Face, margin: float = CROP_MARGIN) -> bytes:
    """A JPEG of the face with room around it, so a detector finds it again (kiosk reembed)."""
    x1, y1, x2, y2 = (float(v) for v in face.box[:4])
    mx, my = (x2 - x1) * margin, (y2 - y1) * margin
    h, w = image_bgr.shape[:2]
    crop = image_bgr[max(0, int(y1 - my)):min(h, int(y2 + my)), max(0, int(x1 - mx)):min(w, int(x2 + mx))]
    ok, data = cv2.imencode(".jpg", crop if crop.size else image_bgr, [cv2.IMWRITE_JPEG_QUALITY, 95])
    return data.tobytes() if ok else b""


def _subject(service, image_bgr: np.ndarray) -> Face | None:
    faces = [f for f in service.pipeline.analyze(image_bgr) if f.embedding is not None]
    return max(faces, key=lambda f: f.area, default=None)


def learn_mask(service, user_id: str, image_bgr: np.ndarray, face: Face | None = None, *,
               source: str, now: datetime | None = None) -> LearnDecision:
    """Apply the anti-poisoning rule to one face of `user_id` and store what it allows."""
    face = face if face is not None and face.embedding is not None else _subject(service, image_bgr)
    if face is None or face.embedding is None:  # _subject keeps embedded faces only
        return LearnDecision(REFUSED, "no face in the frame")
    embedding = face.embedding
    matcher = service.matcher
    masked = bool(matcher.embedding_mask_flags(embedding)[0]) if len(matcher) else False
    liveness = service.check_liveness(image_bgr, face) if masked else None
    store = LearnedTemplates(service.store)
    try:
        dates = [e.get("date", "") for e in store.list(user_id) if e.get("source") == source]
    except Exception:  # not in the gallery: judge says so
        dates = []
    last = datetime.fromisoformat(max(dates)) if dates else None
    decision = judge(matcher, user_id, embedding, masked=masked,
                     live=None if liveness is None else bool(liveness.live), source=source,
                     rule=service.learn_rule, last_learned=last, now=now)
    if decision.stored:
        store.add(user_id, embedding, face_crop(image_bgr, face), embedder=matcher.embedder, source=source,
                  status=ACTIVE if decision.action == LEARN else PENDING, now=now,
                  similarity=round(decision.own, 4),
                  liveness=None if liveness is None else round(float(liveness.score), 4))
        service.gallery_changed(user_id)
    return decision


def reembed_learned(service, user_id: str, force: bool = False) -> tuple[int, list[str]]:
    """Re-embed a person's learned templates from their stored crops with the active model
    (after `kiosk reembed` moved the person to it). Returns (done, problems)."""
    store = LearnedTemplates(service.store)
    target = service.pipeline.embedder.name
    done, problems = 0, []
    for entry in store.list(user_id):
        if entry.get("embedder") == target and not force:
            continue
        try:
            face = _subject(service, store.crop(entry))
        except Exception as exc:  # one bad crop must not stop the others
            problems.append(f"{user_id} {entry['name']}: {exc}")
            continue
        if face is None or face.embedding is None:
            problems.append(f"{user_id} {entry['name']}: no face found in its crop; remove it on the employee page")
            continue
        store.set_vector(user_id, entry["name"], face.embedding, target)
        done += 1
    if done:
        service.gallery_changed(user_id)
    return done, problems
