"""The results the service returns (FaceResult) and the engine's names the Qt screens need
(results, errors, constants, the admin PIN hashing and lockout), re-exported so the screens import from
kiosk.app only (pyproject's import-linter contract)."""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.app.enrollment_desk import DuplicateCheck, masks_available
from kiosk.attendance import CheckIn
from kiosk.attendance.errors import STORE_ERRORS
from kiosk.attendance.spreadsheet import SheetWording
from kiosk.enrollment.best_frame import RING_SECONDS, FrameChoice
from kiosk.enrollment.templates import PHOTOS_REQUIRED, CheckedPhoto, EnrollmentError
from kiosk.gallery.learned import PENDING
from kiosk.recognition.matcher import MatchResult
from kiosk.security.audit import AUDIT_EXPORT, KIOSK_EXIT, PIN_CHANGE, ROLE_SYSTEM, SIGN_IN, SIGN_OUT, Actor
from kiosk.security.pin_hash import MAX_DIGITS, MIN_DIGITS, hash_pin, pin_problem, verify_pin
from kiosk.security.pins import MAX_DIGITS as PERSONAL_PIN_MAX_DIGITS
from kiosk.security.staff_pins import StaffPins
from kiosk.vision.image_io import ImageError
from kiosk.vision.types import Face

__all__ = [
    "AUDIT_EXPORT", "KIOSK_EXIT", "MAX_DIGITS", "MIN_DIGITS", "PENDING", "PERSONAL_PIN_MAX_DIGITS",
    "PHOTOS_REQUIRED", "PIN_CHANGE", "RING_SECONDS", "ROLE_SYSTEM", "SIGN_IN", "SIGN_OUT", "STORE_ERRORS",
    "SheetWording",
    "Actor", "CheckedPhoto", "DuplicateCheck", "EnrollmentError", "FaceResult", "FrameChoice", "ImageError", "StaffPins",
    "hash_pin", "masks_available", "pin_problem", "verify_pin",
]


@dataclass
class FaceResult:
    face: Face
    match: MatchResult
    checkin: CheckIn | None = None  # attendance CheckIn when it was recorded
    time: str = ""
    write_error: str | None = None  # why the database refused it (then it waits in the outbox)

    def as_dict(self) -> dict:
        out = {"box": self.face.xywh(), "detection_score": round(self.face.score, 4), "time": self.time}
        out |= self.match.as_dict()
        liveness = self.face.extra.get("liveness")
        if liveness is not None:  # present when liveness is on (kiosk.recognition.liveness)
            out["liveness"] = liveness.as_dict()
        if self.checkin is not None:
            out["attendance"] = {"recorded": self.checkin.recorded, "outcome": self.checkin.outcome}
        return out
