"""The engine's names the Qt screens need (results, errors, constants, the admin PIN hashing),
re-exported so the screens import from kiosk.app only (pyproject's import-linter contract)."""
from __future__ import annotations

from kiosk.app.enrollment_desk import DuplicateCheck, masks_available
from kiosk.attendance.errors import STORE_ERRORS
from kiosk.enrollment.best_frame import RING_SECONDS, FrameChoice
from kiosk.enrollment.templates import PHOTOS_REQUIRED, CheckedPhoto, EnrollmentError
from kiosk.gallery.learned import PENDING
from kiosk.security.audit import AUDIT_EXPORT, KIOSK_EXIT, PIN_CHANGE, ROLE_SYSTEM, SIGN_IN, SIGN_OUT, Actor
from kiosk.security.pin_hash import MAX_DIGITS, MIN_DIGITS, hash_pin, pin_problem, verify_pin
from kiosk.security.pins import MAX_DIGITS as PERSONAL_PIN_MAX_DIGITS
from kiosk.vision.image_io import ImageError

__all__ = [
    "AUDIT_EXPORT", "KIOSK_EXIT", "MAX_DIGITS", "MIN_DIGITS", "PENDING", "PERSONAL_PIN_MAX_DIGITS", "PHOTOS_REQUIRED",
    "PIN_CHANGE", "RING_SECONDS", "ROLE_SYSTEM", "SIGN_IN", "SIGN_OUT", "STORE_ERRORS", "Actor", "CheckedPhoto",
    "DuplicateCheck", "EnrollmentError", "FrameChoice", "ImageError", "hash_pin", "masks_available", "pin_problem",
    "verify_pin",
]
