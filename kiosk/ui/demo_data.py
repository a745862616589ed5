"""A realistic data folder for the screenshots and the layout tests: real people enrolled from the
real photos in ../shared/faces through KioskService (with long names, as offices have them), two
weeks of check-ins in the real SQLite database, unknown faces in the access log, a PIN check-in
whose masked face waits for HR's approval, and the audit trail all this leaves.

Qt-free (the engine only), so it is built once and copied per screen size."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.app.types import EnrollmentError

load_image = KioskService.load_image  # image files through the service, as the screens read them

REPO = Path(__file__).resolve().parents[2]
FACES = REPO.parent / "shared" / "faces"
IDENTITIES = FACES / "identities"

# worker ID, name, mobile, photo folder (under faces/)
PEOPLE = [
    ("E2001", "Zoë Ångström-Fitzgerald de la Cruz", "+44 7700 900201", "identities/df02"),
    ("E2002", "Barack Obama", "+1 202 555 0100", "identities/obama"),
    ("E2003", "Alex Lacamoire", "+1 212 555 0142", "identities/alex_lacamoire"),
    ("W1024", "Jean-Luc O'Neil", "+33 6 12 34 56 78", "identities/df03"),
    ("W1025", "Ngozi Okonjo-Iweala", "+234 803 555 0199", "identities/df04"),
    ("E2004", "Maximilian Alexander von Hohenzollern-Sigmaringen", "+49 1512 3456789", "identities/df05"),
    ("E2005", "Li Na", "+86 139 0000 1234", "identities/df06"),
    ("W2001", "Chanida Srisai-Wongsawat", "+66 81 234 5678", "masked/webcam/user1"),
]
PIN_PERSON, PIN = "W2001", "2468"  # checks in once with worker ID + PIN, wearing a real mask
PIN_VISIT = "masked/webcam/user1/image05_masked.jpg"


def usable_photos(service: KioskService, folder: Path, count: int = 3) -> list:
    """The first `count` photos of a folder that pass the enrollment check (as HR retakes a
    refused one); unmasked ones only where a folder mixes both."""

    chosen = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.stem.endswith("_masked")):
        image = load_image(path)
        try:
            service.enrollment.check_photo(image)
        except EnrollmentError:
            continue
        chosen.append(image)
        if len(chosen) == count:
            break
    if len(chosen) < count:
        raise RuntimeError(f"{folder} has fewer than {count} photos fit for enrollment")
    return chosen


def build(data_dir: Path, *, masks: bool = False, pipeline=None, now: datetime | None = None):
    """Fill `data_dir` (a new data folder) and return the KioskService on it."""

    if not IDENTITIES.is_dir():
        raise FileNotFoundError(f"the real photos are not at {FACES}")
    service = KioskService(load_settings(data_dir, liveness=False), pipeline=pipeline)
    now = (now or datetime.now()).replace(second=0, microsecond=0)
    # The PIN person first, with synthetic masks: alone in the gallery, their masked templates
    # give the mask gate a clean axis, so their real masked face is recognised as masked and
    # waits for HR as a learned mask (kiosk.recognition.pin_checkin.learn_mask).
    order = sorted(PEOPLE, key=lambda p: p[0] != PIN_PERSON)
    for uid, name, mobile, folder in order:
        service.enroll(uid, name, mobile, usable_photos(service, FACES / folder),
                       masks=masks or uid == PIN_PERSON)
        if uid == PIN_PERSON:
            service.set_pin(PIN_PERSON, PIN)
            service.pin_checkin(PIN_PERSON, PIN, load_image(FACES / PIN_VISIT), now=now - timedelta(minutes=5))
    db = service.db
    for days in range(0, 14):
        for i, (uid, name, _, _) in enumerate(PEOPLE):
            day = (now - timedelta(days=days)).replace(hour=8, minute=30)
            if days and (day.weekday() >= 5 or (days + i) % 5 == 0):
                continue
            # today: everyone but the PIN person arrived in the last hour, whatever the clock says
            arrival = now - timedelta(minutes=60 - 7 * i) if not days else day + timedelta(minutes=6 * i + days)
            if uid == PIN_PERSON and not days:
                continue
            db.record_recognition(uid, name, 0.80 - 0.01 * i, masked=(days + i) % 3 == 0, now=arrival)
            leaving = day + timedelta(hours=9, minutes=3 * i)
            if leaving < now:
                db.record_recognition(uid, name, 0.78 - 0.01 * i, masked=False, now=leaving)
    for minutes, score in ((50, 0.21), (20, 0.33)):
        db.record_recognition(None, "Not in Database", score, now=now - timedelta(minutes=minutes))
    db.record_recognition(None, "Not sure", 0.61, unsure=True, now=now - timedelta(minutes=12))
    return service
