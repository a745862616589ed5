"""A new kiosk's first run: the administrator sets it up before anyone can use it, instead of the
first person to tap the HR button choosing the admin PIN. One step writes, once and only when
everything is valid, the admin PIN, a one-time recovery code (kiosk.security.recovery_code) and
the kiosk's initial settings (its name, time zone and camera) to kiosk.toml; the code is then
shown once. Qt-free: the set-up screen (kiosk.ui.first_run) and the command line use it alike."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import available_timezones

from kiosk.attendance.clock import machine_zone_name, resolve_zone
from kiosk.common.refusals import Sentence, sentence_of
from kiosk.security.audit import PIN_CHANGE, RECOVERY_CODE, ROLE_ADMIN
from kiosk.security.pin_hash import hash_pin, pin_problem
from kiosk.security.recovery_code import code_problem
from kiosk.security.staff_pins import StaffPins

__all__ = ["InitialSettings", "code_problem", "complete_setup", "needs_setup", "new_recovery_code", "pin_problem",
           "reset_admin_pin", "time_zones"]

KIOSK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
STREAM_SCHEMES = ("rtsp://", "rtsps://", "http://", "https://")


@dataclass
class InitialSettings:
    """What a new kiosk is asked at set-up (each can be changed later in kiosk.toml)."""

    kiosk_id: str
    time_zone: str  # IANA name; "" = this machine's zone
    camera: str  # device index, video file or stream URL

    @classmethod
    def of(cls, settings) -> InitialSettings:
        return cls(settings.kiosk_id, settings.time_zone, str(settings.camera))

    def problems(self) -> dict[str, str]:
        """Field -> why it is not acceptable (empty when all are), in sentences for the screen."""
        out: dict[str, str] = {}
        if not KIOSK_ID.fullmatch(self.kiosk_id.strip()):
            out["kiosk_id"] = Sentence("setup.kiosk_id")
        try:
            if self.time_zone.strip():  # empty: this machine's zone, whatever it is called
                resolve_zone(self.time_zone)
        except ValueError as exc:
            sentence = sentence_of(exc)
            out["time_zone"] = sentence.capitalised() if sentence else str(exc)[:1].upper() + str(exc)[1:]
        camera = self.camera.strip()
        if not camera:
            out["camera"] = Sentence("setup.no_camera")
        elif not (camera.isdigit() or camera.startswith(STREAM_SCHEMES) or Path(camera).expanduser().is_file()):
            out["camera"] = Sentence("setup.unknown_camera", camera=repr(camera))
        return out


def time_zones() -> list[str]:
    """The IANA zones to choose from, this machine's first."""
    here = machine_zone_name()
    return [here] + sorted(z for z in available_timezones() if z != here and "/" in z)


def needs_setup(settings) -> bool:
    """No admin PIN yet: the kiosk shows its set-up screen before anything else."""
    return not StaffPins(settings).has_role_pin(ROLE_ADMIN)


def complete_setup(settings, admin_pin: str, initial: InitialSettings, audit=None) -> str:
    """Write the admin PIN, a new recovery code and `initial` in one atomic save of kiosk.toml,
    and return the recovery code (to be shown once). Nothing is written when anything is
    wrong (ValueError, with every problem said). `audit(action, **detail)`, when given, records it."""
    if not needs_setup(settings):
        raise ValueError(Sentence("setup.done"))
    problem = pin_problem(admin_pin)
    if problem:
        raise ValueError(problem)
    problems = initial.problems()
    if problems:
        raise ValueError(" ".join(problems.values()))
    settings.kiosk_id = initial.kiosk_id.strip()
    settings.time_zone = initial.time_zone.strip()
    settings.camera = initial.camera.strip()
    settings.admin_pin_hash = hash_pin(admin_pin)
    code = StaffPins(settings).issue_recovery_code(save=False)
    settings.save()
    if audit is not None:
        audit(PIN_CHANGE, role=ROLE_ADMIN, first=True)
        audit(RECOVERY_CODE, why="first-run set-up")
    return code


def reset_admin_pin(settings, code: str, new_pin: str, audit=None):
    """The admin PIN forgotten: reset it with the recovery code. Returns (StaffCheck, next code):
    the used code is spent and a new one is made (show it once); a wrong code counts towards
    the staff lockout. ValueError when the new PIN or the code's form is wrong (nothing counted)."""
    result, next_code = StaffPins(settings).reset_admin_pin(code, new_pin)
    if result.ok and audit is not None:
        audit(PIN_CHANGE, role=ROLE_ADMIN, recovered=True)
        audit(RECOVERY_CODE, why="used to reset the admin PIN; a new one was made")
    return result, next_code


def new_recovery_code(settings, audit=None) -> str:
    """The administrator asks for a new code (the old one lost or seen): the old one stops working."""
    code = StaffPins(settings).issue_recovery_code()
    if audit is not None:
        audit(RECOVERY_CODE, why="replaced by the administrator")
    return code
